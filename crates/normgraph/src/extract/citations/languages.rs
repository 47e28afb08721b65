//! Citations in the other five UN languages: how French, Spanish, Russian, Arabic and Chinese
//! statements write the word *resolution*, join the items of a list, and write their digits.
//!
//! - The word: `résolution(s)`, `resolución`/`resoluciones`, `резолюция` in any case
//!   (`резолюции`, `резолюцию`, `резолюцией`, …), `قرار`/`القرار`/`القرارات`; it is followed by
//!   the designator as in English (`la résolution 73/27`, `резолюция 2131 (XX)`,
//!   `القرار رقم 73/27`, with the particles Arabic joins to the word: `للقرار`, `وبالقرار`).
//!   Chinese puts the number inside the word: `第73/27号决议`,
//!   `安理会第2417（2018）号决议`.
//! - The organ comes after the number in French, Spanish and Russian (`de l'Assemblée
//!   générale`, `del Consejo de Seguridad`) and is read from the sentence, as in English
//!   (`data/cues/organs.ttl`, `cue:gaNamed`/`cue:scNamed`); between the word and the number in
//!   Arabic (`قرار مجلس الأمن 2417 (2018)`) and sometimes in Russian (`резолюцию Совета
//!   Безопасности 1373 (2001)`), and before `第` in Chinese.
//! - Sessions: Arabic writes an old-style session as `(د-25)` (دورة, session), read as `(XXV)`.
//! - Digits: Arabic-Indic (`٧٣/٢٧`), Extended Arabic-Indic and full-width digits, the full-width
//!   brackets and slash of Chinese typesetting, are read as ASCII ([`ascii_digits`]); offsets
//!   stay those of the text as written.
//!
//! Dates written after the designator are read in English only.

use regex::Regex;
use std::sync::LazyLock;

/// The word *resolution(s)* in the six languages (Chinese apart: see [`CHINESE`]), and its
/// English abbreviations: "Res." ("UNGA Res. 68/262") and "SCR" or "UNSCR" for a Security
/// Council resolution ("UNSCR 1325").
pub(super) const KEYWORD: &str = r"\b(?:[Rr]esolutions?|RESOLUTIONS?|[Rr]es\.|RES\.|(?:UN)?SCRs?|[Rr]ésolutions?|RÉSOLUTIONS?|[Rr]esoluci(?:ón|ones)|RESOLUCI(?:ÓN|ONES)|[Рр]езолюци\w*|РЕЗОЛЮЦИ\w*)|[وف]?(?:[بلك]?ال|لل|[بلك])?قرار(?:ات|ين|ها|هما|ه|ي)?";

/// What joins the items of a list besides English's commas, "and", "as well as", "or": the
/// conjunctions of the other languages and the Chinese enumeration comma.
pub(super) const SEPARATORS: &str = r"\s+(?:et|y|e|и|или|ou|o)\s+|\s*(?:و|،)\s*|\s*[、，和及]\s*";

/// A Chinese citation: an optional organ, then `第 designator 号决议`.
pub(super) static CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<organ>安全理事会|安理会|联合国大会|大会)?\s*第\s*(?P<d>[0-9A-Za-z/\s()（）\-]{1,30}?)\s*号\s*决议")
        .expect("valid regex")
});

/// An item of a Chinese list of resolutions that share one `决议`: `第70/237号、第73/27号和第75/240号决议`
/// (the last item is a [`CHINESE`] citation; the earlier ones are found as items of its list).
pub(super) static CHINESE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第\s*(?P<d>[0-9A-Za-z/\s()（）\-]{1,30}?)\s*号").expect("valid regex")
});

/// What joins the items of a Chinese list: the enumeration comma, a comma, "and", "as well as".
pub(super) static CHINESE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[、，,]|以及|和|及|与)\s*$").expect("valid regex"));

/// A Chinese organ's name at the end of the text before a list ([`CHINESE`]'s organs).
pub(super) static CHINESE_ORGAN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:安全理事会|安理会|联合国大会|大会)\s*$").expect("valid regex")
});

/// An anaphor in the other languages: "this resolution", "the said resolution" referring to the
/// one named before ("cette résolution", "dicha resolución", "этой резолюции", "данная
/// резолюция", "هذا القرار" with its joined particles, "该决议", "上述决议"). The English ones
/// are the caller's.
pub(super) static ANAPHORA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?:[Cc]ette|[Ll]adite|[Ll]a\s+même)\s+résolution\b",
        r"|\b(?:[Ee]sta|[Ee]sa|[Dd]icha|[Ll]a\s+misma)\s+resolución\b",
        r"|\b(?:[Ээ]т(?:а|ой|у|ою)|[Дд]анн(?:ая|ой|ую|ою)|[Уу]казанн(?:ая|ой|ую|ою))\s+резолюци(?:я|и|ю|ей|ею)\b",
        r"|(?:^|[^\p{L}])(?P<ar>[وف]?[بل]?(?:هذا|ذلك)\s+القرار)\b",
        r"|该决议|上述决议|这项决议|这一决议",
    ))
    .expect("valid regex")
});

/// The organ named between the word and the number: always in Arabic (`قرار مجلس الأمن 2417
/// (2018)`), sometimes in Russian (`резолюцию Совета Безопасности 1373 (2001)`), as
/// `ORGAN_THEN_NUMBER` reads it.
pub(super) const ORGANS_BEFORE_NUMBER: &str = r"(?:ال)?جمعية\s+العامة(?:\s+للأمم\s+المتحدة)?|مجلس\s+الأمن|Совет[а-я]*\s+Безопасности|Генеральн[а-я]+\s+Ассамбле[а-я]+";

/// The ASCII form of a digit, bracket or slash written otherwise.
fn ascii(c: char) -> Option<char> {
    let digit = |base: u32| char::from_digit(u32::from(c) - base, 10);
    match c {
        '\u{660}'..='\u{669}' => digit(0x660),
        '\u{6F0}'..='\u{6F9}' => digit(0x6F0),
        '\u{FF10}'..='\u{FF19}' => digit(0xFF10),
        '（' => Some('('),
        '）' => Some(')'),
        '／' => Some('/'),
        _ => None,
    }
}

/// The text with its other digits, brackets and slashes made ASCII, and for each byte of it
/// (and its end) the byte of `text` it comes from; `None` when there is nothing to change.
pub(super) fn ascii_digits(text: &str) -> Option<(String, Vec<usize>)> {
    if !text.chars().any(|c| ascii(c).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let written = ascii(c).unwrap_or(c);
        for _ in 0..written.len_utf8() {
            map.push(i);
        }
        out.push(written);
    }
    map.push(text.len());
    Some((out, map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_read_as_ascii_with_offsets_kept() {
        let text = "القرار ٧٣/٢٧ و第２４１７（２０１８）号";
        let (ascii, map) = ascii_digits(text).expect("changed");
        assert_eq!(ascii, "القرار 73/27 و第2417(2018)号");
        let at = ascii.find("73").expect("found");
        assert_eq!(&text[map[at]..], "٧٣/٢٧ و第２４１７（２０１８）号");
        assert_eq!(map[ascii.len()], text.len());
        assert!(ascii_digits("resolution 73/27").is_none());
    }
}
