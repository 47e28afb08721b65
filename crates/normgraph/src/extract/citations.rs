//! Citations of UN resolutions, normalised to their symbols.
//!
//! Written forms handled (with any white space, line breaks included, between the parts):
//! - symbols: `A/RES/73/27`, `A/RES/2131 (XX)`, `A/RES/ES-11/1`, `A/RES/S-10/2`, `S/RES/2231 (2015)`;
//! - the word *resolution(s)* followed by one or more designators joined by commas, *and*,
//!   *as well as*: `73/27` (General Assembly, sessions 31 on), `2131 (XX)` (roman session:
//!   General Assembly before 1976), `242 (1967)` (a year: Security Council), `ES-10/19`,
//!   a bare number followed by an adoption date (`2131 of 21 December 1965`);
//! - a body named before the word (`Security Council resolution 1540 (2004)`,
//!   `UNGA resolution …`) settles which body; resolutions of other bodies (Human Rights Council,
//!   ECOSOC, UNESCO, IAEA, …) and draft resolutions are not taken;
//! - the paragraph cited, before (`paragraph 5 of the resolution 73/27`,
//!   `(Paragraph 4, UNGA resolution 31/91 …)`) or after (`resolution 73/27, paragraph 5`);
//! - anaphora (`the said resolution`, `that resolution`, `the Resolution`) resolved to the last
//!   resolution explicitly named before it.
//!
//! The span of an explicit citation runs from the word *resolution* (or the symbol) through the
//! designator and what qualifies it (the session or year in brackets, the adoption date); for the
//! second and later items of a list, just that item. A bare number whose body or session cannot
//! be told from the text is left out rather than guessed.
//!
//! The other five UN languages: [`languages`].

mod languages;

use super::cues::CuePatterns;
use super::numbers::{self, NumberTables};
use super::text;
use crate::error::ResourceError;
use crate::rdf::resources::Resources;
use regex::Regex;
use std::sync::LazyLock;

/// The UN organ that adopted a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Organ {
    /// The General Assembly.
    #[serde(rename = "GA")]
    GeneralAssembly,
    /// The Security Council.
    #[serde(rename = "SC")]
    SecurityCouncil,
}

/// How a citation names its resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CitationKind {
    /// By number or symbol.
    Explicit,
    /// By a phrase referring back ("the said resolution").
    Anaphora,
}

/// A citation found in text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundCitation {
    /// Byte offset of the span start.
    pub start: usize,
    /// Byte offset of the span end (exclusive).
    pub end: usize,
    /// The normalised symbol, e.g. `A/RES/73/27`.
    pub id: String,
    /// The adopting organ.
    pub organ: Organ,
    /// The paragraph cited, if the text names one.
    pub paragraph: Option<String>,
    /// Explicit or anaphoric.
    pub kind: CitationKind,
    /// The symbol as the text literally reads, when it names a resolution other than `id`: a
    /// slip in the session or year ("2758 (XXXVI)" for 2758 (XXVI)), corrected from the
    /// number (see [`super::numbers`]).
    pub as_written: Option<String>,
}

/// A designator turned into a resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Resolved {
    id: String,
    organ: Organ,
    as_written: Option<String>,
}

impl Resolved {
    /// The explicit citation of this resolution at `start..end` (its paragraph is read later).
    fn at(self, start: usize, end: usize) -> FoundCitation {
        FoundCitation {
            start,
            end,
            id: self.id,
            organ: self.organ,
            paragraph: None,
            kind: CitationKind::Explicit,
            as_written: self.as_written,
        }
    }

    fn new(id: String, organ: Organ) -> Self {
        Resolved {
            id,
            organ,
            as_written: None,
        }
    }
}

/// What the rest of the text tells about a bare number.
struct Context<'a> {
    /// What a number alone says (years, sessions).
    tables: &'a NumberTables,
    /// The year the statement was delivered, when known.
    year: Option<u32>,
    /// Numbers already cited with their session or year (or their organ named right before),
    /// what they resolved to, and whether the citation gave its session or year.
    known: std::collections::HashMap<u32, (String, Organ, bool)>,
    /// The organ the sentence names, when it names just one.
    sentence_organ: Option<Organ>,
}

const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

static KEYWORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(languages::KEYWORD).expect("valid regex"));

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:A/RES/(?:(?:ES|S)-[0-9]{1,2}/[0-9]{1,3}|[0-9]{1,2}/[0-9]{1,3}|[0-9]{1,4}\s*\(\s*(?:ES-|S-)?[IVXLC]{1,7}\s*\))|S/RES/[0-9]{1,4}\s*\(\s*(?:19|20)[0-9][0-9]\s*\))")
        .expect("valid regex")
});

/// One designator at the start of the haystack (after optional white space): a number or symbol
/// with its part letter and its session or year in brackets, possibly in square brackets.
static DESIGNATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*(?:No\.|no\.|number|n°|nº|№|núm\.|رقم)?\s*)(?P<lb>\[\s*)?(?P<pre>[AS]/RES/)?(?:(?P<sp>ES|S)-(?P<sps>[0-9]{1,2})/(?P<spn>[0-9]{1,3})\b|(?P<s>[0-9]{2})/(?P<n>[0-9]{1,3})\b(?P<part2>\s+[A-H]\b)?|(?P<num>[0-9]{1,4})\b(?P<part>\s*[A-H]\b)?(?P<paren>\s*[({]\s*(?P<par>(?:ES-|S-)?[IVXLC]{1,7}|(?:19|20)[0-9][0-9]|د\s*-\s*(?P<arabic_session>[0-9]{1,2}))\s*[)}])?)")
        .expect("valid regex")
});

/// An adoption date right after a designator: "of 21 December 1965", ", of 12 December 1974",
/// "December 1976", "of 1982", "of 7 May".
static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<lead>\s*,\s*(?:of\s+)?|\s+of\s+|\s+)(?:(?P<day>[0-9]{{1,2}})\s+(?P<month>{MONTHS})(?:\s*,?\s+(?P<year>(?:19|20)[0-9][0-9]))?|(?P<month2>{MONTHS})\s*,?\s+(?P<year2>(?:19|20)[0-9][0-9])|(?P<yonly>(?:19|20)[0-9][0-9]))\b"
    ))
    .expect("valid regex")
});

/// What after a bare number may be its session or year garbled ("1514 ,XV|", "435 (1978,"),
/// the rest of a number a scan split or garbled ("43 5 (1978)", "43 I (1978)", "41&(1977)" for
/// 435 and 418), another body's numbering ("1978/61"), a UN document's job number ("33
/// 06-53615": the number was a page number), a page break right after it (the number was the
/// page's), or no resolution at all ("resolution 100 per cent", "a resolution 21 years ago").
static UNREAD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[/-]\s*[0-9]|,[0-9]|\s*(?:[({\[|]\s*(?:[IVXLC]{1,6}|[0-9]{2,4})\b|,\s*[IVXLC]{1,6}\s*[|)}\]]|[0-9]{2}-[0-9]{4,5}\b)|[ \t]+[0-9Il|]{1,2}[ \t]*[({]|\s*[&%$#*@]|[ \t]*\r?\n\s*\n|\s+(?:per\s*cent|percent|years?|months?|days?|weeks?|times|members?)\b)")
        .expect("valid regex")
});

/// An organ's name followed directly by a number, without the word "resolution" ("the General
/// Assembly's 76/19", "Security Council 2417 (2018)"): the designator after it is a citation
/// when it carries its session or year (a bare number after an organ's name is too often
/// something else: "the Security Council 15 members").
static ORGAN_THEN_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?-u:\b)(?P<organ>General\s+Assembly|Security\s+Council|UNGA|UNSC)(?:'s|’s)?|(?P<between>{}))\s+(?:No\.\s*|№\s*|رقم\s*)?[0-9]",
        languages::ORGANS_BEFORE_NUMBER
    ))
    .expect("valid regex")
});

/// The word "resolution" (any language's, [`languages::KEYWORD`]) ending the text before an
/// organ's name, white space apart.
static KEYWORD_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:{})\s+$", languages::KEYWORD)).expect("valid regex"));

static NEXT_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?P<w>[A-Za-z]+)").expect("valid regex"));

