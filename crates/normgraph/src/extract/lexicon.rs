//! The lexicon: which words name which concept, read from the SKOS labels in Turtle.
//!
//! Threat categories, principles, States, groups, bodies, positions and incidents are found in
//! text by their
//! `skos:prefLabel`, `skos:altLabel` and `skos:hiddenLabel`: case-insensitively, on whole words,
//! with any run of white space in a label matching any run of white space (line breaks included)
//! in the text, and `'`/`’` alike. Longer labels win over shorter ones at the same position.
//! Abbreviations (`ng:abbreviation`, e.g. "NAM", "GGE") match case-sensitively, so "NAM" does not
//! match the "Nam" of "Viet Nam"; an abbreviation shared by two concepts of one kind (the two
//! OEWGs) is ambiguous and not matched.
//!
//! Principles, threat categories and positions are also matched on word stems, so inflected
//! forms of their labels count ("settling their disputes", "interfered in the internal
//! affairs"), and through the `ng:wordPattern`s they declare: ordered words with small gaps
//! ("settle|resolve ~3 dispute ~4 peaceful"), with `ng:otherSense` patterns for the same words
//! in another sense ([`super::phrases`]). Where matches overlap, the one starting first wins, and
//! of those the longest. A concept declared `ng:impliedBy` others, with `ng:impliedWith`
//! patterns, is also found where a fact of one of them shares a sentence with such a match
//! ([`Matcher::implied`]): ransomware told of hospitals is an attack on critical infrastructure.
//! A concept's `ng:actPattern` matches are its mentions only where a match of its
//! `ng:actorPattern` stands in their sentence or the one before (two before where the act's
//! clause refers back)
//! ([`Matcher::acted`]): collecting money online is terrorist use of ICTs after "terrorists".
//! A concept's `ng:harmPattern` matches (a target and what befell it, in plain words: "the
//! computers of the hospital went dark") are its mentions only where a match of its
//! `ng:meansPattern` (an ICT means: "computers", "intruders", "malware") stands in their
//! clause ([`Matcher::harmed`]), so that a hospital a hurricane paralysed
//! is not an attack by ICT means.
//!
//! A scholar extends extraction by adding labels and patterns to the Turtle files, not by
//! editing Rust.

use super::citations::Organs;
use super::cues::CuePatterns;
use super::numbers::NumberTables;
use super::phrases::{PhraseHit, Phrases, Sense, Tokens};
use super::positions::{Cues, Stance};
use super::text::{is_arabic_mark, is_cjk};
use crate::error::ResourceError;
use crate::rdf::resources::{syntax_error, ResourceFile, Resources};
use crate::rdf::vocab::{NG, RDF, SKOS};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};
use rayon::prelude::*;
use regex::{Regex, RegexBuilder};

/// Cache for the lazy DFA of a matcher's alternation (the default 2 MB thrashes on the
/// hundreds of labels of the reference data: measured 73% of extraction time). Each matcher and
/// each thread has its own, so it is kept small enough to multiply.
const DFA_CACHE_BYTES: usize = 16 << 20;
use std::collections::{BTreeMap, HashMap};

/// The kinds of concept the extractor looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `ng:ThreatCategory`.
    Threat,
    /// `ng:Principle`.
    Principle,
    /// `ng:State`.
    State,
    /// `ng:Group`.
    Group,
    /// `ng:Body`.
    Body,
    /// `ng:Position`.
    Position,
    /// `ng:Incident`.
    Incident,
    /// `ng:UNDocument` named by a title rather than its symbol ("the 2015 GGE report").
    Document,
    /// `ng:SubjectMatter`: what an agreed norm regulates, looked for inside proposed norms only.
    Subject,
}

impl Kind {
    /// The kinds matched on word stems and word patterns as well as on their literal labels.
    const STEMMED: [Kind; 4] = [Kind::Threat, Kind::Principle, Kind::Position, Kind::Subject];

    const ALL: [Kind; 9] = [
        Kind::Threat,
        Kind::Principle,
        Kind::State,
        Kind::Group,
        Kind::Body,
        Kind::Position,
        Kind::Incident,
        Kind::Document,
        Kind::Subject,
    ];

    fn class(self) -> String {
        let local = match self {
            Kind::Threat => "ThreatCategory",
            Kind::Principle => "Principle",
            Kind::State => "State",
            Kind::Group => "Group",
            Kind::Body => "Body",
            Kind::Position => "Position",
            Kind::Incident => "Incident",
            Kind::Document => "UNDocument",
            Kind::Subject => "SubjectMatter",
        };
        format!("{NG}{local}")
    }
}

/// A concept with its display label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// The concept IRI.
    pub iri: String,
    /// Its `skos:prefLabel` (or the first label found).
    pub label: String,
    /// Its ISO 3166-1 alpha-3 code, for States.
    pub iso3: Option<String>,
    /// How far (bytes, either side) a word of the ICT debate must stand from a mention of this
    /// threat category outside the ICT bodies (`ng:ictReach`), where it differs from the
    /// default: categories whose words are as common outside that debate ("unilateral
    /// coercive measures" of trade) need it closer.
    pub ict_reach: Option<usize>,
}

/// A match of a concept label in a text (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// Index of the concept in [`Matcher::concepts`].
    pub concept: usize,
    /// For positions, the stance the matched wording itself takes (`ng:supportPattern`,
    /// `ng:oppositionPattern`).
    pub stance: Option<Stance>,
}

/// A concept that a more precise one specifies (`ng:specifies`) or refines (`ng:refines`): its
/// index, and whether a precise fact that carries its words on keeps its fact (`ng:refines`).
type General = (usize, bool);

/// Spans, sorted, answering "does any overlap this one?" in logarithmic time (a statement of
/// 90 MB has a hundred thousand matches: comparing each with each was most of its extraction).
struct Intervals {
    /// Starts, ascending.
    starts: Vec<usize>,
    /// For each position, the greatest end among the spans up to it.
    max_end: Vec<usize>,
}

impl Intervals {
    fn new(mut spans: Vec<(usize, usize)>) -> Self {
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut best = 0;
        for &(_, end) in &spans {
            best = best.max(end);
            max_end.push(best);
        }
        Self {
            starts: spans.into_iter().map(|(s, _)| s).collect(),
            max_end,
        }
    }

    /// Whether some span overlaps `start..end`: among the spans starting before `end`, one ends
    /// after `start`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before = self.starts.partition_point(|&s| s < end);
        before > 0 && self.max_end[before - 1] > start
    }
}

/// Finds the labels of one kind of concept in text.
#[derive(Debug)]
pub struct Matcher {
    regex: Option<Regex>,
    by_label: HashMap<String, usize>,
    concepts: Vec<Concept>,
    phrases: Phrases,
    /// Whether matches of different concepts may overlap ([`Matcher::overlapping`]).
    overlapping: bool,
    /// The facts other facts imply ([`Matcher::implied`]).
    implied: Implied,
    /// The acts that are a concept's only when its actor is named ([`Matcher::acted`]).
    acted: Paired,
    /// The harms that are a concept's only when an ICT means is named ([`Matcher::harmed`]).
    harmed: Paired,
    /// For each concept that names a harm more precisely than others (`ng:specifies`,
    /// `ng:refines`), the concepts it specifies, each with whether a fact carrying the general
    /// one's words on keeps it (`ng:refines`; [`Matcher::without_specified`]).
    specifies: Vec<(usize, Vec<General>)>,
}

/// The byte offset just after the last of `words` (spans of `text`) that makes the speaker a
/// subject: "we", or "our"/"my" with "Government", "country", "delegation", "authorities",
/// "ministry" or "police".
fn speaker_word(text: &str, words: impl Iterator<Item = (usize, usize)>) -> Option<usize> {
    let words: Vec<(usize, usize)> = words.collect();
    let lower = |(s, e): (usize, usize)| text[s..e].to_lowercase();
    let mut last = None;
    for (k, &w) in words.iter().enumerate() {
        let word = lower(w);
        if word == "we" {
            last = Some(w.1);
        } else if word == "our" || word == "my" {
            if let Some(&n) = words.get(k + 1) {
                let noun = lower(n);
                if [
                    "government",
                    "country",
                    "delegation",
                    "authorities",
                    "ministry",
                    "police",
                ]
                .contains(&noun.as_str())
                {
                    last = Some(n.1);
                }
            }
        }
    }
    last
}

/// Whether `between`, the words from an act to an actor named after it, make the actor the
/// act's agent: a "by" at most five words before it, not negated ("not by hackers"), with no
/// comma or new clause between ("paralysed for days by intruders", "by a group of hackers", "by
/// so-called patriotic hackers"; not "unlike the terrorist groups").
fn by_agent(between: &str) -> bool {
    // ASCII lower case keeps the byte offsets.
    let lower = between.to_ascii_lowercase();
    let Some(at) = lower.rfind(" by ") else {
        return false;
    };
    let after = &between[at + 4..];
    let before = lower[..at].trim_end();
    let words: Vec<&str> = after.split_whitespace().collect();
    words.len() <= 5
        && !after.contains([',', ';', ':'])
        && !words.iter().any(|w| {
            ["and", "after", "when", "unlike", "than"].contains(&w.to_lowercase().as_str())
        })
        && !before.ends_with("not")
}

/// Patterns that are a concept's mentions only beside a companion pattern of the same concept,
/// each under the index of its concept. What `ng:actPattern` and `ng:actorPattern` declare: an
/// act (collecting money through online appeals) is terrorist use of ICTs only where its actor
/// (terrorists, Daesh) is named in its sentence or the sentence before ([`Matcher::acted`]).
/// What `ng:harmPattern` and `ng:meansPattern` declare: a harm told in plain words ("the
/// systems of a regional hospital went dark") is an attack on critical infrastructure only
/// where an ICT means (computers, intruders, malware) is named in its clause, and not where a
/// storm or a bombing did it ([`Matcher::harmed`]).
#[derive(Debug, Clone, Default)]
struct Paired {
    /// The acts or harms (and the concept's other senses, `Sense::Other`).
    events: Phrases,
    /// The actors or means.
    companions: Phrases,
}

