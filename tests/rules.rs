//! The rules engine end to end: infer on the seeds, agreement with EYE, explanations, bad rules.

use crate::util::{assert_same_text, dump, normgraph, ok, root};
use std::collections::BTreeSet;
use std::fs;
use std::process::Command;

fn seeded() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let seeds = root().join("data/statements");
    ok(
        &store,
        dir.path(),
        &["ingest", seeds.to_str().expect("utf8")],
    );
    (dir, store)
}

/// Canonical N-Triples lines of a Turtle/N-Triples text.
fn canonical(text: &str) -> BTreeSet<String> {
    oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(text.as_bytes())
        .map(|q| oxigraph::model::Triple::from(q.expect("parses")).to_string())
        .collect()
}

#[test]
fn infer_on_the_seeds_derives_grounding_and_agrees_with_eye() {
    let (dir, store) = seeded();
    let cwd = dir.path();
    // The asserted graph, for EYE, before inference.
    let base = cwd.join("base.nt");
    ok(
        &store,
        cwd,
        &[
            "export",
            "--format",
            "ntriples",
            "-o",
            base.to_str().expect("utf8"),
        ],
    );
    let run = ok(&store, cwd, &["infer"]);
    assert!(run.stderr.contains("rounds"), "{}", run.stderr);
    assert!(run.stdout.contains("10-grounding.n3"), "{}", run.stdout);
    let graph = "https://w3id.org/normgraph/id/graph/inferred";
    // (Less the triple naming the rules that derived the graph.)
    let mut ours = canonical(
        &ok(
            &store,
            cwd,
            &["export", "--format", "ntriples", "--graph", graph],
        )
        .stdout,
    );
    let digests = ours.len();
    ours.retain(|t| !t.contains("#rulesDigest>"));
    assert_eq!(digests, ours.len() + 1, "one ng:rulesDigest");
    let grounded_2131 = ours
        .iter()
        .filter(|t| t.contains("#groundedIn> <https://undocs.org/A/RES/2131(XX)>"))
        .count();
    assert_eq!(
        grounded_2131, 2,
        "both norms citing 2131 (XX) are grounded in it: {ours:#?}"
    );
    assert!(ours.iter().any(|t| t.contains("#addressedBy>")));
    assert!(ours.iter().any(|t| t.contains("#AdditionalNorm>")));
    assert!(ours.iter().any(|t| t.contains("#refines>")));

    // Queries see the inferred graph unless told not to.
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?n ng:groundedIn ?r }";
    let with = ok(&store, cwd, &["query", "--format", "csv", q]).stdout;
    let without = ok(
        &store,
        cwd,
        &["query", "--format", "csv", "--asserted-only", q],
    )
    .stdout;
    assert_ne!(with, without);
    assert!(without.replace('\r', "").ends_with("\n0\n"), "{without}");

    let in_ci = std::env::var_os("CI").is_some();
    let mut eye = Command::new("eye.pvm");
    eye.args(["--nope", "--quiet", "--turtle"]).arg(&base);
    let mut rules: Vec<_> = fs::read_dir(root().join("ontology/rules"))
        .expect("rules")
        .map(|e| e.expect("entry").path())
        .collect();
    rules.sort();
    eye.args(&rules).arg("--pass-only-new");
    match eye.output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "eye failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let theirs = canonical(&String::from_utf8_lossy(&out.stdout));
            let only_ours: Vec<_> = ours.difference(&theirs).collect();
            let only_eye: Vec<_> = theirs.difference(&ours).collect();
            assert!(
                only_ours.is_empty() && only_eye.is_empty(),
                "differ from EYE:\nonly ours: {only_ours:#?}\nonly EYE: {only_eye:#?}"
            );
        }
        Err(_) if !in_ci => {
            eprintln!("eye not installed: comparison skipped (scripts/install-deps.sh installs it)")
        }
        Err(e) => panic!("eye.pvm missing in CI: {e}"),
    }
}

