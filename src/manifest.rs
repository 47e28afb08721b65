//! Manifests: CSV files giving statement metadata, one row per file, overriding what is read from
//! the text.
//!
//! Columns (a header row names them; all but `file` optional, any order):
//! `file` (path relative to the manifest's folder), `delegation` (ISO 3166-1 alpha-3 code, group
//! code or any name the reference data knows), `speaker`, `speaker_role`, `date` (`YYYY-MM-DD`,
//! `YYYY-MM` or `YYYY`), `body` (slug under `id:body/`, e.g. `oewg-2021-2025`), `session` (number),
//! `venue`, `language` (BCP 47), `source_url`, `title`.
//! A folder given to `ingest` or `extract` that holds a `manifest.csv` uses it automatically.

use crate::error::ManifestError;
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
        let invalid = |line: u64, message: String| ManifestError::Invalid {
            path: path.to_path_buf(),
            line,
            message,
        };
        let bytes = std::fs::read(path).map_err(|e| invalid(0, format!("cannot read: {e}")))?;
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
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
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                invalid(line, format!("bad CSV: {e}"))
            })?;
            let line = record.position().map_or(0, |p| p.line());
            let mut row: ManifestRow = record
                .deserialize(Some(&headers))
                .map_err(|e| invalid(line, format!("bad row: {e}")))?;
            row.line = line;
            row.manifest = path.to_path_buf();
            if row.file.is_empty() {
                return Err(invalid(line, "empty `file`".into()));
            }
            let file = base.join(&row.file);
            let canonical = std::fs::canonicalize(&file)
                .map_err(|_| invalid(line, format!("names a missing file: {}", file.display())))?;
            rows.insert(canonical, row);
        }
        Ok(Self {
            path: path.to_path_buf(),
            rows,
        })
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
