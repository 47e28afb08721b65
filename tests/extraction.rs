//! Extraction on the seed statements against hand-checked golden files, and the offset contract
//! (every span's surface is exactly the text at its character offsets) on every fixture.

use crate::util::{fixture, ok, resource_folder, root};
use serde_json::Value;
use std::fs;

fn extract(path: &std::path::Path) -> Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = ok(
        &dir.path().join("store"),
        dir.path(),
        &["extract", path.to_str().expect("utf8")],
    )
    .stdout;
    serde_json::from_str(&out).expect("extract prints JSON")
}

/// `normgraph [--resources DIR] extract STATEMENT` run from `cwd`, its JSON.
fn extract_with(
    store: &std::path::Path,
    cwd: &std::path::Path,
    resources: Option<&std::path::Path>,
    statement: &std::path::Path,
) -> Value {
    let mut args = Vec::new();
    if let Some(r) = resources {
        args.extend(["--resources", r.to_str().expect("utf8")]);
    }
    args.extend(["extract", statement.to_str().expect("utf8")]);
    serde_json::from_str(&ok(store, cwd, &args).stdout).expect("extract prints JSON")
}

/// The text as the contract decodes it: UTF-8, a leading BOM removed, nothing else changed.
fn chars_of(path: &std::path::Path) -> Vec<char> {
    let text = fs::read_to_string(path).expect("utf8 fixture");
    text.strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .chars()
        .collect()
}

fn check_spans(statement: &Value, chars: &[char]) {
    let source = statement["source"].as_str().unwrap_or("?");
    for list in [
        "citations",
        "threats",
        "principles",
        "bodies",
        "proposed_norms",
        "alignments",
        "instruments",
        "positions",
        "incidents",
    ] {
        for fact in statement[list].as_array().expect("list") {
            let start = fact["start"].as_u64().expect("start") as usize;
            let end = fact["end"].as_u64().expect("end") as usize;
            assert!(
                start < end && end <= chars.len(),
                "{source}: bad span {start}-{end}"
            );
            let at: String = chars[start..end].iter().collect();
            assert_eq!(
                at,
                fact["surface"].as_str().expect("surface"),
                "{source} {list} {start}-{end}"
            );
        }
    }
}

/// Each fact of `statement[list]` cut down to the given fields: (name in the result, JSON
/// pointer into the fact); a missing field is null.
fn project(statement: &Value, list: &str, fields: &[(&str, &str)]) -> Value {
    Value::Array(
        statement[list]
            .as_array()
            .expect(list)
            .iter()
            .map(|fact| {
                Value::Object(
                    fields
                        .iter()
                        .map(|(name, pointer)| {
                            let value = fact.pointer(pointer).cloned().unwrap_or(Value::Null);
                            ((*name).to_owned(), value)
                        })
                        .collect(),
                )
            })
            .collect(),
    )
}

/// The given string fields of each fact of `statement[list]`, "" where absent.
fn strings<'a>(statement: &'a Value, list: &str, keys: &[&str]) -> Vec<Vec<&'a str>> {
    statement[list]
        .as_array()
        .expect(list)
        .iter()
        .map(|fact| {
            keys.iter()
                .map(|k| fact[*k].as_str().unwrap_or(""))
                .collect()
        })
        .collect()
}

#[test]
fn seeds_match_the_golden_files() {
    for stem in ["000_8e5a7b6371a20a1b", "001_e9acb2ec0aff198f"] {
        let path = fixture(&format!("seeds/{stem}.txt"));
        let got = &extract(&path)[0];
        check_spans(got, &chars_of(&path));
        let golden: Value = serde_json::from_str(
            &fs::read_to_string(root().join(format!("tests/golden/{stem}.json"))).expect("golden"),
        )
        .expect("golden JSON");
        assert_eq!(got["source"].as_str(), path.to_str());
        for key in ["speaker", "speaker_role", "date", "venue", "session"] {
            assert_eq!(got[key], golden["metadata"][key], "{stem}: {key}");
        }
        assert_eq!(
            got["delegation"]["code"], golden["delegation"],
            "{stem}: delegation"
        );
        assert_eq!(
            got["meeting_body"]["iri"], golden["meeting_body"],
            "{stem}: body"
        );
        let span = [
            ("surface", "/surface"),
            ("start", "/start"),
            ("end", "/end"),
        ];
        let with = |extra: &[(&'static str, &'static str)]| {
            let mut fields = span.to_vec();
            fields.extend_from_slice(extra);
            fields
        };
        let checks = [
            (
                "citations",
                "citations",
                with(&[
                    ("id", "/id"),
                    ("body", "/body"),
                    ("paragraph", "/paragraph"),
                    ("kind", "/kind"),
                ]),
            ),
            (
                "instruments",
                "instruments",
                with(&[("iri", "/iri"), ("kind", "/kind")]),
            ),
            (
                "positions",
                "positions",
                with(&[("position", "/position"), ("stance", "/stance")]),
            ),
            ("incidents", "incidents", with(&[("concept", "/concept")])),
            (
                "proposed_norms",
                "proposed_norms",
                vec![
                    ("start", "/start"),
                    ("end", "/end"),
                    ("citations", "/citations"),
                ],
            ),
            (
                "alignments",
                "alignments",
                with(&[
                    ("group", "/group/iri"),
                    ("delivered_by", "/delivered_by/code"),
                ]),
            ),
        ];
        for (list, key, fields) in &checks {
            assert_eq!(project(got, list, fields), golden[*key], "{stem}: {list}");
        }
    }
}

#[test]
fn the_eight_threat_headings_of_the_2020_submission_are_found_exactly() {
    let path = fixture("seeds/001_e9acb2ec0aff198f.txt");
    let got = &extract(&path)[0];
    let chars = chars_of(&path);
    let text: String = chars.iter().collect();
    let threats = got["threats"].as_array().expect("threats");
    for heading in [
        "Threat or use of force in ICT environment",
        "Interference and ICT’s abuse for illegitimate geopolitical goals",
        "Unilateral coercive and other measures in ICT environment",
        "Hostile Image-building and fabricated attribution",
        "Imbalance between role and responsibility of states and those of private sector",
        "Abuse of emerging technologies",
        "Abuse of ICT supply chains",
    ] {
        let byte = text.find(heading).expect("heading in the text");
        let start = text[..byte].chars().count();
        assert!(
            threats
                .iter()
                .any(|t| t["start"] == start && t["surface"] == heading),
            "heading {heading:?} at {start} not extracted as a threat"
        );
    }
    // Heading 4, "Threats arising from “contents”", is named in its paragraph as hostile propaganda.
    assert!(threats.iter().any(|t| t["surface"]
        .as_str()
        .is_some_and(|s| s.contains("hostile propaganda"))));
    let distinct: std::collections::BTreeSet<&str> = threats
        .iter()
        .filter_map(|t| t["concept"].as_str())
        .collect();
    assert!(distinct.len() >= 8, "{distinct:?}");
}

#[test]
fn other_delegations_forms_and_distractors() {
    let path = fixture("statements/general-debate-style.txt");
    let got = &extract(&path)[0];
    check_spans(got, &chars_of(&path));
    assert_eq!(
        strings(got, "citations", &["surface", "id", "kind"]),
        vec![
            ["resolution 1514 (XV)", "A/RES/1514(XV)", "explicit"],
            ["resolutions 242 (1967)", "S/RES/242(1967)", "explicit"],
            ["338 (1973)", "S/RES/338(1973)", "explicit"],
            ["resolution 3379\r\n(XXX)", "A/RES/3379(XXX)", "explicit"],
            ["that resolution", "A/RES/3379(XXX)", "anaphora"],
            ["A/RES/ES-10/2", "A/RES/ES-10/2", "explicit"],
            ["resolution 2231 (2015)", "S/RES/2231(2015)", "explicit"],
            ["resolutions 73/27", "A/RES/73/27", "explicit"],
            ["73/266", "A/RES/73/266", "explicit"],
        ]
    );
    assert_eq!(got["delegation"]["code"], "BRA");
    assert_eq!(
        got["alignments"][0]["group"]["iri"],
        "https://w3id.org/normgraph/id/group/G77"
    );
}

