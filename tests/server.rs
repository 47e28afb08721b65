//! `normgraph serve`: the SPARQL 1.1 Protocol over real HTTP, real clients (rdflib's
//! SPARQLStore, SPARQLWrapper, headless Chromium on the query page), limits and bad input.

use crate::util::{chromium, dump, free_port, ok, python, resource_folder, root, seeds_store};
use oxhttp::model::{Body, Method, Request, StatusCode};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `normgraph serve`, killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(store: &Path, extra: &[&str]) -> Server {
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_normgraph"))
        .env("NORMGRAPH_STORE", store)
        .args(["serve", "--bind", &bind])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let server = Server {
        child,
        base: format!("http://{bind}"),
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(&bind).is_err() {
        assert!(Instant::now() < deadline, "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

fn store_with_corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let seeds = root().join("data/statements");
    let ungdc = root().join("tests/fixtures/ungdc");
    ok(
        &store,
        dir.path(),
        &[
            "ingest",
            "-q",
            seeds.to_str().expect("utf8"),
            ungdc.to_str().expect("utf8"),
        ],
    );
    (dir, store)
}

struct Reply {
    status: StatusCode,
    content_type: String,
    body: String,
}

fn call(method: Method, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut builder = Request::builder().method(method).uri(url);
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    let request = builder.body(Body::from(body.to_vec())).expect("request");
    let response = oxhttp::Client::new()
        .with_global_timeout(Duration::from_secs(60))
        .request(request)
        .expect("the server answers");
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = response.into_body().to_string().expect("body");
    Reply {
        status,
        content_type,
        body,
    }
}

/// POSTs a form with exactly the headers given (the HTTP client would set `Host` itself and
/// may leave out `Origin`), and returns the status code.
fn raw_post(addr: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(addr).expect("connects");
    let mut request = format!("POST {path} HTTP/1.1\r\n");
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str(&format!(
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    stream.write_all(request.as_bytes()).expect("send");
    stream.write_all(body).expect("send");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

/// CPU time (user and system) a process has used so far, from `/proc/PID/stat`.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc stat");
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').expect("stat format").1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 =
        fields[11].parse::<f64>().expect("utime") + fields[12].parse::<f64>().expect("stime");
    ticks / 100.0
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The curated queries: (name, text).
fn curated() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("queries")).expect("queries") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "rq") {
            let name = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned();
            out.push((name, std::fs::read_to_string(&path).expect("query")));
        }
    }
    out.sort();
    out
}

/// CSV rows (header included) as a set, so row order does not matter.
fn csv_rows(text: &str) -> BTreeSet<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("csv").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn protocol_answers_like_the_cli_and_refuses_what_it_must() {
    let (dir, store) = store_with_corpus();
    let cwd = dir.path();
    let expected: Vec<(String, String, String)> = curated()
        .into_iter()
        .map(|(name, text)| {
            let csv = ok(&store, cwd, &["query", "--format", "csv", name.as_str()]).stdout;
            (name, text, csv)
        })
        .collect();
    let before = dump(&store, cwd);
    let server = start(&store, &["--max-rows", "5000"]);
    let sparql = format!("{}/sparql", server.base);

    // Every curated query, three ways of asking, the same rows as `normgraph query`.
    for (name, text, csv) in &expected {
        let want = csv_rows(csv);
        let get = call(
            Method::GET,
            &format!("{sparql}?query={}", encode(text)),
            &[("Accept", "text/csv")],
            b"",
        );
        assert_eq!(get.status, StatusCode::OK, "{name}: {}", get.body);
        assert_eq!(csv_rows(&get.body), want, "{name} (GET)");
        let form = call(
            Method::POST,
            &sparql,
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Accept", "text/csv"),
            ],
            format!("query={}", encode(text)).as_bytes(),
        );
        assert_eq!(csv_rows(&form.body), want, "{name} (form POST)");
        let direct = call(
            Method::POST,
            &sparql,
            &[
                ("Content-Type", "application/sparql-query"),
                ("Accept", "text/csv"),
            ],
            text.as_bytes(),
        );
        assert_eq!(csv_rows(&direct.body), want, "{name} (direct POST)");
    }

    // Content negotiation.
    let ask = |accept: &str, query: &str| {
        call(
            Method::POST,
            &sparql,
            &[
                ("Content-Type", "application/sparql-query"),
                ("Accept", accept),
            ],
            query.as_bytes(),
        )
    };
    let select = "SELECT ?s WHERE { ?s a ng:Statement } LIMIT 2";
    for (accept, media) in [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
        ),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
        ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
    ] {
        let r = ask(accept, select);
        assert_eq!(r.status, StatusCode::OK, "{accept}");
        assert!(
            r.content_type.starts_with(media),
            "{accept}: {}",
            r.content_type
        );
    }
    assert_eq!(ask("text/html", select).status, StatusCode::NOT_ACCEPTABLE);
    let construct = "CONSTRUCT { ?s a ng:Statement } WHERE { ?s a ng:Statement }";
    for (accept, media) in [
        ("text/turtle", "text/turtle"),
        ("application/n-triples", "application/n-triples"),
        ("application/ld+json", "application/ld+json"),
        ("application/rdf+xml", "application/rdf+xml"),
    ] {
        let r = ask(accept, construct);
        assert_eq!(r.status, StatusCode::OK, "{accept}");
        assert!(
            r.content_type.starts_with(media),
            "{accept}: {}",
            r.content_type
        );
    }
    assert_eq!(
        ask("application/sparql-results+json", construct).status,
        StatusCode::NOT_ACCEPTABLE
    );

    // The dataset: one statement's graph as the default graph.
    let graph = "https://w3id.org/normgraph/id/graph/statement/000_8e5a7b6371a20a1b";
    let r = call(
        Method::GET,
        &format!(
            "{sparql}?query={}&default-graph-uri={}",
            encode("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ng:Statement }"),
            encode(graph)
        ),
        &[("Accept", "text/csv")],
        b"",
    );
    assert_eq!(r.body.lines().nth(1), Some("1"), "{}", r.body);

    // Graph Store Protocol, read.
    let r = call(
        Method::GET,
        &format!("{}/store?graph={}", server.base, encode(graph)),
        &[("Accept", "text/turtle")],
        b"",
    );
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("A/RES/75/240"));
    let r = call(
        Method::GET,
        &format!(
            "{}/store?graph={}",
            server.base,
            encode("https://example.org/none")
        ),
        &[],
        b"",
    );
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // Bad input: each refused with the right status and a message; the server keeps serving.
    let r = ask("*/*", "SELECT ?x WHERE { ?x ");
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body.contains("SPARQL syntax error") && r.body.contains("1:"),
        "{}",
        r.body
    );
    let r = ask("*/*", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "too many rows: {}",
        r.body
    );
    let big = vec![b'#'; 2 << 20];
    let r = call(
        Method::POST,
        &sparql,
        &[("Content-Type", "application/sparql-query")],
        &big,
    );
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    let r = call(
        Method::POST,
        &sparql,
        &[("Content-Type", "application/sparql-update")],
        b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    );
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = call(
        Method::POST,
        &sparql,
        &[("Content-Type", "text/plain")],
        b"x",
    );
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let r = ask(
        "*/*",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    );
    assert_ne!(r.status, StatusCode::OK, "federated queries are off");
    assert_eq!(
        call(Method::GET, &format!("{}/nowhere", server.base), &[], b"").status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        call(Method::GET, &format!("{}/sparql", server.base), &[], b"").status,
        StatusCode::BAD_REQUEST
    );

    // A client that vanishes mid-request and one that is slow do not stop the others.
    {
        let mut slow = TcpStream::connect(server.base.trim_start_matches("http://")).expect("tcp");
        slow.write_all(b"GET /sparql?query=").expect("write");
        let mut gone = TcpStream::connect(server.base.trim_start_matches("http://")).expect("tcp");
        let q = encode("SELECT * WHERE { ?s ?p ?o } LIMIT 4000");
        gone.write_all(format!("GET /sparql?query={q} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .expect("write");
        let mut first = [0u8; 16];
        let _ = gone.read(&mut first);
        drop(gone);
        let r = ask("*/*", select);
        assert_eq!(r.status, StatusCode::OK);
        drop(slow);
    }
    let cors = call(Method::OPTIONS, &sparql, &[], b"");
    assert_eq!(cors.status, StatusCode::NO_CONTENT);

    drop(server);

    // A query that would run for hours is stopped at the time limit.
    let server = start(&store, &["--timeout", "1"]);
    let started = Instant::now();
    let r = call(
        Method::POST,
        &format!("{}/sparql", server.base),
        &[("Content-Type", "application/sparql-query")],
        // (A join on a shared variable: oxigraph checks the cancellation as it reads the store.
        // A product of patterns that share none, `{ ?a ?b ?c . ?d ?e ?f }`, is answered 503 at
        // the deadline too but goes on evaluating: see README, Guarantees.)
        b"SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?p ?o2 . ?c ?p ?o3 }",
    );
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.body);
    assert!(r.body.contains("time limit (1 s)"), "{}", r.body);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the time limit held"
    );
    // And the evaluation stopped: within a second of the answer the server uses no more CPU.
    std::thread::sleep(Duration::from_secs(1));
    let before_cpu = cpu_seconds(server.child.id());
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_seconds(server.child.id()) - before_cpu;
    assert!(
        used < 0.2,
        "the server used {used:.2} s of CPU after the deadline"
    );
    drop(server);
    assert_eq!(before, dump(&store, cwd), "the server changed the store");
}

