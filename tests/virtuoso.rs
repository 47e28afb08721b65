//! Past one machine: statements extracted to N-Quads shards by two separate jobs
//! (`extract --to-nquads`), bulk-loaded into a real Virtuoso (its `ld_dir` and
//! `rdf_loader_run`, started here on loopback ports with its own database), answer every
//! curated query with the rows a local store gives.
//!
//! Rows are compared as SPARQL engines may differ by the standard: a cell's words in any
//! order (the order inside `GROUP_CONCAT` is the engine's choice), an empty string for an
//! unbound cell (`GROUP_CONCAT` of nothing), no language tag (a `GROUP_CONCAT` is a simple
//! literal in Virtuoso, keeps a common tag in Oxigraph); and of a column named `example…`
//! (a `SAMPLE`, whose choice SPARQL leaves to the engine) only that it is there.

use crate::util::{fixture, free_port, ok, root};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A Virtuoso server with its own database folder, stopped on drop.
struct Virtuoso {
    child: Child,
    sql_port: u16,
    http_port: u16,
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs SQL through Virtuoso's `isql` client; its output, or `None` if it failed.
fn isql(port: u16, sql: &str) -> Option<String> {
    let out = Command::new("isql-vt")
        .arg(format!("127.0.0.1:{port}"))
        .args(["dba", "dba"])
        .arg(format!("exec={sql}"))
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success() && !text.contains("*** Error")).then_some(text)
}

impl Virtuoso {
    /// Starts Virtuoso on two free loopback ports, its database in `dir`, reading files from
    /// `data`; `None` when it is not installed.
    fn start(dir: &Path, data: &Path) -> Option<Self> {
        let (sql_port, http_port) = (free_port(), free_port());
        let db = dir.join("db");
        std::fs::create_dir_all(&db).expect("mkdir");
        let ini = dir.join("virtuoso.ini");
        std::fs::write(
            &ini,
            format!(
                "[Database]\nDatabaseFile = {db}/virtuoso.db\nErrorLogFile = {db}/virtuoso.log\n\
                 LockFile = {db}/virtuoso.lck\nTransactionFile = {db}/virtuoso.trx\n\
                 xa_persistent_file = {db}/virtuoso.pxa\n\
                 [TempDatabase]\nDatabaseFile = {db}/virtuoso-temp.db\n\
                 TransactionFile = {db}/virtuoso-temp.trx\n\
                 [Parameters]\nServerPort = 127.0.0.1:{sql_port}\nDisableUnixSocket = 1\n\
                 DirsAllowed = ., {data}\nNumberOfBuffers = 20000\nMaxDirtyBuffers = 15000\n\
                 [HTTPServer]\nServerPort = 127.0.0.1:{http_port}\n\
                 ServerRoot = /var/lib/virtuoso-opensource-7/vsp\nServerThreads = 4\n\
                 [SPARQL]\nResultSetMaxRows = 1000000\nMaxQueryExecutionTime = 120\n",
                db = db.display(),
                data = data.display()
            ),
        )
        .expect("write virtuoso.ini");
        let child = Command::new("virtuoso-t")
            .arg("+foreground")
            .arg("+configfile")
            .arg(&ini)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let server = Self {
            child,
            sql_port,
            http_port,
        };
        let started = Instant::now();
        while isql(sql_port, "status();").is_none() {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "Virtuoso did not start in 120 s (log: {})",
                std::fs::read_to_string(db.join("virtuoso.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(500));
        }
        Some(server)
    }
}

/// A SPARQL JSON result as comparable rows (see the module's documentation).
fn rows(json: &str) -> Vec<Vec<String>> {
    let v: serde_json::Value = serde_json::from_str(json).expect("SPARQL JSON results");
    let vars: Vec<String> = v["head"]["vars"]
        .as_array()
        .expect("vars")
        .iter()
        .map(|x| x.as_str().expect("a name").to_owned())
        .collect();
    let mut out: Vec<Vec<String>> = v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            vars.iter()
                .map(|name| {
                    let value = b[name.as_str()]["value"].as_str().unwrap_or("");
                    if name.starts_with("example") {
                        return (!value.is_empty()).to_string();
                    }
                    let mut words: Vec<&str> = value.split_whitespace().collect();
                    words.sort_unstable();
                    words.join(" ")
                })
                .collect()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn shards_bulk_loaded_into_virtuoso_answer_the_curated_queries_as_locally() {
    let in_ci = std::env::var_os("CI").is_some();
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let data = cwd.join("shards");
    let seeds = root().join("data/statements");
    let ungdc = fixture("ungdc");
    let store = cwd.join("store");
    // Two extraction jobs into one folder, as two machines would.
    for input in [&seeds, &ungdc] {
        let run = ok(
            &store,
            cwd,
            &[
                "extract",
                "--to-nquads",
                data.to_str().expect("utf8"),
                input.to_str().expect("utf8"),
            ],
        );
        assert!(run.stderr.contains("wrote"), "{}", run.stderr);
    }
    assert!(!store.exists(), "extract --to-nquads needs no store");
    let shards = std::fs::read_dir(&data).expect("shards").count();
    assert_eq!(shards, 2 + 60 + 1, "one file per input and +resources.nq");
    let Some(virtuoso) = Virtuoso::start(cwd, &data) else {
        assert!(
            !in_ci,
            "virtuoso-t is not installed (apt-get install virtuoso-opensource)"
        );
        eprintln!("virtuoso-t not installed: skipped");
        return;
    };
    let loaded = isql(
        virtuoso.sql_port,
        &format!(
            "ld_dir('{}', '*.nq', 'urn:normgraph:unused'); rdf_loader_run(); checkpoint; \
             SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;",
            data.display()
        ),
    )
    .expect("Virtuoso's bulk loader runs");
    assert!(
        loaded.lines().any(|l| l.trim() == "0"),
        "files with load errors: {loaded}"
    );
    // The same statements ingested locally.
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
    let endpoint = format!("http://127.0.0.1:{}/sparql", virtuoso.http_port);
    let listed = ok(&store, cwd, &["queries"]).stdout;
    let names: Vec<&str> = listed
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(names.len() >= 10, "{listed}");
    let mut sizes = BTreeMap::new();
    for name in names {
        let here = rows(&ok(&store, cwd, &["query", "--format", "json", name]).stdout);
        let there = rows(
            &ok(
                &store,
                cwd,
                &["query", "--endpoint", &endpoint, "--format", "json", name],
            )
            .stdout,
        );
        assert_eq!(here, there, "{name}: Virtuoso's rows differ");
        sizes.insert(name, here.len());
    }
    assert!(
        sizes.values().filter(|n| **n > 0).count() >= 10,
        "{sizes:?}"
    );
    eprintln!("same rows in Virtuoso: {sizes:?}");
}
