//! PageRank and betweenness on a large synthetic projection, side by side with networkx, printed
//! as ratios, with the results checked equal within 1e-6.
//!
//! `cargo bench --bench graph -- [--nodes 100000] [--edges 1000000] [--pivots 50]`
//!
//! Generates a directed weighted graph with a skewed in-degree (a few much-cited nodes, as in a
//! citation graph) from a fixed seed, writes it as CSV, runs `benches/networkx_peer.py`
//! (networkx 3.6.1 with scipy: `nx.pagerank(alpha=0.85, tol=1e-6)` and
//! `nx.betweenness_centrality(k=pivots, seed=…)`), then normgraph's PageRank and betweenness from
//! the same pivots. Times exclude reading the file on both sides and include building each
//! side's own graph representation inside the timed call where the library does so (networkx
//! builds its sparse matrix inside `pagerank`; normgraph's packing into adjacency arrays is timed
//! too). Results are appended to `bench/results/graph.csv`.

mod common;

use common::arg;
use normgraph::analysis::centrality::{betweenness, pagerank, Adjacency};
use std::collections::HashSet;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n = arg(&args, "--nodes", 100_000);
    let m = arg(&args, "--edges", 1_000_000);
    let k = arg(&args, "--pivots", 50);
    let seed = 7u64;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let work = root.join("target/bench-graph");
    std::fs::create_dir_all(&work).expect("work dir");

    // Skewed targets: squaring a uniform draw favours low node numbers.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut rand = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut seen = HashSet::with_capacity(m);
    let mut edges: Vec<(u32, u32, f64)> = Vec::with_capacity(m);
    while edges.len() < m {
        let a = (rand() * n as f64) as u32;
        let b = (rand().powi(2) * n as f64) as u32;
        if a != b && seen.insert((a, b)) {
            edges.push((a, b, 1.0 + (rand() * 5.0).floor()));
        }
    }
    let csv = work.join(format!("graph-{n}-{m}.csv"));
    {
        let mut w = BufWriter::new(std::fs::File::create(&csv).expect("create csv"));
        writeln!(w, "{n}").expect("write");
        for (a, b, x) in &edges {
            writeln!(w, "{a},{b},{x}").expect("write");
        }
    }
    println!("graph: {n} nodes, {m} edges, betweenness from {k} pivots");

    let peer_out = work.join("networkx.json");
    let status = Command::new("python3")
        .arg(root.join("benches/networkx_peer.py"))
        .arg(&csv)
        .arg(k.to_string())
        .arg(seed.to_string())
        .arg(&peer_out)
        .status();
    let peer: Option<serde_json::Value> = match status {
        Ok(s) if s.success() => std::fs::read_to_string(&peer_out)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok()),
        _ => {
            eprintln!("networkx (python3 -m pip install networkx==3.6.1 scipy) not available: normgraph only");
            None
        }
    };
    let pivots: Vec<usize> = match &peer {
        Some(p) => p["pivots"]
            .as_array()
            .expect("pivots")
            .iter()
            .map(|v| v.as_u64().expect("pivot") as usize)
            .collect(),
        None => normgraph::analysis::sample(n, k, seed),
    };

    let t = Instant::now();
    let adj = Adjacency::from_edges(n, &edges, true);
    let pr = pagerank(&adj, 0.85, 1e-6, 100).expect("converges");
    let ours_pr = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let adj = Adjacency::from_edges(n, &edges, true);
    let bc = betweenness(&adj, Some(&pivots));
    let ours_bc = t.elapsed().as_secs_f64();

    let diff = |ours: &[f64], theirs: &serde_json::Value| -> f64 {
        theirs
            .as_array()
            .expect("scores")
            .iter()
            .zip(ours)
            .map(|(t, o)| (t.as_f64().expect("number") - o).abs())
            .fold(0.0, f64::max)
    };
    println!(
        "{:<12} {:>12} {:>12} {:>8} {:>14}",
        "measure", "normgraph s", "networkx s", "ratio", "max |diff|"
    );
    let mut rows = Vec::new();
    for (name, ours, scores, key, peer_key) in [
        ("pagerank", ours_pr, &pr, "pagerank_s", "pagerank"),
        ("betweenness", ours_bc, &bc, "betweenness_s", "betweenness"),
    ] {
        match &peer {
            Some(p) => {
                let theirs = p[key].as_f64().expect("time");
                let d = diff(scores, &p[peer_key]);
                println!(
                    "{name:<12} {ours:>12.3} {theirs:>12.3} {:>7.1}× {d:>14.2e}",
                    theirs / ours
                );
                assert!(d <= 1e-6, "{name}: results differ from networkx by {d}");
                rows.push(format!(
                    "{name},{n},{m},{k},{ours:.4},{theirs:.4},{:.2},{d:.3e}",
                    theirs / ours
                ));
            }
            None => println!("{name:<12} {ours:>12.3}"),
        }
    }
    if !rows.is_empty() {
        let date = common::today();
        let rows: Vec<String> = rows.into_iter().map(|r| format!("{date},{r}")).collect();
        common::append_csv(
            "graph.csv",
            "date,measure,nodes,edges,pivots,normgraph_s,networkx_s,ratio,max_abs_diff",
            &rows,
        );
    }
}