#[test]
fn updates_only_when_allowed() {
    let (dir, store) = store_with_corpus();
    let server = start(&store, &["--allow-update"]);
    let sparql = format!("{}/sparql", server.base);
    let r = call(
        Method::POST,
        &sparql,
        &[("Content-Type", "application/sparql-update")],
        b"INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> \"note\" } }",
    );
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let r = call(
        Method::POST,
        &sparql,
        &[
            ("Content-Type", "application/sparql-query"),
            ("Accept", "text/csv"),
        ],
        b"SELECT ?o WHERE { <urn:a> <urn:b> ?o }",
    );
    assert_eq!(r.body.lines().nth(1), Some("note"));
    let r = call(
        Method::POST,
        &sparql,
        &[("Content-Type", "application/sparql-update")],
        b"INSERT DATA { <urn:a> <urn:b> ",
    );
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Updates only by POST: a link or an <img> cannot empty the store.
    let r = call(
        Method::GET,
        &format!("{sparql}?update={}", encode("DROP ALL")),
        &[],
        b"",
    );
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{}", r.body);
    // A form another site posts (browsers send its Origin), and a domain name pointed at this
    // machine (DNS rebinding), are refused; the endpoint's own page is not.
    let form = format!("update={}", encode("DROP ALL"));
    let own = server.base.clone();
    let host = own.trim_start_matches("http://").to_owned();
    let port = host.rsplit(':').next().unwrap_or("").to_owned();
    let rebound = format!("evil.example:{port}");
    for headers in [
        vec![("Host", host.as_str()), ("Origin", "https://evil.example")],
        vec![("Host", host.as_str()), ("Origin", "null")],
        vec![
            ("Host", rebound.as_str()),
            ("Origin", "http://evil.example"),
        ],
        vec![("Host", rebound.as_str())],
    ] {
        let status = raw_post(&host, "/sparql", &headers, form.as_bytes());
        assert_eq!(status, 403, "{headers:?}");
    }
    let insert = format!(
        "update={}",
        encode("INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> \"own page\" } }")
    );
    let status = raw_post(
        &host,
        "/sparql",
        &[("Host", host.as_str()), ("Origin", own.as_str())],
        insert.as_bytes(),
    );
    assert_eq!(status, 204);
    drop(server);
    let graphs = ok(&store, dir.path(), &["graphs"]).stdout;
    assert!(graphs.contains("urn:notes"), "{graphs}");
    let notes = ok(
        &store,
        dir.path(),
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?o WHERE { <urn:a> <urn:b> ?o } ORDER BY ?o",
        ],
    )
    .stdout;
    assert_eq!(notes, "o\r\nnote\r\nown page\r\n", "nothing was dropped");
}