#[test]
fn verbatim_records_split_into_one_statement_per_speaker() {
    // A meeting record: the Chair's turns are procedure, each delegate's turn is a statement
    // with the delegation and speaker of its heading and the date and body of the record's header.
    let path = fixture("records/first-committee-pv.txt");
    let got = extract(&path);
    let list = got.as_array().expect("statements");
    let chars = chars_of(&path);
    for s in list {
        check_spans(s, &chars);
    }
    let who: Vec<(&str, &str, &str)> = list
        .iter()
        .map(|s| {
            (
                s["statement"].as_str().unwrap_or(""),
                s["delegation"]["code"].as_str().unwrap_or(""),
                s["speaker"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let id =
        |t: &str| format!("https://w3id.org/normgraph/id/statement/first-committee-pv/turn/{t}");
    assert_eq!(
        who,
        vec![
            (id("02").as_str(), "IRN", "Mr. Takht Ravanchi"),
            (id("04").as_str(), "BRA", "Mrs. Ferreira"),
            (id("05").as_str(), "FRA", "Mr. Laurent"),
        ]
    );
    for s in list {
        assert_eq!(s["date"], "2044-10-14");
        assert_eq!(s["session"], 99);
    }
    let cited = |i: usize| -> Vec<&str> {
        list[i]["citations"]
            .as_array()
            .expect("citations")
            .iter()
            .filter_map(|c| c["id"].as_str())
            .collect()
    };
    assert_eq!(cited(0), vec!["A/RES/73/27", "A/RES/75/240"]);
    assert_eq!(cited(1), vec!["A/RES/75/240", "S/RES/2341(2017)"]);
    assert_eq!(cited(2), vec!["A/RES/70/237"]);
    assert_eq!(
        list[0]["alignments"][0]["group"]["iri"],
        "https://w3id.org/normgraph/id/group/NAM"
    );

    // A compilation headed by delegation names only.
    let path = fixture("records/oewg-compilation.md");
    let got = extract(&path);
    let codes: Vec<&str> = got
        .as_array()
        .expect("statements")
        .iter()
        .map(|s| s["delegation"]["code"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(codes, vec!["IRN", "CUB", "NLD"]);

    // Ingested, each turn is its own statement graph.
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    let records = fixture("records");
    ok(
        &store,
        dir.path(),
        &["ingest", "-q", records.to_str().expect("utf8")],
    );
    let delegates = || {
        ok(
            &store,
            dir.path(),
            &[
                "query",
                "--format",
                "csv",
                "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ng:Statement ; ng:deliveredBy ?d }",
            ],
        )
        .stdout
    };
    let rows = delegates();
    assert_eq!(rows.lines().nth(1), Some("6"), "{rows}");

    // The record loses its last delegate's turn: that turn's statement goes too.
    let shorter = dir.path().join("shorter");
    fs::create_dir_all(&shorter).expect("mkdir");
    let text = fs::read_to_string(fixture("records/first-committee-pv.txt")).expect("record");
    let cut = text.find("Mr. Laurent (France)").expect("France's turn");
    fs::write(shorter.join("first-committee-pv.txt"), &text[..cut]).expect("write");
    ok(
        &store,
        dir.path(),
        &["ingest", "-q", "--replace", shorter.to_str().expect("utf8")],
    );
    let rows = delegates();
    assert_eq!(rows.lines().nth(1), Some("5"), "{rows}");
}

/// Transcripts as published (speaker alone on its line, inline `Kenya: …`, live captions,
/// unheaded turns after the Chair gives the floor, non-State speakers, speakers named as
/// persons): every turn but the Chair's, in order, with the delegation `gold.json` gives, or
/// the role for the Secretariat and UNIDIR; every offset still points into the file, and the
/// resolutions the speeches cite are found. (The set was written and annotated by someone who
/// had not seen the extractor; scored first, before any change for it, it gave 20 of 31 turns
/// and one crash: see README.)
#[test]
fn published_transcript_layouts_split_into_the_gold_turns() {
    let folder = fixture("transcripts-heldout");
    let gold: Value =
        serde_json::from_str(&fs::read_to_string(folder.join("gold.json")).expect("gold"))
            .expect("json");
    let mut cited = 0;
    for (name, turns) in gold["files"].as_object().expect("files") {
        let path = folder.join(name);
        let got = extract(&path);
        let statements = got.as_array().expect("statements");
        let want: Vec<String> = turns
            .as_array()
            .expect("turns")
            .iter()
            .filter(|t| t["speaker_kind"] != "chair")
            .map(|t| match t["speaker_kind"].as_str() {
                Some("state" | "group") => t["delegation"].as_str().unwrap_or("?").to_owned(),
                _ => "-".to_owned(),
            })
            .collect();
        let have: Vec<String> = statements
            .iter()
            .map(|s| {
                s["delegation"]["code"]
                    .as_str()
                    .map_or_else(|| "-".to_owned(), str::to_owned)
            })
            .collect();
        assert_eq!(have, want, "{name}");
        let chars = chars_of(&path);
        for s in statements {
            check_spans(s, &chars);
            if s["delegation"].is_null() {
                let role = s["speaker_role"].as_str().unwrap_or("");
                assert!(
                    ["Secretariat", "UNIDIR"].contains(&role),
                    "{name}: a turn with no delegation and role {role:?}"
                );
            }
            cited += s["citations"].as_array().map_or(0, Vec::len);
        }
    }
    // Every file but the captions and two others cites a resolution.
    assert!(cited >= 6, "{cited} citations");
}

#[test]
fn yaml_front_matter_gives_metadata_and_a_manifest_overrides_it() {
    let path = fixture("statements/front-matter.md");
    let got = &extract(&path)[0];
    check_spans(got, &chars_of(&path));
    assert_eq!(got["delegation"]["code"], "IRN");
    assert_eq!(got["speaker"], "Majid Takht Ravanchi");
    assert_eq!(got["date"], "2021-12-13");
    assert_eq!(got["session"], 1);
    assert_eq!(
        got["meeting_body"]["iri"],
        "https://w3id.org/normgraph/id/body/oewg-2021-2025"
    );
    assert_eq!(
        got["title"],
        "Statement at the first substantive session: general exchange of views"
    );
    assert_eq!(got["citations"].as_array().map(Vec::len), Some(3));

    // A manifest row wins over the front matter, value by value.
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy(&path, dir.path().join("front-matter.md")).expect("copy");
    fs::write(
        dir.path().join("manifest.csv"),
        "file,date,venue\nfront-matter.md,2021-12-14,New York\n",
    )
    .expect("manifest");
    let got = &extract(&dir.path().join("front-matter.md"))[0];
    assert_eq!(got["date"], "2021-12-14");
    assert_eq!(got["venue"], "New York");
    assert_eq!(got["delegation"]["code"], "IRN");

    // Wrong front matter is refused with the file and line; a leading rule is just text.
    let cases = [
        (
            "typo.md",
            "---\nspeaker: X\ndelegaton: IRN\n---\nText.\n",
            "typo.md:3: front matter",
        ),
        (
            "date.md",
            "---\ndate: 2021-02-30\n---\nText.\n",
            "date.md:2: front matter",
        ),
        (
            "open.md",
            "---\ndate: 2021\nText without an end.\n",
            "no closing `---`",
        ),
        (
            "who.md",
            "---\ndelegation: Atlantis\n---\nText.\n",
            "who.md:1: unknown delegation \"Atlantis\"",
        ),
        // A source that is not a web, URN or mail address could become a script link.
        (
            "script.md",
            "---\nspeaker: X\nsource_url: \"javascript:alert(document.domain)\"\n---\nText.\n",
            "script.md:3: front matter: `source_url`",
        ),
    ];
    for (name, text, needle) in cases {
        let file = dir.path().join(name);
        fs::write(&file, text).expect("write");
        let run = crate::util::normgraph(
            &dir.path().join("store"),
            dir.path(),
            &["extract", file.to_str().expect("utf8")],
        );
        assert_eq!(run.code, 3, "{name}: {}", run.stderr);
        assert!(run.stderr.contains(needle), "{name}: {}", run.stderr);
    }
    let rule = dir.path().join("rule.md");
    fs::write(
        &rule,
        "---\nNote: we recall resolution 73/27.\n---\nMore.\n",
    )
    .expect("write");
    let got = &extract(&rule)[0];
    assert_eq!(got["citations"][0]["id"], "A/RES/73/27");
}

#[test]
fn positions_instruments_and_numbers_in_another_delegations_statement() {
    let path = fixture("statements/oewg-positions.txt");
    let got = &extract(&path)[0];
    check_spans(got, &chars_of(&path));
    assert_eq!(got["delegation"]["code"], "KEN");
    let positions: Vec<Vec<&str>> = strings(got, "positions", &["position", "stance"])
        .into_iter()
        .map(|p| vec![p[0].rsplit('/').next().unwrap_or(""), p[1]])
        .collect();
    assert_eq!(
        positions,
        vec![
            // "the Charter of the United Nations applies in its entirety to the use of ICTs"
            ["international-law-applies", "supports"],
            ["programme-of-action", "supports"],
            ["permanent-mechanism", "supports"],
            ["legally-binding-instrument", "opposes"],
        ]
    );
    assert_eq!(
        strings(got, "instruments", &["surface", "label"]),
        vec![
            [
                "Charter of the United Nations",
                "Charter of the United Nations"
            ],
            ["Article 2, paragraph 4, of the Charter", "Article 2(4)"],
            ["Article 33", "Article 33"],
            ["2015 GGE report", "A/70/174"],
            ["A/70/174", "A/70/174"],
            ["A/75/816", "A/75/816"],
            ["decision 75/564", "A/DEC/75/564"],
        ]
    );
    assert_eq!(
        strings(got, "citations", &["surface", "id", "as_written"]),
        vec![
            ["resolution 1540", "S/RES/1540(2004)", ""],
            [
                "Resolution 2758 (XXXVI)",
                "A/RES/2758(XXVI)",
                "A/RES/2758(XXXVI)"
            ],
        ]
    );
}

#[test]
fn pdf_statements_are_read_page_by_page() {
    let path = fixture("pdf/oewg-statement.pdf");
    let got = &extract(&path)[0];
    // Offsets count into the text `normgraph text` prints.
    let dir = tempfile::tempdir().expect("tempdir");
    let text = ok(
        &dir.path().join("store"),
        dir.path(),
        &["text", path.to_str().expect("utf8")],
    )
    .stdout;
    assert_eq!(text.matches('\u{c}').count(), 1, "two pages: {text:?}");
    assert!(text.contains("verified"), "ligature spelt out: {text:?}");
    let chars: Vec<char> = text.chars().collect();
    check_spans(got, &chars);
    assert_eq!(got["delegation"]["code"], "CHL");
    assert_eq!(got["date"], "2024-03-06");
    let found: Vec<(&str, &str, u64)> = got["citations"]
        .as_array()
        .expect("citations")
        .iter()
        .chain(got["instruments"].as_array().expect("instruments"))
        .map(|c| {
            (
                c["surface"].as_str().unwrap_or(""),
                c["id"].as_str().or(c["label"].as_str()).unwrap_or(""),
                c["page"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("resolution 73/27", "A/RES/73/27", 1),
            ("resolution 75/240", "A/RES/75/240", 1),
            ("resolution 2231 (2015)", "S/RES/2231(2015)", 2),
            (
                "Charter of the United Nations",
                "Charter of the United Nations",
                1
            ),
            ("Article 2(4) of the Charter", "Article 2(4)", 1),
            ("A/75/816", "A/75/816", 2),
        ]
    );
    let positions: Vec<&str> = got["positions"]
        .as_array()
        .expect("positions")
        .iter()
        .map(|p| p["position"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        positions,
        vec![
            // "the Charter of the United Nations applies in its entirety in cyberspace"
            "https://w3id.org/normgraph/id/position/international-law-applies",
            "https://w3id.org/normgraph/id/position/programme-of-action",
        ]
    );
}

/// Cue patterns and number tables are data read through the resources: a resource folder's own
/// files change what is extracted, a folder without them gets the built-in ones, and a broken
/// table row is an error naming its file and line.
#[test]
fn resource_folders_override_cues_and_number_tables() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    let statement = cwd.join("s.txt");
    fs::write(
        &statement,
        "On ICT security, we call for a legally binding instrument. \
         We recall Security Council resolution 1540.\n",
    )
    .expect("write");
    let facts = |resources: Option<&std::path::Path>| -> (Vec<String>, Vec<String>) {
        let out = extract_with(&store, cwd, resources, &statement);
        let list = |key: &str, field: &str| -> Vec<String> {
            out[0][key]
                .as_array()
                .expect("a list")
                .iter()
                .map(|v| v[field].as_str().unwrap_or("").to_owned())
                .collect()
        };
        (list("citations", "id"), list("positions", "stance"))
    };
    // Built in.
    assert_eq!(
        facts(None),
        (
            vec!["S/RES/1540(2004)".to_owned()],
            vec!["supports".to_owned()]
        )
    );
    // A folder without data/cues or tables: the built-in ones.
    let res = cwd.join("res");
    resource_folder(&res);
    for table in fs::read_dir(res.join("data/reference")).expect("dir") {
        let path = table.expect("entry").path();
        if path.extension().is_some_and(|e| e == "csv") {
            fs::remove_file(path).expect("rm");
        }
    }
    assert_eq!(facts(Some(&res)), facts(None));
    // Its own support cues (no "call for") and its own year for 1540.
    fs::create_dir_all(res.join("data/cues")).expect("mkdir");
    let positions = fs::read_to_string(root().join("data/cues/positions.ttl")).expect("cues");
    let call_for = "call(?:s|ed|ing)?\\\\s+(?:by\\\\s+(?:some|several|many|certain|other)\\\\s+\\\\w+\\\\s+)?for|";
    assert!(positions.contains(call_for));
    fs::write(
        res.join("data/cues/positions.ttl"),
        positions.replace(call_for, ""),
    )
    .expect("write");
    fs::write(
        res.join("data/reference/sc-resolution-years.csv"),
        "number,year\n1500,1999\n1600,1999\n",
    )
    .expect("write");
    fs::write(
        res.join("data/reference/sc-resolutions-by-year.csv"),
        "year,first,last,count\n1999,1220,1284,65\n",
    )
    .expect("write");
    assert_eq!(
        facts(Some(&res)),
        (vec!["S/RES/1540(1999)".to_owned()], Vec::new())
    );
    // A broken row.
    fs::write(
        res.join("data/reference/sc-resolution-years.csv"),
        "number,year\n1500,1999\n1600,nineteen\n",
    )
    .expect("write");
    let run = crate::util::normgraph(
        &store,
        cwd,
        &[
            "--resources",
            res.to_str().expect("utf8"),
            "extract",
            statement.to_str().expect("utf8"),
        ],
    );
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("sc-resolution-years.csv:3:"),
        "{}",
        run.stderr
    );
}

/// Principles, threats and positions as statements write them (inflected, paraphrased,
/// invoked through their breach), with the guards against other senses, and a scholar's own
/// word pattern added in Turtle through a resource folder.
/// The principles, threats and positions of the first statement `extract` printed, as (surface,
/// concept's local name with the stance in brackets).
fn concept_facts(out: &Value) -> Vec<(String, String)> {
    let mut facts = Vec::new();
    for (key, field) in [
        ("principles", "concept"),
        ("threats", "concept"),
        ("positions", "position"),
    ] {
        for v in out[0][key].as_array().expect("a list") {
            let iri = v[field].as_str().unwrap_or("");
            let local = iri.rsplit('/').next().unwrap_or("");
            let stance = v["stance"]
                .as_str()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            facts.push((
                v["surface"].as_str().unwrap_or("").to_owned(),
                format!("{local}{stance}"),
            ));
        }
    }
    facts
}

/// The principle, threat and position facts `concept_facts` reads from one statement, `text`,
/// extracted with the built-in resources into a store of its own.
fn concept_facts_in(text: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let statement = cwd.join("s.txt");
    fs::write(&statement, text).expect("write");
    concept_facts(&extract_with(&cwd.join("store"), cwd, None, &statement))
}

/// Runs `extract` on `statement` with the resource folder `res`, which must be refused (exit
/// code 3), and returns the error message.
fn refused_resources(
    store: &std::path::Path,
    cwd: &std::path::Path,
    res: &std::path::Path,
    statement: &std::path::Path,
) -> String {
    let run = crate::util::normgraph(
        store,
        cwd,
        &[
            "--resources",
            res.to_str().expect("utf8"),
            "extract",
            statement.to_str().expect("utf8"),
        ],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    run.stderr
}

/// Runs `extract` on `statement` with a copy of the built-in resources (in `cwd/res`) whose
/// `ontology/threats.ttl` ends with `line`, which must be refused, and returns the error message.
fn refused_with_threat_line(
    store: &std::path::Path,
    cwd: &std::path::Path,
    statement: &std::path::Path,
    line: &str,
) -> String {
    let res = cwd.join("res");
    resource_folder(&res);
    let threats = res.join("ontology/threats.ttl");
    let mut ttl = fs::read_to_string(&threats).expect("read");
    ttl.push_str(&format!("\n{line}\n"));
    fs::write(&threats, &ttl).expect("write");
    refused_resources(store, cwd, &res, statement)
}

/// Runs `extract` on a short statement in a fresh folder with `line` added to a copy of the
/// threat categories, which must be refused, and returns the error message.
fn threat_line_refusal(statement_text: &str, line: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let statement = cwd.join("s.txt");
    fs::write(&statement, statement_text).expect("write");
    refused_with_threat_line(&cwd.join("store"), cwd, &statement, line)
}

/// Whether `found` (from [`concept_facts`]) holds a fact of `id` whose surface contains
/// `surface`.
fn has_fact(found: &[(String, String)], surface: &str, id: &str) -> bool {
    found.iter().any(|(s, i)| s.contains(surface) && i == id)
}

/// Asserts that `found` holds no fact of any of `ids`.
fn assert_no_facts_of(found: &[(String, String)], ids: &[&str]) {
    for &id in ids {
        assert!(!found.iter().any(|(_, i)| i == id), "{id}: {found:?}");
    }
}

/// Asserts that `found` holds a fact of each `(surface, id)`, its surface containing `surface`.
fn assert_facts_contain(found: &[(String, String)], expected: &[(&str, &str)]) {
    for &(surface, id) in expected {
        assert!(has_fact(found, surface, id), "{surface} {id}: {found:?}");
    }
}

/// Constructions rather than words (the fourth round of patterns): equal standing said of
/// States, peaceful purposes said of ICTs (the narrower principle), a State accountable for its
/// conduct, a subject that lists what it includes before "applies to cyberspace", the
/// Programme of Action named in other words, two threat categories sharing a phrase; and
/// "human rights" naming an activity or a body's part, or a code of conduct at sea, which are
/// not what the concepts mean.
#[test]
fn constructions_name_principles_and_positions() {
    let found = concept_facts_in(
        "Statement by the delegation of Ghana\n\n\
         All the nations of the world must take part on an equal footing in these talks. \
         The ICT environment must be used for peaceful purposes only. \
         A State is responsible for conduct attributable to it, and States are accountable for \
         what they do through their networks. International law, including the Charter in its \
         entirety, international humanitarian law and international human rights law, applies \
         to cyberspace. We support the establishment of a Programme of Action for advancing \
         responsible State behaviour in the use of ICTs. We fund human rights activities of the \
         United Nations and the human rights component of missions. We saw ransomware attacks \
         on hospitals. We support a code of conduct in the South China Sea.\n",
    );
    let has = |surface: &str, id: &str| found.iter().any(|(s, i)| s == surface && i == id);
    for (surface, id) in [
        (
            "All the nations of the world must take part on an equal footing",
            "sovereign-equality",
        ),
        (
            "ICT environment must be used for peaceful purposes",
            "peaceful-uses-of-icts",
        ),
        // "responsible for conduct" (tenth session) now spans the words before "attributable to".
        ("State is responsible for conduct", "state-responsibility"),
        ("States are accountable for", "state-responsibility"),
        (
            "International law, including the Charter in its entirety, international \
             humanitarian law and international human rights law, applies to cyberspace",
            "international-law-applies (supports)",
        ),
        (
            "Programme of Action for advancing responsible State behaviour",
            "programme-of-action (supports)",
        ),
        // Threat categories may overlap: a gap pattern stands beside another category's label
        // that shares only a word with it.
        ("ransomware attacks", "ransomware"),
        ("attacks on hospitals", "critical-infrastructure-attacks"),
    ] {
        assert!(has(surface, id), "{surface} → {id} not in {found:?}");
    }
    // Peaceful purposes said of ICTs are not also the broader principle; human rights as an
    // activity or a component is no mention (the law of human rights is); a code of conduct at
    // sea is no rule for cyberspace.
    assert!(
        !found.iter().any(|(s, i)| i == "peaceful-purposes"
            || (i == "human-rights" && s != "international human rights law")
            || i.starts_with("rules-of-responsible-behaviour")),
        "{found:?}"
    );
}

/// Harms told as events, written with word classes (`ontology/wordclasses.ttl`), but not a
/// disaster's harm; a principle's words inside the name of an instrument ("the Declaration on
/// the Right to Development") or in a heading are not an invocation; "the internal affairs of
/// other States" reports nobody's position.
#[test]
fn word_class_events_names_of_instruments_and_other_states() {
    let found = concept_facts_in(
        "Statement by the delegation of Chile at the Open-ended Working Group on ICTs\n\n\
         Last winter, power grids were plunged into darkness and the personal data of thousands \
         of patients was stolen. We welcome the Declaration on the Right to Development and we \
         uphold the right to development. The principles of sovereignty and non-intervention in \
         the internal affairs of other States apply to the conduct of States in cyberspace. \
         Unfounded accusations serve only to justify sanctions that deny developing countries \
         access to technology.\n\nOn due diligence.\n\nLast year a hurricane crippled the power \
         grids that feed our data centres.\n",
    );
    let has = |surface: &str, id: &str| found.iter().any(|(s, i)| s == surface && i == id);
    for (surface, id) in [
        (
            "grids were plunged into darkness",
            "critical-infrastructure-attacks",
        ),
        (
            "personal data of thousands of patients was stolen",
            "data-breaches",
        ),
        ("right to development", "right-to-development"),
        ("Unfounded accusations", "fabricated-attribution"),
        (
            "sanctions that deny developing countries access to technology",
            "unilateral-coercive-measures",
        ),
        (
            "apply to the conduct of States in cyberspace",
            "international-law-applies (supports)",
        ),
    ] {
        assert!(has(surface, id), "{surface} → {id} not in {found:?}");
    }
    // The instrument's name is not the right invoked: one mention only, the lower-case one.
    let development = found
        .iter()
        .filter(|(_, i)| i == "right-to-development")
        .count();
    assert_eq!(development, 1, "{found:?}");
    // A heading names a topic; a hurricane is no attack on infrastructure.
    assert!(
        !found.iter().any(|(_, i)| i == "due-diligence"),
        "{found:?}"
    );
    let attacks = found
        .iter()
        .filter(|(_, i)| i == "critical-infrastructure-attacks")
        .count();
    assert_eq!(attacks, 1, "{found:?}");
}

/// The bare Charter is a general appeal to it only where it is invoked as the law that binds
/// States (`docs/annotation.md`, "Debatable cases"): acts in violation of it, loyalty to it,
/// the Charter applying; not the Charter cited by article, as a document, or another charter.
#[test]
fn bare_charter_only_as_the_law_that_binds_states() {
    let found = concept_facts_in(
        "The blockade is a flagrant violation of the Charter. My country remains committed to \
         the Charter of the United Nations. International law, including the Charter, applies \
         in cyberspace.\n\nThe Council acted under Chapter VII of the Charter. The drafters of \
         the Charter met in San Francisco. We respect the Charter of the Organization of African \
         Unity.\n",
    );
    let charters: Vec<&str> = found
        .iter()
        .filter(|(_, i)| i == "un-charter-principles")
        .map(|(s, _)| s.as_str())
        .collect();
    assert_eq!(charters.len(), 3, "{found:?}");
}

/// The tenth round of patterns and cues (eleventh session): harm told as events in plain words
/// ("defaced", "held … to ransom"), malware only dressed as ransomware, a reported proposal the
/// speaker rejects in the next sentence ("We do not share that analysis."), a stated
/// preference, and a principle said through its holders ("the right of our peoples to
/// development").
#[test]
fn events_disguises_rejections_and_preferences() {
    let found = concept_facts_in(
        "Statement on cyber security.\n\nLast spring the websites of several ministries were \
         defaced with slogans. Weeks later a gang of cyber criminals held a regional hospital to \
         ransom. The wiper our analysts found on government computers was disguised as \
         ransomware.\n\nSome delegations have called for a new treaty on cyberspace. We do not \
         share that analysis. Our preference is for action-oriented recommendations.\n\nThe \
         right of our peoples to development must be respected.\n",
    );
    let has = |id: &str| found.iter().any(|(_, i)| i == id);
    for id in [
        "cyber-attacks",
        "ransomware",
        "critical-infrastructure-attacks",
        "legally-binding-instrument (opposes)",
        "action-oriented-recommendations (supports)",
        "right-to-development",
    ] {
        assert!(has(id), "{id} not in {found:?}");
    }
    assert!(!has("legally-binding-instrument (supports)"), "{found:?}");
    // One ransomware fact, the hospital's: the wiper is not one.
    let ransomware = found.iter().filter(|(_, i)| i == "ransomware").count();
    assert_eq!(ransomware, 1, "{found:?}");
}

/// The eleventh round (eleventh session): a principle said in the passive ("must be settled
/// peacefully", "was annexed"), a party named by what it did ("the occupying Power", "the
/// aggressor", which the guidelines do not count), a rejection that answers a reported
/// proposal ("We do not believe that is needed."), and espionage told in plain words.
#[test]
fn passive_principles_party_names_and_answered_proposals() {
    let found = concept_facts_in(
        "Every question of territory in our region must be settled peacefully. Three years ago \
         a peninsula of our neighbour was annexed. The occupying Power and the aggressor will \
         answer for their crimes.\n\nOn cyberspace: a vast apparatus of electronic espionage \
         read the mail of our ministers. Some have proposed that we negotiate a new treaty on \
         information security. We do not believe that is needed.\n",
    );
    let has = |surface: &str, id: &str| found.iter().any(|(s, i)| s == surface && i == id);
    for (surface, id) in [
        ("settled peacefully", "peaceful-settlement-of-disputes"),
        ("annexed", "territorial-integrity"),
        ("electronic espionage", "cyber-espionage"),
        ("new treaty", "legally-binding-instrument (opposes)"),
    ] {
        assert!(has(surface, id), "{surface} → {id} not in {found:?}");
    }
    assert!(
        !found
            .iter()
            .any(|(s, _)| s.contains("occupying") || s.contains("aggressor")),
        "{found:?}"
    );
}

/// The twelfth round (eleventh session): crimes "committed with a computer", a tampered update,
/// "remains occupied" (not a seat), coups that are no use of force between States, supply chains
/// of goods that are no ICT supply chain, and "the time has not yet come".
#[test]
fn crimes_by_computer_updates_seats_and_coups() {
    let found = concept_facts_in(
        "On the Internet: these crimes, committed with a telephone and a computer from another \
         country, know no borders. A tampered update of an accounting program spread around the \
         world. The pandemic crippled supply chains of medicines, and schools went online.\n\n\
         Half of the island remains occupied. The rebels tried to seize power by force. Our seat \
         would remain occupied by an impostor.\n\nOn ICTs: in our view, the time has not yet \
         come for a legally binding instrument.\n",
    );
    let has = |id: &str| found.iter().any(|(_, i)| i == id);
    for id in [
        "cybercrime",
        "supply-chain-abuse",
        "legally-binding-instrument (opposes)",
    ] {
        assert!(has(id), "{id} not in {found:?}");
    }
    let count = |id: &str| found.iter().filter(|(_, i)| i == id).count();
    assert_eq!(count("supply-chain-abuse"), 1, "{found:?}");
    assert_eq!(count("territorial-integrity"), 1, "{found:?}");
    assert!(!has("non-use-of-force"), "{found:?}");
}

/// A break-in takes the category its author or purpose gives (the annotators of every set mark
/// it so): criminals' break-ins are cybercrime, break-ins to steal research espionage, into a
/// campaign's servers election interference, hackers' cyber-attacks; one with neither author
/// nor purpose is cyber-attacks, and no break-in is marked twice; burglars' are no threat.
#[test]
fn break_ins_take_the_category_of_their_purpose() {
    let found = concept_facts_in(
        "On cyber security: criminals break into the accounts of pensioners. State actors break \
         into the networks of our institutes to steal research. Others broke into campaign \
         servers before the vote. The e-mail system of our Parliament was broken into, and the \
         accounts of two parties were broken into.\n\nThe burglars broke into the museum last \
         winter.\n",
    );
    let has = |surface: &str, id: &str| has_fact(&found, surface, id);
    assert!(has("break into the accounts", "cybercrime"), "{found:?}");
    assert!(
        has("break into the networks", "cyber-espionage"),
        "{found:?}"
    );
    assert!(
        has("broke into campaign servers", "election-interference"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(s, _)| s.contains("museum")),
        "{found:?}"
    );
    // A break-in is marked once (docs/annotation.md): under cyber-attacks only where the text
    // gives neither author nor purpose.
    let attacks: Vec<&str> = found
        .iter()
        .filter(|(_, i)| i == "cyber-attacks")
        .map(|(s, _)| s.as_str())
        .collect();
    assert!(
        attacks.len() == 1 && attacks[0].ends_with("system of our Parliament was broken into"),
        "{found:?}"
    );
    assert!(
        has(
            "accounts of two parties were broken into",
            "election-interference"
        ),
        "{found:?}"
    );
}

/// The cases `docs/annotation.md` decided in the twelfth session: the threat a proposed
/// instrument is named after is part of the position, not a threat of its own (the same harm
/// named outside the description still is); collective punishment invokes international
/// humanitarian law through its breach.
#[test]
fn instrument_names_hold_no_threat_and_collective_punishment_is_a_breach() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We support a universal convention against cybercrime under the United Nations, and a \
         comprehensive convention on countering the use of ICTs for criminal purposes. Cybercrime \
         costs our small businesses dearly. Nothing can justify the collective punishment of an \
         entire people.\n",
    );
    let threats: Vec<&(String, String)> = found.iter().filter(|(_, i)| i == "cybercrime").collect();
    assert_eq!(threats.len(), 1, "{found:?}");
    assert_eq!(threats[0].0, "Cybercrime", "{found:?}");
    assert!(
        found
            .iter()
            .any(|(s, i)| s == "collective punishment" && i == "international-humanitarian-law"),
        "{found:?}"
    );
}

/// The thirteenth round (from `concepts-podium`'s misses, with probes written for this test):
/// settlement "by peaceful means" with a longer object, the Charter that "requires", a State
/// that "bears responsibility under international law" or "knowingly shelters" attackers,
/// dictating who should lead, "what we lack is not new norms" (opposition), a binding
/// "international document", criminals who "gained access", colour revolutions; and what stays
/// out: a revision the Charter requires, suffering knowingly allowed, an attack that "shut down"
/// a network (no Internet shutdown).
#[test]
fn peaceful_means_charter_requirements_and_plain_attacks() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We ask our neighbour to settle the quarrel over the islands with us by peaceful means, \
         as the Charter requires. A State that knowingly shelters hackers bears responsibility under \
         international law. We have no wish to dictate to that nation who should lead it. What \
         we lack is not new norms for cyberspace. We support a legally binding \
         international document on information security. Criminals gained access to \
         the e-mail of a trust company, and ICTs serve the incitement of colour revolutions.\n\n\
         Any revision of the Charter requires patience. We cannot knowingly allow such \
         suffering. An attack on the ministry's computers shut down its network.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("by peaceful means", "peaceful-settlement-of-disputes"),
            ("Charter requires", "un-charter-principles"),
            ("knowingly shelters", "due-diligence"),
            ("bears responsibility under", "state-responsibility"),
            ("dictate to that nation", "non-intervention"),
            ("new norms", "further-norms (opposes)"),
            (
                "legally binding international document",
                "legally-binding-instrument (supports)",
            ),
            ("Criminals gained access", "cybercrime"),
            ("colour revolutions", "interference-for-geopolitical-goals"),
        ],
    );
    assert!(
        !found
            .iter()
            .any(|(s, i)| s.contains("revision") || i == "due-diligence" && s.contains("allow")),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(_, i)| i == "internet-shutdowns"),
        "{found:?}"
    );
}

/// Facts implied by others (`ng:impliedBy`, `ng:impliedWith` in `ontology/threats.ttl`): a
/// cyber-attack or ransomware told of a facility a society runs on is also an attack on
/// critical infrastructure, its span from the target to the harm; not an attack on
/// newspapers' websites, nor a hurricane's harm. A concept declared with `ng:impliedBy` but no
/// target is refused, naming it.
#[test]
fn harms_to_named_facilities_are_attacks_on_critical_infrastructure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    let statement = cwd.join("s.txt");
    fs::write(
        &statement,
        "Statement at the General Debate\n\n\
         Last winter our regional health authorities were hit by ransomware that encrypted \
         patient records. Malware was released into the networks of ministries, banks and \
         energy companies. Hackers attacked the websites of two newspapers. A hurricane crippled \
         our hospitals.\n",
    )
    .expect("write");
    let found = concept_facts(&extract_with(&store, cwd, None, &statement));
    let infrastructure: Vec<&str> = found
        .iter()
        .filter(|(_, i)| i == "critical-infrastructure-attacks")
        .map(|(s, _)| s.as_str())
        .collect();
    assert_eq!(infrastructure.len(), 2, "{found:?}");
    assert!(
        infrastructure[0].starts_with("health authorities")
            && infrastructure[0].contains("ransomware"),
        "{found:?}"
    );
    assert!(
        infrastructure[1].starts_with("Malware") && infrastructure[1].contains("banks"),
        "{found:?}"
    );
    let stderr = refused_with_threat_line(
        &store,
        cwd,
        &statement,
        "threat:data-breaches ng:impliedBy threat:cyber-attacks .",
    );
    assert!(
        stderr.contains("data-breaches") && stderr.contains("go together"),
        "{stderr}"
    );
}

/// The fourteenth round (from `concepts-addresses`'s misses, with probes written for this test),
/// and a wording that takes a stance of its own keeping it against a cue later in its clause
/// about something else ("…, and we regret that the group could not agree on a report").
#[test]
fn stance_wordings_keep_their_stance_and_the_fourteenth_round() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We believe that international law applies to what States do in cyberspace, and we \
         regret that the group of experts could not agree on a report. The pressing need is \
         not the negotiation of new norms. Some have argued that the answer is a new treaty for cyberspace. \
         We are not persuaded.\n\n\
         Last year the websites of our courts and newspapers were defaced, and the Internet is \
         switched off in too many countries when the polls open. Criminals penetrated the \
         systems of a central bank. Hackers tried to change the results of the count, hackers \
         acting on its behalf. The right to development is a human right, and no country should have its \
         internal affairs decided for it. People are arrested on the occupied peninsula. Every \
         State, large or small, counts.\n",
    );
    assert_facts_contain(
        &found,
        &[
            (
                "applies to what States do",
                "international-law-applies (supports)",
            ),
            ("new norms", "further-norms (opposes)"),
            ("new treaty", "legally-binding-instrument (opposes)"),
            ("defaced", "cyber-attacks"),
            ("switched off", "internet-shutdowns"),
            ("Criminals penetrated", "cybercrime"),
            ("acting on its behalf", "proxies"),
            ("change the results", "election-interference"),
            ("internal affairs decided", "non-intervention"),
            ("occupied peninsula", "territorial-integrity"),
        ],
    );
    assert!(
        !found
            .iter()
            .any(|(s, i)| i == "international-law-applies (opposes)" || s.contains("large")),
        "{found:?}"
    );
}

