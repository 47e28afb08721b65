//! Verbatim records: finding where each speaker's turn begins.
//!
//! UN meeting records (General Assembly and Security Council `…/PV.…` documents, committee
//! records, OEWG transcripts) give each intervention a heading at the start of a paragraph:
//!
//! - `Mr. Takht Ravanchi (Islamic Republic of Iran): I thank you, Madam Chair …` — a title and
//!   name, the delegation (or post) in brackets, sometimes `(spoke in French)`, then a colon;
//! - `The President:`, `The Chair:`, `The Acting President (spoke in Spanish):` — the presiding
//!   officer, whose turns are procedure, not a delegation's statement;
//! - `Iran (Islamic Republic of):` alone on its line — compilations that head each statement
//!   with the delegation's name (only names the reference data knows count).
//!
//! Transcripts as NGOs and captioners publish them use other layouts, recognised as well:
//!
//! - a delegation's name, a role (`Chair`, `Secretariat`, `UNIDIR`) or a person's title and
//!   name (`Ambassador Maria Lopez`) alone on its line, the speech on the next lines;
//! - `Kenya: Thank you, Chair …` inline at the start of a paragraph (a name the reference data
//!   knows, or a role);
//! - live captions, the whole text one line, with `>> CHAIR:` or `> SINGAPORE:` markers;
//! - a turn with no heading at all, right after the Chair gives the floor (`I give the floor to
//!   Indonesia.` then a paragraph opening `Thank you, Chair.`): it is that delegation's.
//!
//! A speaker named only as a person takes the delegation the Chair named when giving them the
//! floor (`… to Ambassador Tesfaye of Ethiopia`); the Chair's turns are left out; the
//! Secretariat, UNIDIR and other non-State speakers keep their role and no delegation. A
//! document with fewer than two headings is one statement, as before.

use super::text::window_after;
use crate::extract::lexicon::{Kind, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

/// One speaker's turn in a verbatim record (byte offsets into the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Where the heading starts.
    pub start: usize,
    /// Where the heading ends (after its colon): the statement's own words start here.
    pub body_start: usize,
    /// Where the next turn starts (or the end of the text).
    pub end: usize,
    /// The speaker as written (`Mr. Takht Ravanchi`), or `None` for a heading that is only a
    /// delegation's name.
    pub speaker: Option<String>,
    /// What the brackets (or a name-only heading) say: a delegation's name, or a post such as
    /// `Secretary-General`.
    pub affiliation: Option<String>,
    /// IRI of the delegation the affiliation names, when the reference data knows it.
    pub delegation: Option<String>,
    /// The presiding officer (`The President:`, `The Chair:`).
    pub presiding: bool,
    /// A non-State speaker's role (`Secretariat`, `UNIDIR`), when the heading names one.
    pub role: Option<String>,
}

impl Turn {
    fn new(start: usize, body_start: usize) -> Self {
        Self {
            start,
            body_start,
            end: 0,
            speaker: None,
            affiliation: None,
            delegation: None,
            presiding: false,
            role: None,
        }
    }
}

/// "on behalf of" and its French and Spanish forms, at the point where a delegation's name follows.
static ON_BEHALF_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:on[ \t\n]+behalf[ \t\n]+of|au[ \t\n]+nom[ \t\n]+d(?:u|e[ \t\n]+la|es|e|')|en[ \t\n]+nombre[ \t\n]+de(?:l)?)[ \t\n]+(?:the[ \t\n]+|la[ \t\n]+|los[ \t\n]+|las[ \t\n]+)?")
        .expect("valid regex")
});

/// How far into a turn its opening may say whom it speaks for (bytes).
const OPENING_REACH: usize = 400;

