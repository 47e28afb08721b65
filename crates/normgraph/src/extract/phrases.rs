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
//! - an Arabic word written bare (no `=`) matches the word and the word with the particles
//!   Arabic joins to it (`الدول`: `والدول`, `بالدول`, `للدول`, …; `تدخل*`: `وتدخلها`): the
//!   stems are English ones, and Arabic words are told apart by their letters;
//! - a Chinese word (Han characters, no spaces between words in the text) is matched as its
//!   characters in a row: the text's Chinese characters are words of one character each, so
//!   `~N` before or after a Chinese word counts characters (`"干涉|干预 ~4 内政"` finds
//!   "干涉他国内政") and may be up to 36 (12 elsewhere); alternatives may differ in length
//!   (one pattern is kept for each choice of a Chinese word of several characters, at most
//!   [`MAX_CHOICES`]); `=` changes nothing and `word*` is refused;
//! - `word*` matches every word that starts with `word` (at least three letters), for
//!   derived forms the stemmer keeps apart ("interf*": "interfere", "interfering",
//!   "interference"; "settl*": "settle", "settlement");
//! - `[word]` is a *context* word: it must be there, but it is not part of the mention.
//!   Context words stand only at the beginning or at the end of a pattern, so the mention
//!   stays one stretch of text: `"[=sovereignty|=integrity] ~4 =political =independence"`
//!   finds "political independence" where it is listed with sovereignty or integrity, and
//!   the fact's span is "political independence" alone.
//! - `@name` stands for every alternative of the *word class* `name`: an `ng:WordClass`
//!   declared once in `ontology/wordclasses.ttl` (its IRI ends in `wordclass/name`; its
//!   `ng:classWords` are alternatives in this syntax, "=hospital|=hospitals|grid*"), so that
//!   the words a debate uses for one thing (the systems a society runs on, the verbs of
//!   disabling them) are listed once and shared by patterns: `"@facility ~4 @disabled"`.
//!   It may be mixed with other alternatives (`"=banks|@facility"`).
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
//! A pattern with a gap between the words of its mention (a gap next to a context word does not
//! count) is *loose*: where a loose match overlaps a match without gaps (a label or a tight
//! pattern) of any concept, the tight one is kept, so "the principle of non-use of
//! force enshrined in the Charter" is non-use of force, not a general appeal to the Charter.

use super::positions::Stance;
use super::text::{is_arabic_mark, is_cjk};
use crate::error::ResourceError;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxBuildHasher;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
use std::sync::LazyLock;

/// One word of a pattern: the stems (or exact words) it accepts.
#[derive(Debug, Clone)]
struct Word {
    /// Accepted stems (lower case).
    stems: Vec<String>,
    /// Accepted exact words (lower case), from `=word`.
    exact: Vec<String>,
    /// Accepted beginnings of words (lower case), from `word*`.
    starts: Vec<String>,
    /// The first (up to [`KEY_CHARS`]) characters of everything it accepts, packed: a word
    /// whose key agrees with none is rejected before it is read.
    quick: Vec<(u128, usize)>,
    /// How many other words may stand before this one (after the previous word).
    gap: usize,
    /// Whether it continues a Chinese word (a character after its first): it must follow the
    /// previous character with nothing between, not even a comma.
    joined: bool,
}

impl Word {
    /// Whether the word of `token` could be accepted, judged on its key alone.
    fn may_accept(&self, token: &Token) -> bool {
        self.quick
            .iter()
            .any(|&(key, n)| token.first(n) == Some(key))
    }

    /// Fills `quick` from the beginnings of the words it accepts.
    fn with_quick(mut self) -> Self {
        self.quick = self.beginnings().map(prefix).collect();
        self
    }

    /// The beginnings of the words it accepts: its stems, exact words and `word*` beginnings,
    /// but a stem's final "i" left out, since it may stand for a "y" ("sovereignti").
    fn beginnings(&self) -> impl Iterator<Item = &str> {
        self.keys().map(|k| {
            if self.stems.contains(k) {
                k.strip_suffix('i').unwrap_or(k)
            } else {
                k
            }
        })
    }

    /// Whether the word of `token` is accepted: its key first, then its lower case and stem.
    fn takes(&self, token: &Token, text: &str) -> bool {
        self.may_accept(token) && self.accepts(token.words(text))
    }

