//! What the bench binaries share: arguments, the results CSVs, timing a command with its peak
//! memory. Each bench includes it with `mod common;`.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The crate's folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The value after `name` in the arguments, parsed, or `default`.
pub fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Whether the flag `name` is among the arguments.
pub fn flag(args: &[String], name: &str) -> bool {
    args.iter().any(|a| a == name)
}

/// Today as YYYY-MM-DD (from `date`, so no date crate is needed).
pub fn today() -> String {
    Command::new("date")
        .arg("+%F")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

/// Appends `rows` to `bench/results/<name>`, writing `header` first when the file is new.
pub fn append_csv(name: &str, header: &str, rows: &[String]) {
    let path = root().join("bench/results").join(name);
    let new = !path.exists();
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .expect("results csv");
    if new {
        writeln!(f, "{header}").expect("write");
    }
    for row in rows {
        writeln!(f, "{row}").expect("write");
    }
    println!("appended {} rows to {}", rows.len(), path.display());
}

/// The release binary, which the bench drives like a user would.
pub fn normgraph_bin() -> PathBuf {
    let bin = root().join("target/release/normgraph");
    assert!(bin.is_file(), "build first: cargo build --release");
    bin
}

/// Runs a command to completion, panicking with `what` if it fails.
pub fn run(cmd: &mut Command, what: &str) {
    let status = cmd.status().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(status.success(), "{what} failed");
}

/// Writes the manifest of the General Debate corpus (`scripts/ungdc-manifest.py`) into `work`.
pub fn corpus_manifest(corpus: &Path, work: &Path) -> PathBuf {
    let manifest = work.join("manifest.csv");
    run(
        Command::new("python3")
            .arg(root().join("scripts/ungdc-manifest.py"))
            .arg(corpus)
            .arg("--out")
            .arg(&manifest),
        "manifest",
    );
    manifest
}

/// Wall-clock seconds and peak resident memory (MB) of one run of a command.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Peak resident set size in MB (GNU time's %M), 0 if GNU time is missing.
    pub peak_mb: f64,
}

/// Runs `cmd` under GNU time (`/usr/bin/time`, Debian package `time`) for its peak RSS; the
/// wall clock is measured here. Panics with `what` if the command fails.
pub fn measure(cmd: &Command, what: &str) -> Measured {
    let gnu_time = Path::new("/usr/bin/time");
    let report = std::env::temp_dir().join(format!("normgraph-bench-time-{}", std::process::id()));
    let mut wrapped = if gnu_time.is_file() {
        let mut w = Command::new(gnu_time);
        w.arg("-f").arg("%M").arg("-o").arg(&report);
        w.arg(cmd.get_program()).args(cmd.get_args());
        w
    } else {
        let mut w = Command::new(cmd.get_program());
        w.args(cmd.get_args());
        w
    };
    if let Some(dir) = cmd.get_current_dir() {
        wrapped.current_dir(dir);
    }
    let started = Instant::now();
    let output = wrapped
        .stdout(std::process::Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let peak_kb: f64 = std::fs::read_to_string(&report)
        .ok()
        .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()))
        .unwrap_or(0.0);
    let _ = std::fs::remove_file(&report);
    Measured {
        seconds,
        peak_mb: peak_kb / 1024.0,
    }
}

/// Total size in bytes of the files under `dir`.
pub fn folder_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                total += folder_bytes(&p);
            } else if let Ok(m) = p.metadata() {
                total += m.len();
            }
        }
    }
    total
}