/// A parsed designator (byte offsets into the text).
#[derive(Debug, Clone, Default)]
struct Designator {
    start: usize,
    end: usize,
    prefix: Option<String>,
    special: Option<(String, u32, u32)>,
    new_style: Option<(u32, u32)>,
    number: Option<u32>,
    bracket: Option<String>,
    year: Option<u32>,
    month: Option<u32>,
    /// Something after a bare number that may be its session or year, unread, or a page break
    /// or job number around it (see [`bare_number`]).
    unsettled: bool,
}

/// Parses the designator at `at`, if there is one.
fn designator(text: &str, at: usize) -> Option<Designator> {
    let caps = DESIGNATOR.captures(&text[at..])?;
    let whole = caps.get(0)?;
    let lead = whole.as_str().len() - whole.as_str().trim_start().len();
    let mut d = Designator {
        start: at + lead,
        end: at + whole.end(),
        prefix: caps.name("pre").map(|m| m.as_str().to_owned()),
        ..Designator::default()
    };
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    if let (Some(sp), Some(a), Some(b)) = (caps.name("sp"), num("sps"), num("spn")) {
        d.special = Some((sp.as_str().to_owned(), a, b));
    } else if let (Some(a), Some(b)) = (num("s"), num("n")) {
        d.new_style = Some((a, b));
    } else {
        d.number = Some(num("num")?);
        d.bracket = caps.name("par").map(|m| m.as_str().to_owned());
        // Arabic writes the session as "(د-25)" (دورة, session 25): the roman numeral.
        if let Some(session) = num("arabic_session").filter(|&n| n > 0) {
            d.bracket = Some(to_roman(session));
        }
    }
    // A part letter ("808 A (IX)", "53/77 D") unless it is the article "A" starting a phrase.
    for part in ["part", "part2"] {
        if let Some(m) = caps.name(part) {
            let after = &text[at + m.end()..];
            let article = caps.name("paren").is_none()
                && m.as_str().trim() == "A"
                && NEXT_WORD.captures(after).is_some_and(|w| {
                    !matches!(
                        &w["w"],
                        "and" | "of" | "on" | "in" | "which" | "that" | "adopted"
                    )
                });
            if article {
                d.end = at + m.start();
            }
        }
    }
    // Square brackets around the designator are part of the span.
    if caps.name("lb").is_some() {
        let rest = &text[d.end..];
        let trimmed = rest.trim_start();
        if trimmed.starts_with(']') {
            d.end += rest.len() - trimmed.len() + 1;
        }
    }
    if d.number.is_some() && d.bracket.is_none() {
        let gap = &text[at..d.start];
        d.unsettled = gap.matches('\n').count() >= 2 || UNREAD_AFTER.is_match(&text[d.end..]);
    }
    if let Some(date) = DATE_AFTER.captures(&text[d.end..]) {
        let with_of = date["lead"].contains("of") || date["lead"].contains(',');
        let month = date
            .name("month")
            .or(date.name("month2"))
            .and_then(|m| month_number(m.as_str()));
        let year = date
            .name("year")
            .or(date.name("year2"))
            .or(date.name("yonly"))
            .and_then(|m| m.as_str().parse::<u32>().ok());
        let day_without_of = date.name("day").is_some() && !with_of;
        let year_only_without_of = date.name("yonly").is_some() && !with_of;
        let day_month_only = date.name("day").is_some() && year.is_none() && !with_of;
        let bare = d.prefix.is_none() && d.bracket.is_none() && d.number.is_some();
        if bare && date.name("day").is_none() && !with_of {
            // "22 October 1973": the number is a day of the month, not a resolution.
            if date.name("month2").is_some() {
                return None;
            }
        }
        let contradicts = match (&d.bracket, year) {
            (Some(b), Some(y)) if b.starts_with(['1', '2']) => b.parse::<u32>().ok() != Some(y),
            // A regular session N met in 1945 + N and into the next year.
            (Some(b), Some(y)) => roman_value(b).is_some_and(|n| y != 1945 + n && y != 1946 + n),
            _ => false,
        };
        if !day_without_of && !year_only_without_of && !day_month_only && !contradicts {
            d.end += date.get(0).map_or(0, |m| m.end());
            d.year = year;
            d.month = month;
        }
    }
    Some(d)
}

static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|et\s+|y\s+|и\s+)?|\s+and\s+|\s*&\s*|\s+as\s+well\s+as\s+|\s+or\s+|{})",
        languages::SEPARATORS
    ))
    .expect("valid regex")
});

/// Words saying the organ named before adopted what follows ("at its sixteenth session",
/// "resolutions adopted").
static ADOPTION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:adopted|at\s+its|session|resolutions)\b").expect("valid regex")
});

/// A resolution number standing alone after words that govern resolutions: "under 1701",
/// "implementing 1540", "violations of 1701" (not "of" or "and" alone: "a total of 2231").
static REPEATED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?i:under|implementing|implement|implementation\s+of|violations?\s+of|compliance\s+with|accordance\s+with|pursuant\s+to)\s+(?P<n>[0-9]{3,4})\b(?:[^/(0-9]|$)",
    )
    .expect("valid regex")
});

static PARAGRAPH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:operative\s+|preambular\s+)?(?:sub-?)?(?:paragraph|para\.?|OP|PP)\s*(?P<p>[0-9]{1,3}(?:\s*\(\s*[a-z]{1,4}\s*\))?)\s*(?:,\s*|of\s+|in\s+|under\s+)(?:the\s+)?(?:(?:UNGA|UNSC|UN\s+General\s+Assembly|General\s+Assembly|Security\s+Council|GA|SC)\s+)?$")
        .expect("valid regex")
});

static PARAGRAPH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*|\(\s*)(?:operative\s+)?(?:paragraph|para\.?|OP)\s*(?P<p>[0-9]{1,3}(?:\s*\(\s*[a-z]{1,4}\s*\))?)")
        .expect("valid regex")
});

static ANAPHORA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[Tt]he\s+(?:[Ss]aid|[Ss]ame|[Aa]forementioned|[Aa]foresaid|[Aa]bove[- ]?mentioned|[Ll]atter)\s+[Rr]esolution|[Tt](?:hat|his)\s+(?:same\s+)?[Rr]esolution|[Tt]he\s+Resolution|[Tt]he\s+resolution)(?-u:\b)")
        .expect("valid regex")
});

/// How far back (bytes) an anaphor may look for its antecedent.
const ANAPHORA_REACH: usize = 3000;

/// How far back (bytes) plain "the resolution" may look for its antecedent.
const PLAIN_ANAPHORA_REACH: usize = 3000;

/// How statements name the organ of a resolution, and the other bodies whose resolutions are
/// not taken: the cue patterns of `data/cues/organs.ttl`.
#[derive(Debug)]
pub struct Organs {
    other_body_before: Regex,
    other_organ_named: Regex,
    other_body_named: Regex,
    un_organ_named: Regex,
    sc_named: Regex,
    ga_named: Regex,
    sc_before: Regex,
    ga_before: Regex,
}

impl Organs {
    /// Takes the citations' patterns (`cue:otherBodyBefore`, `cue:otherOrganNamed`,
    /// `cue:otherBodyNamed`, `cue:unOrganNamed`, `cue:scNamed`, `cue:gaNamed`, `cue:scBefore`,
    /// `cue:gaBefore`) out of the cue patterns; every one must be there.
    pub fn take_from(cues: &mut CuePatterns) -> Result<Self, ResourceError> {
        Ok(Self {
            other_body_before: cues.take("otherBodyBefore")?,
            other_organ_named: cues.take("otherOrganNamed")?,
            other_body_named: cues.take("otherBodyNamed")?,
            un_organ_named: cues.take("unOrganNamed")?,
            sc_named: cues.take("scNamed")?,
            ga_named: cues.take("gaNamed")?,
            sc_before: cues.take("scBefore")?,
            ga_before: cues.take("gaBefore")?,
        })
    }

    /// The patterns built into the binary (checked by the tests).
    pub fn embedded() -> &'static Organs {
        static ORGANS: LazyLock<Organs> = LazyLock::new(|| {
            let files = Resources::Embedded.cues().expect("the built-in cue files");
            let mut cues = CuePatterns::from_files(&files).expect("the built-in cues parse");
            Organs::take_from(&mut cues).expect("the built-in organ cues")
        });
        &ORGANS
    }
}

