//! Statement metadata read from the text's header: delegation, speaker, date, venue, meeting,
//! title. A manifest row (see [`crate::source::manifest`]) overrides whatever is read here.

use super::text::{clean, window_after, window_before};
use crate::extract::lexicon::{un_language, Hit, Kind, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

/// Byte length of the header searched for metadata.
const HEADER: usize = 2000;

const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<d>[0-9]{{1,2}})\s+(?P<m>{MONTHS})\s*,?\s+(?P<y>(?:19|20)[0-9][0-9])\b"
    ))
    .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<m>{MONTHS})\s+(?P<d>[0-9]{{1,2}}),\s+(?P<y>(?:19|20)[0-9][0-9])\b"
    ))
    .expect("valid regex")
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<m>{MONTHS})\s*,?\s+(?P<y>(?:19|20)[0-9][0-9])\b"
    ))
    .expect("valid regex")
});
static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^[\s*_]*(?P<v>[A-Z][A-Za-z .'-]{{2,40}}?)\s*,\s*(?:[0-9]{{1,2}}\s+)?(?:{MONTHS})\b"
    ))
    .expect("valid regex")
});
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:statement|remarks|intervention|address)\s+(?:delivered\s+)?by\s*:?\s*(?P<rest>[^\n]*(?:\n[^\n]*){0,3})").expect("valid regex")
});
static HONORIFIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:H\.\s*E\.|His\s+Excellency|Her\s+Excellency|Excellency|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Ambassador|Sheikh|Sir)\s*)+").expect("valid regex")
});
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^-\w])(?P<n>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth|[0-9]{1,2}(?:st|nd|rd|th))\s+(?:substantive\s+|regular\s+)?session\b").expect("valid regex")
});
/// Words that introduce the delegation in a statement's header ("Statement by the Islamic
/// Republic of Iran", "Permanent Representative of …", "submission by …"), with the formal
/// name's lead that the State's label may lack ("the Republic of Kenya", "the Kingdom of").
static DELEGATION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:statement|submission|remarks|intervention|contribution|views|proposals?|position(?:\s+paper)?|address|mission|representative|delegation|government|minister(?:\s+for\s+foreign\s+affairs)?)\s+(?:delivered\s+|made\s+|presented\s+)?(?:by|of|from)\s+(?:the\s+)?(?:(?:Federal\s+|Democratic\s+|Islamic\s+|Socialist\s+|Arab\s+|United\s+|Cooperative\s+)*(?:Republic|Kingdom|State|Commonwealth|Principality|Sultanate|Federation|Grand\s+Duchy)\s+of\s+(?:the\s+)?)?$").expect("valid regex")
});
/// The same words in the other UN languages that put them before the name: French and Spanish
/// ("Déclaration de la délégation de la République islamique d'Iran", "Intervención del
/// Afganistán"), Russian (with a name in the nominative: "Выступление: Российская Федерация")
/// and Arabic ("بيان جمهورية إيران الإسلامية").
static DELEGATION_CUE_UN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:d[ée]claration|intervention|allocution|discours|d[ée]l[ée]gation|repr[ée]sentante?\s+permanente?|mission\s+permanente|gouvernement|au\s+nom)\s+(?:(?:prononc[ée]e?|faite?|pr[ée]sent[ée]e?)\s+)?(?:par\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?|d[eu]\s+(?:la\s+|l['’]\s*)?|des\s+|d['’]\s*)(?:d[ée]l[ée]gation\s+(?:d[eu]\s+(?:la\s+|l['’]\s*)?|des\s+|d['’]\s*))?|\b(?:declaraci[óo]n|intervenci[óo]n|discurso|delegaci[óo]n|representante\s+permanente|misi[óo]n\s+permanente|gobierno|en\s+nombre)\s+(?:(?:pronunciad[ao]|formulad[ao]|presentad[ao])\s+)?(?:por\s+(?:la\s+|el\s+|los\s+|las\s+)?|de\s+(?:la\s+|los\s+|las\s+)?|del\s+)(?:delegaci[óo]n\s+(?:de\s+(?:la\s+|los\s+|las\s+)?|del\s+))?|(?:выступление|заявление|делегация|представитель)\s*[:—–-]?\s*|(?:بيان|كلمة|وفد|ممثل)\s+(?:وفد\s+)?)$").expect("valid regex")
});
/// The Russian words before a name in any case that make it the delegation ("Выступление
/// делегации Российской Федерации", "Заявление представителя Китайской Народной Республики").
static DELEGATION_CUE_RU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:выступлени[еия]|заявлени[еия]|делегаци[яиюей]|представител[ьяем]|министр[аом]?(?:\s+иностранных\s+дел)?)\s*[:—–-]?\s*(?:(?:делегаци[ия]|представител[ья]|постоянного\s+представителя)\s+)?$").expect("valid regex")
});
/// Words after the name that make it the delegation in Chinese, where the name comes first
/// ("伊朗伊斯兰共和国代表的发言", "中华人民共和国常驻联合国代表团").
static DELEGATION_CUE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:常驻联合国)?代表").expect("valid regex"));
static SESSION_OF_GA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+of\s+the\s+(?:United\s+Nations\s+)?General\s+Assembly\b").expect("valid regex")
});
static TITLE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:statement|submission|remarks|intervention|contribution|views|proposals?|position\s+paper|address)(?-u:\b)").expect("valid regex")
});
/// What says a text is about the second OEWG (2021–2025) or the first (2019–2021).
static OEWG_LATER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b2021[ \t]*[-–—/][ \t]*(?:20)?25\b|(?:established|set[ \t]+up|convened|pursuant)[^.\n]{0,60}\b75/240\b")
        .expect("valid regex")
});
static OEWG_EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b2019[ \t]*[-–—/][ \t]*(?:20)?21\b|(?:established|set[ \t]+up|convened|pursuant)[^.\n]{0,60}\b73/27\b")
        .expect("valid regex")
});