impl Paired {
    /// The companions named in `text` (sorted by start), or none where this kind declares no
    /// events: most texts name none, and then no act or harm needs looking for.
    fn companions_in(&self, text: &str, tokens: &Tokens) -> Vec<PhraseHit> {
        if self.events.is_empty() {
            return Vec::new();
        }
        self.companions.find_concepts(text, tokens)
    }
}

/// What `ng:impliedBy` and `ng:impliedWith` declare: a concept (attacks on critical
/// infrastructure) is also mentioned where a fact of a concept that implies it (a
/// cyber-attack, ransomware) is found in a sentence that holds one of its words (a hospital, a
/// power grid), as in "regional health authorities were hit by ransomware".
#[derive(Debug, Clone, Default)]
struct Implied {
    /// The `ng:impliedWith` patterns, each under the index of the concept it implies.
    targets: Phrases,
    /// For each implied concept, the concepts whose facts imply it.
    by: Vec<(usize, Vec<usize>)>,
}

impl Matcher {
    /// Builds a matcher from concepts and their labels (matched case-insensitively).
    pub fn new(entries: Vec<(Concept, Vec<String>)>) -> Result<Self, ResourceError> {
        Self::with_abbreviations(
            entries
                .into_iter()
                .map(|(c, labels)| (c, labels, Vec::new()))
                .collect(),
        )
    }

    /// Builds a matcher from concepts, their labels and their case-sensitive abbreviations.
    pub fn with_abbreviations(
        entries: Vec<(Concept, Vec<String>, Vec<String>)>,
    ) -> Result<Self, ResourceError> {
        Self::with_literal(entries, |_| true)
    }

    /// As [`Matcher::with_abbreviations`], with only the labels `literal` accepts in the
    /// literal search; the others are still looked up ([`Matcher::lookup`]) but must be found
    /// by the word patterns ([`Matcher::with_phrases`]), which match them on their stems.
    fn with_literal(
        entries: Vec<(Concept, Vec<String>, Vec<String>)>,
        literal: impl Fn(&str) -> bool,
    ) -> Result<Self, ResourceError> {
        let mut by_label = HashMap::new();
        let mut concepts = Vec::new();
        let mut patterns: Vec<(usize, String)> = Vec::new();
        let mut abbreviation_use: HashMap<String, usize> = HashMap::new();
        for (_, _, abbreviations) in &entries {
            for a in abbreviations {
                *abbreviation_use.entry(a.trim().to_owned()).or_default() += 1;
            }
        }
        for (concept, labels, abbreviations) in entries {
            let index = concepts.len();
            for label in labels {
                let key = normalise(&label);
                if key.is_empty() {
                    continue;
                }
                if by_label.insert(key.clone(), index).is_none() && literal(&label) {
                    patterns.push((key.chars().count(), label_pattern(&key)));
                }
            }
            for abbreviation in abbreviations {
                let a = abbreviation.trim();
                if a.is_empty() || abbreviation_use.get(a).copied().unwrap_or(0) > 1 {
                    continue;
                }
                let key = normalise(a);
                if by_label.insert(key, index).is_none() {
                    patterns.push((a.chars().count(), format!("(?-i:{})", regex::escape(a))));
                }
            }
            concepts.push(concept);
        }
        // Longest first, so that the leftmost-first alternation prefers longer labels.
        patterns.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let regex = if patterns.is_empty() {
            None
        } else {
            let alternation: Vec<&str> = patterns.iter().map(|(_, p)| p.as_str()).collect();
            let source = format!("(?i)(?:{})", alternation.join("|"));
            // Hundreds of case-insensitive labels make a large automaton: give the lazy DFA
            // room for it, or it spends most of the time rebuilding states it has thrown away.
            Some(
                RegexBuilder::new(&source)
                    .dfa_size_limit(DFA_CACHE_BYTES)
                    .build()
                    .map_err(|e| ResourceError::BadLabel {
                        label: String::new(),
                        concept: String::new(),
                        message: e.to_string(),
                    })?,
            )
        };
        Ok(Self {
            regex,
            by_label,
            concepts,
            phrases: Phrases::new(),
            overlapping: false,
            implied: Implied::default(),
            acted: Paired::default(),
            harmed: Paired::default(),
            specifies: Vec::new(),
        })
    }

    /// Lets matches of different concepts overlap: each concept's matches are made
    /// non-overlapping on their own, so one phrase may name two concepts ("criminal attacks" is
    /// an attack and a crime; "hacker attacks on banks", an attack on critical infrastructure).
    /// Used for the threat categories, which are not exclusive. A loose match (a pattern with
    /// gaps) still gives way to an overlapping tight one of its own concept, and to one of
    /// another concept that covers at least half of it ("abuse of emerging technologies", a
    /// label, over the gap pattern of malicious use of ICTs; but "attacks on hospitals" stands
    /// beside "ransomware attacks").
    pub fn overlapping(mut self) -> Self {
        self.overlapping = true;
        self
    }

    /// Adds word patterns (whose concept indices are this matcher's) to the literal labels.
    pub fn with_phrases(mut self, phrases: Phrases) -> Self {
        self.phrases = phrases;
        self
    }

    /// Declares facts implied by others: `by` lists, for each implied concept, the concepts
    /// whose facts imply it, and `targets` holds its target patterns under its index.
    fn with_implied(mut self, targets: Phrases, by: Vec<(usize, Vec<usize>)>) -> Self {
        // Kinds that declare none keep the empty default (no copy of the word classes).
        if !by.is_empty() {
            self.implied = Implied { targets, by };
        }
        self
    }

    /// Declares the concepts that name a harm more precisely than others: `specifies` lists,
    /// for each such concept, the concepts it specifies.
    fn with_specifies(mut self, specifies: Vec<(usize, Vec<General>)>) -> Self {
        self.specifies = specifies;
        self
    }

    /// Declares the acts that are a concept's mention only where their actor is named and the
    /// harms that are only where an ICT means is named ([`Paired`]).
    /// A kind that declares none keeps the empty default (no copy of the word classes).
    fn with_paired(mut self, acted: Paired, harmed: Paired) -> Self {
        if !acted.events.is_empty() {
            self.acted = acted;
        }
        if !harmed.events.is_empty() {
            self.harmed = harmed;
        }
        self
    }

