//! Measured accuracy: extraction compared with a hand-checked gold file.
//!
//! The gold file is JSON: `{"texts": "<folder of the texts, relative to the gold file>",
//! "files": {"NAME.txt": [{"surface", "start", "end", "id", "kind"}, …]}}`. A citation counts as
//! found when a predicted citation has the same `start`, `end` and `id` (strict) — or, for the
//! lenient figure, overlaps it with the same `id`. Gold entries whose `id` is null (the text does
//! not settle the resolution) are left out of both counts, as are predictions overlapping them.

use crate::extract::{extract, Citation};
use crate::lexicon::Lexicon;
use crate::reader::read_document;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One gold citation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldCitation {
    /// Exact text.
    pub surface: String,
    /// Start offset (characters).
    pub start: usize,
    /// End offset (characters).
    pub end: usize,
    /// Normalised symbol, or null when the text does not settle it.
    pub id: Option<String>,
    /// `explicit` or `anaphora`.
    #[serde(default = "explicit")]
    pub kind: String,
}

fn explicit() -> String {
    "explicit".into()
}

/// A gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// Folder of the texts, relative to the gold file.
    #[serde(default)]
    pub texts: Option<String>,
    /// Expected citations per file name.
    pub files: BTreeMap<String, Vec<GoldCitation>>,
}

/// Counts for one kind of citation.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Predicted and correct.
    pub true_positives: usize,
    /// Predicted, not in gold.
    pub false_positives: usize,
    /// In gold, not predicted.
    pub false_negatives: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    /// Recall (1 when the gold is empty).
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A disagreement with the gold.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Miss {
    /// The file.
    pub file: String,
    /// `missed` (in gold only) or `spurious` (predicted only).
    pub what: &'static str,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The text.
    pub surface: String,
    /// The id.
    pub id: String,
}

/// The comparison.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    /// Files compared.
    pub files: usize,
    /// Strict counts per kind (`explicit`, `anaphora`, `all`).
    pub strict: BTreeMap<String, Counts>,
    /// Lenient (overlapping span) counts per kind.
    pub lenient: BTreeMap<String, Counts>,
    /// Every strict disagreement.
    pub misses: Vec<Miss>,
}

/// Errors reading a gold file or its texts.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The gold file cannot be read or parsed.
    #[error("{path}: {message}")]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A text named in the gold cannot be read.
    #[error(transparent)]
    Read(#[from] crate::error::ReadError),
}

/// Compares extraction with a gold file.
pub fn evaluate(
    gold_path: &Path,
    texts: Option<&Path>,
    lexicon: &Lexicon,
) -> Result<Report, GoldError> {
    let bad = |message: String| GoldError::Gold {
        path: gold_path.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(gold_path).map_err(|e| bad(format!("cannot read: {e}")))?;
    let gold: Gold = serde_json::from_str(&text)
        .map_err(|e| bad(format!("line {} column {}: {e}", e.line(), e.column())))?;
    let base = gold_path.parent().unwrap_or(Path::new("."));
    let folder = match (texts, &gold.texts) {
        (Some(t), _) => t.to_path_buf(),
        (None, Some(t)) => base.join(t),
        (None, None) => base.to_path_buf(),
    };
    let mut report = Report::default();
    for (name, expected) in &gold.files {
        let doc = read_document(&folder.join(name))?;
        let ex = extract(&doc, lexicon, None)
            .map_err(|u| bad(format!("unknown delegation {}", u.value)))?;
        report.files += 1;
        compare(name, expected, &ex.citations, &mut report);
    }
    Ok(report)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn compare(file: &str, gold: &[GoldCitation], predicted: &[Citation], report: &mut Report) {
    let unsettled: Vec<(usize, usize)> = gold
        .iter()
        .filter(|g| g.id.is_none())
        .map(|g| (g.start, g.end))
        .collect();
    let gold: Vec<&GoldCitation> = gold.iter().filter(|g| g.id.is_some()).collect();
    let predicted: Vec<&Citation> = predicted
        .iter()
        .filter(|p| {
            !unsettled
                .iter()
                .any(|&u| overlaps(u, (p.span.start, p.span.end)))
        })
        .collect();
    let kind_of = |k: crate::extract::citations::CitationKind| match k {
        crate::extract::citations::CitationKind::Explicit => "explicit",
        crate::extract::citations::CitationKind::Anaphora => "anaphora",
    };
    for lenient in [false, true] {
        let same = |g: &GoldCitation, p: &Citation| {
            g.id.as_deref() == Some(p.id.as_str())
                && if lenient {
                    overlaps((g.start, g.end), (p.span.start, p.span.end))
                } else {
                    g.start == p.span.start && g.end == p.span.end
                }
        };
        let table = if lenient {
            &mut report.lenient
        } else {
            &mut report.strict
        };
        for g in &gold {
            let hit = predicted.iter().any(|p| same(g, p));
            for kind in [g.kind.as_str(), "all"] {
                let c = table.entry(kind.to_owned()).or_default();
                if hit {
                    c.true_positives += 1;
                } else {
                    c.false_negatives += 1;
                }
            }
            if !hit && !lenient {
                report.misses.push(Miss {
                    file: file.to_owned(),
                    what: "missed",
                    start: g.start,
                    end: g.end,
                    surface: g.surface.clone(),
                    id: g.id.clone().unwrap_or_default(),
                });
            }
        }
        for p in &predicted {
            if !gold.iter().any(|g| same(g, p)) {
                for kind in [kind_of(p.kind), "all"] {
                    table.entry(kind.to_owned()).or_default().false_positives += 1;
                }
                if !lenient {
                    report.misses.push(Miss {
                        file: file.to_owned(),
                        what: "spurious",
                        start: p.span.start,
                        end: p.span.end,
                        surface: p.span.surface.clone(),
                        id: p.id.clone(),
                    });
                }
            }
        }
    }
}
