//! Bad input gives a clear one-line error naming the input, a documented non-zero exit code, and
//! leaves the store exactly as it was.

use crate::util::{dump, fixture, normgraph, ok};
use std::fs;

const BAD_INPUT: i32 = 3;
const STORE: i32 = 4;

fn seeded_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let seeds = fixture("seeds");
    ok(
        &store,
        dir.path(),
        &["ingest", seeds.to_str().expect("utf8 path")],
    );
    (dir, store)
}

#[test]
fn missing_file_is_named_and_store_untouched() {
    let (dir, store) = seeded_store();
    let before = dump(&store, dir.path());
    let run = normgraph(&store, dir.path(), &["ingest", "no-such-file.txt"]);
    assert_eq!(run.code, BAD_INPUT);
    assert!(run.stderr.contains("no-such-file.txt"), "{}", run.stderr);
    assert_eq!(run.stderr.trim().lines().count(), 1);
    crate::util::assert_same_text(
        &dump(&store, dir.path()),
        &before,
        "store after a failed ingest",
    );
}

#[test]
fn non_utf8_file_among_good_ones_changes_nothing() {
    let (dir, store) = seeded_store();
    let before = dump(&store, dir.path());
    let inputs = dir.path().join("inputs");
    fs::create_dir(&inputs).expect("mkdir");
    fs::write(inputs.join("a-good.txt"), "We recall resolution 73/27.\n").expect("write");
    fs::write(
        inputs.join("b-bad.txt"),
        b"line one\nresolution \xff 73/27\n",
    )
    .expect("write");
    let run = normgraph(
        &store,
        dir.path(),
        &["ingest", inputs.to_str().expect("utf8")],
    );
    assert_eq!(run.code, BAD_INPUT);
    assert!(run.stderr.contains("b-bad.txt:2:12"), "{}", run.stderr);
    assert!(run.stderr.contains("UTF-8"), "{}", run.stderr);
    crate::util::assert_same_text(
        &dump(&store, dir.path()),
        &before,
        "store after a failed ingest",
    );
}

#[test]
fn empty_and_utf16_and_nul_files_are_rejected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    for (name, bytes) in [
        ("empty.txt", b"".to_vec()),
        ("utf16.txt", b"\xff\xfeh\0i\0".to_vec()),
        ("nul.txt", b"abc\0def".to_vec()),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, bytes).expect("write");
        let run = normgraph(
            &store,
            dir.path(),
            &["extract", path.to_str().expect("utf8")],
        );
        assert_eq!(run.code, BAD_INPUT, "{name}");
        assert!(run.stderr.contains(name), "{}", run.stderr);
    }
    assert!(!store.exists(), "extract must not create a store");
}

#[test]
fn malformed_sparql_reports_position() {
    let (dir, store) = seeded_store();
    let run = normgraph(&store, dir.path(), &["query", "SELECT ?s WHERE { ?s ?p }"]);
    assert_eq!(run.code, BAD_INPUT);
    assert!(run.stderr.contains("SPARQL syntax error"), "{}", run.stderr);
    assert!(
        run.stderr.contains("1:"),
        "position missing: {}",
        run.stderr
    );
    let qfile = dir.path().join("bad.rq");
    fs::write(&qfile, "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(\n}").expect("write");
    let run = normgraph(
        &store,
        dir.path(),
        &["query", "-f", qfile.to_str().expect("utf8")],
    );
    assert_eq!(run.code, BAD_INPUT);
    assert!(run.stderr.contains("bad.rq:4:"), "{}", run.stderr);
    // The line of the error and a caret under the place; the expected tokens cut short.
    assert!(run.stderr.contains("\n    }\n    "), "{}", run.stderr);
    assert!(run.stderr.contains('^'), "{}", run.stderr);
    assert!(run.stderr.contains("possibilities)"), "{}", run.stderr);
}