    /// The mentions that harms told in plain words make (`ng:harmPattern`) in `text`, whose
    /// words are `tokens`: a match of a concept's harm pattern with a match of its means
    /// pattern in its clause (before or after it, or inside it); not one overlapping a match
    /// of the other senses (`ng:otherSense`: a hurricane, a bombing) of a concept that tells
    /// harms, not the speaker's own act ("we" between the clause's start and the harm's end),
    /// and not where its sentence or the one before (before or after the harm) already names a
    /// threat among `hits` ("hit by ransomware. Its computers went dark": the harm is the
    /// ransomware's), other than one that implies the harm's concept.
    /// Where a concept the harm's concept implies (`ng:impliedBy`) has a target in the harm's
    /// sentence ("the computer systems of a regional hospital went dark"), the harm is that
    /// concept's (an attack on critical infrastructure, not also a cyber-attack), its span
    /// running to the nearest target. The span is otherwise the harm's.
    pub fn harmed(&self, text: &str, tokens: &Tokens, hits: &[Hit]) -> Vec<Hit> {
        // Sorted by start. Most texts name no ICT means: then no harm needs looking for.
        let means = self.harmed.companions_in(text, tokens);
        if means.is_empty() {
            return Vec::new();
        }
        // Only the sentences that name a means can hold a harm: the harm patterns (and the
        // targets) are matched there alone, which keeps the cost of the many texts that say
        // "online" or "mobile" once or twice small.
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for m in &means {
            // A means inside the window already built adds nothing to it.
            if windows.last().is_some_and(|last| m.end <= last.1) {
                continue;
            }
            let (s, e) = sentence_of(text, m.start, m.end);
            match windows.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => windows.push((s, e)),
            }
        }
        let in_windows = |phrases: &Phrases| -> Vec<PhraseHit> {
            windows
                .iter()
                .flat_map(|&(s, e)| phrases.find_tokens(text, &Tokens::of(text, s, e)))
                .collect()
        };
        let (mut harms, other): (Vec<PhraseHit>, Vec<PhraseHit>) = in_windows(&self.harmed.events)
            .into_iter()
            .partition(|a| a.sense == Sense::Concept);
        // A harm is one event: another sense of the words of any concept that tells harms
        // (a storm, a bombing) takes it, whichever concept it would be.
        harms.retain(|a| !other.iter().any(|o| o.start < a.end && a.start < o.end));
        if harms.is_empty() {
            return Vec::new();
        }
        harms.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end)));
        // Whether facts of `general` imply facts of `precise` (`ng:impliedBy`).
        let implies = |general: usize, precise: usize| {
            self.implied
                .by
                .iter()
                .any(|(c, by)| *c == precise && by.contains(&general))
        };
        let mut targets: Vec<PhraseHit> = in_windows(&self.implied.targets)
            .into_iter()
            .filter(|t| t.sense == Sense::Concept)
            .collect();
        targets.sort_by_key(|t| t.start);
        // The facts found before, sorted by start, so that those near a harm are found by
        // binary search.
        let mut sorted: Vec<&Hit> = hits.iter().collect();
        sorted.sort_by_key(|h| h.start);
        let near = |from: usize, until: usize| {
            overlapping(&sorted, from, until, |h| (h.start, h.end)).copied()
        };
        let mut out: Vec<Hit> = Vec::new();
        for harm in harms {
            let (s, until) = sentence_of(text, harm.start, harm.end);
            // The sentence before, unless a blank line (a new paragraph) stands between.
            let from = sentence_before(text, s).unwrap_or(s);
            // The means must be named in the harm's own clause: one named in the sentence
            // before, or in another clause, was as often another matter ("With computer systems
            // our coastguard detects intrusions. Military operations knocked out the power
            // plants"; "Thieves stole cattle, and we built a website to warn the farmers").
            let first = means.partition_point(|m| m.start < s);
            let named = means[first..]
                .iter()
                .take_while(|m| m.start < until)
                .any(|m| {
                    m.concept == harm.concept
                        && m.end <= until
                        && !new_clause_between(text, m.end.min(harm.end), m.start.max(harm.start))
                });
            if !named {
                continue;
            }
            // A threat those sentences already name tells the harm, unless it implies it
            // ("… was hit by ransomware. Its computers went dark overnight"). (Held to the
            // sentence before only where the harm's clause refers back, one more held-out
            // false fact and one development fact were found: the stricter test kept.)
            if near(from, until).any(|h| !implies(h.concept, harm.concept)) {
                continue;
            }
            let clause_start = text[s..harm.start]
                .rfind([';', ':', ','])
                .map_or(s, |i| s + i + 1);
            // The speaker's own act ("we shut down the servers for maintenance"; not "a
            // hospital in my country went dark").
            if tokens
                .spans_within(clause_start, harm.end)
                .any(|(a, b)| text[a..b].eq_ignore_ascii_case("we"))
            {
                continue;
            }
            // The more precise concept the harm's implies, where its target is in the
            // sentence.
            let precise = nearest_within(&targets, (s, until), (harm.start, harm.end), |t| {
                implies(harm.concept, t.concept)
            });
            let hit = match precise {
                Some(t) => Hit {
                    start: t.start.min(harm.start),
                    end: t.end.max(harm.end),
                    concept: t.concept,
                    stance: None,
                },
                None => Hit {
                    start: harm.start,
                    end: harm.end,
                    concept: harm.concept,
                    stance: None,
                },
            };
            // Harms come in order of their start, and a fact is at most a sentence long.
            let floor = hit.start.saturating_sub(FACT_REACH);
            let taken = |h: &Hit| h.concept == hit.concept && h.end > hit.start;
            if near(hit.start, hit.end).any(taken)
                || out.iter().rev().take_while(|o| o.start >= floor).any(taken)
            {
                continue;
            }
            out.push(hit);
        }
        out
    }

    /// The mentions that acts make (`ng:actPattern`) in `text`, whose words are `tokens`: a
    /// match of a concept's act pattern with a match of its actor pattern before it, in its
    /// sentence or in the sentence before in the same paragraph (two before where its clause
    /// refers back: "the same groups", "they"), or after it as its agent ("by intruders"); not
    /// an act of the speaker's ("we", "our Government" in its clause); not one overlapping a
    /// fact of the same concept among `hits`, another such act or a match of the concept's
    /// other senses (`ng:otherSense`). The span is the act's.
    pub fn acted(&self, text: &str, tokens: &Tokens, hits: &[Hit]) -> Vec<Hit> {
        // Most texts name no actor: then no act needs looking for.
        let actors = self.acted.companions_in(text, tokens);
        if actors.is_empty() {
            return Vec::new();
        }
        let (mut acts, other): (Vec<PhraseHit>, Vec<PhraseHit>) = self
            .acted
            .events
            .find_tokens(text, tokens)
            .into_iter()
            .partition(|a| a.sense == Sense::Concept);
        // An act overlapping another sense of its concept's words is not one.
        acts.retain(|a| {
            !other
                .iter()
                .any(|o| o.concept == a.concept && o.start < a.end && a.start < o.end)
        });
        acts.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end)));
        let mut out: Vec<Hit> = Vec::new();
        for act in acts {
            let taken =
                |h: &Hit| h.concept == act.concept && h.start < act.end && act.start < h.end;
            if hits.iter().any(taken) || out.iter().any(taken) {
                continue;
            }
            let (s, until) = sentence_of(text, act.start, act.end);
            // The speaker's own act is not the actor's ("We need to recruit experts through
            // online platforms"; "Our Government published the names of the criminals"): a
            // speaker word in the act's clause with neither the actor nor a comma between it
            // and the act ("We have seen terrorists collect money", "Terrorists, as we know,
            // raise money" are the actor's).
            let clause_start = text[s..act.start]
                .rfind([';', ':'])
                .map_or(s, |i| s + i + 1);
            let speaker = speaker_word(text, tokens.spans_within(clause_start, act.start));
            // The sentence before, unless a blank line (a new paragraph) stands between; and
            // the one before that where the act's own subject only refers back ("The same
            // groups now raise funds", "They recruit"), not where it names someone else ("Our
            // young people now raise funds", "a hurricane crippled").
            let reach = if refers_back(text, tokens.spans_within(clause_start, act.end)) {
                ACT_REACH
            } else {
                1
            };
            let mut from = s;
            for _ in 0..reach {
                match sentence_before(text, from) {
                    Some(earlier) => from = earlier,
                    None => break,
                }
            }
            // The actor may also follow the act in its sentence as its agent ("the systems of
            // a ministry were paralysed for days by intruders"), not otherwise ("Our charities
            // raise funds through online platforms, unlike the terrorist groups").
            let first = actors.partition_point(|a| a.start < from);
            let own: Vec<&PhraseHit> = actors[first..]
                .iter()
                .take_while(|a| a.start < until)
                .filter(|a| a.concept == act.concept && a.end <= until)
                .collect();
            let agent = own
                .iter()
                .any(|a| a.start >= act.end && by_agent(&text[act.end..a.start]));
            let before_act = own
                .iter()
                .filter(|a| a.end <= act.start)
                .map(|a| a.end)
                .max();
            let speakers = speaker.is_some_and(|p| {
                before_act.is_none_or(|a| a < p) && !text[p..act.start].contains(',')
            });
            let named = agent || before_act.is_some() && !speakers;
            if named {
                out.push(Hit {
                    start: act.start,
                    end: act.end,
                    concept: act.concept,
                    stance: None,
                });
            }
        }
        out
    }

    /// The facts that `hits` (found in `text`, whose words are `tokens`) imply: for each
    /// concept declared with `ng:impliedBy`, one per sentence that holds a fact of a concept
    /// that implies it and a match of one of its `ng:impliedWith` patterns, and no fact of its
    /// own. Its span runs from that match (the nearest) to the implying fact, or the other way.
    pub fn implied(&self, text: &str, tokens: &Tokens, hits: &[Hit]) -> Vec<Hit> {
        // Most texts hold no implying fact (and most kinds declare none): then there is
        // nothing to look for.
        if !hits.iter().any(|h| {
            self.implied
                .by
                .iter()
                .any(|(_, by)| by.contains(&h.concept))
        }) {
            return Vec::new();
        }
        // Sorted by start, so that a sentence's targets and facts are found by binary search
        // (a statement of 90 MB has a hundred thousand facts).
        let found = self.implied.targets.find_concepts(text, tokens);
        let mut out: Vec<Hit> = Vec::new();
        for (concept, by) in &self.implied.by {
            let mut own: Vec<(usize, usize)> = hits
                .iter()
                .filter(|h| h.concept == *concept)
                .map(|h| (h.start, h.end))
                .collect();
            own.sort_unstable();
            let mut implying: Vec<&Hit> = hits.iter().filter(|h| by.contains(&h.concept)).collect();
            implying.sort_by_key(|h| h.start);
            let mut done: Option<(usize, usize)> = None;
            for fact in implying {
                let (s, e) = sentence_of(text, fact.start, fact.end);
                // The clause: a semicolon ends it ("… hit by ransomware; we opened twelve new
                // hospitals").
                let s = text[s..fact.start].rfind(';').map_or(s, |i| s + i + 1);
                let e = text[fact.end..e].find(';').map_or(e, |i| fact.end + i);
                if done == Some((s, e)) {
                    continue;
                }
                // A fact of its own in the sentence: nothing to imply.
                if overlapping(&own, s, e, |&o| o).next().is_some() {
                    continue;
                }
                let nearest = nearest_within(&found, (s, e), (fact.start, fact.end), |t| {
                    t.concept == *concept
                });
                if let Some(t) = nearest {
                    out.push(Hit {
                        start: t.start.min(fact.start),
                        end: t.end.max(fact.end),
                        concept: *concept,
                        stance: None,
                    });
                    done = Some((s, e));
                }
            }
        }
        out
    }

    /// `hits` without the facts that a fact of a more precise concept overlaps
    /// (`ng:specifies`): a break-in into an election commission's servers is election
    /// interference, not also a cyber-attack of its own (docs/annotation.md: a break-in is
    /// marked once, under the category its author or purpose gives).
    /// Under `ng:refines` (an umbrella category and the narrower ones), the general fact stays
    /// where the precise one begins with its words and carries them on: "malicious cyber
    /// activity against our hospitals" names malicious use of ICTs and an attack on critical
    /// infrastructure, while "malicious software that locks up computers" is malware alone.
    pub fn without_specified(&self, mut hits: Vec<Hit>) -> Vec<Hit> {
        if self.specifies.is_empty() {
            return hits;
        }
        // The facts of the precise concepts, sorted by start, with what each specifies.
        let mut precise: Vec<(usize, usize, &[General])> = hits
            .iter()
            .filter_map(|h| {
                self.specifies
                    .iter()
                    .find(|(c, _)| *c == h.concept)
                    .map(|(_, general)| (h.start, h.end, general.as_slice()))
            })
            .collect();
        if precise.is_empty() {
            return hits;
        }
        precise.sort_unstable_by_key(|p| p.0);
        // Under `ng:refines`, a precise fact that begins with the general one's words and goes on
        // past them (the harm carried on to what it hits: "malicious cyber activity against our
        // hospitals") names the general harm too, in those words; it does not make it give way.
        hits.retain(|h| {
            !overlapping(&precise, h.start, h.end, |p| (p.0, p.1)).any(|p| {
                p.2.iter().any(|&(general, keeps_carried)| {
                    general == h.concept && !(keeps_carried && p.0 == h.start && p.1 > h.end)
                })
            })
        });
        hits
    }

    /// The concepts, indexed by [`Hit::concept`].
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// The concept a label names, if any.
    pub fn lookup(&self, label: &str) -> Option<&Concept> {
        self.by_label
            .get(&normalise(label))
            .map(|&i| &self.concepts[i])
    }

    /// All whole-word matches in `text`, left to right, non-overlapping (for an
    /// [`Matcher::overlapping`] matcher, non-overlapping within each concept).
    pub fn find_all(&self, text: &str) -> Vec<Hit> {
        self.find_in(text, 0, text.len())
    }

    /// Matches within `text[from..to]` (offsets relative to `text`): literal labels and word
    /// patterns, non-overlapping (for an [`Matcher::overlapping`] matcher, within each
    /// concept). A match overlapping another sense of its concept's words (`ng:otherSense`) is
    /// dropped; a loose match (a pattern with gaps) gives way to a tight one of any concept it
    /// overlaps (for an [`Matcher::overlapping`] matcher, of its own concept, or of another
    /// covering at least half of it); then the earliest start wins, and of those the longest.
    pub fn find_in(&self, text: &str, from: usize, to: usize) -> Vec<Hit> {
        if self.phrases.is_empty() {
            return self.literal_in(text, from, to);
        }
        self.find_with(text, from, to, &Tokens::of(text, from, to), Vec::new())
    }

    /// All matches in `text`, whose words are `tokens` (split once for every kind: see
    /// [`Tokens`]).
    pub fn find_all_with(&self, text: &str, tokens: &Tokens) -> Vec<Hit> {
        self.find_with(text, 0, text.len(), tokens, Vec::new())
    }

    /// [`Matcher::find_all_with`], with `also` (matches found another way: Russian labels on
    /// their stems, [`Lexicon::find_russian_names_in`]) taken as literal matches, so that the
    /// same rules hold for them: they are kept apart from the other matches and dropped where
    /// a word pattern names another sense of their concept's words (`ng:otherSense`).
    pub fn find_all_with_also(&self, text: &str, tokens: &Tokens, also: Vec<Hit>) -> Vec<Hit> {
        self.find_with(text, 0, text.len(), tokens, also)
    }

    /// Matches within `text[from..to]`, whose words are `tokens`, with `also` taken as literal
    /// matches ([`Matcher::find_all_with_also`]).
    fn find_with(
        &self,
        text: &str,
        from: usize,
        to: usize,
        tokens: &Tokens,
        also: Vec<Hit>,
    ) -> Vec<Hit> {
        let mut literal = self.literal_in(text, from, to);
        if self.phrases.is_empty() && also.is_empty() {
            return literal;
        }
        literal.extend(also);
        let phrases = if self.phrases.is_empty() {
            Vec::new()
        } else {
            self.phrases.find_tokens(text, tokens)
        };
        Self::merge(text, literal, &phrases, self.overlapping)
    }

    /// Literal and word-pattern matches made non-overlapping (see [`Matcher::find_in`]); with
    /// `per_concept`, only the matches of one concept among themselves.
    fn merge(text: &str, literal: Vec<Hit>, phrases: &[PhraseHit], per_concept: bool) -> Vec<Hit> {
        // Other senses, by concept.
        let mut other: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        for h in phrases.iter().filter(|h| h.sense == Sense::Other) {
            other.entry(h.concept).or_default().push((h.start, h.end));
        }
        let other: HashMap<usize, Intervals> = other
            .into_iter()
            .map(|(c, spans)| (c, Intervals::new(spans)))
            .collect();
        // (hit, loose)
        let mut all: Vec<(Hit, bool)> = literal.into_iter().map(|h| (h, false)).collect();
        all.extend(phrases.iter().filter(|h| h.sense != Sense::Other).map(|h| {
            let stance = match h.sense {
                Sense::Stance(s) => Some(s),
                Sense::Concept | Sense::Other => None,
            };
            let hit = Hit {
                start: h.start,
                end: h.end,
                concept: h.concept,
                stance,
            };
            (hit, h.loose)
        }));
        all.retain(|(h, _)| {
            !other
                .get(&h.concept)
                .is_some_and(|o| o.overlaps(h.start, h.end))
        });
        // A loose match gives way to a tight one of any concept it overlaps ("abuse of
        // emerging technologies", a label, over the gap pattern of malicious use of ICTs).
        // Where concepts may overlap, a tight match of another concept must cover at least
        // half of the loose one: "attacks on hospitals" (attacks on critical infrastructure)
        // stands beside "ransomware attacks" (ransomware), which shares one word with it.
        let tight_spans: Vec<(usize, usize, usize)> = all
            .iter()
            .filter(|(_, loose)| !loose)
            .map(|(h, _)| (h.start, h.end, h.concept))
            .collect();
        let tight = Intervals::new(tight_spans.iter().map(|&(s, e, _)| (s, e)).collect());
        let gives_way = |h: &Hit, loose: bool| {
            loose
                && tight.overlaps(h.start, h.end)
                && (!per_concept
                    || tight_spans.iter().any(|&(s, e, concept)| {
                        let shared = e.min(h.end).saturating_sub(s.max(h.start));
                        shared > 0 && (concept == h.concept || 2 * shared >= h.end - h.start)
                    }))
        };
        // A shorter reading of a wording that gave way to its own concept gives way with it
        // where nothing lists them apart: "treaties must be honoured in good faith" yields to
        // the label "good faith", and so does its part "treaties must be honoured", which is the
        // same mention; "foreign intervention, interference in the internal affairs" names two.
        // (The interval test first: most loose matches overlap no tight one, and a text may hold
        // thousands of each.)
        let yielded: Vec<(usize, usize, usize)> = all
            .iter()
            .filter(|(h, loose)| {
                *loose
                    && tight.overlaps(h.start, h.end)
                    && tight_spans
                        .iter()
                        .any(|&(s, e, concept)| concept == h.concept && s < h.end && h.start < e)
            })
            .map(|(h, _)| (h.start, h.end, h.concept))
            .collect();
        let same_mention = |h: &Hit| {
            yielded.iter().any(|&(ys, ye, concept)| {
                concept == h.concept
                    && ys <= h.start
                    && h.end <= ye
                    && ye - ys > h.end - h.start
                    && tight_spans.iter().any(|&(ts, te, tc)| {
                        tc == h.concept
                            && ys <= ts
                            && te <= ye
                            && (te <= h.start || h.end <= ts)
                            && !lists_apart(&text[h.end.min(te)..h.start.max(ts)])
                    })
            })
        };
        all.retain(|(h, loose)| !(gives_way(h, *loose) || (*loose && same_mention(h))));
        // Earliest first, then longest, then a wording that takes a stance.
        all.sort_by(|(a, _), (b, _)| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(b.stance.is_some().cmp(&a.stance.is_some()))
        });
        // The matches kept apart from one another: those of one concept, or all.
        let group = |h: &Hit| if per_concept { h.concept } else { 0 };
        let mut ends: HashMap<usize, usize> = HashMap::new();
        let mut hits: Vec<Hit> = Vec::with_capacity(all.len());
        for (h, _) in all {
            let end = ends.entry(group(&h)).or_insert(0);
            if h.start >= *end {
                *end = h.end;
                hits.push(h);
            }
        }
        hits
    }

    /// Matches of the literal labels within `text[from..to]`.
    fn literal_in(&self, text: &str, from: usize, to: usize) -> Vec<Hit> {
        let Some(regex) = &self.regex else {
            return Vec::new();
        };
        let hay = &text[..to];
        let mut hits = Vec::new();
        let mut at = from;
        while at <= hay.len() {
            let Some(m) = regex.find_at(hay, at) else {
                break;
            };
            let before = hay[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let boundary = !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char);
            if boundary {
                if let Some(&concept) = self.by_label.get(&normalise(m.as_str())) {
                    hits.push(Hit {
                        start: m.start(),
                        end: m.end(),
                        concept,
                        stance: None,
                    });
                }
                at = m.end().max(m.start() + 1);
            } else {
                at = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
            while at < hay.len() && !hay.is_char_boundary(at) {
                at += 1;
            }
        }
        hits
    }
}