static OEWG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:OEWG|open[- ]ended\s+working\s+group)\b").expect("valid regex")
});

/// Metadata read from the text (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextMetadata {
    /// IRI of the delegation (State or group).
    pub delegation: Option<String>,
    /// Speaker's name.
    pub speaker: Option<String>,
    /// Speaker's post.
    pub speaker_role: Option<String>,
    /// Date as `YYYY-MM-DD` or `YYYY-MM`.
    pub date: Option<String>,
    /// City.
    pub venue: Option<String>,
    /// IRI of the body addressed.
    pub body: Option<String>,
    /// Number of the session (e.g. 1 for "First substantive session").
    pub session: Option<u32>,
    /// Title.
    pub title: Option<String>,
}

/// Reads metadata from the header of `text`, written in `language` (a BCP 47 tag, when known:
/// States and groups are then also found by their names in that language).
pub fn read(text: &str, lexicon: &Lexicon, language: Option<&str>) -> TextMetadata {
    let header = window_after(text, 0, HEADER);
    let mut meta = TextMetadata {
        ..TextMetadata::default()
    };
    // The date, venue and body are read from the heading lines only: a date or body named in
    // running text is usually a cited resolution's or another meeting's.
    let head_end = head_end(text, header.len());
    let head = &text[..head_end];
    meta.date = date(head).or_else(|| date(window_before(text, text.len(), 400)));
    meta.venue = VENUE
        .captures(head)
        .map(|c| c["v"].trim().to_owned())
        .filter(|v| !v.eq_ignore_ascii_case("session") && !v.contains("session"));

    // Delegation: the first State or group the header introduces as the speaker's
    // ("Statement by …", "Permanent Representative of …"); a State merely named is not taken.
    // The first State or group, in text order, among `hits` of each kind that `cued` keeps.
    let first_cued = |hits: &dyn Fn(Kind) -> Vec<Hit>, cued: &dyn Fn(&Hit) -> bool| {
        [Kind::State, Kind::Group]
            .into_iter()
            .flat_map(|kind| {
                let concepts = lexicon.matcher_in(kind, language).concepts();
                hits(kind)
                    .into_iter()
                    .filter(|h| cued(h))
                    .map(move |h| (h.start, concepts[h.concept].iri.clone()))
            })
            .min()
            .map(|(_, iri)| iri)
    };
    meta.delegation = first_cued(
        &|kind| {
            lexicon
                .matcher_in(kind, language)
                .find_in(text, 0, head_end)
        },
        &|h| {
            let before = window_before(header, h.start, 120);
            DELEGATION_CUE.is_match(before)
                || DELEGATION_CUE_UN.is_match(before)
                || DELEGATION_CUE_AFTER.is_match(window_after(header, h.end, 30))
        },
    );
    // Russian declines the name after such words: it is found on its stems.
    if meta.delegation.is_none() && language.and_then(un_language) == Some("ru") {
        meta.delegation = first_cued(
            &|kind| lexicon.find_russian_names(kind, text, 0, head_end),
            &|h| DELEGATION_CUE_RU.is_match(window_before(header, h.start, 120)),
        );
    }

    if let Some(c) = SPEAKER.captures(header) {
        let rest = c.name("rest").map_or("", |m| m.as_str());
        let rest_clean = clean(rest);
        let first_line = clean(rest.lines().next().unwrap_or(""));
        let named_state = !lexicon
            .matcher_in(Kind::State, language)
            .find_all(&first_line)
            .is_empty()
            || !lexicon
                .matcher_in(Kind::Group, language)
                .find_all(&first_line)
                .is_empty();
        if !named_state && !first_line.is_empty() {
            let (name, role) = match rest_clean.split_once(',') {
                Some((n, r)) => (n.trim(), Some(r.trim())),
                None => (first_line.trim_end_matches(',').trim(), None),
            };
            let name = HONORIFIC.replace(name, "").trim().to_owned();
            if !name.is_empty() && name.split_whitespace().count() <= 6 {
                meta.speaker = Some(name);
                meta.speaker_role = role.map(cut_role).filter(|r| !r.is_empty());
            }
        }
    }

    let bodies = lexicon.matcher(Kind::Body);
    meta.body = bodies
        .find_in(text, 0, head_end)
        .first()
        .map(|h| bodies.concepts()[h.concept].iri.clone())
        .or_else(|| {
            // "OEWG" alone names whichever working group sat at the statement's date; without
            // a date, what the text says of it ("2021-25", "established pursuant to resolution
            // 75/240"); if the text does not settle it, no body.
            if !OEWG.is_match(head) {
                return None;
            }
            let later = match meta.date.as_deref() {
                Some(d) => Some(d >= "2021-06"),
                None => match (OEWG_LATER.is_match(text), OEWG_EARLIER.is_match(text)) {
                    (true, false) => Some(true),
                    (false, true) => Some(false),
                    _ => None,
                },
            };
            let slug = if later? {
                "oewg-2021-2025"
            } else {
                "oewg-2019-2021"
            };
            Some(format!("{}body/{slug}", crate::rdf::vocab::ID))
        });
    // The session regex reads slowly (it captures): most headers do not name one.
    let session = header
        .to_ascii_lowercase()
        .contains("session")
        .then(|| SESSION.captures(header))
        .flatten();
    meta.session = session.as_ref().and_then(|c| ordinal(&c["n"]));
    // "… the twenty-sixth session of the General Assembly": a general debate speech.
    if meta.body.is_none() {
        if let Some(m) = session.as_ref().and_then(|c| c.get(0)) {
            if SESSION_OF_GA.is_match(&header[m.end()..]) {
                meta.body = Some(format!("{}body/general-assembly", crate::rdf::vocab::ID));
            }
        }
    }
    meta.title = title(header);
    meta
}

