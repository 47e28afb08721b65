//! The real corpus, side by side with pyoxigraph and rdflib: extraction, ingest, export, every
//! curated query, CLI cold start, and each step's peak memory.
//!
//! `cargo bench --bench corpus -- [--corpus DIR] [--timeout 180] [--no-rdflib] [--no-pyoxigraph]`
//!
//! On the UN General Debate corpus (default `../shared/corpus/ungdc-dev`, with a manifest from
//! `scripts/ungdc-manifest.py`; skipped with a message when absent), each step runs as its own
//! process under GNU time, so the figures are wall clock and peak RSS of the whole step:
//!
//! - `normgraph extract` (read + extract, JSON to /dev/null) and `normgraph ingest` into a fresh
//!   store (read + extract + store), then the same ingest again (nothing changed);
//! - `normgraph export --format nquads`, whose output the peers load: pyoxigraph
//!   (`Store.bulk_load`, the same engine — the ratio is normgraph's pipeline overhead over a pure
//!   bulk load) and rdflib (`Dataset.parse`); see `benches/rdf_peers.py`;
//! - every curated query of `queries/` on the loaded data, in normgraph (in this process, through
//!   the library, like the peers run in theirs), pyoxigraph and rdflib, union default graph in
//!   all three; the row counts must agree; rdflib queries stop at `--timeout` seconds;
//! - `normgraph query` cold start: a whole CLI run of a one-line COUNT on the existing store
//!   (median of 5).
//!
//! Appends to `bench/results/corpus.csv` (steps) and `bench/results/queries.csv`.

mod common;

use common::{append_csv, arg, flag, measure, normgraph_bin, root, today, Measured};
use normgraph::query::{select, DefaultGraph};
use std::process::Command;
use std::time::Instant;