#[test]
fn explain_goes_down_to_the_quoted_sentence() {
    let (dir, store) = seeded();
    let cwd = dir.path();
    let norm = ok(
        &store,
        cwd,
        &[
            "query",
            "--format",
            "tsv",
            "SELECT ?n WHERE { ?n ng:text ?t FILTER(STRSTARTS(?t, \"No state has the right\")) }",
        ],
    )
    .stdout;
    let norm = norm.lines().nth(1).expect("one norm").trim().to_owned();
    let text = ok(
        &store,
        cwd,
        &["explain", &norm, "ng:groundedIn", "A/RES/2131(XX)"],
    )
    .stdout;
    assert!(text.contains("by rule 10-grounding.n3:"), "{text}");
    assert!(
        text.contains("a proposed norm names a resolution it cites"),
        "{text}"
    );
    assert!(
        text.contains("evidence: 001_e9acb2ec0aff198f.txt chars 11394–11823"),
        "{text}"
    );
    assert!(
        text.contains("(UNGA resolution 2131 of 21 December 1965)"),
        "{text}"
    );
    assert!(text.contains("[asserted]") && text.contains("[derived]"));

    let json = ok(
        &store,
        cwd,
        &[
            "explain",
            &norm,
            "ng:groundedIn",
            "A/RES/2131(XX)",
            "--format",
            "json",
        ],
    )
    .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["asserted"], false);
    assert_eq!(v["derivations"].as_array().expect("derivations").len(), 2);
    // groundedIn ← namesSource (derived) ← the proposal and its citation (asserted).
    let route = &v["derivations"][0]["premises"][0];
    assert_eq!(route["asserted"], false);
    let premise = &route["derivations"][0]["premises"][0];
    assert_eq!(premise["asserted"], true);
    assert_eq!(premise["evidence"][0]["start"], 11394);

    let turtle = ok(
        &store,
        cwd,
        &[
            "explain",
            &norm,
            "ng:groundedIn",
            "A/RES/2131(XX)",
            "--format",
            "turtle",
        ],
    )
    .stdout;
    let triples = canonical(&turtle);
    assert!(triples
        .iter()
        .any(|t| t.contains("http://www.w3.org/ns/prov#wasGeneratedBy")));
    assert!(triples
        .iter()
        .any(|t| t.contains("http://www.w3.org/ns/prov#used")));

    // An asserted triple explains itself by its evidence.
    let s = ok(
        &store,
        cwd,
        &["explain", "id:state/IRN", "ng:proposes", &norm],
    )
    .stdout;
    assert!(s.contains("[asserted]") && s.contains("evidence:"), "{s}");

    // A triple that does not hold says so.
    let run = normgraph(
        &store,
        cwd,
        &["explain", &norm, "ng:groundedIn", "A/RES/73/27"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("does not hold"), "{}", run.stderr);
}

#[test]
fn bad_rules_are_reported_before_anything_runs_and_change_nothing() {
    let (dir, store) = seeded();
    let cwd = dir.path();
    ok(&store, cwd, &["infer"]);
    let before = dump(&store, cwd);
    let p = "@prefix ng: <https://w3id.org/normgraph/ns#> .\n@prefix log: <http://www.w3.org/2000/10/swap/log#> .\n";
    let cases = [
        ("syntax.n3", format!("{p}{{ ?a ng:cites ?b \n => {{ ?a ng:x ?b }} ."), "syntax.n3:"),
        ("unbound.n3", format!("{p}{{ ?a ng:cites ?b }} => {{ ?a ng:x ?c }} ."), "?c is not bound"),
        ("prefix.n3", "{ ?a zz:cites ?b } => { ?a zz:x ?b } .".to_owned(), "prefix.n3:1:"),
        (
            "cycle.n3",
            format!("{p}{{ ?a ng:cites ?b . ?s log:notIncludes {{ ?a ng:q ?b }} }} => {{ ?a ng:p ?b }} .\n{{ ?a ng:p ?b }} => {{ ?a ng:q ?b }} .\n"),
            "cannot be stratified",
        ),
    ];
    for (name, text, expect) in cases {
        let file = cwd.join(name);
        fs::write(&file, text).expect("write");
        let run = normgraph(
            &store,
            cwd,
            &["infer", "--rules", file.to_str().expect("utf8")],
        );
        assert_eq!(run.code, 3, "{name}");
        assert!(run.stderr.contains(expect), "{name}: {}", run.stderr);
        assert_eq!(
            crate::util::message_lines(&run.stderr),
            1,
            "{name}: one line: {}",
            run.stderr
        );
    }
    assert_same_text(&dump(&store, cwd), &before, "store after failed infer runs");
}

