//! Statements in the other UN languages: principles and threats found through the
//! language-tagged labels of the vocabulary, and labels shown in the language asked for.

use crate::util::{fixture, ok};
use std::collections::BTreeSet;

/// The language and the principle and threat concepts (last IRI segment) extracted from `file`.
fn concepts(file: &str) -> (String, BTreeSet<String>, BTreeSet<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(file);
    let run = ok(
        &dir.path().join("store"),
        dir.path(),
        &["extract", "--format", "json", path.to_str().expect("utf8")],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let ex = json.as_array().and_then(|a| a.first()).unwrap_or(&json);
    let set = |key: &str| -> BTreeSet<String> {
        ex[key]
            .as_array()
            .expect(key)
            .iter()
            .filter_map(|m| m["concept"].as_str())
            .map(|c| c.rsplit('/').next().unwrap_or(c).to_owned())
            .collect()
    };
    (
        ex["language"].as_str().unwrap_or("").to_owned(),
        set("principles"),
        set("threats"),
    )
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn a_french_statement_yields_its_principles_and_threats() {
    let (language, principles, threats) = concepts("languages/fr-principles.txt");
    assert_eq!(language, "fr");
    assert_eq!(
        principles,
        names(&[
            "human-rights",
            "non-intervention",
            "non-use-of-force",
            "peaceful-settlement-of-disputes",
            "right-to-privacy",
            "sovereign-equality",
            "territorial-integrity",
            "un-charter-principles",
        ])
    );
    assert_eq!(
        threats,
        names(&[
            "critical-infrastructure-attacks",
            "disinformation",
            "ransomware"
        ])
    );
}

#[test]
fn a_spanish_statement_yields_its_principles_and_threats() {
    let (language, principles, threats) = concepts("languages/es-principles.txt");
    assert_eq!(language, "es");
    assert_eq!(
        principles,
        names(&[
            "non-intervention",
            "non-use-of-force",
            "peaceful-settlement-of-disputes",
            "rule-of-law",
            "self-determination",
            "sovereign-equality",
            "territorial-integrity",
            "un-charter-principles",
        ])
    );
    assert_eq!(threats, names(&["terrorist-use"]));
}

#[test]
fn query_and_viewer_labels_follow_lang_with_english_fallback() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let cwd = dir.path();
    let fr = fixture("languages/fr-principles.txt");
    ok(&store, cwd, &["ingest", "-q", fr.to_str().expect("utf8")]);
    let threats = |extra: &[&str]| -> BTreeSet<String> {
        let mut args = vec!["query", "--format", "csv"];
        args.extend_from_slice(extra);
        args.push("threats-by-statement");
        ok(&store, cwd, &args)
            .stdout
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(1).map(str::to_owned))
            .collect()
    };
    assert_eq!(
        threats(&[]),
        names(&[
            "disinformation",
            "malicious ICT activity against critical infrastructure",
            "ransomware",
        ])
    );
    assert_eq!(
        threats(&["--lang", "fr"]),
        names(&[
            "désinformation",
            "cyberattaques contre les infrastructures critiques",
            "rançongiciels"
        ])
    );
    // No threat has a Russian label yet: English, one row each (no duplicates).
    assert_eq!(threats(&["--lang", "ru"]), threats(&[]));
    let run = crate::util::normgraph(
        &store,
        cwd,
        &["query", "--lang", "f r", "threats-by-statement"],
    );
    assert_eq!(run.code, 2, "a bad tag is a usage error: {}", run.stderr);

    // A projection (as the viewer draws it): principle nodes labelled in French.
    let out = cwd.join("p.graphml");
    let select = cwd.join("principles.rq");
    std::fs::write(
        &select,
        "SELECT ?source ?target WHERE { ?source ng:invokesPrinciple ?target }",
    )
    .expect("write");
    for (lang, label) in [
        ("fr", "égalité souveraine des États"),
        ("en", "sovereign equality of States"),
    ] {
        ok(
            &store,
            cwd,
            &[
                "export-graph",
                "--select",
                select.to_str().expect("utf8"),
                "--lang",
                lang,
                "--format",
                "graphml",
                "-o",
                out.to_str().expect("utf8"),
            ],
        );
        let text = std::fs::read_to_string(&out).expect("graphml");
        assert!(text.contains(label), "{lang}: {label} not in the export");
    }
}