/// A word of a Russian name or text: in lower case (ё as е) and its Russian stem.
#[derive(Debug, Clone)]
struct RussianWord {
    lower: String,
    stem: String,
    /// Whether the word is written with a capital, as a name is.
    capital: bool,
}

impl RussianWord {
    /// How close `text`, a word of a text, is to this word of a name, if it may be a form of
    /// it: the same stem (or one a letter longer), and for a foreign name (capitalised) ending
    /// in a vowel other than а or я ("Мали", "Перу", "Того"), which Russian does not decline,
    /// the same word (a label's word in a case that ends so, "равенстве", is declined). Higher is
    /// closer: the letters they share from the start, less those either has beyond.
    fn closeness(&self, text: &RussianWord) -> Option<i64> {
        // The stemmer may cut a letter more from one form than from another ("гвине" of
        // "Гвинея", "гвин" of "Гвинеи"): stems one letter apart still agree.
        let (short, long) = if self.stem.len() <= text.stem.len() {
            (&self.stem, &text.stem)
        } else {
            (&text.stem, &self.stem)
        };
        // A short word (a preposition, a conjunction: "во", "и") is not stemmed: it must be
        // the same word.
        if short.chars().count() < 3 {
            return (self.lower == text.lower).then(|| 2 * self.lower.chars().count() as i64);
        }
        // A name's stem may be a letter longer or shorter; a label's word (not capitalised) must
        // have the same stem ("мира", of peace, is not "мирное", peaceful).
        let slack = usize::from(self.capital);
        if !long.starts_with(short.as_str()) || long.chars().count() > short.chars().count() + slack
        {
            return None;
        }
        let indeclinable = self.capital
            && self
                .lower
                .chars()
                .last()
                .is_some_and(|c| "иуоеэю".contains(c));
        if indeclinable && self.lower != text.lower {
            return None;
        }
        let common = self
            .lower
            .chars()
            .zip(text.lower.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let len = |w: &str| w.chars().count();
        Some(
            2 * common as i64
                - (len(&self.lower) - common) as i64
                - (len(&text.lower) - common) as i64,
        )
    }
}

/// The words of a stretch of a Russian text with their stems, read once for all the names and
/// labels looked for in it ([`Lexicon::find_russian_names_in`]).
#[derive(Debug)]
pub struct RussianText {
    words: Vec<(usize, usize, RussianWord)>,
}

impl RussianText {
    /// The words of `text[from..to]`, with offsets into `text`.
    pub fn new(text: &str, from: usize, to: usize) -> Self {
        RussianText {
            words: russian_words(&text[from..to])
                .map(|(s, e, w)| (from + s, from + e, w))
                .collect(),
        }
    }
}

/// The words of `text` (runs of letters and digits: a hyphen of any kind separates, so
/// "Гвинея-Бисау" is two words on both sides) with their byte offsets.
fn russian_words(text: &str) -> impl Iterator<Item = (usize, usize, RussianWord)> + '_ {
    thread_local! {
        static RUSSIAN: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian);
    }
    text.char_indices()
        .filter(|(i, c)| {
            c.is_alphanumeric()
                && !text[..*i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(move |(s, _)| {
            let e = text[s..]
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(text.len(), |(k, _)| s + k);
            let capital = text[s..].chars().next().is_some_and(char::is_uppercase);
            let lower = text[s..e].to_lowercase().replace('ё', "е");
            let stem = RUSSIAN.with(|r| r.stem(&lower).into_owned());
            (
                s,
                e,
                RussianWord {
                    lower,
                    stem,
                    capital,
                },
            )
        })
}

/// Whether `c` continues a word, for the whole-word test of labels. Chinese and Japanese
/// characters do not: those scripts write no spaces between words, so a label there matches
/// wherever its characters occur.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// The other UN languages (`fr`, `es`, `ru`, `ar`, `zh`) a language tag is in, or `None` (for
/// English and any other language).
pub(crate) fn un_language(tag: &str) -> Option<&'static str> {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase();
    ["fr", "es", "ru", "ar", "zh"]
        .into_iter()
        .find(|l| *l == primary)
}

/// The key a label is looked up by: lower case, white space collapsed, `’` as `'`, without
/// Arabic marks (texts are matched without them: [`super::text::fold_arabic_marks`]).
pub fn normalise(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                '‐' | '‑' | '–' => out.push('-'),
                c if is_arabic_mark(c) => {}
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

fn label_pattern(key: &str) -> String {
    key.split(' ')
        .map(|word| {
            let mut p = String::new();
            for c in word.chars() {
                match c {
                    '\'' => p.push_str("['’‘]"),
                    '-' => p.push_str("[-‐‑–]"),
                    c => p.push_str(&regex::escape(&c.to_string())),
                }
            }
            p
        })
        .collect::<Vec<_>>()
        .join(r"\s+")
}

/// The matchers for every kind of concept.
#[derive(Debug)]
pub struct Lexicon {
    matchers: BTreeMap<Kind, Matcher>,
    /// For the other UN languages, by language tag: matchers with that language's labels added
    /// (only for the kinds that have labels in it).
    in_language: BTreeMap<(String, Kind), Matcher>,
    /// Russian names of States and groups, and Russian labels of principles, threat categories
    /// and positions, as the stems of their words, with the concept's index in the kind's
    /// matchers: Russian declines them ("делегации Российской Федерации", "суверенного
    /// равенства" read as "суверенное равенство"), so they are found on stems
    /// ([`Lexicon::find_russian_names`]).
    russian_names: BTreeMap<Kind, Vec<(Vec<RussianWord>, usize)>>,
    /// The cue patterns positions are judged by (`data/cues/`).
    pub cues: Cues,
    /// What a resolution's number alone says (`data/reference/*.csv`).
    pub numbers: NumberTables,
    /// How statements name the organs whose resolutions they cite (`data/cues/`).
    pub organs: Organs,
    /// The agreed norms that give their wording (`ng:text`), for telling restatements.
    pub agreed_norms: Vec<AgreedNorm>,
}

/// An agreed norm's wording, as the extractor compares proposals with it.
#[derive(Debug, Clone)]
pub struct AgreedNorm {
    /// Its IRI.
    pub iri: String,
    /// The stems of its content words ([`super::phrases::content_stems`]).
    pub stems: Vec<String>,
}

impl Lexicon {
    /// Reads the lexicon from the ontology and reference files.
    pub fn load(resources: &Resources) -> Result<Self, ResourceError> {
        let mut files = resources.ontology()?;
        files.extend(resources.reference()?);
        let mut patterns = CuePatterns::from_files(&resources.cues()?)?;
        let cues = Cues::take_from(&mut patterns)?;
        let organs = Organs::take_from(&mut patterns)?;
        Self::from_files(&files, cues, organs, NumberTables::load(resources)?)
    }

    /// Reads the lexicon from Turtle files (the SKOS labels), with the cue patterns and the
    /// number tables.
    pub fn from_files(
        files: &[ResourceFile],
        cues: Cues,
        organs: Organs,
        numbers: NumberTables,
    ) -> Result<Self, ResourceError> {
        #[derive(Default)]
        struct Entry {
            types: Vec<String>,
            pref: Vec<String>,
            other: Vec<String>,
            iso3: Option<String>,
            ict_reach: Vec<String>,
            abbreviations: Vec<String>,
            word_patterns: Vec<String>,
            other_senses: Vec<String>,
            support_patterns: Vec<String>,
            opposition_patterns: Vec<String>,
            class_words: Vec<String>,
            implied_with: Vec<String>,
            implied_by: Vec<String>,
            act_patterns: Vec<String>,
            actor_patterns: Vec<String>,
            harm_patterns: Vec<String>,
            means_patterns: Vec<String>,
            specifies: Vec<String>,
            refines: Vec<String>,
            text: Vec<String>,
            /// Preferred and other labels in the other UN languages, by language tag.
            foreign: BTreeMap<String, Vec<String>>,
            /// Word patterns, other senses and stance patterns written in the other UN
            /// languages (`"…"@fr`), by language tag: matched on texts in that language only.
            foreign_patterns: BTreeMap<String, Vec<(String, Sense)>>,
        }
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        let rdf_type = format!("{RDF}type");
        let pref = format!("{SKOS}prefLabel");
        let alt = [format!("{SKOS}altLabel"), format!("{SKOS}hiddenLabel")];
        let iso = format!("{NG}iso3166Alpha3");
        let abbreviation = format!("{NG}abbreviation");
        let word_pattern = format!("{NG}wordPattern");
        let other_sense = format!("{NG}otherSense");
        let support_pattern = format!("{NG}supportPattern");
        let opposition_pattern = format!("{NG}oppositionPattern");
        let wording = format!("{NG}text");
        let class_words = format!("{NG}classWords");
        let implied_with = format!("{NG}impliedWith");
        let implied_by = format!("{NG}impliedBy");
        let act_pattern = format!("{NG}actPattern");
        let actor_pattern = format!("{NG}actorPattern");
        let harm_pattern = format!("{NG}harmPattern");
        let means_pattern = format!("{NG}meansPattern");
        let ict_reach = format!("{NG}ictReach");
        let specifies = format!("{NG}specifies");
        let refines = format!("{NG}refines");
        for file in files {
            for triple in RdfParser::from_format(RdfFormat::Turtle).for_slice(file.text.as_bytes())
            {
                let quad = triple.map_err(|e| syntax_error(&file.origin, &e))?;
                let NamedOrBlankNode::NamedNode(s) = &quad.subject else {
                    continue;
                };
                let p = quad.predicate.as_str();
                let entry = entries.entry(s.as_str().to_owned()).or_default();
                match &quad.object {
                    Term::NamedNode(o) if p == rdf_type => entry.types.push(o.as_str().into()),
                    Term::NamedNode(o) if p == implied_by => {
                        entry.implied_by.push(o.as_str().into())
                    }
                    Term::NamedNode(o) if p == specifies => entry.specifies.push(o.as_str().into()),
                    Term::NamedNode(o) if p == refines => entry.refines.push(o.as_str().into()),
                    Term::Literal(l) if p == ict_reach => entry.ict_reach.push(l.value().into()),
                    Term::Literal(l) if l.language().is_none_or(|lang| lang.starts_with("en")) => {
                        if p == pref {
                            entry.pref.push(l.value().into());
                        } else if alt.iter().any(|a| a == p) {
                            entry.other.push(l.value().into());
                        } else if p == iso {
                            entry.iso3 = Some(l.value().into());
                        } else if p == abbreviation {
                            entry.abbreviations.push(l.value().into());
                        } else if p == word_pattern {
                            entry.word_patterns.push(l.value().into());
                        } else if p == other_sense {
                            entry.other_senses.push(l.value().into());
                        } else if p == support_pattern {
                            entry.support_patterns.push(l.value().into());
                        } else if p == opposition_pattern {
                            entry.opposition_patterns.push(l.value().into());
                        } else if p == wording {
                            entry.text.push(l.value().into());
                        } else if p == class_words {
                            entry.class_words.push(l.value().into());
                        } else if p == implied_with {
                            entry.implied_with.push(l.value().into());
                        } else if p == act_pattern {
                            entry.act_patterns.push(l.value().into());
                        } else if p == actor_pattern {
                            entry.actor_patterns.push(l.value().into());
                        } else if p == harm_pattern {
                            entry.harm_patterns.push(l.value().into());
                        } else if p == means_pattern {
                            entry.means_patterns.push(l.value().into());
                        }
                    }
                    Term::Literal(l) if p == pref || alt.iter().any(|a| a == p) => {
                        if let Some(lang) = l.language().and_then(un_language) {
                            entry
                                .foreign
                                .entry(lang.to_owned())
                                .or_default()
                                .push(l.value().into());
                        }
                    }
                    Term::Literal(l) => {
                        let sense = if p == word_pattern {
                            Some(Sense::Concept)
                        } else if p == other_sense {
                            Some(Sense::Other)
                        } else if p == support_pattern {
                            Some(Sense::Stance(Stance::Supports))
                        } else if p == opposition_pattern {
                            Some(Sense::Stance(Stance::Opposes))
                        } else {
                            None
                        };
                        let refused = |message: &str| ResourceError::BadLabel {
                            label: l.value().to_owned(),
                            concept: s.as_str().to_owned(),
                            message: message.to_owned(),
                        };
                        let lang = l.language().and_then(un_language);
                        match (sense, lang) {
                            (Some(sense), Some(lang)) => entry
                                .foreign_patterns
                                .entry(lang.to_owned())
                                .or_default()
                                .push((l.value().into(), sense)),
                            (Some(_), None) => {
                                return Err(refused(
                                    "a pattern's language tag must be one of the UN languages \
                                     (fr, es, ru, ar, zh) or English",
                                ))
                            }
                            (None, _)
                                if [
                                    &act_pattern,
                                    &actor_pattern,
                                    &harm_pattern,
                                    &means_pattern,
                                    &implied_with,
                                    &class_words,
                                ]
                                .iter()
                                .any(|q| **q == p) =>
                            {
                                return Err(refused(
                                    "act, actor, harm, means and implied-with patterns and word \
                                     classes are read in English only: write them without a \
                                     language tag",
                                ))
                            }
                            (None, _) => {}
                        }
                    }
                    _ => {}
                }
            }
        }
        // The word classes patterns name as `@name` (`ontology/wordclasses.ttl`): each must
        // have words, each word must be one a pattern accepts, and no two may share a name.
        let word_class = format!("{NG}WordClass");
        let mut classes: HashMap<String, Vec<String>> = HashMap::new();
        for (iri, e) in entries
            .iter()
            .filter(|(_, e)| e.types.contains(&word_class))
        {
            let bad = |message: &str| ResourceError::BadLabel {
                label: e.class_words.join(" | "),
                concept: iri.clone(),
                message: message.to_owned(),
            };
            let name = iri.rsplit('/').next().unwrap_or(iri).to_owned();
            let words: Vec<String> = e
                .class_words
                .iter()
                .flat_map(|w| w.split('|'))
                .map(|w| w.trim().to_owned())
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                return Err(bad("a word class needs words (ng:classWords)"));
            }
            if words
                .iter()
                .any(|w| w.contains(char::is_whitespace) || w.starts_with('@'))
            {
                return Err(bad(
                    "a word class's words are single words, without other classes (@name)",
                ));
            }
            // The words as a pattern of one word: the same checks as in every pattern.
            Phrases::new().add_pattern(&words.join("|"), 0, iri, Sense::Concept)?;
            if classes.insert(name.clone(), words).is_some() {
                return Err(bad(&format!("another word class is also named {name:?}")));
            }
        }
        let mut matchers = BTreeMap::new();
        let mut in_language = BTreeMap::new();
        let mut russian_names = BTreeMap::new();
        for kind in Kind::ALL {
            let class = kind.class();
            let chosen: Vec<(&String, &Entry)> = entries
                .iter()
                .filter(|(_, e)| e.types.contains(&class))
                .collect();
            // The concepts with their labels: the English (and untagged) ones, and those of
            // `language` when one is given.
            let list_in = |language: Option<&str>| -> Vec<(Concept, Vec<String>, Vec<String>)> {
                chosen
                    .iter()
                    .map(|(iri, e)| {
                        let label = e
                            .pref
                            .first()
                            .or(e.other.first())
                            .cloned()
                            .unwrap_or_else(|| (*iri).clone());
                        let mut labels = e.pref.clone();
                        labels.extend(e.other.iter().cloned());
                        if let Some(lang) = language {
                            labels.extend(e.foreign.get(lang).into_iter().flatten().cloned());
                        }
                        (
                            Concept {
                                iri: (*iri).clone(),
                                label,
                                iso3: e.iso3.clone(),
                                ict_reach: e.ict_reach.first().and_then(|r| r.parse().ok()),
                            },
                            labels,
                            e.abbreviations.clone(),
                        )
                    })
                    .collect()
            };
            let mut phrases = None;
            // The indices of the concepts a concept's `property` names (`ng:impliedBy`,
            // `ng:specifies`), refused unless each is another concept of this kind.
            let others_of = |index: usize,
                             iri: &String,
                             others: &[String],
                             property: &str|
             -> Result<Vec<usize>, ResourceError> {
                others
                    .iter()
                    .map(|other| match chosen.iter().position(|(i, _)| *i == other) {
                        Some(j) if j != index => Ok(j),
                        _ => Err(ResourceError::BadLabel {
                            label: other.clone(),
                            concept: iri.clone(),
                            message: format!("{property} names another concept of the same kind"),
                        }),
                    })
                    .collect()
            };
            // Facts implied by others (`ng:impliedBy`, `ng:impliedWith`), indexed like the
            // concepts of this kind's matchers.
            let mut targets = Phrases::new().with_word_classes(classes.clone());
            let mut implied_by: Vec<(usize, Vec<usize>)> = Vec::new();
            for (index, (iri, e)) in chosen.iter().enumerate() {
                if e.implied_by.is_empty() && e.implied_with.is_empty() {
                    continue;
                }
                let bad = |label: &str, message: &str| ResourceError::BadLabel {
                    label: label.to_owned(),
                    concept: (*iri).clone(),
                    message: message.to_owned(),
                };
                if e.implied_by.is_empty() || e.implied_with.is_empty() {
                    return Err(bad(
                        "",
                        "ng:impliedBy and ng:impliedWith go together: a concept implied by \
                         others needs both",
                    ));
                }
                let by = others_of(index, iri, &e.implied_by, "ng:impliedBy")?;
                for pattern in &e.implied_with {
                    targets.add_pattern(pattern, index, iri, Sense::Concept)?;
                }
                implied_by.push((index, by));
            }
            // The concepts each more precise concept specifies (`ng:specifies`) or refines
            // (`ng:refines`), indexed like the concepts.
            let mut specified: Vec<(usize, Vec<General>)> = Vec::new();
            for (index, (iri, e)) in chosen.iter().enumerate() {
                let mut general: Vec<General> =
                    others_of(index, iri, &e.specifies, "ng:specifies")?
                        .into_iter()
                        .map(|g| (g, false))
                        .collect();
                general.extend(
                    others_of(index, iri, &e.refines, "ng:refines")?
                        .into_iter()
                        .map(|g| (g, true)),
                );
                if !general.is_empty() {
                    specified.push((index, general));
                }
            }
            for (iri, e) in &chosen {
                if let Some(bad) = e
                    .ict_reach
                    .iter()
                    .find(|r| r.parse::<usize>().map_or(true, |n| n == 0 || n > 5000))
                {
                    return Err(ResourceError::BadLabel {
                        label: bad.clone(),
                        concept: (*iri).clone(),
                        message: "ng:ictReach is a number of bytes from 1 to 5000".to_owned(),
                    });
                }
            }
            // Patterns that count only beside a companion, indexed like the concepts: acts
            // beside their actor (`ng:actPattern`, `ng:actorPattern`), harms beside their means
            // (`ng:harmPattern`, `ng:meansPattern`). The concept's other senses hold for the
            // acts and harms too (a hurricane, a bombing); one without the other is refused.
            // Which patterns of an entry count, and which must stand beside them.
            type Parts = dyn for<'a> Fn(&'a Entry) -> [&'a [String]; 2];
            let paired = |parts: &Parts, message: &str| -> Result<Paired, ResourceError> {
                let mut events = Phrases::new().with_word_classes(classes.clone());
                let mut companions = Phrases::new().with_word_classes(classes.clone());
                for (index, (iri, e)) in chosen.iter().enumerate() {
                    let [own, beside] = parts(e);
                    if own.is_empty() != beside.is_empty() {
                        return Err(ResourceError::BadLabel {
                            label: String::new(),
                            concept: (*iri).clone(),
                            message: message.to_owned(),
                        });
                    }
                    for pattern in own {
                        events.add_pattern(pattern, index, iri, Sense::Concept)?;
                    }
                    if !own.is_empty() {
                        for pattern in &e.other_senses {
                            events.add_pattern(pattern, index, iri, Sense::Other)?;
                        }
                    }
                    for pattern in beside {
                        companions.add_pattern(pattern, index, iri, Sense::Concept)?;
                    }
                }
                Ok(Paired { events, companions })
            };
            let acted = paired(
                &|e| [&e.act_patterns, &e.actor_patterns],
                "ng:actPattern and ng:actorPattern go together: an act needs its actor, and an \
                 actor an act",
            )?;
            let harmed = paired(
                &|e| [&e.harm_patterns, &e.means_patterns],
                "ng:harmPattern and ng:meansPattern go together: a harm needs its means, and a \
                 means a harm",
            )?;
            if Kind::STEMMED.contains(&kind) {
                let mut p = Phrases::new().with_word_classes(classes.clone());
                for (index, (iri, e)) in chosen.iter().enumerate() {
                    for label in e.pref.iter().chain(&e.other) {
                        p.add_label(label, index);
                    }
                    let senses = [
                        (&e.word_patterns, Sense::Concept),
                        (&e.other_senses, Sense::Other),
                        (&e.support_patterns, Sense::Stance(Stance::Supports)),
                        (&e.opposition_patterns, Sense::Stance(Stance::Opposes)),
                    ];
                    for (patterns, sense) in senses {
                        for pattern in patterns {
                            p.add_pattern(pattern, index, iri, sense)?;
                        }
                    }
                }
                phrases = Some(p);
            }
            // The patterns written in another UN language, added to the English ones for texts
            // in that language (its words are matched as written or by a prefix, `traite*`:
            // the stems are English ones).
            let mut foreign_phrases: BTreeMap<&str, Phrases> = BTreeMap::new();
            for (index, (iri, e)) in chosen.iter().enumerate() {
                for (lang, patterns) in &e.foreign_patterns {
                    let Some(english) = &phrases else {
                        return Err(ResourceError::BadLabel {
                            label: patterns
                                .first()
                                .map(|(pattern, _)| pattern.clone())
                                .unwrap_or_default(),
                            concept: (*iri).clone(),
                            message: "patterns are read only for principles, threat categories \
                                      and positions"
                                .to_owned(),
                        });
                    };
                    let p = foreign_phrases
                        .entry(lang.as_str())
                        .or_insert_with(|| english.clone());
                    for (pattern, sense) in patterns {
                        p.add_pattern(pattern, index, iri, *sense)?;
                    }
                }
            }
            // The English labels of a stemmed kind made only of words (no apostrophe or other
            // sign) are found by the word patterns, on their stems: the literal search, the
            // costlier, keeps the rest (labels in other languages, signs, abbreviations).
            let by_stems: std::collections::HashSet<&str> = if phrases.is_some() {
                chosen
                    .iter()
                    .flat_map(|(_, e)| e.pref.iter().chain(&e.other))
                    .filter(|l| {
                        l.chars()
                            .all(|c| is_word_char(c) || c.is_whitespace() || c == '-')
                            && Phrases::finds_label_as_written(l)
                    })
                    .map(String::as_str)
                    .collect()
            } else {
                std::collections::HashSet::new()
            };
            let build = |language: Option<&str>| -> Result<Matcher, ResourceError> {
                let m =
                    Matcher::with_literal(list_in(language), |label| !by_stems.contains(label))?;
                let m = if kind == Kind::Threat {
                    m.overlapping()
                } else {
                    m
                };
                let m = m.with_implied(targets.clone(), implied_by.clone());
                let m = m.with_paired(acted.clone(), harmed.clone());
                let m = m.with_specifies(specified.clone());
                let own = language.and_then(|lang| foreign_phrases.get(lang));
                Ok(match (own, &phrases) {
                    (Some(p), _) | (None, Some(p)) => m.with_phrases(p.clone()),
                    (None, None) => m,
                })
            };
            // The English matcher, and one per other UN language that has labels for this kind:
            // its labels and the English ones (proper names, English terms quoted in the text).
            // Built side by side: each compiles a regex of its labels, most of start-up.
            let languages: Vec<Option<&str>> = std::iter::once(None)
                .chain(
                    chosen
                        .iter()
                        .flat_map(|(_, e)| e.foreign.keys().chain(e.foreign_patterns.keys()))
                        .map(|lang| Some(lang.as_str()))
                        .collect::<std::collections::BTreeSet<_>>(),
                )
                .collect();
            let built: Vec<Matcher> = languages
                .par_iter()
                .map(|&lang| build(lang))
                .collect::<Result<_, _>>()?;
            for (lang, matcher) in languages.into_iter().zip(built) {
                match lang {
                    None => matchers.insert(kind, matcher),
                    Some(lang) => in_language.insert((lang.to_owned(), kind), matcher),
                };
            }
            if matches!(
                kind,
                Kind::State | Kind::Group | Kind::Principle | Kind::Threat | Kind::Position
            ) {
                // Indexed like the concepts of this kind's matchers (both follow `chosen`).
                let mut names: Vec<(Vec<RussianWord>, usize)> = chosen
                    .iter()
                    .enumerate()
                    .flat_map(|(index, (_, e))| {
                        e.foreign
                            .get("ru")
                            .into_iter()
                            .flatten()
                            .filter(|label| !label.contains('('))
                            .map(move |label| {
                                let words: Vec<RussianWord> =
                                    russian_words(label).map(|(_, _, w)| w).collect();
                                (words, index)
                            })
                    })
                    .filter(|(words, _)| !words.is_empty())
                    .collect();
                // Longest names first, so that "Корейская Народно-Демократическая Республика"
                // is not read as a shorter name inside it.
                names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
                russian_names.insert(kind, names);
            }
        }
        let agreed_class = format!("{NG}AgreedNorm");
        let agreed_norms = entries
            .iter()
            .filter(|(_, e)| e.types.contains(&agreed_class))
            .filter_map(|(iri, e)| {
                e.text.first().map(|text| AgreedNorm {
                    iri: iri.clone(),
                    stems: super::phrases::content_stems(text),
                })
            })
            .collect();
        Ok(Self {
            matchers,
            in_language,
            russian_names,
            cues,
            numbers,
            organs,
            agreed_norms,
        })
    }

    /// The matcher for one kind of concept (English labels).
    pub fn matcher(&self, kind: Kind) -> &Matcher {
        &self.matchers[&kind]
    }

    /// The matcher for one kind of concept in a text written in `language` (a BCP 47 tag such
    /// as `fr`): that language's labels as well as the English ones, when the vocabulary has
    /// labels of this kind in it; otherwise the English matcher.
    pub fn matcher_in(&self, kind: Kind, language: Option<&str>) -> &Matcher {
        language
            .and_then(un_language)
            .and_then(|lang| self.in_language.get(&(lang.to_owned(), kind)))
            .unwrap_or_else(|| self.matcher(kind))
    }

    /// The Russian names of States or groups, or labels of concepts (`kind`), in
    /// `text[from..to]`, in any grammatical case: their words compared on Russian stems. Hits
    /// index the concepts of [`Lexicon::matcher_in`]`(kind, Some("ru"))`.
    pub fn find_russian_names(&self, kind: Kind, text: &str, from: usize, to: usize) -> Vec<Hit> {
        self.find_russian_names_in(kind, text, &RussianText::new(text, from, to))
    }

    /// [`Lexicon::find_russian_names`] over words already read ([`RussianText`]: a statement's
    /// words are stemmed once for all the kinds looked for in it). Of overlapping names the
    /// longest is kept, wherever it starts ("уважения суверенитета государств над своими
    /// природными ресурсами" is permanent sovereignty over natural resources, not "уважение
    /// суверенитета" and the rest).
    pub fn find_russian_names_in(&self, kind: Kind, text: &str, words: &RussianText) -> Vec<Hit> {
        let Some(names) = self.russian_names.get(&kind) else {
            return Vec::new();
        };
        let words = &words.words;
        // At each word, of the names that fit there, the longest; of those, the one whose words
        // are closest to the text's ("Нигерии" is Nigeria's, not Niger's, though both stem to
        // "нигер").
        let mut candidates: Vec<(usize, usize, usize)> = (0..words.len())
            .filter_map(|i| {
                names
                    .iter()
                    .filter_map(|(name, concept)| {
                        let here = words.get(i..i + name.len())?;
                        let mut score = 0;
                        for (n, (_, _, w)) in name.iter().zip(here) {
                            score += n.closeness(w)?;
                        }
                        // Not across the end of a sentence or a clause, nor a blank line.
                        let crosses = here.windows(2).any(|pair| {
                            let between = &text[pair[0].1..pair[1].0];
                            between.contains(['.', ';', ':', '!', '?']) || between.contains("\n\n")
                        });
                        (!crosses).then_some((name.len(), score, *concept))
                    })
                    .max_by_key(|&(len, score, _)| (len, score))
                    .map(|(len, _, concept)| (i, len, concept))
            })
            .collect();
        // The longest first (the earliest of equals), each kept where no kept one overlaps it.
        candidates.sort_by_key(|&(i, len, _)| (std::cmp::Reverse(len), i));
        let mut taken = vec![false; words.len()];
        let mut hits = Vec::new();
        for (i, len, concept) in candidates {
            if taken[i..i + len].iter().any(|&t| t) {
                continue;
            }
            taken[i..i + len].iter_mut().for_each(|t| *t = true);
            hits.push(Hit {
                start: words[i].0,
                end: words[i + len - 1].1,
                concept,
                stance: None,
            });
        }
        hits.sort_by_key(|h| h.start);
        hits
    }

    /// A State by its ISO 3166-1 alpha-3 code.
    pub fn state_by_code(&self, code: &str) -> Option<&Concept> {
        let code = code.trim();
        self.matcher(Kind::State).concepts().iter().find(|c| {
            c.iso3
                .as_deref()
                .is_some_and(|i| i.eq_ignore_ascii_case(code))
        })
    }

    /// A delegation (State or group) by code, IRI or any of its labels, in English or in
    /// another UN language ("Mexique", "Irán (República Islámica del)").
    pub fn delegation(&self, name: &str) -> Option<&Concept> {
        let name = name.trim();
        let name = name.strip_prefix("the ").unwrap_or(name);
        let in_other_languages = |kind: Kind| {
            self.in_language
                .iter()
                .filter(|((_, k), _)| *k == kind)
                .find_map(|(_, m)| m.lookup(name))
        };
        self.state_by_code(name)
            .or_else(|| self.matcher(Kind::State).lookup(name))
            .or_else(|| self.matcher(Kind::Group).lookup(name))
            .or_else(|| in_other_languages(Kind::State))
            .or_else(|| in_other_languages(Kind::Group))
            .or_else(|| {
                [Kind::State, Kind::Group].into_iter().find_map(|k| {
                    self.matcher(k).concepts().iter().find(|c| {
                        c.iri == name || c.iri.rsplit('/').next().is_some_and(|l| l == name)
                    })
                })
            })
    }
}

/// How far before a stretch a fact may start and still reach into it: a fact is at most a
/// sentence long, and a sentence is looked for at most 2000 bytes either way.
const FACT_REACH: usize = 4096;

/// The items of `sorted` (sorted by start; `span` gives an item's start and end) that overlap
/// `from..until`, last first, found by binary search: a statement of 90 MB has a hundred
/// thousand facts.
fn overlapping<T>(
    sorted: &[T],
    from: usize,
    until: usize,
    span: impl Fn(&T) -> (usize, usize) + Copy,
) -> impl Iterator<Item = &T> {
    let upto = sorted.partition_point(|t| span(t).0 < until);
    let floor = from.saturating_sub(FACT_REACH);
    sorted[..upto]
        .iter()
        .rev()
        .take_while(move |t| span(t).0 >= floor)
        .filter(move |t| span(t).1 > from)
}

/// The sentence that holds `start..end` in `text` (byte offsets), widened to the span itself.
fn sentence_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (s, e) = super::text::sentence_around(text, start, end);
    (s.min(start), e.max(end))
}

