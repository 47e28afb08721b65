//! Extraction: from one statement's text to the facts it states, each with its evidence span.
//!
//! Stages, one module each: [`text`] (blocks and sentences), [`metadata`] (who, when, where),
//! [`speakers`] (the turns of verbatim records), [`citations`] (UN resolutions, normalised, with
//! [`numbers`] for what a number alone says), [`instruments`] (the Charter and its articles,
//! documents, decisions), [`norms`] (proposed norms), [`alignment`] (group statements),
//! [`positions`] (stances on contested proposals). Threat categories, principles and bodies are
//! found by their SKOS labels through the [`Lexicon`] ([`lexicon`]), which also carries the
//! number tables and the regular expressions of `data/cues/` ([`cues`]). [`batch`] reads and
//! extracts many files at once. All offsets in the output are character offsets (see
//! [`crate::source::reader`]).

pub mod alignment;
pub mod batch;
pub mod citations;
pub mod cues;
pub mod instruments;
pub mod language;
pub mod lexicon;
pub mod metadata;
pub mod norms;
pub mod numbers;
pub mod phrases;
pub mod positions;
pub mod speakers;
pub mod text;

use crate::extract::lexicon::{Concept, Kind, Lexicon};
use crate::rdf::vocab;
use crate::source::manifest::ManifestRow;
use crate::source::reader::{CharIndex, Document};
use citations::{CitationKind, Organ};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// A named thing (delegation, body, concept) in the output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    /// Its IRI.
    pub iri: String,
    /// Its display label.
    pub label: String,
    /// Its code (ISO 3166-1 alpha-3 for States), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl From<&Concept> for Named {
    fn from(c: &Concept) -> Self {
        Named {
            iri: c.iri.clone(),
            label: c.label.clone(),
            code: c.iso3.clone(),
        }
    }
}

/// A text span with the sentence it stands in. Offsets are characters once extraction is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The exact text of the span.
    pub surface: String,
    /// Offset of the first character.
    pub start: usize,
    /// Offset after the last character.
    pub end: usize,
    /// The whole sentence around the span (white space collapsed), for explanations.
    #[serde(skip)]
    pub sentence: String,
    /// Up to 32 characters before the span (`oa:prefix`).
    #[serde(skip)]
    pub prefix: String,
    /// Up to 32 characters after the span (`oa:suffix`).
    #[serde(skip)]
    pub suffix: String,
    /// The page the span begins on, when the document has pages (a PDF, or a text with form
    /// feeds between its pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A citation of a UN resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The normalised symbol, e.g. `A/RES/73/27`.
    pub id: String,
    /// `GA` or `SC`.
    pub body: Organ,
    /// The paragraph cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    /// `explicit` or `anaphora`.
    pub kind: CitationKind,
    /// The symbol as literally written, when the text's session or year contradicts the number
    /// and `id` is the resolution the number identifies ("2758 (XXXVI)" → `A/RES/2758(XXVI)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_written: Option<String>,
}

/// A reference to an instrument other than a resolution: the Charter or one of its articles, a
/// UN document by symbol, a General Assembly decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstrumentRef {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The instrument's IRI (`…/id/charter/article-2-4`, `https://undocs.org/A/70/174`).
    pub iri: String,
    /// `charter`, `charter-article`, `document` or `decision`.
    pub kind: instruments::InstrumentKind,
    /// Its display label ("Article 2(4)", the symbol).
    pub label: String,
}

/// A mention of a concept (threat category, principle, body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The concept IRI.
    pub concept: String,
    /// The concept's preferred label.
    pub label: String,
}

