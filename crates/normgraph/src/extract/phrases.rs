//! Word patterns: concept labels and `ng:wordPattern`s matched on word stems, with gaps.
//!
//! Diplomats inflect and paraphrase: "settling their disputes peacefully", "interfered in our
//! domestic affairs", "territory seized by force". A literal label catches none of these, so
//! the labels of principles, threats and positions are also matched word by word on their
//! *stems* (the Snowball stemmer of the label's language: "interfere", "interfered",
//! "interfering" all stem to "interfer"), and a concept may declare word patterns with small
//! gaps between their words.
//!
//! A word pattern is a line of words separated by spaces:
//!
//! - each word matches any word of the text with the same stem, in any case;
//! - `a|b|c` matches any of the alternatives ("settle|resolve");
//! - `~N` between two words lets up to N other words stand between them ("settle ~3 disputes"
//!   matches "settle all their border disputes"); without it the words are neighbours;
//! - `=word` matches that word exactly (no stemming), for words whose stem is too wide;
//! - `word*` matches every word that starts with `word` (at least three letters), for
//!   derived forms the stemmer keeps apart ("interf*": "interfere", "interfering",
//!   "interference"; "settl*": "settle", "settlement").
//!
//! Labels are compiled the same way, each word matched on its stem, with no gaps, except that
//! a word whose stem drops five letters or more (a derivation: "weaponization" → "weapon",
//! "information" → "inform") matches only itself and its plural, so "weaponization purposes"
//! does not match "weapons purposes".
//!
//! Words of a match never cross the end of a clause or sentence (`.`, `;`, `:`, `?`, `!`) or a
//! paragraph break; commas, hyphens, quotes and brackets between them are allowed, so a label
//! "non-interference" matches "non interference" too.
//!
//! `ng:otherSense` declares word patterns, with the same syntax, whose matches are another
//! sense of a concept's words ("Universal Declaration of Human Rights", "sovereign debt"): a
//! match of the concept that overlaps one is dropped (see [`super::lexicon::Matcher`]).
//!
//! For positions, `ng:supportPattern` and `ng:oppositionPattern` declare word patterns whose
//! wording itself takes the stance ("the envisaged international law", "a multilateral, fair and
//! transparent governance" of the Internet): a match needs no further cue.
//!
//! A pattern with a gap is *loose*: where a loose match overlaps a match without gaps (a label
//! or a tight pattern) of any concept, the tight one is kept, so "the principle of non-use of
//! force enshrined in the Charter" is non-use of force, not a general appeal to the Charter.

use super::positions::Stance;
use crate::error::ResourceError;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};

/// One word of a pattern: the stems (or exact words) it accepts.
#[derive(Debug, Clone)]
struct Word {
    /// Accepted stems (lower case).
    stems: Vec<String>,
    /// Accepted exact words (lower case), from `=word`.
    exact: Vec<String>,
    /// Accepted beginnings of words (lower case), from `word*`.
    starts: Vec<String>,
    /// How many other words may stand before this one (after the previous word).
    gap: usize,
}

impl Word {
    fn accepts(&self, token: &Token) -> bool {
        token
            .stem
            .as_deref()
            .is_some_and(|s| self.stems.iter().any(|x| x == s))
            || self.exact.iter().any(|x| *x == token.lower)
            || self
                .starts
                .iter()
                .any(|x| token.lower.starts_with(x.as_str()))
    }

    /// Everything the word accepts, as written in the index (stems, words, beginnings).
    fn keys(&self) -> impl Iterator<Item = &String> {
        self.stems.iter().chain(&self.exact).chain(&self.starts)
    }
}

/// What a pattern's matches are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// Mentions of the concept (`ng:wordPattern`, labels).
    Concept,
    /// The concept's words in another sense (`ng:otherSense`).
    Other,
    /// Mentions of a position whose wording takes a stance (`ng:supportPattern`,
    /// `ng:oppositionPattern`).
    Stance(Stance),
}

/// A compiled pattern.
#[derive(Debug, Clone)]
struct Pattern {
    words: Vec<Word>,
    /// The concept it names (an index into the caller's concept list).
    concept: usize,
    /// What its matches are.
    sense: Sense,
    /// Whether some word may stand apart from the previous one (a gap).
    loose: bool,
}