    fn accepts(&self, (lower, stem): &(String, Rc<str>)) -> bool {
        self.stems.iter().any(|x| **x == **stem)
            || self.exact.iter().any(|x| x == lower)
            || self.starts.iter().any(|x| lower.starts_with(x.as_str()))
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
    /// Whether some word of the mention may stand apart from the previous one (a gap;
    /// gaps before or after context words do not count).
    loose: bool,
    /// How many context words (`[word]`) begin the pattern and how many end it: matched,
    /// but left out of the mention's span.
    context: (usize, usize),
    /// The word the index finds the pattern by: its rarest-looking word (the longest that is
    /// not one of [`FREQUENT`]), so that the function words a label begins with ("in the
    /// internal affairs") are not looked up at every occurrence.
    anchor: usize,
}

/// Words so frequent in UN statements that a pattern is better found by another of its words.
const FREQUENT: [&str; 32] = [
    "international",
    "united",
    "nations",
    "nation",
    "states",
    "state",
    "countries",
    "country",
    "peace",
    "security",
    "development",
    "economic",
    "political",
    "world",
    "community",
    "principles",
    "principle",
    "rights",
    "right",
    "law",
    "people",
    "peoples",
    "government",
    "general",
    "assembly",
    "council",
    "organization",
    "national",
    "cooperation",
    "relations",
    "members",
    "member",
];

/// Function words longer than three letters (the shorter ones are all taken as frequent).
const FUNCTION_WORDS: [&str; 20] = [
    "their", "these", "those", "this", "that", "with", "from", "have", "been", "were", "will",
    "shall", "must", "should", "would", "which", "also", "more", "other", "such",
];

/// Whether a word a pattern accepts (a stem, an exact word or a beginning, lower case) is
/// frequent in UN statements: three letters or fewer ("of", "the", "and"), a function word,
/// one of [`FREQUENT`] or its stem, or such a word with an "s" ("internationals").
fn is_frequent(key: &str) -> bool {
    let singular = key.strip_suffix('s').unwrap_or(key);
    key.chars().count() <= 3
        || FUNCTION_WORDS.contains(&key)
        || FREQUENT.contains(&key)
        || FREQUENT.contains(&singular)
        || FREQUENT_STEMS.iter().any(|f| f == key)
}

/// The stems of [`FREQUENT`], made once.
static FREQUENT_STEMS: LazyLock<Vec<String>> =
    LazyLock::new(|| FREQUENT.iter().map(|w| stem(w)).collect());

/// The most readings (the product of its gaps plus one) a word pattern may allow at one place.
const MAX_READINGS: usize = 20_000;

/// The most patterns one written pattern may stand for: a word with Chinese alternatives of
/// several characters is one pattern for each.
const MAX_CHOICES: usize = 64;

/// A word of the text, with its byte offsets.
#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    /// Its first [`KEY_CHARS`] characters in lower case, packed ([`prefix`]).
    key: u128,
    /// How many characters `key` holds (at most [`KEY_CHARS`]).
    keyed: u8,
    /// Whether a clause or paragraph ends between the previous word and this one.
    after_break: bool,
    /// The word in lower case and its stem, read when a pattern first asks: most words are
    /// never lower-cased or stemmed (boxed, so that the token stays small: every pattern
    /// kind reads every token).
    words: OnceCell<Box<(String, Rc<str>)>>,
}

impl Token {
    fn words(&self, text: &str) -> &(String, Rc<str>) {
        self.words
            .get_or_init(|| Box::new(read(&text[self.start..self.end])))
    }

    /// The key of its first `n` characters (as [`prefix`] packs them), when it has that many
    /// keyed.
    fn first(&self, n: usize) -> Option<u128> {
        let keyed = usize::from(self.keyed);
        (n <= keyed).then(|| self.key >> (21 * (keyed - n)))
    }
}

/// The words of a text (or of a stretch of it), split once and shared by the word patterns of
/// every kind of concept.
#[derive(Debug)]
pub struct Tokens {
    list: Vec<Token>,
}

