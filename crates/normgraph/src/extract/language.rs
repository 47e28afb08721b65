//! The language of a statement, when its manifest or front matter does not give it: one of the
//! six UN languages, told by script (Arabic, Chinese, Cyrillic) or, for texts in Latin script,
//! by which language's most frequent function words occur most (English, French, Spanish).
//! A text too short or too mixed to tell is left without a language rather than guessed.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Function words of the Latin-script UN languages, frequent in any statement and rare in the
/// other two. Words both French and Spanish use often ("que", "de", "la", "en", "se", "son")
/// are left out, as are English words that are French too ("on", "a").
const FUNCTION_WORDS: [(&str, &[&str]); 3] = [
    (
        "en",
        &[
            "the", "of", "and", "to", "is", "that", "which", "with", "for", "are", "this", "we",
            "our", "has", "have", "its", "by", "be", "will",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "et", "est", "une", "du", "au", "qui", "aux", "nous", "pour",
            "dans", "sur", "ces", "pas", "ne", "sont", "cette", "leur", "avec", "notre", "nos",
            "ont", "à", "été", "être", "déjà", "où",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "una", "por", "al", "para", "con", "sus", "su", "como",
            "este", "esta", "lo", "es", "nuestra", "nuestro", "más", "también", "así", "ha", "han",
        ],
    ),
];

/// How many bytes of a text are read to count its scripts (the beginning says enough: 20 kB is
/// some three thousand words). A verbatim record's language, for its header and turn headings,
/// is told from its beginning in the same way; each turn's own language from the turn's.
const SCRIPT_BYTES: usize = 20_000;

/// How many words of a Latin-script text are read (the beginning says enough).
const WORDS_READ: usize = 2000;

/// The fewest function-word hits a Latin-script language needs, and how many times more than
/// the next language's.
const MIN_HITS: usize = 5;
const MARGIN: usize = 2;

/// The fewest hits that tell a language alone, when no other language has any: a statement of
/// one sentence ("Ma délégation s'associe à la déclaration faite au nom du Mouvement des pays
/// non alignés.") has two to four, and a sentence of one language without a single function
/// word of another is not a mixed text.
const MIN_HITS_ALONE: usize = 2;

/// The longest function word, in bytes.
const LONGEST: usize = 8;

/// Every function word of [`FUNCTION_WORDS`] with its language's index, looked up once per
/// short word of the first [`WORDS_READ`] (a list scan of the three lists cost a tenth of the
/// corpus's time).
static FUNCTION_WORD_INDEX: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
    FUNCTION_WORDS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, words))| words.iter().map(move |w| (*w, i)))
        .collect()
});

/// Which language of [`FUNCTION_WORDS`] (its index) has `word` among its function words. Words
/// longer than the longest function word are skipped without a look; the others are
/// lower-cased into a small buffer (no allocation is made) and looked up. Only ASCII letters
/// are lower-cased: an accented function word is found as written in lower case, or with an
/// ASCII capital ("Déjà"); a capital accented letter starts few function words ("À").
fn function_word(word: &str) -> Option<usize> {
    if word.len() > LONGEST {
        return None;
    }
    let mut buffer = [0u8; LONGEST];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    let lower = if lower == "À" { "à" } else { lower };
    FUNCTION_WORD_INDEX.get(lower).copied()
}

/// The words of `text`: its runs of letters (alphabetic characters). ASCII bytes are tested as
/// bytes; only the other characters are decoded. Every letter of the text is in one word, so
/// [`detect`] counts scripts on the words.
fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while at < bytes.len() {
            let (letter, width) = if bytes[at].is_ascii() {
                (bytes[at].is_ascii_alphabetic(), 1)
            } else {
                let c = text[at..].chars().next()?;
                (c.is_alphabetic(), c.len_utf8())
            };
            match (letter, start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => return Some(&text[s..at]),
                _ => {}
            }
            at += width;
        }
        start.map(|s| &text[s..])
    })
}

/// The letters of a text by script.
#[derive(Default)]
struct Letters {
    arabic: usize,
    cjk: usize,
    cyrillic: usize,
    latin: usize,
}

impl Letters {
    /// Counts `c`, a letter (an alphabetic character).
    fn count(&mut self, c: char) {
        match c {
            c if c.is_ascii() => self.latin += 1,
            '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' => self.arabic += 1,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => self.cjk += 1,
            '\u{400}'..='\u{4FF}' => self.cyrillic += 1,
            c if ('\u{C0}'..='\u{24F}').contains(&c) => self.latin += 1,
            _ => {}
        }
    }
}