/// The delegation (a group or a State, by IRI) a turn's opening says it speaks for: "I have the
/// honour to speak on behalf of the Group of 77 and China", "…au nom du Mouvement des pays
/// non alignés" where the vocabulary has the label. Not when the sentence is about someone
/// else's statement ("the statement delivered on behalf of the African Group"): that is an
/// alignment.
pub fn opening_delegation(body: &str, lexicon: &Lexicon, language: Option<&str>) -> Option<String> {
    let opening = window_after(body, 0, OPENING_REACH);
    for m in ON_BEHALF_OF.find_iter(opening) {
        let sentence_start = opening[..m.start()]
            .rfind(['.', '!', '?', '\n'])
            .map_or(0, |i| i + 1);
        let before = opening[sentence_start..m.start()].to_lowercase();
        if [
            "statement",
            "delivered",
            "made by",
            "déclaration",
            "declaración",
        ]
        .iter()
        .any(|w| before.contains(w))
        {
            continue;
        }
        let to = m.end() + window_after(body, m.end(), 120).len();
        for kind in [Kind::Group, Kind::State] {
            let matcher = lexicon.matcher_in(kind, language);
            let hit = matcher
                .find_in(body, m.end(), to)
                .into_iter()
                .find(|h| h.start == m.end());
            if let Some(h) = hit {
                return Some(matcher.concepts()[h.concept].iri.clone());
            }
        }
    }
    None
}

/// `name` in title case ("Mr. John Mwangi") when it is written in capitals only.
fn title_case_if_capitals(name: &str) -> String {
    if name.chars().any(char::is_lowercase) || !name.chars().any(char::is_uppercase) {
        return name.to_owned();
    }
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Presiding officers' titles, as headings write them.
const PRESIDING_TITLES: &str = r"(?:Acting[ \t]+|Temporary[ \t]+)?(?:President|Vice-President|Chair|Chairperson|Chairman|Chairwoman|Co-Chair|Vice-Chair)";

/// Non-State speakers whose role stands in the heading.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:the[ \t]+)?(?:representative[ \t]+of[ \t]+(?:the[ \t]+)?)?(Secretariat|UNIDIR|Secretary(?:-General)?|Secretary[ \t]+of[ \t]+the[ \t]+[A-Za-z \t-]{1,60}|Moderator|Rapporteur|ICRC|UNODA|ITU|Interpreter)$")
        .expect("valid regex")
});

/// A presiding officer as a heading names them: `Chair`, `Co-Chair`, `The President` — not
/// `Mr. President`, which opens a speech.
static CHAIR_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:the[ \t]+{PRESIDING_TITLES}|(?:Acting[ \t]+)?(?:Chair|Chairperson|Chairman|Chairwoman|Co-Chairs?|Vice-Chair))$"
    ))
    .expect("valid regex")
});

/// A person named by title: `Ambassador Maria Lopez`, `H.E. Mr. Joon Park`.
static PERSON_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:H\.?E\.?[ \t]+)?(?:Mr|Mrs|Ms|Miss|Mme|Dr|Sir|Dame|Ambassador|Minister|Deputy[ \t]+Minister|Professor|Prof)\.?[ \t]+\p{Lu}[\p{L}.'’ \t-]{1,60}$")
        .expect("valid regex")
});

/// A short heading line: a name, role or title alone, with or without a colon, the speech on
/// the next line — starting as a sentence does (a capital, a quotation mark, a digit), so that
/// a wrapped line that happens to hold only a country's name ("Senegal" / "welcomes the …") is
/// not taken for a heading.
static ALONE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?P<name>\p{Lu}[^\n:!?;,]{1,70}?)[ \t]*(?:\*\*)?:?(?:\*\*)?[ \t]*\r?$")
        .expect("valid regex")
});

/// The headings that stand alone on their line, each with where the speech starts (the first
/// character of the next line that is not blank). Scanned line by line: a line is a candidate
/// whatever the line before it was.
fn alone_lines(text: &str) -> Vec<(usize, usize, &str)> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push((at, line));
        at += line.len();
    }
    let mut out = Vec::new();
    for (i, (start, line)) in lines.iter().enumerate() {
        // (Cheap tests first: most lines are long, or start in lower case.)
        let trimmed = line.trim();
        if trimmed.len() > 90
            || !trimmed
                .trim_start_matches(['#', '*', ' '])
                .starts_with(|c: char| c.is_uppercase())
        {
            continue;
        }
        // The next line that is not blank starts as a sentence does (tested before the regex:
        // in a scanned speech broken into short lines, most lines go on in lower case).
        let Some((next_start, next)) = lines[i + 1..]
            .iter()
            .take(2)
            .find(|(_, l)| !l.trim().is_empty())
        else {
            continue;
        };
        let first = next.trim_start().chars().next();
        if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c))
        {
            continue;
        }
        let Some(name) = ALONE_LINE
            .captures(line.trim_end_matches('\n'))
            .and_then(|c| c.name("name"))
        else {
            continue;
        };
        out.push((*start, *next_start, &line[name.start()..name.end()]));
    }
    out
}