impl Tokens {
    /// Splits `text[from..to]` into words: runs of letters and digits. Offsets stay relative to
    /// `text`.
    pub fn of(text: &str, from: usize, to: usize) -> Self {
        // About one word in six bytes of English.
        let mut list = Vec::with_capacity(to.saturating_sub(from) / 6);
        let mut word_start: Option<usize> = None;
        let mut pending_break = false;
        let mut newlines = 0;
        let token = |start: usize, end: usize, after_break: bool| {
            let (key, keyed) = prefix(&text[start..end]);
            Token {
                start,
                end,
                key,
                // At most KEY_CHARS.
                keyed: u8::try_from(keyed).unwrap_or(u8::MAX),
                after_break,
                words: OnceCell::new(),
            }
        };
        for (i, c) in text[from..to].char_indices() {
            let i = from + i;
            let letter = is_word_char(c);
            let cjk = !c.is_ascii() && is_cjk(c);
            if letter && !cjk {
                word_start.get_or_insert(i);
                continue;
            }
            if let Some(start) = word_start.take() {
                list.push(token(start, i, pending_break));
                pending_break = false;
                newlines = 0;
            }
            // Chinese writes no spaces: each character is a word of its own, and a pattern's
            // Chinese word is matched as its characters in a row.
            if cjk && letter {
                list.push(token(i, i + c.len_utf8(), pending_break));
                pending_break = false;
                newlines = 0;
                continue;
            }
            match c {
                '.' | ';' | ':' | '?' | '!' | '。' | '；' | '：' | '？' | '！' | '؟' | '؛' =>
                {
                    pending_break = true;
                }
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
        if let Some(start) = word_start {
            list.push(token(start, to, pending_break));
        }
        Self { list }
    }

    /// The byte offsets of the words lying wholly within `from..to`, in order.
    pub fn spans_within(
        &self,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        let first = self.list.partition_point(|t| t.start < from);
        self.list[first..]
            .iter()
            .take_while(move |t| t.end <= to)
            .map(|t| (t.start, t.end))
    }
}

/// A beginning a word must have for a pattern's anchor word to accept it.
#[derive(Debug, Clone)]
struct Anchor {
    /// Its first [`KEY_CHARS`] characters, packed, and how many those are.
    key: (u128, usize),
    /// The whole beginning, checked when it is longer than the key.
    beginning: String,
    /// The patterns whose anchor word accepts words beginning so.
    patterns: Vec<usize>,
}

impl Anchor {
    /// Whether a word (its token) begins so.
    fn admits(&self, token: &Token, word: &str) -> bool {
        let (key, n) = self.key;
        token.first(n) == Some(key) && (n < KEY_CHARS || starts_with_lower(word, &self.beginning))
    }
}

/// The bucket of a packed key of `n` characters: its first three (or fewer). Three 21-bit
/// characters fit in 63 bits, and keys of different lengths never collide (no character is 0).
fn bucket(key: u128, n: usize) -> u64 {
    u64::try_from(key >> (21 * (n - n.min(3)))).unwrap_or(u64::MAX)
}

/// The size of [`Phrases`]'s bucket filter, in 64-bit words: 2^16 bits, 8 KiB, which stays in
/// the processor's first cache.
const FILTER_WORDS: usize = 1 << 10;

/// The word of the bucket filter and the bit in it that stand for bucket `b` (its bits spread
/// by one multiply, the top 16 of the product taken).
fn filter_bit(b: u64) -> (usize, u64) {
    let h = b.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48;
    // Both are below 2^16 and 64: the casts lose nothing.
    ((h >> 6) as usize, 1u64 << (h & 63))
}

/// A hasher for the index's `u64` buckets (spread by one multiply; the default hasher is the
/// slow part of looking up every word of a corpus).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A match of a word pattern (byte offsets into the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    /// Byte offset of the mention's first character (context words left out).
    pub start: usize,
    /// Byte offset after the mention's last word (context words left out).
    pub end: usize,
    /// The concept index given when the pattern was added.
    pub concept: usize,
    /// Whether the pattern has gaps between the words of its mention.
    pub loose: bool,
    /// What the pattern's matches are.
    pub sense: Sense,
}

/// The word patterns of one kind of concept, with the index that finds them.
#[derive(Debug, Clone)]
pub struct Phrases {
    patterns: Vec<Pattern>,
    /// Patterns by the beginning a word must have for their anchor word to accept it (a stem,
    /// an exact word, a `word*`), keyed by its first three characters (all, when shorter).
    first: HashMap<u64, Vec<Anchor>, BuildHasherDefault<KeyHasher>>,
    /// One bit per bucket of `first` (several buckets may share a bit): most words of a text
    /// begin no pattern's anchor, and a clear bit says so without probing the map.
    filter: Box<[u64; FILTER_WORDS]>,
    /// Whether some beginning is shorter than three characters.
    short: bool,
    /// The word classes `@name` may name: their alternatives, by name.
    classes: HashMap<String, Vec<String>>,
}

/// Characters of a word: letters and digits (as in the label matcher).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The first [`KEY_CHARS`] characters of a word (or all, when it is shorter), in lower case,
/// packed in a number (no allocation: this runs on every word of every text), and how many.
fn prefix(word: &str) -> (u128, usize) {
    let mut key = 0u128;
    let mut n = 0;
    let mut add = |c: char| {
        key = (key << 21) | u128::from(u32::from(c));
        n += 1;
    };
    if word.is_ascii() {
        word.chars()
            .take(KEY_CHARS)
            .for_each(|c| add(c.to_ascii_lowercase()));
    } else {
        word.chars()
            .flat_map(char::to_lowercase)
            .take(KEY_CHARS)
            .for_each(add);
    }
    (key, n)
}

/// How many characters of a word the index looks it up by.
const KEY_CHARS: usize = 6;

/// How many stems the per-thread cache keeps before it starts afresh.
const STEM_CACHE_WORDS: usize = 200_000;

thread_local! {
    /// Stems of the words seen on this thread (the vocabulary of a corpus is small next to its
    /// length, and the stemmer is the costly step).
    static STEMS: RefCell<HashMap<Box<str>, Rc<str>, FxBuildHasher>> =
        RefCell::new(HashMap::default());
    /// The English Snowball stemmer.
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
}

/// Function words, modals and the word "State(s)", left out when wordings are compared.
const NOT_CONTENT: [&str; 40] = [
    "a", "all", "an", "and", "any", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it",
    "its", "may", "must", "no", "not", "of", "on", "or", "other", "shall", "should", "such",
    "that", "the", "their", "them", "these", "they", "this", "those", "to", "which", "with",
    "state", "states",
];

/// The stems of the content words of `text`, sorted and without repeats: what two wordings are
/// compared by when the extractor tells whether a proposal restates an agreed norm.
pub fn content_stems(text: &str) -> Vec<String> {
    let mut stems: Vec<String> = text
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !NOT_CONTENT.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// How much of each wording's content words the other must hold for the two to say the same.
const SAME_WORDING: f64 = 0.8;

/// Whether two wordings, given by their [`content_stems`], say the same thing: each holds at
/// least [`SAME_WORDING`] of the other's content words. A proposal restates an agreed norm so;
/// a rule stated twice in one statement is one proposal.
pub fn say_the_same(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.iter().filter(|s| b.binary_search(s).is_ok()).count() as f64;
    shared / a.len() as f64 >= SAME_WORDING && shared / b.len() as f64 >= SAME_WORDING
}

/// The stem of a lower-case word.
fn stem(lower: &str) -> String {
    STEMMER.with(|s| s.stem(lower).into_owned())
}

/// A word in lower case and its stem (cached per thread, shared by every token of the word).
fn read(word: &str) -> (String, Rc<str>) {
    let lower = word.to_lowercase();
    let stem = STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(lower.as_str()) {
            return Rc::clone(stem);
        }
        if cache.len() >= STEM_CACHE_WORDS {
            cache.clear();
        }
        let stem: Rc<str> = stem(&lower).into();
        cache.insert(lower.as_str().into(), Rc::clone(&stem));
        stem
    });
    (lower, stem)
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
            first: HashMap::default(),
            filter: Box::new([0; FILTER_WORDS]),
            short: false,
            classes: HashMap::new(),
        }
    }

    /// Declares the word classes that patterns added afterwards may name (`@name`): each
    /// class's alternatives, by name.
    pub fn with_word_classes(mut self, classes: HashMap<String, Vec<String>>) -> Self {
        self.classes = classes;
        self
    }

    /// Whether no pattern was added.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Adds a label: its words, neighbours, matched on their stems. Labels whose words the
    /// tokenizer cannot reproduce (no word at all) are skipped.
    pub fn add_label(&mut self, label: &str, concept: usize) {
        let words: Vec<Word> = words_of(label)
            .map(|w| {
                let stem = stem(&w);
                let derived = w.chars().count() >= stem.chars().count() + 5;
                Word {
                    quick: Vec::new(),
                    stems: if derived { Vec::new() } else { vec![stem] },
                    exact: if derived {
                        vec![format!("{w}s"), w]
                    } else {
                        Vec::new()
                    },
                    starts: Vec::new(),
                    gap: 0,
                    joined: false,
                }
            })
            .collect();
        self.push(words, concept, Sense::Concept, (0, 0));
    }

    /// Whether [`Phrases::add_label`] finds `label` wherever it is written as such: each of its
    /// words begins with the beginning its stem is looked up by. Not so for a word whose stem
    /// is not its own beginning ("using", stem "use"): the quick test skips it in the text.
    pub fn finds_label_as_written(label: &str) -> bool {
        words_of(label).all(|w| {
            let stem = stem(&w);
            let derived = w.chars().count() >= stem.chars().count() + 5;
            derived || w.starts_with(stem.strip_suffix('i').unwrap_or(&stem))
        })
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
        // Each word of the pattern: whether it is a context word (`[word]`), and the readings
        // it has (one, but for Chinese words: one for each, as its characters in a row).
        let mut parts: Vec<(bool, Vec<Vec<Word>>)> = Vec::new();
        let mut gap = 0;
        // Whether the word before holds a Chinese alternative (a gap next to one counts
        // characters, and may be up to [`MAX_HAN_GAP`]).
        let mut after_han = false;
        // Texts are matched without their Arabic marks (`super::text::fold_arabic_marks`), so
        // patterns are too.
        let folded: String = pattern.chars().filter(|&c| !is_arabic_mark(c)).collect();
        for part in folded.split_whitespace() {
            if let Some(n) = part.strip_prefix('~') {
                if parts.is_empty() {
                    return Err(bad("a gap (~N) must stand between two words"));
                }
                gap = n
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n <= MAX_HAN_GAP)
                    .ok_or_else(|| bad(GAP_LIMITS))?;
                continue;
            }
            let han = part.chars().any(is_cjk);
            if gap > MAX_GAP && !han && !after_han {
                return Err(bad(GAP_LIMITS));
            }
            after_han = han;
            let (context, part) = match part.strip_prefix('[') {
                Some(rest) => (
                    true,
                    rest.strip_suffix(']')
                        .ok_or_else(|| bad(&format!("{part:?}: a context word is [word]")))?,
                ),
                None => (false, part),
            };
            let empty = |gap| Word {
                quick: Vec::new(),
                stems: Vec::new(),
                exact: Vec::new(),
                starts: Vec::new(),
                gap,
                joined: false,
            };
            // The word's alternatives of one token each (a Chinese word of one character is
            // one), and its Chinese words of more (each its characters in a row).
            let mut word = empty(gap);
            let mut han_words: Vec<Vec<Word>> = Vec::new();
            let mut alternatives = Vec::new();
            for alternative in part.split('|') {
                match alternative.strip_prefix('@') {
                    Some(name) => alternatives.extend(
                        self.classes
                            .get(name)
                            .ok_or_else(|| {
                                bad(&format!(
                                    "{alternative:?}: no word class {name:?} (an ng:WordClass \
                                     in ontology/wordclasses.ttl)"
                                ))
                            })?
                            .iter()
                            .map(String::as_str),
                    ),
                    None => alternatives.push(alternative),
                }
            }
            for alternative in alternatives {
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
                if lower.chars().any(is_cjk) {
                    if start || !lower.chars().all(is_cjk) {
                        return Err(bad(&format!(
                            "{alternative:?}: a Chinese word is its characters alone (no \
                             word*, no other letters)"
                        )));
                    }
                    let characters = lower.chars().map(String::from);
                    if lower.chars().count() == 1 {
                        word.exact.extend(characters);
                    } else {
                        han_words.push(
                            characters
                                .enumerate()
                                .map(|(k, c)| Word {
                                    exact: vec![c],
                                    joined: k > 0,
                                    ..empty(if k == 0 { gap } else { 0 })
                                })
                                .collect(),
                        );
                    }
                    continue;
                }
                if start && (exact || lower.chars().count() < 3) {
                    return Err(bad(&format!(
                        "{alternative:?}: a beginning (word*) needs three letters and no ="
                    )));
                }
                let arabic = lower.starts_with(is_arabic_letter);
                if start && arabic {
                    word.starts.extend(arabic_forms(&lower));
                } else if start {
                    word.starts.push(lower);
                } else if exact {
                    word.exact.push(lower);
                } else if arabic {
                    word.exact.extend(arabic_forms(&lower));
                } else {
                    word.stems.push(stem(&lower));
                }
            }
            gap = 0;
            let mut readings: Vec<Vec<Word>> = Vec::new();
            if word.keys().next().is_some() {
                readings.push(vec![word]);
            }
            readings.extend(han_words);
            parts.push((context, readings));
        }
        if parts.is_empty() {
            return Err(bad("a word pattern needs at least one word"));
        }
        if gap != 0 {
            return Err(bad("a gap (~N) must stand between two words"));
        }
        let lead = parts.iter().take_while(|(c, _)| *c).count();
        let trail = parts.iter().rev().take_while(|(c, _)| *c).count();
        if lead == parts.len() {
            return Err(bad(
                "a word pattern needs a word that is not context ([word])",
            ));
        }
        if parts.iter().filter(|(c, _)| *c).count() != lead + trail {
            return Err(bad(
                "context words ([word]) stand only at the beginning or the end of a pattern",
            ));
        }
        // One pattern for each choice of a reading per word: bounded, as the readings below.
        let choices = parts
            .iter()
            .try_fold(1usize, |n, (_, r)| n.checked_mul(r.len()))
            .unwrap_or(usize::MAX);
        if choices > MAX_CHOICES {
            return Err(bad(&format!(
                "its Chinese alternatives make {choices} patterns (at most {MAX_CHOICES}): \
                 write it as several patterns"
            )));
        }
        let mut sequences: Vec<(Vec<Word>, usize, usize)> = vec![(Vec::new(), 0, 0)];
        for (k, (context, readings)) in parts.iter().enumerate() {
            let mut next = Vec::with_capacity(sequences.len() * readings.len());
            for (sequence, lead_words, trail_words) in &sequences {
                for reading in readings {
                    let mut sequence = sequence.clone();
                    sequence.extend(reading.iter().cloned());
                    let n = reading.len();
                    let lead_words = lead_words + if *context && k < lead { n } else { 0 };
                    let trail_words = trail_words
                        + if *context && k >= parts.len() - trail {
                            n
                        } else {
                            0
                        };
                    next.push((sequence, lead_words, trail_words));
                }
            }
            sequences = next;
        }
        for (words, lead, trail) in sequences {
            // Readings tried at one anchor grow as the product of the gaps (`match_after` and
            // `match_before` backtrack): bounded, so that a pattern from a resource folder
            // cannot make extraction take minutes.
            let readings = words
                .iter()
                .try_fold(1usize, |n, w| n.checked_mul(w.gap + 1))
                .unwrap_or(usize::MAX);
            if readings > MAX_READINGS {
                return Err(bad(&format!(
                    "its gaps allow {readings} readings at one place (at most {MAX_READINGS}): \
                     use fewer or smaller gaps"
                )));
            }
            self.push(words, concept, sense, (lead, trail));
        }
        Ok(())
    }

    fn push(&mut self, words: Vec<Word>, concept: usize, sense: Sense, context: (usize, usize)) {
        let words: Vec<Word> = words.into_iter().map(Word::with_quick).collect();
        // A word is found as often as its most frequent alternative: it is rare only when
        // all its alternatives are ("their|its" is not, nor "multilateral|international").
        let rare = |w: &Word| w.keys().all(|k| !is_frequent(k));
        let length = |w: &Word| w.keys().map(|k| k.chars().count()).min().unwrap_or(0);
        let Some(anchor) = (0..words.len())
            .rev()
            .max_by_key(|&k| (rare(&words[k]), length(&words[k])))
        else {
            return;
        };
        let index = self.patterns.len();
        for beginning in words[anchor].beginnings() {
            let key = prefix(beginning);
            // A Chinese token is one character, and looked up by it.
            self.short |= key.1 < 3 && !beginning.starts_with(is_cjk);
            let b = bucket(key.0, key.1);
            let (word, bit) = filter_bit(b);
            self.filter[word] |= bit;
            let list = self.first.entry(b).or_default();
            match list.iter_mut().find(|a| a.beginning == beginning) {
                Some(a) if a.patterns.contains(&index) => {}
                Some(a) => a.patterns.push(index),
                None => list.push(Anchor {
                    key,
                    beginning: beginning.to_owned(),
                    patterns: vec![index],
                }),
            }
        }
        // The first word of the mention may stand apart from a context word before it.
        let loose = words[context.0 + 1..words.len() - context.1]
            .iter()
            .any(|w| w.gap > 0);
        self.patterns.push(Pattern {
            words,
            concept,
            sense,
            loose,
            context,
            anchor,
        });
    }

    /// Matches `pattern` around token `i` (which its anchor word accepts): `at[k]` is set to
    /// the token of word `k` (`at` is as long as the pattern). The words after the anchor take
    /// the shortest reading ([`Phrases::match_after`]); the words before it, the leftmost
    /// reading ([`Phrases::match_before`]).
    fn match_at(
        text: &str,
        tokens: &[Token],
        i: usize,
        pattern: &Pattern,
        at: &mut [usize],
    ) -> bool {
        let words = &pattern.words;
        let a = pattern.anchor;
        if !words[a].accepts(tokens[i].words(text)) {
            return false;
        }
        at[a] = i;
        let (before, after) = at.split_at_mut(a + 1);
        Self::match_after(text, tokens, i, &words[a + 1..], after)
            && Self::match_before(text, tokens, i, &words[..=a], before)
    }

    /// Matches `words` after token `from` going right, setting `at[k]` to the token of word
    /// `k`. Each word tries the nearest token within its gap first, and a later one when the
    /// words after it find no reading from there ("=including ~12 =law|=rights ~3 =applies"
    /// reads "including the Charter, international humanitarian law and international human
    /// rights law, applies" although the first "law" has no "applies" after it).
    fn match_after(
        text: &str,
        tokens: &[Token],
        from: usize,
        words: &[Word],
        at: &mut [usize],
    ) -> bool {
        let Some((word, rest)) = words.split_first() else {
            return true;
        };
        for (j, token) in tokens.iter().enumerate().skip(from + 1).take(word.gap + 1) {
            if token.after_break || (word.joined && token.start != tokens[from].end) {
                break;
            }
            if word.takes(token, text) && Self::match_after(text, tokens, j, rest, &mut at[1..]) {
                at[0] = j;
                return true;
            }
        }
        false
    }

    /// Matches the words before the last of `words` (which token `from` is) going left,
    /// setting `at[k]` to the token of word `k`. The leftmost reading wins, as if the pattern
    /// had been read from its first word: each word tries the farthest token within its gap
    /// first.
    fn match_before(
        text: &str,
        tokens: &[Token],
        from: usize,
        words: &[Word],
        at: &mut [usize],
    ) -> bool {
        let Some((word, rest)) = words.split_last() else {
            return true;
        };
        let Some(previous) = rest.last() else {
            return true;
        };
        let k = rest.len() - 1;
        for j in from.saturating_sub(word.gap + 1)..from {
            // No clause end between j and `from`, and nothing between the characters of a
            // Chinese word.
            if tokens[j + 1..=from].iter().any(|t| t.after_break)
                || (word.joined && tokens[j].end != tokens[from].start)
            {
                continue;
            }
            if previous.takes(&tokens[j], text)
                && Self::match_before(text, tokens, j, rest, &mut at[..=k])
            {
                at[k] = j;
                return true;
            }
        }
        false
    }

    /// The matches of [`Phrases::find_tokens`] that are mentions of their concept (not other
    /// senses nor stances), sorted by start.
    pub fn find_concepts(&self, text: &str, tokens: &Tokens) -> Vec<PhraseHit> {
        let mut found: Vec<PhraseHit> = self
            .find_tokens(text, tokens)
            .into_iter()
            .filter(|h| h.sense == Sense::Concept)
            .collect();
        found.sort_by_key(|h| h.start);
        found
    }

    /// Every match among `tokens`, the words of `text` (or of a stretch of it): overlapping
    /// ones included, matches of `ng:otherSense` patterns too (flagged). Offsets are relative to
    /// `text`.
    pub fn find_tokens(&self, text: &str, tokens: &Tokens) -> Vec<PhraseHit> {
        let tokens = &tokens.list;
        let mut hits = Vec::new();
        let mut candidates: Vec<usize> = Vec::new();
        // The token of each word of the pattern being matched.
        let mut at: Vec<usize> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            candidates.clear();
            // Most words are no pattern's anchor: they are never lower-cased or stemmed.
            let word = &text[token.start..token.end];
            let mut buckets = [
                Some(bucket(token.key, usize::from(token.keyed))),
                None,
                None,
            ];
            if self.short && token.keyed >= 3 {
                buckets[1] = token.first(1).map(|k| bucket(k, 1));
                buckets[2] = token.first(2).map(|k| bucket(k, 2));
            }
            for b in buckets.into_iter().flatten() {
                let (w, bit) = filter_bit(b);
                if self.filter[w] & bit == 0 {
                    continue;
                }
                let Some(list) = self.first.get(&b) else {
                    continue;
                };
                for anchor in list {
                    if anchor.admits(token, word) {
                        for &p in &anchor.patterns {
                            if !candidates.contains(&p) {
                                candidates.push(p);
                            }
                        }
                    }
                }
            }
            for &p in &candidates {
                let pattern = &self.patterns[p];
                at.clear();
                at.resize(pattern.words.len(), 0);
                if Self::match_at(text, tokens, i, pattern, &mut at) {
                    // The mention leaves out the context words at either end.
                    let (lead, trail) = pattern.context;
                    hits.push(PhraseHit {
                        start: tokens[at[lead]].start,
                        end: tokens[at[at.len() - 1 - trail]].end,
                        concept: pattern.concept,
                        loose: pattern.loose,
                        sense: pattern.sense,
                    });
                }
            }
        }
        hits
    }
}

