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
//!
//! With `"facts": "concepts"` the gold marks principles, threat categories and positions
//! (`docs/annotation.md`): ids are `principle:…`, `threat:…`, `position:…` (the concept IRI's
//! last two segments), each position with its `stance` (`supports`/`opposes`), which must agree
//! too. Spans of paraphrases are a matter of judgement, so for concepts the overlapping
//! (lenient) comparison is the one the disagreements are listed by; per-concept counts are
//! given as well.

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
    /// `explicit` or `anaphora` (citations); `charter-article` or `document` (instruments);
    /// for concepts, the kind is read from the id (`principle`, `threat`, `position`).
    #[serde(default = "explicit")]
    pub kind: String,
    /// For positions, `supports` or `opposes`.
    #[serde(default)]
    pub stance: Option<String>,
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
    /// Counts a gold fact found (`hit`) or missed.
    fn count(&mut self, hit: bool) {
        if hit {
            self.true_positives += 1;
        } else {
            self.false_negatives += 1;
        }
    }

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
    /// Lenient counts per id (concepts only).
    pub by_id: BTreeMap<String, Counts>,
    /// Which comparison the disagreements are listed by: `strict` (citations, instruments) or
    /// `lenient` (concepts).
    pub listed: &'static str,
    /// Every disagreement of the listed comparison.
    pub misses: Vec<Miss>,
}

impl Report {
    /// Adds another report's counts and disagreements to this one.
    pub fn absorb(&mut self, other: Report) {
        self.files += other.files;
        let add = |into: &mut BTreeMap<String, Counts>, from: BTreeMap<String, Counts>| {
            for (k, c) in from {
                let e = into.entry(k).or_default();
                e.true_positives += c.true_positives;
                e.false_positives += c.false_positives;
                e.false_negatives += c.false_negatives;
            }
        };
        add(&mut self.strict, other.strict);
        add(&mut self.lenient, other.lenient);
        add(&mut self.by_id, other.by_id);
        self.listed = other.listed;
        self.misses.extend(other.misses);
    }
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
        Some("concepts") => Facts::Concepts,
        Some(other) => {
            return Err(bad(format!(
                "\"facts\": {other:?} is not \"citations\", \"instruments\" or \"concepts\""
            )))
        }
    };
    let mut report = Report {
        listed: if facts == Facts::Concepts {
            "lenient"
        } else {
            "strict"
        },
        ..Report::default()
    };
    for (name, expected) in &gold.files {
        let doc = read_document(&folder.join(name))?;
        let ex = extract(&doc, lexicon, None)
            .map_err(|u| bad(format!("unknown delegation {}", u.value)))?;
        report.files += 1;
        let expected: Vec<GoldCitation> = if facts == Facts::Concepts {
            expected
                .iter()
                .map(|g| concept_entry(g).map_err(&bad))
                .collect::<Result<_, _>>()?
        } else {
            expected.clone()
        };
        compare(name, &expected, &predictions(&ex, facts), &mut report);
    }
    Ok(report)
}

/// A concept gold entry, with its kind read from the id and a position's stance folded into
/// the id (so that it must agree).
fn concept_entry(g: &GoldCitation) -> Result<GoldCitation, String> {
    let id = g.id.clone().unwrap_or_default();
    let kind = match id.split(':').next() {
        Some(k @ ("principle" | "threat" | "position")) => k.to_owned(),
        _ => return Err(format!("{id:?} is not principle:…, threat:… or position:…")),
    };
    let id = match (kind.as_str(), g.stance.as_deref()) {
        ("position", Some(s @ ("supports" | "opposes"))) => format!("{id} ({s})"),
        ("position", _) => return Err(format!("{id}: a position needs a stance")),
        _ => id,
    };
    Ok(GoldCitation {
        id: Some(id),
        kind,
        ..g.clone()
    })
}

/// The short id of a concept IRI: `…/id/principle/non-intervention` → `principle:non-intervention`.
fn short_id(iri: &str) -> String {
    let mut parts = iri.rsplit('/');
    let local = parts.next().unwrap_or_default();
    let scheme = parts.next().unwrap_or_default();
    format!("{scheme}:{local}")
}

/// What a gold file compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facts {
    Citations,
    Instruments,
    Concepts,
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
        Facts::Concepts => {
            let mention = |m: &normgraph::extract::Mention, kind: &'static str| Predicted {
                start: m.span.start,
                end: m.span.end,
                surface: m.span.surface.clone(),
                id: short_id(&m.concept),
                kind,
            };
            let mut all: Vec<Predicted> = ex
                .principles
                .iter()
                .map(|m| mention(m, "principle"))
                .chain(ex.threats.iter().map(|m| mention(m, "threat")))
                .collect();
            all.extend(ex.positions.iter().map(|p| {
                let stance = p.stance.name();
                Predicted {
                    start: p.span.start,
                    end: p.span.end,
                    surface: p.span.surface.clone(),
                    id: format!("{} ({stance})", short_id(&p.position)),
                    kind: "position",
                }
            }));
            all
        }
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
    let by_concept = report.listed == "lenient";
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
        // Per id (concepts only) and disagreements: in the comparison the report lists by.
        let listed = lenient == by_concept;
        for g in &gold {
            let hit = predicted.iter().any(|p| same(g, p));
            for kind in [g.kind.as_str(), "all"] {
                table.entry(kind.to_owned()).or_default().count(hit);
            }
            if lenient && by_concept {
                report
                    .by_id
                    .entry(g.id.clone().unwrap_or_default())
                    .or_default()
                    .count(hit);
            }
            if !hit && listed {
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
                if lenient && by_concept {
                    report
                        .by_id
                        .entry(p.id.clone())
                        .or_default()
                        .false_positives += 1;
                }
                if listed {
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
