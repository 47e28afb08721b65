//! Reading statement documents: finding the files, decoding them and checking they are text.
//!
//! Offsets everywhere in normgraph are counted in Unicode scalar values into the decoded text,
//! with a leading byte-order mark removed and nothing else normalised. [`CharIndex`] converts the
//! byte offsets the matchers work with into those character offsets.

use super::file::{decode_text, line_column};
use crate::error::{Location, ReadError};
use crate::source::manifest::{check_values, ManifestRow};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// File extensions read as statements when a folder is given.
pub const STATEMENT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "pdf"];

/// One statement file, decoded.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given (or as found under a given folder).
    pub path: PathBuf,
    /// The decoded text, without a leading byte-order mark.
    pub text: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// Metadata from YAML front matter at the top of the file, if it has some.
    pub front_matter: Option<ManifestRow>,
    /// Byte offset in `text` where the statement itself begins (after any front matter).
    pub body: usize,
}

/// The keys a statement's YAML front matter may have: the manifest's columns but `file`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    delegation: Option<String>,
    speaker: Option<String>,
    speaker_role: Option<String>,
    date: Option<String>,
    body: Option<String>,
    session: Option<u32>,
    venue: Option<String>,
    language: Option<String>,
    source_url: Option<String>,
    title: Option<String>,
}

/// The keys of [`FrontMatter`].
const FRONT_MATTER_KEYS: &[&str] = &[
    "delegation",
    "speaker",
    "speaker_role",
    "date",
    "body",
    "session",
    "venue",
    "language",
    "source_url",
    "title",
];

/// Finds and reads YAML front matter: a first line `---`, `key: value` lines, a closing `---`
/// (or `...`) line. A file whose first line is `---` but whose next line does not start with one
/// of the keys is plain text (a page-break rule). Returns the metadata and where the statement begins.
fn front_matter(path: &Path, text: &str) -> Result<(Option<ManifestRow>, usize), ReadError> {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok((None, 0));
    };
    if first.trim_end() != "---" {
        return Ok((None, 0));
    }
    let starts_mapping = lines
        .clone()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .is_some_and(|l| {
            l.split_once(':')
                .is_some_and(|(k, _)| FRONT_MATTER_KEYS.contains(&k.trim()))
        });
    if !starts_mapping {
        return Ok((None, 0));
    }
    let mut at = first.len();
    let yaml_start = at;
    for line in lines {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &text[yaml_start..at];
            let parsed: FrontMatter = serde_saphyr::from_str(yaml).map_err(|e| {
                let message = e.to_string();
                ReadError::FrontMatter {
                    location: Location::line(path, 2 + yaml_line(&message).unwrap_or(0)),
                    message: message
                        .lines()
                        .next()
                        .unwrap_or("not valid YAML")
                        .to_owned(),
                }
            })?;
            let row = ManifestRow {
                file: String::new(),
                delegation: parsed.delegation,
                speaker: parsed.speaker,
                speaker_role: parsed.speaker_role,
                date: parsed.date,
                body: parsed.body,
                session: parsed.session,
                venue: parsed.venue,
                language: parsed.language,
                source_url: parsed.source_url,
                title: parsed.title,
                line: 1,
                manifest: path.to_path_buf(),
            };
            check_values(&row).map_err(|message| {
                // Point at the line of the key the message names (`date`, `body`).
                let key = message.split('`').nth(1).unwrap_or("");
                let line = yaml
                    .lines()
                    .position(|l| l.trim_start().starts_with(&format!("{key}:")))
                    .map_or(1, |i| i + 2);
                ReadError::FrontMatter {
                    location: Location::line(path, line),
                    message,
                }
            })?;
            return Ok((Some(row), at + line.len()));
        }
        at += line.len();
    }
    Err(ReadError::FrontMatter {
        location: Location::line(path, 1),
        message: "no closing `---` line".into(),
    })
}