/// Finds every citation in `text`, in order of position, not knowing when it was written, with
/// the built-in number tables (the pipeline uses the [`Lexicon`](super::lexicon::Lexicon)'s, which
/// `--resources` can override: see [`find_dated`]).
pub fn find(text: &str) -> Vec<FoundCitation> {
    find_dated(text, None, NumberTables::embedded(), Organs::embedded())
}

/// Finds every citation in `text`, a statement delivered in `year` (when known): the year rules
/// out readings of a bare number that did not exist yet ("resolution 2832" in 1990 can only be
/// the General Assembly's 2832 (XXVI)). `tables` tell what a number alone says, `organs` how
/// the organs are named.
pub fn find_dated(
    text: &str,
    year: Option<u32>,
    tables: &NumberTables,
    organs: &Organs,
) -> Vec<FoundCitation> {
    // Digits written otherwise (Arabic-Indic, full-width) are read as ASCII, and the offsets
    // found mapped back to the text as written.
    let Some((ascii, map)) = languages::ascii_digits(text) else {
        return find_ascii(text, year, tables, organs);
    };
    let mut found = find_ascii(&ascii, year, tables, organs);
    for c in &mut found {
        c.start = map[c.start];
        c.end = map[c.end];
    }
    found
}

/// [`find_dated`] on a text whose digits are ASCII.
fn find_ascii(
    text: &str,
    year: Option<u32>,
    tables: &NumberTables,
    organs: &Organs,
) -> Vec<FoundCitation> {
    let mut found: Vec<FoundCitation> = Vec::new();
    let mut ctx = Context {
        tables,
        year,
        known: std::collections::HashMap::new(),
        sentence_organ: None,
    };
    // Positions of resolution mentions not taken (drafts, other organs): anaphora do not reach
    // past them.
    let mut rejected: Vec<usize> = Vec::new();
    for kw in KEYWORD.find_iter(text) {
        // The organ the abbreviation "Res." is written with: "S.C. Res. 242", "S/Res.2231
        // (2015)" the Security Council's, "G.A. Res. 377", "A/Res.68/262" the Assembly's.
        // Inside another body's symbol ("AHG/Res.16 (I)", "AHG/ Res. 104 (XIX)") it is that
        // body's resolution, which anaphora do not reach past.
        let before_word = text[..kw.start()].trim_end();
        let symbol_of = |organ: &str| {
            before_word
                .strip_suffix('/')
                .and_then(|b| b.strip_suffix(organ))
                .is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric()))
        };
        let abbreviation_names = if !kw.as_str().ends_with('.') {
            None
        } else if before_word.ends_with("S.C.") || symbol_of("S") {
            Some(Organ::SecurityCouncil)
        } else if before_word.ends_with("G.A.") || symbol_of("A") {
            Some(Organ::GeneralAssembly)
        } else if before_word.ends_with('/') {
            rejected.push(kw.start());
            continue;
        } else {
            None
        };
        let before = text::window_before(text, kw.start(), 80);
        if organs.other_body_before.is_match(before) {
            rejected.push(kw.start());
            continue;
        }
        // "adopted by the Economic and Social Council at its sixteenth session, … resolution …":
        // another organ adopting, named earlier in the sentence.
        let (sentence_start, sentence_end) = text::sentence_around(text, kw.start(), kw.end());
        let sentence_before = &text[sentence_start.min(kw.start())..kw.start()];
        let sentence = &text[sentence_start.min(kw.start())..sentence_end.max(kw.end())];
        let names_sc = organs.sc_named.is_match(sentence);
        let names_ga = organs.ga_named.is_match(sentence);
        ctx.sentence_organ = match (names_sc, names_ga) {
            (true, false) => Some(Organ::SecurityCouncil),
            (false, true) => Some(Organ::GeneralAssembly),
            _ => None,
        };
        let other_in_sentence = organs
            .other_organ_named
            .find_iter(sentence_before)
            .any(|m| {
                ADOPTION_CUE.is_match(&sentence_before[m.end()..])
                    && !organs.un_organ_named.is_match(&sentence_before[m.end()..])
            });
        if other_in_sentence {
            rejected.push(kw.start());
            continue;
        }
        // "SCR 1540", "UNSCR 1325": the abbreviation names the Security Council.
        let hint = if kw.as_str().contains("SCR")
            || abbreviation_names == Some(Organ::SecurityCouncil)
            || organs.sc_before.is_match(before)
        {
            Some(Organ::SecurityCouncil)
        } else if abbreviation_names == Some(Organ::GeneralAssembly)
            || organs.ga_before.is_match(before)
        {
            Some(Organ::GeneralAssembly)
        } else {
            None
        };
        // "resolution3362" (no space) is a citation; "resolutions-based" is not.
        if text[kw.end()..].starts_with(|c: char| c.is_alphabetic() || c == '-') {
            continue;
        }
        // Another organ named earlier in the sentence ("The OAU, in resolution 1457") leaves a
        // bare number unsettled.
        let other_organ = organs.other_organ_named.is_match(sentence_before)
            || organs.other_body_named.is_match(sentence_before);
        let mut at = kw.end();
        let mut first = true;
        let mut list_dated = false;
        // Whether a number with a session in roman numerals followed and none of the list was
        // taken: then the mention is another body's ("UNCTAD resolution 93 (IV)") or a
        // miswritten one ("181 (III)"), and anaphora do not reach past it to an earlier
        // resolution.
        let mut sessioned = false;
        let mut taken = false;
        while let Some(mut d) = designator(text, at) {
            sessioned |= d
                .bracket
                .as_deref()
                .is_some_and(|b| b.starts_with(|c: char| c.is_ascii_uppercase()));
            let bare = d.number.is_some() && d.bracket.is_none() && d.year.is_none();
            // A bare item after dated ones ("2145 (XXI) and 2248 (S-V) of 1966 and 1967
            // respectively", "1546 (XLIX),\n6.") is a year or a paragraph number.
            if bare && (list_dated || (other_organ && hint.is_none())) {
                d.unsettled = true;
            }
            list_dated |= !bare;
            if let Some(r) = resolve(&d, hint, &ctx) {
                let start = if first { kw.start() } else { d.start };
                // A citation that gives its session or year settles the number for later bare
                // mentions; so does one whose organ is named right before it ("Security
                // Council resolution 435"), unless a dated one says otherwise. A reading guessed
                // from the sentence or the statement's date is not passed on.
                if let Some(n) = d.number {
                    let dated = d.bracket.is_some() || d.year.is_some();
                    if dated {
                        match ctx.known.get(&n) {
                            Some((_, _, true)) => {}
                            _ => {
                                ctx.known.insert(n, (r.id.clone(), r.organ, true));
                            }
                        }
                    } else if hint.is_some() {
                        ctx.known.entry(n).or_insert((r.id.clone(), r.organ, false));
                    }
                }
                found.push(r.at(start, d.end));
                taken = true;
            }
            first = false;
            at = d.end;
            let had_bracket = d.bracket.is_some();
            // "44,225": a garbled symbol or a number with a thousands separator, not a list.
            if text[at..].starts_with(',')
                && text[at + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                break;
            }
            match SEPARATOR.find(&text[at..]) {
                Some(sep) if designator(text, at + sep.end()).is_some() => at += sep.end(),
                // A list whose comma was lost: "853 (1993) 874 (1993)".
                _ if had_bracket
                    && designator(text, at)
                        .is_some_and(|n| n.bracket.is_some() && n.start > at) =>
                {
                    continue
                }
                _ => break,
            }
        }
        if sessioned && !taken {
            rejected.push(kw.start());
        }
    }
    // Symbols standing alone (not already inside a keyword citation).
    for m in SYMBOL.find_iter(text) {
        if found
            .iter()
            .any(|c| c.start <= m.start() && m.end() <= c.end)
        {
            continue;
        }
        if let Some(d) = designator(text, m.start()) {
            let hint = if m.as_str().starts_with('S') {
                Some(Organ::SecurityCouncil)
            } else {
                Some(Organ::GeneralAssembly)
            };
            ctx.sentence_organ = None;
            if let Some(r) = resolve(&d, hint, &ctx) {
                found.push(r.at(m.start(), m.end()));
            }
        }
    }
    for caps in ORGAN_THEN_NUMBER.captures_iter(text) {
        let Some(whole) = caps.get(0) else {
            continue;
        };
        let Some(organ) = caps.name("organ").or_else(|| caps.name("between")) else {
            continue;
        };
        let at = whole.end() - 1;
        let Some(d) = designator(text, at) else {
            continue;
        };
        let dated = d.new_style.is_some() || d.bracket.is_some() || d.special.is_some();
        if !dated || found.iter().any(|c| c.start < d.end && d.start < c.end) {
            continue;
        }
        // Where the organ stands between the word "resolution" and the number (Arabic "قرار
        // مجلس الأمن 2417 (2018)", Russian "резолюцию Совета Безопасности 1373 (2001)"), the
        // citation runs from the word through the number, as it does where the organ follows.
        let start = if caps.name("between").is_some() {
            let before = text::window_before(text, whole.start(), 40);
            KEYWORD_BEFORE
                .find(before)
                .map_or(d.start, |m| whole.start() - before.len() + m.start())
        } else {
            d.start
        };
        let hint = organ_named(organs, organ.as_str());
        ctx.sentence_organ = None;
        if let Some(r) = resolve(&d, Some(hint), &ctx) {
            if let Some(n) = d.number {
                ctx.known.entry(n).or_insert((r.id.clone(), r.organ, true));
            }
            found.push(r.at(start, d.end));
        }
        // A list after the organ ("резолюциями Совета Безопасности 242 (1967) и 2334 (2016)",
        // "لقراري مجلس الأمن 242 (1967) و2334 (2016)"): the later items that give their session
        // or year, each spanning its designator.
        let mut at = d.end;
        while let Some(sep) = SEPARATOR.find(&text[at..]) {
            let Some(next) = designator(text, at + sep.end()) else {
                break;
            };
            if next.bracket.is_none() && next.new_style.is_none() {
                break;
            }
            if found
                .iter()
                .any(|c| c.start < next.end && next.start < c.end)
            {
                break;
            }
            if let Some(r) = resolve(&next, Some(hint), &ctx) {
                found.push(r.at(next.start, next.end));
            }
            at = next.end;
        }
    }
    // Chinese: 第 designator 号决议, the organ before 第 (looked for only where 第 is: the
    // pattern captures, which is slow on the many texts in other scripts).
    let chinese = text
        .contains('第')
        .then(|| languages::CHINESE.captures_iter(text));
    for caps in chinese.into_iter().flatten() {
        let (Some(whole), Some(d)) = (caps.get(0), caps.name("d")) else {
            continue;
        };
        // Cut at 号: no word boundary separates a digit from a Chinese character.
        let Some(parsed) = designator(&text[..d.end()], d.start()) else {
            continue;
        };
        // The designator must be all that stands between 第 and 号.
        if !text[parsed.end..d.end()].trim().is_empty() {
            continue;
        }
        let hint = caps.name("organ").map(|o| organ_named(organs, o.as_str()));
        ctx.sentence_organ = None;
        let start = caps.name("organ").map_or(whole.start(), |o| o.end());
        let start = start + text[start..whole.end()].find('第').unwrap_or(0);
        if let Some(r) = resolve(&parsed, hint, &ctx) {
            found.push(r.at(start, whole.end()));
        }
    }
    // The earlier items of a Chinese list that shares the last item's 决议 ("第70/237号、第73/27号
    // 和第75/240号决议"): each spans 第 … 号, with the organ named before the first.
    if text.contains('第') {
        let items: Vec<regex::Captures> = languages::CHINESE_ITEM.captures_iter(text).collect();
        let mut first = 0;
        for i in 0..items.len() {
            let end = items[i].get(0).map_or(0, |m| m.end());
            let joined = items.get(i + 1).is_some_and(|next| {
                next.get(0).is_some_and(|n| {
                    n.start() >= end && languages::CHINESE_JOIN.is_match(&text[end..n.start()])
                })
            });
            if joined {
                continue;
            }
            // items[first..=i] is a list; its last item must be followed by 决议.
            let list = &items[first..=i];
            first = i + 1;
            // (决议 may follow 等, "and other": "第242(1967)号、第2334(2016)号等决议".) Where the
            // list ends: after that 决议.
            let after = text[end..].trim_start();
            let after = after.strip_prefix('等').unwrap_or(after);
            if list.len() < 2 || !after.starts_with("决议") {
                continue;
            }
            let list_end = text.len() - after.len() + "决议".len();
            let list_start = list[0].get(0).map_or(0, |m| m.start());
            let organ = languages::CHINESE_ORGAN_BEFORE
                .find(text::window_before(text, list_start, 30))
                .map(|m| organ_named(organs, m.as_str().trim_end()));
            for (n, item) in list.iter().enumerate() {
                let (Some(whole), Some(d)) = (item.get(0), item.name("d")) else {
                    continue;
                };
                // The last item spans through the shared 决议 (found above unless only the
                // organ before the list tells its organ).
                let end = if n + 1 == list.len() {
                    list_end
                } else {
                    whole.end()
                };
                let Some(parsed) = designator(&text[..d.end()], d.start()) else {
                    continue;
                };
                if !text[parsed.end..d.end()].trim().is_empty()
                    || found.iter().any(|c| c.start < end && whole.start() < c.end)
                {
                    continue;
                }
                ctx.sentence_organ = None;
                if let Some(r) = resolve(&parsed, organ, &ctx) {
                    found.push(r.at(whole.start(), end));
                }
            }
        }
    }
    found.sort_by_key(|c| c.start);
    // A number standing alone after a citation of it with its session or year ("resolution 1701
    // (2006) … under 1701"); with no number known, none is looked for.
    let repeated = (!ctx.known.is_empty()).then(|| REPEATED_NUMBER.captures_iter(text));
    for caps in repeated.into_iter().flatten() {
        let Some(m) = caps.name("n") else { continue };
        let Ok(n) = m.as_str().parse::<u32>() else {
            continue;
        };
        let Some((id, organ, _)) = ctx.known.get(&n) else {
            continue;
        };
        let after = &text[m.end()..];
        let next = after.trim_start();
        let word_after = NEXT_WORD
            .captures(after)
            .map(|c| c["w"].to_lowercase())
            .unwrap_or_default();
        let is_year_like = (1900..=2099).contains(&n);
        let follows_well = next.is_empty()
            || next.starts_with(['.', ',', ';', ':', ')', '—', '–', '…'])
            || matches!(
                word_after.as_str(),
                "and" | "or" | "which" | "is" | "has" | "have" | "was" | "were" | "must" | "should"
            );
        let earlier = found
            .iter()
            .any(|c| c.id == *id && c.kind == CitationKind::Explicit && c.end <= m.start());
        let inside = found
            .iter()
            .any(|c| c.start <= m.start() && m.end() <= c.end);
        if is_year_like || !follows_well || !earlier || inside {
            continue;
        }
        found.push(FoundCitation {
            start: m.start(),
            end: m.end(),
            id: id.clone(),
            organ: *organ,
            paragraph: None,
            kind: CitationKind::Explicit,
            as_written: None,
        });
    }
    found.sort_by_key(|c| c.start);
    // Anaphora.
    let mut anaphora = Vec::new();
    // The English anaphors, then those of the other languages (an Arabic one without the
    // letter before it that shows it begins a word).
    // (Looked for only where the word is: the pattern's Unicode word boundaries are slow on
    // the many texts that have none.)
    let has_word = ["résolution", "resolución", "езолюци", "القرار", "决议"]
        .iter()
        .any(|w| text.contains(w));
    let other = has_word
        .then(|| languages::ANAPHORA.captures_iter(text))
        .into_iter()
        .flatten()
        .filter_map(|c| c.name("ar").or_else(|| c.get(0)));
    for m in ANAPHORA.find_iter(text).chain(other) {
        let s = m.as_str();
        let after = &text[m.end()..];
        let next = after.trim_start();
        if after.starts_with('s')
            || next.starts_with('[')
            || next.starts_with(|c: char| c.is_ascii_digit())
            || next.starts_with("A/RES")
            || next.starts_with("S/RES")
        {
            continue;
        }
        // Plain "the resolution" refers back only when a resolution was named shortly before (or
        // a paragraph of it is cited), and not in "the resolution of the conflict" and the like.
        let plain = s.ends_with("resolution")
            && (s.starts_with("the ") || s.starts_with("The "))
            && s.split_whitespace().count() == 2;
        let paragraph = paragraph_before(text, m.start());
        if plain && paragraph.is_none() {
            let next_word = NEXT_WORD
                .captures(after)
                .map(|c| c["w"].to_lowercase())
                .unwrap_or_default();
            let generic = matches!(
                next_word.as_str(),
                "of" | "on"
                    | "to"
                    | "for"
                    | "concerning"
                    | "regarding"
                    | "entitled"
                    | "adopted"
                    | "by"
                    | "submitted"
                    | "introduced"
                    | "before"
                    | "which"
                    | "that"
                    | "we"
            );
            let recent = found
                .iter()
                .rfind(|c| c.kind == CitationKind::Explicit && c.end <= m.start())
                .is_some_and(|c| m.start() - c.end <= PLAIN_ANAPHORA_REACH);
            if generic || !recent {
                continue;
            }
        }
        if found
            .iter()
            .any(|c| c.start <= m.start() && m.start() < c.end)
        {
            continue;
        }
        let Some(antecedent) = found
            .iter()
            .rfind(|c| c.kind == CitationKind::Explicit && c.end <= m.start())
        else {
            continue;
        };
        // An Arabic anaphor refers back only where the word is not used in between for
        // another decision ("اتخذت حكومتي قرارا … وهذا القرار": a government's decision).
        let arabic_other_decision =
            s.contains("القرار") && text[antecedent.end..m.start()].contains("قرار");
        if m.start() - antecedent.end > ANAPHORA_REACH
            || arabic_other_decision
            || rejected
                .iter()
                .any(|&r| r >= antecedent.end && r < m.start())
        {
            continue;
        }
        anaphora.push(FoundCitation {
            start: m.start(),
            end: m.end(),
            id: antecedent.id.clone(),
            organ: antecedent.organ,
            paragraph,
            kind: CitationKind::Anaphora,
            as_written: None,
        });
    }
    for c in &mut found {
        c.paragraph = paragraph_before(text, c.start).or_else(|| paragraph_after(text, c.end));
    }
    found.extend(anaphora);
    found.sort_by_key(|c| (c.start, c.end));
    found.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    found
}

