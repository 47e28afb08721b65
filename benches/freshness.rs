//! Freshness: what a research group pays to keep its store up to date. Times and peak memory
//! of each step as a ratio to the first ingest, measured in the same run, with the goals of
//! issue 20.
//!
//! `cargo bench --bench freshness -- [--corpus DIR] [--extra DIR]…`
//!
//! The corpus (default `../shared/corpus/ungdc-dev`, skipped with a message when absent) and
//! any extra folders are copied into `target/bench-freshness/` with a `manifest.csv` written by
//! `scripts/ungdc-manifest.py`, then, each step a process of its own under GNU time:
//!
//! 1. `ingest` into a fresh store;
//! 2. `ingest` again, nothing changed;
//! 3. `ingest` again after appending one sentence to one file;
//! 4. `infer` with the shipped rules;
//! 5. `explain` of one derived `ng:groundedIn` fact (answered from the stored inference);
//! 6. the same `explain` after an ingest that changed a file (the inferred graph is stale, so
//!    the rules run to their fixpoint first: the cost without stored inference).
//!
//! Appends to `bench/results/freshness.csv`.

mod common;

use common::{append_csv, arg, measure, normgraph_bin, root, today, Measured};
use std::process::Command;

fn copy_folder(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("work folder");
    for e in std::fs::read_dir(from).expect("corpus").flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, to.join(e.file_name())).expect("copy");
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = root();
    let corpus = arg(&args, "--corpus", root.join("../shared/corpus/ungdc-dev"));
    if !corpus.is_dir() {
        println!("{}: corpus not found; nothing to measure", corpus.display());
        return;
    }
    let extra: Vec<std::path::PathBuf> = args
        .windows(2)
        .filter(|w| w[0] == "--extra")
        .map(|w| std::path::PathBuf::from(&w[1]))
        .collect();
    let bin = normgraph_bin();
    let work = root.join("target/bench-freshness");
    let _ = std::fs::remove_dir_all(&work);
    let folder = work.join("corpus");
    copy_folder(&corpus, &folder);
    for x in &extra {
        copy_folder(x, &folder);
    }
    common::run(
        Command::new("python3")
            .arg(root.join("scripts/ungdc-manifest.py"))
            .arg(&folder)
            .arg("--out")
            .arg(folder.join("manifest.csv"))
            .stderr(std::process::Stdio::null()),
        "manifest",
    );
    let files: Vec<std::path::PathBuf> = {
        let mut f: Vec<_> = std::fs::read_dir(&folder)
            .expect("corpus copy")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        f.sort();
        f
    };
    println!(
        "corpus: {} files, {:.1} MB",
        files.len(),
        common::folder_bytes(&folder) as f64 / 1e6
    );
    let store = work.join("store");
    let ng = |args: &[&str]| {
        let mut c = Command::new(&bin);
        c.arg("--store").arg(&store).args(args);
        c
    };
    let ingest = || {
        let mut c = ng(&["ingest", "-q"]);
        c.arg(&folder);
        c
    };
    let append = |file: &std::path::Path, sentence: &str| {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(file)
            .expect("open a corpus file");
        writeln!(f, "\n{sentence}").expect("append");
    };

    let first = measure(&ingest(), "first ingest");
    let unchanged = measure(&ingest(), "ingest, nothing changed");
    append(
        &files[files.len() / 2],
        "We reaffirm the principles of the Charter of the United Nations.",
    );
    let one_edit = measure(&ingest(), "ingest after one edit");
    let infer = measure(&ng(&["infer"]), "infer");
    // One derived ng:groundedIn fact (a proposed norm and its source).
    let out = ng(&[
        "query",
        "--format",
        "tsv",
        "SELECT ?p ?s WHERE { GRAPH <https://w3id.org/normgraph/id/graph/inferred> \
         { ?p ng:groundedIn ?s } } ORDER BY ?p ?s LIMIT 1",
    ])
    .output()
    .expect("query");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let row: Vec<String> = text
        .lines()
        .nth(1)
        .unwrap_or("")
        .split('\t')
        .map(str::to_owned)
        .collect();
    let explain = |what: &str| -> Option<Measured> {
        if row.len() < 2 {
            return None;
        }
        let mut c = ng(&["explain"]);
        c.arg(&row[0]).arg("ng:groundedIn").arg(&row[1]);
        Some(measure(&c, what))
    };
    let explain_stored = explain("explain (stored inference)");
    append(
        &files[files.len() / 3],
        "We recall General Assembly resolution 2625 (XXV).",
    );
    let _ = measure(&ingest(), "ingest after a second edit");
    let explain_fresh = explain("explain (rules run first)");
    if row.len() < 2 {
        println!("(no derived ng:groundedIn fact in this corpus: explain not measured)");
    }

    let base = first.seconds;
    let mut rows = Vec::new();
    println!(
        "\n| step | seconds | ratio to first ingest | peak MB | goal |\n|---|---|---|---|---|"
    );
    let steps: Vec<(&str, Option<Measured>, &str)> = vec![
        ("first ingest", Some(first), "< 60 s, < 1 GB"),
        ("ingest again, nothing changed", Some(unchanged), "≤ 0.05×"),
        (
            "ingest again, one sentence appended",
            Some(one_edit),
            "≤ 0.05×",
        ),
        ("infer (shipped rules)", Some(infer), "≤ 0.25×"),
        (
            "explain one derived ng:groundedIn (stored inference)",
            explain_stored,
            "≤ 0.05×, < 1 s",
        ),
        (
            "explain, inference stale (rules run first)",
            explain_fresh,
            "(for comparison)",
        ),
    ];
    for (step, m, goal) in steps {
        let Some(m) = m else { continue };
        println!(
            "| {step} | {:.2} | {:.3}× | {:.0} | {goal} |",
            m.seconds,
            m.seconds / base,
            m.peak_mb
        );
        rows.push(format!(
            "{},{},{},{:.3},{:.4},{:.0}",
            today(),
            files.len(),
            step.replace(',', ";"),
            m.seconds,
            m.seconds / base,
            m.peak_mb
        ));
    }
    append_csv(
        "freshness.csv",
        "date,files,step,seconds,ratio_to_first_ingest,peak_mb",
        &rows,
    );
}