/// Queries that nest too deep or run too long are refused before parsing (exit 3), never a
/// stack overflow; the longest chains the limits let through are answered.
#[test]
fn deeply_nested_and_very_long_queries_are_refused_not_a_crash() {
    let (dir, store) = seeded_store();
    let cwd = dir.path();
    let file = |name: &str, text: String| {
        let path = cwd.join(name);
        fs::write(&path, text).expect("write");
        path
    };
    let deep = file(
        "deep.rq",
        format!(
            "SELECT * WHERE {{ ?s ?p ?o FILTER({}true{}) }}",
            "(".repeat(10_000),
            ")".repeat(10_000)
        ),
    );
    let groups = file(
        "groups.rq",
        format!(
            "SELECT * WHERE {} ?s ?p ?o {}",
            "{".repeat(5_000),
            "}".repeat(5_000)
        ),
    );
    for (path, needle) in [(&deep, "nests more than"), (&groups, "nests more than")] {
        let run = normgraph(&store, cwd, &["query", "-f", path.to_str().expect("utf8")]);
        assert_eq!(run.code, BAD_INPUT, "{}", run.stderr);
        assert!(run.stderr.contains(needle), "{}", run.stderr);
    }
    // Chains just within the token limit (each deep in the parser and the evaluator).
    let plus = file(
        "plus.rq",
        format!("SELECT (1{} AS ?x) {{}}", "+1".repeat(9_990)),
    );
    let or = file(
        "or.rq",
        format!("SELECT ({} AS ?x) {{}}", vec!["false"; 6_600].join(" || ")),
    );
    let union = file(
        "union.rq",
        format!(
            "SELECT * WHERE {{ {}{{ ?s ?p ?o }} }} LIMIT 1",
            "{ ?s ?p 1 } UNION ".repeat(2_800)
        ),
    );
    for path in [&plus, &or, &union] {
        ok(&store, cwd, &["query", "-f", path.to_str().expect("utf8")]);
    }
    let run = normgraph(&store, cwd, &["query", "-f", plus.to_str().expect("utf8")]);
    assert!(run.stdout.contains("9991"), "{}", run.stdout);

    // A query that would run for hours stops at its --timeout (exit 3), the store unchanged;
    // this one (a product of patterns sharing no variable) is one that oxigraph does not stop
    // when cancelled, so the process ends a second after the limit.
    let before = dump(&store, cwd);
    let started = std::time::Instant::now();
    let run = normgraph(
        &store,
        cwd,
        &[
            "query",
            "--timeout",
            "1",
            "--format",
            "csv",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        ],
    );
    assert_eq!(run.code, BAD_INPUT, "{}", run.stderr);
    assert!(run.stderr.contains("time limit (1 s)"), "{}", run.stderr);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "stopped after {:?}",
        started.elapsed()
    );
    assert_eq!(before, dump(&store, cwd), "the query changed the store");
    // A query within its limit is answered in full.
    let run = ok(
        &store,
        cwd,
        &[
            "query",
            "--timeout",
            "30",
            "--format",
            "csv",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        ],
    );
    assert_eq!(run.stdout.lines().next(), Some("n"), "{}", run.stdout);
}

/// A federated query is the query's fault (exit 3); a control character in the data does not
/// reach the terminal through the table output; a corrections file with a byte-order mark is
/// read like a statement with one.
#[test]
fn service_escapes_and_bom_in_corrections() {
    let (dir, store) = seeded_store();
    let cwd = dir.path();
    let run = normgraph(
        &store,
        cwd,
        &[
            "query",
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        ],
    );
    assert_eq!(run.code, BAD_INPUT, "{}", run.stderr);
    assert!(run.stderr.contains("not supported"), "{}", run.stderr);
    let table = ok(
        &store,
        cwd,
        &["query", "SELECT ?x WHERE { BIND(\"a\\u001Bb\" AS ?x) }"],
    )
    .stdout;
    assert!(!table.contains('\u{1b}'), "{table:?}");
    assert!(table.contains("a\\u{1b}b"), "{table:?}");
    let corrections = cwd.join("bom.ttl");
    fs::write(
        &corrections,
        "\u{feff}@prefix ng: <https://w3id.org/normgraph/ns#> .\n<urn:a> ng:note \"x\" .\n",
    )
    .expect("write");
    ok(
        &store,
        cwd,
        &["correct", corrections.to_str().expect("utf8")],
    );
}

#[test]
fn unknown_curated_query_and_wrong_format() {
    let (dir, store) = seeded_store();
    let run = normgraph(&store, dir.path(), &["query", "no-such-query"]);
    assert_eq!(run.code, BAD_INPUT);
    assert!(run.stderr.contains("no-such-query"), "{}", run.stderr);
    let run = normgraph(
        &store,
        dir.path(),
        &[
            "query",
            "--format",
            "turtle",
            "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
        ],
    );
    assert_eq!(run.code, BAD_INPUT);
}

#[test]
fn querying_a_missing_store_is_an_error_not_a_new_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("nowhere");
    let run = normgraph(&store, dir.path(), &["query", "ASK { ?s ?p ?o }"]);
    assert_eq!(run.code, STORE);
    assert!(run.stderr.contains("no normgraph store"), "{}", run.stderr);
    assert!(!store.exists(), "a query created a store");
    let run = normgraph(&store, dir.path(), &["export"]);
    assert_eq!(run.code, STORE);
    assert!(!store.exists());
}

#[test]
fn a_folder_that_is_not_a_store_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("notastore");
    fs::create_dir(&store).expect("mkdir");
    fs::write(store.join("thesis.docx"), "precious").expect("write");
    let seeds = fixture("seeds");
    let run = normgraph(
        &store,
        dir.path(),
        &["ingest", seeds.to_str().expect("utf8")],
    );
    assert_eq!(run.code, STORE);
    assert!(
        run.stderr.contains("not a normgraph store"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(store.join("thesis.docx")).expect("read"),
        "precious"
    );
    assert_eq!(fs::read_dir(&store).expect("ls").count(), 1);
}

