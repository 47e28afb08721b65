//! The persistent store: an oxigraph RocksDB store on disk, one named graph per statement.
//!
//! [`ingest`] writes statements (bulk loader for new ones, transactions for changed ones);
//! [`corrections`] reads a scholar's corrections, which [`apply_corrections`] writes. Other
//! writes (`infer`, `--write-back`) replace one graph in a transaction ([`replace_graph`]). Every
//! write that changes asserted facts drops the derived graphs (the inferred graph, analysis
//! scores) in one step, `derived_graphs`.

pub mod catalogue;
pub mod corrections;
pub mod ingest;
pub mod ledger;

use crate::error::StoreError;
use crate::rdf::model;
use crate::rdf::vocab;
use corrections::Corrections;
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, Triple,
};
use oxigraph::store::{StorageError, Store};
use std::collections::HashSet;
use std::path::Path;

/// The default store folder.
pub const DEFAULT_STORE: &str = "normgraph-store";

pub(crate) fn storage_error(path: &Path, source: StorageError) -> StoreError {
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

/// How a store was opened for reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read-write, the lock held: nobody else writes while we read.
    Exclusive,
    /// Read-only beside another process that holds the store (such as `normgraph serve`): what
    /// the store held when it was opened; later writes by the other process are not seen.
    Beside,
}

/// Opens an existing store to read it: read-write when it is free, read-only beside the process
/// that holds it otherwise (RocksDB's read-only mode, which takes no lock).
pub fn open_for_reading(path: &Path) -> Result<(Store, Access), StoreError> {
    match open_existing(path) {
        Err(StoreError::Locked(_)) => open_read_only(path).map(|s| (s, Access::Beside)),
        other => other.map(|s| (s, Access::Exclusive)),
    }
}

#[cfg(feature = "rocksdb")]
fn open_read_only(path: &Path) -> Result<Store, StoreError> {
    Store::open_read_only(path).map_err(|e| storage_error(path, e))
}

