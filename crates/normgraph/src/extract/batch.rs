//! Many statements at once: the files under the paths a user gives, with the manifests that
//! apply, read and extracted on every core.
//!
//! [`plan`] lists the inputs (the files, the manifest row of each, the statement each becomes)
//! without reading any statement; [`extract_input`] reads one. The checks (two files that would
//! be the same statement, an unknown delegation in a manifest row) are reported in file order,
//! so the error reported for bad input is the same whatever the scheduling.

use super::{extract_all, Extraction};
use crate::error::{render, InputError, Location};
use crate::extract::lexicon::Lexicon;
use crate::source::manifest::{Manifest, ManifestRow, RowProblem};
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

/// One statement file to read.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as found (given, or under a given folder).
    pub file: PathBuf,
    /// Its canonical path (the path itself when it cannot be made canonical).
    pub canonical: PathBuf,
    /// The statement it becomes (from the file name: see [`reader::slug_of`]).
    pub slug: String,
    /// The manifest row that describes it, if any.
    pub row: Option<ManifestRow>,
}

/// The inputs of a batch, in file order.
#[derive(Debug, Default)]
pub struct Plan {
    /// The files to read.
    pub inputs: Vec<Input>,
    /// With `keep_going`: the bad inputs set aside (wrong manifest rows, unreadable paths,
    /// files that would be the same statement as an earlier one), one message each.
    pub failures: Vec<String>,
}

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

/// Lists the statement files under `paths` with the manifest rows that apply, reading no
/// statement. Without `keep_going` the first bad input is the error; with it, bad inputs are
/// returned as messages beside the good ones. Two files that would become the same statement
/// are an error (the same file reached twice is read once).
pub fn plan(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    keep_going: bool,
) -> Result<Plan, InputError> {
    let (manifest, problems) = load_manifests(paths, manifest, keep_going)?;
    let mut plan = Plan {
        failures: problems.iter().map(|p| p.error.to_string()).collect(),
        ..Plan::default()
    };
    let skipped: HashSet<&PathBuf> = problems.iter().filter_map(|p| p.file.as_ref()).collect();
    let mut files = Vec::new();
    if keep_going {
        for p in paths {
            match reader::collect_inputs(std::slice::from_ref(p)) {
                Ok(found) => files.extend(found),
                Err(e) => plan.failures.push(e.to_string()),
            }
        }
    } else {
        files = reader::collect_inputs(paths)?;
    }
    let mut slugs: HashMap<String, PathBuf> = HashMap::new();
    for file in files {
        let canonical = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
        if skipped.contains(&canonical) {
            continue;
        }
        let slug = reader::slug_of(&file);
        if let Some(other) = slugs.get(&slug) {
            if *other == canonical {
                continue;
            }
            let e = InputError::DuplicateStatement {
                first: other.clone(),
                second: canonical,
                slug,
            };
            if keep_going {
                plan.failures.push(render(&e));
                continue;
            }
            return Err(e);
        }
        slugs.insert(slug.clone(), canonical.clone());
        let row = manifest.row(&file).cloned();
        plan.inputs.push(Input {
            file,
            canonical,
            slug,
            row,
        });
    }
    Ok(plan)
}

/// Reads (from `bytes`, the file's content) and extracts one input: its statements, one per
/// delegation's turn for a verbatim record (none when only a presiding officer speaks).
pub fn extract_input(
    input: &Input,
    bytes: &[u8],
    lexicon: &Lexicon,
) -> Result<Vec<Extraction>, InputError> {
    let doc = reader::decode(&input.file, bytes)?;
    extract_all(&doc, lexicon, input.row.as_ref()).map_err(|u| InputError::UnknownDelegation {
        location: Location::line(&u.manifest, u.line as usize),
        value: u.value,
    })
}

/// Reads one input's bytes.
pub fn read_bytes(input: &Input) -> Result<Vec<u8>, InputError> {
    std::fs::read(&input.file).map_err(|source| {
        InputError::Read(crate::error::ReadError::Io {
            path: input.file.clone(),
            source,
        })
    })
}

/// Reads and extracts every statement file under `paths`. Without `keep_going` the first bad
/// input is the error; with it, the bad inputs are returned as messages beside the extractions
/// of the good ones. `warn` hears, in file order, of inputs that were read but gave no
/// statement (a record with no delegate's turn).
pub fn read_and_extract(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    lexicon: &Lexicon,
    keep_going: bool,
    warn: &mut dyn FnMut(&str),
) -> Result<Batch, InputError> {
    let plan = plan(paths, manifest, keep_going)?;
    let mut batch = Batch {
        failures: plan.failures,
        ..Batch::default()
    };
    let read: Vec<Result<Vec<Extraction>, InputError>> = plan
        .inputs
        .par_iter()
        .map(|input| extract_input(input, &read_bytes(input)?, lexicon))
        .collect();
    for (result, input) in read.into_iter().zip(&plan.inputs) {
        match result {
            Ok(extractions) => {
                if extractions.is_empty() {
                    warn(&no_turn_warning(input));
                }
                for ex in extractions.iter().filter(|e| undelegated_turn(e)) {
                    warn(&undelegated_turn_warning(input, ex));
                }
                batch.extractions.extend(extractions);
            }
            Err(e) if keep_going => batch.failures.push(render(&e)),
            Err(e) => return Err(e),
        }
    }
    Ok(batch)
}

/// A turn of a record whose delegation cannot be told (no heading, floor or opening names one)
/// and whose speaker has no role: kept as a statement without a delegation.
pub fn undelegated_turn(ex: &Extraction) -> bool {
    ex.statement.contains("/turn/") && ex.delegation.is_none() && ex.speaker_role.is_none()
}

/// The warning for such a turn.
pub fn undelegated_turn_warning(input: &Input, ex: &Extraction) -> String {
    let turn = ex.statement.rsplit('/').next().unwrap_or("");
    format!(
        "{}: turn {turn}{}: whose delegation this is cannot be told; kept without a delegation",
        input.file.display(),
        ex.speaker
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default()
    )
}

/// The warning for a file that was read but gave no statement.
pub fn no_turn_warning(input: &Input) -> String {
    // Only a presiding officer's turns: nothing a delegation said.
    format!(
        "{}: a record with no delegate's turn; no statement",
        input.file.display()
    )
}
