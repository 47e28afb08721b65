//! Ingest: statements into the store, all or nothing for bad input.
//!
//! [`ingest`] is given extractions that were all read and checked before (see
//! [`extract::batch`](crate::extract::batch)), so bad input leaves the store exactly as it was.
//! Statement graphs the store does not have yet go in through oxigraph's bulk loader, whose
//! commit is atomic (a crash leaves all of them or none); graphs it has with other quads are
//! cleared and rewritten in transactions, in batches, so a crash leaves each statement old or
//! new in full; graphs whose quads are unchanged are not touched.

use super::{derived_graphs, rebuild_shared, storage_error};
use crate::error::{ResourceError, StoreError};
use crate::extract::Extraction;
use crate::rdf::model;
use crate::rdf::resources::Resources;
use crate::rdf::vocab;
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Triple,
};
use oxigraph::store::{StorageError, Store};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Changed statements replaced per transaction, and statements between progress reports.
const BATCH: usize = 256;

/// The bulk loader's memory target: keeps a whole-corpus ingest well under 1 GB.
const BULK_LOAD_MEGABYTES: usize = 256;

/// What an ingest wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestSummary {
    /// Statements given to the ingest.
    pub documents: usize,
    /// Of those, statements whose graph already held exactly these quads (left as they were).
    pub unchanged: usize,
    /// Quads written for the statements.
    pub statement_quads: usize,
    /// Quads written for the ontology and reference data (0 when they were unchanged).
    pub reference_quads: usize,
    /// Quads in the store afterwards.
    pub total_quads: usize,
    /// Triples of the inferred graph dropped because the statements changed.
    pub inferred_cleared: usize,
}

/// The facts the scholar's corrections retract, kept in an in-memory store so that they are
/// compared as oxigraph keeps terms (typed literals by value).
struct Retracted(Option<Store>);

impl Retracted {
    fn new(triples: HashSet<Triple>) -> Result<Self, StorageError> {
        if triples.is_empty() {
            return Ok(Self(None));
        }
        let scratch = Store::new()?;
        scratch.extend(
            triples
                .into_iter()
                .map(|t| t.in_graph(GraphName::DefaultGraph)),
        )?;
        Ok(Self(Some(scratch)))
    }

    fn contains(&self, q: &Quad) -> bool {
        self.0.as_ref().is_some_and(|s| {
            s.contains(oxigraph::model::QuadRef::new(
                &q.subject,
                &q.predicate,
                &q.object,
                GraphNameRef::DefaultGraph,
            ))
            .unwrap_or(false)
        })
    }
}

/// The quads of a statement as ingest writes them: what the model says, less the facts the
/// scholar's corrections retract (see [`crate::store::corrections`]).
fn statement_quads(ex: &Extraction, retracted: &Retracted) -> Vec<Quad> {
    let mut quads = model::quads(ex);
    if retracted.0.is_some() {
        quads.retain(|q| !retracted.contains(q));
    }
    quads
}

/// The graph of a statement without the `/turn/NN` of a verbatim record's turn: all the graphs
/// one file gives share it (slugs have no `/`, so this cannot mix files up).
fn family(graph: &str) -> &str {
    graph.split_once("/turn/").map_or(graph, |(head, _)| head)
}

/// Whether the named graph `graph` exists and holds exactly `quads`, compared as the store
/// keeps them (oxigraph stores typed literals by value: `"5"^^xsd:nonNegativeInteger` comes back
/// as `"5"^^xsd:integer`), so the new quads go through an in-memory store first.
fn holds_exactly(
    store: &Store,
    graph: NamedNodeRef<'_>,
    quads: &[Quad],
) -> Result<bool, StorageError> {
    if !store.contains_named_graph(graph)? {
        return Ok(false);
    }
    let scratch = Store::new()?;
    scratch.extend(quads.iter().cloned())?;
    let new: HashSet<Quad> = scratch.iter().collect::<Result<_, _>>()?;
    let mut stored = 0usize;
    for q in store.quads_for_pattern(None, None, None, Some(graph.into())) {
        if !new.contains(&q?) {
            return Ok(false);
        }
        stored += 1;
    }
    Ok(stored == new.len())
}