/// Whether `word`, lower-cased, begins with `beginning` (lower case), without allocating.
fn starts_with_lower(word: &str, beginning: &str) -> bool {
    if word.is_ascii() && beginning.is_ascii() {
        return word.len() >= beginning.len()
            && word.as_bytes()[..beginning.len()].eq_ignore_ascii_case(beginning.as_bytes());
    }
    let mut lower = word.chars().flat_map(char::to_lowercase);
    beginning.chars().all(|b| lower.next() == Some(b))
}

/// The widest gap (`~N`) between two words.
const MAX_GAP: usize = 12;

/// The widest gap next to a Chinese word, where it counts characters: three times
/// [`MAX_GAP`], as a Chinese word takes two or three characters and a Chinese clause lists
/// what it includes before its verb ("现有国际法，包括《联合国宪章》的全部内容、国际人道法和
/// 国际人权法，适用于…").
const MAX_HAN_GAP: usize = 36;

/// The refusal of a gap too wide.
const GAP_LIMITS: &str =
    "a gap is ~N with N a whole number up to 12 (up to 36 next to a Chinese word, whose gaps \
     count characters)";

/// Whether `c` is a letter of the Arabic script (the Arabic block, U+0620–U+06FF, less its
/// marks and digits).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// An Arabic word with the particles Arabic writes joined to it: the conjunctions و and ف, then
/// the prepositions ب, ل and ك, then the article ال (ل and the article are written لل): "الدول"
/// is also "والدول", "بالدول", "للدول", "وللدول"; a word written without the article takes it
/// too ("شؤون": "بالشؤون"), and keeps the particles without it ("وشؤون").
fn arabic_forms(word: &str) -> Vec<String> {
    let (bare, definite) = match word.strip_prefix("ال") {
        Some(rest) => (rest, true),
        None => (word, false),
    };
    let mut forms = vec![word.to_owned()];
    for conjunction in ["", "و", "ف"] {
        for lead in ["ال", "بال", "كال", "لل"] {
            forms.push(format!("{conjunction}{lead}{bare}"));
        }
        if !definite {
            for preposition in ["", "ب", "ل", "ك"] {
                forms.push(format!("{conjunction}{preposition}{bare}"));
            }
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

/// The lower-case words of a label, as the tokenizer splits text.
fn words_of(label: &str) -> impl Iterator<Item = String> + '_ {
    label
        .split(|c: char| !is_word_char(c) && !is_arabic_mark(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.chars()
                .filter(|&c| !is_arabic_mark(c))
                .flat_map(char::to_lowercase)
                .collect()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(phrases: &Phrases, text: &str) -> Vec<(String, usize)> {
        phrases
            .find_tokens(text, &Tokens::of(text, 0, text.len()))
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

    /// A label is left to the stems only where they find it as written: not one with a word
    /// whose stem is not its beginning ("using", stem "use").
    #[test]
    fn labels_found_as_written_by_their_stems() {
        assert!(Phrases::finds_label_as_written(
            "sovereign equality of States"
        ));
        assert!(Phrases::finds_label_as_written("non-interference"));
        assert!(!Phrases::finds_label_as_written(
            "threat or use of force using ICTs"
        ));
        let mut p = Phrases::new();
        p.add_label("threat or use of force using ICTs", 0);
        assert!(found(&p, "no threat or use of force using ICTs").is_empty());
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
    fn the_leftmost_reading_wins() {
        // The anchor is "cyberspace" (the longest rare word): the words before it are read
        // leftmost first, as if the pattern were read from its first word.
        let mut p = Phrases::new();
        p.add_pattern(
            "=new|=binding ~3 =rules ~1 cyberspace",
            0,
            "c",
            Sense::Concept,
        )
        .expect("valid");
        assert_eq!(p.patterns[0].anchor, 2);
        assert_eq!(
            found(&p, "new binding rules for cyberspace"),
            vec![("new binding rules for cyberspace".to_owned(), 0)]
        );
    }

    #[test]
    fn word_classes_stand_for_their_words() {
        let classes = HashMap::from([
            (
                "facility".to_owned(),
                vec!["=grids".to_owned(), "=hospitals".to_owned()],
            ),
            (
                "disabled".to_owned(),
                vec!["=plunged".to_owned(), "cripple*".to_owned()],
            ),
        ]);
        let mut p = Phrases::new().with_word_classes(classes);
        p.add_pattern("=ports|@facility ~4 @disabled", 0, "c", Sense::Concept)
            .expect("valid");
        assert_eq!(
            found(
                &p,
                "power grids plunged into darkness; hospitals were crippled"
            ),
            vec![
                ("grids plunged".to_owned(), 0),
                ("hospitals were crippled".to_owned(), 0)
            ]
        );
        assert_eq!(
            found(&p, "ports plunged"),
            vec![("ports plunged".to_owned(), 0)]
        );
        // A class's words only: "grid" (singular) is not one of them.
        assert!(found(&p, "the grid plunged").is_empty());
        // A class nobody declared is an error naming it.
        let error = p
            .add_pattern("@nothing ~2 =plunged", 0, "c", Sense::Concept)
            .expect_err("unknown class");
        assert!(
            error.to_string().contains("no word class \"nothing\""),
            "{error}"
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
        // So do the Arabic semicolon and question mark.
        let mut q = Phrases::new();
        q.add_pattern("تسوية ~2 النزاعات", 0, "c", Sense::Concept)
            .expect("valid");
        assert_eq!(found(&q, "تسوية النزاعات").len(), 1);
        assert!(found(&q, "تسوية؛ النزاعات").is_empty());
        assert!(found(&q, "تسوية؟ النزاعات").is_empty());
        // A gap too wide.
        assert!(found(&p, "settle the long and bitter old disputes peacefully").is_empty());
    }

    /// After the anchor, a word whose nearest reading leaves the rest unmatched tries a later
    /// token within its gap.
    #[test]
    fn a_later_reading_is_tried_when_the_nearest_fails() {
        let mut p = Phrases::new();
        // The anchor is the first word (the longest that is not a frequent one), so every word
        // after it is read by `match_after`.
        p.add_pattern(
            "=including ~12 =law|=rights ~3 =applies",
            0,
            "p",
            Sense::Concept,
        )
        .expect("valid");
        let text = "including the Charter, humanitarian law and human rights law, applies";
        assert_eq!(found(&p, text), vec![(text.to_owned(), 0)]);
        // No reading at all.
        assert!(found(&p, "including humanitarian law, binds us.").is_empty());
    }

    #[test]
    fn patterns_with_too_many_readings_are_refused() {
        let mut p = Phrases::new();
        let err = p
            .add_pattern(
                "cyberspace ~12 law ~12 law ~12 law ~12 law",
                0,
                "p",
                Sense::Concept,
            )
            .expect_err("too many readings");
        assert!(err.to_string().contains("readings"), "{err}");
        p.add_pattern("alpha ~12 beta ~12 gamma ~12 delta", 0, "p", Sense::Concept)
            .expect("13 × 13 × 13 readings");
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

    /// A bare Arabic word takes the particles joined to it; `=` keeps the word as written; a
    /// beginning takes them too, and the suffixes after it.
    #[test]
    fn arabic_words_take_their_joined_particles() {
        let mut p = Phrases::new();
        p.add_pattern("السلامة الإقليمية", 0, "t", Sense::Concept)
            .expect("valid");
        p.add_pattern("=سيادة =الدول", 1, "s", Sense::Concept)
            .expect("valid");
        p.add_pattern("شؤون* الداخلية", 2, "n", Sense::Concept)
            .expect("valid");
        assert_eq!(
            found(
                &p,
                "والسلامة الإقليمية وللسلامة الإقليمية وبسيادة الدول، في شؤونها الداخلية وبالشؤون الداخلية"
            ),
            vec![
                ("والسلامة الإقليمية".to_owned(), 0),
                ("وللسلامة الإقليمية".to_owned(), 0),
                ("شؤونها الداخلية".to_owned(), 2),
                ("وبالشؤون الداخلية".to_owned(), 2),
            ]
        );
        // Not a word that merely ends like it, nor one the particles do not make.
        assert!(found(&p, "استقلالالسلامة الإقليمية").is_empty());
    }

    /// Chinese writes no spaces: a pattern's Chinese word is matched as its characters in a
    /// row, a gap counts characters, and alternatives may differ in length.
    #[test]
    fn chinese_words_are_their_characters() {
        let mut p = Phrases::new();
        p.add_pattern("干涉|干预 ~4 内政", 0, "n", Sense::Concept)
            .expect("valid");
        p.add_pattern("[利用] ~6 =社交媒体 ~3 煽动|鼓动", 1, "h", Sense::Concept)
            .expect("valid");
        // One pattern for each choice of a Chinese word of several characters.
        assert_eq!(p.patterns.len(), 4);
        let text = "我们反对干涉他国内政。有人利用社交媒体煽动动乱，干预内政；\
                    干涉一个主权国家的内政。社交媒体煽动";
        // Not "干涉一个主权国家的内政" (six characters between), nor the last without its
        // context word.
        assert_eq!(
            found(&p, text),
            vec![
                ("干涉他国内政".to_owned(), 0),
                ("社交媒体煽动".to_owned(), 1),
                ("干预内政".to_owned(), 0)
            ]
        );
        // A Chinese word never crosses a full stop or a comma, and Latin words beside Chinese
        // ones are words of their own.
        let text = "干涉。内政 ICT内、政";
        let tokens = Tokens::of(text, 0, text.len());
        assert!(p.find_tokens(text, &tokens).is_empty());
        let words: Vec<&str> = tokens.list.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, vec!["干", "涉", "内", "政", "ICT", "内", "政"]);
        let mut q = Phrases::new();
        q.add_pattern("内政", 0, "n", Sense::Concept)
            .expect("valid");
        assert_eq!(found(&q, text), vec![("内政".to_owned(), 0)]);
        // Next to a Chinese word a gap counts characters and may be up to 36.
        let mut q = Phrases::new();
        q.add_pattern("现有国际法 ~30 适用于", 0, "c", Sense::Concept)
            .expect("a wide gap next to a Chinese word");
        let text = "现有国际法，包括《联合国宪章》的全部内容、国际人道法和国际人权法，适用于国家。";
        assert_eq!(found(&q, text).len(), 1);
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
            "a ~13 b",
            "国际法 ~37 适用于",
            "in*",
            "=word*",
            "[only] [context]",
            "[word",
            "one [middle] three",
            "网络*",
            "网络cyber",
            // Eight alternatives of several characters, three times: 512 patterns.
            "甲乙|丙丁|戊己|庚辛|壬癸|子丑|寅卯|辰巳 甲乙|丙丁|戊己|庚辛|壬癸|子丑|寅卯|辰巳 \
             甲乙|丙丁|戊己|庚辛|壬癸|子丑|寅卯|辰巳",
        ] {
            assert!(
                p.add_pattern(bad, 0, "c", Sense::Concept).is_err(),
                "{bad:?}"
            );
        }
    }

    /// Context words must be there, but the mention's span leaves them out; a gap between a
    /// context word and the mention does not make the pattern loose.
    #[test]
    fn context_words_are_matched_but_not_spanned() {
        let mut p = Phrases::new();
        p.add_pattern(
            "[=sovereignty|=integrity] ~4 =political =independence",
            0,
            "s",
            Sense::Concept,
        )
        .expect("valid");
        p.add_pattern("=equality ~3 [=states]", 1, "e", Sense::Concept)
            .expect("valid");
        assert_eq!(p.patterns[0].context, (1, 0));
        assert!(!p.patterns[0].loose);
        assert!(!p.patterns[1].loose);
        let text = "the sovereignty, territorial integrity and political independence of \
                    Lebanon; its political independence. The equality of all States.";
        let hits = p.find_tokens(text, &Tokens::of(text, 0, text.len()));
        let spans: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        // The phrase without either word before it in its clause is not a mention.
        assert_eq!(spans, vec!["political independence", "equality"]);
        assert!(hits.iter().all(|h| !h.loose));
        // Context at both ends, the anchor (the longest word) in the trailing one; the gap
        // before a context word does not make the pattern loose.
        let mut q = Phrases::new();
        q.add_pattern(
            "[=respecting] =its ~2 [=independence]",
            0,
            "s",
            Sense::Concept,
        )
        .expect("valid");
        assert_eq!(q.patterns[0].context, (1, 1));
        assert_eq!(q.patterns[0].anchor, 2);
        let text = "respecting its political independence";
        let hits = q.find_tokens(text, &Tokens::of(text, 0, text.len()));
        let spans: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(spans, vec!["its"]);
        assert!(!hits[0].loose);
    }
}