/// A word of the text, with its byte offsets.
#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    lower: String,
    /// The stem, when some pattern could use it (see [`Phrases::worth_stemming`]).
    stem: Option<String>,
    /// Whether a clause or paragraph ends between the previous word and this one.
    after_break: bool,
}

/// A match of a word pattern (byte offsets into the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    /// Byte offset of the first word's first character.
    pub start: usize,
    /// Byte offset after the last word.
    pub end: usize,
    /// The concept index given when the pattern was added.
    pub concept: usize,
    /// Whether the pattern has gaps.
    pub loose: bool,
    /// What the pattern's matches are.
    pub sense: Sense,
}

/// The word patterns of one kind of concept, with the index that finds them.
#[derive(Debug)]
pub struct Phrases {
    patterns: Vec<Pattern>,
    /// Patterns by the first three characters of what their first word accepts.
    first: HashMap<String, Vec<usize>>,
    /// The first three characters (lower case) of every stem and exact word in any pattern: a
    /// text word whose start is not among them is never stemmed.
    prefixes: HashSet<String>,
    stemmer: StemmerBox,
}

/// `rust_stemmers::Stemmer` is not `Debug`.
struct StemmerBox(Stemmer);

impl std::fmt::Debug for StemmerBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmer(English)")
    }
}

/// Characters of a word: letters and digits (as in the label matcher).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn prefix(word: &str) -> String {
    word.chars().take(3).collect()
}

impl Default for Phrases {
    fn default() -> Self {
        Self::new()
    }
}

impl Phrases {
    /// An empty set of English word patterns.
    pub fn new() -> Self {
        Self {
            patterns: Vec::new(),
            first: HashMap::new(),
            prefixes: HashSet::new(),
            stemmer: StemmerBox(Stemmer::create(Algorithm::English)),
        }
    }