/// The bare Charter in the forms the development sets showed it missed (a shield, a promise,
/// contradicted), and not as what gives an organ its role. (Not yet the Charter "applying" in
/// a long subject: a loose pattern gives way to the labels inside its gap; see
/// `docs/DEVELOPING.md`.)
#[test]
fn the_bare_charter_as_shield_promise_and_law_that_applies() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         For a small State the Charter is our shield. We will help to fulfil the \
         promise of the Charter. These measures contradict our rights and the Charter. The \
         Council forgets the responsibility which the Charter places on it.\n",
    );
    let charters: Vec<&str> = found
        .iter()
        .filter(|(_, i)| i == "un-charter-principles")
        .map(|(s, _)| s.as_str())
        .collect();
    for part in ["shield", "promise", "contradict"] {
        assert!(
            charters.iter().any(|s| s.contains(part)),
            "{part}: {found:?}"
        );
    }
    assert!(!charters.iter().any(|s| s.contains("places")), "{found:?}");
}

/// A proposal named without a stance takes the one the next sentence gives it by referring
/// back ("We want that convention.", "We see no need for such an instrument."), and not from a
/// sentence about something else; with the fifteenth round's probes.
#[test]
fn the_next_sentence_takes_a_stance_on_the_proposal_just_named() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cybercrime, the Ad Hoc Committee is negotiating a comprehensive convention against \
         cybercrime. We want that convention, with safeguards. On ICT security, the draft of a \
         legally binding instrument is before the Committee. We see no need for such an \
         instrument. On the Internet, the Ad Hoc Committee also discussed a treaty on \
         information security. We thank the Chair.\n\n\
         No Government has the right to decide for another people who should govern it. My \
         Government restricted mobile Internet in two regions. A group of criminals invaded the \
         systems of our Ministry of Health.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("convention against", "cybercrime-convention (supports)"),
            (
                "legally binding instrument",
                "legally-binding-instrument (opposes)",
            ),
            ("decide for another", "non-intervention"),
            ("restricted mobile Internet", "internet-shutdowns"),
            ("criminals invaded the", "cybercrime"),
        ],
    );
    assert!(
        !found
            .iter()
            .any(|(s, i)| s.contains("treaty") || i == "non-use-of-force"),
        "{found:?}"
    );
}

/// The sixteenth round (from `concepts-lectern`'s misses, with probes written for this test).
#[test]
fn peoples_choices_streamed_attacks_and_answers_on_urgency() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We defend the right of every people to determine its own future. No State may impose on \
         another its model of development. Security cannot be strengthened for some at the \
         expense of the security of others.\n\n\
         On cyberspace, tens of thousands of computers had their hard drives erased. The gunman \
         streamed it live on a social media platform. Messages calling for hatred have been \
         circulating on social networks. Intruders broke into the network of the main political \
         parties. Some propose that we negotiate a new treaty for cyberspace. We do not believe \
         that this is the most urgent task. The United Nations should begin work on a global \
         convention against cybercrime.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("right of every people", "self-determination"),
            ("impose on another", "non-intervention"),
            ("at the expense of the security", "indivisible-security"),
            ("hard drives erased", "cyber-attacks"),
            ("streamed it live", "terrorist-use"),
            // (Its span is "Messages calling for hatred" since the seventeenth session's
            // pattern for messages that incite.)
            ("Messages calling for hatred", "hostile-content"),
            ("political", "election-interference"),
            ("new treaty", "legally-binding-instrument (opposes)"),
            ("convention against", "cybercrime-convention (supports)"),
        ],
    );
    assert!(
        !found
            .iter()
            .any(|(s, i)| i == "cyber-attacks" && s.contains("broke")),
        "{found:?}"
    );
}

/// The probes of the twelfth session's review: a fronted proposition the speaker rejects at
/// the end of its clause, a next sentence that names another instrument or refers only to the
/// last proposal named, "not X but Y", a treaty that merely covers cybercrime, and ordinary
/// speech the new patterns had read as facts.
#[test]
fn review_probes_of_the_twelfth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         That international humanitarian law applies to ICT operations in armed conflict is a \
         proposition my delegation cannot accept.\n\n\
         On ICT security the Assembly has before it a programme of action on ICTs and a legally \
         binding instrument. We oppose that instrument.\n\n\
         The Ad Hoc Committee is negotiating a convention against cybercrime. We support the \
         Budapest Convention.\n\n\
         On ICT security, what we need is not more talk but a new treaty.\n\n\
         Our extradition treaty with Brazil now covers cybercrime.\n\n\
         Individuals responsible for war crimes under international law must be tried. Our \
         exporters hope to break into the global trading system. The tsunami wiped out our \
         health systems, while the Internet stayed up. We must keep criminals from gaining \
         access to nuclear material and protect our computer networks.\n",
    );
    let has = |surface: &str, id: &str| has_fact(&found, surface, id);
    assert!(
        has(
            "humanitarian law applies",
            "international-law-applies (opposes)"
        ),
        "{found:?}"
    );
    assert!(
        has("legally", "legally-binding-instrument (opposes)"),
        "{found:?}"
    );
    assert!(
        has("new treaty", "legally-binding-instrument (supports)"),
        "{found:?}"
    );
    assert!(has("cybercrime", "cybercrime"), "{found:?}");
    for wrong in [
        "programme-of-action (opposes)",
        "cybercrime-convention (supports)",
        "state-responsibility",
        "cyber-attacks",
    ] {
        assert!(!found.iter().any(|(_, i)| i == wrong), "{wrong}: {found:?}");
    }
    assert!(
        !found.iter().any(|(s, _)| s.contains("gaining access")),
        "{found:?}"
    );
}