fn paragraph_before(text: &str, start: usize) -> Option<String> {
    PARAGRAPH_BEFORE
        .captures(text::window_before(text, start, 100))
        .map(|c| squeeze(&c["p"]))
}

fn paragraph_after(text: &str, end: usize) -> Option<String> {
    PARAGRAPH_AFTER
        .captures(&text[end..])
        .map(|c| squeeze(&c["p"]))
}

fn squeeze(s: &str) -> String {
    let compact: String = s.split_whitespace().collect();
    // "1(a)" → "1 (a)"
    match compact.find('(') {
        Some(i) => format!("{} {}", &compact[..i], &compact[i..]),
        None => compact,
    }
}

/// Turns a designator into a symbol and organ, or `None` when it cannot be told.
fn resolve(d: &Designator, hint: Option<Organ>, ctx: &Context<'_>) -> Option<Resolved> {
    let prefix = d.prefix.as_deref();
    if let Some((sp, s, n)) = &d.special {
        if hint == Some(Organ::SecurityCouncil) || *s == 0 || *n == 0 {
            return None;
        }
        return Some(Resolved::new(
            format!("A/RES/{sp}-{s}/{n}"),
            Organ::GeneralAssembly,
        ));
    }
    if let Some((s, n)) = d.new_style {
        // New-style GA numbering began with the 31st session (1976).
        if !(31..=99).contains(&s) || n == 0 || hint == Some(Organ::SecurityCouncil) {
            return None;
        }
        return Some(Resolved::new(
            format!("A/RES/{s}/{n}"),
            Organ::GeneralAssembly,
        ));
    }
    let num = d.number?;
    if num == 0 {
        return None;
    }
    if let Some(par) = d.bracket.as_deref() {
        if par.starts_with(|c: char| c.is_ascii_digit()) {
            if hint == Some(Organ::GeneralAssembly) || prefix == Some("A/RES/") {
                return None;
            }
            let year: u32 = par.parse().ok()?;
            // "resolution 2625 (1970)": an old-style General Assembly number given with its
            // year, when the number belongs to the session that met that year and no Security
            // Council resolution of that number is known for that year.
            if hint != Some(Organ::SecurityCouncil) && prefix != Some("S/RES/") {
                if let Some(session) = ctx.tables.ga_session(num) {
                    let ga_year = ctx
                        .tables
                        .session_year(session)
                        .is_some_and(|y| year == y || year == y + 1);
                    if ga_year && ctx.tables.sc_year(num) != Some(year) {
                        return Some(Resolved::new(
                            format!("A/RES/{num}({})", to_roman(session)),
                            Organ::GeneralAssembly,
                        ));
                    }
                }
            }
            // A date after the bracket that gives the same year confirms it: the slip, if any,
            // is in the number ("resolution 22 (1967) of 22 November 1967" is 242 misread).
            let confirmed = d.year == Some(year);
            return Some(security_council(ctx.tables, num, year, confirmed));
        }
        let (special, roman) = match par.split_once('-') {
            Some((sp, r)) => (Some(sp), r),
            None => (None, par),
        };
        let session = roman_value(roman)?;
        if hint == Some(Organ::SecurityCouncil) || prefix == Some("S/RES/") {
            return None;
        }
        if special.is_none() {
            // The number says which session; a session one slip away from it is that session
            // miswritten ("2758 (XXXVI)"). Not below 300 (sessions I–III): other bodies
            // (UNCTAD, conferences) number their resolutions from 1 with roman sessions too
            // ("159 (VI)" is UNCTAD's).
            if let Some(known) = ctx.tables.ga_session(num) {
                let right = to_roman(known);
                if known != session && num >= 300 && numbers::one_slip(roman, &right) {
                    return Some(Resolved {
                        id: format!("A/RES/{num}({right})"),
                        organ: Organ::GeneralAssembly,
                        as_written: Some(format!("A/RES/{num}({roman})")),
                    });
                }
            }
        }
        // Old-style General Assembly numbers are cumulative and every one of the first thirty
        // sessions adopted well over a hundred resolutions, so a number below 100 × (S − 4)
        // cannot be session S's: such a citation is another organ's (ECOSOC numbers its
        // resolutions the same way, e.g. "482 (XVI)").
        if special.is_none() && session <= 30 && num < 100 * session.saturating_sub(4) {
            return None;
        }
        // Nor can a number that the known numbers of other sessions put outside session S
        // ("93 (IV)", "27 (II)": UNCTAD's; "181 (III)": the partition resolution miswritten).
        if special.is_none() && session <= 30 && ctx.tables.ga_number_outside_session(num, session)
        {
            return None;
        }
        // From session 31 on, the General Assembly numbers its resolutions "31/91".
        if special.is_none() && session > 30 {
            return None;
        }
        let session = match special {
            Some(sp) => format!("{sp}-{roman}"),
            None => roman.to_owned(),
        };
        return Some(Resolved::new(
            format!("A/RES/{num}({session})"),
            Organ::GeneralAssembly,
        ));
    }
    if prefix.is_some() {
        return None;
    }
    let Some(year) = d.year else {
        return bare_number(d, num, hint, ctx);
    };
    // A bare number with an adoption date that settles body and session.
    if hint == Some(Organ::SecurityCouncil) {
        return Some(security_council(ctx.tables, num, year, false));
    }
    // An old-style General Assembly number whose session (from the tables) met that year or
    // was resumed in the next: "resolution 3236 of 1974".
    if let Some(session) = ctx.tables.ga_session(num) {
        if ctx
            .tables
            .session_year(session)
            .is_some_and(|y| year == y || year == y + 1)
        {
            return Some(Resolved::new(
                format!("A/RES/{num}({})", to_roman(session)),
                Organ::GeneralAssembly,
            ));
        }
    }
    let month = d.month?;
    match hint {
        _ if (1946..=1975).contains(&year)
            && month >= 9
            && (hint == Some(Organ::GeneralAssembly) || num >= 1000) =>
        {
            // Regular sessions open in September; session N opened in 1945 + N.
            let session = year - 1945;
            if num < 100 * session.saturating_sub(4) {
                return None; // not that session's number (see the bracketed case above)
            }
            Some(Resolved::new(
                format!("A/RES/{num}({})", to_roman(session)),
                Organ::GeneralAssembly,
            ))
        }
        None if year >= 1976 => Some(Resolved::new(
            format!("S/RES/{num}({year})"),
            Organ::SecurityCouncil,
        )),
        _ => None,
    }
}