#[test]
fn a_proposal_naming_a_charter_article_is_grounded_in_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let file = dir.path().join("proposal.txt");
    fs::write(
        &file,
        "Statement by the delegation of Norway\n\nNew York, 6 March 2024\n\n\
         On ICT security, we propose that States should respect the primary responsibility of \
         the Security Council under Article 24 of the Charter when ICT incidents threaten \
         international peace.\n",
    )
    .expect("write");
    let cwd = dir.path();
    ok(&store, cwd, &["ingest", file.to_str().expect("utf8")]);
    ok(&store, cwd, &["infer"]);
    let norm = ok(
        &store,
        cwd,
        &[
            "query",
            "--format",
            "tsv",
            "SELECT ?n WHERE { ?n a ng:ProposedNorm }",
        ],
    )
    .stdout;
    let norm = norm.lines().nth(1).expect("one norm").trim().to_owned();
    // Article 24 codifies none of the principles: only the new route grounds the proposal in it.
    let text = ok(
        &store,
        cwd,
        &[
            "explain",
            &norm,
            "ng:groundedIn",
            "<https://w3id.org/normgraph/id/charter/article-24>",
        ],
    )
    .stdout;
    assert!(
        text.contains("a proposed norm names a Charter article it refers to"),
        "{text}"
    );
    assert!(text.contains("Article 24 of the Charter"), "{text}");
}

/// Rules that derive without end (a closure over every pair of a cited resolution, say) stop at
/// `--max-derived` or `--timeout` with a clear message, and the previous inferred graph stays.
#[test]
fn infer_stops_at_its_bounds_and_keeps_the_previous_graph() {
    let (dir, store) = seeded();
    let cwd = dir.path();
    ok(&store, cwd, &["infer"]);
    let before = dump(&store, cwd);
    let rules = cwd.join("pairs.n3");
    fs::write(
        &rules,
        "@prefix ng: <https://w3id.org/normgraph/ns#> .\n\
         { ?a ?p ?x . ?b ?q ?y } => { ?a ng:pairedWith ?b } .\n",
    )
    .expect("write");
    let rules = rules.to_str().expect("utf8");
    for extra in [["--max-derived", "1000"], ["--timeout", "0.001"]] {
        let mut args = vec!["infer", "--rules", rules];
        args.extend(extra);
        let run = normgraph(&store, cwd, &args);
        assert_eq!(run.code, 3, "{}", run.stderr);
        assert!(run.stderr.contains("nothing was stored"), "{}", run.stderr);
        assert_same_text(&dump(&store, cwd), &before, "store after a bounded infer");
    }
}