/// The start of the sentence before the one that starts at `s`, in the same paragraph: none
/// at the text's start or across a blank line.
fn sentence_before(text: &str, s: usize) -> Option<usize> {
    let before = text[..s].trim_end();
    if before.is_empty() || text[before.len()..s].matches('\n').count() >= 2 {
        return None;
    }
    Some(super::text::sentence_around(text, before.len() - 1, before.len()).0)
}

/// Of the matches in `found` (sorted by start) lying wholly within `s..e` that `keep` accepts,
/// the nearest to `fact`'s span (inside it counting as nearest).
fn nearest_within(
    found: &[PhraseHit],
    (s, e): (usize, usize),
    fact: (usize, usize),
    keep: impl Fn(&PhraseHit) -> bool,
) -> Option<&PhraseHit> {
    let distance = |t: &PhraseHit| {
        if t.end <= fact.0 {
            fact.0 - t.end
        } else {
            t.start.saturating_sub(fact.1)
        }
    };
    let from = found.partition_point(|t| t.start < s);
    found[from..]
        .iter()
        .take_while(|t| t.start < e)
        .filter(|t| t.end <= e && keep(t))
        .min_by_key(|t| distance(t))
}

/// How many sentences before an act its actor may be named in where the act's subject refers
/// back (otherwise one): speakers name the actor once and then go on with "they" or "the same
/// groups" ("… a haven to terrorists. And the threat has changed shape. The same groups now
/// raise funds through online platforms"). Two, from one in the thirteenth session: on the
/// eighteen development blind sets threat recall 0.714 → 0.718 at the same precision.
const ACT_REACH: usize = 2;

