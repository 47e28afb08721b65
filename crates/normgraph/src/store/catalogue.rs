//! `normgraph catalogue import`: the UN Digital Library's records of resolutions (MARC 21 XML)
//! into the catalogue graph.
//!
//! The catalogue graph completes the curated reference data (`data/reference/resolutions.ttl`,
//! every fact verified by hand) with what a scholar imports for their own corpus. The curated
//! facts win: an import adds only the fields the reference data lacks, and says where a record
//! disagrees with it. Importing a resolution again replaces what an earlier import said about
//! the same properties of it. The file is read and checked before the store is touched
//! ([`read`]); then it goes in one transaction, or nothing does ([`write`]).

use super::{derived_graphs, rebuild_shared, storage_error};
use crate::error::{CatalogueError, ResourceError};
use crate::rdf::catalogue::{self, Entries, Entry, Known};
use crate::rdf::resources::{resource_quads, Resources};
use crate::rdf::vocab::{self, DCTERMS};
use crate::source::{file, marc};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};
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

/// Reads and interprets the MARC 21 XML file at `file` (nothing touches a store yet): bad
/// records are errors unless `keep_going`, when they are left out and listed.
pub fn read(file: &Path, keep_going: bool) -> Result<Entries, CatalogueError> {
    let text = file::read_text(file)?;
    let records = marc::read(file, &text)?;
    catalogue::entries(&records, keep_going)
}

/// The properties an import states about a resolution's vote: an entry that gives a vote
/// replaces all of them (a State that voted otherwise before must not keep its old vote).
const VOTE_PROPERTIES: &[&str] = &[
    "adoptedWithoutVote",
    "votesInFavour",
    "votesAgainst",
    "abstentions",
    "nonVoting",
    "votingMembership",
    "inFavour",
    "against",
    "abstaining",
    "notVoting",
];

/// Writes what [`read`] found into the catalogue graph, in one transaction. For each resolution
/// the properties the new records give replace those an earlier import gave (another file's
/// other properties stay: a document export and a voting export complete each other). When
/// nothing changes, nothing is written and the derived graphs stay.
pub fn write(
    store: &Store,
    path: &Path,
    resources: &Resources,
    found: Entries,
) -> Result<Imported, CatalogueError> {
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
    let vote_properties: HashSet<String> = VOTE_PROPERTIES.iter().map(|p| vocab::ng(p)).collect();
    let mut tx = store.start_transaction().map_err(err)?;
    let mut changed = false;
    for entry in &found.entries {
        let node = NamedNode::new_unchecked(vocab::un_document(&entry.symbol));
        let (triples, notes) = reference.triples(entry);
        imported.notes.extend(notes);
        imported.triples += triples.len();
        let mut replaced: HashSet<String> = triples
            .iter()
            .map(|t| t.predicate.as_str().to_owned())
            .collect();
        if replaced.iter().any(|p| vote_properties.contains(p)) {
            replaced.extend(vote_properties.iter().cloned());
        }
        let old: HashSet<Quad> = tx
            .quads_for_pattern(
                Some(node.as_ref().into()),
                None,
                None,
                Some(graph.as_ref().into()),
            )
            .filter(|q| {
                q.as_ref()
                    .map_or(true, |q| replaced.contains(q.predicate.as_str()))
            })
            .collect::<Result<_, _>>()
            .map_err(err)?;
        let new: HashSet<Quad> = triples
            .into_iter()
            .map(|t| t.in_graph(graph.clone()))
            .collect();
        for q in old.difference(&new) {
            tx.remove(q);
            changed = true;
        }
        for q in new.difference(&old) {
            tx.insert(q);
            changed = true;
        }
    }
    if !changed {
        return Ok(imported);
    }
    tx.insert_named_graph(&graph);
    for g in &derived.graphs {
        tx.remove_named_graph(g).map_err(err)?;
    }
    tx.commit().map_err(err)?;
    imported.inferred_cleared = derived.inferred_triples;
    // The shared graph is derived (rebuilt by every ingest): it no longer describes what the
    // catalogue now does. Like `correct`, this runs after the commit.
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
