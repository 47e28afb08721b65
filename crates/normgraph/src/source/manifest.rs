//! Manifests: CSV files giving statement metadata, one row per file, overriding what is read from
//! the text.
//!
//! Columns (a header row names them; all but `file` optional, any order):
//! `file` (path relative to the manifest's folder), `delegation` (ISO 3166-1 alpha-3 code, group
//! code or any name the reference data knows), `speaker`, `speaker_role`, `date` (`YYYY-MM-DD`,
//! `YYYY-MM` or `YYYY`), `body` (slug under `id:body/`, e.g. `oewg-2021-2025`), `session` (number),
//! `venue`, `language` (BCP 47), `source_url`, `title`.
//! A folder given to `ingest` or `extract` that holds a `manifest.csv` uses it automatically.

use crate::error::{Location, ManifestError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One manifest row.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ManifestRow {
    /// The file, relative to the manifest's folder.
    pub file: String,
    /// Delegation code or name.
    pub delegation: Option<String>,
    /// Speaker's name.
    pub speaker: Option<String>,
    /// Speaker's post.
    pub speaker_role: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Body slug.
    pub body: Option<String>,
    /// Session number.
    pub session: Option<u32>,
    /// City.
    pub venue: Option<String>,
    /// Language tag.
    pub language: Option<String>,
    /// Where the statement was published.
    pub source_url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// 1-based line of the row in the manifest (for error messages).
    #[serde(skip)]
    pub line: u64,
    /// The manifest file the row comes from (for error messages).
    #[serde(skip)]
    pub manifest: PathBuf,
}

impl ManifestRow {
    /// The row's values (not where it stands), as one string: what an ingest remembers to tell
    /// whether a file's metadata changed since it was last read.
    pub fn fingerprint(&self) -> String {
        let fields = [
            &self.delegation,
            &self.speaker,
            &self.speaker_role,
            &self.date,
            &self.body,
            &self.session.map(|s| s.to_string()),
            &self.venue,
            &self.language,
            &self.source_url,
            &self.title,
        ];
        let mut out = String::new();
        for f in fields {
            // A field is its length and text, so no two rows share a fingerprint.
            match f {
                Some(v) => out.push_str(&format!("{}:{v};", v.len())),
                None => out.push_str("-;"),
            }
        }
        out
    }
}

/// A manifest: rows keyed by the canonical path of the file they describe.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    /// The manifest file.
    pub path: PathBuf,
    rows: HashMap<PathBuf, ManifestRow>,
}

impl Manifest {
    /// Reads a manifest; every row must name an existing file.
    pub fn load(path: &Path) -> Result<Self, ManifestError> {
        let text = crate::source::file::read_text(path)?;
        Self::from_bytes(path, text.as_bytes())
    }