/// Ordinary speech near words of the ICT debate names no threat (the second paragraph holds the
/// probes of the eleventh session's review: wealth generated by AI, a debt crisis that holds a
/// country to ransom, traffickers' networks, an earthquake, maritime intrusions, a bombing, an
/// electoral register published online): a cyclone that cripples grids,
/// a pandemic that fills hospitals, airstrikes, an arms embargo, the Assembly's vote, parties to
/// a dispute (the reviewer's probes of the tenth session found each read as an ICT threat by
/// some pattern before the word classes were cut back).
#[test]
fn ordinary_speech_near_ict_words_names_no_threat() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let statement = cwd.join("s.txt");
    fs::write(
        &statement,
        "Statement by the delegation of Fiji at the General Debate\n\n\
         Last year a cyclone crippled our power grids and knocked out the mobile networks on \
         three islands. During the pandemic our hospitals were overwhelmed with infected \
         patients while schooling moved online. The banks plunged into insolvency as the \
         crisis spread, and the Internet remained a luxury for most families. Our health \
         systems have been hit hard by the epidemic, even as doctors turned to telemedicine \
         and digital records. Hospitals in the besieged city were hit by airstrikes, and the \
         footage was shared on social media. The arms embargo bans the transfer of weapons \
         and equipment to militias that recruit online. Several delegations tried to \
         manipulate the vote on the draft resolution on ICT security. Power blackouts across \
         the region are routine, and broadband is rare. Smugglers advertise online, and their \
         boats are intercepted at sea. Opposition figures are detained on charges without \
         evidence for what they post online. The data submitted by the parties to the dispute \
         were published online last week.\n\nThe wealth generated by artificial intelligence \
         must be shared fairly. We will not be held to ransom by those who profit from the debt \
         crisis, whatever the Internet says. We must attack the networks of traffickers, \
         including online. The earthquake cut off entire regions from mobile networks and the \
         Internet for days. With computer systems our coastguard can now detect intrusions into \
         our territorial waters. Military operations knocked out the power plants, and the \
         telecommunications towers fell. The electoral commission published the voters' \
         register online well before the elections.\n",
    )
    .expect("write");
    let out = extract_with(&cwd.join("store"), cwd, None, &statement);
    let threats = out[0]["threats"].as_array().expect("threats");
    assert!(threats.is_empty(), "{threats:?}");
    assert!(
        out[0]["positions"]
            .as_array()
            .expect("positions")
            .is_empty(),
        "{out}"
    );
}

/// The sixth round (ninth session): context words keep a mention's span to the words that name
/// it ("political independence" listed after sovereignty, "equality among them" after States),
/// the Charter invoked "in its entirety", breaches told as events, and a reported position the speaker answers in the next sentence;
/// "non-binding norms" is not the binding instrument, and political independence as a date of
/// the speaker's history is no principle.
#[test]
fn context_words_events_and_answers_to_reported_positions() {
    let found = concept_facts_in(
        "Statement by the delegation of Chile at the Open-ended Working Group on ICTs\n\n\
         We demand respect for the sovereignty, territorial integrity and political \
         independence of all States, and the sovereign rights of States and equality among them. \
         We celebrate the fortieth anniversary of our political independence. \
         Last year criminals encrypted the systems of our health ministry and demanded millions \
         of dollars for the keys. Several members of this group have argued that a new treaty is \
         needed. We respectfully disagree. We support voluntary, non-binding norms. The \
         Charter of the United Nations in its entirety applies in cyberspace.\n",
    );
    let has = |surface: &str, id: &str| found.iter().any(|(s, i)| s == surface && i == id);
    for (surface, id) in [
        ("political independence", "sovereignty"),
        ("equality among them", "sovereign-equality"),
        (
            "encrypted the systems of our health ministry and demanded millions of dollars",
            "ransomware",
        ),
        ("new treaty", "legally-binding-instrument (opposes)"),
        (
            "Charter of the United Nations in its entirety",
            "un-charter-principles",
        ),
    ] {
        assert!(has(surface, id), "{surface} → {id} not in {found:?}");
    }
    let independence = found
        .iter()
        .filter(|(s, _)| s == "political independence")
        .count();
    assert_eq!(independence, 1, "{found:?}");
    assert!(
        !found.iter().any(|(s, _)| s.contains("binding norms")),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(_, i)| i == "legally-binding-instrument (supports)"),
        "{found:?}"
    );
}

#[test]
fn concepts_are_found_however_phrased_and_patterns_extend_in_turtle() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    let statement = cwd.join("s.txt");
    fs::write(
        &statement,
        "States must settle their border disputes peacefully. We condemn the aggression \
         against our country and the occupation of our territory, and any interference in our \
         domestic affairs. The Universal Declaration of Human Rights was adopted in 1948. \
         Laptop tampering and the spread of false news on social networks threaten us. \
         Hackers attacked our banks' computer systems. The militarization of outer space \
         worries us too. We hold that international law applies in cyberspace. \
         We call for a convention against cybercrime under the United Nations.\n",
    )
    .expect("write");
    let facts = |resources: Option<&std::path::Path>| -> Vec<(String, String)> {
        concept_facts(&extract_with(&store, cwd, resources, &statement))
    };
    let found = facts(None);
    let has = |surface: &str, id: &str| found.iter().any(|(s, i)| s == surface && i == id);
    for (surface, id) in [
        (
            "settle their border disputes peacefully",
            "peaceful-settlement-of-disputes",
        ),
        ("aggression", "non-use-of-force"),
        ("occupation", "territorial-integrity"),
        ("interference in our domestic affairs", "non-intervention"),
        ("Hackers attacked", "cyber-attacks"),
        (
            "international law applies in cyberspace",
            "international-law-applies (supports)",
        ),
        (
            "convention against cybercrime",
            "cybercrime-convention (supports)",
        ),
    ] {
        assert!(has(surface, id), "{surface} → {id} not in {found:?}");
    }
    // Other senses: an instrument's name, and militarization of outer space (not ICTs).
    assert!(
        !found
            .iter()
            .any(|(_, i)| i == "human-rights" || i == "militarization"),
        "{found:?}"
    );
    // "Laptop tampering" is not a label; a scholar adds a word pattern in Turtle.
    assert!(!found.iter().any(|(s, _)| s.starts_with("Laptop tampering")));
    let res = cwd.join("res");
    resource_folder(&res);
    // A run on the scholar's resource folder that must be refused: its error message.
    let refused = || refused_resources(&store, cwd, &res, &statement);
    let threats = res.join("ontology/threats.ttl");
    let mut ttl = fs::read_to_string(&threats).expect("read");
    ttl.push_str("\nthreat:cyber-attacks ng:wordPattern \"laptop ~1 tampering\" .\n");
    fs::write(&threats, &ttl).expect("write");
    assert!(facts(Some(&res))
        .iter()
        .any(|(s, i)| s == "Laptop tampering" && i == "cyber-attacks"));
    // A word class of the scholar's own, named in a pattern as @name; a class without words is
    // refused, naming the class.
    let classes = res.join("ontology/wordclasses.ttl");
    let mut own = fs::read_to_string(&classes).expect("read");
    own.push_str(
        "\nwc:machine a ng:WordClass ; ng:classWords \"=laptop|=laptops\" .\n\
         wc:entry a ng:WordClass ; ng:classWords \"=tampering|=tamperings\" .\n",
    );
    fs::write(&classes, &own).expect("write");
    let mut by_class = ttl.replace(
        "\nthreat:cyber-attacks ng:wordPattern \"laptop ~1 tampering\" .\n",
        "\nthreat:cyber-attacks ng:wordPattern \"@machine ~1 @entry\" .\n",
    );
    fs::write(&threats, &by_class).expect("write");
    assert!(facts(Some(&res))
        .iter()
        .any(|(s, i)| s == "Laptop tampering" && i == "cyber-attacks"));
    own.push_str("\nwc:nothing a ng:WordClass .\n");
    fs::write(&classes, &own).expect("write");
    by_class.push_str("\nthreat:cyber-attacks ng:wordPattern \"@nothing\" .\n");
    fs::write(&threats, &by_class).expect("write");
    let stderr = refused();
    assert!(
        stderr.contains("wordclass/nothing") && stderr.contains("needs words"),
        "{stderr}"
    );
    fs::write(&threats, &ttl).expect("write");
    own.truncate(own.len() - "\nwc:nothing a ng:WordClass .\n".len());
    fs::write(&classes, &own).expect("write");
    // A malformed pattern is refused, naming it and its concept.
    ttl.push_str("\nthreat:cyber-attacks ng:wordPattern \"~2 intrusion\" .\n");
    fs::write(&threats, &ttl).expect("write");
    let stderr = refused();
    assert!(
        stderr.contains("~2 intrusion") && stderr.contains("cyber-attacks"),
        "{stderr}"
    );
}

/// What a proposal regulates is read from its conduct and object, not from look-alike words or
/// passing mentions: each of these rules is put forward in an OEWG-style statement, and only the
/// ones that take up an agreed norm's subject matter get one. (A wrong legal link is worse than
/// a missing one.)
#[test]
fn proposals_regulate_what_their_conduct_and_object_say_not_what_they_mention() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("oewg.txt");
    let rules = [
        // Passing mentions and look-alikes: no subject matter.
        ("refrain from conducting ICT operations against the territorial integrity of any State", None),
        ("refrain from intervention in the internal affairs of other States through ICTs, including through attacks on their critical infrastructure", None),
        ("ensure that developing countries can request technical assistance for cyber capacity-building", None),
        ("establish national CERTs and use them to respond to malicious ICT incidents", None),
        ("introduce national frameworks to reduce the vulnerabilities of their ICT systems", None),
        ("share best practices on the ICT vulnerabilities of small island developing States", None),
        ("exercise due diligence in protecting the personal data of their citizens online", None),
        // The subject matters of agreed norms, however written.
        ("refrain from ICT activity that intentionally damages critical infrastructure providing services to the public", Some("damage-to-critical-infrastructure")),
        ("take reasonable steps to ensure the integrity of the ICT supply chain", Some("supply-chain-integrity")),
        ("exercise due control over ICT companies under their jurisdiction", Some("territory-used-for-wrongful-acts")),
        ("encourage the responsible reporting of ICT vulnerabilities", Some("vulnerability-reporting")),
    ];
    let mut text = String::from(
        "Statement to the Open-ended Working Group on ICTs established by resolution 75/240.\n\n",
    );
    for (rule, _) in &rules {
        text.push_str(&format!("We propose that States should {rule}.\n\n"));
    }
    fs::write(&file, &text).expect("write");
    let out = extract(&file);
    let norms = out[0]["proposed_norms"].as_array().expect("proposed_norms");
    assert_eq!(norms.len(), rules.len(), "{norms:#?}");
    for ((rule, expected), norm) in rules.iter().zip(norms) {
        let subjects: Vec<&str> = norm["subjects"]
            .as_array()
            .expect("subjects")
            .iter()
            .filter_map(|s| s["subject"].as_str()?.rsplit('/').next())
            .collect();
        match expected {
            None => assert!(subjects.is_empty(), "{rule}: {subjects:?}"),
            Some(subject) => assert!(subjects.contains(subject), "{rule}: {subjects:?}"),
        }
    }
}

/// Live captions whose markers name persons in capitals (`>> MR. JOHN MWANGI:`): each is a
/// turn, tied to the delegation the Chair gave the floor to just before (a fixture written for
/// this test).
#[test]
fn caption_markers_naming_persons_take_the_delegation_given_the_floor() {
    let path = fixture("captions/captions-persons.txt");
    let got = extract(&path);
    let statements = got.as_array().expect("statements");
    let turns: Vec<(String, String)> = statements
        .iter()
        .map(|s| {
            (
                s["speaker"].as_str().unwrap_or("").to_owned(),
                s["delegation"]["code"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        turns,
        [
            ("Mr. John Mwangi", "KEN"),
            ("Ms. Ana Silva", "BRA"),
            ("Ambassador Ahmed Hassan", "EGY"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect::<Vec<_>>()
    );
}

/// Acts that are a concept's only where its actor is named (`ng:actPattern`,
/// `ng:actorPattern`): collecting money and publishing videos online are terrorist use of ICTs
/// after "terrorist groups" in the sentence before, not a charity's appeal, nor children
/// "recruited into armies" (another sense), nor an act in the next paragraph. A concept with
/// acts and no actor is refused, naming it. With probes of the seventeenth round (written for
/// this test): harms told with plain verbs, a treaty opposed by "is not a … but", and
/// principles written as what belongs to a people.
#[test]
fn acts_count_after_their_actor_and_the_seventeenth_round() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let store = cwd.join("store");
    let statement = cwd.join("s.txt");
    fs::write(
        &statement,
        "Statement at the General Debate\n\n\
         Terrorist groups have not been defeated online. They publish their videos on the \
         Internet, and they collect money through the same networks. Gangs abroad have been \
         calling and emailing elderly people, and hackers published online the names and \
         addresses of our soldiers. Weeks before our parliamentary elections, intruders broke \
         into the network of the main opposition party.\n\n\
         Our charities raise funds through online platforms for the victims of the floods. \
         Children are recruited into armies or sold on the internet.\n\n\
         Last winter, hospitals in other countries were hit, and their files were encrypted. \
         Missiles struck hospitals near the border, and the mobile networks went down. \
         What we need now is not a new treaty but the implementation of the rules for \
         cyberspace we have agreed. It belongs to the people of that country to decide its \
         future, and no one may impose from outside the choice of its institutions.\n",
    )
    .expect("write");
    let found = concept_facts(&extract_with(&store, cwd, None, &statement));
    assert_facts_contain(
        &found,
        &[
            ("publish their videos on the Internet", "terrorist-use"),
            ("collect money through the same networks", "terrorist-use"),
            ("calling and emailing elderly", "cybercrime"),
            ("published online the names", "data-breaches"),
            ("broke into the network", "election-interference"),
            (
                "hospitals in other countries were hit",
                "critical-infrastructure-attacks",
            ),
            ("new treaty", "legally-binding-instrument (opposes)"),
            ("belongs to the people", "self-determination"),
            ("impose from outside", "non-intervention"),
        ],
    );
    assert!(
        !found
            .iter()
            .any(|(s, i)| i == "terrorist-use"
                && (s.contains("raise funds") || s.contains("recruited"))),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(
                |(s, i)| i == "critical-infrastructure-attacks" && s.contains("Missiles")
                    || s.contains("struck hospitals")
            ),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(_, i)| i == "legally-binding-instrument (supports)"),
        "{found:?}"
    );
    let stderr = refused_with_threat_line(
        &store,
        cwd,
        &statement,
        "threat:proxies ng:actPattern \"=pay|=paid ~3 =hackers\" .",
    );
    assert!(
        stderr.contains("proxies") && stderr.contains("go together"),
        "{stderr}"
    );
}

/// The probes of the thirteenth session's review (a helper's sentences, each of which the
/// session's first version got wrong): a proposed norm ending right after "AI" keeps its ICT
/// word; "but not" renews a contrast; a copula negation is no contrast unless a need is said
/// not to be the proposal; terrorism as a phenomenon is no actor, nor the speaker; harms told
/// with plain verbs are not those of a tsunami, sanctions or strikes; "calling on citizens",
/// "a probe", "listen to the calls of leaders", "never given their full meaning", "how the
/// Internet should be governed", "technical solutions imposed from outside", "assume their
/// responsibilities" and "Article 51 … entitles States" are what they seem.
#[test]
fn review_probes_of_the_thirteenth_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cwd = dir.path();
    let statement = cwd.join("s.txt");
    fs::write(
        &statement,
        "Statement at the General Debate\n\nStates should not use AI\n\nThank you.\n",
    )
    .expect("write");
    let out = extract_with(&cwd.join("store"), cwd, None, &statement);
    let norms = out[0]["proposed_norms"].as_array().expect("proposed_norms");
    assert_eq!(norms.len(), 1, "{out}");
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We need implementation of existing cyber norms rather than new rules, but not a legally \
         binding instrument.\n\n\
         Terrorism remains a grave threat to the Sahel. At the same time, we must exploit the \
         opportunities of digital technologies and the Internet for our young people. Terrorism \
         must be fought. We need to share images of our successes on social media and recruit \
         experts through online platforms. Our charities raise funds through online platforms, \
         unlike the terrorist groups we fight.\n\n\
         Thanks to the Internet, the ports hit by the tsunami were able to reopen within days. \
         Our banks were hit by unilateral sanctions that cut them off from online payment \
         platforms. Russian strikes on power plants and telecommunications infrastructure have \
         left millions without Internet access.\n\n\
         Hackers target our ministries every day. That is why all government data are now \
         encrypted and stored in the cloud. Our Government published the names of the criminals \
         convicted of online fraud. Criminal gangs continue to terrorise our communities. We are \
         calling on citizens to report them through our new online platform.\n\n\
         Before the elections, the electoral commission launched a probe of its voter \
         registration systems. We must listen to the calls of African leaders for a fair share \
         of the benefits of the Internet. The words of the Charter were never given their full \
         meaning in cyberspace. No country can decide how the Internet should be governed. \
         Technical solutions imposed from outside seldom strengthen national cyber resilience. \
         We call on all parties to the conflict in cyberspace to assume their responsibilities \
         under international law. Article 51 of the Charter entitles States to respond to an \
         armed attack, including one carried out through ICTs.\n",
    );
    assert!(
        has_fact(&found, "legally", "legally-binding-instrument (opposes)")
            && !has_fact(&found, "legally", "legally-binding-instrument (supports)"),
        "{found:?}"
    );
    assert!(has_fact(&found, "Article 51", "self-defence"), "{found:?}");
    assert_no_facts_of(
        &found,
        &[
            "terrorist-use",
            "critical-infrastructure-attacks",
            "cyber-attacks",
            "data-breaches",
            "election-interference",
            "cyber-espionage",
            "disinformation",
            "non-intervention",
            "state-responsibility",
        ],
    );
    assert!(
        !found
            .iter()
            .any(|(s, i)| i == "cybercrime" && s.contains("calling")),
        "{found:?}"
    );
    // The second review: a speaker word that is not the act's subject, an agent after a
    // longer "by", "last but not least", a need "in our view", hospitals "and schools".
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We have seen terrorists collect money through online appeals. Terrorists, as we know, \
         raise funds through online platforms.\n\n\
         On ICT security, the servers of our ministry were paralysed for days by a group of \
         hackers. Hackers hit our hospitals and schools.\n\n\
         On cybersecurity, we call for implementation of existing norms rather than new rules, \
         capacity-building and, last but not least, a legally binding instrument. On ICT \
         security, what we need, in our view, is not a new treaty for cyberspace.\n\n\
         We acted in exercise of the inherent right of collective self-defence that Article 51 \
         of the Charter recognises.\n",
    );
    // The right named beside its article is one mention, the right's words.
    assert!(
        has_fact(&found, "self-defence", "self-defence")
            && !has_fact(&found, "Article 51", "self-defence"),
        "{found:?}"
    );
    assert_facts_contain(
        &found,
        &[
            ("collect money through online appeals", "terrorist-use"),
            ("raise funds", "terrorist-use"),
            ("servers of our ministry were paralysed", "cyber-attacks"),
            ("hit our hospitals", "critical-infrastructure-attacks"),
            (
                "legally binding instrument",
                "legally-binding-instrument (supports)",
            ),
            ("new treaty", "legally-binding-instrument (opposes)"),
        ],
    );
}

