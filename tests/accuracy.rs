//! Measured accuracy on the hand-checked gold file of 60 UN General Debate speeches
//! (tests/gold/ungdc-citations.json): the targets of the extraction issue.

use crate::util::{ok, root};

#[test]
fn citation_extraction_meets_the_targets_on_the_gold_speeches() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gold = root().join("tests/gold/ungdc-citations.json");
    let out = ok(
        &dir.path().join("store"),
        dir.path(),
        &["eval", "--gold", gold.to_str().expect("utf8"), "--json"],
    )
    .stdout;
    let report: serde_json::Value = serde_json::from_str(&out).expect("json report");
    assert_eq!(report["files"], 60);
    let all = &report["strict"]["all"];
    let tp = all["true_positives"].as_f64().expect("tp");
    let fp = all["false_positives"].as_f64().expect("fp");
    let fn_ = all["false_negatives"].as_f64().expect("fn");
    let precision = tp / (tp + fp);
    let recall = tp / (tp + fn_);
    assert!(precision >= 0.99, "precision {precision:.4} below 0.99");
    assert!(recall >= 0.97, "recall {recall:.4} below 0.97");
}

/// Charter articles and UN document symbols in 30 other speeches
/// (tests/gold/ungdc-instruments.json, hand-checked without looking at the extractor's output;
/// since used in development). The floor guards against regressions; the figures are in the
/// README.
#[test]
fn instrument_references_stay_accurate_on_their_gold_speeches() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gold = root().join("tests/gold/ungdc-instruments.json");
    let out = ok(
        &dir.path().join("store"),
        dir.path(),
        &["eval", "--gold", gold.to_str().expect("utf8"), "--json"],
    )
    .stdout;
    let report: serde_json::Value = serde_json::from_str(&out).expect("json report");
    assert_eq!(report["files"], 30);
    for kind in ["charter-article", "document"] {
        let c = &report["strict"][kind];
        let tp = c["true_positives"].as_f64().expect("tp");
        let fp = c["false_positives"].as_f64().expect("fp");
        let fn_ = c["false_negatives"].as_f64().expect("fn");
        let (precision, recall) = (tp / (tp + fp), tp / (tp + fn_));
        assert!(precision >= 0.95, "{kind}: precision {precision:.4}");
        assert!(recall >= 0.85, "{kind}: recall {recall:.4}");
    }
}