    /// Parses a manifest's bytes; `path` names it and its folder anchors the rows' files. The
    /// first wrong row is an error.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Self, ManifestError> {
        let (manifest, mut problems) = Self::from_bytes_lenient(path, bytes)?;
        match problems.is_empty() {
            true => Ok(manifest),
            false => Err(problems.swap_remove(0).error),
        }
    }

    /// Reads a manifest file, setting wrong rows aside instead of failing on them (for
    /// `--keep-going`); a manifest that cannot be read or parsed at all is still an error.
    pub fn load_lenient(path: &Path) -> Result<(Self, Vec<RowProblem>), ManifestError> {
        let text = crate::source::file::read_text(path)?;
        Self::from_bytes_lenient(path, text.as_bytes())
    }

    /// Like [`Manifest::from_bytes`], but wrong rows are returned beside the good ones.
    pub fn from_bytes_lenient(
        path: &Path,
        bytes: &[u8],
    ) -> Result<(Self, Vec<RowProblem>), ManifestError> {
        let invalid = |line: u64, message: String| ManifestError::Invalid {
            location: Location::line(path, line as usize),
            message,
        };
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Err(e) = std::str::from_utf8(body) {
            let line = body[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
                + 1;
            return Err(invalid(line, "not valid UTF-8".into()));
        }
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(body);
        let headers = reader
            .headers()
            .map_err(|e| invalid(1, format!("bad header row: {e}")))?
            .clone();
        if !headers.iter().any(|h| h == "file") {
            return Err(invalid(1, "the header row has no `file` column".into()));
        }
        let base = path.parent().unwrap_or(Path::new("."));
        let mut rows = HashMap::new();
        let mut problems = Vec::new();
        for record in reader.records() {
            let record = match record {
                Ok(record) => record,
                Err(e) => {
                    // A malformed row (say, an unquoted comma): set aside like any wrong row.
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(RowProblem {
                        error: invalid(line, format!("bad CSV: {e}")),
                        file: None,
                    });
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            // The file the row names, when it exists, so that --keep-going can leave it out.
            let named = record
                .iter()
                .zip(headers.iter())
                .find(|(_, h)| *h == "file")
                .and_then(|(f, _)| (!f.is_empty()).then(|| base.join(f)))
                .and_then(|f| std::fs::canonicalize(f).ok());
            match Self::check_row(&record, &headers, line, base, path) {
                Ok((canonical, row)) => {
                    rows.insert(canonical, row);
                }
                Err(message) => problems.push(RowProblem {
                    error: invalid(line, message),
                    file: named,
                }),
            }
        }
        Ok((
            Self {
                path: path.to_path_buf(),
                rows,
            },
            problems,
        ))
    }

    /// Checks one row: the canonical path of its file and the row, or what is wrong with it.
    fn check_row(
        record: &csv::StringRecord,
        headers: &csv::StringRecord,
        line: u64,
        base: &Path,
        path: &Path,
    ) -> Result<(PathBuf, ManifestRow), String> {
        let mut row: ManifestRow = record
            .deserialize(Some(headers))
            .map_err(|e| format!("bad row: {e}"))?;
        row.line = line;
        check_values(&row)?;
        row.manifest = path.to_path_buf();
        if row.file.is_empty() {
            return Err("empty `file`".into());
        }
        let file = base.join(&row.file);
        let canonical = std::fs::canonicalize(&file)
            .map_err(|_| format!("names a missing file: {}", file.display()))?;
        Ok((canonical, row))
    }

    /// The row describing `file`, if any.
    pub fn row(&self, file: &Path) -> Option<&ManifestRow> {
        let canonical = std::fs::canonicalize(file).ok()?;
        self.rows.get(&canonical)
    }

    /// Adds the rows of another manifest.
    pub fn merge(&mut self, other: Manifest) {
        self.rows.extend(other.rows);
    }
}

/// Checks the values of a row (or of front matter): `body` is a slug, `date` a real date.
pub fn check_values(row: &ManifestRow) -> Result<(), String> {
    if let Some(b) = row.body.as_deref().filter(|b| !b.is_empty()) {
        if !b
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
        {
            return Err(format!(
                "`body` {b:?} is not a slug ([a-z0-9._-]+, e.g. oewg-2021-2025)"
            ));
        }
    }
    if let Some(u) = row.source_url.as_deref().filter(|u| !u.is_empty()) {
        let scheme_ok = ["http://", "https://", "urn:", "mailto:"]
            .iter()
            .any(|s| u.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)));
        if !scheme_ok {
            return Err(format!(
                "`source_url` {u:?} is not an http(s), urn or mailto address"
            ));
        }
    }
    if let Some(d) = row.date.as_deref().filter(|d| !d.is_empty()) {
        if !valid_date(d) {
            return Err(format!(
                "`date` {d:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
            ));
        }
    }
    Ok(())
}

impl ManifestRow {
    /// This row with every value `over` gives put in place of its own (a manifest row over a
    /// statement's front matter). Error positions follow the delegation's origin.
    pub fn overlay(&self, over: &ManifestRow) -> ManifestRow {
        let mut out = self.clone();
        let take = |mine: &mut Option<String>, theirs: &Option<String>| {
            if let Some(v) = theirs.as_deref().filter(|v| !v.is_empty()) {
                *mine = Some(v.to_owned());
            }
        };
        take(&mut out.delegation, &over.delegation);
        take(&mut out.speaker, &over.speaker);
        take(&mut out.speaker_role, &over.speaker_role);
        take(&mut out.date, &over.date);
        take(&mut out.body, &over.body);
        take(&mut out.venue, &over.venue);
        take(&mut out.language, &over.language);
        take(&mut out.source_url, &over.source_url);
        take(&mut out.title, &over.title);
        if over.session.is_some() {
            out.session = over.session;
        }
        if over.delegation.as_deref().is_some_and(|d| !d.is_empty()) || out.delegation.is_none() {
            out.line = over.line;
            out.manifest = over.manifest.clone();
        }
        out
    }
}

/// A wrong manifest row set aside by [`Manifest::load_lenient`].
#[derive(Debug)]
pub struct RowProblem {
    /// What is wrong, with the manifest's path and line.
    pub error: ManifestError,
    /// The statement file the row names, when it exists (left out of a `--keep-going` ingest).
    pub file: Option<PathBuf>,
}

/// Whether `d` is a real calendar date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => num(y, 4).is_some(),
        [y, m] => num(y, 4).is_some() && num(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, day] => {
            let (Some(y), Some(m), Some(day)) = (num(y, 4), num(m, 2), num(day, 2)) else {
                return false;
            };
            let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&day)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(valid_date("2020-02-29"));
        assert!(!valid_date("2021-02-29"));
        assert!(!valid_date("2021-13-01"));
        assert!(valid_date("2020-02"));
        assert!(valid_date("1965"));
        assert!(!valid_date("13 December 2021"));
    }
}
