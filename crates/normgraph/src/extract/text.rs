//! Text structure: blocks (paragraphs, list items, headings) and sentences.
//!
//! Statements arrive as plain text or Markdown: `**bold**`, `*italic*`, `#` headings, `- ` and
//! `1. ` list items, `---` page breaks, `<sup>` footnote marks. These helpers work on byte
//! offsets into the original text and never rewrite it.

/// What kind of block a run of lines is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Ordinary paragraph.
    Paragraph,
    /// A bulleted list item (`-`, `*`, `•`, `–`).
    Bullet,
    /// A numbered or lettered list item (`1.`, `(a)`, `a)`).
    Numbered,
    /// A Markdown heading (`#`).
    Heading,
    /// A page break or rule (`---`, form feed).
    Break,
}

/// A block: a run of non-blank lines, or one list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Kind of block.
    pub kind: BlockKind,
    /// Byte offset of its first character (after any list marker and white space).
    pub start: usize,
    /// Byte offset after its last non-white-space character.
    pub end: usize,
}

/// Splits a text into blocks. A list item starts a new block even without a blank line.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut offset = 0;
    for raw in lines_inclusive(text) {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        // A lone CR also ends a line in some files; treat the whole line as one unit anyway.
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let body_end = line_start + line.trim_end().len();
        if trimmed.trim().is_empty() || trimmed.trim_matches('\u{c}').trim().is_empty() {
            if trimmed.contains('\u{c}') {
                out.extend(current.take());
                out.push(Block {
                    kind: BlockKind::Break,
                    start: line_start,
                    end: line_start,
                });
            } else {
                out.extend(current.take());
            }
            continue;
        }
        let t = trimmed.trim_end();
        if t.len() >= 3 && t.chars().all(|c| c == '-' || c == '_' || c == '*') {
            out.extend(current.take());
            out.push(Block {
                kind: BlockKind::Break,
                start: line_start + indent,
                end: body_end,
            });
            continue;
        }
        let (kind, marker) = classify(trimmed);
        match (kind, current.as_mut()) {
            (BlockKind::Paragraph, Some(block)) if block.kind != BlockKind::Heading => {
                block.end = body_end;
            }
            _ => {
                out.extend(current.take());
                current = Some(Block {
                    kind,
                    start: line_start + indent + marker,
                    end: body_end,
                });
            }
        }
    }
    out.extend(current);
    out.retain(|b| b.kind == BlockKind::Break || b.end > b.start);
    out
}

/// Lines with their ends: a line ends at `\n`, `\r\n`, or a lone `\r` (old Mac files).
fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    i += 1;
                    break;
                }
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                    i += 1;
                    break;
                }
                _ => i += 1,
            }
        }
        let line = &text[start..i];
        start = i;
        Some(line)
    })
}

/// Classifies a line by its start; returns the kind and the length of the marker to skip.
fn classify(line: &str) -> (BlockKind, usize) {
    let bytes = line.as_bytes();
    if line.starts_with('#') {
        let hashes = line.len() - line.trim_start_matches('#').len();
        let rest = &line[hashes..];
        return (
            BlockKind::Heading,
            hashes + (rest.len() - rest.trim_start().len()),
        );
    }
    for bullet in ["- ", "* ", "• ", "– ", "◦ ", "▪ "] {
        if line.starts_with(bullet) && !line.starts_with("**") {
            let rest = &line[bullet.len()..];
            return (
                BlockKind::Bullet,
                bullet.len() + (rest.len() - rest.trim_start().len()),
            );
        }
    }
    // "1. ", "12) ", "(a) ", "a) "
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.') | Some(b')'))
        && bytes.get(digits + 1) == Some(&b' ')
    {
        let rest = &line[digits + 2..];
        return (
            BlockKind::Numbered,
            digits + 2 + (rest.len() - rest.trim_start().len()),
        );
    }
    if bytes.first() == Some(&b'(') {
        if let Some(close) = line.find(") ") {
            let inner = &line[1..close];
            if !inner.is_empty()
                && inner.len() <= 4
                && inner
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            {
                let rest = &line[close + 2..];
                return (
                    BlockKind::Numbered,
                    close + 2 + (rest.len() - rest.trim_start().len()),
                );
            }
        }
    }
    (BlockKind::Paragraph, 0)
}

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "h.e", "e", "h", "no", "nos", "para", "paras", "art", "arts", "st",
    "vol", "e.g", "i.e", "cf", "etc", "prof", "amb", "u.n", "u.s", "v", "vs", "op", "pp", "p",
    "sr", "jr", "gen", "rev", "ltd", "inc", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
];