/// Words that make a clause's subject refer back to someone named before (not "their" or
/// "its", which stand as often in the object: "our young people raise funds for their
/// victims").
const BACK_REFERENCES: [&str; 5] = ["they", "these", "those", "such", "same"];

/// Whether the words of a clause up to the end of its act (`words`, spans into `text`) refer
/// back to an actor named earlier ("The same groups now raise funds", "Through social networks,
/// they recruit") rather than name one of their own.
fn refers_back(text: &str, mut words: impl Iterator<Item = (usize, usize)>) -> bool {
    words.any(|(s, e)| BACK_REFERENCES.contains(&text[s..e].to_lowercase().as_str()))
}

/// Whether a new clause begins between `from` and `to` (offsets into `text`; none when `to` is
/// not after `from`): a semicolon or a colon, or a comma followed by "and", "but", "while",
/// "whereas" or "yet".
fn new_clause_between(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to) else {
        return false;
    };
    if between.contains([';', ':']) {
        return true;
    }
    between.match_indices(',').any(|(i, _)| {
        let next = between[i + 1..].split_whitespace().next().unwrap_or("");
        ["and", "but", "while", "whereas", "yet"].contains(&next.to_lowercase().as_str())
    })
}

/// Whether the words between two mentions list them apart (a comma, a semicolon, "and", "or",
/// "as well as"): then they are two mentions, not one.
fn lists_apart(between: &str) -> bool {
    between.contains([',', ';', '/'])
        || between.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "and" | "or" | "nor" | "et" | "ou" | "y" | "o"
            )
        })
        || between.to_lowercase().contains("as well as")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> Matcher {
        let c = |iri: &str| Concept {
            iri: iri.into(),
            label: iri.into(),
            iso3: None,
            ict_reach: None,
        };
        Matcher::new(vec![
            (c("sov"), vec!["sovereignty".into()]),
            (c("seq"), vec!["sovereign equality".into()]),
            (
                c("ni"),
                vec![
                    "non-interference in internal affairs".into(),
                    "States’ rights".into(),
                ],
            ),
        ])
        .expect("builds")
    }

    /// Russian names in any case, on their stems; the longest name wins.
    #[test]
    fn russian_names_in_any_case() {
        let lexicon = Lexicon::load(&Resources::Embedded).expect("lexicon");
        let text = "Выступление делегации Российской Федерации и Корейской Народно-Демократической Республики";
        let concepts = lexicon.matcher_in(Kind::State, Some("ru")).concepts();
        let found = |text: &'static str| -> Vec<(&'static str, &str)> {
            lexicon
                .find_russian_names(Kind::State, text, 0, text.len())
                .iter()
                .map(|h| {
                    let code = concepts[h.concept].iso3.as_deref().unwrap_or("");
                    (&text[h.start..h.end], code)
                })
                .collect()
        };
        assert_eq!(
            found(text),
            [
                ("Российской Федерации", "RUS"),
                ("Корейской Народно-Демократической Республики", "PRK"),
            ]
        );
        // Names that share a stem, indeclinable names, hyphens of any kind.
        let text = "делегации Нигерии, делегации Нигера, делегации малых государств, делегации Мали, делегации Гвинеи\u{2011}Бисау";
        assert_eq!(
            found(text),
            [
                ("Нигерии", "NGA"),
                ("Нигера", "NER"),
                ("Мали", "MLI"),
                ("Гвинеи\u{2011}Бисау", "GNB"),
            ]
        );
    }

    /// Russian labels of principles in any case, on their stems: the label read in the
    /// prepositional ("о суверенном равенстве государств") finds the genitive and the
    /// nominative; a label's word ending in a vowel is declined (only a capitalised name's is
    /// not); a preposition must be the same word.
    #[test]
    fn russian_concept_labels_in_any_case() {
        let lexicon = Lexicon::load(&Resources::Embedded).expect("lexicon");
        let concepts = lexicon.matcher_in(Kind::Principle, Some("ru")).concepts();
        let found = |text: &'static str| -> Vec<(&'static str, String)> {
            lexicon
                .find_russian_names(Kind::Principle, text, 0, text.len())
                .iter()
                .map(|h| {
                    let iri = &concepts[h.concept].iri;
                    (
                        &text[h.start..h.end],
                        iri.rsplit('/').next().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        };
        assert_eq!(
            found("принципа суверенного равенства государств и вмешательства во внутренние дела государств"),
            [
                ("суверенного равенства государств", "sovereign-equality".to_owned()),
                (
                    "вмешательства во внутренние дела государств",
                    "non-intervention".to_owned()
                ),
            ]
        );
        assert_eq!(
            found("Суверенное равенство государств"),
            [(
                "Суверенное равенство государств",
                "sovereign-equality".to_owned()
            )]
        );
        // Another preposition is another phrase.
        assert!(found("вмешательства на внутренние дела государств").is_empty());
        // Of overlapping labels the longest, wherever it starts: not "уважение суверенитета"
        // and the rest.
        let text = "принципа уважения суверенитета государств над своими природными ресурсами";
        assert_eq!(
            found(text),
            [(
                "суверенитета государств над своими природными ресурсами",
                "permanent-sovereignty-over-natural-resources".to_owned()
            )]
        );
        // Not across the end of a sentence.
        assert!(found(
            "Мы ценим доверие и сотрудничество. Между государствами нарастает напряженность."
        )
        .iter()
        .all(|(_, c)| c != "cooperation"));
    }

    #[test]
    fn whole_words_longest_first_whitespace_flexible() {
        let m = matcher();
        let text = "respect for Sovereign\nequality and non‑interference in  internal affairs; \
                    sovereignty, not sovereigntyX; States' rights";
        let hits = m.find_all(text);
        let found: Vec<(&str, &str)> = hits
            .iter()
            .map(|h| (&text[h.start..h.end], m.concepts()[h.concept].iri.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Sovereign\nequality", "seq"),
                ("non‑interference in  internal affairs", "ni"),
                ("sovereignty", "sov"),
                ("States' rights", "ni"),
            ]
        );
    }
}
