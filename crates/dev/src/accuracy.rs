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
//!
//! With `"facts": "proposals"` the gold marks proposed norms (`docs/annotation-proposals.md`),
//! each with the agreed norms it `refines` and `restates` (notations such as `13(c)`). A
//! proposal counts as found when a predicted one overlaps it by at least half of the shorter
//! span (strict: the same span). Links (`refines 13(c)`, `restates 13(e)`): a predicted link is
//! right when the gold proposal its proposal overlaps has it; the links of a predicted proposal
//! that overlaps none are wrong, those of a gold proposal that none overlaps are missed (one
//! table: the strict and lenient rows of links are the same). The predicted
//! links are what the shipped rules derive ([`Linker`]): the extraction's graph and the
//! reference data, run to a fixpoint, as `infer` does.

use normgraph::extract::lexicon::Lexicon;
use normgraph::extract::{extract, Extraction};
use normgraph::rdf::resources::{resource_quads, Resources};
use normgraph::rdf::vocab;
use normgraph::rules::{load_rule_set, Index, Rule};
use normgraph::source::reader::read_document;
use oxigraph::model::{Term, Triple};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
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
    /// For proposals, the agreed norms it refines (`13(c)`).
    #[serde(default)]
    pub refines: Vec<String>,
    /// For proposals, the agreed norms it restates.
    #[serde(default)]
    pub restates: Vec<String>,
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

