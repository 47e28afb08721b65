//! Robustness: every command on bad input gives a clear message naming the input, a documented
//! exit code, and leaves the store's content unchanged; crashes mid-ingest never leave a
//! statement's graph half-written.

use crate::util::{assert_same_text, dump, fixture, message_lines, normgraph, ok, root};
use std::fs;
use std::path::Path;

const BAD_INPUT: i32 = 3;
const STORE: i32 = 4;

fn seeded() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    ok(
        &store,
        dir.path(),
        &["ingest", fixture("seeds").to_str().expect("utf8")],
    );
    (dir, store)
}

/// Runs `args` expecting `code`, a one-line message containing `needle` (a syntax error adds the
/// line it is on and a caret), and an unchanged store.
fn refused(store: &Path, cwd: &Path, args: &[&str], code: i32, needle: &str) {
    let before = dump(store, cwd);
    let run = normgraph(store, cwd, args);
    assert_eq!(run.code, code, "{args:?}: {}", run.stderr);
    assert!(
        run.stderr.contains(needle),
        "{args:?}: expected {needle:?} in {}",
        run.stderr
    );
    assert_eq!(
        message_lines(&run.stderr),
        1,
        "{args:?}: one line: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_same_text(&dump(store, cwd), &before, &format!("store after {args:?}"));
}

#[test]
fn bad_statement_files_are_refused_by_ingest_and_extract() {
    let (dir, store) = seeded();
    let cwd = dir.path();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "latin1.txt",
            b"caf\xe9 resolution 73/27\n".to_vec(),
            "latin1.txt:1:4: not valid UTF-8",
        ),
        ("utf16.txt", b"\xfe\xff\x00r\x00e".to_vec(), "UTF-16"),
        ("nul.txt", b"text\x00more".to_vec(), "NUL byte"),
        ("empty.txt", Vec::new(), "empty"),
        ("blank.txt", b" \r\n\x0c\n".to_vec(), "empty"),
    ];
    for (name, bytes, needle) in cases {
        let path = cwd.join(name);
        fs::write(&path, bytes).expect("write");
        let p = path.to_str().expect("utf8");
        refused(&store, cwd, &["ingest", p], BAD_INPUT, needle);
        refused(&store, cwd, &["extract", p], BAD_INPUT, name);
    }
    // A dangling link, a folder named like a file, a folder with no statements.
    let link = cwd.join("dangling.txt");
    std::os::unix::fs::symlink(cwd.join("nowhere.txt"), &link).expect("symlink");
    refused(
        &store,
        cwd,
        &["ingest", link.to_str().expect("utf8")],
        BAD_INPUT,
        "dangling.txt",
    );
    let folder = cwd.join("folder.txt");
    fs::create_dir(&folder).expect("mkdir");
    refused(
        &store,
        cwd,
        &["ingest", folder.to_str().expect("utf8")],
        BAD_INPUT,
        "no statement files",
    );
}

#[test]
fn awkward_but_valid_text_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "bom.txt",
            b"\xef\xbb\xbfWe recall resolution 73/27.\n".to_vec(),
        ),
        (
            "crlf.txt",
            b"Intro.\r\n\r\nWe recall resolution 73/27.\r\n".to_vec(),
        ),
        (
            "cr.txt",
            b"Intro.\r\rWe recall resolution 73/27.\r".to_vec(),
        ),
        (
            "formfeed.txt",
            b"Page one.\x0c\nWe recall resolution\x0c 73/27.\n".to_vec(),
        ),
        (
            "nbsp.txt",
            "Foo\u{a0}bar. We recall resolution\u{a0}73/27 \u{2014} é.\n"
                .as_bytes()
                .to_vec(),
        ),
    ];
    for (name, bytes) in &cases {
        fs::write(cwd.join(name), bytes).expect("write");
    }
    let out = ok(&store, cwd, &["extract", cwd.to_str().expect("utf8")]).stdout;
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    for statement in v.as_array().expect("array") {
        let ids: Vec<&str> = statement["citations"]
            .as_array()
            .expect("citations")
            .iter()
            .filter_map(|c| c["id"].as_str())
            .collect();
        assert_eq!(ids, vec!["A/RES/73/27"], "{}", statement["source"]);
        let source = statement["source"].as_str().expect("source");
        let text = fs::read_to_string(source).expect("utf8");
        let chars: Vec<char> = text
            .strip_prefix('\u{feff}')
            .unwrap_or(&text)
            .chars()
            .collect();
        let c = &statement["citations"][0];
        let (s, e) = (
            c["start"].as_u64().expect("start") as usize,
            c["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            c["surface"].as_str().expect("surface")
        );
    }
    ok(
        &store,
        cwd,
        &["ingest", cwd.join("bom.txt").to_str().expect("utf8")],
    );
}

