//! Embeds the shipped ontology, rules, reference data, number tables, cue patterns and curated
//! queries into the binary, so that `normgraph` works from any folder. At run time a resource
//! folder can override them (see `rdf/resources.rs`).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const DIRS: &[(&str, &str)] = &[
    ("ontology", "ttl"),
    ("ontology/rules", "n3"),
    ("ontology/shapes", "ttl"),
    ("data/reference", "ttl"),
    ("data/reference", "csv"),
    ("data/cues", "ttl"),
    ("queries", "rq"),
    ("queries/projections", "rq"),
];

fn main() {
    // The data files live at the workspace root, two folders up from this crate.
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("../..");
    let mut code = String::from("/// Resource files embedded at build time: (relative path, contents).\npub static EMBEDDED: &[(&str, &str)] = &[\n");
    for (dir, ext) in DIRS {
        let full = root.join(dir);
        println!("cargo:rerun-if-changed={}", full.display());
        let mut files: Vec<_> = fs::read_dir(&full)
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == *ext));
        files.sort();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file.file_name().expect("a file name").to_string_lossy();
            let _ = writeln!(
                code,
                "    ({:?}, include_str!({:?})),",
                format!("{dir}/{name}"),
                file.display().to_string()
            );
        }
    }
    code.push_str("];\n");
    // The extractor's version: the crate's version and a hash of its source files, so that an
    // ingest re-extracts everything after any change to the code (see `store/ledger.rs`).
    let src = Path::new(&manifest_dir).join("src");
    println!("cargo:rerun-if-changed={}", src.display());
    let mut sources = Vec::new();
    collect(&src, &mut sources);
    sources.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a
    for file in &sources {
        let bytes = fs::read(file).expect("read a source file");
        let name = file.strip_prefix(&src).unwrap_or(file).to_string_lossy();
        for b in name.bytes().chain([0]).chain(bytes).chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let _ = writeln!(
        code,
        "/// The extractor's version: crate version and a hash of its source.\npub static EXTRACTOR_VERSION: &str = \"{}+{hash:016x}\";",
        env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION")
    );
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(out, code).expect("write embedded.rs");
}

/// The `.rs` files under `dir`, recursively.
fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