/// `Kenya: Thank you, Chair …` at the start of a line.
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*(?:\*\*)?(?P<name>\p{Lu}[^\n:!?;]{1,70}?)[ \t]*(?:\*\*)?:(?:\*\*)?[ \t]+\S",
    )
    .expect("valid regex")
});

/// A caption marker: `>> CHAIR:`, `> SINGAPORE:`, `>> DELEGATE OF BRAZIL:`.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r">>?[ \t]*(?P<name>[\p{Lu}][\p{Lu}\p{Ll}0-9 .'’()-]{1,70}?)[ \t]*:")
        .expect("valid regex")
});

/// The Chair giving the floor: the clause names who speaks next (`I give the floor to …`,
/// `I now call on …`, `… has the floor`, `Canada, you have the floor`).
static FLOOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:give|giving|pass|yield|turn)[ \t]+the[ \t]+floor[ \t]+(?:now[ \t]+)?(?:over[ \t]+)?to\b(?P<who>[^.\n;!?]{1,160})|\b(?:I|we)[ \t]+(?:now[ \t]+)?(?:call[ \t]+(?:up)?on|recognize|recognise|invite)\b(?P<who2>[^.\n;!?]{1,160})|(?P<who3>[^.\n;!?]{1,160})\b(?:has|have)[ \t]+the[ \t]+floor")
        .expect("valid regex")
});

/// Titles whose abbreviating full stop does not end a sentence.
static ABBREVIATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|H\.E|Amb)\.").expect("valid regex"));

/// A paragraph that opens as a speech does when its speaker was given the floor.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:Thank[ \t]+you|Thanks|I[ \t]+thank|Merci|Gracias|Muchas[ \t]+gracias|Madam[ \t]+Chair|Mr\.?[ \t]+Chair|Chair,)")
        .expect("valid regex")
});

/// What a heading names: a delegation, a presiding officer, a non-State role or a person.
fn heading(name: &str, lexicon: &Lexicon) -> Option<Turn> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name.trim_matches(|c: char| c == '*' || c == '#' || c.is_whitespace());
    if name.is_empty() {
        return None;
    }
    let mut t = Turn::new(0, 0);
    if CHAIR_NAME.is_match(name) {
        t.presiding = true;
        return Some(t);
    }
    if let Some(c) = ROLE.captures(name) {
        t.role = c.get(1).map(|m| m.as_str().to_owned());
        t.affiliation = t.role.clone();
        return Some(t);
    }
    // Captioners write "DELEGATE OF BRAZIL", "REPRESENTATIVE OF KENYA".
    let bare = name
        .strip_prefix_ci("delegate of ")
        .or_else(|| name.strip_prefix_ci("delegation of "))
        .or_else(|| name.strip_prefix_ci("representative of "))
        .or_else(|| name.strip_prefix_ci("ambassador of "))
        .or_else(|| name.strip_prefix_ci("permanent representative of "))
        .unwrap_or(name);
    if let Some(concept) = lexicon.delegation(bare) {
        t.affiliation = Some(bare.to_owned());
        t.delegation = Some(concept.iri.clone());
        return Some(t);
    }
    // A person, unless the "name" is an office (`Mr President`, `Madam Chair`).
    let office = name
        .split_whitespace()
        .skip(1)
        .any(|w| CHAIR_NAME.is_match(w) || ROLE.is_match(w) || w.eq_ignore_ascii_case("President"));
    // A name: a few words, each capitalised but for particles (`de`, `van`, `al-`), not a
    // sentence that happens to start with a title ("Ambassador Razali's contribution will …").
    let words: Vec<&str> = name.split_whitespace().collect();
    let particle = |w: &str| {
        matches!(
            w,
            "de" | "da"
                | "das"
                | "do"
                | "dos"
                | "du"
                | "del"
                | "della"
                | "van"
                | "von"
                | "der"
                | "den"
                | "bin"
                | "binti"
                | "ibn"
                | "al"
                | "el"
                | "la"
                | "le"
                | "y"
                | "e"
        ) || w.starts_with("al-")
            || w.starts_with("el-")
    };
    let capitalised = words.len() <= 7
        && words
            .iter()
            .all(|w| particle(w) || w.chars().next().is_some_and(|c| c.is_uppercase()))
        && !name.contains("'s ")
        && !name.contains("’s ");
    if PERSON_NAME.is_match(name) && !office && capitalised {
        t.speaker = Some(name.to_owned());
        return Some(t);
    }
    None
}