    /// Whether no pattern was added.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    fn stem(&self, lower: &str) -> String {
        self.stemmer.0.stem(lower).into_owned()
    }

    /// Adds a label: its words, neighbours, matched on their stems. Labels whose words the
    /// tokenizer cannot reproduce (no word at all) are skipped.
    pub fn add_label(&mut self, label: &str, concept: usize) {
        let words: Vec<Word> = words_of(label)
            .map(|w| {
                let stem = self.stem(&w);
                let derived = w.chars().count() >= stem.chars().count() + 5;
                Word {
                    stems: if derived { Vec::new() } else { vec![stem] },
                    exact: if derived {
                        vec![format!("{w}s"), w]
                    } else {
                        Vec::new()
                    },
                    starts: Vec::new(),
                    gap: 0,
                }
            })
            .collect();
        self.push(words, concept, Sense::Concept);
    }

    /// Adds a word pattern (syntax in the module documentation) whose matches are `sense`. A
    /// malformed pattern is an error naming it and the concept's IRI.
    pub fn add_pattern(
        &mut self,
        pattern: &str,
        concept: usize,
        concept_iri: &str,
        sense: Sense,
    ) -> Result<(), ResourceError> {
        let bad = |message: &str| ResourceError::BadLabel {
            label: pattern.to_owned(),
            concept: concept_iri.to_owned(),
            message: message.to_owned(),
        };
        let mut words = Vec::new();
        let mut gap = 0;
        for part in pattern.split_whitespace() {
            if let Some(n) = part.strip_prefix('~') {
                if words.is_empty() {
                    return Err(bad("a gap (~N) must stand between two words"));
                }
                gap = n
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n <= 12)
                    .ok_or_else(|| bad("a gap is ~N with N a whole number up to 12"))?;
                continue;
            }
            let mut word = Word {
                stems: Vec::new(),
                exact: Vec::new(),
                starts: Vec::new(),
                gap,
            };
            gap = 0;
            for alternative in part.split('|') {
                let (exact, text) = match alternative.strip_prefix('=') {
                    Some(rest) => (true, rest),
                    None => (false, alternative),
                };
                let (start, text) = match text.strip_suffix('*') {
                    Some(rest) => (true, rest),
                    None => (false, text),
                };
                let lower = text.to_lowercase();
                if lower.is_empty() || !lower.chars().all(is_word_char) {
                    return Err(bad(&format!(
                        "{alternative:?} is not a word (letters and digits; split \
                         hyphenated words with spaces)"
                    )));
                }
                if start && (exact || lower.chars().count() < 3) {
                    return Err(bad(&format!(
                        "{alternative:?}: a beginning (word*) needs three letters and no ="
                    )));
                }
                if start {
                    word.starts.push(lower);
                } else if exact {
                    word.exact.push(lower);
                } else {
                    word.stems.push(self.stem(&lower));
                }
            }
            words.push(word);
        }
        if words.is_empty() {
            return Err(bad("a word pattern needs at least one word"));
        }
        if gap != 0 {
            return Err(bad("a gap (~N) must stand between two words"));
        }
        self.push(words, concept, sense);
        Ok(())
    }

    fn push(&mut self, words: Vec<Word>, concept: usize, sense: Sense) {
        let Some(head) = words.first() else {
            return;
        };
        let index = self.patterns.len();
        for key in head.keys() {
            let list = self.first.entry(prefix(key)).or_default();
            if !list.contains(&index) {
                list.push(index);
            }
        }
        for w in &words {
            for key in w.keys() {
                self.prefixes.insert(prefix(key));
            }
        }
        let loose = words.iter().any(|w| w.gap > 0);
        self.patterns.push(Pattern {
            words,
            concept,
            sense,
            loose,
        });
    }

    /// Whether a word could match some pattern word: stems are (nearly always) prefixes of
    /// their words, and the few that are not (`-y` → `-i`) keep the first three characters.
    fn worth_stemming(&self, lower: &str) -> bool {
        self.prefixes.contains(&prefix(lower))
    }

    fn tokens(&self, text: &str, from: usize, to: usize) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut word_start: Option<usize> = None;
        let mut pending_break = false;
        let mut newlines = 0;
        let close = |tokens: &mut Vec<Token>, start: usize, end: usize, brk: bool| {
            let lower = text[start..end].to_lowercase();
            let stem = self.worth_stemming(&lower).then(|| self.stem(&lower));
            tokens.push(Token {
                start,
                end,
                lower,
                stem,
                after_break: brk,
            });
        };
        for (i, c) in text[from..to].char_indices() {
            let i = from + i;
            if is_word_char(c) {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                continue;
            }
            if let Some(s) = word_start.take() {
                close(&mut tokens, s, i, pending_break);
                pending_break = false;
                newlines = 0;
            }
            match c {
                '.' | ';' | ':' | '?' | '!' => pending_break = true,
                '\n' => {
                    newlines += 1;
                    if newlines >= 2 {
                        pending_break = true;
                    }
                }
                c if c.is_whitespace() => {}
                _ => newlines = 0,
            }
        }
        if let Some(s) = word_start {
            close(&mut tokens, s, to, pending_break);
        }
        tokens
    }

    /// Every match in `text[from..to]`, overlapping ones included, matches of `ng:otherSense`
    /// patterns too (flagged). Offsets are relative to `text`.
    pub fn find_in(&self, text: &str, from: usize, to: usize) -> Vec<PhraseHit> {
        if self.patterns.is_empty() {
            return Vec::new();
        }
        let tokens = self.tokens(text, from, to);
        let mut hits = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            let keys = token.stem.iter().chain(std::iter::once(&token.lower));
            let mut tried: Vec<usize> = Vec::new();
            for key in keys {
                for &p in self.first.get(&prefix(key)).map_or(&[][..], Vec::as_slice) {
                    if tried.contains(&p) {
                        continue;
                    }
                    tried.push(p);
                    let pattern = &self.patterns[p];
                    if let Some(last) = match_from(&tokens, i, &pattern.words) {
                        hits.push(PhraseHit {
                            start: token.start,
                            end: tokens[last].end,
                            concept: pattern.concept,
                            loose: pattern.loose,
                            sense: pattern.sense,
                        });
                    }
                }
            }
        }
        hits
    }
}