/// `mentions` without those that name an article ("Article 51 of the Charter") in a sentence
/// that also names the principle it codifies in its own words ("the inherent right of
/// collective self-defence that Article 51 of the Charter recognises"): there the principle's
/// words are the mention (`docs/annotation.md`, decided in the thirteenth session).
fn without_articles_beside_their_principle(mentions: Vec<Mention>) -> Vec<Mention> {
    let is_article = |m: &Mention| m.span.surface.starts_with("Article ");
    fn key(m: &Mention) -> (&str, &str) {
        (m.concept.as_str(), m.span.sentence.as_str())
    }
    // The sentences where each principle is named in its own words (one pass: a statement may
    // hold thousands of mentions).
    let named: std::collections::HashSet<(&str, &str)> = mentions
        .iter()
        .filter(|m| !is_article(m))
        .map(key)
        .collect();
    let keep: Vec<bool> = mentions
        .iter()
        .map(|m| !is_article(m) || !named.contains(&key(m)))
        .collect();
    mentions
        .into_iter()
        .zip(keep)
        .filter_map(|(m, k)| k.then_some(m))
        .collect()
}

/// A stance the statement takes on a contested proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PositionTaken {
    /// The proposal's label in the text.
    #[serde(flatten)]
    pub span: Span,
    /// The `ng:Position` concept.
    pub position: String,
    /// Its preferred label.
    pub label: String,
    /// `supports` or `opposes`.
    pub stance: positions::Stance,
    /// The words that carry the stance ("we need", "premature").
    pub cue: String,
}

/// A proposed norm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposedNorm {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// Its text without Markdown marks, white space collapsed.
    pub text: String,
    /// Principles it invokes (IRIs).
    pub principles: Vec<String>,
    /// Threat categories it addresses (IRIs).
    pub threats: Vec<String>,
    /// Resolutions it cites (symbols).
    pub citations: Vec<String>,
    /// Other instruments it refers to: Charter articles, documents, decisions (IRIs).
    pub instruments: Vec<String>,
    /// What it regulates: the subject matters of agreed norms whose word patterns its wording
    /// matches, each with the matched words.
    pub subjects: Vec<SubjectMatch>,
    /// Agreed norms it restates: nearly the same content words, both ways (IRIs).
    pub restates: Vec<String>,
}

/// Words of a proposed norm that state a subject matter an agreed norm regulates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectMatch {
    /// The matched words.
    #[serde(flatten)]
    pub span: Span,
    /// The subject matter (IRI).
    pub subject: String,
}

/// Words after which what a rule names is named in passing: an example or an addition to what
/// the rule is about ("intervention …, including through attacks on critical infrastructure").
static IN_PASSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:including|such\s+as|as\s+well\s+as|inter\s+alia|among\s+others|for\s+example|for\s+instance|e\.g\.)\W")
        .expect("valid regex")
});

/// Whether a subject matter matched at `at` inside the proposal starting at `start` is named in
/// passing: after "including", "such as", "as well as" … in the same sentence. A passing mention
/// does not make the proposal refine the agreed norm that regulates it.
fn in_passing(text: &str, start: usize, at: usize) -> bool {
    let (sentence, _) = text::sentence_around(text, at, at);
    IN_PASSING.is_match(&text[sentence.max(start)..at])
}

/// The agreed norms whose wording the proposal `text` says again
/// ([`phrases::say_the_same`]).
fn restated(text: &str, agreed: &[lexicon::AgreedNorm]) -> Vec<String> {
    let mine = phrases::content_stems(text);
    agreed
        .iter()
        .filter(|a| phrases::say_the_same(&mine, &a.stems))
        .map(|a| a.iri.clone())
        .collect()
}

/// Alignment with a group statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alignment {
    /// The sentence that says so.
    #[serde(flatten)]
    pub span: Span,
    /// The group.
    pub group: Named,
    /// The delegation that delivered the group statement, when named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered_by: Option<Named>,
}