impl Miss {
    fn new(
        file: &str,
        what: &'static str,
        span: (usize, usize),
        surface: &str,
        id: String,
    ) -> Self {
        Self {
            file: file.to_owned(),
            what,
            start: span.0,
            end: span.1,
            surface: surface.to_owned(),
            id,
        }
    }
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
    /// The resources (ontology, reference data) cannot be read.
    #[error(transparent)]
    Resources(#[from] normgraph::error::ResourceError),
    /// The rules cannot be read or run.
    #[error(transparent)]
    Rules(#[from] normgraph::error::RuleError),
}

/// The links of proposed norms by span: the agreed norms each refines and restates (notations).
type Links = HashMap<(usize, usize), (Vec<String>, Vec<String>)>;

/// What the shipped rules link proposed norms to: the reference data and the rules, to be run
/// over one statement's graph at a time.
pub struct Linker {
    reference: Vec<Triple>,
    rules: Vec<Rule>,
    /// Agreed norm IRI → its `skos:notation` (`13(c)`).
    notation: HashMap<String, String>,
}

impl Linker {
    /// Reads the ontology, the reference data and the shipped rules.
    pub fn load(resources: &Resources) -> Result<Self, GoldError> {
        let mut files = resources.ontology()?;
        files.extend(resources.reference()?);
        let reference: Vec<Triple> = resource_quads(&files, &vocab::ontology_graph())?
            .into_iter()
            .map(Triple::from)
            .collect();
        let skos_notation = "http://www.w3.org/2004/02/skos/core#notation";
        let notation = reference
            .iter()
            .filter(|t| t.predicate.as_str() == skos_notation)
            .filter_map(|t| match &t.object {
                Term::Literal(l) => Some((t.subject.to_string(), l.value().to_owned())),
                _ => None,
            })
            .map(|(s, n)| (s.trim_matches(['<', '>']).to_owned(), n))
            .collect();
        Ok(Self {
            reference,
            rules: load_rule_set(resources, None)?,
            notation,
        })
    }

    /// The links of each proposed norm of `ex`, by its span: (refines, restates), as notations.
    /// `refines` is what the rules derive; `restates` is extracted.
    fn links(&self, ex: &Extraction) -> Result<Links, GoldError> {
        let mut triples = self.reference.clone();
        triples.extend(
            normgraph::rdf::model::quads(ex)
                .into_iter()
                .map(Triple::from),
        );
        let ev = normgraph::rules::evaluate(Index::from_triples(triples), &self.rules)?;
        let refines = format!("{}refines", vocab::NG);
        let mut refined: HashMap<String, Vec<String>> = HashMap::new();
        for t in ev.derived.iter().filter_map(|f| ev.index.triple(f)) {
            if t.predicate.as_str() != refines {
                continue;
            }
            let Term::NamedNode(o) = &t.object else {
                continue;
            };
            if let (Some(n), oxigraph::model::NamedOrBlankNode::NamedNode(s)) =
                (self.notation.get(o.as_str()), &t.subject)
            {
                refined
                    .entry(s.as_str().to_owned())
                    .or_default()
                    .push(n.clone());
            }
        }
        let notations = |iris: &[String]| -> Vec<String> {
            let mut v: Vec<String> = iris
                .iter()
                .filter_map(|i| self.notation.get(i).cloned())
                .collect();
            v.sort();
            v
        };
        Ok(ex
            .proposed_norms
            .iter()
            .map(|n| {
                let node = normgraph::rdf::model::norm_iri(&ex.statement, &n.span);
                let mut r = refined.remove(&node).unwrap_or_default();
                r.sort();
                r.dedup();
                ((n.span.start, n.span.end), (r, notations(&n.restates)))
            })
            .collect())
    }
}

/// Compares extraction with a gold file. `linker` gives the links of proposed norms (for
/// `"facts": "proposals"`).
pub fn evaluate(
    gold_path: &Path,
    texts: Option<&Path>,
    lexicon: &Lexicon,
    linker: &Linker,
) -> Result<Report, GoldError> {
    let bad = |message: String| GoldError::Gold {
        path: gold_path.to_path_buf(),
        message,
    };
    let (gold, facts) = read_gold(gold_path)?;
    let base = gold_path.parent().unwrap_or(Path::new("."));
    let folder = match (texts, &gold.texts) {
        (Some(t), _) => t.to_path_buf(),
        (None, Some(t)) => base.join(t),
        (None, None) => base.to_path_buf(),
    };
    let mut report = Report {
        listed: if matches!(facts, Facts::Concepts | Facts::Proposals) {
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
        let expected: Vec<GoldCitation> = match facts {
            Facts::Concepts => expected
                .iter()
                .map(|g| concept_entry(g).map_err(&bad))
                .collect::<Result<_, _>>()?,
            Facts::Proposals => expected
                .iter()
                .map(|g| GoldCitation {
                    id: Some("proposal".into()),
                    kind: "proposal".into(),
                    ..g.clone()
                })
                .collect(),
            _ => expected.clone(),
        };
        let predicted = predictions(&ex, facts);
        if facts == Facts::Proposals {
            compare(name, &expected, &predicted, &mut report, half_overlap);
            compare_links(
                name,
                &expected,
                &predicted,
                &linker.links(&ex)?,
                &mut report,
            );
        } else {
            compare(name, &expected, &predicted, &mut report, overlaps);
        }
    }
    Ok(report)
}

/// Reads a gold file and what it compares (its `facts`).
fn read_gold(path: &Path) -> Result<(Gold, Facts), GoldError> {
    let bad = |message: String| GoldError::Gold {
        path: path.to_path_buf(),
        message,
    };
    let text = normgraph::source::file::read_text(path)?;
    let gold: Gold = serde_json::from_str(&text)
        .map_err(|e| bad(format!("line {} column {}: {e}", e.line(), e.column())))?;
    let facts = match gold.facts.as_deref() {
        None | Some("citations") => Facts::Citations,
        Some("instruments") => Facts::Instruments,
        Some("concepts") => Facts::Concepts,
        Some("proposals") => Facts::Proposals,
        Some(other) => {
            return Err(bad(format!(
                "\"facts\": {other:?} is not \"citations\", \"instruments\", \"concepts\" or \"proposals\""
            )))
        }
    };
    Ok((gold, facts))
}

/// Compares a second annotation of the same texts with a gold file, as [`evaluate`] compares
/// the extractor's output: how far two annotators agree (the second one's precision is the
/// share of its marks the first also made, its recall the share of the first one's marks it
/// also made). Both files must mark the same kind of facts (citations, instruments or concepts;
/// for proposals the links would need the rules, and are not compared) and list the same text
/// files (a text with no mention as an empty list). Entries with a null `id` in the second file
/// are left out, as unsettled ones are in the first.
pub fn agreement(gold_path: &Path, second_path: &Path) -> Result<Report, GoldError> {
    let (gold, facts) = read_gold(gold_path)?;
    let (second, second_facts) = read_gold(second_path)?;
    let bad = |path: &Path, message: String| GoldError::Gold {
        path: path.to_path_buf(),
        message,
    };
    if facts == Facts::Proposals || facts != second_facts {
        return Err(bad(
            second_path,
            format!(
                "its \"facts\" ({:?}) must be those of {} ({:?}), citations, instruments or concepts",
                second.facts.as_deref().unwrap_or("citations"),
                gold_path.display(),
                gold.facts.as_deref().unwrap_or("citations"),
            ),
        ));
    }
    if let Some((name, path)) = gold
        .files
        .keys()
        .filter(|n| !second.files.contains_key(*n))
        .map(|n| (n, second_path))
        .chain(
            second
                .files
                .keys()
                .filter(|n| !gold.files.contains_key(*n))
                .map(|n| (n, gold_path)),
        )
        .next()
    {
        return Err(bad(
            path,
            format!("lists no {name:?}, which the other file lists"),
        ));
    }
    let entries = |path: &Path, list: &[GoldCitation]| -> Result<Vec<GoldCitation>, GoldError> {
        if facts == Facts::Concepts {
            list.iter()
                .map(|g| concept_entry(g).map_err(|m| bad(path, m)))
                .collect()
        } else {
            Ok(list.to_vec())
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
        let expected = entries(gold_path, expected)?;
        let predicted = entries(second_path, &second.files[name])?
            .into_iter()
            .filter_map(|g| {
                let id = g.id?;
                Some(Predicted {
                    start: g.start,
                    end: g.end,
                    surface: g.surface,
                    id,
                    kind: g.kind,
                })
            })
            .collect::<Vec<_>>();
        report.files += 1;
        compare(name, &expected, &predicted, &mut report, overlaps);
    }
    Ok(report)
}

/// Compares the links of the proposals (`refines 13(c)`, `restates 13(e)`): a predicted link of
/// a proposal that matches a gold one is right when the gold proposal has it; the links of a
/// predicted proposal that matches none are wrong, those of a gold proposal that none matches
/// are missed. Counted under the kinds `refines` and `restates`, in both tables.
fn compare_links(
    file: &str,
    gold: &[GoldCitation],
    predicted: &[Predicted],
    links: &Links,
    report: &mut Report,
) {
    let labelled = |refines: &[String], restates: &[String]| -> Vec<(&'static str, String)> {
        refines
            .iter()
            .map(|n| ("refines", n.clone()))
            .chain(restates.iter().map(|n| ("restates", n.clone())))
            .collect()
    };
    let mut seen_gold = vec![false; gold.len()];
    let add = |report: &mut Report, kind: &str, tp: usize, fp: usize, fne: usize| {
        for table in [&mut report.strict, &mut report.lenient] {
            let c = table.entry(kind.to_owned()).or_default();
            c.true_positives += tp;
            c.false_positives += fp;
            c.false_negatives += fne;
        }
    };
    for p in predicted {
        let (refines, restates) = links.get(&(p.start, p.end)).cloned().unwrap_or_default();
        let mine = labelled(&refines, &restates);
        let matched = gold
            .iter()
            .position(|g| half_overlap((g.start, g.end), (p.start, p.end)));
        // A gold proposal that an earlier prediction matched already has had its missed links
        // counted.
        let first_match = matched.is_some_and(|i| !seen_gold[i]);
        let theirs = matched
            .map(|i| {
                seen_gold[i] = true;
                labelled(&gold[i].refines, &gold[i].restates)
            })
            .unwrap_or_default();
        for (kind, n) in &mine {
            let right = theirs.iter().any(|(k, m)| k == kind && m == n);
            add(report, kind, usize::from(right), usize::from(!right), 0);
            if !right {
                report.misses.push(Miss::new(
                    file,
                    "spurious",
                    (p.start, p.end),
                    &p.surface,
                    format!("{kind} {n}"),
                ));
            }
        }
        if first_match {
            for (kind, n) in &theirs {
                if !mine.iter().any(|(k, m)| k == kind && m == n) {
                    add(report, kind, 0, 0, 1);
                    report.misses.push(Miss::new(
                        file,
                        "missed",
                        (p.start, p.end),
                        &p.surface,
                        format!("{kind} {n}"),
                    ));
                }
            }
        }
    }
    for (g, seen) in gold.iter().zip(seen_gold) {
        if !seen {
            for (kind, _) in labelled(&g.refines, &g.restates) {
                add(report, kind, 0, 0, 1);
            }
        }
    }
    // Make sure both kinds are reported, even at zero.
    add(report, "refines", 0, 0, 0);
    add(report, "restates", 0, 0, 0);
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
    Proposals,
}

/// One predicted fact, as the gold writes it.
struct Predicted {
    start: usize,
    end: usize,
    surface: String,
    id: String,
    kind: String,
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
                }
                .into(),
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
                    kind: kind.into(),
                })
            })
            .collect(),
        Facts::Concepts => {
            let mention = |m: &normgraph::extract::Mention, kind: &'static str| Predicted {
                start: m.span.start,
                end: m.span.end,
                surface: m.span.surface.clone(),
                id: short_id(&m.concept),
                kind: kind.into(),
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
                    kind: "position".into(),
                }
            }));
            all
        }
        Facts::Proposals => ex
            .proposed_norms
            .iter()
            .map(|n| Predicted {
                start: n.span.start,
                end: n.span.end,
                surface: n.span.surface.clone(),
                id: "proposal".into(),
                kind: "proposal".into(),
            })
            .collect(),
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Whether two spans overlap by at least half of the shorter one.
fn half_overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    let shared = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    shared > 0 && 2 * shared >= shorter
}

fn compare(
    file: &str,
    gold: &[GoldCitation],
    predicted: &[Predicted],
    report: &mut Report,
    overlaps: fn((usize, usize), (usize, usize)) -> bool,
) {
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
                report.misses.push(Miss::new(
                    file,
                    "missed",
                    (g.start, g.end),
                    &g.surface,
                    g.id.clone().unwrap_or_default(),
                ));
            }
        }
        for p in &predicted {
            if !gold.iter().any(|g| same(g, p)) {
                for kind in [p.kind.as_str(), "all"] {
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
                    report.misses.push(Miss::new(
                        file,
                        "spurious",
                        (p.start, p.end),
                        &p.surface,
                        p.id.clone(),
                    ));
                }
            }
        }
    }
}
