//! Measured accuracy on the hand-checked gold files: citations in 60 UN General Debate speeches
//! (tests/gold/ungdc-citations.json, the targets of the extraction issue) and Charter articles
//! and document symbols in 30 others (tests/gold/ungdc-instruments.json).

use crate::util::{ok, root};

/// `normgraph eval --json` on a gold file of tests/gold/.
fn report(gold: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let gold = root().join("tests/gold").join(gold);
    let out = ok(
        &dir.path().join("store"),
        dir.path(),
        &["eval", "--gold", gold.to_str().expect("utf8"), "--json"],
    )
    .stdout;
    serde_json::from_str(&out).expect("json report")
}

/// Strict precision and recall of one kind (or `all`) in a report.
fn precision_recall(report: &serde_json::Value, kind: &str) -> (f64, f64) {
    let c = &report["strict"][kind];
    let tp = c["true_positives"].as_f64().expect("tp");
    let fp = c["false_positives"].as_f64().expect("fp");
    let fn_ = c["false_negatives"].as_f64().expect("fn");
    (tp / (tp + fp), tp / (tp + fn_))
}

#[test]
fn citation_extraction_meets_the_targets_on_the_gold_speeches() {
    let report = report("ungdc-citations.json");
    assert_eq!(report["files"], 60);
    let (precision, recall) = precision_recall(&report, "all");
    assert!(precision >= 0.99, "precision {precision:.4} below 0.99");
    assert!(recall >= 0.97, "recall {recall:.4} below 0.97");
}

/// Hand-checked without looking at the extractor's output, since used in development: the floor
/// guards against regressions; the figures are in the README.
#[test]
fn instrument_references_stay_accurate_on_their_gold_speeches() {
    let report = report("ungdc-instruments.json");
    assert_eq!(report["files"], 30);
    for kind in ["charter-article", "document"] {
        let (precision, recall) = precision_recall(&report, kind);
        assert!(precision >= 0.95, "{kind}: precision {precision:.4}");
        assert!(recall >= 0.85, "{kind}: recall {recall:.4}");
    }
}