/// Everything extracted from one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extraction {
    /// The file path as given.
    pub source: String,
    /// The statement's IRI.
    pub statement: String,
    /// The statement's named graph.
    pub graph: String,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
    /// Length of the text in characters.
    pub length: usize,
    /// The delegation delivering it.
    pub delegation: Option<Named>,
    /// Speaker's name.
    pub speaker: Option<String>,
    /// Speaker's post.
    pub speaker_role: Option<String>,
    /// Date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
    /// City.
    pub venue: Option<String>,
    /// The body addressed.
    pub meeting_body: Option<Named>,
    /// The session of that body.
    pub session: Option<u32>,
    /// Title.
    pub title: Option<String>,
    /// Language tag: from the manifest or front matter, else detected from the text
    /// ([`language::detect`]).
    pub language: Option<String>,
    /// Source URL (from a manifest).
    pub source_url: Option<String>,
    /// Citations of UN resolutions.
    pub citations: Vec<Citation>,
    /// References to the Charter, its articles, UN documents and decisions.
    pub instruments: Vec<InstrumentRef>,
    /// Threat categories named.
    pub threats: Vec<Mention>,
    /// Principles invoked.
    pub principles: Vec<Mention>,
    /// Bodies and processes named.
    pub bodies: Vec<Mention>,
    /// Stances on contested proposals.
    pub positions: Vec<PositionTaken>,
    /// Named incidents (Stuxnet, WannaCry, …).
    pub incidents: Vec<Mention>,
    /// Norms proposed.
    pub proposed_norms: Vec<ProposedNorm>,
    /// Alignments with group statements.
    pub alignments: Vec<Alignment>,
}

/// A manifest value that does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownDelegation {
    /// The value given.
    pub value: String,
    /// The manifest file.
    pub manifest: std::path::PathBuf,
    /// The manifest line.
    pub line: u64,
}

/// Fragments of the IRIs of the bodies of the ICT debate (`…/body/oewg-2021-2025`, `…/body/gge`).
const ICT_BODIES: [&str; 2] = ["/body/oewg", "/body/gge"];

struct Spanner<'a> {
    /// The text as written.
    text: &'a str,
    /// The text the facts were found in, when it is `text` with its Arabic marks taken out:
    /// their offsets are taken back to `text` ([`text::Folded::original`]).
    folded: Option<&'a text::Folded>,
    index: CharIndex<'a>,
    /// Character offset of `text` in the whole document (a turn of a verbatim record).
    base: usize,
    /// The page `text` begins on, when the document has pages.
    first_page: Option<u32>,
    /// Byte offsets of the form feeds (page breaks) in `text`.
    page_breaks: Vec<usize>,
    /// The cleaned sentences already made, by their byte range (many facts share a sentence).
    sentences: std::cell::RefCell<std::collections::HashMap<(usize, usize), String>>,
}

impl Spanner<'_> {
    /// `start..end` in the text the facts were found in, as an offset range of the text as
    /// written.
    fn original(&self, start: usize, end: usize) -> (usize, usize) {
        match self.folded {
            Some(f) => (f.original(start), f.original(end)),
            None => (start, end),
        }
    }

    /// The text as written at `start..end`, a range of the text the facts were found in.
    fn written(&self, start: usize, end: usize) -> &str {
        let (start, end) = self.original(start, end);
        &self.text[start..end]
    }

    /// The span of a fact found at `start..end` (offsets of the text the facts were found in).
    fn span(&self, start: usize, end: usize) -> Span {
        let (start, end) = self.original(start, end);
        let (s, e) = text::sentence_around(self.text, start, end);
        let (s, e) = (s.min(start), e.max(end));
        Span {
            surface: self.text[start..end].to_owned(),
            start: self.base + self.index.char_offset(start),
            end: self.base + self.index.char_offset(end),
            sentence: self
                .sentences
                .borrow_mut()
                .entry((s, e))
                .or_insert_with(|| truncate_chars(text::clean(&self.text[s..e]), 1000))
                .clone(),
            prefix: self.text[..start]
                .chars()
                .rev()
                .take(32)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect(),
            suffix: self.text[end..].chars().take(32).collect(),
            page: self.first_page.map(|first| {
                first + u32::try_from(self.page_breaks.partition_point(|&b| b < start)).unwrap_or(0)
            }),
        }
    }
}

