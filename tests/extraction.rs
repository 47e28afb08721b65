//! Extraction on the seed statements against hand-checked golden files, and the offset contract
//! (every span's surface is exactly the text at its character offsets) on every fixture.

use crate::util::{fixture, ok, root};
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
        let citations: Vec<Value> = got["citations"]
            .as_array()
            .expect("citations")
            .iter()
            .map(|c| {
                serde_json::json!({
                    "surface": c["surface"], "start": c["start"], "end": c["end"], "id": c["id"],
                    "body": c["body"], "paragraph": c["paragraph"], "kind": c["kind"],
                })
            })
            .collect();
        assert_eq!(
            Value::Array(citations),
            golden["citations"],
            "{stem}: citations"
        );
        let norms: Vec<Value> = got["proposed_norms"]
            .as_array()
            .expect("norms")
            .iter()
            .map(|n| serde_json::json!({"start": n["start"], "end": n["end"], "citations": n["citations"]}))
            .collect();
        assert_eq!(
            Value::Array(norms),
            golden["proposed_norms"],
            "{stem}: proposed norms"
        );
        let alignments: Vec<Value> = got["alignments"]
            .as_array()
            .expect("alignments")
            .iter()
            .map(|a| {
                serde_json::json!({"surface": a["surface"], "start": a["start"], "end": a["end"],
                    "group": a["group"]["iri"], "delivered_by": a["delivered_by"]["code"]})
            })
            .collect();
        assert_eq!(
            Value::Array(alignments),
            golden["alignments"],
            "{stem}: alignments"
        );
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
    let ids: Vec<(&str, &str, &str)> = got["citations"]
        .as_array()
        .expect("citations")
        .iter()
        .map(|c| {
            (
                c["surface"].as_str().unwrap_or(""),
                c["id"].as_str().unwrap_or(""),
                c["kind"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        ids,
        vec![
            ("resolution 1514 (XV)", "A/RES/1514(XV)", "explicit"),
            ("resolutions 242 (1967)", "S/RES/242(1967)", "explicit"),
            ("338 (1973)", "S/RES/338(1973)", "explicit"),
            ("resolution 3379\r\n(XXX)", "A/RES/3379(XXX)", "explicit"),
            ("that resolution", "A/RES/3379(XXX)", "anaphora"),
            ("A/RES/ES-10/2", "A/RES/ES-10/2", "explicit"),
            ("resolution 2231 (2015)", "S/RES/2231(2015)", "explicit"),
            ("resolutions 73/27", "A/RES/73/27", "explicit"),
            ("73/266", "A/RES/73/266", "explicit"),
        ]
    );
    assert_eq!(got["delegation"]["code"], "BRA");
    assert_eq!(
        got["alignments"][0]["group"]["iri"],
        "https://w3id.org/normgraph/id/group/G77"
    );
}