#[test]
fn manifest_errors_name_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).expect("mkdir");
    fs::write(inputs.join("s.txt"), "We recall resolution 73/27.\n").expect("write");
    fs::write(
        inputs.join("manifest.csv"),
        "file,delegation,date\ns.txt,Atlantis,2020-01-01\n",
    )
    .expect("write");
    let run = normgraph(
        &store,
        dir.path(),
        &["ingest", inputs.to_str().expect("utf8")],
    );
    assert_eq!(run.code, BAD_INPUT);
    assert!(run.stderr.contains("manifest.csv:2"), "{}", run.stderr);
    assert!(run.stderr.contains("Atlantis"), "{}", run.stderr);
    fs::write(
        inputs.join("manifest.csv"),
        "file,delegation\nmissing.txt,IRN\n",
    )
    .expect("write");
    let run = normgraph(
        &store,
        dir.path(),
        &["ingest", inputs.to_str().expect("utf8")],
    );
    assert_eq!(run.code, BAD_INPUT);
    assert!(run.stderr.contains("missing.txt"), "{}", run.stderr);
    assert!(!store.exists(), "a failed ingest created a store");
}

#[test]
fn damaged_or_textless_pdf_is_named_and_store_untouched() {
    let (dir, store) = seeded_store();
    let before = dump(&store, dir.path());
    let good = fs::read(fixture("pdf/oewg-statement.pdf")).expect("fixture");
    // Cut in half: the cross-reference table is gone.
    let damaged = dir.path().join("damaged.pdf");
    fs::write(&damaged, &good[..good.len() / 2]).expect("write");
    let garbage = dir.path().join("garbage.pdf");
    fs::write(&garbage, b"%PDF-1.7\nnot a pdf at all\n").expect("write");
    // A file the PDF reader panics on (found by mutating the good one): still one clear line.
    let panics = fixture("pdf/reader-panics.pdf");
    for bad in [&damaged, &garbage, &panics] {
        let run = normgraph(
            &store,
            dir.path(),
            &[
                "ingest",
                fixture("seeds").to_str().expect("utf8"),
                bad.to_str().expect("utf8"),
            ],
        );
        assert_eq!(run.code, BAD_INPUT, "{}", run.stderr);
        let name = bad.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(
            run.stderr.contains(name) && run.stderr.contains("PDF"),
            "{}",
            run.stderr
        );
        assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
        crate::util::assert_same_text(
            &dump(&store, dir.path()),
            &before,
            "store after a failed PDF ingest",
        );
    }
}

/// Syntax errors in a scholar's files show the line they are on with a caret under the place:
/// Turtle corrections, N3 rules, manifests, front matter; the store is left as it was.
#[test]
fn syntax_errors_show_the_line_and_a_caret() {
    let (dir, store) = seeded_store();
    let cwd = dir.path();
    let before = dump(&store, cwd);
    let shows = |args: &[&str], lines: &[&str]| {
        let run = normgraph(&store, cwd, args);
        assert_eq!(run.code, BAD_INPUT, "{}", run.stderr);
        for line in lines {
            assert!(
                run.stderr.lines().any(|l| l == *line),
                "no line {line:?} in:\n{}",
                run.stderr
            );
        }
    };
    fs::write(
        cwd.join("fix.ttl"),
        "@prefix ng: <https://w3id.org/normgraph/ns#> .\n<urn:a> ng:note \"x\" ;\n  ng:other <urn:c .\n",
    )
    .expect("write");
    shows(
        &["correct", "fix.ttl"],
        &["normgraph: error: fix.ttl:3:12: Parser error between line 3 column 12 and line 4 column 1: Unexpected end of file", "3 |   ng:other <urn:c .", "  |            ^"],
    );
    fs::write(
        cwd.join("r.n3"),
        "@prefix ng: <https://w3id.org/normgraph/ns#> .\n{ ?a ng:x ?b } => { ?b ng:y ?a .\n",
    )
    .expect("write");
    shows(
        &["infer", "--rules", "r.n3"],
        &["3 | (end of file: something is left open above)"],
    );
    let statements = cwd.join("st");
    fs::create_dir_all(&statements).expect("mkdir");
    fs::write(statements.join("a.txt"), "Resolution 73/27 was adopted.\n").expect("write");
    fs::write(
        statements.join("manifest.csv"),
        "file,delegation,date\na.txt,IRN,2020-13-45\n",
    )
    .expect("write");
    shows(
        &["ingest", "st"],
        &["2 | a.txt,IRN,2020-13-45", "  | ^^^^^^^^^^^^^^^^^^^^"],
    );
    assert_eq!(
        before,
        dump(&store, cwd),
        "a refused command changed the store"
    );
}