/// The end of a statement's heading lines: before the first block of running text (over 300
/// bytes), and within `end`. Speeches without a heading have none.
fn head_end(text: &str, end: usize) -> usize {
    super::text::blocks(&text[..end])
        .into_iter()
        .find(|b| b.end - b.start > 300)
        .map_or(end, |b| b.start)
}

fn month(name: &str) -> u32 {
    MONTHS
        .split('|')
        .position(|m| m == name)
        .map_or(0, |i| i as u32 + 1)
}

fn date(text: &str) -> Option<String> {
    let full = |c: regex::Captures<'_>| {
        let d: u32 = c["d"].parse().ok()?;
        let iso = format!("{}-{:02}-{d:02}", &c["y"], month(&c["m"]));
        crate::source::manifest::valid_date(&iso).then_some(iso)
    };
    if let Some(d) = DAY_MONTH_YEAR.captures(text).and_then(full) {
        return Some(d);
    }
    if let Some(d) = MONTH_DAY_YEAR.captures(text).and_then(full) {
        return Some(d);
    }
    MONTH_YEAR
        .captures(text)
        .map(|c| format!("{}-{:02}", &c["y"], month(&c["m"])))
}

static ROLE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s(?:at|before)\s+the\s|\sto\s+the\s+(?:first|second|third)\b")
        .expect("valid regex")
});

