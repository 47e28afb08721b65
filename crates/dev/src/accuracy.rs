//! Measured accuracy: extraction compared with a hand-checked gold file.
//!
//! The gold file is JSON: `{"texts": "<folder of the texts, relative to the gold file>",
//! "facts": "citations" | "instruments", "files": {"NAME.txt": [{"surface", "start", "end", "id",
//! "kind"}, …]}}`. A fact counts as found when a predicted one has the same `start`, `end` and
//! `id` (strict) — or, for the lenient figure, overlaps it with the same `id`. Gold entries whose
//! `id` is null (the text does not settle it) are left out of both counts, as are predictions
//! overlapping them.
//!
//! `facts` (default `citations`) says what is compared: resolution citations (ids are symbols,
//! kinds `explicit`/`anaphora`), or instrument references to Charter articles and UN documents
//! (ids `article-2-4` or the symbol, kinds `charter-article`/`document`; references to the
//! Charter as a whole and to decisions are not compared).

use normgraph::extract::lexicon::Lexicon;
use normgraph::extract::{extract, Extraction};
use normgraph::source::reader::read_document;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One gold fact (a citation, or an instrument reference).
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
    /// `explicit` or `anaphora` (citations); `charter-article` or `document` (instruments).
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
    /// What is compared: `citations` (the default) or `instruments`.
    #[serde(default)]
    pub facts: Option<String>,
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
    Read(#[from] normgraph::error::ReadError),
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
    let text = normgraph::source::file::read_text(gold_path)?;
    let gold: Gold = serde_json::from_str(&text)
        .map_err(|e| bad(format!("line {} column {}: {e}", e.line(), e.column())))?;
    let base = gold_path.parent().unwrap_or(Path::new("."));
    let folder = match (texts, &gold.texts) {
        (Some(t), _) => t.to_path_buf(),
        (None, Some(t)) => base.join(t),
        (None, None) => base.to_path_buf(),
    };
    let facts = match gold.facts.as_deref() {
        None | Some("citations") => Facts::Citations,
        Some("instruments") => Facts::Instruments,
        Some(other) => {
            return Err(bad(format!(
                "\"facts\": {other:?} is neither \"citations\" nor \"instruments\""
            )))
        }
    };
    let mut report = Report::default();
    for (name, expected) in &gold.files {
        let doc = read_document(&folder.join(name))?;
        let ex = extract(&doc, lexicon, None)
            .map_err(|u| bad(format!("unknown delegation {}", u.value)))?;
        report.files += 1;
        compare(name, expected, &predictions(&ex, facts), &mut report);
    }
    Ok(report)
}

/// What a gold file compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facts {
    Citations,
    Instruments,
}

/// One predicted fact, as the gold writes it.
struct Predicted {
    start: usize,
    end: usize,
    surface: String,
    id: String,
    kind: &'static str,
}

fn predictions(ex: &Extraction, facts: Facts) -> Vec<Predicted> {
    use normgraph::extract::citations::CitationKind;
    use normgraph::extract::instruments::InstrumentKind;
    match facts {
        Facts::Citations => ex
            .citations
            .iter()
            .map(|c| Predicted {
                start: c.span.start,
                end: c.span.end,
                surface: c.span.surface.clone(),
                id: c.id.clone(),
                kind: match c.kind {
                    CitationKind::Explicit => "explicit",
                    CitationKind::Anaphora => "anaphora",
                },
            })
            .collect(),
        Facts::Instruments => ex
            .instruments
            .iter()
            .filter_map(|i| {
                let (id, kind) = match i.kind {
                    InstrumentKind::CharterArticle => (
                        i.iri.rsplit('/').next().unwrap_or_default().to_owned(),
                        "charter-article",
                    ),
                    InstrumentKind::Document => (i.label.clone(), "document"),
                    InstrumentKind::Charter | InstrumentKind::Decision => return None,
                };
                Some(Predicted {
                    start: i.span.start,
                    end: i.span.end,
                    surface: i.span.surface.clone(),
                    id,
                    kind,
                })
            })
            .collect(),
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn compare(file: &str, gold: &[GoldCitation], predicted: &[Predicted], report: &mut Report) {
    let unsettled: Vec<(usize, usize)> = gold
        .iter()
        .filter(|g| g.id.is_none())
        .map(|g| (g.start, g.end))
        .collect();
    let gold: Vec<&GoldCitation> = gold.iter().filter(|g| g.id.is_some()).collect();
    let predicted: Vec<&Predicted> = predicted
        .iter()
        .filter(|p| !unsettled.iter().any(|&u| overlaps(u, (p.start, p.end))))
        .collect();
    for lenient in [false, true] {
        let same = |g: &GoldCitation, p: &Predicted| {
            g.id.as_deref() == Some(p.id.as_str())
                && if lenient {
                    overlaps((g.start, g.end), (p.start, p.end))
                } else {
                    g.start == p.start && g.end == p.end
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
                for kind in [p.kind, "all"] {
                    table.entry(kind.to_owned()).or_default().false_positives += 1;
                }
                if !lenient {
                    report.misses.push(Miss {
                        file: file.to_owned(),
                        what: "spurious",
                        start: p.start,
                        end: p.end,
                        surface: p.surface.clone(),
                        id: p.id.clone(),
                    });
                }
            }
        }
    }
}