/// The fourteenth session's rounds (from the misses of `concepts-gallery` and `concepts-dais`),
/// on sentences written for this test: each form is found, and the other senses and lists the
/// corpus showed are not read as they.
#[test]
fn rounds_of_the_fourteenth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Digital networks have changed our lives. A virus that locks up computers and then \
         demands a ransom spread across the world.\n\n\
         Cyber threats grow. In March the servers of three of our ministries were knocked offline \
         by attacks from abroad, and intruders penetrated the network of the central bank.\n\n\
         The Internet is a marvel. Yet families are defrauded by messages on their telephones, \
         teenagers are blackmailed with intimate photos, and traffickers sell counterfeit \
         medicines through websites and on hidden marketplaces of the Internet. Last year hackers \
         broke into the systems of a savings bank.\n\n\
         In cyberspace, a State that directs or shelters those who carry out such operations is \
         responsible for them.\n\n\
         We stand for the use of information and communications technologies solely for \
         peaceful purposes.\n\n\
         We are a small country, but we are the equal of every other Member State.\n\n\
         No State should meddle in the elections of its neighbours. Foreign Powers support \
         separatist militias in our east. Their people alone must decide who governs them.\n\n\
         Two years ago foreign troops occupied four of our villages. Foreign forces remain on \
         our soil without the consent of our Government, and they plunder our gold and timber.\n\n\
         In this country no one is above the law.\n\n\
         The siege of the city amounts to collective punishment of its civilians.\n\n\
         Treaties must be honoured in good faith.\n\n\
         On ICTs, we support the efforts to agree rules of the road for the responsible \
         behaviour of States in cyberspace. In our view, the next step is to agree universal \
         rules of responsible behaviour of States in the information space.\n\n\
         On cyberspace, some members of this Council have called for a new treaty. We respect \
         that view, but we do not share it.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("locks up computers", "ransomware"),
            ("knocked offline", "cyber-attacks"),
            ("intruders penetrated the network", "cyber-attacks"),
            ("defrauded by messages", "cybercrime"),
            ("blackmailed with intimate photos", "cybercrime"),
            ("sell counterfeit medicines through websites", "cybercrime"),
            ("hidden marketplaces", "cybercrime"),
            ("broke into the systems of a savings bank", "cybercrime"),
            ("directs or shelters those who carry", "proxies"),
            ("communications technologies", "peaceful-uses-of-icts"),
            ("the equal of every other Member", "sovereign-equality"),
            ("meddle in the elections", "non-intervention"),
            ("support separatist militias", "non-intervention"),
            ("alone must decide who governs them", "non-intervention"),
            ("occupied four of our villages", "territorial-integrity"),
            ("without the consent", "territorial-integrity"),
            (
                "plunder our gold",
                "permanent-sovereignty-over-natural-resources",
            ),
            ("no one is above the law", "rule-of-law"),
            ("collective punishment", "international-humanitarian-law"),
            ("good faith", "good-faith"),
            (
                "rules of the road for the responsible",
                "rules-of-responsible-behaviour (supports)",
            ),
            (
                "rules of responsible behaviour",
                "rules-of-responsible-behaviour (supports)",
            ),
            ("new treaty", "legally-binding-instrument (opposes)"),
        ],
    );
    // A break-in into a bank is cybercrime, not also a bare cyber-attack; ICTs for peaceful
    // purposes are the narrower principle; "treaties must be honoured in good faith" is one
    // mention.
    assert!(
        !has_fact(&found, "broke into", "cyber-attacks"),
        "{found:?}"
    );
    assert!(
        !has_fact(&found, "peaceful", "peaceful-purposes"),
        "{found:?}"
    );
    assert!(!has_fact(&found, "Treaties", "good-faith"), "{found:?}");
    // Other senses: sanctions called a collective punishment, a coup "by force of arms", the
    // purpose of the Organization quoted, the rights of citizens to choose their rulers, new
    // rules (further norms), malware spread through pirated software, an anchor that severs a
    // cable; and a list keeps its members apart.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         The unilateral sanctions imposed on our people are a collective punishment of \
         millions.\n\n\
         Twice in the last decade constitutional order in our region was overturned by force of \
         arms.\n\n\
         The Charter sets as one of its purposes to achieve international co-operation in \
         solving international problems of an economic, social, cultural or humanitarian \
         character.\n\n\
         Our citizens have the right freely to choose those who govern us.\n\n\
         On ICTs, we support the development of new rules of responsible behaviour in \
         cyberspace.\n\n\
         On cybersecurity, our team handled phishing and malware spread through pirated \
         software. Last year our only Internet cable was severed by the anchor of a ship.\n\n\
         It is necessary to draw lessons for the future: foreign intervention, interference in \
         the internal affairs of other States, the policy of blocs.\n",
    );
    assert_no_facts_of(
        &found,
        &[
            "international-humanitarian-law",
            "non-use-of-force",
            "cooperation",
            "rules-of-responsible-behaviour (supports)",
            "supply-chain-abuse",
            "public-core-attacks",
        ],
    );
    assert!(
        !has_fact(&found, "govern us", "non-intervention"),
        "{found:?}"
    );
    assert_facts_contain(
        &found,
        &[
            (
                "new rules of responsible behaviour",
                "further-norms (supports)",
            ),
            ("foreign intervention", "non-intervention"),
            ("interference in the internal affairs", "non-intervention"),
        ],
    );
}

/// The fourteenth session's changes of mechanism: a threat category counts within 600 bytes
/// of a word of the ICT debate (not beyond), an act's actor may stand two sentences before it,
/// the Charter said to apply to the conduct of States in cyberspace is invoked, and "we see no
/// merit in" opposes.
#[test]
fn reaches_of_the_fourteenth_session() {
    // About 450 bytes of ordinary prose between the ICT word and the threat's own words.
    let filler = "Our farmers have had three good harvests in a row, and the price of rice has \
                  fallen in every market of the country. The new road to the north has opened, \
                  and the journey from the capital to the border now takes a day instead of a \
                  week. Schools have reopened in every district, and more girls than boys sat the \
                  national examinations this year. The coastal towns have rebuilt their harbours \
                  and their fish markets after the storm. ";
    assert!((400..600).contains(&filler.len()), "{}", filler.len());
    let near = format!(
        "Statement at the General Debate\n\nSocial media have changed our public life. \
         {filler}We have also seen disinformation about our elections.\n"
    );
    let found = concept_facts_in(&near);
    assert!(
        has_fact(&found, "disinformation", "disinformation"),
        "{found:?}"
    );
    let far = format!(
        "Statement at the General Debate\n\nSocial media have changed our public life. \
         {filler}{filler}We have also seen disinformation about our elections.\n"
    );
    let found = concept_facts_in(&far);
    assert!(
        !has_fact(&found, "disinformation", "disinformation"),
        "{found:?}"
    );
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Terrorist groups have been driven from the towns of the north. But the threat has \
         changed shape. The same groups now raise funds through online platforms.\n\n\
         International law, and the Charter of the United Nations first among its sources, \
         applies in full to the conduct of States in cyberspace.\n\n\
         On cyberspace, we see no merit in opening negotiations on a new binding treaty.\n\n\
         In cyberspace, the starting point must be that existing law already binds us.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("raise funds through online platforms", "terrorist-use"),
            ("Charter", "un-charter-principles"),
            ("binding treaty", "legally-binding-instrument (opposes)"),
            (
                "existing law already binds",
                "international-law-applies (supports)",
            ),
        ],
    );
    // How the rules apply is the open question, not a stance.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On ICTs, our task is to clarify how the existing rules apply in cyberspace.\n",
    );
    assert!(
        !found
            .iter()
            .any(|(_, i)| i.starts_with("international-law-applies")),
        "{found:?}"
    );
}

/// The probes of the fourteenth session's second review (sentences of its own, which the wider
/// reaches first got wrong): an actor two sentences back does not act where the clause names
/// another subject; sanctions a few sentences from an ICT word are no ICT threat
/// (`ng:ictReach 300`); finding no merit in undermining a proposal is no opposition to it; and a
/// bad `ng:ictReach` is refused with the concept named.
#[test]
fn review_probes_of_the_fourteenth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We see no merit in attempts to undermine the programme of action on ICT security, which \
         enjoys broad support.\n\n\
         Terrorists have lost ground in the Sahel. The region is recovering. Our young people now \
         raise funds through online platforms for the victims of the attacks.\n\n\
         Hackers have long targeted our region. We have strengthened our defences with the help \
         of partners. Last year a hurricane crippled our power networks for a week.\n\n\
         Social media have given our young people a voice. Our soldiers still face hostile \
         attacks on their bases from armed groups with mortars.\n\n\
         We welcome the growth of mobile money and online banking across our continent. Our \
         exports of coffee, tea and cut flowers have also recovered this year. At the \
         same time, we are deeply concerned by the human cost of the conflicts in our region and \
         by the slow pace of reconstruction. The illegal unilateral sanctions imposed on our \
         people have deprived hospitals of medicines and spare parts. We call for the lifting of \
         all unilateral coercive measures.\n",
    );
    assert_no_facts_of(
        &found,
        &[
            "terrorist-use",
            "critical-infrastructure-attacks",
            "cyber-attacks",
            "unilateral-coercive-measures",
            "programme-of-action (opposes)",
        ],
    );
    let stderr = threat_line_refusal(
        "Statement at the General Debate\n\nThank you.\n",
        "threat:proxies ng:ictReach \"far\" .",
    );
    assert!(
        stderr.contains("proxies") && stderr.contains("ng:ictReach"),
        "{stderr}"
    );
}

/// The twentieth round (the fifteenth session, from the misses of `concepts-tribune`), in
/// sentences of my own: principles told in their legal formulas (the right to choose a State's
/// path, security not built on others' insecurity, a territory not let be used against a
/// neighbour), threats in plain words, a break-in marked once under the purpose the text gives
/// (`ng:specifies`), and what these forms must not take (a document's annex, a position that
/// others here favour).
#[test]
fn rounds_of_the_fifteenth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Last year a neighbouring Power took a third of the territory of a small republic by \
         force. We will never recognize any attempt to annex the territory of a sovereign State. \
         Every people has the sovereign right to choose its own path. Such measures are \
         incompatible with the Charter.\n\n\
         The security of one State cannot be built on the insecurity of its neighbours. We will \
         not allow our territory or our airspace to be used against any neighbour. A State \
         cannot escape its responsibility by hiding behind hackers it pays.\n\n\
         On the Internet, false rumours spread online about our nurses put them in danger. \
         Ministries suffered digital intrusions, and the records of our taxpayers later appeared \
         for sale on the dark web.\n\n\
         On the morning of our parliamentary elections, intruders got into the servers of the \
         electoral commission.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("took a third of the territory", "territorial-integrity"),
            ("annex the territory", "territorial-integrity"),
            ("right to choose its own path", "non-intervention"),
            ("Charter", "un-charter-principles"),
            ("insecurity of", "indivisible-security"),
            (
                "allow our territory or our airspace to be used",
                "due-diligence",
            ),
            ("escape its responsibility", "state-responsibility"),
            ("rumours spread online", "disinformation"),
            ("digital intrusions", "cyber-attacks"),
            ("appeared for sale", "data-breaches"),
            ("got into the servers", "election-interference"),
        ],
    );
    // The right to choose a path is not sovereignty as well, and the break-in is marked once.
    assert!(
        !has_fact(&found, "sovereign right", "sovereignty"),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(s, i)| s.contains("got into") && i == "cyber-attacks"),
        "{found:?}"
    );
    // A document's annex is no annexation; a treaty that some here favour is not the speaker's
    // position.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         This agreement, which as annex IV is a part of the Treaty of Peace, provides for \
         autonomy.\n\n\
         On cybercrime, we hear that some here favour a new global treaty against cybercrime and \
         that others prefer the instruments already in place.\n",
    );
    assert!(
        !found.iter().any(|(_, i)| i == "territorial-integrity"),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(_, i)| i.starts_with("cybercrime-convention (supports)")),
        "{found:?}"
    );
}

