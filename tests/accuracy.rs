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