/// The lower-case words of a label, as the tokenizer splits text.
fn words_of(label: &str) -> impl Iterator<Item = String> + '_ {
    label
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Matches `words` from token `i` (which the first word accepts); the index of the last token
/// of the match. Each later word takes the first token that accepts it within its gap.
fn match_from(tokens: &[Token], i: usize, words: &[Word]) -> Option<usize> {
    if !words.first()?.accepts(&tokens[i]) {
        return None;
    }
    let mut at = i;
    for word in &words[1..] {
        let mut found = None;
        for (j, token) in tokens.iter().enumerate().skip(at + 1).take(word.gap + 1) {
            if token.after_break {
                break;
            }
            if word.accepts(token) {
                found = Some(j);
                break;
            }
        }
        at = found?;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(phrases: &Phrases, text: &str) -> Vec<(String, usize)> {
        phrases
            .find_in(text, 0, text.len())
            .into_iter()
            .map(|h| {
                let sense = if h.sense == Sense::Other {
                    "other sense: "
                } else {
                    ""
                };
                (format!("{sense}{}", &text[h.start..h.end]), h.concept)
            })
            .collect()
    }

    #[test]
    fn labels_match_inflected_forms() {
        let mut p = Phrases::new();
        p.add_label("settle disputes by peaceful means", 0);
        p.add_label("non-interference", 1);
        p.add_pattern(
            "interf* ~2 internal|domestic affairs",
            2,
            "c",
            Sense::Concept,
        )
        .expect("valid");
        assert_eq!(
            found(
                &p,
                "by settling disputes by peaceful means; they interfered in our domestic \
                 affairs, interference in the internal\naffairs."
            ),
            vec![
                ("settling disputes by peaceful means".to_owned(), 0),
                ("interfered in our domestic affairs".to_owned(), 2),
                ("interference in the internal\naffairs".to_owned(), 2)
            ]
        );
        assert_eq!(
            found(&p, "non interference and non-interference"),
            vec![
                ("non interference".to_owned(), 1),
                ("non-interference".to_owned(), 1)
            ]
        );
    }

    #[test]
    fn derived_label_words_keep_their_suffix() {
        let mut p = Phrases::new();
        p.add_label("weaponization purposes", 0);
        assert!(found(&p, "for weapons purposes").is_empty());
        assert_eq!(found(&p, "weaponizations purposes").len(), 1);
    }

    #[test]
    fn gaps_alternatives_and_breaks() {
        let mut p = Phrases::new();
        p.add_pattern(
            "settle|resolve ~3 dispute ~3 peaceful",
            0,
            "c",
            Sense::Concept,
        )
        .expect("valid");
        let text = "States must settle all their border disputes by peaceful means. \
                    We resolve nothing. Disputes, peacefully.";
        assert_eq!(
            found(&p, text),
            vec![("settle all their border disputes by peaceful".to_owned(), 0)]
        );
        // A clause end between the words stops the match.
        assert!(found(&p, "to settle; disputes peacefully").is_empty());
        // A gap too wide.
        assert!(found(&p, "settle the long and bitter old disputes peacefully").is_empty());
    }

    #[test]
    fn exact_words_and_other_senses() {
        let mut p = Phrases::new();
        p.add_label("sovereign equality", 0);
        p.add_pattern("=sovereign", 1, "s", Sense::Concept)
            .expect("valid");
        p.add_pattern("sovereign debt", 1, "s", Sense::Other)
            .expect("valid");
        assert_eq!(
            found(&p, "sovereign debt; the Sovereign people; sovereigns"),
            vec![
                ("sovereign".to_owned(), 1),
                ("other sense: sovereign debt".to_owned(), 1),
                ("Sovereign".to_owned(), 1)
            ]
        );
    }

    #[test]
    fn malformed_patterns_are_refused() {
        let mut p = Phrases::new();
        for bad in [
            "~2 word",
            "word ~",
            "word ~x other",
            "non-use",
            "",
            "a ~40 b",
            "in*",
            "=word*",
        ] {
            assert!(
                p.add_pattern(bad, 0, "c", Sense::Concept).is_err(),
                "{bad:?}"
            );
        }
    }
}