#[test]
fn huge_single_line_file_and_deep_folders_and_link_loops() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    // 50 MB on one line, with a citation at the very end.
    let mut big = "lorem ipsum dolor sit amet, ".repeat(50_000_000 / 28);
    big.push_str("and resolution 73/27");
    let inputs = cwd.join("in");
    let mut deep = inputs.clone();
    for i in 0..100 {
        deep = deep.join(format!("d{i}"));
    }
    fs::create_dir_all(&deep).expect("mkdir deep");
    fs::write(inputs.join("big.txt"), &big).expect("write big");
    fs::write(deep.join("deep.txt"), "We recall resolution 75/240.\n").expect("write deep");
    std::os::unix::fs::symlink(&inputs, deep.join("loop")).expect("symlink loop");
    let run = ok(
        &store,
        cwd,
        &["ingest", "--quiet", inputs.to_str().expect("utf8")],
    );
    assert!(
        run.stderr.contains("ingested 2 statements"),
        "{}",
        run.stderr
    );
    let out = ok(
        &store,
        cwd,
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?r WHERE { ?s a ng:Statement ; ng:cites/dcterms:identifier ?r } ORDER BY ?r",
        ],
    )
    .stdout;
    assert_eq!(out.replace('\r', ""), "r\nA/RES/73/27\nA/RES/75/240\n");
}

#[test]
fn malformed_queries_rules_resources_manifests_and_gold_files() {
    let (dir, store) = seeded();
    let cwd = dir.path();
    refused(
        &store,
        cwd,
        &["query", "SELECT * WHERE { ?s ?p"],
        BAD_INPUT,
        "SPARQL syntax error",
    );
    let rules = cwd.join("bad.n3");
    fs::write(
        &rules,
        "@prefix : <http://e/> .\n{ ?a :p ?b } => { ?a :q ?b \n",
    )
    .expect("write");
    refused(
        &store,
        cwd,
        &["infer", "--rules", rules.to_str().expect("utf8")],
        BAD_INPUT,
        "bad.n3:",
    );
    // A resource folder whose Turtle is broken.
    let res = cwd.join("res");
    for sub in ["ontology", "data/reference", "queries"] {
        fs::create_dir_all(res.join(sub)).expect("mkdir");
    }
    for f in ["ontology/normgraph.ttl", "ontology/threats.ttl"] {
        fs::copy(root().join(f), res.join(f)).expect("copy");
    }
    fs::write(
        res.join("data/reference/states.ttl"),
        "@prefix ng: <https://w3id.org/normgraph/ns#> .\nng:x ng:y \"unterminated .\n",
    )
    .expect("write");
    let seeds = fixture("seeds");
    refused(
        &store,
        cwd,
        &[
            "--resources",
            res.to_str().expect("utf8"),
            "ingest",
            seeds.to_str().expect("utf8"),
        ],
        BAD_INPUT,
        "states.ttl:2:",
    );
    refused(
        &store,
        cwd,
        &[
            "--resources",
            cwd.join("nothing").to_str().expect("utf8"),
            "ingest",
            seeds.to_str().expect("utf8"),
        ],
        BAD_INPUT,
        "not a resource folder",
    );
    // Manifests.
    let inputs = cwd.join("in");
    fs::create_dir(&inputs).expect("mkdir");
    fs::write(inputs.join("s.txt"), "We recall resolution 73/27.\n").expect("write");
    let p = inputs.to_str().expect("utf8");
    for (manifest, needle) in [
        ("file,date\ns.txt,2021-02-30\n", "manifest.csv:2"),
        ("file,body\ns.txt,OEWG 2021 <x>\n", "not a slug"),
        ("delegation\nIRN\n", "no `file` column"),
        ("file,delegation\n\"s.txt,IRN\n", "manifest.csv"),
    ] {
        fs::write(inputs.join("manifest.csv"), manifest).expect("write");
        refused(&store, cwd, &["ingest", p], BAD_INPUT, needle);
    }
    // Gold files.
    let gold = cwd.join("gold.json");
    fs::write(&gold, "{\"files\": {\"s.txt\": [ {\"start\": 1,}]}}").expect("write");
    refused(
        &store,
        cwd,
        &["eval", "--gold", gold.to_str().expect("utf8")],
        BAD_INPUT,
        "gold.json: line 1",
    );
}

