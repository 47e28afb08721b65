//! Keeping a store fresh: a re-ingest reads only what changed (ingest's ledger), and `explain`
//! answers from the stored inference with the same proofs as a run of the rules.

use crate::util::{dump, fixture, ok};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Copies the General Debate fixtures (with their manifest) into `dir`.
fn corpus(dir: &Path) {
    fs::create_dir_all(dir).expect("mkdir");
    for e in fs::read_dir(fixture("ungdc")).expect("fixtures").flatten() {
        fs::copy(e.path(), dir.join(e.file_name())).expect("copy");
    }
}

/// Every quad of the store, by graph (N-Quads lines, sorted), less the shared graph (rebuilt
/// from all statements).
fn by_graph(store: &Path, cwd: &Path) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in dump(store, cwd).lines() {
        let graph = line
            .trim_end_matches(" .")
            .rsplit_once(' ')
            .map_or("", |(_, g)| g)
            .to_owned();
        if !graph.contains("graph/shared") {
            out.entry(graph).or_default().push(line.to_owned());
        }
    }
    out
}

#[test]
fn a_reingest_reads_only_what_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let folder = cwd.join("corpus");
    corpus(&folder);
    let store = cwd.join("store");
    let path = folder.to_str().expect("utf8");
    let files = fs::read_dir(&folder)
        .expect("corpus")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .count();
    ok(&store, cwd, &["ingest", "-q", path]);
    let before = by_graph(&store, cwd);

    // Nothing changed: every file skipped on its hash, nothing written.
    let run = ok(&store, cwd, &["ingest", "-q", path]);
    assert!(
        run.stderr.contains(&format!(
            "{files} of {files} files unchanged since the last ingest"
        )) && run.stderr.contains(" 0 statement triples written"),
        "{}",
        run.stderr
    );
    assert_eq!(by_graph(&store, cwd), before);

    // One file edited: its graph alone is rewritten, and its ledger entry.
    let edited = folder.join("IRN_10_1955.txt");
    let mut text = fs::read_to_string(&edited).expect("fixture");
    text.push_str("\nWe recall General Assembly resolution 2625 (XXV).\n");
    fs::write(&edited, text).expect("edit");
    let run = ok(&store, cwd, &["ingest", "-q", path]);
    assert!(
        run.stderr.contains(&format!(
            "{} of {files} files unchanged since the last ingest",
            files - 1
        )),
        "{}",
        run.stderr
    );
    let after = by_graph(&store, cwd);
    let mut changed: Vec<&str> = after
        .keys()
        .chain(before.keys())
        .filter(|g| after.get(*g) != before.get(*g))
        .map(String::as_str)
        .collect();
    changed.sort_unstable();
    changed.dedup();
    assert_eq!(
        changed,
        // (The ledger changed too; export leaves it out.)
        ["<https://w3id.org/normgraph/id/graph/statement/irn_10_1955>"]
    );
    assert!(
        after["<https://w3id.org/normgraph/id/graph/statement/irn_10_1955>"]
            .iter()
            .any(|q| q.contains("2625(XXV)"))
    );

    // A manifest row is part of what a file is read with: a changed row re-reads that file.
    let manifest = folder.join("manifest.csv");
    let rows = fs::read_to_string(&manifest).expect("manifest");
    let header = rows.lines().next().expect("a header");
    assert!(header.starts_with("file,delegation"), "{header}");
    let edited_rows: String = rows
        .lines()
        .map(|l| {
            if l.starts_with("AGO_52_1997.txt,") {
                l.replacen(",AGO,", ",Angola,", 1)
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(
        edited_rows.trim(),
        rows.trim(),
        "the fixture's row for AGO changed"
    );
    fs::write(&manifest, edited_rows + "\n").expect("manifest");
    let run = ok(&store, cwd, &["ingest", "-q", path]);
    assert!(
        run.stderr.contains(&format!(
            "{} of {files} files unchanged since the last ingest",
            files - 1
        )) && run.stderr.contains("0 statement triples written"),
        "same delegation, so same triples, but the file was read again: {}",
        run.stderr
    );

    // Other resources (here an ontology with one more label): every file is read again.
    let resources = cwd.join("resources");
    for sub in [
        "ontology",
        "ontology/rules",
        "data/reference",
        "data/cues",
        "queries",
        "queries/projections",
    ] {
        let to = resources.join(sub);
        fs::create_dir_all(&to).expect("mkdir");
        for e in fs::read_dir(crate::util::root().join(sub))
            .expect("resources")
            .flatten()
        {
            if e.path().is_file() {
                fs::copy(e.path(), to.join(e.file_name())).expect("copy");
            }
        }
    }
    let principles = resources.join("ontology/principles.ttl");
    let mut ttl = fs::read_to_string(&principles).expect("principles");
    ttl.push_str("\n# a comment changes the file, not the graph\n");
    fs::write(&principles, ttl).expect("write");
    let res = resources.to_str().expect("utf8");
    let run = ok(&store, cwd, &["--resources", res, "ingest", "-q", path]);
    assert!(
        run.stderr.contains("reading every file again") && !run.stderr.contains("files unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(by_graph(&store, cwd).len(), after.len());
    let run = ok(&store, cwd, &["--resources", res, "ingest", "-q", path]);
    assert!(
        run.stderr
            .contains(&format!("{files} of {files} files unchanged")),
        "{}",
        run.stderr
    );
}

#[test]
fn explain_from_the_stored_inference_gives_the_proofs_of_a_fresh_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    let seeds = crate::util::root().join("data/statements");
    let ungdc = fixture("ungdc");
    ok(
        &store,
        cwd,
        &[
            "ingest",
            "-q",
            seeds.to_str().expect("utf8"),
            ungdc.to_str().expect("utf8"),
        ],
    );
    ok(&store, cwd, &["infer"]);
    // A few derived facts of every derived predicate.
    let out = ok(
        &store,
        cwd,
        &[
            "query",
            "--format",
            "tsv",
            "SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/normgraph/id/graph/inferred> { ?s ?p ?o } \
             FILTER(?p != ng:rulesDigest) } ORDER BY ?p ?s ?o",
        ],
    )
    .stdout;
    let mut per_predicate: BTreeMap<String, usize> = BTreeMap::new();
    let mut checked = 0;
    for line in out.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [s, p, o] = [cols[0], cols[1], cols[2]];
        let n = per_predicate.entry(p.to_owned()).or_default();
        *n += 1;
        if *n > 3 {
            continue;
        }
        let stored = ok(&store, cwd, &["explain", "--format", "json", s, p, o]).stdout;
        let fresh = ok(
            &store,
            cwd,
            &["explain", "--recompute", "--format", "json", s, p, o],
        )
        .stdout;
        assert_eq!(stored, fresh, "{s} {p} {o}");
        assert!(stored.contains("\"derivations\""), "{stored}");
        checked += 1;
    }
    assert!(per_predicate.len() >= 5, "{per_predicate:?}");
    assert!(checked >= 15, "{checked}");
    // After a change to the facts the stored inference is gone, and explain runs the rules.
    let proposal = out.lines().nth(1).expect("a derived fact");
    let cols: Vec<&str> = proposal.split('\t').collect();
    let before = ok(&store, cwd, &["explain", cols[0], cols[1], cols[2]]).stdout;
    let extra = cwd.join("extra");
    fs::create_dir_all(&extra).expect("mkdir");
    fs::write(
        extra.join("note.txt"),
        "We recall General Assembly resolution 2625 (XXV) and the Charter.\n",
    )
    .expect("write");
    let run = ok(
        &store,
        cwd,
        &["ingest", "-q", extra.to_str().expect("utf8")],
    );
    assert!(
        run.stderr.contains("inferred triples, now stale"),
        "{}",
        run.stderr
    );
    assert_eq!(
        ok(&store, cwd, &["explain", cols[0], cols[1], cols[2]]).stdout,
        before
    );
}

#[test]
fn a_withdrawn_retraction_brings_its_fact_back_on_the_next_ingest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    let seeds = crate::util::root().join("data/statements");
    let seeds = seeds.to_str().expect("utf8");
    ok(&store, cwd, &["ingest", "-q", seeds]);
    let stmt = "https://w3id.org/normgraph/id/statement/000_8e5a7b6371a20a1b";
    let res = "https://undocs.org/A/RES/75/240";
    let count = || -> String {
        ok(
            &store,
            cwd,
            &[
                "query",
                "--format",
                "csv",
                &format!("SELECT (COUNT(*) AS ?n) WHERE {{ <{stmt}> ng:cites <{res}> }}"),
            ],
        )
        .stdout
        .replace('\r', "")
    };
    assert!(count().ends_with("\n1\n"), "{}", count());
    let file = cwd.join("corrections.ttl");
    fs::write(
        &file,
        format!(
            "@prefix ng: <https://w3id.org/normgraph/ns#> .\n\
             @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n\
             [] a ng:Retraction ; rdf:subject <{stmt}> ; rdf:predicate ng:cites ; rdf:object <{res}> .\n"
        ),
    )
    .expect("write");
    let file = file.to_str().expect("utf8");
    ok(&store, cwd, &["correct", file]);
    assert!(count().ends_with("\n0\n"), "{}", count());
    // Re-ingesting keeps it retracted (the retractions are part of the stamp: the first
    // ingest after a correction reads the files again, the next one nothing).
    for _ in 0..2 {
        ok(&store, cwd, &["ingest", "-q", seeds]);
        assert!(count().ends_with("\n0\n"), "{}", count());
    }
    let run = ok(&store, cwd, &["ingest", "-q", seeds]);
    assert!(
        run.stderr.contains("2 of 2 files unchanged"),
        "{}",
        run.stderr
    );
    // The scholar withdraws the retraction: the next ingest reads the files again.
    fs::write(
        file,
        format!("<{stmt}> <http://www.w3.org/2000/01/rdf-schema#comment> \"checked\" .\n"),
    )
    .expect("write");
    ok(&store, cwd, &["correct", file]);
    let run = ok(&store, cwd, &["ingest", "-q", seeds]);
    assert!(
        run.stderr.contains("reading every file again"),
        "{}",
        run.stderr
    );
    assert!(count().ends_with("\n1\n"), "{}", count());
}
