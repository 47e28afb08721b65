//! The persistent store: an oxigraph RocksDB store on disk, one named graph per statement.
//!
//! `ingest` reads and checks every input before it writes anything, so bad input leaves the
//! store exactly as it was. Statement graphs the store does not have yet go in through
//! oxigraph's bulk loader, whose commit is atomic (a crash leaves all of them or none); graphs it
//! has with other quads are cleared and rewritten in the same transaction, in batches, so a crash
//! leaves each statement old or new in full; graphs whose quads are unchanged are not touched.
//! Other writes (`infer`, `--write-back`) are transactions.

pub mod corrections;

use crate::error::{ResourceError, StoreError};
use crate::extract::Extraction;
use crate::rdf::model;
use crate::rdf::resources::Resources;
use crate::rdf::vocab;
use corrections::Corrections;
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, Triple,
};
use oxigraph::store::{StorageError, Store};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The default store folder.
pub const DEFAULT_STORE: &str = "normgraph-store";

/// Changed statements replaced per transaction, and statements between progress reports.
const BATCH: usize = 256;

/// The bulk loader's memory target: keeps a whole-corpus ingest well under 1 GB.
const BULK_LOAD_MEGABYTES: usize = 256;

fn storage_error(path: &Path, source: StorageError) -> StoreError {
    let text = source.to_string();
    if text.contains("lock") || text.contains("Resource temporarily unavailable") {
        StoreError::Locked(path.to_path_buf())
    } else if text.contains("Corruption")
        || text.contains("does not exist")
        || text.contains("Invalid argument")
    {
        StoreError::NotAStore(path.to_path_buf())
    } else {
        StoreError::Storage {
            path: path.to_path_buf(),
            source,
        }
    }
}

fn looks_like_store(path: &Path) -> bool {
    path.join("CURRENT").is_file()
}

/// Opens an existing store; never creates one.
pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
    if !path.exists() {
        return Err(StoreError::Missing(path.to_path_buf()));
    }
    if !path.is_dir() || !looks_like_store(path) {
        return Err(StoreError::NotAStore(path.to_path_buf()));
    }
    open_rocksdb(path)
}

/// Opens a store, creating it if the folder does not exist or is empty.
pub fn open_or_create(path: &Path) -> Result<Store, StoreError> {
    if path.exists() {
        let empty = path.is_dir()
            && std::fs::read_dir(path)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
        if !empty && !looks_like_store(path) {
            return Err(StoreError::NotAStore(path.to_path_buf()));
        }
    }
    open_rocksdb(path)
}

#[cfg(feature = "rocksdb")]
fn open_rocksdb(path: &Path) -> Result<Store, StoreError> {
    Store::open(path).map_err(|e| storage_error(path, e))
}

#[cfg(not(feature = "rocksdb"))]
fn open_rocksdb(path: &Path) -> Result<Store, StoreError> {
    Err(StoreError::NoPersistentStore(path.to_path_buf()))
}

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
    let retracted = Retracted::new(corrections::stored_retractions(store, path)?).map_err(err)?;
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

/// Rebuilds the shared graph from what the statement graphs cite and where they were delivered.
pub fn rebuild_shared(store: &Store, path: &Path) -> Result<(), StoreError> {
    let err = |e| storage_error(path, e);
    // The objects of `predicate` that the reference data does not describe (no identifier).
    let unknown_objects = |predicate: &str| -> Result<Vec<String>, StoreError> {
        let identifier = NamedNode::new_unchecked(format!("{}identifier", vocab::DCTERMS));
        let reference = NamedNode::new_unchecked(vocab::reference_graph());
        let predicate = NamedNode::new_unchecked(vocab::ng(predicate));
        let mut out = std::collections::BTreeSet::new();
        for q in store.quads_for_pattern(None, Some(predicate.as_ref()), None, None) {
            if let Term::NamedNode(r) = q.map_err(err)?.object {
                let known = store
                    .quads_for_pattern(
                        Some(r.as_ref().into()),
                        Some(identifier.as_ref()),
                        None,
                        Some(reference.as_ref().into()),
                    )
                    .next()
                    .is_some();
                if !known {
                    out.insert(r.into_string());
                }
            }
        }
        Ok(out.into_iter().collect())
    };
    let cited = unknown_objects("citedResolution")?;
    let instruments = unknown_objects("referencedInstrument")?;
    let at = NamedNode::new_unchecked(vocab::ng("deliveredAt"));
    let mut sessions = std::collections::BTreeSet::new();
    for q in store.quads_for_pattern(None, Some(at.as_ref()), None, None) {
        if let Term::NamedNode(s) = q.map_err(err)?.object {
            if let Some((body, n)) = s.as_str().rsplit_once("/session/") {
                if let Ok(n) = n.parse::<u32>() {
                    sessions.insert((body.to_owned(), n));
                }
            }
        }
    }
    let sessions: Vec<(String, u32)> = sessions.into_iter().collect();
    let quads = model::shared_quads(&cited, &instruments, &sessions);
    let graph = vocab::shared_graph();
    let g = NamedNodeRef::new_unchecked(&graph);
    let mut tx = store.start_transaction().map_err(err)?;
    tx.clear_graph(g).map_err(err)?;
    tx.extend(quads.iter());
    tx.insert_named_graph(g);
    tx.commit().map_err(err)
}

/// The named graphs in the store with their sizes, sorted by IRI.
pub fn graphs(store: &Store, path: &Path) -> Result<Vec<(String, usize)>, StoreError> {
    let err = |e| storage_error(path, e);
    let mut out = Vec::new();
    for g in store.named_graphs() {
        let g = g.map_err(err)?;
        let name = g.to_string();
        let n = store
            .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
            .count();
        out.push((name.trim_matches(['<', '>']).to_owned(), n));
    }
    out.sort();
    Ok(out)
}

