//! `normgraph catalogue import`: the UN Digital Library's records of resolutions (MARC 21 XML)
//! into the catalogue graph.
//!
//! The catalogue graph completes the curated reference data (`data/reference/resolutions.ttl`,
//! every fact verified by hand) with what a scholar imports for their own corpus. The curated
//! facts win: an import adds only the fields the reference data lacks, and says where a record
//! disagrees with it. Importing a resolution again replaces what an earlier import said about
//! it. The whole file goes in one transaction, or nothing does.

use super::{derived_graphs, rebuild_shared, storage_error};
use crate::error::{CatalogueError, ResourceError};
use crate::rdf::catalogue::{self, Entry, Known};
use crate::rdf::resources::{resource_quads, Resources};
use crate::rdf::vocab::{self, DCTERMS};
use crate::source::{file, marc};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, QuadRef, Term};
use oxigraph::store::Store;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// What an import did.
#[derive(Debug, Default)]
pub struct Imported {
    /// Resolutions described by the file.
    pub resolutions: usize,
    /// Triples written into the catalogue graph.
    pub triples: usize,
    /// Records of other documents, passed over (their symbols).
    pub other_documents: Vec<String>,
    /// Bad records left out (`keep_going`), each with its position.
    pub skipped: Vec<CatalogueError>,
    /// Disagreements with the curated reference data or between records, and votes that could
    /// not be linked to a State.
    pub notes: Vec<String>,
    /// Triples of the inferred graph dropped as stale.
    pub inferred_cleared: usize,
}

/// Imports the MARC 21 XML file at `file` into the store. Bad records are errors (the store is
/// left as it was) unless `keep_going`, when they are left out and listed.
pub fn import(
    store: &Store,
    path: &Path,
    resources: &Resources,
    file: &Path,
    keep_going: bool,
) -> Result<Imported, CatalogueError> {
    let text = file::read_text(file)?;
    let records = marc::read(file, &text)?;
    let found = catalogue::entries(&records, keep_going)?;
    let reference = Reference::read(resources)?;
    let mut imported = Imported {
        resolutions: found.entries.len(),
        other_documents: found.other_documents,
        skipped: found.skipped,
        notes: found.notes,
        ..Imported::default()
    };
    let graph = NamedNode::new_unchecked(vocab::catalogue_graph());
    let err = |e| CatalogueError::Store(storage_error(path, e));
    let derived = derived_graphs(store).map_err(err)?;
    let mut tx = store.start_transaction().map_err(err)?;
    for entry in &found.entries {
        let node = NamedNode::new_unchecked(vocab::un_document(&entry.symbol));
        let old: Vec<_> = tx
            .quads_for_pattern(
                Some(node.as_ref().into()),
                None,
                None,
                Some(graph.as_ref().into()),
            )
            .collect::<Result<_, _>>()
            .map_err(err)?;
        for q in &old {
            tx.remove(q);
        }
        let (triples, notes) = reference.triples(entry);
        imported.notes.extend(notes);
        for t in &triples {
            tx.insert(QuadRef::new(&t.subject, &t.predicate, &t.object, &graph));
        }
        imported.triples += triples.len();
    }
    tx.insert_named_graph(&graph);
    for g in &derived.graphs {
        tx.remove_named_graph(g).map_err(err)?;
    }
    tx.commit().map_err(err)?;
    imported.inferred_cleared = derived.inferred_triples;
    rebuild_shared(store, path)?;
    Ok(imported)
}

/// The IRIs the catalogue graph describes (with a `dcterms:identifier`): the shared graph need
/// not describe them again.
pub fn described(store: &Store) -> Result<HashSet<String>, oxigraph::store::StorageError> {
    let identifier = NamedNode::new_unchecked(format!("{DCTERMS}identifier"));
    let graph = NamedNode::new_unchecked(vocab::catalogue_graph());
    let mut out = HashSet::new();
    for q in store.quads_for_pattern(
        None,
        Some(identifier.as_ref()),
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        if let NamedOrBlankNode::NamedNode(n) = q?.subject {
            out.insert(n.into_string());
        }
    }
    Ok(out)
}

/// What the curated reference data says that an import must not repeat or contradict.
struct Reference {
    /// Resolution IRI → what is known about it.
    known: HashMap<String, Known>,
    /// State code → State IRI.
    states: HashMap<String, String>,
}

impl Reference {
    fn read(resources: &Resources) -> Result<Self, ResourceError> {
        let quads = resource_quads(&resources.reference()?, &vocab::reference_graph())?;
        let identifier = format!("{DCTERMS}identifier");
        let title = format!("{DCTERMS}title");
        let date = format!("{DCTERMS}date");
        let code = vocab::ng("iso3166Alpha3");
        let mut known: HashMap<String, Known> = HashMap::new();
        let mut states = HashMap::new();
        for q in &quads {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else {
                continue;
            };
            let Term::Literal(value) = &q.object else {
                continue;
            };
            let p = q.predicate.as_str();
            if p == code {
                states.insert(value.value().to_owned(), s.as_str().to_owned());
                continue;
            }
            if p != identifier && p != title && p != date {
                continue;
            }
            let entry = known.entry(s.as_str().to_owned()).or_default();
            if p == identifier {
                entry.described = true;
            } else if p == title {
                entry.title = Some(value.value().to_owned());
            } else {
                entry.date = Some(value.value().to_owned());
            }
        }
        Ok(Self { known, states })
    }

    fn triples(&self, entry: &Entry) -> (Vec<oxigraph::model::Triple>, Vec<String>) {
        let iri = vocab::un_document(&entry.symbol);
        let known = self.known.get(&iri).cloned().unwrap_or_default();
        catalogue::triples(entry, &known, &|code| self.states.get(code).cloned())
    }
}