#[test]
fn a_locked_store_is_reported_clearly() {
    let (dir, store) = seeded();
    // This test process holds the store open (RocksDB's lock), as a running normgraph would.
    let held = oxigraph::store::Store::open(&store).expect("open store");
    // Writing is refused in one line...
    let seeds = fixture("seeds");
    let run = normgraph(
        &store,
        dir.path(),
        &["ingest", seeds.to_str().expect("utf8")],
    );
    assert_eq!(run.code, STORE, "{}", run.stderr);
    assert!(
        run.stderr.contains("in use by another normgraph process"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.trim().lines().count(), 1);
    // ... reading goes on beside the holder, read-only, and says so.
    let run = normgraph(&store, dir.path(), &["query", "ASK { ?s ?p ?o }"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("true"), "{}", run.stdout);
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    drop(held);
    let run = ok(&store, dir.path(), &["query", "ASK { ?s ?p ?o }"]);
    assert!(!run.stderr.contains("read-only"), "{}", run.stderr);
}

/// Writes `n` statements; `version` changes every file's content.
fn write_statements(dir: &Path, n: usize, version: usize) {
    fs::create_dir_all(dir).expect("mkdir");
    let seed = fs::read_to_string(fixture("seeds/001_e9acb2ec0aff198f.txt")).expect("seed");
    for i in 0..n {
        let text = format!(
            "Statement {i}, version {version}.\n\nWe recall resolution {}/{}.\n\n{}",
            31 + version,
            i % 300 + 1,
            if (i + version).is_multiple_of(10) {
                seed.as_str()
            } else {
                ""
            }
        );
        fs::write(dir.join(format!("s{i:04}.txt")), text).expect("write");
    }
}

/// For every statement graph: (content hash, number of triples).
fn graph_states(store: &Path, cwd: &Path) -> std::collections::BTreeMap<String, (String, usize)> {
    let out = ok(store, cwd, &["query", "--format", "tsv",
        "SELECT ?g ?h (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ng:contentHash ?h . ?x ?p ?o } } GROUP BY ?g ?h"]).stdout;
    out.lines()
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let n = cols
                .get(2)?
                .split('^')
                .next()?
                .trim_matches('"')
                .parse()
                .ok()?;
            Some((cols[0].to_owned(), (cols[1].to_owned(), n)))
        })
        .collect()
}

#[test]
fn killing_ingest_never_leaves_a_half_written_statement() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let n = 800;
    let (old_dir, new_dir) = (cwd.join("old"), cwd.join("new"));
    write_statements(&old_dir, n, 1);
    write_statements(&new_dir, n, 2);
    // What each statement's graph looks like, old and new.
    let (ref_old, ref_new) = (cwd.join("ref-old"), cwd.join("ref-new"));
    ok(
        &ref_old,
        cwd,
        &["ingest", "--quiet", old_dir.to_str().expect("utf8")],
    );
    ok(
        &ref_new,
        cwd,
        &["ingest", "--quiet", new_dir.to_str().expect("utf8")],
    );
    let old = graph_states(&ref_old, cwd);
    let new = graph_states(&ref_new, cwd);
    assert_eq!(old.len(), n);
    let bin = assert_cmd::cargo::cargo_bin("normgraph");
    let corpus = cwd.join("corpus");
    let mut saw_partial = false;
    for round in 0..20u64 {
        let store = cwd.join(format!("store{round}"));
        // Ingest the old statements, edit every file in place, ingest again and kill.
        write_statements(&corpus, n, 1);
        ok(
            &store,
            cwd,
            &["ingest", "--quiet", corpus.to_str().expect("utf8")],
        );
        write_statements(&corpus, n, 2);
        let mut child = std::process::Command::new(&bin)
            .env("NORMGRAPH_STORE", &store)
            .args(["ingest", "--quiet"])
            .arg(&corpus)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(50 + round * 97 % 1500));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = graph_states(&store, cwd);
        assert_eq!(now.len(), n, "round {round}: statements lost");
        let mut fresh = 0;
        for (graph, state) in &now {
            let name = graph.trim_matches(['<', '>']);
            let key = format!("<{name}>");
            let is_old = old.get(&key) == Some(state);
            let is_new = new.get(&key) == Some(state);
            assert!(
                is_old || is_new,
                "round {round}: {graph} is neither old nor new: {state:?}"
            );
            fresh += usize::from(is_new);
        }
        saw_partial |= fresh > 0 && fresh < n;
        // The bookkeeping was written with the graphs: the next ingest brings every statement
        // up to date, and the one after that finds nothing to read.
        if round % 5 == 0 || (fresh > 0 && fresh < n) {
            ok(
                &store,
                cwd,
                &["ingest", "--quiet", corpus.to_str().expect("utf8")],
            );
            assert_eq!(
                graph_states(&store, cwd),
                new,
                "round {round}: not brought up to date"
            );
            let run = ok(
                &store,
                cwd,
                &["ingest", "--quiet", corpus.to_str().expect("utf8")],
            );
            assert!(
                run.stderr.contains(&format!("{n} of {n} files unchanged")),
                "round {round}: {}",
                run.stderr
            );
        }
    }
    eprintln!("at least one kill landed mid-ingest: {saw_partial}");
}