/// Every triple in the store outside the inferred graph (the asserted facts), duplicates
/// across graphs included once by the caller's index.
pub fn asserted_triples(store: &Store, path: &Path) -> Result<Vec<Triple>, StoreError> {
    let err = |e| storage_error(path, e);
    let inferred = vocab::inferred_graph();
    let mut out = Vec::new();
    for q in store.iter() {
        let q = q.map_err(err)?;
        if let GraphName::NamedNode(g) = &q.graph_name {
            if g.as_str() == inferred {
                continue;
            }
        }
        out.push(Triple::from(q));
    }
    Ok(out)
}

/// Replaces the inferred graph with the given triples, in one transaction.
pub fn replace_inferred(store: &Store, path: &Path, triples: &[Triple]) -> Result<(), StoreError> {
    replace_graph(store, path, &vocab::inferred_graph(), triples)
}

/// Replaces one named graph with the given triples, in one transaction: readers see the old
/// graph or the new one, never a mix.
pub fn replace_graph(
    store: &Store,
    path: &Path,
    graph: &str,
    triples: &[Triple],
) -> Result<(), StoreError> {
    let err = |e| storage_error(path, e);
    let g = NamedNodeRef::new_unchecked(graph);
    let mut tx = store.start_transaction().map_err(err)?;
    tx.clear_graph(g).map_err(err)?;
    for t in triples {
        tx.insert(oxigraph::model::QuadRef::new(
            &t.subject,
            &t.predicate,
            &t.object,
            g,
        ));
    }
    tx.insert_named_graph(g);
    tx.commit().map_err(err)
}

/// The graphs derived from the statements, stale as soon as a statement or correction changes:
/// what the rules derived (run `infer` again) and the scores analyses wrote back (run
/// `analyze … --write-back` again).
struct DerivedGraphs {
    /// The inferred graph (when the store has one) and every analysis graph.
    graphs: Vec<NamedNode>,
    /// Triples in the inferred graph.
    inferred_triples: usize,
}

/// Lists the derived graphs in the store; every write that changes asserted facts drops them
/// (the one "invalidate derived graphs" step of [`ingest`] and [`apply_corrections`]).
fn derived_graphs(store: &Store) -> Result<DerivedGraphs, StorageError> {
    let mut out = DerivedGraphs {
        graphs: Vec::new(),
        inferred_triples: 0,
    };
    let inferred = NamedNode::new_unchecked(vocab::inferred_graph());
    if store.contains_named_graph(&inferred)? {
        out.inferred_triples = store
            .quads_for_pattern(None, None, None, Some(inferred.as_ref().into()))
            .count();
        out.graphs.push(inferred);
    }
    let analysis_prefix = vocab::analysis_graph("");
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = g? {
            if n.as_str().starts_with(&analysis_prefix) {
                out.graphs.push(n);
            }
        }
    }
    Ok(out)
}

/// What [`apply_corrections`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Triples now in the corrections graph.
    pub stored: usize,
    /// Facts retracted.
    pub retractions: usize,
    /// Quads removed from statement graphs.
    pub removed: usize,
    /// Triples of the inferred graph dropped as stale.
    pub inferred_cleared: usize,
    /// Retractions that matched no fact in the store (perhaps a typo, or a statement not
    /// ingested yet: ingest will still honour them).
    pub unmatched: Vec<Triple>,
}

/// Replaces the corrections graph with `corrections` and removes the retracted facts from every
/// other graph except the ontology and reference data, in one transaction. The inferred graph is
/// dropped (stale).
pub fn apply_corrections(
    store: &Store,
    path: &Path,
    corrections: &Corrections,
) -> Result<Applied, StoreError> {
    let err = |source| StoreError::Storage {
        path: path.to_path_buf(),
        source,
    };
    let graph = NamedNode::new_unchecked(vocab::corrections_graph());
    let kept: HashSet<String> = [
        vocab::corrections_graph(),
        vocab::ontology_graph(),
        vocab::reference_graph(),
    ]
    .into_iter()
    .collect();
    let mut doomed: Vec<Quad> = Vec::new();
    let mut unmatched = Vec::new();
    for t in &corrections.retractions {
        let before = doomed.len();
        for q in store.quads_for_pattern(
            Some(t.subject.as_ref()),
            Some(t.predicate.as_ref()),
            Some(t.object.as_ref()),
            None,
        ) {
            let q = q.map_err(err)?;
            let keep = match q.graph_name.as_ref() {
                GraphNameRef::NamedNode(g) => kept.contains(g.as_str()),
                _ => false,
            };
            if !keep {
                doomed.push(q);
            }
        }
        if doomed.len() == before {
            unmatched.push(t.clone());
        }
    }
    let derived = derived_graphs(store).map_err(err)?;
    let mut tx = store.start_transaction().map_err(err)?;
    tx.clear_graph(NamedNodeRef::from(&graph)).map_err(err)?;
    tx.extend(corrections.quads.iter());
    tx.insert_named_graph(&graph);
    for q in &doomed {
        tx.remove(q);
    }
    for g in &derived.graphs {
        tx.remove_named_graph(g).map_err(err)?;
    }
    tx.commit().map_err(err)?;
    rebuild_shared(store, path)?;
    Ok(Applied {
        stored: corrections.quads.len(),
        retractions: corrections.retractions.len(),
        removed: doomed.len(),
        inferred_cleared: derived.inferred_triples,
        unmatched,
    })
}