/// Cuts a string to at most `max` characters, marking the cut with an ellipsis.
fn truncate_chars(s: String, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

/// Extracts the facts of one statement. A manifest row, when given, overrides the metadata read
/// from the text; a manifest delegation the reference data does not know is an error.
pub fn extract(
    doc: &Document,
    lexicon: &Lexicon,
    row: Option<&ManifestRow>,
) -> Result<Extraction, UnknownDelegation> {
    let row = effective_row(doc, row);
    let text = &doc.text[doc.body..];
    let language = language_of(row.as_ref(), text);
    extract_whole(doc, lexicon, row.as_ref(), language)
}

/// The statement's language: the one its manifest row or front matter declares, else the one
/// its text is detected to be in (detection is not run when one is declared).
fn language_of<'a>(row: Option<&'a ManifestRow>, text: &str) -> Option<&'a str> {
    declared_language(row).or_else(|| language::detect(text))
}

/// [`extract`] with the effective manifest row and the language already known.
fn extract_whole(
    doc: &Document,
    lexicon: &Lexicon,
    row: Option<&ManifestRow>,
    language: Option<&str>,
) -> Result<Extraction, UnknownDelegation> {
    let meta = metadata::read(&doc.text[doc.body..], lexicon, language);
    extract_region(
        doc,
        lexicon,
        row,
        doc.body..doc.text.len(),
        doc.slug(),
        Region {
            meta,
            turn: None,
            language: language.map(str::to_owned),
        },
    )
}

/// The language the manifest row or front matter gives, if any.
fn declared_language(row: Option<&ManifestRow>) -> Option<&str> {
    row.and_then(|r| r.language.as_deref())
        .filter(|l| !l.is_empty())
}

/// The metadata that overrides what the text says: the document's front matter, with the
/// manifest row's values over it.
fn effective_row(doc: &Document, row: Option<&ManifestRow>) -> Option<ManifestRow> {
    match (&doc.front_matter, row) {
        (Some(front), Some(row)) => Some(front.overlay(row)),
        (Some(front), None) => Some(front.clone()),
        (None, row) => row.cloned(),
    }
}

/// Extracts every statement of a document: one per speaker's turn if it is a verbatim record
/// (see [`speakers`]; the presiding officer's turns are left out), else the document as one
/// statement. A turn is named `<file slug>/turn/<NN>` (its rank among all headings), takes its
/// speaker and delegation from its heading and the rest of its metadata (date, body, session,
/// venue, title) from the record's header and the manifest row; offsets stay offsets into the
/// whole file.
pub fn extract_all(
    doc: &Document,
    lexicon: &Lexicon,
    given: Option<&ManifestRow>,
) -> Result<Vec<Extraction>, UnknownDelegation> {
    let text = &doc.text[doc.body..];
    let row = effective_row(doc, given);
    let row = row.as_ref();
    let language = language_of(row, text);
    let turns: Vec<speakers::Turn> = speakers::turns(text, lexicon, language)
        .into_iter()
        .map(|mut t| {
            t.start += doc.body;
            t.body_start += doc.body;
            t.end += doc.body;
            t
        })
        .collect();
    if turns.is_empty() {
        return Ok(vec![extract_whole(doc, lexicon, row, language)?]);
    }
    let header = metadata::read(&doc.text[doc.body..turns[0].start], lexicon, language);
    let slug = doc.slug();
    let mut out = Vec::new();
    for (i, turn) in turns.iter().enumerate().filter(|(_, t)| !t.presiding) {
        let mut meta = header.clone();
        // A speaker named by person, with no delegation in the heading: the one its opening
        // speaks for ("I have the honour to speak on behalf of the Group of 77 and China").
        meta.delegation = turn.delegation.clone().or_else(|| {
            (turn.role.is_none() && !turn.presiding)
                .then(|| {
                    speakers::opening_delegation(
                        &doc.text[turn.body_start..turn.end],
                        lexicon,
                        language,
                    )
                })
                .flatten()
        });
        meta.speaker = turn.speaker.clone();
        meta.speaker_role = match (&turn.role, &turn.speaker, &turn.delegation) {
            (Some(role), _, _) => Some(role.clone()),
            (None, Some(_), None) => turn.affiliation.clone(),
            _ => None,
        };
        out.push(extract_region(
            doc,
            lexicon,
            row,
            turn.body_start..turn.end,
            format!("{slug}/turn/{:02}", i + 1),
            Region {
                meta,
                turn: Some(turn),
                language: None,
            },
        )?);
    }
    Ok(out)
}