/// The organ an organ's name (the General Assembly's or the Security Council's, in any of the
/// six languages) names: the Security Council when `cue:scNamed` says so.
fn organ_named(organs: &Organs, name: &str) -> Organ {
    if organs.sc_named.is_match(name) {
        Organ::SecurityCouncil
    } else {
        Organ::GeneralAssembly
    }
}

/// Security Council resolution `num` of the year the text gives; a year one slip away from the
/// one the number belongs to is that year miswritten ("242 (1969)"), unless the text gives the
/// year twice (`confirmed`: a bracket and a date that agree).
fn security_council(tables: &NumberTables, num: u32, year: u32, confirmed: bool) -> Resolved {
    let literal = format!("S/RES/{num}({year})");
    match tables.sc_year(num) {
        Some(known)
            if !confirmed
                && known != year
                && numbers::one_slip(&year.to_string(), &known.to_string()) =>
        {
            Resolved {
                id: format!("S/RES/{num}({known})"),
                organ: Organ::SecurityCouncil,
                as_written: Some(literal),
            }
        }
        _ => Resolved::new(literal, Organ::SecurityCouncil),
    }
}

/// A number with neither session nor year ("Security Council resolution 1540", "resolution
/// 2832"): the organ named before it or in its sentence, the statement's year and the tables
/// tell which resolution it is, or the same number cited earlier with its session or year;
/// otherwise it is left out.
fn bare_number(
    d: &Designator,
    num: u32,
    hint: Option<Organ>,
    ctx: &Context<'_>,
) -> Option<Resolved> {
    // A session or year the designator could not read ("1514 ,XV|", "435 (1978,"), a page
    // break between the word and the number, or a document job number after it ("33 06-53615":
    // a page number) leave the number unsettled.
    if d.unsettled {
        return None;
    }
    let organ = hint.or(ctx.sentence_organ);
    if let Some((id, known_organ, _)) = ctx.known.get(&num) {
        if organ.is_none_or(|o| o == *known_organ) {
            return Some(Resolved::new(id.clone(), *known_organ));
        }
    }
    // Readings the statement's year allows.
    let ga = ctx.tables.ga_session(num).filter(|&s| {
        ctx.year
            .is_none_or(|y| ctx.tables.session_year(s).is_some_and(|sy| sy <= y))
    });
    let sc_possible = ctx.year.is_none_or(|y| ctx.tables.sc_exists_by(num, y));
    let reading = match organ {
        Some(Organ::SecurityCouncil) => Organ::SecurityCouncil,
        Some(Organ::GeneralAssembly) => Organ::GeneralAssembly,
        None if !sc_possible => Organ::GeneralAssembly,
        None => return None,
    };
    match reading {
        Organ::SecurityCouncil => {
            let year = ctx.tables.sc_year(num)?;
            ctx.year
                .is_none_or(|y| year <= y)
                .then(|| Resolved::new(format!("S/RES/{num}({year})"), Organ::SecurityCouncil))
        }
        Organ::GeneralAssembly => ga.map(|s| {
            Resolved::new(
                format!("A/RES/{num}({})", to_roman(s)),
                Organ::GeneralAssembly,
            )
        }),
    }
}