struct Step {
    step: &'static str,
    tool: &'static str,
    m: Measured,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = root();
    let corpus = arg(&args, "--corpus", root.join("../shared/corpus/ungdc-dev"));
    let timeout: u64 = arg(&args, "--timeout", 180);
    if !corpus.is_dir() {
        println!("{}: corpus not found; nothing to measure", corpus.display());
        return;
    }
    let bin = normgraph_bin();
    let work = root.join("target/bench-corpus");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("work dir");
    let manifest = common::corpus_manifest(&corpus, &work);
    let documents = std::fs::read_dir(&corpus)
        .expect("corpus")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .count();
    let megabytes = common::folder_bytes(&corpus) as f64 / 1e6;
    println!("corpus: {documents} files, {megabytes:.1} MB");
    let store = work.join("store");
    let ng = |args: &[&str]| {
        let mut c = Command::new(&bin);
        c.arg("--store").arg(&store).args(args);
        c
    };
    let on_corpus = |mut c: Command| {
        c.arg("--manifest").arg(&manifest).arg(&corpus);
        c
    };
    let mut steps = Vec::new();
    let mut step = |step, tool, m: Measured| {
        println!(
            "{step:<22} {tool:<11} {:>8.2} s {:>8.0} MB",
            m.seconds, m.peak_mb
        );
        steps.push(Step { step, tool, m });
    };
    step(
        "extract",
        "normgraph",
        measure(&on_corpus(ng(&["extract"])), "extract"),
    );
    step(
        "ingest",
        "normgraph",
        measure(&on_corpus(ng(&["ingest", "-q"])), "ingest"),
    );
    step(
        "ingest-unchanged",
        "normgraph",
        measure(&on_corpus(ng(&["ingest", "-q"])), "ingest again"),
    );
    let nquads = work.join("corpus.nq");
    let mut export = ng(&["export", "--format", "nquads", "-o"]);
    export.arg(&nquads);
    step("export-nquads", "normgraph", measure(&export, "export"));
    let mut cold = Vec::new();
    let mut cold_peak = 0.0f64;
    for _ in 0..5 {
        let m = measure(
            &ng(&[
                "query",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s a ng:Statement }",
            ]),
            "cold query",
        );
        cold.push(m.seconds);
        cold_peak = cold_peak.max(m.peak_mb);
    }
    cold.sort_by(f64::total_cmp);
    step(
        "query-cold-start",
        "normgraph",
        Measured {
            seconds: cold[2],
            peak_mb: cold_peak,
        },
    );

    // The curated queries, with every prefix declared so the peers read them as they are.
    let query_dir = work.join("queries");
    std::fs::create_dir_all(&query_dir).expect("query dir");
    let prefixes = normgraph::rdf::vocab::sparql_prefixes();
    let resources = normgraph::rdf::resources::Resources::Folder(root.clone());
    let queries = resources.queries().expect("curated queries");
    for (name, file) in &queries {
        std::fs::write(
            query_dir.join(format!("{name}.rq")),
            format!("{prefixes}{}", file.text),
        )
        .expect("write query");
    }
    let mut ours: Vec<(String, f64, usize)> = Vec::new();
    {
        let db = normgraph::store::open_existing(&store).expect("store");
        for (name, file) in &queries {
            let started = Instant::now();
            let rows = select(&db, &file.text, name, &DefaultGraph::Union)
                .expect("query runs")
                .map_or(0, |(_, rows)| rows.len());
            ours.push((name.clone(), started.elapsed().as_secs_f64(), rows));
            println!(
                "  normgraph {name}: {:.3} s, {rows} rows",
                ours.last().map_or(0.0, |o| o.1)
            );
        }
    }

    let peers: Vec<(&'static str, bool)> = vec![
        ("pyoxigraph", !flag(&args, "--no-pyoxigraph")),
        ("rdflib", !flag(&args, "--no-rdflib")),
    ];
    let mut peer_results: Vec<(&'static str, serde_json::Value)> = Vec::new();
    for (peer, wanted) in peers {
        if !wanted {
            continue;
        }
        let available = Command::new("python3")
            .args(["-c", &format!("import {peer}")])
            .status()
            .is_ok_and(|s| s.success());
        if !available {
            println!("{peer} not installed (scripts/bench.sh installs it): skipped");
            continue;
        }
        let out = work.join(format!("{peer}.json"));
        let mut c = Command::new("python3");
        c.arg(root.join("benches/rdf_peers.py"))
            .arg(peer)
            .arg(&nquads);
        if peer == "pyoxigraph" {
            c.arg(work.join("pyoxigraph-store"));
        }
        c.arg(&query_dir).arg(timeout.to_string()).arg(&out);
        let whole = measure(&c, peer);
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).expect("peer output"))
                .expect("peer JSON");
        let load = json["load_seconds"].as_f64().unwrap_or(f64::NAN);
        step(
            if peer == "pyoxigraph" {
                "load-nquads-bulk"
            } else {
                "load-nquads-parse"
            },
            peer,
            Measured {
                seconds: load,
                peak_mb: json["load_peak_mb"].as_f64().unwrap_or(0.0),
            },
        );
        step("load-and-queries", peer, whole);
        peer_results.push((peer, json));
    }

    // Steps table and ratios.
    let date = today();
    let ingest = steps
        .iter()
        .find(|s| s.step == "ingest")
        .map_or(f64::NAN, |s| s.m.seconds);
    let rows: Vec<String> = steps
        .iter()
        .map(|s| {
            format!(
                "{date},{},{},{:.3},{:.0},{documents},{megabytes:.1},{:.1},{:.2}",
                s.step,
                s.tool,
                s.m.seconds,
                s.m.peak_mb,
                documents as f64 / s.m.seconds,
                megabytes / s.m.seconds
            )
        })
        .collect();
    append_csv(
        "corpus.csv",
        "date,step,tool,seconds,peak_mb,documents,megabytes,documents_per_s,mb_per_s",
        &rows,
    );
    for s in steps.iter().filter(|s| s.step.starts_with("load-nquads")) {
        println!(
            "ingest (read + extract + store) vs {} {}: {:.2}× the time",
            s.tool,
            s.step,
            ingest / s.m.seconds
        );
    }

    // Per-query table: seconds and rows in each tool, ratios to normgraph.
    let mut rows = Vec::new();
    println!(
        "{:<28} {:>7} {:>10} {:>11} {:>10} {:>9} {:>9}",
        "query", "rows", "normgraph", "pyoxigraph", "rdflib", "pyox/ours", "rdflib/ours"
    );
    for (name, secs, n) in &ours {
        let peer = |tool: &str| {
            peer_results
                .iter()
                .find(|(t, _)| *t == tool)
                .map(|(_, j)| &j["queries"][name.as_str()])
        };
        let seconds = |tool: &str| peer(tool).and_then(|q| q["seconds"].as_f64());
        let timed_out =
            |tool: &str| peer(tool).is_some_and(|q| q["timeout"].as_bool() == Some(true));
        for tool in ["pyoxigraph", "rdflib"] {
            if let Some(r) = peer(tool).and_then(|q| q["rows"].as_u64()) {
                if r as usize != *n {
                    println!("  !! {name}: {tool} gives {r} rows, normgraph {n}");
                }
            }
        }
        let (py, rd) = (seconds("pyoxigraph"), seconds("rdflib"));
        let show = |v: Option<f64>, t: bool| match v {
            Some(v) if t => format!(">{v:.0}"),
            Some(v) => format!("{v:.3}"),
            None => "-".to_owned(),
        };
        let ratio = |v: Option<f64>, t: bool| match v {
            Some(v) => format!("{}{:.1}", if t { ">" } else { "" }, v / secs.max(1e-6)),
            None => "-".to_owned(),
        };
        println!(
            "{name:<28} {n:>7} {secs:>10.3} {:>11} {:>10} {:>9} {:>9}",
            show(py, false),
            show(rd, timed_out("rdflib")),
            ratio(py, false),
            ratio(rd, timed_out("rdflib"))
        );
        rows.push(format!(
            "{date},{name},{n},{secs:.4},{},{},{},{},{}",
            py.map_or(String::new(), |v| format!("{v:.4}")),
            rd.map_or(String::new(), |v| format!("{v:.4}")),
            timed_out("rdflib"),
            py.map_or(String::new(), |v| format!("{:.2}", v / secs.max(1e-6))),
            rd.map_or(String::new(), |v| format!("{:.2}", v / secs.max(1e-6))),
        ));
    }
    append_csv(
        "queries.csv",
        "date,query,rows,normgraph_s,pyoxigraph_s,rdflib_s,rdflib_timeout,pyoxigraph_ratio,rdflib_ratio",
        &rows,
    );
}