/// Writes the ontology, reference data and the given statements into the store, replacing
/// their graphs. `progress` is called from time to time with the number of statements done.
///
/// A graph that already holds exactly the quads it would be given is left alone, so a
/// re-ingest writes only what changed (the check itself extracts and compares every statement
/// again: on the whole corpus it takes about as long as a fresh ingest). New graphs are bulk-loaded in one atomic
/// commit; changed ones are replaced in transactions of `BATCH` statements. When anything
/// changed, the inferred graph and the scores analyses wrote back are dropped (they are stale).
pub fn ingest(
    store: &Store,
    path: &Path,
    resources: &Resources,
    extractions: &[Extraction],
    mut progress: impl FnMut(usize),
) -> Result<IngestSummary, StoreError> {
    let load = |e: ResourceError| StoreError::Load {
        path: PathBuf::from("resources"),
        message: e.to_string(),
    };
    let ontology = crate::rdf::resources::resource_quads(
        &resources.ontology().map_err(load)?,
        &vocab::ontology_graph(),
    )
    .map_err(load)?;
    let reference = crate::rdf::resources::resource_quads(
        &resources.reference().map_err(load)?,
        &vocab::reference_graph(),
    )
    .map_err(load)?;
    let err = |e| storage_error(path, e);
    let retracted =
        Retracted::new(super::corrections::stored_retractions(store, path)?).map_err(err)?;
    let mut summary = IngestSummary {
        documents: extractions.len(),
        ..IngestSummary::default()
    };
    // 1. What changed. `New`: graphs the store does not have (bulk-loaded); `Changed`: graphs
    //    it has with other quads (replaced in transactions); the rest is left alone.
    #[derive(Clone, Copy, PartialEq)]
    enum Change {
        New,
        Changed,
        Same,
    }
    let mut fixed_new: Vec<Quad> = Vec::new();
    let mut fixed_changed: Vec<(NamedNode, Vec<Quad>)> = Vec::new();
    for (graph, quads) in [
        (vocab::ontology_graph(), ontology),
        (vocab::reference_graph(), reference),
    ] {
        let g = NamedNode::new_unchecked(graph);
        if !holds_exactly(store, g.as_ref(), &quads).map_err(err)? {
            summary.reference_quads += quads.len();
            if store.contains_named_graph(&g).map_err(err)? {
                fixed_changed.push((g, quads));
            } else {
                fixed_new.extend(quads);
            }
        }
    }
    // For each statement: whether its graph exists, and whether it holds these very quads
    // (checked on every core: reading back the whole corpus is the cost of a re-ingest).
    let changes: Vec<Change> = extractions
        .par_iter()
        .map(|ex| {
            let g = NamedNodeRef::new_unchecked(&ex.graph);
            Ok(if !store.contains_named_graph(g)? {
                Change::New
            } else if holds_exactly(store, g, &statement_quads(ex, &retracted))? {
                Change::Same
            } else {
                Change::Changed
            })
        })
        .collect::<Result<_, StorageError>>()
        .map_err(err)?;
    summary.unchanged = changes.iter().filter(|c| **c == Change::Same).count();
    // Graphs the same files gave before and do not give now (a record that lost a turn, or was
    // one statement before it was split into turns).
    let families: HashSet<&str> = extractions.iter().map(|ex| family(&ex.graph)).collect();
    let current: HashSet<&str> = extractions.iter().map(|ex| ex.graph.as_str()).collect();
    let statement_prefix = vocab::statement_graph("");
    let mut stale: Vec<NamedNode> = Vec::new();
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = g.map_err(err)? {
            if n.as_str().starts_with(&statement_prefix)
                && families.contains(family(n.as_str()))
                && !current.contains(n.as_str())
            {
                stale.push(n);
            }
        }
    }
    if summary.reference_quads == 0 && summary.unchanged == extractions.len() && stale.is_empty() {
        // Nothing to write; the shared graph is rebuilt anyway, in case an earlier ingest was
        // stopped between its writes.
        rebuild_shared(store, path)?;
        progress(extractions.len());
        summary.total_quads = store.len().map_err(err)?;
        return Ok(summary);
    }
    // 2. Drop what is stale before writing, so that a run stopped half-way leaves nothing stale
    //    behind: the graphs above, what the rules derived (run `infer` again) and the scores
    //    analyses wrote back (run `analyze … --write-back` again).
    let derived = derived_graphs(store).map_err(err)?;
    summary.inferred_cleared = derived.inferred_triples;
    stale.extend(derived.graphs);
    for batch in stale.chunks(BATCH) {
        let mut tx = store.start_transaction().map_err(err)?;
        for g in batch {
            tx.remove_named_graph(g).map_err(err)?;
        }
        tx.commit().map_err(err)?;
    }
    // 3. New graphs through the bulk loader, whose commit is atomic: all of them are in the
    //    store afterwards, or none.
    let mut done = 0usize;
    let mut loader = store
        .bulk_loader()
        .with_max_memory_size_in_megabytes(BULK_LOAD_MEGABYTES);
    loader.load_quads(fixed_new).map_err(err)?;
    let new_quads = extractions
        .iter()
        .zip(&changes)
        .filter(|(_, c)| **c == Change::New)
        .flat_map(|(ex, _)| {
            done += 1;
            if done.is_multiple_of(BATCH) {
                progress(done);
            }
            let quads = statement_quads(ex, &retracted);
            summary.statement_quads += quads.len();
            quads
        });
    loader.load_quads(new_quads).map_err(err)?;
    loader.commit().map_err(err)?;
    // 4. Changed graphs: each cleared and rewritten in the same transaction, so a crash leaves
    //    every statement old or new in full.
    let changed: Vec<&Extraction> = extractions
        .iter()
        .zip(&changes)
        .filter(|(_, c)| **c == Change::Changed)
        .map(|(ex, _)| ex)
        .collect();
    if !fixed_changed.is_empty() {
        let mut tx = store.start_transaction().map_err(err)?;
        for (g, quads) in &fixed_changed {
            tx.clear_graph(g).map_err(err)?;
            tx.extend(quads.iter());
        }
        tx.commit().map_err(err)?;
    }
    for batch in changed.chunks(BATCH) {
        let mut tx = store.start_transaction().map_err(err)?;
        for ex in batch {
            let g = NamedNodeRef::new_unchecked(&ex.graph);
            tx.clear_graph(g).map_err(err)?;
            let quads = statement_quads(ex, &retracted);
            summary.statement_quads += quads.len();
            tx.extend(quads.iter());
        }
        tx.commit().map_err(err)?;
        done += batch.len();
        progress(done);
    }
    progress(extractions.len());
    rebuild_shared(store, path)?;
    summary.total_quads = store.len().map_err(err)?;
    Ok(summary)
}