/// Case-insensitive ASCII prefix stripping.
trait StripPrefixCi {
    fn strip_prefix_ci(&self, prefix: &str) -> Option<&str>;
}

impl StripPrefixCi for str {
    fn strip_prefix_ci(&self, prefix: &str) -> Option<&str> {
        let head = self.get(..prefix.len())?;
        head.eq_ignore_ascii_case(prefix)
            .then(|| &self[prefix.len()..])
    }
}

/// The delegations the Chair's words in `text` give the floor to last (one, or several in
/// order for `to Australia, to be followed by Pakistan`), with where that clause ends.
fn floor_given(
    text: &str,
    lexicon: &Lexicon,
    language: Option<&str>,
) -> Option<(usize, Vec<String>)> {
    // "Mr. Park" must not end the clause: the full stops of titles become spaces (same length,
    // so offsets hold).
    let mut masked = text.to_owned();
    for m in ABBREVIATION.find_iter(text) {
        masked.replace_range(m.end() - 1..m.end(), " ");
    }
    let text = masked.as_str();
    let (states_in, groups_in) = (
        lexicon.matcher_in(Kind::State, language),
        lexicon.matcher_in(Kind::Group, language),
    );
    let mut last = None;
    for c in FLOOR.captures_iter(text) {
        let Some(who) = c
            .name("who")
            .or_else(|| c.name("who2"))
            .or_else(|| c.name("who3"))
        else {
            continue;
        };
        let states = states_in.find_all(who.as_str());
        let groups = groups_in.find_all(who.as_str());
        let mut named: Vec<(usize, String)> = states
            .iter()
            .map(|h| (h.start, states_in.concepts()[h.concept].iri.clone()))
            .chain(
                groups
                    .iter()
                    .map(|h| (h.start, groups_in.concepts()[h.concept].iri.clone())),
            )
            .collect();
        named.sort();
        let mut order: Vec<String> = Vec::new();
        for (_, iri) in named {
            if !order.contains(&iri) {
                order.push(iri);
            }
        }
        if !who.as_str().to_lowercase().contains("followed by") {
            order.truncate(1);
        }
        if !order.is_empty() {
            last = Some((c.get(0).map_or(who.end(), |m| m.end()), order));
        }
    }
    last
}

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    let titles: Vec<String> = PERSON_TITLES.iter().map(|t| regex::escape(t)).collect();
    Regex::new(&format!(
        concat!(
            r"(?m)^[ \t]*(?:\*\*)?(?P<speaker>(?:{})\.?",
            r"[ \t]+\p{{Lu}}[^\n():,;]{{0,80}}?)[ \t]*",
            r"\((?P<aff>[^()\n]{{1,120}}(?:\([^()\n]{{1,60}}\)[^()\n]{{0,60}})?)\)",
            r"(?:[ \t]*\((?:spoke|interpretation)[^()\n]{{0,60}}\))?",
            r"[ \t]*(?:\*\*)?:(?:\*\*)?",
        ),
        titles.join("|")
    ))
    .expect("valid regex")
});

static PRESIDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)^[ \t]*(?:\*\*)?The[ \t]+(?:Acting[ \t]+|Temporary[ \t]+)?",
        r"(?:President|Vice-President|Chair|Chairperson|Chairman|Chairwoman|Co-Chair|Vice-Chair)",
        r"(?:[ \t]*\((?:spoke|interpretation)[^()\n]{0,60}\))?[ \t]*(?:\*\*)?:(?:\*\*)?",
    ))
    .expect("valid regex")
});

static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?P<name>[A-Z][^\n:]{1,80}?)[ \t]*(?:\*\*)?:(?:\*\*)?[ \t]*\r?$")
        .expect("valid regex")
});

/// The titles a [`PERSON`] heading begins with (after spaces or `**`): the regex is built from
/// them, and [`person_headings`] runs it only on lines that begin with one.
const PERSON_TITLES: [&str; 24] = [
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mme",
    "Mlle",
    "Sir",
    "Dame",
    "Dr",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Prince",
    "Princess",
    "Sheikh",
    "Sheikha",
    "Archbishop",
    "Cardinal",
    "Monsignor",
    "Father",
    "Judge",
    "Ambassador",
    "H.E.",
];