fn cut_role(role: &str) -> String {
    // The role runs until the meeting is named ("At the First Substantive Session …").
    let cut = ROLE_END.find(role).map_or(role.len(), |m| m.start());
    role[..cut].trim().trim_end_matches(',').to_owned()
}

fn ordinal(word: &str) -> Option<u32> {
    const UNITS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [&str; 8] = [
        "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet",
    ];
    let w = word.to_lowercase().replace(' ', "-");
    if let Ok(n) = w.trim_end_matches(|c: char| c.is_alphabetic()).parse() {
        return Some(n);
    }
    let position = |list: &[&str], x: &str| list.iter().position(|u| *u == x).map(|i| i as u32 + 1);
    if let Some(n) = position(&UNITS, &w) {
        return Some(n);
    }
    if let Some(stem) = w.strip_suffix("ieth") {
        return position(&TENS, stem).map(|t| (t + 1) * 10);
    }
    let (tens, unit) = w.split_once('-').or_else(|| {
        TENS.iter().find_map(|t| {
            let t = format!("{t}y");
            w.strip_prefix(&t).map(|u| (&w[..t.len()], u))
        })
    })?;
    let t = position(&TENS, tens.strip_suffix('y')?)?;
    let u = position(&UNITS[..9], unit)?;
    Some((t + 1) * 10 + u)
}

fn title(header: &str) -> Option<String> {
    for block in super::text::blocks(header) {
        let raw = &header[block.start..block.end];
        let text = clean(raw);
        if text.to_lowercase().contains("check against delivery") {
            continue;
        }
        if TITLE_CUE.is_match(&text) && text.len() <= 400 {
            return Some(text);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bare "OEWG" without a date is the working group the text says, or none.
    #[test]
    fn which_oewg_without_a_date() {
        let lexicon =
            Lexicon::load(&crate::rdf::resources::Resources::Embedded).expect("embedded lexicon");
        let body = |text: &str| {
            read(text, &lexicon, None)
                .body
                .map(|b| b.rsplit('/').next().unwrap_or("").to_owned())
        };
        assert_eq!(
            body("OEWG (2021-25), informal meeting\n\nStatement by Kenya\n\nThank you, Chair.")
                .as_deref(),
            Some("oewg-2021-2025")
        );
        assert_eq!(
            body("OEWG, second substantive session\n\nThe working group established pursuant to resolution 75/240 meets today.").as_deref(),
            Some("oewg-2021-2025")
        );
        assert_eq!(
            body("OEWG informal consultations\n\nStatement by Kenya\n\nThank you, Chair.")
                .as_deref(),
            None
        );
    }

    #[test]
    fn dates_in_the_forms_statements_use() {
        assert_eq!(
            date("New York, 13 December 2021").as_deref(),
            Some("2021-12-13")
        );
        assert_eq!(date("September 23, 2012").as_deref(), Some("2012-09-23"));
        assert_eq!(date("*February 2020*").as_deref(), Some("2020-02"));
        assert_eq!(date("no date"), None);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("Second"), Some(2));
        assert_eq!(ordinal("3rd"), Some(3));
        assert_eq!(ordinal("twenty-sixth"), Some(26));
        assert_eq!(ordinal("Fortieth"), Some(40));
        assert_eq!(ordinal("sixty seventh"), Some(67));
    }
}
