//! One large statement: time and peak memory of `normgraph extract` and of a fresh
//! `normgraph ingest` of a single statement of 1, 9 and 90 MB, with peak memory as a multiple of
//! the input's size (the hardening issue's goal: at most 50×), and what each further MB adds.
//!
//! `cargo bench --bench statement -- [--sizes 1,9,90] [--keep]`
//!
//! The statement is the 2020 seed (`data/statements/001_…txt`, dense with facts: citations,
//! principles, proposals) repeated, paragraphs apart, up to the size asked for; it is written to
//! `target/bench-statement/` and deleted afterwards unless `--keep`. Appends to
//! `bench/results/statement.csv`.

mod common;

use common::{append_csv, arg, flag, measure, normgraph_bin, root, today};
use std::process::Command;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let sizes: Vec<f64> = arg(&args, "--sizes", "1,9,90".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let keep = flag(&args, "--keep");
    let bin = normgraph_bin();
    let work = root().join("target/bench-statement");
    let seed = std::fs::read_to_string(root().join("data/statements/001_e9acb2ec0aff198f.txt"))
        .expect("the seed statement");
    println!(
        "{:>7} {:>10} {:>10} {:>9} {:>10} {:>10} {:>9}",
        "MB", "extract s", "peak MB", "× input", "ingest s", "peak MB", "× input"
    );
    let mut rows = Vec::new();
    let mut peaks: Vec<(f64, f64, f64)> = Vec::new();
    for mb in sizes {
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(&work).expect("work dir");
        let target = (mb * 1_000_000.0) as usize;
        let mut text = String::with_capacity(target + seed.len());
        while text.len() < target {
            text.push_str(&seed);
            text.push_str("\n\n");
        }
        let file = work.join("statement.txt");
        std::fs::write(&file, &text).expect("write the statement");
        let input_mb = text.len() as f64 / 1e6;
        drop(text);
        let mut extract = Command::new(&bin);
        extract.arg("extract").arg(&file);
        let ex = measure(&extract, "extract");
        let mut ingest = Command::new(&bin);
        ingest
            .arg("--store")
            .arg(work.join("store"))
            .arg("ingest")
            .arg(&file);
        let ing = measure(&ingest, "ingest");
        println!(
            "{:>7.1} {:>10.2} {:>10.0} {:>9.1} {:>10.2} {:>10.0} {:>9.1}",
            input_mb,
            ex.seconds,
            ex.peak_mb,
            ex.peak_mb / input_mb,
            ing.seconds,
            ing.peak_mb,
            ing.peak_mb / input_mb
        );
        peaks.push((input_mb, ex.peak_mb, ing.peak_mb));
        rows.push(format!(
            "{},{input_mb:.2},{:.2},{:.0},{:.2},{:.0}",
            today(),
            ex.seconds,
            ex.peak_mb,
            ing.seconds,
            ing.peak_mb
        ));
    }
    // What each further MB of input costs, apart from what any run costs (the binary, the
    // lexicon, RocksDB's buffers): the growth of the peak between two sizes.
    for pair in peaks.windows(2) {
        let ((a, ex_a, in_a), (b, ex_b, in_b)) = (pair[0], pair[1]);
        println!(
            "{a:.0} → {b:.0} MB: each further MB adds {:.1} MB to extract's peak and {:.1} MB to \
             ingest's",
            (ex_b - ex_a) / (b - a),
            (in_b - in_a) / (b - a)
        );
    }
    if !keep {
        let _ = std::fs::remove_dir_all(&work);
    }
    append_csv(
        "statement.csv",
        "date,input_mb,extract_s,extract_peak_mb,ingest_s,ingest_peak_mb",
        &rows,
    );
}