/// The [`PERSON`] headings of `text`, each a line's beginning. The regex runs only on the lines
/// that begin with one of its titles (a heading never spans lines): over a whole statement,
/// its Unicode classes kept it off the fast engine at every "Mr." of the text.
fn person_headings(text: &str) -> impl Iterator<Item = regex::Captures<'_>> + '_ {
    let mut at = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = at;
        at += line.len();
        let head = line
            .trim_start_matches([' ', '\t'])
            .trim_start_matches("**");
        if !PERSON_TITLES.iter().any(|t| head.starts_with(t)) {
            return None;
        }
        PERSON.captures_at(&text[..start + line.len()], start)
    })
}

/// The speakers' turns of `text`, in order, or an empty list when it is not a verbatim record
/// (fewer than two headings).
pub fn turns(text: &str, lexicon: &Lexicon, language: Option<&str>) -> Vec<Turn> {
    let mut found: Vec<Turn> = Vec::new();
    for c in person_headings(text) {
        let (Some(all), Some(speaker), Some(aff)) = (c.get(0), c.name("speaker"), c.name("aff"))
        else {
            continue;
        };
        let affiliation = aff
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        found.push(Turn {
            start: all.start(),
            body_start: all.end(),
            end: text.len(),
            speaker: Some(
                speaker
                    .as_str()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            delegation: lexicon.delegation(&affiliation).map(|c| c.iri.clone()),
            affiliation: Some(affiliation),
            presiding: false,
            role: None,
        });
    }
    for m in PRESIDING.find_iter(text) {
        found.push(Turn {
            start: m.start(),
            body_start: m.end(),
            end: text.len(),
            speaker: None,
            affiliation: None,
            delegation: None,
            presiding: true,
            role: None,
        });
    }
    for c in NAME_LINE.captures_iter(text) {
        let (Some(all), Some(name)) = (c.get(0), c.name("name")) else {
            continue;
        };
        let Some(concept) = lexicon.delegation(name.as_str()) else {
            continue;
        };
        if found
            .iter()
            .any(|t| t.start <= all.start() && all.start() < t.body_start)
        {
            continue;
        }
        found.push(Turn {
            start: all.start(),
            body_start: all.end(),
            end: text.len(),
            speaker: None,
            affiliation: Some(name.as_str().trim().to_owned()),
            delegation: Some(concept.iri.clone()),
            presiding: false,
            role: None,
        });
    }
    // The layouts of published transcripts (see the module documentation), where the record
    // style found nothing at that place.
    let taken = |found: &[Turn], at: usize| {
        found
            .iter()
            .any(|t| t.start <= at && at < t.body_start.max(t.start + 1))
    };
    let mut more: Vec<Turn> = Vec::new();
    // (start, body start, name, whether a caption marker)
    let mut candidates: Vec<(usize, usize, &str, bool)> = alone_lines(text)
        .into_iter()
        .map(|(a, b, name)| (a, b, name, false))
        .collect();
    // (Inline headings end on the speech's first character, captions at their colon.)
    for (re, ends_on_speech) in [(&*INLINE, true), (&*CAPTION, false)] {
        for c in re.captures_iter(text) {
            let (Some(all), Some(name)) = (c.get(0), c.name("name")) else {
                continue;
            };
            // A record's cover names its officers with dot leaders ("Chair: Ms. X ..... (Nigeria)"):
            // that is not a turn.
            let line_end = text[all.end()..]
                .find('\n')
                .map_or(text.len(), |i| all.end() + i);
            if ends_on_speech && text[all.start()..line_end].contains(".....") {
                continue;
            }
            let body_start = if ends_on_speech {
                all.end()
                    - text[..all.end()]
                        .chars()
                        .next_back()
                        .map_or(0, char::len_utf8)
            } else {
                all.end()
            };
            candidates.push((all.start(), body_start, name.as_str(), !ends_on_speech));
        }
    }
    candidates.sort_by_key(|c| c.0);
    for (start, body_start, name, caption) in candidates {
        if taken(&found, start) || taken(&more, start) {
            continue;
        }
        // Captioners write names in capitals ("MR. JOHN MWANGI"): read as a heading would
        // write them. (Only captions: a header line in capitals, "H.E. MR. JOHN DOE" above
        // "STATEMENT BY", is not a turn.)
        let found_heading = heading(name, lexicon).or_else(|| {
            caption
                .then(|| title_case_if_capitals(name))
                .and_then(|n| heading(&n, lexicon))
        });
        let Some(mut t) = found_heading else {
            continue;
        };
        t.start = start;
        t.body_start = body_start;
        more.push(t);
    }
    found.extend(more);
    found.sort_by_key(|t| t.start);
    found.dedup_by_key(|t| t.start);
    // A turn with no heading, right after the Chair gives the floor.
    let mut unheaded = Vec::new();
    for (i, t) in found.iter().enumerate() {
        if !t.presiding {
            continue;
        }
        let end = found.get(i + 1).map_or(text.len(), |n| n.start);
        let words = &text[t.body_start..end];
        let Some((after, delegations)) = floor_given(words, lexicon, language) else {
            continue;
        };
        // Each delegation given the floor speaks in the next paragraph that opens as a speech.
        let mut at = after;
        for delegation in delegations {
            let Some(m) = OPENING.find_at(words, at) else {
                break;
            };
            let start = t.body_start + m.start();
            let mut turn = Turn::new(start, start);
            turn.delegation = Some(delegation);
            unheaded.push(turn);
            at = m.end();
        }
    }
    found.extend(unheaded);
    found.sort_by_key(|t| t.start);
    // A heading that starts inside the previous one's heading is not one (each turn's words
    // must start before the next turn does).
    let mut clean: Vec<Turn> = Vec::with_capacity(found.len());
    for t in found {
        if clean.last().is_some_and(|prev| t.start < prev.body_start) {
            continue;
        }
        clean.push(t);
    }
    let mut found = clean;
    if found.len() < 2 {
        return Vec::new();
    }
    for i in 0..found.len() - 1 {
        found[i].end = found[i + 1].start;
    }
    if let Some(last) = found.last_mut() {
        last.end = text.len();
    }
    // A speaker named as a person takes the delegation the Chair gave them the floor as.
    for i in 1..found.len() {
        if found[i].delegation.is_some() || found[i].role.is_some() || found[i].presiding {
            continue;
        }
        if found[i].speaker.is_none() {
            continue;
        }
        let previous = &found[i - 1];
        if previous.presiding {
            if let Some((_, d)) =
                floor_given(&text[previous.body_start..previous.end], lexicon, language)
            {
                found[i].delegation = d.into_iter().next();
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::resources::Resources;

    fn lexicon() -> Lexicon {
        Lexicon::load(&Resources::Embedded).expect("embedded lexicon")
    }

    #[test]
    fn a_turn_opening_says_whom_it_speaks_for() {
        let lex = lexicon();
        let iri = |text: &str| opening_delegation(text, &lex, None);
        let g77 = Some("https://w3id.org/normgraph/id/group/G77".to_owned());
        assert_eq!(
            iri("Thank you, Chair. I have the honour to speak on behalf of the Group of 77 and China. We…"),
            g77
        );
        assert_eq!(
            iri("Merci. J'ai l'honneur de parler au nom du Mouvement des pays non alignés."),
            None,
            "no French label for the Movement in the vocabulary: no guess"
        );
        assert_eq!(
            iri("Thank you. We align ourselves with the statement delivered on behalf of the Group of 77 and China."),
            None,
            "someone else's statement is an alignment, not whom this turn speaks for"
        );
        assert_eq!(iri("Thank you. I speak on behalf of my delegation."), None);
        assert_eq!(
            iri("Thank you, Madam Chair. Speaking on behalf of Kenya, let me…"),
            Some("https://w3id.org/normgraph/id/state/KEN".to_owned())
        );
        // Too far in: not the opening.
        let late = format!("{} on behalf of the Group of 77.", "word ".repeat(100));
        assert_eq!(iri(&late), None);
    }

    #[test]
    fn record_headings_split_turns_with_delegations() {
        let text = "United Nations A/C.1/77/PV.5\n\nThe Chair: I now give the floor to the representative of Iran.\n\nMr. Takht Ravanchi (Islamic Republic of Iran): Thank you, Mr. Chair. We recall resolution 73/27.\n\nMrs. Dupont (France) (spoke in French): Je vous remercie.\n\nMr. Guterres (Secretary-General): Thank you.\n";
        let t = turns(text, &lexicon(), None);
        assert_eq!(t.len(), 4, "{t:#?}");
        assert!(t[0].presiding);
        assert_eq!(t[1].speaker.as_deref(), Some("Mr. Takht Ravanchi"));
        assert!(
            t[1].delegation
                .as_deref()
                .is_some_and(|d| d.ends_with("/IRN")),
            "{:?}",
            t[1]
        );
        assert!(text[t[1].body_start..t[1].end].starts_with(" Thank you, Mr. Chair."));
        assert!(t[2]
            .delegation
            .as_deref()
            .is_some_and(|d| d.ends_with("/FRA")));
        assert_eq!(t[3].affiliation.as_deref(), Some("Secretary-General"));
        assert_eq!(t[3].delegation, None);
        assert_eq!(t[3].end, text.len());
        // Person headings are read line by line: indented or in bold, on the last line without
        // a line end, and not inside a line.
        let text = "  **Ms. Rivera (Chile):** Thank you.\nThe speaker said Mr. Dupont (France): no.\nMr. Ali (Egypt): Thank you.";
        let heads: Vec<&str> = person_headings(text)
            .filter_map(|c| c.name("speaker").map(|m| m.as_str()))
            .collect();
        assert_eq!(heads, ["Ms. Rivera", "Mr. Ali"]);
        // The regex is run on each line alone: a line that begins with a title but is no
        // heading does not find the heading of the next line as well.
        let text = "Mr. Smith spoke.\nMr. Ali (Egypt): Thank you.";
        assert_eq!(person_headings(text).count(), 1);
    }

    /// A header in capitals is not split into turns; in captions, names in capitals are.
    #[test]
    fn a_header_in_capitals_is_not_a_record() {
        let lex = lexicon();
        let text = "STATEMENT BY\nH.E. MR. JOHN DOE\nAMBASSADOR AND PERMANENT REPRESENTATIVE\n\
                    OF THE REPUBLIC OF KENYA\n\nMr. Chair, Kenya supports the Programme of Action.\n";
        assert!(turns(text, &lex, None).is_empty());
        // In captions, names in capitals are persons.
        let captions =
            ">> CHAIR: I give the floor to Kenya. >> MR. JOHN MWANGI: Thank you, Chair. \
                        >> CHAIR: Thank you. >> AMBASSADOR OF BRAZIL: Thank you.";
        let t = turns(captions, &lex, None);
        let people: Vec<(Option<&str>, Option<&str>)> = t
            .iter()
            .filter(|t| !t.presiding)
            .map(|t| (t.speaker.as_deref(), t.delegation.as_deref()))
            .collect();
        assert_eq!(people.len(), 2, "{t:#?}");
        assert_eq!(people[0].0, Some("Mr. John Mwangi"));
        assert!(
            people[1].1.is_some_and(|d| d.ends_with("/state/BRA")),
            "{t:#?}"
        );
    }

    /// A heading alone on its line followed by an indented record heading: no turn overlaps
    /// the next (this used to make an end before a start).
    #[test]
    fn headings_never_overlap() {
        let lex = lexicon();
        for text in [
            "Chair\n  Mr. Smith (Cuba): Thank you.\nMr. Jones (France): Thanks.\n",
            "Cuba\n  Mr. Smith (Cuba): Thank you.\nMr. Jones (France): Thanks.\n",
        ] {
            let t = turns(text, &lex, None);
            for turn in &t {
                assert!(
                    turn.start <= turn.body_start && turn.body_start <= turn.end,
                    "{t:#?}"
                );
                let _ = &text[turn.body_start..turn.end];
            }
        }
    }

    #[test]
    fn name_headings_and_single_statements() {
        let lex = lexicon();
        let text = "Iran (Islamic Republic of):\nWe support the rolling text.\n\nCuba:\nWe agree.\n\nNote:\nnot a State.\n";
        let t = turns(text, &lex, None);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert!(t[1]
            .delegation
            .as_deref()
            .is_some_and(|d| d.ends_with("/CUB")));
        assert!(text[t[0].body_start..t[0].end].contains("rolling text"));
        // "Mr. President," and a lone heading do not make a record.
        assert!(turns("Mr. President, my delegation (Iran): thanks.\n", &lex, None).is_empty());
        assert!(turns("Mr. X (Cuba): only one speaker here.\n", &lex, None).is_empty());
    }
}
