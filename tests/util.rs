//! Helpers for the integration tests: run the real binary, show everything when a test fails.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture path under `tests/fixtures`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// Makes `at` a resource folder for `--resources`: copies of the repository's ontology,
/// reference data, curated queries and projections.
pub fn resource_folder(at: &Path) {
    for sub in [
        "ontology",
        "data/reference",
        "queries",
        "queries/projections",
    ] {
        std::fs::create_dir_all(at.join(sub)).expect("mkdir");
        for entry in std::fs::read_dir(root().join(sub)).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_file() {
                std::fs::copy(&path, at.join(sub).join(path.file_name().expect("name")))
                    .expect("copy");
            }
        }
    }
}

/// Output of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs normgraph with the given store and arguments, from the given folder.
pub fn normgraph(store: &Path, cwd: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("normgraph")
        .expect("binary built")
        .current_dir(cwd)
        .env_remove("NORMGRAPH_RESOURCES")
        .env("NORMGRAPH_STORE", store)
        .args(args)
        .output()
        .expect("runs");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    eprintln!(
        "$ normgraph {}\n[exit {}]\n--- stdout ---\n{}\n--- stderr ---\n{}",
        args.join(" "),
        run.code,
        truncate(&run.stdout),
        run.stderr
    );
    run
}

fn truncate(s: &str) -> &str {
    let mut end = s.len().min(4000);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Runs and asserts success.
pub fn ok(store: &Path, cwd: &Path, args: &[&str]) -> Run {
    let run = normgraph(store, cwd, args);
    assert_eq!(run.code, 0, "normgraph {args:?} failed: {}", run.stderr);
    run
}

/// The store's content as sorted N-Quads (for before/after comparisons).
pub fn dump(store: &Path, cwd: &Path) -> String {
    ok(store, cwd, &["export", "--format", "nquads"]).stdout
}

/// Asserts two long texts are equal, printing only the first lines that differ.
pub fn assert_same_text(left: &str, right: &str, what: &str) {
    if left == right {
        return;
    }
    let (l, r): (Vec<&str>, Vec<&str>) = (left.lines().collect(), right.lines().collect());
    let first = l
        .iter()
        .zip(&r)
        .position(|(a, b)| a != b)
        .unwrap_or(l.len().min(r.len()));
    panic!(
        "{what}: texts differ ({} vs {} lines); first difference at line {}:\n  left:  {:?}\n  right: {:?}",
        l.len(),
        r.len(),
        first + 1,
        l.get(first),
        r.get(first)
    );
}

/// Headless Chromium, as root and without network (see docs/DEVELOPING.md).
pub fn chromium(args: &[&str], profile: &Path) -> Option<std::process::Output> {
    let mut cmd = std::process::Command::new("chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(args);
    match cmd.output() {
        Ok(o) => Some(o),
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("chromium not installed: skipped");
            None
        }
        Err(e) => panic!("chromium missing in CI: {e}"),
    }
}

/// A loopback port free at the time of asking (for servers the tests start).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The lines of an error message on stderr, leaving out what only shows where it is: the
/// indented lines of a SPARQL syntax error and the ` N | line` / `   | ^` snippet of a file.
pub fn message_lines(stderr: &str) -> usize {
    stderr
        .trim()
        .lines()
        .filter(|l| !l.starts_with("    "))
        .filter(|l| {
            let rest = l
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit());
            !(rest.starts_with(" |") || rest.starts_with('|'))
        })
        .count()
}

/// A temporary folder with a store holding the seed statements of `data/statements`.
pub fn seeds_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let seeds = root().join("data/statements");
    ok(
        &store,
        dir.path(),
        &["ingest", "-q", seeds.to_str().expect("utf8")],
    );
    (dir, store)
}

/// Runs a Python script (`python3 -c SCRIPT ARGS…`) and returns what it printed. `None` when
/// a module it imports is not installed and this is not CI (where `install-deps.sh` installs
/// them); any other failure panics with the script's stderr.
pub fn python<S: AsRef<std::ffi::OsStr>>(script: &str, args: &[S], what: &str) -> Option<Vec<u8>> {
    let run = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    if run.status.success() {
        return Some(run.stdout);
    }
    let stderr = String::from_utf8_lossy(&run.stderr);
    if std::env::var_os("CI").is_none() && stderr.contains("No module named") {
        eprintln!("{what} not installed: skipped");
        return None;
    }
    panic!("{what} failed: {stderr}");
}