/// What the fifteenth session's precision audit of the corpus and its decision on the
/// Programme of Action took out: the courtesy of full cooperation, "human rights" as an
/// adjective of programmes and records, the occupation of buildings, a locust invasion, and a
/// permanent mechanism that is what the Programme of Action would be.
#[test]
fn other_senses_of_the_fifteenth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         You may rest assured of the full cooperation of my delegation. We must strengthen the \
         United Nations human rights programme. Two human rights anniversaries fall this \
         year. The illegal occupation of public buildings must end. The \
         locust invasion destroyed our crops.\n\n\
         On ICTs, we support the establishment of a Programme of Action to advance responsible \
         State behaviour in the use of ICTs, as a permanent and inclusive forum under the United \
         Nations.\n",
    );
    assert_no_facts_of(
        &found,
        &[
            "cooperation",
            "human-rights",
            "territorial-integrity",
            "non-use-of-force",
            "permanent-mechanism (supports)",
        ],
    );
    assert!(
        found
            .iter()
            .any(|(_, i)| i == "programme-of-action (supports)"),
        "{found:?}"
    );
    // A specific right said to be a human right, Article 51 read as a text, and an accusation
    // of hacking.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         The right to development is an inalienable human right. We are wary of readings of \
         Article 51 of the Charter that would turn every incident into a war.\n\n\
         On cyberspace, some States accuse others of hacking without producing any evidence.\n",
    );
    assert_no_facts_of(&found, &["human-rights", "self-defence", "cyber-attacks"]);
    // "Principles of human rights" are not the principles of humanity (a stem of the label),
    // and sovereignty over natural resources is the permanent sovereignty.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We uphold the basic principles of human rights. Our people exercise sovereignty over \
         their natural resources.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("human rights", "human-rights"),
            (
                "sovereignty over their natural resources",
                "permanent-sovereignty-over-natural-resources",
            ),
        ],
    );
    assert_no_facts_of(&found, &["international-humanitarian-law", "sovereignty"]);
    // From the real speeches of ungdc-recent: a principle inside the quoted theme of the
    // session or the name of a meeting, the coexistence of a country's own citizens, a body's
    // subject; and the forms it added.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We commend the theme for this year's deliberations, namely, \"Bringing about \
         adjustment or settlement of international disputes or situations by peaceful \
         means\". We welcome the Declaration of the High-level Meeting of the General \
         Assembly on the Rule of Law at the National and International Levels. Tolerance and \
         peaceful coexistence redound to the advantage of all our citizens. We strengthened \
         commissions on anti-corruption, human rights and information.\n\n\
         We call for an agreement on the principle of common and differentiated \
         responsibilities. Disputes should be settled in a peaceful manner. We support the \
         purposes and principles of the Organization.\n",
    );
    assert_no_facts_of(
        &found,
        &["rule-of-law", "peaceful-coexistence", "human-rights"],
    );
    assert!(
        !found
            .iter()
            .any(|(s, i)| s.starts_with("settlement of international")
                && i == "peaceful-settlement-of-disputes"),
        "{found:?}"
    );
    assert_facts_contain(
        &found,
        &[
            (
                "common and differentiated responsibilities",
                "common-but-differentiated-responsibilities",
            ),
            (
                "settled in a peaceful manner",
                "peaceful-settlement-of-disputes",
            ),
            (
                "purposes and principles of the Organization",
                "un-charter-principles",
            ),
        ],
    );
    // From ungdc-late: the organs of State sovereignty, the constitutional rights of citizens,
    // a Special Rapporteur's title; and mediation to settle disputes.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We celebrate the investiture of the organs of State sovereignty. The Constitution \
         guarantees the fundamental rights of the citizens. We received the Special Rapporteur \
         on the situation of human rights in our country. Mediation is essential to settle \
         disputes.\n",
    );
    assert_no_facts_of(&found, &["sovereignty", "human-rights"]);
    assert!(
        has_fact(
            &found,
            "Mediation is essential to settle disputes",
            "peaceful-settlement-of-disputes"
        ),
        "{found:?}"
    );
    // From ungdc-sixty: peaceful means of settling disputes, equal security, neighbourliness;
    // not the use of force as a means of settling them.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Dialogue and negotiation are the best means for settling disputes. We seek equal \
         security for all States and relations of neighbourliness. We reject the use of force \
         as a means of solving disputes.\n",
    );
    assert_facts_contain(
        &found,
        &[
            (
                "means for settling disputes",
                "peaceful-settlement-of-disputes",
            ),
            ("equal security for all", "indivisible-security"),
            ("neighbourliness", "good-neighbourliness"),
        ],
    );
    assert!(
        !has_fact(
            &found,
            "means of solving disputes",
            "peaceful-settlement-of-disputes"
        ),
        "{found:?}"
    );
    // From ungdc-fourth: sovereignty over natural resources without a determiner, equally
    // sovereign States, force as an instrument of policy, regime change imposed from outside,
    // abiding by the Charter.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We defend the right to development and sovereignty over natural resources. The \
         Organization must serve all equally sovereign States. We reject military force as an \
         instrument of foreign policy. Regime change is being imposed from abroad. We abide by \
         the United Nations Charter.\n",
    );
    assert_facts_contain(
        &found,
        &[
            (
                "sovereignty over natural resources",
                "permanent-sovereignty-over-natural-resources",
            ),
            ("equally sovereign States", "sovereign-equality"),
            (
                "force as an instrument of foreign policy",
                "non-use-of-force",
            ),
            ("Regime change", "non-intervention"),
            ("Charter", "un-charter-principles"),
        ],
    );
    assert!(!found.iter().any(|(_, i)| i == "sovereignty"), "{found:?}");
    // From ungdc-fifth: rebels' aggression, the right to nuclear energy for peaceful use, the
    // Organization's founding objectives.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Our people suffer the aggression of rebels from across the border. The sovereign \
         right of States to nuclear energy for peaceful and civilian use must be respected. We \
         must not steer away from the founding objectives of the Organization.\n",
    );
    assert_no_facts_of(&found, &["non-use-of-force", "sovereignty"]);
    assert_facts_contain(
        &found,
        &[
            ("nuclear energy", "peaceful-purposes"),
            (
                "founding objectives of the Organization",
                "un-charter-principles",
            ),
        ],
    );
    // From ungdc-sixth: amicable solutions, dialogue as the way to settle disputes,
    // coexistence among States, a solution not imposed from outside.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We seek amicable solutions to all outstanding issues. Dialogue and consultation must \
         be the preferred ways to settle disputes, which are obstacles to harmonious \
         coexistence among States. Reconciliation cannot be imposed externally.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("amicable solutions", "peaceful-settlement-of-disputes"),
            ("ways to settle", "peaceful-settlement-of-disputes"),
            ("coexistence among States", "peaceful-coexistence"),
            ("imposed externally", "non-intervention"),
        ],
    );
    // From ungdc-seventh: the Charter contradicted, the principles of the international
    // Organization, international legal principles; the occupation named as an actor.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Colonialism is contradictory to the United Nations Charter. We uphold the principles of \
         this international organization and the international legal principles that protect \
         small States. The settlement policy pursued by the occupation must end.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("Charter", "un-charter-principles"),
            (
                "principles of this international organization",
                "un-charter-principles",
            ),
            (
                "international legal principles",
                "principles-of-international-law",
            ),
        ],
    );
    assert!(
        !found.iter().any(|(_, i)| i == "territorial-integrity"),
        "{found:?}"
    );
    // The duty to cooperate and a permanent mechanism of its own are still found.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         The duty of States to cooperate with one another is the basis of our order.\n\n\
         On ICTs, we support a single, permanent, action-oriented mechanism under the United \
         Nations.\n",
    );
    assert!(found.iter().any(|(_, i)| i == "cooperation"), "{found:?}");
    assert!(
        found
            .iter()
            .any(|(_, i)| i == "permanent-mechanism (supports)"),
        "{found:?}"
    );
}

/// `ng:specifies` must name another concept of the same kind: a threat category said to
/// specify a principle is refused, the concept named.
#[test]
fn a_bad_specifies_is_refused() {
    let stderr = threat_line_refusal(
        "Statement\n\nHackers broke into the servers.\n",
        "threat:cybercrime ng:specifies <https://w3id.org/normgraph/id/principle/sovereignty> .",
    );
    assert!(
        stderr.contains("cybercrime") && stderr.contains("ng:specifies"),
        "{stderr}"
    );
}

/// Intrusions, the act, near a word of the ICT debate (twenty-sixth session): "computer
/// intrusions" are among the issue's plain words for a cyber-attack; an intrusion into a
/// State's internal affairs or a person's privacy is another sense.
#[test]
fn intrusions_near_ict_words_are_cyber_attacks() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: our ministries have suffered repeated intrusions into their networks. \
         We reject the intrusion of foreign Powers into our internal affairs through social \
         media, and intrusions into the privacy of our citizens online.\n",
    );
    assert_facts_contain(&found, &[("intrusions", "cyber-attacks")]);
    assert_eq!(
        found
            .iter()
            .filter(|(s, i)| s.contains("intrusion") && i == "cyber-attacks")
            .count(),
        1,
        "{found:?}"
    );
}

/// The recruitment of terrorists named as a noun before the network that carries it
/// (twenty-sixth session), as the verb forms were; not a recruitment of staff.
#[test]
fn recruitment_named_as_a_noun_is_terrorist_use() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We are alarmed by the recruitment of terrorists through social networks. The \
         recruitment of teachers through online platforms has helped our schools.\n",
    );
    assert_facts_contain(&found, &[("recruitment of terrorists", "terrorist-use")]);
    assert!(
        !found.iter().any(|(s, _)| s.contains("teachers")),
        "{found:?}"
    );
}

/// `ng:refines` (twenty-sixth session): malicious use of ICTs is the umbrella category, so a
/// fact of a narrower one overlapping it makes it give way, unless the narrower fact carries
/// the umbrella's own words on to what they hit.
#[test]
fn the_umbrella_threat_gives_way_to_a_narrower_one() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: in May, malicious software that locks up computers spread around the \
         globe. We condemn the sustained campaign of malicious cyber activity against our \
         hospitals and power grids.\n",
    );
    assert!(
        !found
            .iter()
            .any(|(s, i)| s.contains("malicious software") && i == "malicious-ict-activity"),
        "{found:?}"
    );
    assert_facts_contain(
        &found,
        &[
            ("malicious software", "cyber-attacks"),
            ("malicious cyber activity", "malicious-ict-activity"),
            (
                "malicious cyber activity against our",
                "critical-infrastructure-attacks",
            ),
        ],
    );
    let stderr = threat_line_refusal(
        "Statement\n\nHackers broke into the servers.\n",
        "threat:cybercrime ng:refines <https://w3id.org/normgraph/id/principle/sovereignty> .",
    );
    assert!(
        stderr.contains("cybercrime") && stderr.contains("ng:refines"),
        "{stderr}"
    );
}

/// The cases decided in `docs/annotation.md` in the sixteenth session and the round read from
/// `ungdc-eighth`: international cooperation as a value, group rights, war crimes committed,
/// agreed norms endorsed in a passage on ICTs, a territory excised, an integral part of it.
#[test]
fn rounds_of_the_sixteenth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Long live international cooperation, long live the United Nations. We can meet those \
         challenges only through increased international cooperation. The new authorities must \
         respect the rights of women and girls. Those responsible for war crimes must be held \
         to account.\n\n\
         The archipelago was illegally excised by the administering Power from the territory of \
         our country, and it forms an integral part of the territory of the Republic. \
         Democracy cannot be imposed on any nation from the outside.\n\n\
         On cyberspace, every State must implement the eleven voluntary norms it has endorsed; \
         they remain a sound basis for responsible behaviour in the use of ICTs.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("rights of women", "human-rights"),
            ("war crimes", "international-humanitarian-law"),
            (
                "excised by the administering Power",
                "territorial-integrity",
            ),
            ("integral part of the territory", "territorial-integrity"),
            ("imposed on any nation from the outside", "non-intervention"),
            ("norms", "rules-of-responsible-behaviour (supports)"),
        ],
    );
    // Both cooperations put as values: the creed and the only way.
    let cooperations = found.iter().filter(|(_, i)| i == "cooperation").count();
    assert_eq!(cooperations, 2, "{found:?}");
}

/// What the sixteenth session's decisions leave out: cooperation as an activity in a field,
/// the list of the responsibility to protect and a tribunal's name, human rights as a field or
/// a topic, the norms of other fields and norms whose implementation is called premature.
#[test]
fn other_senses_of_the_sixteenth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         It is vital that we strengthen international cooperation to combat terrorism. States \
         must protect their populations from genocide, war crimes, ethnic cleansing and crimes \
         against humanity. We trust the War Crimes Tribunal in The Hague. The issue of human \
         rights is crucial. Much progress was made in the field of human rights.\n\n\
         On ICTs, we again support the resolution on the observance of environmental norms in \
         disarmament agreements, and we deem it premature to discuss the implementation of \
         norms under discussion in the working group on information security.\n",
    );
    assert_no_facts_of(
        &found,
        &[
            "cooperation",
            "international-humanitarian-law",
            "human-rights",
            "rules-of-responsible-behaviour (supports)",
        ],
    );
}

/// Harms told in plain words (`ng:harmPattern`, `ng:meansPattern`, the seventeenth session): a
/// target and what befell it are an attack by ICT means where such a means is named in the
/// harm's clause; not where a hurricane did it, not without a means, not where the sentence
/// before already named the threat that did it; and on a facility the harm is an attack on
/// critical infrastructure, not also a cyber-attack.
#[test]
fn harms_told_in_plain_words() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Allow me a word on cyberspace. Last winter, the computer systems of a regional hospital \
         in my country went dark.\n\n\
         Threats from cyberspace are real. Our national electricity and water utility woke to \
         find its computers locked.\n\n\
         On ICTs, we are vigilant. Thousands of modems across the region were wiped by \
         intruders.\n\n\
         On ICTs again: a hurricane disrupted the hospitals of the island and their computer \
         systems.\n\n\
         The digital divide matters too. Our hospitals went dark during the strike of the \
         electricity workers.\n\n\
         On cyberspace, our health ministry was hit by ransomware. Its computers went dark \
         overnight.\n",
    );
    assert_facts_contain(
        &found,
        &[
            (
                "computer systems of a regional hospital",
                "critical-infrastructure-attacks",
            ),
            (
                "utility woke to find its computers locked",
                "critical-infrastructure-attacks",
            ),
            ("modems across the region were wiped", "cyber-attacks"),
            ("ransomware", "ransomware"),
        ],
    );
    // On a facility, one mention: not also a cyber-attack.
    assert!(
        !found.iter().any(|(s, i)| i == "cyber-attacks"
            && (s.contains("regional hospital") || s.contains("locked"))),
        "{found:?}"
    );
    // A hurricane's harm, a harm with no ICT means, and a harm the ransomware already told.
    assert!(
        !found.iter().any(|(s, i)| i.ends_with("attacks")
            && (s.contains("disrupted")
                || s.contains("hospitals went dark")
                || s.contains("computers went dark"))),
        "{found:?}"
    );
    let stderr = threat_line_refusal(
        "Statement\n\nThank you.\n",
        "threat:proxies ng:harmPattern \"@facility ~3 =locked\" .",
    );
    assert!(
        stderr.contains("proxies") && stderr.contains("go together"),
        "{stderr}"
    );
}

/// The round of the seventeenth session from `ungdc-ninth`: intervention beside aggression,
/// cooperation as what problems demand or as a guiding principle, an islet grabbed, military
/// threats, States' equal rights, a right to civilian nuclear power; and human rights as a
/// pretext, a link or a topic, non-military threats, a self-defence capability, which are not
/// the principles.
#[test]
fn rounds_of_the_seventeenth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         A vicious circle of aggression and intervention still persists. All these problems \
         demand reform and strengthening of international cooperation. Cooperation between \
         equals on an equal footing is our guiding principle. Our neighbour attempts \
         to grab the sacred islet of our country. In the face of such military threats we stand \
         firm. The General Assembly is where all Member States exercise their equal rights. We \
         respect the rights to acquire civilian nuclear power.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("intervention", "non-intervention"),
            ("international cooperation", "cooperation"),
            ("Cooperation between equals", "cooperation"),
            ("grab the sacred islet", "territorial-integrity"),
            ("military threats", "non-use-of-force"),
            ("equal rights", "sovereign-equality"),
            ("rights to acquire civilian nuclear", "peaceful-purposes"),
        ],
    );
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Acts committed under the cover of human rights protection must be rejected. The \
         Council recognized the link between human rights and climate change. We reject \
         double standards in human rights. Let me turn to the subject of human rights. Poverty \
         and disease are non-military threats to security. The country strengthened its \
         self-defence capability.\n",
    );
    assert_no_facts_of(
        &found,
        &["human-rights", "non-use-of-force", "self-defence"],
    );
}

