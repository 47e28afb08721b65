//! Graph analyses: equality with networkx (stored reference values and live checks), exports read
//! by their real consumers (networkx, Graphviz), the HTML viewer in headless Chromium, and bad
//! input.

use crate::util::{chromium, dump, fixture, normgraph, ok, root, seeds_store};
use normgraph::analysis::centrality::{self, Adjacency};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn in_ci() -> bool {
    std::env::var_os("CI").is_some()
}

/// (node count, edges) of a fixture graph written by `make_networkx_fixture.py`.
fn fixture_graph(name: &str) -> Vec<(u32, u32, f64)> {
    let mut r = csv::Reader::from_path(fixture(&format!("graph/{name}-edges.csv"))).expect("csv");
    r.records()
        .map(|rec| {
            let rec = rec.expect("row");
            (
                rec[0].parse().expect("source"),
                rec[1].parse().expect("target"),
                rec[2].parse().expect("weight"),
            )
        })
        .collect()
}

fn reference() -> serde_json::Value {
    let text = std::fs::read_to_string(fixture("graph/networkx-reference.json")).expect("json");
    serde_json::from_str(&text).expect("json")
}

fn floats(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

fn assert_close(ours: &[f64], theirs: &[f64], tol: f64, what: &str) {
    assert_eq!(ours.len(), theirs.len(), "{what}: lengths");
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert!(
            (a - b).abs() <= tol,
            "{what}: node {i}: normgraph {a} vs networkx {b}"
        );
    }
}

#[test]
fn centrality_equals_stored_networkx_values() {
    let reference = reference();
    for (name, directed) in [("directed", true), ("undirected", false)] {
        let r = &reference[name];
        let n = r["nodes"].as_u64().expect("n") as usize;
        let adj = Adjacency::from_edges(n, &fixture_graph(name), directed);
        let pr = centrality::pagerank(&adj, 0.85, 1e-6, 100).expect("converges");
        assert_close(
            &pr,
            &floats(&r["pagerank"]),
            1e-6,
            &format!("{name} pagerank"),
        );
        assert_close(
            &centrality::betweenness(&adj, None),
            &floats(&r["betweenness"]),
            1e-9,
            &format!("{name} betweenness"),
        );
        assert_close(
            &centrality::closeness(&adj),
            &floats(&r["closeness"]),
            1e-9,
            &format!("{name} closeness"),
        );
        // networkx computes HITS from a sparse SVD; power iteration reaches the same vectors.
        let (hubs, authorities) = centrality::hits(&adj, 1e-12, 10_000);
        assert_close(&hubs, &floats(&r["hubs"]), 1e-6, &format!("{name} hubs"));
        assert_close(
            &authorities,
            &floats(&r["authorities"]),
            1e-6,
            &format!("{name} authorities"),
        );
        let pivots: Vec<usize> = r["pivots"]
            .as_array()
            .expect("pivots")
            .iter()
            .map(|p| p.as_u64().expect("pivot") as usize)
            .collect();
        assert_close(
            &centrality::betweenness(&adj, Some(&pivots)),
            &floats(&r["betweenness_k20_seed5"]),
            1e-9,
            &format!("{name} sampled betweenness"),
        );
    }
}

/// A store with the 60 General Debate fixture speeches (many delegations) and the seeds.
fn corpus_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let ungdc = fixture("ungdc");
    let seeds = root().join("data/statements");
    ok(
        &store,
        dir.path(),
        &[
            "ingest",
            "-q",
            ungdc.to_str().expect("utf8"),
            seeds.to_str().expect("utf8"),
        ],
    );
    (dir, store)
}

/// Runs a Python snippet; `None` if Python or networkx is missing outside CI.
fn python(code: &str, args: &[&Path]) -> Option<String> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(code)
        .args(args)
        .output();
    match out {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        Ok(o) if !in_ci() && String::from_utf8_lossy(&o.stderr).contains("No module named") => {
            eprintln!("networkx not installed: skipped (scripts/install-deps.sh installs it)");
            None
        }
        other => panic!("python check failed: {other:?}"),
    }
}