/// Does a sentence end at byte `i` (which holds `.`, `!` or `?`)?
fn ends_sentence(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let next = after.chars().next();
    if !next.is_none_or(|c| {
        c.is_whitespace() || c == '"' || c == '”' || c == '*' || c == ')' || c == '’' || c == '<'
    }) {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    // The word before the full stop, looked for at most 24 bytes back: no abbreviation or
    // initial is longer, and an unbounded look made a long text without spaces quadratic.
    let mut floor = i.saturating_sub(24);
    while !text.is_char_boundary(floor) {
        floor -= 1;
    }
    let Some(word_start) = text[floor..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(')
        .map(|(j, c)| floor + j + c.len_utf8())
        .or((floor == 0).then_some(0))
    else {
        return true;
    };
    let word = text[word_start..i].to_lowercase();
    if ABBREVIATIONS.contains(&word.as_str()) {
        return false;
    }
    // Single capital initials ("H. E. Mr. Smith").
    !(word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

/// Whether the byte at `i` is the last of a full-width or Arabic sentence mark (`。`, `！`,
/// `？`, `؟`): Chinese writes no space after them, and they end a sentence wherever they stand.
fn ends_wide_mark(text: &str, i: usize) -> bool {
    matches!(text.as_bytes()[i], 0x81 | 0x82 | 0x9F)
        && text
            .get(..=i)
            .is_some_and(|t| ['。', '！', '？', '؟'].iter().any(|&m| t.ends_with(m)))
}

/// The sentences of `text[start..end]` (a block), in order: each ends after its `.`, `!` or `?`
/// (or a full-width `。`, `！`, `？`, or Arabic `؟`; or at `end`), with white space trimmed from
/// both ends. Offsets in bytes.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = start;
    let push = |out: &mut Vec<(usize, usize)>, s: usize, e: usize| {
        let piece = &text[s..e];
        let s2 = s + (piece.len() - piece.trim_start().len());
        let e2 = s + piece.trim_end().len();
        if s2 < e2 {
            out.push((s2, e2));
        }
    };
    for (i, &b) in bytes.iter().enumerate().take(end).skip(start) {
        if ((b == b'.' || b == b'!' || b == b'?') && ends_sentence(text, i))
            || ends_wide_mark(text, i)
        {
            push(&mut out, from, i + 1);
            from = i + 1;
        }
    }
    push(&mut out, from, end);
    out
}

/// The sentence around `text[start..end]`: from the end of the previous sentence (or the start
/// of the block) to the end of the sentence holding `end`. Offsets in bytes; trimmed.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    const REACH: usize = 2000;
    let bytes = text.as_bytes();
    // Backwards to a sentence end or a blank line (at most REACH bytes).
    let mut s = start;
    let floor = start.saturating_sub(REACH);
    while s > floor {
        let b = bytes[s - 1];
        if ((b == b'.' || b == b'!' || b == b'?') && ends_sentence(text, s - 1))
            || ends_wide_mark(text, s - 1)
        {
            break;
        }
        if b == b'\n'
            && text[..s - 1]
                .trim_end_matches([' ', '\t', '\r'])
                .ends_with('\n')
        {
            break;
        }
        if b == b'\n' && starts_list_item(&text[s..]) {
            break;
        }
        s -= 1;
    }
    let mut e = end.max(start);
    let ceiling = (end + REACH).min(bytes.len());
    while e < ceiling {
        let b = bytes[e];
        if ((b == b'.' || b == b'!' || b == b'?') && ends_sentence(text, e))
            || ends_wide_mark(text, e)
        {
            e += 1;
            break;
        }
        if b == b'\n'
            && text[e + 1..]
                .trim_start_matches([' ', '\t', '\r'])
                .starts_with('\n')
        {
            break;
        }
        if b == b'\n' && starts_list_item(&text[e + 1..]) {
            break;
        }
        e += 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (s + lead, e - trail)
}

fn starts_list_item(rest: &str) -> bool {
    let t = rest.trim_start_matches([' ', '\t']);
    matches!(
        classify(t).0,
        BlockKind::Bullet | BlockKind::Numbered | BlockKind::Heading
    )
}

/// The text after byte `start`, at most `max` bytes of it, ending on a character boundary.
pub fn window_after(text: &str, start: usize, max: usize) -> &str {
    let mut end = (start + max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end]
}

/// Han ideographs, kana and CJK punctuation and compatibility forms: scripts written without
/// spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Whether `text` may hold a character of the CJK scripts: a byte that leads the UTF-8 form of
/// U+3000–U+9FFF (0xE3–0xE9). A scan of bytes, fast enough to run before a Chinese-only
/// pattern on every statement; a text that passes holds such a character or another of that
/// range (the pattern then finds nothing).
pub fn has_cjk(text: &str) -> bool {
    text.bytes().any(|b| (0xE3..=0xE9).contains(&b))
}

/// Whether `text` may hold a Cyrillic or an Arabic letter: a byte that leads the UTF-8 form of
/// U+0400–U+04FF (0xD0–0xD3) or U+0600–U+06FF (0xD8–0xDB). A scan of bytes, as [`has_cjk`],
/// run before the Russian and Arabic words of the ICT debate on every statement.
pub fn has_cyrillic_or_arabic(text: &str) -> bool {
    text.bytes()
        .any(|b| (0xD0..=0xD3).contains(&b) || (0xD8..=0xDB).contains(&b))
}

/// How much of a reach a character uses ([`reach_before`], [`reach_after`]): one for a letter of
/// an alphabet (Latin, Cyrillic, Arabic, accented or not), three for a character of the CJK
/// scripts (its UTF-8 length), which writes about as much as a short word. A reach so counted
/// spans about as many words in Russian or Arabic as in English, where bytes spanned half.
fn reach_weight(c: char) -> usize {
    if c as u32 >= 0x2E80 {
        3
    } else {
        1
    }
}

/// The text after byte `start` within `reach` (counted by [`reach_weight`]: bytes for ASCII).
pub fn reach_after(text: &str, start: usize, reach: usize) -> &str {
    let rest = &text[start..];
    let mut used = 0;
    for (i, c) in rest.char_indices() {
        used += reach_weight(c);
        if used > reach {
            return &rest[..i];
        }
    }
    rest
}

/// The text before byte `end` within `reach` (counted by [`reach_weight`]: bytes for ASCII).
pub fn reach_before(text: &str, end: usize, reach: usize) -> &str {
    let before = &text[..end];
    let mut used = 0;
    for (i, c) in before.char_indices().rev() {
        used += reach_weight(c);
        if used > reach {
            return &before[i + c.len_utf8()..];
        }
    }
    before
}

/// The text before byte `end`, at most `max` bytes of it, starting on a character boundary.
pub fn window_before(text: &str, end: usize, max: usize) -> &str {
    let mut start = end.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..end]
}

/// A text with Markdown emphasis marks and footnote tags removed and white space collapsed.
pub fn clean(text: &str) -> String {
    // Most sentences have no marks: only their white space is collapsed.
    if !text.contains(['<', '*', '_']) {
        return collapse_white_space(text);
    }
    let mut s = text.replace("<sup>", " ").replace("</sup>", " ");
    s = s.replace("**", "").replace("__", "");
    s.retain(|c| c != '*');
    collapse_white_space(&s)
}

/// `text` with each run of white space made one space, and none at either end.
fn collapse_white_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A text with the Arabic vowel and other marks taken out (fatha, damma, kasra, their
/// tanwin forms, shadda, sukun and the rest of U+064B–U+065F, the dagger alif U+0670) and the
/// tatweel (U+0640) that stretches a word: UN Arabic writes them here and there ("أيضاً",
/// "الدوليّة"), and a label or word pattern is written without them. Matching runs on the
/// folded text; [`Folded::original`] takes its offsets back to the text as written.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The text without the marks.
    pub text: String,
    /// For each run of marks taken out: the offset in `text` where it was, and how many bytes
    /// had been taken out up to and including it.
    runs: Vec<(usize, usize)>,
}

impl Folded {
    /// The byte offset in the original text of `at`, an offset in the folded one. Marks taken
    /// out at `at` followed the letter before it, so they fall before `at`: a span's end takes
    /// its last letter's marks, and its start leaves out those of the letter before it.
    pub fn original(&self, at: usize) -> usize {
        let i = self.runs.partition_point(|&(pos, _)| pos <= at);
        match i {
            0 => at,
            _ => at + self.runs[i - 1].1,
        }
    }
}

/// Whether `c` is an Arabic mark [`fold_arabic_marks`] takes out.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// `text` with its Arabic marks taken out ([`Folded`]), or `None` when it has none (the usual
/// case; a text without Arabic is told without decoding it: every such mark is encoded with the
/// lead byte 0xD9).
pub fn fold_arabic_marks(text: &str) -> Option<Folded> {
    if !text.as_bytes().contains(&0xD9) || !text.chars().any(is_arabic_mark) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut removed = 0;
    for c in text.chars() {
        if is_arabic_mark(c) {
            removed += c.len_utf8();
            match runs.last_mut() {
                Some(last) if last.0 == out.len() => last.1 = removed,
                _ => runs.push((out.len(), removed)),
            }
        } else {
            out.push(c);
        }
    }
    Some(Folded { text: out, runs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_lists_and_paragraphs() {
        let text = "Intro line\nsecond line:\n\n- *First item* here.\n- Second\n\n---\n\n1. **Numbered:** x\n# Head\nBody";
        let b = blocks(text);
        let kinds: Vec<BlockKind> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::Bullet,
                BlockKind::Bullet,
                BlockKind::Break,
                BlockKind::Numbered,
                BlockKind::Heading,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(&text[b[1].start..b[1].end], "*First item* here.");
        assert_eq!(&text[b[4].start..b[4].end], "**Numbered:** x");
    }

    #[test]
    fn arabic_marks_are_folded_and_offsets_taken_back() {
        assert!(fold_arabic_marks("No marks here, not even in Русский or 中文.").is_none());
        assert!(fold_arabic_marks("الأمن السيبراني").is_none());
        let text = "وندعو أيضاً إلى احترامِ السيادةِ الوطنيّة.";
        let folded = fold_arabic_marks(text).expect("the text has marks");
        assert_eq!(folded.text, "وندعو أيضا إلى احترام السيادة الوطنية.");
        for word in ["أيضا", "احترام السيادة", "الوطنية"] {
            let start = folded
                .text
                .find(word)
                .expect("the word is in the folded text");
            let end = start + word.len();
            let quoted = &text[folded.original(start)..folded.original(end)];
            // The span as written: the same letters, with their marks.
            let letters: String = quoted.chars().filter(|&c| !is_arabic_mark(c)).collect();
            assert_eq!(letters, word);
            assert!(!quoted.ends_with(' ') && !quoted.starts_with(' '));
        }
        assert_eq!(
            &text[folded.original(folded.text.find("الوطنية").expect("found"))..],
            "الوطنيّة."
        );
        assert_eq!(
            &text[..folded.original(folded.text.find(" إلى").expect("found"))],
            "وندعو أيضاً"
        );
        // Tatweel too.
        let stretched = fold_arabic_marks("الســـيادة").expect("tatweel is folded");
        assert_eq!(stretched.text, "السيادة");
    }

    #[test]
    fn cjk_is_told_by_its_lead_bytes() {
        assert!(has_cjk("The delegation of China 中国代表团"));
        assert!(has_cjk("《联合国宪章》"));
        // Accented Latin letters, Cyrillic, Arabic and typographic quotes lead with other bytes.
        assert!(!has_cjk("L’été, Делегация, الوفد — “quoted”"));
    }

    #[test]
    fn a_reach_counts_characters_and_a_cjk_one_three() {
        // ASCII: bytes, as windows had it.
        let english = "abcdefghij";
        assert_eq!(reach_before(english, 10, 4), "ghij");
        assert_eq!(reach_after(english, 2, 3), "cde");
        // Cyrillic letters take two bytes each and count one.
        let russian = "атака на сеть";
        assert_eq!(reach_before(russian, russian.len(), 4), "сеть");
        assert_eq!(reach_after(russian, 0, 5), "атака");
        assert_eq!(window_before(russian, russian.len(), 4), "ть");
        // A CJK character counts three, its length in bytes; a reach never cuts a character.
        let chinese = "网络攻击";
        assert_eq!(reach_before(chinese, chinese.len(), 6), "攻击");
        assert_eq!(reach_after(chinese, 0, 7), "网络");
        // The whole text when the reach is longer.
        assert_eq!(reach_after(russian, 0, 100), russian);
        assert_eq!(reach_before(chinese, chinese.len(), 100), chinese);
    }

    #[test]
    fn chinese_and_arabic_marks_end_sentences() {
        let text = "我们支持制定规则。我们反对军事化！是否需要？ هل هذا مقبول؟ نعم.";
        let found: Vec<&str> = sentences(text, 0, text.len())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            found,
            [
                "我们支持制定规则。",
                "我们反对军事化！",
                "是否需要？",
                "هل هذا مقبول؟",
                "نعم."
            ]
        );
        let at = text.find("反对").unwrap_or(0);
        let (s, e) = sentence_around(text, at, at + "反对".len());
        assert_eq!(&text[s..e], "我们反对军事化！");
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let text = "Statement by H. E. Mr. Smith. We cite resolution 73/27 here. Next one.";
        let at = text.find("73/27").expect("present");
        let (s, e) = sentence_around(text, at, at + 5);
        assert_eq!(&text[s..e], "We cite resolution 73/27 here.");
        let (s, e) = sentence_around(text, 20, 21);
        assert_eq!(&text[s..e], "Statement by H. E. Mr. Smith.");
    }

    #[test]
    fn clean_removes_marks() {
        assert_eq!(
            clean("*States should*\n\n*refrain.*"),
            "States should refrain."
        );
    }
}