/// The round of the seventeenth session from `concepts-caucus`: shutdowns told in the active,
/// posts that incite, criminals advertising online, terrorists moving money by mobile telephone,
/// hidden functions, communications gathered without a warrant, false figures shared, an
/// election commission's website knocked offline; no country dictating to another, disputes
/// resolved peacefully, equality beside sovereignty, a war crime, the Charter held to,
/// cooperation called indispensable; the law not to be transferred mechanically and an
/// instrument that would add nothing (opposed); and not cooperation with a committee, nor a
/// principle in the title of an agenda item or a rapporteur's mandate.
#[test]
fn second_round_of_the_seventeenth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On ICTs: during the examinations we switched off mobile internet across the country. \
         Posts calling for attacks on foreign nationals travel fast online. Criminal syndicates \
         advertise well-paid jobs on social media. The terrorists recruit online, and they move \
         their money through the same mobile telephones. We cannot verify whether undeclared \
         functions have been built into the equipment. A Government can now gather the \
         communications of an entire population without a warrant. The false figures were \
         being shared by hundreds of accounts online. The website of the Central Election \
         Commission was knocked offline by a flood of traffic.\n\n\
         No country may dictate to another the system under which it has chosen to live. The \
         questions between us will be resolved bilaterally and peacefully. The Association \
         rests on respect for the independence, sovereignty, equality and territorial integrity \
         of its members. The use of chemical weapons is a war crime. My country has held to the \
         Charter. International cooperation is indispensable.\n\n\
         On ICTs, the specificities of this environment do not permit the existing norms of \
         international law to be transferred mechanically to this sphere. We do not see what a \
         new legally binding instrument would add at this stage.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("switched off mobile", "internet-shutdowns"),
            ("Posts calling for attacks", "hostile-content"),
            ("advertise well-paid jobs on social", "cybercrime"),
            ("move", "terrorist-use"),
            ("undeclared functions", "supply-chain-abuse"),
            ("without a warrant", "unlawful-surveillance"),
            ("false figures", "disinformation"),
            ("Election", "election-interference"),
            ("dictate to another", "non-intervention"),
            (
                "resolved bilaterally and peacefully",
                "peaceful-settlement-of-disputes",
            ),
            ("equality", "sovereign-equality"),
            ("war crime", "international-humanitarian-law"),
            ("Charter", "un-charter-principles"),
            ("International cooperation", "cooperation"),
            (
                "transferred mechanically",
                "international-law-applies (opposes)",
            ),
            ("would add", "legally-binding-instrument (opposes)"),
        ],
    );
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         The administering Powers must cooperate with the Special Committee. We will again \
         co-sponsor the resolution under the agenda item on the right of peoples to \
         self-determination. We thank the Special Rapporteur on the promotion and protection of \
         the right to freedom of opinion and expression for his report.\n",
    );
    assert_no_facts_of(
        &found,
        &["cooperation", "self-determination", "freedom-of-expression"],
    );
}

/// Crimes and incitement told in plain words (`ng:harmPattern` on cybercrime and hostile
/// content, the seventeenth session): a fraud or a theft carried by a telephone or a platform,
/// incitement through social networks, persons put under surveillance; not electoral fraud,
/// nor a theft or an incitement with no such means.
#[test]
fn crimes_and_incitement_told_in_plain_words() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On ICTs: fraud on mobile money accounts has ruined thousands of traders. Gangs steal \
         from wallets and accounts from behind a screen. Extremists use social media to incite \
         ethnic violence. The regime placed its own citizens under surveillance.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("fraud", "cybercrime"),
            ("steal", "cybercrime"),
            ("incite ethnic violence", "hostile-content"),
            ("citizens under surveillance", "unlawful-surveillance"),
        ],
    );
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On ICTs: claims of electoral fraud were spread online by the opposition. Thieves stole \
         cattle from our farmers, and we built a website to warn them. The radio station \
         incited violence against our community.\n",
    );
    assert_no_facts_of(&found, &["cybercrime", "hostile-content"]);
}

/// The agreed norms named by their number, and the cues of the seventeenth session: a call to
/// agree on rules, rules the speaker says States have already agreed, rules that must be
/// applied by all; not a treaty that others would wait for "until it has been agreed".
#[test]
fn agreed_norms_by_number_and_calls_to_agree() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace, we support the eleven norms.\n\n\
         On cyberspace, the United Nations should help States agree on common rules of conduct \
         for this new space.\n\n\
         On cyberspace, what we need now is the implementation of the rules of responsible \
         behaviour we have already agreed.\n\n\
         On cyberspace, we believe that norms of responsible State behaviour must be applied by \
         all.\n",
    );
    let supported = found
        .iter()
        .filter(|(_, i)| i == "rules-of-responsible-behaviour (supports)")
        .count();
    assert_eq!(supported, 4, "{found:?}");
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace, some delegations have suggested that confidence-building should wait \
         until a binding treaty has been agreed. We do not share that view.\n",
    );
    assert!(
        !found
            .iter()
            .any(|(_, i)| i.starts_with("legally-binding-instrument")),
        "{found:?}"
    );
}

/// The positions of the seventeenth session's second round: the law said to apply with the
/// Charter named in a long aside, the Charter applying in its entirety, a treaty whose
/// negotiation "would take years", the time come for a convention, the first to sign it; not
/// the time come "to consider new concepts".
#[test]
fn positions_told_with_asides_and_timetables() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: international law, including the Charter of the United Nations in its \
         entirety, international humanitarian law and human rights law, applies to the conduct \
         of States. The Charter applies in its entirety.\n\n\
         On cyberspace, a new legally binding instrument would take years to negotiate.\n\n\
         On cybercrime and ICTs, the time has come for the United Nations to negotiate a global \
         convention against cybercrime. We will be among the first to sign a convention \
         against cybercrime.\n",
    );
    let count = |id: &str| found.iter().filter(|(_, i)| i == id).count();
    assert_eq!(
        count("international-law-applies (supports)"),
        2,
        "{found:?}"
    );
    assert_eq!(
        count("legally-binding-instrument (opposes)"),
        1,
        "{found:?}"
    );
    assert_eq!(count("cybercrime-convention (supports)"), 2, "{found:?}");
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On international information security, we believe that the time has come to consider \
         the introduction of new concepts into international law.\n",
    );
    assert!(
        !found
            .iter()
            .any(|(_, i)| i.starts_with("legally-binding-instrument")),
        "{found:?}"
    );
}

/// Multilateral Internet governance told as how the Internet should be run, and a programme
/// of action supported by being among its sponsors (the seventeenth session).
#[test]
fn internet_governance_told_as_how_it_is_run() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         The Internet cannot remain under the management of one Government. Its governance must \
         become democratic and multilateral. All countries must have an equal say in how the \
         Internet is run.\n\n\
         On ICTs, my country is among the sponsors of the proposal for a programme of action to \
         advance responsible State behaviour in the use of ICTs.\n",
    );
    let count = |id: &str| found.iter().filter(|(_, i)| i == id).count();
    assert_eq!(
        count("multilateral-internet-governance (supports)"),
        2,
        "{found:?}"
    );
    assert_eq!(count("programme-of-action (supports)"), 1, "{found:?}");
}

/// Cooperation listed among values and cooperation among all countries (the seventeenth
/// session); not the ties of friendship and cooperation between two States.
#[test]
fn cooperation_among_values_and_all_countries() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We must engage in dialogue, cooperation, coexistence and understanding. Drug \
         trafficking is an international problem requiring cooperation among all countries.\n",
    );
    let cooperations = found.iter().filter(|(_, i)| i == "cooperation").count();
    assert_eq!(cooperations, 2, "{found:?}");
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         Our country enjoys long-standing ties of friendship and cooperation with Malta.\n",
    );
    assert_no_facts_of(&found, &["cooperation"]);
}

/// The nineteenth session's rounds and decisions: the rule of law in the words of other
/// languages' delegations, borders changed by force (the use of force alone), due diligence
/// told of a territory, humanitarian law breached by starvation; and, by the annotators'
/// majority in the read gold sets, not the principles or threats: a debate's theme, a title's
/// lower-case words, sanctions called collective punishment, an armed attack as Article 51's
/// term, human control over the use of force, a law named after cybercrime, policing and public
/// order, the code of conduct of a sea.
#[test]
fn rounds_and_decisions_of_the_nineteenth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We are building a State of law. The primacy of law must guide us. We stand against the \
         forcible alteration of internationally recognized borders. Every State must ensure that \
         its territory is not used to prepare such acts. Famine has been used as a method of \
         war.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("State of law", "rule-of-law"),
            ("primacy of law", "rule-of-law"),
            (
                "forcible alteration of internationally recognized borders",
                "non-use-of-force",
            ),
            ("territory is not used to", "due-diligence"),
            (
                "Famine has been used as a method of war",
                "international-humanitarian-law",
            ),
        ],
    );
    assert_no_facts_of(&found, &["territorial-integrity"]);
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We welcome the President's choice of the peaceful settlement of disputes as the central \
         theme of the general debate. We recall the Declaration on Principles of International \
         Law concerning Friendly Relations and Cooperation among States. These sanctions are a \
         collective punishment of an entire people. Article 51 speaks of an armed attack. We \
         support rules that keep human judgement over the use of force. The state of law \
         enforcement and the state of law and order are poor.\n",
    );
    assert_no_facts_of(
        &found,
        &[
            "peaceful-settlement-of-disputes",
            "principles-of-international-law",
            "international-humanitarian-law",
            "non-use-of-force",
            "rule-of-law",
        ],
    );
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: my Government has adopted a law on cybercrime and trained its police in \
         computer forensics. In our region, we look forward to the early conclusion of an \
         effective and substantive code of conduct.\n",
    );
    assert_no_facts_of(
        &found,
        &["cybercrime", "rules-of-responsible-behaviour (supports)"],
    );
}

/// The twentieth session's plain forms of General Debate speeches (`ontology/threats.ttl`, the
/// block at its end and the alternatives added in place) and its deferral rule for positions
/// (`cue:notNow`).
#[test]
fn plain_forms_and_deferrals_of_the_twentieth_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: the proliferation of hate speech on social networks undermines social \
         cohesion. The revelations of mass electronic surveillance have shocked the world. We \
         reject the use of the Internet to interfere in the internal affairs of other States. \
         Cybersecurity threats are increasing in frequency. Social media has been misused by \
         terrorists to spread propaganda. The e-mail accounts of our ministers were hacked last \
         year. Trafficking in persons facilitated by the Internet is on the rise.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("hate speech on social networks", "hostile-content"),
            ("mass electronic surveillance", "unlawful-surveillance"),
            (
                "Internet to interfere in the internal affairs",
                "interference-for-geopolitical-goals",
            ),
            ("Cybersecurity threats", "malicious-ict-activity"),
            ("media has been misused", "terrorist-use"),
            ("accounts of our ministers were hacked", "cyber-attacks"),
            (
                "Trafficking in persons facilitated by the Internet",
                "cybercrime",
            ),
        ],
    );
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We oppose the weaponisation of the digital space.\n",
    );
    assert_facts_contain(
        &found,
        &[("weaponisation of the digital space", "militarization")],
    );
    // The guidelines' own examples (docs/annotation.md).
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We must protect the rights of persons with disabilities, the rights of indigenous \
         peoples and the rights of migrant workers. We support the judicial settlement of \
         disputes between States. The rules on the attribution of conduct to a State apply.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("rights of persons with disabilities", "human-rights"),
            ("rights of indigenous", "human-rights"),
            ("rights of migrant workers", "human-rights"),
            (
                "judicial settlement of disputes",
                "peaceful-settlement-of-disputes",
            ),
            ("attribution of conduct to a State", "state-responsibility"),
        ],
    );
    // An instrument's name, in capitals or in lower case, is not the rights invoked.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         We ratified the International Convention on the Protection of the Rights of All Migrant \
         Workers and Members of Their Families. We urge the adoption of the draft declaration on \
         the rights of indigenous peoples.\n",
    );
    assert_no_facts_of(&found, &["human-rights"]);
    // Crime that fell while trade grew, and the Internet misused by criminals after Daesh was
    // named, are neither cybercrime made easier nor terrorist use; a convention that upholds
    // human rights keeps them.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: crime has fallen sharply, and trade enabled by the Internet has grown. \
         Daesh has been defeated on the ground, but the Internet is still misused by criminal \
         gangs. We welcome a convention on cybercrime that upholds human rights and the rights \
         of victims.\n",
    );
    assert_no_facts_of(&found, &["terrorist-use"]);
    assert!(
        !has_fact(&found, "trade enabled", "cybercrime"),
        "{found:?}"
    );
    assert_facts_contain(&found, &[("human rights", "human-rights")]);
    // Media misused by no terrorist, and people hacked, are none of these.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On the Internet: the media has been misused by politicians. Villagers were hacked to \
         death in the massacre.\n",
    );
    assert_no_facts_of(&found, &["terrorist-use", "cyber-attacks"]);
    let found = concept_facts_in(
        "Statement at the First Committee\n\n\
         On ICTs, my delegation would be open to negotiating a legally binding instrument within \
         the United Nations. We do not believe that moment has arrived.\n",
    );
    assert_facts_contain(
        &found,
        &[(
            "legally binding instrument",
            "legally-binding-instrument (opposes)",
        )],
    );
}

/// The twenty-first session's namings of positions: binding rules with a word between or said
/// to be binding after the noun, the conduct of States as the ICT debate's own subject, the law
/// said to apply in cyberspace as it does elsewhere, and the position's plain forms (governed
/// by, respected in, consistent with, the framework of); with their near misses (non-binding
/// norms, a binding instrument on another subject, one country's own law, force used in
/// accordance with the law).
#[test]
fn binding_rules_and_the_law_applied_as_elsewhere() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace, we support binding international rules governing the behaviour of \
         States. The rules that govern relations between States, beginning with the Charter, \
         apply no less to what States do through computer networks than on land. An \
         internationally wrongful act entails the responsibility of the State to which it is \
         attributable, in cyberspace as anywhere else.\n",
    );
    assert_facts_contain(
        &found,
        &[
            (
                "binding international rules",
                "legally-binding-instrument (supports)",
            ),
            (
                "Charter, apply no less to what States do through computer networks",
                "international-law-applies (supports)",
            ),
            (
                "responsibility of the State to which it is attributable, in cyberspace as anywhere",
                "international-law-applies (supports)",
            ),
        ],
    );
    // Existing law carried over, or not; the law applied in full to what States do there.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: the specificities of the information space do not permit the existing \
         norms of international law to be transferred mechanically to this sphere. The Charter, \
         including the obligation to settle disputes by peaceful means, applies in full to what \
         States do with these technologies.\n",
    );
    assert_facts_contain(
        &found,
        &[
            (
                "existing norms of international law to be transferred mechanically to this sphere",
                "international-law-applies (opposes)",
            ),
            (
                "applies in full to what States do with these technologies",
                "international-law-applies (supports)",
            ),
        ],
    );
    // The plain forms, each in a statement of its own.
    for (text, surface) in [
        (
            "The conduct of States in cyberspace is governed by international law.",
            "cyberspace is governed by international law",
        ),
        (
            "States must respect international law in their use of ICTs.",
            "respect international law in their use of ICTs",
        ),
        (
            "The use of ICTs by States must be consistent with the Charter.",
            "ICTs by States must be consistent with the Charter",
        ),
        (
            "Existing international law provides the framework for State behaviour in cyberspace.",
            "international law provides the framework",
        ),
    ] {
        let found = concept_facts_in(&format!("Statement at the General Debate\n\n{text}\n"));
        assert_facts_contain(&found, &[(surface, "international-law-applies (supports)")]);
    }
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace, we support voluntary, non-binding international norms. We also support a \
         binding instrument governing business and human rights. Our data protection law applies \
         to online shops as it does to other shops. In the digital age, the use of force must be \
         in accordance with international law.\n",
    );
    assert_no_facts_of(
        &found,
        &[
            "legally-binding-instrument (supports)",
            "international-law-applies (supports)",
        ],
    );
}

