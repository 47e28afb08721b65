//! Many statements at once: the files under the paths a user gives, with the manifests that
//! apply, read and extracted on every core.
//!
//! The checks after extraction (two files that would be the same statement, an unknown
//! delegation in a manifest row) run in file order, so the error reported for bad input is the
//! same whatever the scheduling.

use super::{extract_all, Extraction};
use crate::error::{render, InputError, Location};
use crate::extract::lexicon::Lexicon;
use crate::source::manifest::{Manifest, RowProblem};
use crate::source::reader;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a batch gave.
#[derive(Debug, Default)]
pub struct Batch {
    /// The statements, in file order (a verbatim record gives one per delegation's turn).
    pub extractions: Vec<Extraction>,
    /// With `keep_going`: the bad inputs set aside, one message each.
    pub failures: Vec<String>,
}

/// One file read and extracted: its statement name, its canonical path and its statements.
type Read = (String, PathBuf, Vec<Extraction>);

/// The manifests that apply: a `manifest.csv` in each given folder (or beside each given file)
/// and the explicit one. With `keep_going`, wrong rows are set aside (returned, with the file
/// they name) instead of failing the run.
pub fn load_manifests(
    paths: &[PathBuf],
    explicit: Option<&Path>,
    keep_going: bool,
) -> Result<(Manifest, Vec<RowProblem>), InputError> {
    let mut manifest = Manifest::default();
    let mut problems = Vec::new();
    let mut candidates: Vec<PathBuf> = Vec::new();
    for p in paths {
        let dir = if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        let c = dir.join("manifest.csv");
        if c.is_file() && !candidates.contains(&c) {
            candidates.push(c);
        }
    }
    candidates.extend(explicit.map(Path::to_path_buf));
    for c in candidates {
        if keep_going {
            let (m, wrong) = Manifest::load_lenient(&c)?;
            manifest.merge(m);
            problems.extend(wrong);
        } else {
            manifest.merge(Manifest::load(&c)?);
        }
    }
    Ok((manifest, problems))
}

/// Reads and extracts every statement file under `paths`. Without `keep_going` the first bad
/// input is the error; with it, the bad inputs are returned as messages beside the extractions
/// of the good ones. `warn` hears, in file order and as they are found, of inputs that were read
/// but gave no statement (a record with no delegate's turn).
pub fn read_and_extract(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    lexicon: &Lexicon,
    keep_going: bool,
    warn: &mut dyn FnMut(&str),
) -> Result<Batch, InputError> {
    let (manifest, problems) = load_manifests(paths, manifest, keep_going)?;
    let mut batch = Batch {
        failures: problems.iter().map(|p| p.error.to_string()).collect(),
        ..Batch::default()
    };
    let skipped: HashSet<&PathBuf> = problems.iter().filter_map(|p| p.file.as_ref()).collect();
    let mut files = Vec::new();
    if keep_going {
        for p in paths {
            match reader::collect_inputs(std::slice::from_ref(p)) {
                Ok(found) => files.extend(found),
                Err(e) => batch.failures.push(e.to_string()),
            }
        }
    } else {
        files = reader::collect_inputs(paths)?;
    }
    files.retain(|f| {
        std::fs::canonicalize(f)
            .map(|c| !skipped.contains(&c))
            .unwrap_or(true)
    });
    let read: Vec<Result<Read, InputError>> = files
        .par_iter()
        .map(|file| {
            let doc = reader::read_document(file)?;
            let slug = doc.slug();
            let canonical = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
            let ex = extract_all(&doc, lexicon, manifest.row(file)).map_err(|u| {
                InputError::UnknownDelegation {
                    location: Location::line(&u.manifest, u.line as usize),
                    value: u.value,
                }
            })?;
            Ok((slug, canonical, ex))
        })
        .collect();
    let mut slugs: HashMap<String, PathBuf> = HashMap::new();
    for (result, file) in read.into_iter().zip(&files) {
        let checked = result.and_then(|(slug, canonical, extractions)| {
            if let Some(other) = slugs.get(&slug) {
                if *other != canonical {
                    return Err(InputError::DuplicateStatement {
                        first: other.clone(),
                        second: canonical,
                        slug,
                    });
                }
                return Ok(Vec::new());
            }
            slugs.insert(slug, canonical);
            Ok(extractions)
        });
        match checked {
            Ok(extractions) => {
                if extractions.is_empty() {
                    // Only a presiding officer's turns: nothing a delegation said.
                    warn(&format!(
                        "{}: a record with no delegate's turn; no statement",
                        file.display()
                    ));
                }
                batch.extractions.extend(extractions);
            }
            Err(e) if keep_going => batch.failures.push(render(&e)),
            Err(e) => return Err(e),
        }
    }
    Ok(batch)
}