fn month_number(name: &str) -> Option<u32> {
    MONTHS
        .split('|')
        .position(|m| m == name)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The value of a roman numeral (I–CCCXCIX), or `None` if it is not a canonical one.
pub fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0 && to_roman(total) == s).then_some(total)
}

/// The canonical roman numeral of `n` (1–399; other values give an empty string).
pub fn to_roman(mut n: u32) -> String {
    if !(1..=399).contains(&n) {
        return String::new();
    }
    const TABLE: [(u32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(String, String, Option<String>, CitationKind)> {
        find(text)
            .into_iter()
            .map(|c| (text[c.start..c.end].to_owned(), c.id, c.paragraph, c.kind))
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        let v = ids(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        (v[0].0.clone(), v[0].1.clone())
    }

    #[test]
    fn general_assembly_forms() {
        assert_eq!(
            one("under resolution 73/27."),
            ("resolution 73/27".into(), "A/RES/73/27".into())
        );
        assert_eq!(
            one("see A/RES/73/27 and"),
            ("A/RES/73/27".into(), "A/RES/73/27".into())
        );
        assert_eq!(
            one("resolution 2131 (XX) of 21 December 1965"),
            (
                "resolution 2131 (XX) of 21 December 1965".into(),
                "A/RES/2131(XX)".into()
            )
        );
        assert_eq!(
            one("(UNGA resolution 2131 of 21 December 1965)"),
            (
                "resolution 2131 of 21 December 1965".into(),
                "A/RES/2131(XX)".into()
            )
        );
        assert_eq!(
            one("resolution 3379\n(XXX)"),
            ("resolution 3379\n(XXX)".into(), "A/RES/3379(XXX)".into())
        );
        assert_eq!(
            one("resolution ES-11/1"),
            ("resolution ES-11/1".into(), "A/RES/ES-11/1".into())
        );
        assert_eq!(one("A/RES/2625 (XXV)").1, "A/RES/2625(XXV)");
    }

    #[test]
    fn lists_and_security_council() {
        let v = ids("General Assembly resolutions 73/27 and 73/266, and resolutions 242 (1967), 338 (1973) and 1514 (XV)");
        let got: Vec<(&str, &str)> = v.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("resolutions 73/27", "A/RES/73/27"),
                ("73/266", "A/RES/73/266"),
                ("resolutions 242 (1967)", "S/RES/242(1967)"),
                ("338 (1973)", "S/RES/338(1973)"),
                ("1514 (XV)", "A/RES/1514(XV)"),
            ]
        );
        assert_eq!(
            one("Security Council resolution 2231 (2015)").1,
            "S/RES/2231(2015)"
        );
        assert_eq!(one("S/RES/1540 (2004)").1, "S/RES/1540(2004)");
        // The abbreviations of the word.
        assert_eq!(
            one("UNGA Res. 68/262 affirmed it"),
            ("Res. 68/262".into(), "A/RES/68/262".into())
        );
        assert_eq!(
            one("the women, peace and security agenda of UNSCR 1325"),
            ("UNSCR 1325".into(), "S/RES/1325(2000)".into())
        );
        assert_eq!(
            one("SCRs 2231 (2015) must be implemented"),
            ("SCRs 2231 (2015)".into(), "S/RES/2231(2015)".into())
        );
        // Not a citation without a designator after it.
        assert!(ids("the SCR and the Res. of the Board, 12 in all").is_empty());
        // Another body's symbol ("AHG/Res.16 (I)") is not read, and an anaphora does not reach
        // past it.
        assert!(ids("OAU resolution AHG/Res.16 (I) of July 1964").is_empty());
        assert_eq!(
            ids(
                "resolution 3314 (XXIX) on aggression. The OAU adopted resolution AHG/ Res. 104 \
                 (1973). We call for that resolution to be respected."
            )
            .len(),
            1
        );
        // The legal abbreviations of the two organs, and their own symbols.
        assert_eq!(
            one("S.C. Res. 242 called for withdrawal"),
            ("Res. 242".into(), "S/RES/242(1967)".into())
        );
        assert_eq!(
            one("under G.A. Res. 377 (V)"),
            ("Res. 377 (V)".into(), "A/RES/377(V)".into())
        );
        assert_eq!(
            one("see A/Res.68/262"),
            ("Res.68/262".into(), "A/RES/68/262".into())
        );
        assert_eq!(
            one("see S/Res.2231 (2015)"),
            ("Res.2231 (2015)".into(), "S/RES/2231(2015)".into())
        );
    }

    #[test]
    fn the_other_five_languages() {
        let cases: [(&str, &[(&str, &str)]); 25] = [
            // A bare number, the organ named after it.
            (
                "la résolution 2131 de l'Assemblée générale",
                &[("résolution 2131", "A/RES/2131(XX)")],
            ),
            (
                "la resolución 1540 del Consejo de Seguridad",
                &[("resolución 1540", "S/RES/1540(2004)")],
            ),
            (
                "conformément à la résolution 73/27 de l'Assemblée générale",
                &[("résolution 73/27", "A/RES/73/27")],
            ),
            (
                "les résolutions 2625 (XXV) et 3314 (XXIX) et la résolution 2417 (2018) du \
                 Conseil de sécurité",
                &[
                    ("résolutions 2625 (XXV)", "A/RES/2625(XXV)"),
                    ("3314 (XXIX)", "A/RES/3314(XXIX)"),
                    ("résolution 2417 (2018)", "S/RES/2417(2018)"),
                ],
            ),
            (
                "la resolución 2131 (XX) y las resoluciones 73/27 y 75/240",
                &[
                    ("resolución 2131 (XX)", "A/RES/2131(XX)"),
                    ("resoluciones 73/27", "A/RES/73/27"),
                    ("75/240", "A/RES/75/240"),
                ],
            ),
            (
                "la Resolución 1540 (2004) del Consejo de Seguridad",
                &[("Resolución 1540 (2004)", "S/RES/1540(2004)")],
            ),
            (
                "резолюция 75/240 и резолюции 73/27 и 2131 (XX)",
                &[
                    ("резолюция 75/240", "A/RES/75/240"),
                    ("резолюции 73/27", "A/RES/73/27"),
                    ("2131 (XX)", "A/RES/2131(XX)"),
                ],
            ),
            (
                "в соответствии с резолюцией 1373 (2001) Совета Безопасности",
                &[("резолюцией 1373 (2001)", "S/RES/1373(2001)")],
            ),
            ("وفقا للقرار 73/27", &[("للقرار 73/27", "A/RES/73/27")]),
            (
                "وفقا لـ القرار 73/27 والقرار رقم 75/240",
                &[
                    ("القرار 73/27", "A/RES/73/27"),
                    ("والقرار رقم 75/240", "A/RES/75/240"),
                ],
            ),
            (
                "قرار مجلس الأمن 2417 (2018)",
                &[("قرار مجلس الأمن 2417 (2018)", "S/RES/2417(2018)")],
            ),
            (
                "المنشأ بقرارها 74/247 وقرار الجمعية العامة 73/27",
                &[
                    ("بقرارها 74/247", "A/RES/74/247"),
                    ("وقرار الجمعية العامة 73/27", "A/RES/73/27"),
                ],
            ),
            (
                "大会第70/237号、第73/27号和第75/240号决议以及第2625 (XXV)号",
                &[
                    ("第70/237号", "A/RES/70/237"),
                    ("第73/27号", "A/RES/73/27"),
                    ("第75/240号决议", "A/RES/75/240"),
                ],
            ),
            (
                "依据安理会第242(1967)号、第2334(2016)号等决议",
                &[
                    ("第242(1967)号", "S/RES/242(1967)"),
                    ("第2334(2016)号等决议", "S/RES/2334(2016)"),
                ],
            ),
            (
                "وفقاً لقراري مجلس الأمن 242 (1967) و2334 (2016)، وقراره 2417 (2018)",
                &[
                    ("لقراري مجلس الأمن 242 (1967)", "S/RES/242(1967)"),
                    ("2334 (2016)", "S/RES/2334(2016)"),
                    ("وقراره 2417 (2018)", "S/RES/2417(2018)"),
                ],
            ),
            (
                "резолюциями Совета Безопасности 242 (1967) и 2334 (2016)",
                &[
                    ("резолюциями Совета Безопасности 242 (1967)", "S/RES/242(1967)"),
                    ("2334 (2016)", "S/RES/2334(2016)"),
                ],
            ),
            (
                "安理会第2341号、第2286号决议",
                &[
                    ("第2341号", "S/RES/2341(2017)"),
                    ("第2286号决议", "S/RES/2286(2016)"),
                ],
            ),
            (
                "قرار الجمعية العامة للأمم المتحدة 73/27. واتخذت حكومتي قرارا مهما، وهذا القرار يعكس التزامنا.",
                &[("قرار الجمعية العامة للأمم المتحدة 73/27", "A/RES/73/27")],
            ),
            ("القرار ٧٣/٢٧", &[("القرار ٧٣/٢٧", "A/RES/73/27")]),
            (
                "قرار مجلس الأمن 2341 (2017). ويدعو هذا القرار الدول إلى حماية البنية التحتية.",
                &[
                    ("قرار مجلس الأمن 2341 (2017)", "S/RES/2341(2017)"),
                    ("هذا القرار", "S/RES/2341(2017)"),
                ],
            ),
            (
                "резолюцию 75/240. В этой резолюции Ассамблея учредила группу.",
                &[
                    ("резолюцию 75/240", "A/RES/75/240"),
                    ("этой резолюции", "A/RES/75/240"),
                ],
            ),
            (
                "بالقرار 2625 (د-25) والقرار 1514 (د - 15)",
                &[
                    ("بالقرار 2625 (د-25)", "A/RES/2625(XXV)"),
                    ("والقرار 1514 (د - 15)", "A/RES/1514(XV)"),
                ],
            ),
            (
                "резолюцию Совета Безопасности 1373 (2001) и резолюцию Совета Безопасности № 2341 (2017)",
                &[
                    ("резолюцию Совета Безопасности 1373 (2001)", "S/RES/1373(2001)"),
                    ("резолюцию Совета Безопасности № 2341 (2017)", "S/RES/2341(2017)"),
                ],
            ),
            (
                "大会第73/27号决议和安理会第2417（2018）号决议",
                &[
                    ("第73/27号决议", "A/RES/73/27"),
                    ("第2417（2018）号决议", "S/RES/2417(2018)"),
                ],
            ),
            (
                "第２１３１ (XX)号决议",
                &[("第２１３１ (XX)号决议", "A/RES/2131(XX)")],
            ),
        ];
        for (text, expected) in cases {
            let got: Vec<(String, String)> = ids(text)
                .into_iter()
                .map(|(surface, id, _, _)| (surface, id))
                .collect();
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(s, i)| ((*s).to_owned(), (*i).to_owned()))
                .collect();
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn bare_numbers_that_are_something_else() {
        for text in [
            "laid down in a Security Council resolution 21 years ago",
            "Security Council resolution\n39\n\n1373 (2001)",
            "Security Council resolution 43 I (1978)",
            "Security Council resolution 41&(1977)",
            "Security Council resolution 43 5 (1978)",
            "the Security Council resolution 100 per cent",
        ] {
            assert!(
                ids(text)
                    .iter()
                    .all(|(_, id, _, _)| !id.starts_with("S/RES/21(")
                        && !id.starts_with("S/RES/39(")
                        && !id.starts_with("S/RES/43(")
                        && !id.starts_with("S/RES/41(")
                        && !id.starts_with("S/RES/100(")),
                "{text}: {:?}",
                ids(text)
            );
        }
    }

    #[test]
    fn a_page_number_inside_a_citation_is_read_past() {
        // Page residue between the number and its year (the number's year is known).
        assert_eq!(
            ids("We support Security Council resolution 1373\n2\n\n(2001) and call")[0].1,
            "S/RES/1373(2001)"
        );
    }

    #[test]
    fn a_year_given_twice_is_not_corrected() {
        // 22 was adopted in 1947; the text's number is misread (242), its year is right.
        assert_eq!(
            ids("Security Council resolution 22 (1967) of 22 November 1967")[0].1,
            "S/RES/22(1967)"
        );
        assert_eq!(
            ids("Security Council resolution 242 (1969)")[0].1,
            "S/RES/242(1967)"
        );
    }

    #[test]
    fn organ_name_then_number() {
        assert_eq!(
            ids("as the General Assembly’s 76/19 and Security Council 2417 (2018) make clear"),
            vec![
                (
                    "76/19".into(),
                    "A/RES/76/19".into(),
                    None,
                    CitationKind::Explicit
                ),
                (
                    "2417 (2018)".into(),
                    "S/RES/2417(2018)".into(),
                    None,
                    CitationKind::Explicit
                )
            ]
        );
        // Without a session or year the number is not taken.
        assert!(ids("the Security Council 15 members and the General Assembly 193").is_empty());
    }

    #[test]
    fn distractors_are_not_citations() {
        for text in [
            "document A/73/27 and A/70/PV.19",
            "since 9/11, 24/7, 50/50",
            "26/33 17-29585",
            "Human Rights Council resolution 7/36",
            "draft resolution 73/27",
            "resolution 1540",
            "resolution 12/3",
            "A/RES/2131 (XXXXX)",
        ] {
            assert!(ids(text).is_empty(), "{text}: {:?}", ids(text));
        }
    }

    #[test]
    fn another_bodys_numbers_are_not_taken_nor_reached_past() {
        let text = "Resolution 2626 (XXV) set the Strategy. The integrated programme of \
                    UNCTAD resolution 93 (IV) is stalled. That resolution must be implemented.";
        let found: Vec<String> = ids(text).into_iter().map(|c| c.1).collect();
        assert_eq!(found, vec!["A/RES/2626(XXV)".to_owned()], "{found:?}");
        // 181 (II) is the partition resolution: "181 (III)" cannot be the Assembly's.
        assert!(ids("We recall resolution 181 (III).").is_empty());
        assert_eq!(
            one("We recall resolution 181 (II)."),
            ("resolution 181 (II)".to_owned(), "A/RES/181(II)".to_owned())
        );
    }

    #[test]
    fn paragraphs_and_anaphora() {
        let text = "as specified under paragraph 5 of the resolution 73/27, and \
                    (Paragraph 4, UNGA resolution 31/91 December 1976). In the context of the said \
                    resolution, see paragraph 1 of the Resolution. The resolutions were many.";
        let v = ids(text);
        assert_eq!(v.len(), 4, "{v:?}");
        assert_eq!(v[0].1, "A/RES/73/27");
        assert_eq!(v[0].2.as_deref(), Some("5"));
        assert_eq!(v[1].0, "resolution 31/91 December 1976");
        assert_eq!(v[1].2.as_deref(), Some("4"));
        assert!(v[2].0.starts_with("the said"), "{v:?}");
        assert_eq!(
            (v[2].1.as_str(), v[2].3),
            ("A/RES/31/91", CitationKind::Anaphora)
        );
        assert_eq!(v[3].0, "the Resolution");
        assert_eq!(v[3].2.as_deref(), Some("1"));
        assert_eq!(one("resolution 73/27, paragraph 5").0, "resolution 73/27");
        assert_eq!(
            ids("resolution 73/27, paragraph 5")[0].2.as_deref(),
            Some("5")
        );
    }

    #[test]
    fn numbers_settle_sessions_and_years() {
        // The organ named: the number gives the year or session.
        assert_eq!(
            one("Security Council resolution 1540 is"),
            ("resolution 1540".into(), "S/RES/1540(2004)".into())
        );
        assert_eq!(
            one("General Assembly resolution 2832 regarding").1,
            "A/RES/2832(XXVI)"
        );
        assert_eq!(
            one("the Security Council adopted resolution 1701, which").1,
            "S/RES/1701(2006)"
        );
        // "Council" alone, as speakers in and about the Security Council write it; not a
        // council named with a capitalised word before it.
        assert_eq!(
            one("full implementation of Council resolution 2286 on medical care").1,
            "S/RES/2286(2016)"
        );
        assert_eq!(
            one("this Council's resolution 1325 matters").1,
            "S/RES/1325(2000)"
        );
        assert!(ids("the Trusteeship Council resolution 1234 matters").is_empty());
        // "UNSCR" elsewhere in the sentence names the Council for a bare number.
        assert_eq!(
            ids("Resolution 1325 and UNSCR 2250 guide us.")[0].1,
            "S/RES/1325(2000)"
        );
        assert!(ids("the Governing Council resolution 1234 matters").is_empty());
        // A year: the session that met then.
        assert_eq!(
            one("resolution 3236 of 1974 recognized"),
            ("resolution 3236 of 1974".into(), "A/RES/3236(XXIX)".into())
        );
        // The statement's year rules out a Security Council resolution not yet adopted.
        let dated = find_dated(
            "as resolution 2832 declared",
            Some(1990),
            NumberTables::embedded(),
            Organs::embedded(),
        );
        assert_eq!(dated.len(), 1);
        assert_eq!(dated[0].id, "A/RES/2832(XXVI)");
        assert!(ids("as resolution 2832 declared").is_empty());
        assert!(find_dated(
            "resolution 1701 and",
            Some(2010),
            NumberTables::embedded(),
            Organs::embedded()
        )
        .is_empty());
        // The same number cited before with its year.
        let v = ids("resolution 1701 (2006) ends the war. Under 1701, the parties withdraw.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(
            (v[1].0.as_str(), v[1].1.as_str()),
            ("1701", "S/RES/1701(2006)")
        );
        // Not numbers of resolutions of these organs.
        for text in [
            "Economic and Social Council in its resolution 1978/61 that",
            "General Assembly resolution 44,225. This",
            "resolutions 2145 (XXI) and 2248 (S-V) of 1966 and 1967 respectively",
            "The OAU, in resolution 1457, expressed",
            "resolution \n\n\n33 06-53615 \n\n",
        ] {
            let v = ids(text);
            assert!(
                v.iter()
                    .all(|c| c.1 == "A/RES/2145(XXI)" || c.1 == "A/RES/2248(S-V)"),
                "{text}: {v:?}"
            );
        }
    }

    #[test]
    fn review_cases() {
        // A bare reading is not passed on; the dated citation settles later mentions.
        let v = ids(
            "The General Assembly has long promoted resolution 1325. Security Council \
                     resolution 1325 (2000) is landmark. Under 1325, women must participate.",
        );
        assert_eq!(
            v.last().map(|c| c.1.as_str()),
            Some("S/RES/1325(2000)"),
            "{v:?}"
        );
        // Quantities are not resolutions.
        let v =
            ids("Security Council resolution 2231 (2015) holds. A total of 2231, all verified.");
        assert_eq!(v.len(), 1, "{v:?}");
        // Other assemblies' resolutions.
        for text in [
            "NATO Parliamentary Assembly resolution 479 says",
            "National Assembly resolution 1234 says",
            "The OAS General Assembly resolution 1080 says",
        ] {
            assert!(ids(text).is_empty(), "{text}: {:?}", ids(text));
        }
        // A list of bare numbers keeps its first item.
        let v = ids("Security Council resolutions 1701, 1559 and 1540 apply.");
        assert_eq!(
            v.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(),
            vec!["S/RES/1701(2006)", "S/RES/1559(2004)", "S/RES/1540(2004)"]
        );
        // An old-style GA number with its year in brackets.
        assert_eq!(one("resolution 2625 (1970)").1, "A/RES/2625(XXV)");
        assert_eq!(one("resolution 3314 (1974)").1, "A/RES/3314(XXIX)");
        assert_eq!(one("resolution 242 (1967)").1, "S/RES/242(1967)");
        assert_eq!(one("resolution 2231 (2015)").1, "S/RES/2231(2015)");
    }

    #[test]
    fn slips_in_session_or_year_are_flagged() {
        let c = find("resolution 2758 (XXXVI) restored");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].id, "A/RES/2758(XXVI)");
        assert_eq!(c[0].as_written.as_deref(), Some("A/RES/2758(XXXVI)"));
        let c = find("Security Council resolution 242 (1969)");
        assert_eq!(c[0].id, "S/RES/242(1967)");
        assert_eq!(c[0].as_written.as_deref(), Some("S/RES/242(1969)"));
        // Right as written: no flag.
        assert_eq!(find("resolution 2758 (XXVI)")[0].as_written, None);
        // Far from the number's session (another organ's numbering), or a small number: not
        // corrected.
        assert!(ids("resolution 1296 (XLIV)").is_empty());
        assert!(ids("resolution 159 (VI)")
            .iter()
            .all(|c| c.1 != "A/RES/159(II)"));
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("XX"), Some(20));
        assert_eq!(roman_value("XXIX"), Some(29));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(to_roman(26), "XXVI");
    }
}