/// A pattern tagged with a language that is not a UN one, or an act, actor, harm or means
/// pattern tagged at all, is refused with the concept named (it would otherwise be ignored).
#[test]
fn patterns_in_other_languages_are_refused_where_they_cannot_be_read() {
    for (line, words) in [
        (
            "threat:proxies ng:wordPattern \"=stellvertreter\"@de .",
            "UN languages",
        ),
        (
            "threat:cybercrime ng:harmPattern \"=escroquerie\"@fr .",
            "English only",
        ),
    ] {
        let stderr = threat_line_refusal("Statement\n\nThank you.\n", line);
        assert!(stderr.contains(words), "{line}: {stderr}");
    }
}

/// Near misses of the twenty-first session's English position patterns, found by a review:
/// existing binding obligations are not a new instrument, the law applied "as it does" outside
/// the ICT domain is not the position, and force used "and" the law followed is no other sense.
#[test]
fn binding_obligations_and_the_law_outside_the_ict_domain() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace, we call on all States to comply with their binding obligations under the \
         Charter. International humanitarian law applies to the conflict in Sudan as it does to \
         every armed conflict. The rules that govern relations between States apply equally to \
         what States do through computer networks.\n",
    );
    assert_no_facts_of(&found, &["legally-binding-instrument (supports)"]);
    let applies: Vec<&(String, String)> = found
        .iter()
        .filter(|(_, id)| id.starts_with("international-law-applies"))
        .collect();
    assert!(
        applies.iter().all(|(s, _)| !s.contains("Sudan")),
        "{applies:?}"
    );
    assert!(has_fact(
        &found,
        "apply equally to what States do through computer networks",
        "international-law-applies (supports)"
    ));
    // The conduct of States in outer space is another subject than the ICT debate's.
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace, we support a legally binding instrument on the conduct of States in outer \
         space.\n",
    );
    assert_no_facts_of(&found, &["legally-binding-instrument (supports)"]);
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         States must refrain from the use of force and act in accordance with international law \
         in their use of ICTs.\n",
    );
    assert_facts_contain(&found, &[("", "international-law-applies (supports)")]);
}

/// Plain forms of threats written in the twenty-first session from how delegations commonly put
/// them, with two near misses (a fire that cut people off; a claim the speaker rejects).
#[test]
fn plain_forms_of_the_twenty_first_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: a cyber operation could amount to an armed attack. Governments monitor \
         the online activity of their critics. A breach exposed the passport details of \
         travellers. Foreign actors flood our information space with propaganda. Foreign actors \
         tried to influence the outcome of our elections through social media. Social media \
         platforms amplify hateful content. Mobile networks were switched off ahead of the \
         election. Hackers stole classified information from our ministries.\n",
    );
    assert_facts_contain(
        &found,
        &[
            (
                "amount to an armed attack",
                "use-of-force-in-ict-environment",
            ),
            ("monitor the online activity", "unlawful-surveillance"),
            ("breach exposed the passport details", "data-breaches"),
            (
                "flood our information space with propaganda",
                "disinformation",
            ),
            (
                "influence the outcome of our elections",
                "election-interference",
            ),
            ("amplify hateful content", "hostile-content"),
            ("networks were switched off", "internet-shutdowns"),
            ("stole classified information", "cyber-espionage"),
        ],
    );
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On the Internet and our telephone networks: this summer fires brought down telephone \
         masts, and people were cut off for days. Some claimed that the computers of our \
         electoral commission had been hacked; no court found any evidence.\n",
    );
    assert_no_facts_of(&found, &["internet-shutdowns", "election-interference"]);
}

/// Near misses a second review of the twenty-first session found: one country's act applied in
/// full, domestic law extended, phones switched off in the room, floods and lies, a breach of
/// the Charter, a CERT monitoring traffic, laws on State secrets, a threshold not reached, the
/// outcome of a vote in the Assembly. None is a threat or the applicability of international
/// law.
#[test]
fn near_misses_of_the_twenty_first_session_plain_forms() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: our national data protection act applies in full to companies offering \
         online services. Existing criminal law was extended to cyberspace last year. Delegates \
         are reminded that mobile phones are switched off in this room. After the floods the \
         responsibility lies with all of us. This breach of the Charter, revealed by information \
         from our national CERT, must be addressed. Our national CERT monitors online activity \
         around the clock. Journalists are prosecuted under laws on State secrets. Malicious \
         activities below the threshold do not amount to an armed attack. Some delegations \
         sought to influence the outcome of the vote on the draft resolution.\n",
    );
    assert_no_facts_of(
        &found,
        &[
            "international-law-applies (supports)",
            "internet-shutdowns",
            "disinformation",
            "data-breaches",
            "unlawful-surveillance",
            "cyber-espionage",
            "use-of-force-in-ict-environment",
            "election-interference",
        ],
    );
}

/// Plain forms of the twenty-second session: intrusions and assaults named "cyber", the
/// interception of communications, the manipulation of information, social media blocked,
/// ICTs used for military purposes, a terrorist group named "Da'esh" using the Internet.
#[test]
fn plain_forms_of_the_twenty_second_session() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: we have seen cyber intrusions against government networks. Our \
         ministries were the target of a massive cyber assault. The interception of \
         communications by foreign intelligence agencies violates our sovereignty. The \
         manipulation of information has become a weapon of war. The authorities blocked access \
         to social media during the elections. The use of ICTs for military purposes is \
         increasing. Da'esh used the Internet to recruit foreign fighters. ISIL used social media \
         to spread its propaganda.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("cyber intrusions", "cyber-attacks"),
            ("cyber assault", "cyber-attacks"),
            ("interception of communications", "unlawful-surveillance"),
            ("manipulation of information", "disinformation"),
            ("blocked access to social media", "internet-shutdowns"),
            ("use of ICTs for military purposes", "militarization"),
            ("Da'esh used the Internet", "terrorist-use"),
            ("ISIL used social media", "terrorist-use"),
        ],
    );
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace and the Internet: our courts authorise the lawful interception of \
         communications of suspects. Our cyber offensive capabilities are a matter for our \
         parliament.\n",
    );
    assert_no_facts_of(&found, &["unlawful-surveillance", "cyber-attacks"]);
}

/// Positions in the forms real statements of 2013–2025 use: the applicability of the law as
/// a noun reaffirmed, the applicability qualified to reject it, the compound "cybercrime
/// treaty", Internet governance after a list of adjectives, the international legal
/// regulation of the digital sphere. Near misses: the application of international law as
/// the subject of a centre's work, the Council of Europe's convention, the multi-stakeholder
/// forum named beside intergovernmental machinery.
#[test]
fn positions_in_the_forms_of_real_statements() {
    let found = concept_facts_in(
        "Statement at the First Committee\n\n\
         On cyberspace and ICTs: my delegation reaffirms the applicability of the principles \
         of international law and the Charter of the United Nations to cyberspace. We reject \
         the automatic applicability of international humanitarian law to the ICT environment. \
         We support a new cybercrime treaty under the United Nations. We call for a \
         multilateral, democratic and transparent system of international Internet \
         governance. We advocate the international legal regulation of relations in the \
         digital sphere.\n",
    );
    assert_facts_contain(
        &found,
        &[
            (
                "applicability of the principles of international law and the Charter",
                "international-law-applies (supports)",
            ),
            (
                "automatic applicability of international humanitarian law",
                "international-law-applies (opposes)",
            ),
            ("cybercrime treaty", "cybercrime-convention (supports)"),
            (
                "multilateral, democratic and transparent system of international Internet \
                 governance",
                "multilateral-internet-governance (supports)",
            ),
            (
                "international legal regulation of relations in the digital",
                "legally-binding-instrument (supports)",
            ),
        ],
    );
    let found = concept_facts_in(
        "Statement at the First Committee\n\n\
         On cyberspace and ICTs: we welcome the work of the regional centre on the application \
         of international law to cyber operations. We have long supported the Council of Europe \
         Convention on Cybercrime. Contributions from civil society into intergovernmental \
         machinery should come through other mechanisms such as the Internet Governance \
         Forum.\n",
    );
    assert_no_facts_of(
        &found,
        &[
            "international-law-applies (supports)",
            "cybercrime-convention (supports)",
            "multilateral-internet-governance (supports)",
        ],
    );
}

/// Threats in the forms real statements of 2013–2025 use (a study of delegations' own texts
/// and UN meeting coverage): computer attacks, acts done "maliciously", harms to the delivery
/// of services, attacks on a sector's institutions, cryptocurrency heists, the cyber domain
/// exploited by terrorists, throttling, militarizing the information space, false accusations,
/// a conflict scenario, a tool for propaganda, surveillance technology misused, attacks
/// live-streamed, a named malware, sanctions in cyberspace.
#[test]
fn threats_in_the_forms_of_real_statements() {
    let found = concept_facts(&extract(&fixture("threats-real-forms.txt")));
    assert_facts_contain(
        &found,
        &[
            ("computer attacks", "cyber-attacks"),
            ("maliciously using information", "malicious-ict-activity"),
            (
                "disrupted the delivery of health services",
                "critical-infrastructure-attacks",
            ),
            (
                "cyberattacks on medical institutions",
                "critical-infrastructure-attacks",
            ),
            ("cryptocurrency heists", "cybercrime"),
            ("terrorist exploitation of the cyber", "terrorist-use"),
            ("throttling bandwidth", "internet-shutdowns"),
            ("militarizing the information space", "militarization"),
            (
                "falsely accusing my country of cyberattacks",
                "fabricated-attribution",
            ),
            (
                "turn cyberspace into a new conflict scenario",
                "use-of-force-in-ict-environment",
            ),
            ("use cyberspace as a tool for propaganda", "hostile-content"),
            ("misuse of surveillance technology", "unlawful-surveillance"),
            ("Terrorists were live-streaming", "terrorist-use"),
            ("Shamoon", "cyber-attacks"),
            (
                "Unilateral sanctions in cyberspace",
                "unilateral-coercive-measures",
            ),
        ],
    );
    // Near misses: a war's harm to health services, slow Internet traffic as trafficking,
    // cryptocurrency regulated, a tool for development.
    let found = concept_facts_in(
        "Statement at the First Committee\n\n\
         On ICT security: the war disrupted the delivery of health services. Internet traffic \
         slowed during the storm. Our central bank regulates cryptocurrency exchanges. We use \
         the Internet as a tool for development.\n",
    );
    assert_no_facts_of(
        &found,
        &[
            "critical-infrastructure-attacks",
            "cybercrime",
            "hostile-content",
        ],
    );
}

/// Near misses a blind review of the twenty-second session found (each had given a false fact):
/// terrorists' financing networks and drones, humanitarian access disrupted, terrorist content
/// blocked, war in outer space, nuclear technologies, historical facts, insinuations about human
/// rights, a pandemic's harm to services, the laws of the market, terrorists' communications
/// intercepted, capacity-building as a tool, the multi-stakeholder model, outer space's legal
/// regime, concerns and doubts reaffirmed. Only the two true mentions of the passage remain.
#[test]
fn near_misses_of_the_twenty_second_session() {
    let found = concept_facts(&extract(&fixture("near-misses-twenty-second.txt")));
    for (surface, id) in &found {
        assert!(
            [
                ("terrorist content", "terrorist-use"),
                ("cybercrime", "cybercrime")
            ]
            .contains(&(surface.as_str(), id.as_str())),
            "{surface} {id}: {found:?}"
        );
    }
}

/// "The applicability of international law" is the position only with its ICT domain in the
/// sentence, before or after it: not of the oceans with an ICT word in the next sentence (the
/// bare label did that until the twenty-third session).
#[test]
fn the_applicability_of_international_law_needs_its_domain() {
    let found = concept_facts_in(
        "Statement to the First Committee\n\nWe reaffirm the applicability of international law \
         to the oceans and to the seabed. Cybersecurity threats are growing.\n",
    );
    assert!(
        found
            .iter()
            .all(|(_, id)| !id.starts_with("international-law-applies")),
        "{found:?}"
    );
    let found = concept_facts_in(
        "Statement to the First Committee\n\nIn cyberspace, we reaffirm the applicability of \
         international law.\n",
    );
    assert!(
        found
            .iter()
            .any(|(s, id)| id == "international-law-applies (supports)"
                && s == "applicability of international law"),
        "{found:?}"
    );
}

/// Rules and mechanisms in the words of real statements (the same study): the ICT word before
/// the head ("cyber norms"), rules "for State behaviour", the Tunis wording without "related", the mechanism's name in the OEWG's last
/// report. Near misses: responsible business conduct, behaviour in outer space.
#[test]
fn rules_and_mechanisms_in_the_forms_of_real_statements() {
    let found = concept_facts_in(
        "Statement at the First Committee\n\n\
         On cyberspace and ICTs: we support international cyber norms. We call for rules for \
         State behaviour in the information space. We believe that Internet public policy \
         issues are a sovereign right of States. We support the Global Mechanism on developments \
         in the field of ICTs.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("cyber norms", "rules-of-responsible-behaviour (supports)"),
            (
                "rules for State behaviour",
                "rules-of-responsible-behaviour (supports)",
            ),
            (
                "Internet public policy issues are a sovereign right of States",
                "multilateral-internet-governance (supports)",
            ),
            (
                "Global Mechanism on developments",
                "permanent-mechanism (supports)",
            ),
        ],
    );
    let found = concept_facts_in(
        "Statement at the First Committee\n\n\
         On cyberspace and ICTs: we support the rules of responsible business conduct for \
         technology companies. We support norms of responsible behaviour in outer space.\n",
    );
    assert_no_facts_of(&found, &["rules-of-responsible-behaviour (supports)"]);
}

/// The twenty-seventh session's English forms: the law's reach said as the absence of a gap,
/// implementation asked for as a stance of its own, "without further delay" (no undoing),
/// new cyber norms (further norms, not the agreed ones), "support" as a noun after "is not";
/// and threats: a handful of platforms, platforms answering to no one, hybrid war, the
/// militarisation of this domain.
#[test]
fn gaps_in_the_law_implementation_and_a_handful_of_platforms() {
    let found = concept_facts_in(
        "Statement at the General Debate\n\n\
         On cyberspace: there is no legal vacuum in cyberspace. The future mechanism should give \
         priority to implementation. We support the conclusion, without further delay, of the \
         United Nations convention against cybercrime. We do not see the need for new cyber \
         norms. What the programme of action on ICTs lacks is not support but funding.\n\n\
         On the Internet: a handful of global platforms decide what billions may read. Digital \
         platforms answer to no authority in our countries. Hybrid war travels through cables \
         and servers, and we warn against the militarisation of this domain.\n",
    );
    assert_facts_contain(
        &found,
        &[
            ("legal vacuum", "international-law-applies (supports)"),
            (
                "priority to implementation",
                "action-oriented-recommendations (supports)",
            ),
            (
                "United Nations convention against cybercrime",
                "cybercrime-convention (supports)",
            ),
            ("new cyber norms", "further-norms (opposes)"),
            (
                "handful of global platforms",
                "state-private-sector-imbalance",
            ),
            ("Hybrid war", "use-of-force-in-ict-environment"),
            ("militarisation of this domain", "militarization"),
        ],
    );
    assert_no_facts_of(
        &found,
        &[
            "cybercrime-convention (opposes)",
            "rules-of-responsible-behaviour (opposes)",
            "programme-of-action (opposes)",
        ],
    );
    assert!(
        found
            .iter()
            .any(|(s, i)| s.contains("answer to no") && i == "state-private-sector-imbalance"),
        "{found:?}"
    );
}

/// A denial of a gap claimed by others is no opposition to the law's reach (the session's blind
/// review): "we do not believe there is a legal vacuum" gives no stance on it rather than the
/// opposite one; the agreed norms to be implemented as the priority give both positions.
#[test]
fn a_denied_vacuum_and_the_norms_to_implement() {
    let found = concept_facts_in(
        "Statement at the General Debate

\
         On cyberspace: we do not believe there is a legal vacuum in cyberspace; therefore no \
         new treaty is needed. The priority is to implement the agreed norms.\n",
    );
    assert_no_facts_of(&found, &["international-law-applies (opposes)"]);
    assert_facts_contain(
        &found,
        &[
            ("agreed norms", "rules-of-responsible-behaviour (supports)"),
            ("implement", "action-oriented-recommendations (supports)"),
        ],
    );
}