#[test]
fn exports_load_in_networkx_and_graphviz_with_equal_scores() {
    let (dir, store) = corpus_store();
    let cwd = dir.path();
    for (projection, directed) in [("citation", true), ("co-citation", false)] {
        let json = ok(
            &store,
            cwd,
            &[
                "analyze",
                "centrality",
                "-p",
                projection,
                "--measures",
                "pagerank",
                "--format",
                "json",
            ],
        )
        .stdout;
        let rows: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json rows");
        let nodes = rows.len();
        assert!(nodes > 20, "{projection}: {nodes} nodes");
        let mut files = Vec::new();
        for format in ["graphml", "gexf", "dot", "cyjs", "csv"] {
            let path = cwd.join(format!("{projection}.{format}"));
            ok(
                &store,
                cwd,
                &[
                    "export-graph",
                    "-p",
                    projection,
                    "--format",
                    format,
                    "-o",
                    path.to_str().expect("utf8"),
                ],
            );
            files.push(path);
        }
        let edges = csv::Reader::from_path(&files[4])
            .expect("csv")
            .records()
            .count();
        assert!(edges > 0);
        // networkx reads GraphML, GEXF and Cytoscape JSON; its PageRank of the graph it read
        // equals the PageRank normgraph wrote into the file (and printed as JSON).
        let check = r#"
import json, sys, networkx as nx
gml = nx.read_graphml(sys.argv[1])
gexf = nx.read_gexf(sys.argv[2])
cy = nx.cytoscape_graph(json.load(open(sys.argv[3])))
pr = nx.pagerank(gml, alpha=0.85, tol=1e-6, weight="weight")
worst = max(abs(pr[n] - gml.nodes[n]["pagerank"]) for n in gml)
comm = {}
for n, d in gml.nodes(data=True):
    comm.setdefault(d["community"], set()).add(n)
q = 0.0 if gml.is_directed() else nx.community.modularity(gml, comm.values(), weight="weight")
print(json.dumps({"graphml": [gml.number_of_nodes(), gml.number_of_edges(), gml.is_directed()],
                  "gexf": [gexf.number_of_nodes(), gexf.number_of_edges(), gexf.is_directed()],
                  "cyjs": [cy.number_of_nodes(), cy.number_of_edges(), cy.is_directed()],
                  "worst": worst, "modularity": q}))
"#;
        if let Some(out) = python(check, &[&files[0], &files[1], &files[3]]) {
            let v: serde_json::Value = serde_json::from_str(out.trim()).expect("python json");
            for f in ["graphml", "gexf", "cyjs"] {
                assert_eq!(
                    v[f],
                    serde_json::json!([nodes, edges, directed]),
                    "{projection} {f}"
                );
            }
            let worst = v["worst"].as_f64().expect("worst");
            assert!(worst < 1e-6, "{projection}: PageRank differs by {worst}");
            if !directed {
                let run = ok(&store, cwd, &["analyze", "communities", "-p", projection]);
                let ours: f64 = run
                    .stderr
                    .split("modularity ")
                    .nth(1)
                    .and_then(|s| s.split_whitespace().next())
                    .and_then(|s| s.parse().ok())
                    .expect("modularity printed");
                let theirs = v["modularity"].as_f64().expect("q");
                assert!(ours > 0.1, "modularity {ours}");
                assert!(
                    (ours - theirs).abs() < 1e-6,
                    "ours {ours} networkx {theirs}"
                );
            }
        }
        // Graphviz draws the DOT file with one SVG node per graph node.
        match Command::new("dot").arg("-Tsvg").arg(&files[2]).output() {
            Ok(out) => {
                assert!(
                    out.status.success(),
                    "dot: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let svg = String::from_utf8_lossy(&out.stdout);
                assert_eq!(svg.matches("class=\"node\"").count(), nodes, "{projection}");
            }
            Err(_) if !in_ci() => eprintln!("graphviz not installed: skipped"),
            Err(e) => panic!("graphviz missing in CI: {e}"),
        }
    }
    // The SVG picture through Graphviz.
    let svg = cwd.join("citation.svg");
    let run = normgraph(
        &store,
        cwd,
        &["viz", "-p", "citation", "-o", svg.to_str().expect("utf8")],
    );
    if run.code == 0 {
        let text = std::fs::read_to_string(&svg).expect("svg");
        assert!(text.contains("<svg") && text.contains("A/RES/"), "svg");
    } else {
        assert!(!in_ci(), "viz svg failed in CI: {}", run.stderr);
        assert!(
            run.stderr.contains("apt-get install graphviz"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn viewer_renders_every_node_in_headless_chromium() {
    let (dir, store) = corpus_store();
    let cwd = dir.path();
    let page = cwd.join("citation.html");
    ok(
        &store,
        cwd,
        &["viz", "-p", "citation", "-o", page.to_str().expect("utf8")],
    );
    let html = std::fs::read_to_string(&page).expect("html");
    assert!(
        !html.contains("<script src"),
        "the page must not load scripts"
    );
    let listed = ok(
        &store,
        cwd,
        &[
            "analyze",
            "centrality",
            "--measures",
            "degree",
            "--format",
            "json",
        ],
    )
    .stdout;
    let nodes = serde_json::from_str::<Vec<serde_json::Value>>(&listed)
        .expect("json")
        .len();
    let url = format!("file://{}", page.display());
    let Some(out) = chromium(
        &["--virtual-time-budget=20000", "--dump-dom", &url],
        &cwd.join("profile"),
    ) else {
        return;
    };
    let dom = String::from_utf8_lossy(&out.stdout);
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(dom.contains(r#"data-ready="true""#), "not ready: {log}");
    assert!(
        dom.contains(r#"data-errors="0""#),
        "page errors: {dom:.2000}"
    );
    assert!(
        dom.contains(&format!(r#"data-rendered-nodes="{nodes}""#)),
        "expected {nodes} rendered nodes"
    );
    for bad in ["Uncaught", "CONSOLE(0)] \"Error"] {
        assert!(!log.contains(bad), "console error: {log}");
    }
    // Opened on the most cited Security Council resolution, the panel lists the delegations
    // citing it and the sentences in which they do.
    let focus = format!("{url}#node=https%3A%2F%2Fundocs.org%2FS%2FRES%2F242(1967)");
    let Some(out) = chromium(
        &["--virtual-time-budget=20000", "--dump-dom", &focus],
        &cwd.join("profile3"),
    ) else {
        return;
    };
    let dom = String::from_utf8_lossy(&out.stdout);
    let panel = dom.split(r#"<aside id="panel">"#).nth(1).unwrap_or("");
    assert!(panel.contains("<h2>S/RES/242(1967)</h2>"), "{panel:.3000}");
    assert!(
        panel.contains("<blockquote>") && panel.contains("242"),
        "{panel:.3000}"
    );
    assert!(panel.contains("Neighbours (11)"), "{panel:.3000}");
    // A screenshot for people (kept in target/ for looking at after the test).
    let shot = root().join("target/viewer-citation.png");
    std::fs::create_dir_all(root().join("target")).expect("target folder");
    chromium(
        &[
            "--window-size=1400,900",
            "--virtual-time-budget=20000",
            &format!("--screenshot={}", shot.display()),
            &url,
        ],
        &cwd.join("profile2"),
    );
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "screenshot of {size} bytes");

    // Filters (years, minimum weight) and labels, set from the address as a user sets them in
    // the header: the page shows exactly the edges the exported graph says it should.
    let cyjs = cwd.join("citation.json");
    ok(
        &store,
        cwd,
        &[
            "export-graph",
            "-p",
            "citation",
            "--format",
            "cyjs",
            "-o",
            cyjs.to_str().expect("utf8"),
        ],
    );
    let graph: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cyjs).expect("cyjs")).expect("json");
    let edges = graph["elements"]["edges"]
        .as_array()
        .expect("edges")
        .clone();
    let in_window = |e: &serde_json::Value, lo: i32, hi: i32| -> f64 {
        e["data"]["dates"]
            .as_object()
            .map(|d| {
                d.iter()
                    .filter(|(date, _)| date[..4].parse::<i32>().is_ok_and(|y| y >= lo && y <= hi))
                    .map(|(_, w)| w.as_f64().unwrap_or(0.0))
                    .sum()
            })
            .unwrap_or(0.0)
    };
    let heavy = edges
        .iter()
        .filter(|e| e["data"]["weight"].as_f64().unwrap_or(0.0) >= 2.0)
        .count();
    let nineties = edges
        .iter()
        .filter(|e| in_window(e, 1990, 1995) > 0.0)
        .count();
    assert!(
        heavy > 0 && heavy < edges.len(),
        "{heavy} of {}",
        edges.len()
    );
    assert!(nineties > 0 && nineties < edges.len(), "{nineties}");
    for (hash, visible, labelled) in [
        ("#minWeight=2", heavy, None),
        ("#from=1990&to=1995", nineties, None),
        ("#labels=5", edges.len(), Some(5)),
    ] {
        let Some(out) = chromium(
            &[
                "--virtual-time-budget=20000",
                "--dump-dom",
                &format!("{url}{hash}"),
            ],
            &cwd.join(format!("profile-{}", hash.len())),
        ) else {
            return;
        };
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(dom.contains(r#"data-errors="0""#), "{hash}: {dom:.2000}");
        assert!(
            dom.contains(&format!(r#"data-visible-edges="{visible}""#)),
            "{hash}: expected {visible} edges: {}",
            dom.split("<header").next().unwrap_or("")
        );
        if let Some(n) = labelled {
            assert!(
                dom.contains(&format!(r#"data-labelled-nodes="{n}""#)),
                "{hash}"
            );
        }
    }
    // Resolutions carry their titles where the catalogue has them.
    assert!(
        graph["elements"]["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .any(|n| n["data"]["title"].is_string() && n["data"]["kind"] == "Resolution"),
        "no resolution with a title"
    );

    // GEXF with dates is dynamic: Gephi's timeline (and networkx) read when each edge is there.
    let gexf = cwd.join("citation.gexf");
    ok(
        &store,
        cwd,
        &[
            "export-graph",
            "-p",
            "citation",
            "--format",
            "gexf",
            "-o",
            gexf.to_str().expect("utf8"),
        ],
    );
    let text = std::fs::read_to_string(&gexf).expect("gexf");
    assert!(
        text.contains(r#"mode="dynamic" timeformat="date""#),
        "{text:.500}"
    );
    let script = "import networkx as nx, sys\n\
                  g = nx.read_gexf(sys.argv[1])\n\
                  spells = [s for _, _, d in g.edges(data=True) for s in d.get('spells', [])]\n\
                  print(g.graph['mode'], g.number_of_edges(), len(spells), min(s[0] for s in spells), max(s[1] for s in spells))";
    let run = Command::new("python3")
        .args(["-c", script, gexf.to_str().expect("utf8")])
        .output()
        .expect("python3");
    if run.status.success() {
        let line = String::from_utf8_lossy(&run.stdout);
        let parts: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(parts[0], "dynamic");
        assert_eq!(parts[1], edges.len().to_string());
        assert!(parts[3] < parts[4], "{line}");
    } else if std::env::var_os("CI").is_some() {
        panic!("networkx: {}", String::from_utf8_lossy(&run.stderr));
    }
}

/// The legend follows rdfs:subClassOf: after `infer`, proposals that are also additional
/// norms are one kind, "ProposedNorm (incl. AdditionalNorm)", not two.
#[test]
fn viewer_legend_follows_subclasses() {
    let (dir, store) = seeds_store();
    let cwd = dir.path();
    ok(&store, cwd, &["infer"]);
    let cyjs = cwd.join("proposal.json");
    ok(
        &store,
        cwd,
        &[
            "export-graph",
            "-p",
            "proposal",
            "--format",
            "cyjs",
            "-o",
            cyjs.to_str().expect("utf8"),
        ],
    );
    let graph: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cyjs).expect("cyjs")).expect("json");
    let nodes = graph["elements"]["nodes"].as_array().expect("nodes");
    assert!(nodes.iter().all(|n| n["data"]["kind"] != "AdditionalNorm"));
    assert!(nodes
        .iter()
        .any(|n| n["data"]["subkind"] == "AdditionalNorm"));
    let page = cwd.join("proposal.html");
    ok(
        &store,
        cwd,
        &["viz", "-p", "proposal", "-o", page.to_str().expect("utf8")],
    );
    let Some(out) = chromium(
        &[
            "--virtual-time-budget=20000",
            "--dump-dom",
            &format!("file://{}", page.display()),
        ],
        &cwd.join("profile"),
    ) else {
        return;
    };
    let dom = String::from_utf8_lossy(&out.stdout);
    let legend = dom
        .split(r#"<span id="legend">"#)
        .nth(1)
        .unwrap_or("")
        .split("</span></label>")
        .next()
        .unwrap_or("");
    let legend = legend.split(r#"<span id="status">"#).next().unwrap_or("");
    assert!(
        legend.contains("ProposedNorm (incl. AdditionalNorm)"),
        "{legend}"
    );
    assert_eq!(legend.matches("AdditionalNorm").count(), 1, "{legend}");
}

#[test]
fn analyses_on_the_seeds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    let seeds = root().join("data/statements");
    let seeds = seeds.to_str().expect("utf8");
    ok(&store, cwd, &["ingest", "-q", seeds]);

    let listed = ok(&store, cwd, &["analyze", "projections"]).stdout;
    for name in [
        "citation",
        "lineage",
        "co-citation",
        "proposal",
        "alignment",
    ] {
        assert!(listed.contains(name), "{listed}");
    }

    // The most cited resolution (7 mentions of A/RES/73/27) has the highest PageRank.
    let csv_out = ok(
        &store,
        cwd,
        &["analyze", "centrality", "--format", "csv", "--top", "3"],
    )
    .stdout;
    let first = csv_out.lines().nth(1).expect("a row");
    assert!(first.contains("A/RES/73/27"), "{csv_out}");
    assert_eq!(csv_out.lines().count(), 4);

    // Scores written back are queryable; a re-ingest drops them as stale.
    ok(
        &store,
        cwd,
        &[
            "analyze",
            "centrality",
            "--measures",
            "pagerank",
            "--write-back",
        ],
    );
    let q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/normgraph/id/graph/analysis/citation> { ?node ng:pageRank ?r } }";
    let count = ok(&store, cwd, &["query", "--format", "csv", q]).stdout;
    let n: usize = count
        .lines()
        .nth(1)
        .and_then(|l| l.parse().ok())
        .expect("count");
    assert!(n >= 5, "{count}");
    // Ingesting the same statements again changes nothing, so the scores stay …
    ok(&store, cwd, &["ingest", "-q", seeds]);
    let again = ok(&store, cwd, &["query", "--format", "csv", q]).stdout;
    assert_eq!(again, count);
    // … but once a statement changes they are stale and dropped.
    let changed = cwd.join("changed");
    std::fs::create_dir_all(&changed).expect("mkdir");
    for name in [
        "000_8e5a7b6371a20a1b.txt",
        "001_e9acb2ec0aff198f.txt",
        "manifest.csv",
    ] {
        std::fs::copy(
            root().join("data/statements").join(name),
            changed.join(name),
        )
        .expect("copy seed");
    }
    let first = changed.join("000_8e5a7b6371a20a1b.txt");
    let mut text = std::fs::read_to_string(&first).expect("seed text");
    text.push_str("\nWe also recall resolution 2131 (XX).\n");
    std::fs::write(&first, text).expect("write changed seed");
    let changed = changed.to_str().expect("utf8");
    ok(&store, cwd, &["ingest", "-q", "--replace", changed]);
    let count = ok(&store, cwd, &["query", "--format", "csv", q]).stdout;
    assert_eq!(count.lines().nth(1), Some("0"));

    // A proposal reaches a legal source through the principle it invokes: the norm at
    // characters 11227–11389 of the 2020 submission invokes territorial integrity and the
    // non-use of force, both codified in Article 2(4).
    let (norm, article) = ("norm/11227-11389", "article-2-4");
    let path = |extra: &[&str]| {
        let mut args = vec![
            "analyze", "path", "-p", "proposal", "--from", norm, "--to", article, "--format", "csv",
        ];
        args.extend_from_slice(extra);
        let out = ok(&store, cwd, &args).stdout;
        let mut r = csv::Reader::from_reader(out.as_bytes());
        r.records()
            .map(|x| {
                x.expect("row")
                    .iter()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let shortest = path(&[]);
    assert_eq!(shortest.len(), 2, "{shortest:?}");
    assert_eq!(shortest[0][4], "ng:invokesPrinciple");
    assert_eq!(shortest[1][4], "ng:codifiedIn");
    assert!(
        !shortest[0][6].is_empty(),
        "the quoted sentence behind the proposal"
    );
    let all = path(&["--all"]);
    let paths: BTreeSet<&str> = all.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(paths.len(), 2, "{all:?}");
    let run = normgraph(
        &store,
        cwd,
        &[
            "analyze", "path", "-p", "proposal", "--from", article, "--to", norm,
        ],
    );
    assert_eq!(run.code, 1, "no path against the edges");
    assert!(run.stderr.contains("no path from"));

    // How Iran's citations changed between its two statements.
    let t = ok(
        &store,
        cwd,
        &[
            "analyze",
            "timeline",
            "--delegation",
            "IRN",
            "--format",
            "json",
        ],
    )
    .stdout;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&t).expect("json");
    assert_eq!(rows.len(), 2, "{t}");
    assert!(rows[0]["first date"].as_str() < rows[1]["first date"].as_str());
    assert!(rows[1]["new"].as_str().is_some());
    let by_name = ok(
        &store,
        cwd,
        &[
            "analyze",
            "timeline",
            "--delegation",
            "Islamic Republic of Iran",
            "--format",
            "json",
        ],
    );
    assert_eq!(by_name.stdout, t);

    ok(&store, cwd, &["analyze", "cycles", "-p", "lineage"]);
}

#[test]
fn bad_graph_input_is_named_and_changes_nothing() {
    let (dir, store) = seeds_store();
    let cwd = dir.path();
    let before = dump(&store, cwd);

    let run = normgraph(&store, cwd, &["analyze", "centrality", "-p", "nosuch"]);
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("no projection named \"nosuch\"") && run.stderr.contains("co-citation")
    );

    let write = |name: &str, text: &str| {
        let p = cwd.join(name);
        std::fs::write(&p, text).expect("write");
        p.to_str().expect("utf8").to_owned()
    };
    let cases = [
        ("wrong-vars.rq", "SELECT ?a ?b WHERE { ?a ng:cites ?b }", "does not return ?source"),
        ("syntax.rq", "SELECT ?source ?target WHERE { ?source ng:cites }", "syntax.rq:1:49: SPARQL syntax error"),
        ("ask.rq", "ASK { ?s ?p ?o }", "must be a SELECT"),
        (
            "weight.rq",
            "SELECT ?source ?target ?weight WHERE { ?source ng:cites ?target BIND(\"heavy\" AS ?weight) }",
            "?weight \"heavy\" is not a non-negative number",
        ),
    ];
    for (file, text, message) in cases {
        let path = write(file, text);
        let run = normgraph(&store, cwd, &["analyze", "centrality", "--select", &path]);
        assert_eq!(run.code, 3, "{file}");
        assert!(run.stderr.contains(message), "{file}: {}", run.stderr);
    }
    let bytes = cwd.join("latin1.rq");
    std::fs::write(&bytes, b"SELECT ?source \xe9").expect("write");
    let run = normgraph(
        &store,
        cwd,
        &[
            "analyze",
            "cycles",
            "--select",
            bytes.to_str().expect("utf8"),
        ],
    );
    assert_eq!(run.code, 3);
    // Read like every user file: the line and column of the first bad byte.
    assert!(
        run.stderr.contains("latin1.rq:1:16: not valid UTF-8"),
        "{}",
        run.stderr
    );

    // One delegation cites nothing in common with another: the co-citation graph is empty.
    let run = normgraph(
        &store,
        cwd,
        &["analyze", "communities", "-p", "co-citation"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("projection is empty"), "{}", run.stderr);

    let run = normgraph(
        &store,
        cwd,
        &["analyze", "path", "--from", "IRN", "--to", "Atlantis"],
    );
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("no node \"Atlantis\""),
        "{}",
        run.stderr
    );

    let run = normgraph(&store, cwd, &["viz", "-o", "picture.png"]);
    assert_eq!(run.code, 3);
    assert!(run.stderr.contains(".html (interactive viewer) or .svg"));

    let run = normgraph(
        &store,
        cwd,
        &[
            "analyze",
            "centrality",
            "--pivots",
            "0",
            "--measures",
            "betweenness",
        ],
    );
    assert_eq!(run.code, 3);

    let run = normgraph(&cwd.join("nostore"), cwd, &["analyze", "centrality"]);
    assert_eq!(run.code, 4);

    assert_eq!(before, dump(&store, cwd), "analyses changed the store");
}