/// What is already known of a region before its extraction.
struct Region<'a> {
    /// Metadata read from the text (a manifest row overrides it; for a turn of a record, not
    /// its delegation or speaker).
    meta: metadata::TextMetadata,
    /// The turn of a record the region is, if it is one.
    turn: Option<&'a speakers::Turn>,
    /// The region's language, when already told (else the manifest row's, else detected).
    language: Option<String>,
}

/// Extracts the statement in `doc.text[range]`.
fn extract_region(
    doc: &Document,
    lexicon: &Lexicon,
    row: Option<&ManifestRow>,
    range: std::ops::Range<usize>,
    slug: String,
    region: Region<'_>,
) -> Result<Extraction, UnknownDelegation> {
    let Region {
        meta,
        turn,
        language: told,
    } = region;
    let written = &doc.text[range.clone()];
    // Facts are found in the text without its Arabic marks, if it has any; their spans are
    // those of the text as written.
    let folded = text::fold_arabic_marks(written);
    let text: &str = folded.as_ref().map_or(written, |f| f.text.as_str());
    let sp = Spanner {
        text: written,
        folded: folded.as_ref(),
        index: CharIndex::new(written),
        base: doc.text[..range.start].chars().count(),
        first_page: crate::source::reader::page_at(&doc.text, range.start),
        page_breaks: written.match_indices('\u{c}').map(|(i, _)| i).collect(),
        sentences: std::cell::RefCell::default(),
    };
    let find_named = |kind: Kind, iri: &str| {
        lexicon
            .matcher(kind)
            .concepts()
            .iter()
            .find(|c| c.iri == iri)
            .map(Named::from)
    };
    let mut delegation = meta
        .delegation
        .as_deref()
        .and_then(|iri| find_named(Kind::State, iri).or_else(|| find_named(Kind::Group, iri)));
    let mut body = meta.body.as_deref().and_then(|iri| {
        find_named(Kind::Body, iri).or_else(|| {
            Some(Named {
                iri: iri.to_owned(),
                label: iri.rsplit('/').next().unwrap_or(iri).to_owned(),
                code: None,
            })
        })
    });
    let mut ex_meta = (
        meta.speaker,
        meta.speaker_role,
        meta.date,
        meta.venue,
        meta.session,
        meta.title,
    );
    let (mut language, mut source_url) = (None, None);
    if let Some(row) = row {
        if let Some(d) = row
            .delegation
            .as_deref()
            .filter(|d| !d.is_empty() && turn.is_none())
        {
            delegation = Some(Named::from(lexicon.delegation(d).ok_or_else(|| {
                UnknownDelegation {
                    value: d.to_owned(),
                    manifest: row.manifest.clone(),
                    line: row.line,
                }
            })?));
        }
        if let Some(b) = row.body.as_deref().filter(|b| !b.is_empty()) {
            let iri = format!("{}body/{b}", vocab::ID);
            body = find_named(Kind::Body, &iri).or(Some(Named {
                iri,
                label: b.to_owned(),
                code: None,
            }));
        }
        let pick = |m: &Option<String>, cur: &mut Option<String>| {
            if let Some(v) = m.as_deref().filter(|v| !v.is_empty()) {
                *cur = Some(v.to_owned());
            }
        };
        if turn.is_none() {
            pick(&row.speaker, &mut ex_meta.0);
            pick(&row.speaker_role, &mut ex_meta.1);
        }
        pick(&row.date, &mut ex_meta.2);
        pick(&row.venue, &mut ex_meta.3);
        if row.session.is_some() {
            ex_meta.4 = row.session;
        }
        pick(&row.title, &mut ex_meta.5);
        pick(&row.language, &mut language);
        pick(&row.source_url, &mut source_url);
    }
    if language.is_none() {
        language = told.or_else(|| language::detect(text).map(str::to_owned));
    }

    let year = ex_meta
        .2
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<u32>().ok());
    let found_citations = citations::find_dated(text, year, &lexicon.numbers, &lexicon.organs);
    let mut found_instruments = instruments::find(text);
    // Documents named by a title in the reference data ("the 2015 GGE report").
    let documents = lexicon.matcher(Kind::Document);
    for h in documents.find_all(text) {
        let concept = &documents.concepts()[h.concept];
        if found_instruments
            .iter()
            .any(|f| f.start < h.end && h.start < f.end)
        {
            continue;
        }
        found_instruments.push(instruments::FoundInstrument {
            start: h.start,
            end: h.end,
            iri: concept.iri.clone(),
            kind: instruments::InstrumentKind::Document,
            label: concept
                .iri
                .strip_prefix(vocab::UNDOCS)
                .unwrap_or(&concept.label)
                .to_owned(),
        });
    }
    found_instruments.sort_by_key(|f| (f.start, f.end));
    let citations: Vec<Citation> = found_citations
        .iter()
        .map(|c| Citation {
            span: sp.span(c.start, c.end),
            id: c.id.clone(),
            body: c.organ,
            paragraph: c.paragraph.clone(),
            kind: c.kind,
            as_written: c.as_written.clone(),
        })
        .collect();

    let ict_body = body
        .as_ref()
        .is_some_and(|b| ICT_BODIES.iter().any(|k| b.iri.contains(k)));
    // The words of the text, split once for the word patterns of every kind.
    let tokens = phrases::Tokens::of(text, 0, text.len());
    // Principles, threats and positions are matched with the labels of the statement's
    // language as well as the English ones.
    let statement_language = language.clone();
    let lang = statement_language.as_deref();
    // A Russian statement's words, stemmed once for the three kinds below.
    let russian_text = (lang == Some("ru")).then(|| lexicon::RussianText::new(text, 0, text.len()));
    // The Russian labels of `kind` found in a Russian statement on their stems (matched with
    // the labels as written, as if they were).
    let russian_declined = |kind: Kind| -> Vec<lexicon::Hit> {
        russian_text
            .as_ref()
            .map(|words| lexicon.find_russian_names_in(kind, text, words))
            .unwrap_or_default()
    };
    let mentions_where =
        |kind: Kind, keep: &dyn Fn(usize, usize, &Concept) -> bool| -> Vec<Mention> {
            let m = lexicon.matcher_in(kind, lang);
            let kept = |h: &lexicon::Hit| keep(h.start, h.end, &m.concepts()[h.concept]);
            // With the Russian labels in any grammatical case, on their stems.
            let mut hits: Vec<lexicon::Hit> = m
                .find_all_with_also(text, &tokens, russian_declined(kind))
                .into_iter()
                .filter(kept)
                .collect();
            // Acts that are a concept's where its actor is named (`ng:actPattern`: "they collect
            // money through the same networks" after "these terrorist groups"), kept by the same
            // test.
            let acted = m.acted(text, &tokens, &hits);
            hits.extend(acted.into_iter().filter(kept));
            // Harms told in plain words where an ICT means is named (`ng:harmPattern`: "the
            // computer systems of a regional hospital went dark"), kept by the same test.
            let harmed = m.harmed(text, &tokens, &hits);
            hits.extend(harmed.into_iter().filter(kept));
            // Facts the others imply (`ng:impliedBy`: "health authorities were hit by ransomware"
            // is also an attack on critical infrastructure), kept by the same test.
            let implied = m.implied(text, &tokens, &hits);
            hits.extend(implied.into_iter().filter(kept));
            // A harm named by a more precise concept is not also one of the concept it
            // specifies (`ng:specifies`: a break-in marked once).
            let mut hits = m.without_specified(hits);
            hits.sort_by_key(|h| (h.start, h.end, h.concept));
            hits.into_iter()
                .map(|h| Mention {
                    span: sp.span(h.start, h.end),
                    concept: m.concepts()[h.concept].iri.clone(),
                    label: m.concepts()[h.concept].label.clone(),
                })
                .collect()
        };
    let mentions = |kind: Kind| mentions_where(kind, &|_, _, _| true);

    // Where the text names words of the ICT debate, read once.
    let ict = lexicon.cues.ict_words(text);
    let proposed_norms = norms::find(text, &lexicon.cues, &lexicon.agreed_norms, ict_body, &ict)
        .into_iter()
        .map(|n| {
            let in_span = |kind: Kind| {
                let m = lexicon.matcher_in(kind, lang);
                let mut v: Vec<String> = m
                    .find_in(text, n.start, n.end)
                    .into_iter()
                    .map(|h| m.concepts()[h.concept].iri.clone())
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            let mut cited: Vec<String> = found_citations
                .iter()
                .filter(|c| c.start >= n.start && c.end <= n.end)
                .map(|c| c.id.clone())
                .collect();
            // A citation in brackets right after the norm ("… prevented. (UNGA resolution 2131 …)")
            // belongs to it.
            let after = &text[n.end..];
            let gap = after.len() - after.trim_start_matches([' ', '*', '_']).len();
            if after[gap..].starts_with('(') {
                cited.extend(
                    found_citations
                        .iter()
                        .filter(|c| c.start > n.end && c.start < n.end + gap + 60)
                        .map(|c| c.id.clone()),
                );
            }
            cited.sort();
            cited.dedup();
            let mut referred: Vec<String> = found_instruments
                .iter()
                .filter(|f| f.start >= n.start && f.end <= n.end)
                .map(|f| f.iri.clone())
                .collect();
            referred.sort();
            referred.dedup();
            let subjects = {
                let m = lexicon.matcher(Kind::Subject);
                m.find_in(text, n.start, n.end)
                    .into_iter()
                    .filter(|h| !in_passing(text, n.start, h.start))
                    .map(|h| SubjectMatch {
                        span: sp.span(h.start, h.end),
                        subject: m.concepts()[h.concept].iri.clone(),
                    })
                    .collect()
            };
            let wording = text::clean(sp.written(n.start, n.end));
            ProposedNorm {
                span: sp.span(n.start, n.end),
                restates: restated(&wording, &lexicon.agreed_norms),
                subjects,
                text: wording,
                principles: in_span(Kind::Principle),
                threats: in_span(Kind::Threat),
                citations: cited,
                instruments: referred,
            }
        })
        .collect();

    let alignments = alignment::find(text, lexicon, language.as_deref())
        .into_iter()
        .map(|a| Alignment {
            span: sp.span(a.start, a.end),
            group: find_named(Kind::Group, &a.group).unwrap_or(Named {
                iri: a.group.clone(),
                label: a.group.clone(),
                code: None,
            }),
            delivered_by: a
                .delivered_by
                .as_deref()
                .and_then(|iri| find_named(Kind::State, iri)),
        })
        .collect();

    // Every match of a position's words, whatever its stance: the positions below are judged
    // from them, and a threat an instrument is named after inside one is not a threat of its
    // own (`named_after`).
    let position_matcher = lexicon.matcher_in(Kind::Position, lang);
    let found_positions =
        position_matcher.find_all_with_also(text, &tokens, russian_declined(Kind::Position));
    let position_hits: Vec<(usize, usize, usize, Option<positions::Stance>)> = found_positions
        .into_iter()
        .map(|h| (h.start, h.end, h.concept, h.stance))
        .collect();

    // Whether the threat at `s..e` is what a proposed instrument matched there is named after
    // ("a convention against cybercrime", "on countering the use of ICTs for criminal
    // purposes"): it lies inside a position's match, right after "against", "on", "combating",
    // "countering" or "fight(ing)". Position matches are sorted by start and a few hundred bytes
    // long, so only those starting shortly before the threat are looked at.
    let mut by_start: Vec<(usize, usize)> = position_hits.iter().map(|h| (h.0, h.1)).collect();
    by_start.sort_unstable();
    let named_after = |s: usize, e: usize| -> bool {
        let upto = by_start.partition_point(|h| h.0 <= s);
        by_start[..upto]
            .iter()
            .rev()
            .take_while(|h| h.0 + 2000 >= s)
            .any(|&(hs, he)| {
                if e > he {
                    return false;
                }
                let before = text[hs..s].trim_end().to_lowercase();
                let before = [" the", " la", " le", " les", " el", " los", " las"]
                    .iter()
                    .find_map(|a| before.strip_suffix(a))
                    .unwrap_or(&before);
                let mut words = before.rsplit(' ');
                let last = words.next().unwrap_or("");
                // Russian "против" only in the convention's own name ("Конвенции ООН против
                // киберпреступности"), not in "борьбы против киберпреступности".
                if last == "против" {
                    let previous = words.next().unwrap_or("");
                    return previous == "оон" || previous.starts_with("конвенци");
                }
                matches!(
                    last,
                    "against"
                        | "on"
                        | "combat"
                        | "combating"
                        | "combatting"
                        | "counter"
                        | "countering"
                        | "fight"
                        | "fighting"
                        | "preventing"
                        // French and Spanish: "la Convention des Nations Unies contre la
                        // cybercriminalité", "la Convención … contra la Ciberdelincuencia".
                        | "contre"
                        | "contra"
                        | "sur"
                        | "sobre"
                        // Russian and Arabic: "Конвенции ООН против киберпреступности",
                        // "اتفاقية الأمم المتحدة لمكافحة الجرائم الإلكترونية".
                        | "против"
                        | "لمكافحة"
                        | "بشأن"
                )
            })
    };

    Ok(Extraction {
        source: doc.path.display().to_string(),
        statement: vocab::statement(&slug),
        graph: vocab::statement_graph(&slug),
        sha256: doc.sha256.clone(),
        length: written.chars().count(),
        delegation,
        speaker: ex_meta.0,
        speaker_role: ex_meta.1,
        date: ex_meta.2,
        venue: ex_meta.3,
        meeting_body: body,
        session: ex_meta.4,
        title: ex_meta.5,
        language,
        source_url,
        citations,
        instruments: found_instruments
            .into_iter()
            .map(|f| InstrumentRef {
                span: sp.span(f.start, f.end),
                iri: f.iri,
                kind: f.kind,
                label: f.label,
            })
            .collect(),
        // Threat categories are harms of the ICT environment: outside the ICT bodies, their
        // words count only near a word of that debate ("militarization" of outer space, or
        // "unilateral coercive measures" of trade, are other harms), and not in a name ("the
        // Global Programme on Cybercrime"), a heading, or the description of a proposed
        // instrument ("a convention against cybercrime" names the proposal, not the harm).
        // (A text outside those bodies that names no word of the debate anywhere, most General
        // Debate speeches before 2000, has none to find: the matching is skipped. The output of
        // the whole corpus is the same; strictly, `near_ict` tests a window cut at a count of
        // characters, where a cut word could look like one of the debate's ("confl|ict"), and
        // such a threat is no longer kept in a text that names none.)
        threats: if ict_body || !ict.is_empty() {
            mentions_where(Kind::Threat, &|s, e, concept| {
                let reach = concept.ict_reach.unwrap_or(positions::THREAT_REACH);
                (ict_body || positions::near_ict(&lexicon.cues, text, s, e, reach))
                    && !lexicon.cues.threat_denied(text, s, e)
                    && !lexicon.cues.only_names_a_topic(text, s, e)
                    && !named_after(s, e)
            })
        } else {
            Vec::new()
        },
        // A principle's words inside the name of a body or an instrument ("the Declaration on
        // the Right to Development", "the Rule of Law Unit") do not invoke it, nor does a
        // heading that only names a topic ("On sovereignty.").
        principles: without_articles_beside_their_principle(mentions_where(
            Kind::Principle,
            &|s, e, _| !lexicon.cues.only_names_a_topic(text, s, e),
        )),
        bodies: mentions(Kind::Body),
        positions: positions::find(&lexicon.cues, text, &position_hits, ict_body)
            .into_iter()
            .map(|f| PositionTaken {
                span: sp.span(f.start, f.end),
                position: position_matcher.concepts()[f.concept].iri.clone(),
                label: position_matcher.concepts()[f.concept].label.clone(),
                stance: f.stance,
                cue: sp.written(f.cue.0, f.cue.1).to_owned(),
            })
            .collect(),
        incidents: mentions(Kind::Incident),
        proposed_norms,
        alignments,
    })
}