/// A query nested thousands deep is refused (400) and the server goes on answering; the longest
/// chains the limits let through are answered on the endpoint's query threads too.
#[test]
fn hostile_queries_are_refused_and_the_server_stays_up() {
    let (_dir, store) = store_with_corpus();
    let server = start(&store, &["--allow-update"]);
    let sparql = format!("{}/sparql", server.base);
    let nested = format!(
        "SELECT * WHERE {} ?s ?p ?o {}",
        "{".repeat(20_000),
        "}".repeat(20_000)
    );
    assert!(nested.len() > 40_000);
    let form = |key: &str, text: &str| format!("{key}={}", encode(text));
    for _ in 0..3 {
        let r = call(
            Method::POST,
            &sparql,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            form("query", &nested).as_bytes(),
        );
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
        assert!(r.body.contains("nests more than"), "{}", r.body);
    }
    let r = call(
        Method::POST,
        &sparql,
        &[("Content-Type", "application/sparql-update")],
        format!(
            "INSERT {{ <urn:a> <urn:b> <urn:c> }} WHERE {} {}",
            "{".repeat(20_000),
            "}".repeat(20_000)
        )
        .as_bytes(),
    );
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    let chain = format!("SELECT (1{} AS ?x) {{}}", "+1".repeat(9_990));
    let r = call(
        Method::POST,
        &sparql,
        &[
            ("Content-Type", "application/sparql-query"),
            ("Accept", "text/csv"),
        ],
        chain.as_bytes(),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body.lines().nth(1), Some("9991"));
    // Still up.
    let r = call(
        Method::GET,
        &format!("{sparql}?query={}", encode("ASK { ?s ?p ?o }")),
        &[("Accept", "text/csv")],
        b"",
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

/// `query`, `export`, `graphs` and `explain` work while `serve` holds the store (read-only beside
/// it, said on stderr) and give what they give without it; writers are still refused.
#[test]
fn reading_commands_work_beside_a_running_server() {
    let (dir, store) = store_with_corpus();
    let cwd = dir.path();
    let alone_rows = ok(
        &store,
        cwd,
        &["query", "--format", "csv", "resolutions-by-delegation"],
    )
    .stdout;
    let alone_export = ok(&store, cwd, &["export", "--format", "nquads"]).stdout;
    let alone_graphs = ok(&store, cwd, &["graphs"]).stdout;
    let server = start(&store, &[]);
    let run = ok(
        &store,
        cwd,
        &["query", "--format", "csv", "resolutions-by-delegation"],
    );
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    assert_eq!(run.stdout, alone_rows);
    assert_eq!(
        ok(&store, cwd, &["export", "--format", "nquads"]).stdout,
        alone_export
    );
    assert_eq!(ok(&store, cwd, &["graphs"]).stdout, alone_graphs);
    let explain = crate::util::normgraph(
        &store,
        cwd,
        &[
            "explain",
            "--recompute",
            "<urn:nothing>",
            "ng:refines",
            "<urn:else>",
        ],
    );
    assert_eq!(explain.code, 1, "{}", explain.stderr);
    assert!(explain.stderr.contains("read-only"), "{}", explain.stderr);
    let seeds = root().join("data/statements");
    let refused = crate::util::normgraph(&store, cwd, &["ingest", seeds.to_str().expect("utf8")]);
    assert_eq!(refused.code, 4, "{}", refused.stderr);
    // The server still answers.
    let r = call(
        Method::GET,
        &format!(
            "{}/sparql?query={}",
            server.base,
            encode("ASK { ?s ?p ?o }")
        ),
        &[("Accept", "text/csv")],
        b"",
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

/// Python: `python/normgraph.py` opens the store with pyoxigraph read-only beside a running
/// `serve` and gets the rows `normgraph query` prints for every curated query; its prefixes are
/// the command line's; rdflib loads an N-Quads export whole.
#[test]
fn pyoxigraph_reads_the_store_beside_the_server_and_rdflib_loads_an_export() {
    let (dir, store) = store_with_corpus();
    let cwd = dir.path();
    let queries = curated();
    let mut expected = serde_json::Map::new();
    for (name, _) in &queries {
        let csv = ok(&store, cwd, &["query", "--format", "csv", name.as_str()]).stdout;
        let rows: Vec<Vec<String>> = csv_rows(&csv).into_iter().collect();
        expected.insert(name.clone(), serde_json::json!(rows));
    }
    let export = cwd.join("all.nq");
    ok(
        &store,
        cwd,
        &[
            "export",
            "--format",
            "nquads",
            "-o",
            export.to_str().expect("utf8"),
        ],
    );
    let exported = std::fs::read_to_string(&export)
        .expect("export")
        .lines()
        .count();
    let _server = start(&store, &[]);
    let script = r#"
import json, sys
sys.path.insert(0, sys.argv[1])
import normgraph, rdflib
store = normgraph.open_store(sys.argv[2])
out = {"prefixes": normgraph.PREFIXES, "rows": {}}
for name in json.loads(sys.argv[3]):
    solutions = normgraph.query(store, normgraph.curated(name))
    head = [v.value for v in solutions.variables]
    rows = [["" if row[v] is None else row[v].value for v in head] for row in solutions]
    out["rows"][name] = sorted([head] + rows)
ds = rdflib.Dataset()
ds.parse(sys.argv[4], format="nquads")
out["rdflib_quads"] = sum(1 for _ in ds.quads((None, None, None, None)))
print(json.dumps(out))
"#;
    let names: Vec<&String> = queries.iter().map(|(n, _)| n).collect();
    let args = [
        root().join("python").into_os_string(),
        store.clone().into_os_string(),
        serde_json::to_string(&names).expect("json").into(),
        export.clone().into_os_string(),
    ];
    let Some(printed) = python(script, &args, "pyoxigraph or rdflib") else {
        return;
    };
    let got: serde_json::Value = serde_json::from_slice(&printed).expect("json");
    let prefixes: serde_json::Map<String, serde_json::Value> = normgraph::rdf::vocab::PREFIXES
        .iter()
        .map(|(p, iri)| ((*p).to_owned(), serde_json::json!(iri)))
        .collect();
    assert_eq!(got["prefixes"], serde_json::Value::Object(prefixes));
    for (name, _) in &queries {
        let mut want: Vec<Vec<String>> =
            serde_json::from_value(expected[name].clone()).expect("rows");
        want.sort();
        let rows: Vec<Vec<String>> =
            serde_json::from_value(got["rows"][name].clone()).expect("rows");
        assert_eq!(rows, want, "{name} via pyoxigraph");
    }
    assert_eq!(got["rdflib_quads"], serde_json::json!(exported));
}

/// `validate` passes the seeds and rejects a statement without delegation or date, a fact
/// without evidence, a citation of an unknown kind and a malformed symbol — with the verdicts
/// and results pySHACL gives on the same data and shapes.
#[test]
fn validate_agrees_with_pyshacl() {
    let (dir, store) = seeds_store();
    let cwd = dir.path();
    let run = ok(&store, cwd, &["validate"]);
    assert!(run.stdout.contains("0 violations"), "{}", run.stdout);
    let all = cwd.join("all.nq");
    ok(
        &store,
        cwd,
        &[
            "export",
            "--format",
            "nquads",
            "-o",
            all.to_str().expect("utf8"),
        ],
    );
    let text = std::fs::read_to_string(&all).expect("export");
    let statement = "<https://w3id.org/normgraph/id/statement/001_e9acb2ec0aff198f>";
    let citation = text
        .lines()
        .find(|l| l.split(' ').nth(1) == Some("<https://w3id.org/normgraph/ns#citationKind>"))
        .and_then(|l| l.split(' ').next())
        .expect("a citation")
        .to_owned();
    let resolution = text
        .lines()
        .find(|l| {
            l.starts_with(&format!(
                "{citation} <https://w3id.org/normgraph/ns#citedResolution>"
            ))
        })
        .and_then(|l| l.split(' ').nth(2))
        .expect("its resolution")
        .to_owned();
    let mut broken: Vec<String> = text
        .lines()
        .filter(|l| {
            !l.starts_with(&format!(
                "{statement} <https://w3id.org/normgraph/ns#deliveredBy>"
            )) && !l.starts_with(&format!("{statement} <http://purl.org/dc/terms/date>"))
                && !l.starts_with(&format!(
                    "{citation} <https://w3id.org/normgraph/ns#evidence>"
                ))
                && !l.starts_with(&format!(
                    "{resolution} <http://purl.org/dc/terms/identifier>"
                ))
        })
        .map(str::to_owned)
        .collect();
    broken.push(format!(
        "{citation} <https://w3id.org/normgraph/ns#citationKind> \"maybe\" ."
    ));
    broken.push(format!(
        "{resolution} <http://purl.org/dc/terms/identifier> \"A/RES/seventy\" ."
    ));
    let broken_file = cwd.join("broken.nq");
    std::fs::write(&broken_file, broken.join("\n") + "\n").expect("write");
    let shapes = root().join("ontology/shapes/normgraph.ttl");

    let script = r##"
import json, sys, rdflib
from pyshacl import validate
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
out = {}
for path in sys.argv[2:]:
    ds = rdflib.Dataset()
    ds.parse(path, format="nquads")
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    conforms, report, _ = validate(g, shacl_graph=sys.argv[1], shacl_graph_format="turtle", inference="none")
    results = sorted({
        (report.value(r, SH.focusNode).n3(), str(report.value(r, SH.sourceConstraintComponent)).split("#")[1])
        for r in report.subjects(rdflib.RDF.type, SH.ValidationResult)
    })
    out[path] = {"conforms": conforms, "results": results}
print(json.dumps(out))
"##;
    let Some(printed) = python(script, &[&shapes, &all, &broken_file], "pySHACL") else {
        return;
    };
    let theirs: serde_json::Value = serde_json::from_slice(&printed).expect("json");
    for (file, conforms) in [(&all, true), (&broken_file, false)] {
        let run = crate::util::normgraph(
            &store,
            cwd,
            &[
                "validate",
                "--data",
                file.to_str().expect("utf8"),
                "--format",
                "json",
            ],
        );
        assert_eq!(run.code, if conforms { 0 } else { 3 }, "{}", run.stderr);
        let ours: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
        let their = &theirs[file.to_str().expect("utf8")];
        assert_eq!(ours["conforms"], serde_json::json!(conforms));
        assert_eq!(
            their["conforms"],
            serde_json::json!(conforms),
            "pySHACL: {their}"
        );
        let mut pairs: Vec<(String, String)> = ours["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| {
                (
                    r["focus"].as_str().unwrap_or("").to_owned(),
                    r["component"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        pairs.sort();
        pairs.dedup();
        let their_pairs: Vec<(String, String)> =
            serde_json::from_value(their["results"].clone()).expect("pairs");
        assert_eq!(
            pairs,
            their_pairs,
            "normgraph vs pySHACL on {}",
            file.display()
        );
        if !conforms {
            for component in [
                "MinCountConstraintComponent",
                "InConstraintComponent",
                "PatternConstraintComponent",
            ] {
                assert!(pairs.iter().any(|(_, c)| c == component), "{pairs:?}");
            }
            assert!(pairs.iter().any(|(f, _)| *f == citation), "{pairs:?}");
            assert!(pairs.iter().any(|(f, _)| f == statement), "{pairs:?}");
        }
    }
}

/// Slow clients cannot starve the others: 300 connections that trickle a header line every
/// second hold no place a normal client needs, and each is closed once its request is late.
#[test]
fn slow_clients_do_not_starve_the_others() {
    let (_dir, store) = seeds_store();
    let server = start(&store, &["--request-timeout", "4"]);
    let addr = server.base.trim_start_matches("http://").to_owned();
    let opened = Instant::now();
    let mut slow: Vec<TcpStream> = (0..300)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).expect("connects");
            let _ = s.write_all(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n");
            s
        })
        .collect();
    let ask = format!(
        "{}/sparql?query={}",
        server.base,
        encode("ASK { ?s ?p ?o }")
    );
    for round in 0..6 {
        std::thread::sleep(Duration::from_millis(500));
        for s in &mut slow {
            let _ = s.write_all(b"X-Slow: 1\r\n");
        }
        if round >= 2 {
            let asked = Instant::now();
            let r = call(Method::GET, &ask, &[("Accept", "text/csv")], b"");
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            assert!(
                asked.elapsed() < Duration::from_secs(2),
                "a normal client waited {:?} behind slow ones",
                asked.elapsed()
            );
        }
    }
    // Every slow connection is closed by now or soon: made room for others, refused (503), or
    // late (408).
    let mut answers = BTreeSet::new();
    for mut s in slow {
        let left = (opened + Duration::from_secs(8)).saturating_duration_since(Instant::now());
        s.set_read_timeout(Some(left.max(Duration::from_millis(10))))
            .expect("timeout");
        let mut text = Vec::new();
        match s.read_to_end(&mut text) {
            Ok(_) => {
                let line = String::from_utf8_lossy(&text);
                answers.insert(
                    line.split_whitespace()
                        .nth(1)
                        .unwrap_or("closed")
                        .to_owned(),
                );
            }
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                answers.insert("reset".to_owned());
            }
            Err(e) => panic!("a slow connection is still open after its deadline: {e}"),
        }
    }
    assert!(
        answers
            .iter()
            .all(|a| ["closed", "reset", "408", "503"].contains(&a.as_str())),
        "{answers:?}"
    );

    // The connection layer itself: two requests pipelined on one connection, then a chunked
    // POST with Expect: 100-continue, each answered in order.
    let mut s = TcpStream::connect(&addr).expect("connects");
    let q = encode("SELECT ?x WHERE { VALUES ?x { 1 } }");
    let get = format!("GET /sparql?query={q} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n");
    let body = format!("query={q}");
    let (a, b) = body.split_at(7);
    let post = format!(
        "POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue\r\n\
         Transfer-Encoding: chunked\r\n\r\n{:x}\r\n{a}\r\n{:x};ext=1\r\n{b}\r\n0\r\n\r\n",
        a.len(),
        b.len()
    );
    s.write_all(format!("{get}{get}{post}").as_bytes())
        .expect("send");
    let mut all = String::new();
    s.read_to_string(&mut all).expect("answers");
    assert_eq!(all.matches("HTTP/1.1 200 OK").count(), 3, "{all}");
    assert_eq!(all.matches("HTTP/1.1 100 Continue").count(), 1, "{all}");
    assert_eq!(all.matches("\r\nx\r\n1\r\n").count(), 3, "{all}");

    // A body larger than allowed is refused without being read; a head too large too.
    let mut s = TcpStream::connect(&addr).expect("connects");
    s.write_all(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n")
        .expect("send");
    let mut all = String::new();
    let _ = s.read_to_string(&mut all);
    assert!(all.starts_with("HTTP/1.1 413"), "{all}");
    let mut s = TcpStream::connect(&addr).expect("connects");
    let _ = s.write_all(format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "y".repeat(70_000)).as_bytes());
    let mut all = String::new();
    let _ = s.read_to_string(&mut all);
    assert!(all.starts_with("HTTP/1.1 431"), "{all}");
    // Hostile framing: a chunk size that would overflow is 413, not a crash; a head with bare
    // line feeds (bytes a proxy and the server would split differently) is 400; HEAD is GET
    // without the body. The server still answers afterwards.
    for (request, status) in [
        (
            "POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\nffffffffffffffff\r\n".to_owned(),
            "HTTP/1.1 413",
        ),
        (
            "POST /sparql HTTP/1.1\r\nContent-Length: 5\n\nhello\r\n\r\n".to_owned(),
            "HTTP/1.1 400",
        ),
        (
            "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello".to_owned(),
            "HTTP/1.1 400",
        ),
        (
            "POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n".to_owned(),
            "HTTP/1.1 501",
        ),
        ("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_owned(), "HTTP/1.1 200"),
    ] {
        let mut s = TcpStream::connect(&addr).expect("connects");
        let _ = s.write_all(request.as_bytes());
        let mut all = String::new();
        let _ = s.read_to_string(&mut all);
        assert!(all.starts_with(status), "{request:?}: {all}");
        if request.starts_with("HEAD") {
            assert!(all.ends_with("\r\n\r\n"), "HEAD with a body: {all}");
        }
    }
    let r = call(Method::GET, &ask, &[("Accept", "text/csv")], b"");
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

/// The query page links only web, URN and mail addresses: an IRI such as `javascript:…` in the
/// data is shown as text, never as a link that would run in the endpoint's origin.
#[test]
fn query_page_links_only_web_addresses() {
    let (dir, store) = store_with_corpus();
    let cwd = dir.path();
    let res = cwd.join("res");
    resource_folder(&res);
    std::fs::write(
        res.join("queries/links.rq"),
        "# The objects of <urn:a> <urn:b> (test).\nSELECT ?o WHERE { <urn:a> <urn:b> ?o } ORDER BY ?o\n",
    )
    .expect("write");
    let server = start(
        &store,
        &["--allow-update", "--resources", res.to_str().expect("utf8")],
    );
    let r = call(
        Method::POST,
        &format!("{}/sparql", server.base),
        &[("Content-Type", "application/sparql-update")],
        b"INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> <javascript:alert(document.domain)>, <https://undocs.org/A/RES/73/27> } }",
    );
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    // The simple page and YASGUI (whose table cells go through DOMPurify).
    for (page, rows) in [("classic", r#"data-rows="2""#), ("", "2 results")] {
        let Some(out) = chromium(
            &[
                "--virtual-time-budget=15000",
                "--dump-dom",
                &format!("{}/{page}#run=links", server.base),
            ],
            &cwd.join(format!("p{page}")),
        ) else {
            return;
        };
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(dom.contains(rows), "/{page}: {dom:.3000}");
        assert!(
            dom.contains("javascript:alert(document.domain)"),
            "/{page}: {dom:.3000}"
        );
        assert!(!dom.contains(r#"href="javascript"#), "/{page}: {dom:.3000}");
        assert!(
            dom.contains(r#"href="https://undocs.org/A/RES/73/27""#),
            "/{page}: {dom:.3000}"
        );
    }
}

#[test]
fn rdflib_and_sparqlwrapper_get_the_cli_rows() {
    let (dir, store) = store_with_corpus();
    let cwd = dir.path();
    let queries = curated();
    let mut expected = serde_json::Map::new();
    for (name, _) in &queries {
        let csv = ok(&store, cwd, &["query", "--format", "csv", name.as_str()]).stdout;
        let rows: Vec<Vec<String>> = csv_rows(&csv).into_iter().collect();
        expected.insert(name.clone(), serde_json::json!(rows));
    }
    let files = cwd.join("queries.json");
    let payload = serde_json::json!({
        "queries": queries.iter().map(|(n, t)| serde_json::json!([n, t])).collect::<Vec<_>>(),
    });
    std::fs::write(&files, payload.to_string()).expect("write");
    let server = start(&store, &[]);
    let script = r#"
import json, sys
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib import Graph
from SPARQLWrapper import SPARQLWrapper, JSON
endpoint, path = sys.argv[1], sys.argv[2]
queries = json.load(open(path))["queries"]
out = {}
store = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
for name, text in queries:
    res = store.query(text)
    head = [str(v) for v in res.vars]
    a = sorted([head] + [["" if t is None else str(t) for t in row] for row in res])
    w = SPARQLWrapper(endpoint)
    w.setQuery(text)
    w.setReturnFormat(JSON)
    j = w.query().convert()
    vars_ = j["head"]["vars"]
    b = sorted([vars_] + [[b.get(v, {}).get("value", "") for v in vars_] for b in j["results"]["bindings"]])
    out[name] = {"rdflib": a, "sparqlwrapper": b}
print(json.dumps(out))
"#;
    let args = [
        format!("{}/sparql", server.base).into(),
        files.clone().into_os_string(),
    ];
    let Some(printed) = python(script, &args, "rdflib or SPARQLWrapper") else {
        return;
    };
    let got: serde_json::Value = serde_json::from_slice(&printed).expect("json");
    for (name, _) in &queries {
        let mut want: Vec<Vec<String>> =
            serde_json::from_value(expected[name].clone()).expect("rows");
        want.sort();
        for client in ["rdflib", "sparqlwrapper"] {
            let rows: Vec<Vec<String>> =
                serde_json::from_value(got[name][client].clone()).expect("rows");
            assert_eq!(rows, want, "{name} via {client}");
        }
    }
}

#[test]
fn query_page_runs_a_curated_query_in_headless_chromium() {
    let (dir, store) = store_with_corpus();
    let cwd = dir.path();
    let rows = ok(&store, cwd, &["query", "--format", "csv", "statements"])
        .stdout
        .lines()
        .count()
        - 1;
    let server = start(&store, &[]);
    // YASGUI at /, served offline: no asset from elsewhere, and it works with every other host
    // unreachable.
    let page = call(Method::GET, &format!("{}/", server.base), &[], b"").body;
    for attribute in ["src=\"http", "href=\"http", "url(http", "@import"] {
        assert!(!page.contains(attribute), "the page loads {attribute}…");
    }
    let Some(out) = chromium(
        &[
            "--virtual-time-budget=15000",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--dump-dom",
            &format!("{}/#run=statements", server.base),
        ],
        &cwd.join("y1"),
    ) else {
        return;
    };
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains(&format!("{rows} results")),
        "expected {rows} results in YASGUI: {dom:.3000}"
    );
    assert!(dom.contains("Iran (Islamic Republic of)"), "{dom:.3000}");
    assert!(
        dom.contains("yasr_downloadIcon") || dom.contains("download"),
        "{dom:.3000}"
    );
    chromium(
        &[
            "--window-size=1400,900",
            "--virtual-time-budget=15000",
            &format!(
                "--screenshot={}",
                root().join("target/yasgui-page.png").display()
            ),
            &format!("{}/#run=statements", server.base),
        ],
        &cwd.join("y2"),
    );
    // The simple page beside it.
    let url = format!("{}/classic#run=statements", server.base);
    let Some(out) = chromium(
        &["--virtual-time-budget=15000", "--dump-dom", &url],
        &cwd.join("p1"),
    ) else {
        return;
    };
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains(&format!(r#"data-rows="{rows}""#)),
        "expected {rows} rows: {dom:.3000}"
    );
    assert!(dom.contains(r#"data-errors="0""#), "{dom:.3000}");
    assert!(dom.contains("Iran (Islamic Republic of)"));
    let shot = root().join("target/endpoint-page.png");
    std::fs::create_dir_all(root().join("target")).expect("target folder");
    chromium(
        &[
            "--window-size=1400,900",
            "--virtual-time-budget=15000",
            &format!("--screenshot={}", shot.display()),
            &url,
        ],
        &cwd.join("p2"),
    );
    assert!(std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0) > 10_000);
    // The influence-graph viewer is served too.
    let r = call(
        Method::GET,
        &format!("{}/viewer?projection=citation", server.base),
        &[],
        b"",
    );
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("cytoscape"));
}

/// A running `oxigraph serve` (the `oxigraph` package on PyPI), killed when dropped.
fn start_oxigraph(dir: &Path) -> Option<Server> {
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let child = match Command::new("oxigraph")
        .args(["serve", "--union-default-graph", "--location"])
        .arg(dir)
        .args(["--bind", &bind])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(c) => c,
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("oxigraph server not installed (pip install oxigraph): skipped");
            return None;
        }
        Err(e) => panic!("oxigraph server missing in CI: {e}"),
    };
    let server = Server {
        child,
        base: format!("http://{bind}"),
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(&bind).is_err() {
        assert!(Instant::now() < deadline, "oxigraph did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(server)
}

#[test]
fn push_to_a_real_oxigraph_server_and_query_it_remotely() {
    let (dir, store) = store_with_corpus();
    let cwd = dir.path();
    ok(&store, cwd, &["infer"]);
    let Some(oxigraph) = start_oxigraph(&cwd.join("oxigraph-data")) else {
        return;
    };
    let gsp = format!("{}/store", oxigraph.base);
    let endpoint = format!("{}/query", oxigraph.base);
    let per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
    // Every graph but ingest's bookkeeping (local paths and hashes), which push leaves here.
    let local_graphs = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } \
                        FILTER(?g != <https://w3id.org/normgraph/id/graph/ingest>) } GROUP BY ?g";
    let local = csv_rows(&ok(&store, cwd, &["query", "--format", "csv", local_graphs]).stdout);
    let remote_graphs = || {
        csv_rows(
            &ok(
                &store,
                cwd,
                &[
                    "query",
                    "--endpoint",
                    &endpoint,
                    "--format",
                    "csv",
                    per_graph,
                ],
            )
            .stdout,
        )
    };
    let graphs = local.len() - 1; // less the header
    for round in 0..3 {
        // The second push sends nothing (unchanged since the first); the third, with --all,
        // sends everything again, and PUT replaces each graph: the same remote store.
        let args: &[&str] = if round == 2 {
            &["push", "-q", "--all", &gsp]
        } else {
            &["push", "-q", &gsp]
        };
        let run = ok(&store, cwd, args);
        let sent = if round == 1 { 0 } else { graphs };
        assert!(
            run.stderr.contains(&format!("pushed {sent} graphs")),
            "round {round}: {}",
            run.stderr
        );
        if round == 1 {
            assert!(
                run.stderr
                    .contains(&format!("{graphs} unchanged since the last push")),
                "{}",
                run.stderr
            );
        }
        assert_eq!(remote_graphs(), local);
    }
    // A correction: the corrections graph is new and the inferred graph, stale, is dropped;
    // the next push sends the one and deletes the other there.
    let corrections = cwd.join("corrections.ttl");
    std::fs::write(
        &corrections,
        "<https://w3id.org/normgraph/id/statement/000_8e5a7b6371a20a1b> \
         <http://www.w3.org/2000/01/rdf-schema#comment> \"checked\" .\n",
    )
    .expect("write");
    ok(
        &store,
        cwd,
        &["correct", corrections.to_str().expect("utf8")],
    );
    let run = ok(&store, cwd, &["push", "-q", &gsp]);
    assert!(
        run.stderr.contains("pushed 1 graphs") && run.stderr.contains("1 deleted there"),
        "{}",
        run.stderr
    );
    let now = csv_rows(&ok(&store, cwd, &["query", "--format", "csv", local_graphs]).stdout);
    assert_eq!(remote_graphs(), now);
    // Back to what the curated queries below expect.
    ok(&store, cwd, &["infer"]);
    ok(&store, cwd, &["push", "-q", &gsp]);
    for (name, _) in curated() {
        let here = ok(&store, cwd, &["query", "--format", "csv", name.as_str()]).stdout;
        let there = ok(
            &store,
            cwd,
            &[
                "query",
                "--endpoint",
                &endpoint,
                "--format",
                "csv",
                name.as_str(),
            ],
        )
        .stdout;
        assert_eq!(csv_rows(&there), csv_rows(&here), "{name} on oxigraph");
    }
    let table = ok(
        &store,
        cwd,
        &["query", "--endpoint", &endpoint, "statements"],
    )
    .stdout;
    assert!(table.contains("Iran (Islamic Republic of)"), "{table}");

    let run = crate::util::normgraph(
        &store,
        cwd,
        &["query", "--endpoint", &endpoint, "SELECT ?x WHERE {"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("HTTP 400"), "{}", run.stderr);

    let run = crate::util::normgraph(&store, cwd, &["push", "-q", "--graph", "urn:nope", &gsp]);
    assert_eq!(run.code, 3);
    assert!(run.stderr.contains("no graph <urn:nope>"));

    let nobody = format!("http://127.0.0.1:{}/store", free_port());
    let run = crate::util::normgraph(&store, cwd, &["push", "-q", "--attempts", "2", &nobody]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("cannot reach") && run.stderr.contains("gave up after 2"),
        "{}",
        run.stderr
    );
}