/// The seed's proposals (Iran, February 2020, section B) linked as a lawyer reads them: by what
/// they regulate, with each source's route, and explained with the words of both sides.
#[test]
fn seed_proposals_refine_agreed_norms_by_subject_matter_with_sources_by_route() {
    let (dir, store) = seeded();
    let cwd = dir.path();
    ok(&store, cwd, &["infer"]);
    let seed = "https://w3id.org/normgraph/id/statement/001_e9acb2ec0aff198f";
    let norm = |start: &str| {
        let q = format!(
            "SELECT ?n WHERE {{ <{seed}> ng:containsProposal ?n . ?n ng:text ?t \
             FILTER(STRSTARTS(?t, \"{start}\")) }}"
        );
        let out = ok(&store, cwd, &["query", "--format", "tsv", &q]).stdout;
        let rows: Vec<&str> = out.lines().skip(1).collect();
        assert_eq!(rows.len(), 1, "one proposal starting {start:?}: {out}");
        rows[0].trim().to_owned()
    };
    let ask = |q: String| -> bool {
        let out = ok(&store, cwd, &["query", "--format", "csv", &q]).stdout;
        out.contains("true")
    };
    let count = ok(
        &store,
        cwd,
        &[
            "query",
            "--format",
            "csv",
            &format!("SELECT (COUNT(?n) AS ?c) WHERE {{ <{seed}> ng:containsProposal ?n }}"),
        ],
    )
    .stdout;
    assert!(count.replace('\r', "").ends_with("\n6\n"), "{count}");

    let norm_c = "<https://w3id.org/normgraph/id/agreed-norm/gge-2015-13-c>";
    let norm_i = "<https://w3id.org/normgraph/id/agreed-norm/gge-2015-13-i>";
    let due_control = norm("States should ensure appropriate measures");
    let supply = norm("States should refrain from, and prevent, abusing");
    let force = norm("States should refrain from the threat or use of force");
    let intervention = norm("No state has the right to intervene");
    assert!(ask(format!("ASK {{ {due_control} ng:refines {norm_c} }}")));
    assert!(!ask(format!("ASK {{ {due_control} a ng:AdditionalNorm }}")));
    assert!(ask(format!("ASK {{ {supply} ng:refines {norm_i} }}")));
    // The use-of-force proposal rests on Article 2(4), through the principle it invokes, and
    // refines no agreed norm (in particular no critical-infrastructure norm).
    assert!(ask(format!(
        "ASK {{ {force} ng:groundedThroughPrinciple <https://w3id.org/normgraph/id/charter/article-2-4> }}"
    )));
    assert!(!ask(format!("ASK {{ {force} ng:refines ?any }}")));
    assert!(ask(format!("ASK {{ {force} a ng:AdditionalNorm }}")));
    // The non-intervention proposal names 2131 (XX) itself; critical infrastructure, named in
    // passing, makes it refine nothing.
    assert!(ask(format!(
        "ASK {{ {intervention} ng:namesSource <https://undocs.org/A/RES/2131(XX)> }}"
    )));
    assert!(!ask(format!("ASK {{ {intervention} ng:refines ?any }}")));
    // "Only the sources the delegation named itself" is a question the graph answers: here
    // 2131 (XX), and not 2625 (XXV), which the proposal reaches only through its principles.
    assert!(!ask(format!(
        "ASK {{ {intervention} ng:namesSource <https://undocs.org/A/RES/2625(XXV)> }}"
    )));
    assert!(ask(format!(
        "ASK {{ {intervention} ng:groundedIn <https://undocs.org/A/RES/2625(XXV)> }}"
    )));

    // Explained with the words of both sides.
    let text = ok(
        &store,
        cwd,
        &["explain", &due_control, "ng:refines", norm_c],
    )
    .stdout;
    assert!(text.contains("by rule 50-refinement.n3:"), "{text}");
    assert!(
        text.contains("“due control over ICT companies and platforms”"),
        "{text}"
    );
    assert!(
        text.contains(
            "not knowingly allow their territory to be used for internationally wrongful acts"
        ),
        "{text}"
    );

    // The curated query puts it together.
    let table = ok(
        &store,
        cwd,
        &["query", "--format", "csv", "proposals-and-sources"],
    )
    .stdout;
    assert!(table.contains("refines 13(c)"), "{table}");
    assert!(table.contains("refines 13(i)"), "{table}");
    assert!(table.contains("additional"), "{table}");
}