/// The 0-based line within the YAML that a serde-saphyr message points at ("line N"), if any.
fn yaml_line(message: &str) -> Option<usize> {
    let rest = &message[message.find("line ")? + 5..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<usize>().ok().map(|n| n.saturating_sub(1))
}

impl Document {
    /// The slug that names this statement in IRIs: the file stem, lower-cased, with every run of
    /// characters outside `[a-z0-9._-]` replaced by `-`.
    pub fn slug(&self) -> String {
        slug_of(&self.path)
    }

    /// The file name (without folders), used as `ng:sourceFile`.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// The slug of a statement path (see [`Document::slug`]).
pub fn slug_of(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut out = String::with_capacity(stem.len());
    let mut dash = false;
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-' {
            out.push(c);
            dash = false;
        } else if !dash {
            out.push('-');
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("statement");
    }
    out
}

/// Expands the given paths (files or folders) into the statement files to read, in a stable
/// order. Folders are walked recursively; symbolic-link loops are detected and skipped.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ReadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| ReadError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let mut seen = HashSet::new();
            walk(path, &mut found, &mut seen, 0)?;
            if found.is_empty() {
                return Err(ReadError::NoFiles { path: path.clone() });
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    depth: usize,
) -> Result<(), ReadError> {
    const MAX_DEPTH: usize = 512;
    let canonical = fs::canonicalize(dir).map_err(|source| ReadError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    if depth > MAX_DEPTH || !seen.insert(canonical) {
        return Ok(());
    }
    let entries = fs::read_dir(dir).map_err(|source| ReadError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| ReadError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        let Ok(meta) = fs::metadata(&path) else {
            continue; // dangling link
        };
        if meta.is_dir() {
            walk(&path, found, seen, depth + 1)?;
        } else if has_statement_extension(&path) {
            found.push(path);
        }
    }
    Ok(())
}

fn has_statement_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| STATEMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads and decodes one statement file.
pub fn read_document(path: &Path) -> Result<Document, ReadError> {
    let bytes = fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(path, &bytes)
}

/// Decodes the bytes of a statement file (see [`read_document`]). A PDF (`%PDF-` at the start)
/// is read for its text, page by page, the pages joined by form feeds (see [`pdf_text`]).
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Document, ReadError> {
    if bytes.starts_with(b"%PDF-") {
        let text = pdf_text(path, bytes)?;
        return Ok(Document {
            path: path.to_path_buf(),
            text,
            sha256: hex(&Sha256::digest(bytes)),
            front_matter: None,
            body: 0,
        });
    }
    let sha256 = hex(&Sha256::digest(bytes));
    let text = decode_text(path, bytes)?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = text.find('\0') {
        let (line, column) = line_column(&body[..offset]);
        return Err(ReadError::Binary {
            location: Location::at(path, line, column),
            offset,
        });
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let (front_matter, body) = front_matter(path, text)?;
    if text[body..].trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(Document {
        path: path.to_path_buf(),
        text: text.to_owned(),
        sha256,
        front_matter,
        body,
    })
}

/// The text of a PDF statement as normgraph reads it, and as its offsets count: the text of each
/// page (by the `pdf-extract` crate), pages joined by a form feed (`\u{c}`), so page *n* begins
/// after the (*n* − 1)th form feed; typographic ligatures (`ﬁ`, `ﬂ`, …) spelt out, NUL and other
/// control characters but line breaks, tabs and form feeds dropped. `normgraph text FILE.pdf`
/// prints it.
pub fn pdf_text(path: &Path, bytes: &[u8]) -> Result<String, ReadError> {
    // The PDF reader may panic on malformed input: a bad file is an error, not a crash.
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|panic| ReadError::Pdf {
            path: path.to_path_buf(),
            message: panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "the PDF reader failed".to_owned()),
        })?
        .map_err(|e| ReadError::Pdf {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
    let mut text = String::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            text.push('\u{c}');
        }
        for c in page.chars() {
            match c {
                '\u{fb00}' => text.push_str("ff"),
                '\u{fb01}' => text.push_str("fi"),
                '\u{fb02}' => text.push_str("fl"),
                '\u{fb03}' => text.push_str("ffi"),
                '\u{fb04}' => text.push_str("ffl"),
                '\u{fb05}' | '\u{fb06}' => text.push_str("st"),
                '\n' | '\t' | '\u{c}' => text.push(c),
                c if c.is_control() => {}
                c => text.push(c),
            }
        }
    }
    if text.trim().is_empty() {
        return Err(ReadError::PdfWithoutText {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

/// The page (1-based) at byte offset `at` of a text whose pages are separated by form feeds, or
/// `None` when the text has a single page.
pub fn page_at(text: &str, at: usize) -> Option<u32> {
    if !text.contains('\u{c}') {
        return None;
    }
    let before = text.get(..at).unwrap_or(text);
    u32::try_from(before.matches('\u{c}').count() + 1).ok()
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Converts byte offsets into character (Unicode scalar value) offsets in one text.
///
/// Keeps a checkpoint every 4 KiB so that each conversion counts at most 4 KiB of text.
#[derive(Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> CharIndex<'a> {
    const STEP: usize = 4096;

    /// Indexes a text.
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let mut next = Self::STEP;
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            if byte >= next {
                checkpoints.push((byte, chars));
                next = byte + Self::STEP;
            }
        }
        Self { text, checkpoints }
    }

    /// The character offset of a byte offset (which must be on a character boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b0, c0) = self.checkpoints[i];
        c0 + self.text.get(b0..byte).map_or(0, |s| s.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped_and_offsets_count_chars() {
        let doc = decode(Path::new("x.txt"), "\u{feff}é résolution".as_bytes()).expect("decodes");
        assert_eq!(doc.text, "é résolution");
        let idx = CharIndex::new(&doc.text);
        let b = doc.text.find("résolution").expect("present");
        assert_eq!(b, 3);
        assert_eq!(idx.char_offset(b), 2);
    }

    #[test]
    fn invalid_utf8_reports_line_and_column() {
        let err = decode(Path::new("bad.txt"), b"ok\nab\xffc").expect_err("invalid");
        let msg = err.to_string();
        assert!(msg.starts_with("bad.txt:2:3:"), "{msg}");
    }

    #[test]
    fn empty_and_nul_and_utf16_are_rejected() {
        assert!(matches!(
            decode(Path::new("e.txt"), b"  \n"),
            Err(ReadError::Empty { .. })
        ));
        assert!(matches!(
            decode(Path::new("n.txt"), b"a\0b"),
            Err(ReadError::Binary { .. })
        ));
        assert!(matches!(
            decode(Path::new("u.txt"), b"\xff\xfea\0"),
            Err(ReadError::Utf16 { .. })
        ));
    }

    #[test]
    fn char_index_across_checkpoints() {
        let text = "é".repeat(5000) + "x";
        let idx = CharIndex::new(&text);
        assert_eq!(idx.char_offset(text.len() - 1), 5000);
        assert_eq!(idx.char_offset(0), 0);
    }

    #[test]
    fn slugs_are_safe() {
        assert_eq!(slug_of(Path::new("a/IRN 67 (2012).txt")), "irn-67-2012-");
        assert_eq!(slug_of(Path::new("000_8e5a.txt")), "000_8e5a");
    }
}