#[cfg(not(feature = "rocksdb"))]
fn open_read_only(path: &Path) -> Result<Store, StoreError> {
    Err(StoreError::NoPersistentStore(path.to_path_buf()))
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

/// Rebuilds the shared graph from what the statement graphs cite and where they were delivered;
/// returns whether it changed.
pub fn rebuild_shared(store: &Store, path: &Path) -> Result<bool, StoreError> {
    let err = |e| storage_error(path, e);
    // The objects of `predicate` that the reference data does not describe (no identifier).
    let unknown_objects = |predicate: &str| -> Result<Vec<String>, StoreError> {
        let identifier = NamedNode::new_unchecked(format!("{}identifier", vocab::DCTERMS));
        let reference = NamedNode::new_unchecked(vocab::reference_graph());
        let predicate = NamedNode::new_unchecked(vocab::ng(predicate));
        let mut out = std::collections::BTreeSet::new();
        // Each object looked up once, though thousands of statements cite it.
        let mut seen: HashSet<NamedNode> = HashSet::new();
        for q in store.quads_for_pattern(None, Some(predicate.as_ref()), None, None) {
            if let Term::NamedNode(r) = q.map_err(err)?.object {
                if !seen.insert(r.clone()) {
                    continue;
                }
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
    let catalogued = catalogue::described(store).map_err(err)?;
    let cited: Vec<String> = unknown_objects("citedResolution")?
        .into_iter()
        .filter(|r| !catalogued.contains(r))
        .collect();
    let instruments = unknown_objects("referencedInstrument")?;
    let at = NamedNode::new_unchecked(vocab::ng("deliveredAt"));
    let mut sessions = std::collections::BTreeSet::new();
    for q in store.quads_for_pattern(None, Some(at.as_ref()), None, None) {
        if let Term::NamedNode(s) = q.map_err(err)?.object {
            if let Some(session) = model::session_of(s.as_str()) {
                sessions.insert(session);
            }
        }
    }
    let sessions: Vec<(String, u32)> = sessions.into_iter().collect();
    write_shared(
        store,
        path,
        model::shared_quads(&cited, &instruments, &sessions),
    )
}

/// Makes the shared graph hold `quads` (see [`rebuild_shared`]), writing only the difference;
/// returns whether there was one.
fn write_shared(store: &Store, path: &Path, quads: Vec<Quad>) -> Result<bool, StoreError> {
    let err = |e| storage_error(path, e);
    let graph = vocab::shared_graph();
    let g = NamedNodeRef::new_unchecked(&graph);
    // Only the difference is written (usually none after a small edit), compared as the
    // store keeps terms (through an in-memory store: typed literals are kept by value).
    let scratch = Store::new().map_err(err)?;
    scratch.extend(quads).map_err(err)?;
    let new: HashSet<Quad> = scratch.iter().collect::<Result<_, _>>().map_err(err)?;
    let old: HashSet<Quad> = store
        .quads_for_pattern(None, None, None, Some(g.into()))
        .collect::<Result<_, _>>()
        .map_err(err)?;
    if new == old && store.contains_named_graph(g).map_err(err)? {
        return Ok(false);
    }
    let mut tx = store.start_transaction().map_err(err)?;
    for q in old.difference(&new) {
        tx.remove(q);
    }
    for q in new.difference(&old) {
        tx.insert(q);
    }
    tx.insert_named_graph(g);
    tx.commit().map_err(err)?;
    Ok(true)
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
    asserted_triples_with(store, path, None)
}

/// A predicate with the objects wanted (`None`: any object).
pub type PredicatePattern = (NamedNode, Option<Vec<Term>>);

/// The asserted triples (see [`asserted_triples`]) that match one of `patterns` (all of them
/// for `None`): a predicate with the objects wanted (any object for `None`), each read from
/// the store's predicate–object index.
pub fn asserted_triples_with(
    store: &Store,
    path: &Path,
    patterns: Option<&[PredicatePattern]>,
) -> Result<Vec<Triple>, StoreError> {
    let err = |e| storage_error(path, e);
    let inferred = vocab::inferred_graph();
    let mut out = Vec::new();
    let quads: Box<dyn Iterator<Item = Result<Quad, StorageError>>> = match patterns {
        None => Box::new(store.iter()),
        Some(ps) => Box::new(ps.iter().flat_map(|(p, objects)| {
            let objects: Vec<Option<&Term>> = match objects {
                None => vec![None],
                Some(os) => os.iter().map(Some).collect(),
            };
            objects.into_iter().flat_map(move |o| {
                store.quads_for_pattern(None, Some(p.as_ref()), o.map(Term::as_ref), None)
            })
        })),
    };
    for q in quads {
        let q = q.map_err(err)?;
        if let GraphName::NamedNode(g) = &q.graph_name {
            if g.as_str() == inferred || ledger::is_ledger(g.as_ref()) {
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
pub(crate) struct DerivedGraphs {
    /// The inferred graph (when the store has one) and every analysis graph.
    pub(crate) graphs: Vec<NamedNode>,
    /// Triples in the inferred graph.
    pub(crate) inferred_triples: usize,
}

/// Lists the derived graphs in the store; every write that changes asserted facts drops them
/// (the one "invalidate derived graphs" step of [`ingest::ingest`] and [`apply_corrections`]).
pub(crate) fn derived_graphs(store: &Store) -> Result<DerivedGraphs, StorageError> {
    let mut out = DerivedGraphs {
        graphs: Vec::new(),
        inferred_triples: 0,
    };
    let inferred = NamedNode::new_unchecked(vocab::inferred_graph());
    if store.contains_named_graph(&inferred)? {
        // (Less the one triple naming the rules that derived them.)
        out.inferred_triples = store
            .quads_for_pattern(None, None, None, Some(inferred.as_ref().into()))
            .count()
            .saturating_sub(1);
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
