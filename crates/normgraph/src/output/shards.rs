//! N-Quads shards: statements extracted without a store, one N-Quads file per input, for a
//! corpus too large for one machine's store. Extraction runs wherever the files are (GNU
//! parallel, a batch scheduler: each job gets some of the files and the same output folder)
//! and a server store bulk-loads the folder (Virtuoso's `ld_dir` and `rdf_loader_run`,
//! `oxigraph load`). The recipe is in `docs/DEVELOPING.md`.
//!
//! [`write_shards`] writes, into one folder:
//! - `<slug>.nq` per input file: its statement graphs, and its part of the shared graph (the
//!   resolutions, instruments and sessions it names that the reference data does not
//!   describe; the union of every file's part is the shared graph `ingest` builds);
//! - `+resources.nq`: the ontology and reference graphs (the same for every job).
//!
//! What a store adds is not here: the scholar's corrections, the ledger, the inferred graph.
//! Two jobs given files of the same name in different folders both write `<slug>.nq`, the
//! later one winning, where `ingest` would refuse: give each job distinct file names.

use crate::error::{render, ShardError};
use crate::extract::batch::{self, Plan};
use crate::extract::lexicon::Lexicon;
use crate::rdf::model;
use crate::rdf::resources::{resource_quads, Resources};
use crate::rdf::vocab;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Quad;
use rayon::prelude::*;
use std::path::Path;

/// The shard of the ontology and reference graphs; a `+` is in no statement's slug, so no
/// input's shard can take its name.
pub const RESOURCES: &str = "+resources.nq";

/// Files extracted at a time (on every core).
const CHUNK: usize = 128;

/// What [`write_shards`] wrote.
#[derive(Debug, Default)]
pub struct Shards {
    /// Input files written as shards.
    pub files: usize,
    /// Statements in them.
    pub statements: usize,
    /// Quads written (resources included).
    pub quads: usize,
    /// With `keep_going`: the bad inputs set aside, one message each.
    pub failures: Vec<String>,
}

/// Writes `quads` as N-Quads to `path`, through a temporary file renamed into place, so that a
/// loader never sees half a file.
fn write_nquads(path: &Path, quads: &[Quad]) -> Result<(), ShardError> {
    let io = |source| ShardError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in quads {
        ser.serialize_quad(q).map_err(io)?;
    }
    let bytes = ser.finish().map_err(io)?;
    let tmp = path.with_extension("nq.partial");
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(e)
        })
}

/// Extracts the inputs of `plan` and writes them as N-Quads shards into `dir` (created if
/// needed; see the module's documentation). `progress` hears how many files are done, and of
/// inputs that gave no statement.
pub fn write_shards(
    dir: &Path,
    resources: &Resources,
    lexicon: &Lexicon,
    plan: Plan,
    keep_going: bool,
    warn: &mut dyn FnMut(&str),
) -> Result<Shards, ShardError> {
    std::fs::create_dir_all(dir).map_err(|source| ShardError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut fixed = resource_quads(&resources.ontology()?, &vocab::ontology_graph())?;
    let reference = resource_quads(&resources.reference()?, &vocab::reference_graph())?;
    let known = model::described(&reference);
    fixed.extend(reference);
    let mut shards = Shards {
        failures: plan.failures,
        quads: fixed.len(),
        ..Shards::default()
    };
    write_nquads(&dir.join(RESOURCES), &fixed)?;
    for chunk in plan.inputs.chunks(CHUNK) {
        let results: Vec<Result<(usize, usize), ShardError>> = chunk
            .par_iter()
            .map(|input| {
                let bytes = batch::read_bytes(input)?;
                let extractions = batch::extract_input(input, &bytes, lexicon)?;
                let mut quads: Vec<Quad> = extractions.iter().flat_map(model::quads).collect();
                let mut shared = model::SharedParts::default();
                shared.add(&quads);
                quads.extend(shared.quads(&known));
                write_nquads(&dir.join(format!("{}.nq", input.slug)), &quads)?;
                Ok((extractions.len(), quads.len()))
            })
            .collect();
        for (result, input) in results.into_iter().zip(chunk) {
            match result {
                Ok((statements, quads)) => {
                    if statements == 0 {
                        warn(&batch::no_turn_warning(input));
                    }
                    shards.files += 1;
                    shards.statements += statements;
                    shards.quads += quads;
                }
                Err(ShardError::Input(e)) if keep_going => shards.failures.push(render(&e)),
                Err(e) => return Err(e),
            }
        }
    }
    Ok(shards)
}