/// The BCP 47 tag of the language `text` is written in (`en`, `fr`, `es`, `ru`, `ar`, `zh`),
/// if it can be told. Only the beginning is read: the scripts of the first 20 kB
/// ([`SCRIPT_BYTES`]) and the function words among the first 2,000 words ([`WORDS_READ`]); a
/// text whose first 20 kB hold no letter is left without a language.
pub fn detect(text: &str) -> Option<&'static str> {
    let text = super::text::window_after(text, 0, SCRIPT_BYTES);
    // The first words one by one: their letters by script, and the function words among them.
    // An all-ASCII word (most of any statement in Latin script) is counted without decoding
    // its characters.
    let mut letters = Letters::default();
    let mut hits = [0usize; 3];
    let mut read_to = 0;
    for word in words(text).take(WORDS_READ) {
        read_to = word.as_ptr() as usize - text.as_ptr() as usize + word.len();
        if word.is_ascii() {
            letters.latin += word.len();
        } else {
            word.chars().for_each(|c| letters.count(c));
        }
        if let Some(i) = function_word(word) {
            hits[i] += 1;
        }
    }
    // The rest only for its scripts: every letter of a text is in one of its words, so the
    // letters are counted without splitting it into words.
    let rest = &text[read_to..];
    if rest.is_ascii() {
        letters.latin += rest.bytes().filter(u8::is_ascii_alphabetic).count();
    } else {
        rest.chars()
            .filter(|c| c.is_alphabetic())
            .for_each(|c| letters.count(c));
    }
    let Letters {
        arabic,
        cjk,
        cyrillic,
        latin,
    } = letters;
    let letters = arabic + cjk + cyrillic + latin;
    if letters == 0 {
        return None;
    }
    // Chinese has one character a word: weigh it so that a Chinese text with Latin symbols
    // and numbers is still Chinese.
    for (count, tag) in [(arabic, "ar"), (cjk * 3, "zh"), (cyrillic, "ru")] {
        if count * 2 > letters {
            return Some(tag);
        }
    }
    if latin * 2 <= letters {
        return None;
    }
    let best = (0..3).max_by_key(|&i| hits[i])?;
    let next = (0..3)
        .filter(|&i| i != best)
        .map(|i| hits[i])
        .max()
        .unwrap_or(0);
    let told = if next == 0 {
        hits[best] >= MIN_HITS_ALONE
    } else {
        hits[best] >= MIN_HITS && hits[best] >= MARGIN * next
    };
    told.then_some(FUNCTION_WORDS[best].0)
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn the_six_languages() {
        for (text, tag) in [
            (
                "The delegation of the Islamic Republic of Iran underlines that the norms of \
                 responsible behaviour of States and the principles of the Charter apply.",
                "en",
            ),
            (
                "La délégation de la France souligne que les normes et le droit international \
                 sont applicables et que la résolution 73/27 de l'Assemblée générale est une étape.",
                "fr",
            ),
            (
                "La delegación de México subraya que los principios del derecho internacional y \
                 las normas de comportamiento responsable de los Estados se aplican por igual.",
                "es",
            ),
            (
                "Делегация Российской Федерации подчеркивает важность резолюции 73/27.",
                "ru",
            ),
            ("يؤكد وفد جمهورية مصر العربية على أهمية القرار 73/27", "ar"),
            ("中国代表团强调大会第73/27号决议的重要性。", "zh"),
        ] {
            assert_eq!(detect(text), Some(tag), "{text}");
        }
        assert_eq!(detect("73/27 (2018)"), None);
        assert_eq!(detect("OEWG"), None);
    }

    #[test]
    fn statements_of_one_sentence() {
        for (text, tag) in [
            (
                "Ma délégation s'associe à la déclaration faite au nom du Mouvement des pays \
                 non alignés.",
                "fr",
            ),
            (
                "Invitamos a todos los Estados a firmarla en Hanói en 2025 y a ratificarla \
                 cuanto antes.",
                "es",
            ),
            (
                "This year, a Group of Governmental Experts and an Open-ended Working Group \
                 have both begun their work.",
                "en",
            ),
        ] {
            assert_eq!(detect(text), Some(tag), "{text}");
        }
        // One function word, or words of two languages in a short text, tell nothing.
        assert_eq!(detect("Le Drian, OEWG"), None);
        assert_eq!(detect("Le Conseil and the OEWG"), None);
    }

    #[test]
    fn words_are_runs_of_letters() {
        let got: Vec<&str> = super::words("L’été, c'est 2024: déjà-vu!").collect();
        assert_eq!(got, ["L", "été", "c", "est", "déjà", "vu"]);
        assert_eq!(super::words("").count(), 0);
        assert_eq!(super::words(" 12 ").count(), 0);
    }

    #[test]
    fn function_words_whatever_their_case() {
        assert_eq!(super::function_word("The"), Some(0));
        assert_eq!(super::function_word("LES"), Some(1));
        assert_eq!(super::function_word("del"), Some(2));
        assert_eq!(super::function_word("theory"), None);
        assert_eq!(super::function_word("Ésta"), None);
        assert_eq!(super::function_word("À"), Some(1));
        assert_eq!(super::function_word("también"), Some(2));
        assert!(super::FUNCTION_WORDS
            .iter()
            .flat_map(|(_, words)| words.iter())
            .all(|w| w.len() <= super::LONGEST));
        // No word in two lists: the index keeps one language for each.
        let listed: usize = super::FUNCTION_WORDS.iter().map(|(_, w)| w.len()).sum();
        assert_eq!(super::FUNCTION_WORD_INDEX.len(), listed);
    }
}
