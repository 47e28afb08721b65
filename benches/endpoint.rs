//! Load on the SPARQL endpoint: many concurrent clients running the curated queries against
//! `normgraph serve` and against `oxigraph serve` on the same data, in the same run.
//!
//! `cargo bench --bench endpoint -- [--clients 200] [--seconds 60] [--corpus DIR]`
//!
//! Ingests the corpus (default `../shared/corpus/ungdc-dev`, with a manifest from
//! `scripts/ungdc-manifest.py`; skipped with a message when absent) into a fresh store, exports
//! it as N-Quads and bulk-loads that into Oxigraph's server (`oxigraph load`, PyPI package
//! `oxigraph`), then runs the load against each server in turn: every client thread posts the
//! curated queries round-robin (`application/sparql-query`, SPARQL JSON results, a new
//! connection per request) for the given time. Both servers run without a per-query time limit
//! that could fail requests (normgraph with `--timeout 600`; Oxigraph has none). Prints requests, failures, throughput and
//! latency percentiles, and the ratios; appends to `bench/results/endpoint.csv`.

mod common;

use common::{arg, corpus_manifest, run};
use oxhttp::model::{Body, Method, Request};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for(bind: &str) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while std::net::TcpStream::connect(bind).is_err() {
        assert!(Instant::now() < deadline, "{bind} did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Outcome {
    requests: usize,
    failures: usize,
    latencies: Vec<f64>,
    seconds: f64,
}

fn load(url: &str, queries: &[String], clients: usize, seconds: u64) -> Outcome {
    let stop = Arc::new(AtomicBool::new(false));
    let results = Arc::new(Mutex::new((0usize, Vec::<f64>::new())));
    let started = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|c| {
            let (stop, results, url) = (stop.clone(), results.clone(), url.to_owned());
            let queries = queries.to_vec();
            std::thread::spawn(move || {
                let client = oxhttp::Client::new().with_global_timeout(Duration::from_secs(600));
                let (mut failures, mut latencies) = (0usize, Vec::new());
                let mut i = c;
                while !stop.load(Ordering::Relaxed) {
                    let q = &queries[i % queries.len()];
                    i += 1;
                    let t = Instant::now();
                    let ok = Request::builder()
                        .method(Method::POST)
                        .uri(&url)
                        .header("Content-Type", "application/sparql-query")
                        .header("Accept", "application/sparql-results+json")
                        .body(Body::from(q.clone()))
                        .ok()
                        .and_then(|r| client.request(r).ok())
                        .filter(|r| r.status().is_success())
                        .and_then(|r| r.into_body().to_vec().ok())
                        .is_some();
                    latencies.push(t.elapsed().as_secs_f64());
                    if !ok {
                        failures += 1;
                    }
                }
                let mut r = results.lock().expect("results lock");
                r.0 += failures;
                r.1.extend(latencies);
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::Relaxed);
    for h in handles {
        let _ = h.join();
    }
    let seconds = started.elapsed().as_secs_f64();
    let (failures, mut latencies) = Arc::try_unwrap(results)
        .map(|m| m.into_inner().expect("results"))
        .unwrap_or_default();
    latencies.sort_by(f64::total_cmp);
    Outcome {
        requests: latencies.len(),
        failures,
        latencies,
        seconds,
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let clients: usize = arg(&args, "--clients", 200);
    let seconds: u64 = arg(&args, "--seconds", 60);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus: PathBuf = arg(&args, "--corpus", root.join("../shared/corpus/ungdc-dev"));
    if !corpus.is_dir() {
        println!("{}: corpus not found; nothing to measure", corpus.display());
        return;
    }
    let bin = root.join("target/release/normgraph");
    assert!(bin.is_file(), "build first: cargo build --release");
    let work = root.join("target/bench-endpoint");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("work dir");
    let store = work.join("store");
    let manifest = corpus_manifest(&corpus, &work);
    let t = Instant::now();
    run(
        Command::new(&bin)
            .arg("--store")
            .arg(&store)
            .args(["ingest", "-q", "--manifest"])
            .arg(&manifest)
            .arg(&corpus),
        "ingest",
    );
    println!(
        "ingested {} in {:.1} s",
        corpus.display(),
        t.elapsed().as_secs_f64()
    );
    let nquads = work.join("data.nq");
    run(
        Command::new(&bin)
            .arg("--store")
            .arg(&store)
            .args(["export", "--format", "nquads", "-o"])
            .arg(&nquads),
        "export",
    );
    let oxi_dir = work.join("oxigraph");
    let have_oxigraph = Command::new("oxigraph")
        .args(["load", "--location"])
        .arg(&oxi_dir)
        .arg("--file")
        .arg(&nquads)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !have_oxigraph {
        println!("oxigraph server (pip install oxigraph==0.5.13) not available: normgraph only");
    }

    let prefixes = normgraph::rdf::vocab::sparql_prefixes();
    let mut queries: Vec<(String, String)> = std::fs::read_dir(root.join("queries"))
        .expect("queries")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rq"))
        .map(|p| {
            let name = p.file_stem().map(|s| s.to_string_lossy().into_owned());
            let text = std::fs::read_to_string(&p).expect("query");
            (name.unwrap_or_default(), format!("{prefixes}{text}"))
        })
        .collect();
    queries.sort();
    let texts: Vec<String> = queries.iter().map(|(_, t)| t.clone()).collect();

    let mut rows = Vec::new();
    let mut measure = |name: &str, child: Child, bind: &str, path: &str| {
        let _guard = Killed(child);
        wait_for(bind);
        let url = format!("http://{bind}{path}");
        let o = load(&url, &texts, clients, seconds);
        let throughput = o.requests as f64 / o.seconds;
        println!(
            "{name:<10} {:>9} requests {:>6} failed {:>9.1} req/s  p50 {:>8.1} ms  p99 {:>8.1} ms",
            o.requests,
            o.failures,
            throughput,
            percentile(&o.latencies, 0.5) * 1e3,
            percentile(&o.latencies, 0.99) * 1e3
        );
        rows.push((
            name.to_owned(),
            o.requests,
            o.failures,
            throughput,
            percentile(&o.latencies, 0.5),
            percentile(&o.latencies, 0.99),
        ));
    };
    println!(
        "{clients} clients for {seconds} s, {} curated queries round-robin",
        texts.len()
    );
    let bind = format!("127.0.0.1:{}", free_port());
    let ours = Command::new(&bin)
        .arg("--store")
        .arg(&store)
        .args([
            "serve",
            "--bind",
            &bind,
            "--max-connections",
            "1024",
            "--timeout",
            "600",
        ])
        .stderr(Stdio::null())
        .spawn()
        .expect("normgraph serve");
    measure("normgraph", ours, &bind, "/sparql");
    if have_oxigraph {
        let bind = format!("127.0.0.1:{}", free_port());
        let theirs = Command::new("oxigraph")
            .args(["serve", "--union-default-graph", "--location"])
            .arg(&oxi_dir)
            .args(["--bind", &bind])
            .stderr(Stdio::null())
            .spawn()
            .expect("oxigraph serve");
        measure("oxigraph", theirs, &bind, "/query");
    }
    if rows.len() == 2 {
        println!(
            "throughput normgraph / oxigraph: {:.2}; p99 latency oxigraph / normgraph: {:.2}",
            rows[0].3 / rows[1].3,
            rows[1].5 / rows[0].5
        );
    }
    let date = common::today();
    let lines: Vec<String> = rows
        .iter()
        .map(|(name, requests, failures, throughput, p50, p99)| {
            format!(
                "{date},{name},{clients},{seconds},{requests},{failures},{throughput:.2},{:.1},{:.1}",
                p50 * 1e3,
                p99 * 1e3
            )
        })
        .collect();
    common::append_csv(
        "endpoint.csv",
        "date,server,clients,seconds,requests,failures,requests_per_s,p50_ms,p99_ms",
        &lines,
    );
}