#[test]
fn keep_going_ingests_the_good_inputs_and_lists_the_bad_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    let inputs = cwd.join("inputs");
    fs::create_dir_all(&inputs).expect("mkdir");
    for name in ["000_8e5a7b6371a20a1b.txt", "001_e9acb2ec0aff198f.txt"] {
        fs::copy(fixture("seeds").join(name), inputs.join(name)).expect("copy seed");
    }
    fs::write(inputs.join("latin1.txt"), b"caf\xe9 resolution 73/27\n").expect("write");
    fs::write(inputs.join("empty.txt"), b"").expect("write");
    fs::write(inputs.join("unknown.txt"), "We recall resolution 73/27.\n").expect("write");
    fs::write(inputs.join("baddate.txt"), "We recall resolution 75/240.\n").expect("write");
    fs::write(
        inputs.join("manifest.csv"),
        "file,delegation,date\n\
         000_8e5a7b6371a20a1b.txt,IRN,2021-12-13\n\
         001_e9acb2ec0aff198f.txt,IRN,2020-02\n\
         gone.txt,CUB,2020\n\
         unknown.txt,Atlantis,2020\n\
         baddate.txt,CUB,2021-02-30\n\
         000_8e5a7b6371a20a1b.txt,IRN,2021,one too many\n",
    )
    .expect("write manifest");
    let inputs = inputs.to_str().expect("utf8");

    // Without --keep-going: refused, nothing written (not even a store).
    let run = normgraph(&store, cwd, &["ingest", "-q", inputs]);
    assert_eq!(run.code, BAD_INPUT, "{}", run.stderr);
    assert!(!store.exists());

    // With it: the two seeds are ingested, the five bad inputs listed, exit code 2.
    let run = normgraph(&store, cwd, &["ingest", "-q", "--keep-going", inputs]);
    assert_eq!(run.code, BAD_INPUT, "{}", run.stderr);
    assert!(run.stderr.contains("6 inputs failed"), "{}", run.stderr);
    for needle in [
        "manifest.csv:7: bad CSV",
        "latin1.txt:1:4: not valid UTF-8",
        "empty.txt",
        "manifest.csv:4: names a missing file",
        "manifest.csv:5: unknown delegation \"Atlantis\"",
        "manifest.csv:6: `date` \"2021-02-30\"",
    ] {
        assert!(run.stderr.contains(needle), "{needle}: {}", run.stderr);
    }
    let count = ok(
        &store,
        cwd,
        &[
            "query",
            "--format",
            "csv",
            "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ng:Statement }",
        ],
    )
    .stdout;
    assert_eq!(count.lines().nth(1), Some("2"), "{count}");

    // extract --keep-going prints the good ones and lists the same failures.
    let run = normgraph(&store, cwd, &["extract", "--keep-going", inputs]);
    assert_eq!(run.code, BAD_INPUT, "{}", run.stderr);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(printed.as_array().map(Vec::len), Some(2));
    assert!(run.stderr.contains("6 inputs failed"), "{}", run.stderr);
}
