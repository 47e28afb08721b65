//! A scholar's corrections: facts to add and facts to retract, in one Turtle file.
//!
//! Every ordinary triple of the file is a fact to add. A fact to retract is written as a
//! reified statement typed `ng:Retraction`:
//!
//! ```turtle
//! [] a ng:Retraction ;
//!    rdf:subject <https://w3id.org/normgraph/id/statement/s1> ;
//!    rdf:predicate ng:cites ;
//!    rdf:object <https://undocs.org/A/RES/73/27> ;
//!    rdfs:comment "the speaker means the report, not the resolution" .
//! ```
//!
//! A retraction removes exactly the triple it names. A citation is written three ways (the
//! statement `ng:cites` the resolution, `ng:hasCitation` the citation, which has
//! `ng:citedResolution`): to take a citation out of every curated query, retract all three.
//! `correct` warns about retractions that match nothing in the store.
//!
//! `normgraph correct FILE` replaces the corrections graph with the file's triples (so the
//! additions, and the retraction records with their comments, are in the union every query
//! sees) and removes each retracted fact from every statement graph. `ingest` leaves the
//! corrections graph alone and filters the retracted facts out of what it writes, so a retracted
//! fact never comes back, however often its statement is re-ingested.

use crate::error::{CorrectionError, ResourceError, StoreError};
use crate::rdf::resources::resource_quads;
use crate::rdf::resources::ResourceFile;
use crate::rdf::vocab::{self, RDF};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::store::Store;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A corrections file, read and checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrections {
    /// Every triple of the file, as stored in the corrections graph.
    pub quads: Vec<Quad>,
    /// The facts it retracts.
    pub retractions: HashSet<Triple>,
}

fn bad(path: &Path, message: String) -> CorrectionError {
    CorrectionError::Invalid {
        path: path.to_path_buf(),
        message,
    }
}

/// Reads a corrections file (Turtle, UTF-8). Syntax errors name the line and column; a
/// retraction missing its subject, predicate or object, or with a literal subject, is an error.
pub fn read(path: &Path) -> Result<Corrections, CorrectionError> {
    let text = crate::source::file::read_text(path)?;
    let file = ResourceFile {
        name: path.display().to_string(),
        origin: PathBuf::from(path),
        text: text.into(),
    };
    let quads = resource_quads(&[file], &vocab::corrections_graph()).map_err(|e| match e {
        ResourceError::Syntax { location, message } => {
            CorrectionError::Syntax { location, message }
        }
        other => bad(path, other.to_string()),
    })?;
    let retractions =
        retractions_in(quads.iter().map(|q| Triple::from(q.clone()))).map_err(|m| bad(path, m))?;
    Ok(Corrections { quads, retractions })
}

/// The facts that the `ng:Retraction` records among `triples` retract.
fn retractions_in(triples: impl Iterator<Item = Triple>) -> Result<HashSet<Triple>, String> {
    let rdf = |l: &str| NamedNode::new_unchecked(format!("{RDF}{l}"));
    let (ty, subj, pred, obj) = (rdf("type"), rdf("subject"), rdf("predicate"), rdf("object"));
    let retraction = Term::NamedNode(NamedNode::new_unchecked(vocab::ng("Retraction")));
    let triples: Vec<Triple> = triples.collect();
    let mut out = HashSet::new();
    for record in triples
        .iter()
        .filter(|t| t.predicate == ty && t.object == retraction)
        .map(|t| &t.subject)
    {
        let name = record.to_string();
        let values = |p: &NamedNode| {
            let found: Vec<Term> = triples
                .iter()
                .filter(|t| &t.subject == record && &t.predicate == p)
                .map(|t| t.object.clone())
                .collect();
            found
        };
        let (s, p, o) = (values(&subj), values(&pred), values(&obj));
        if s.len() > 1 || p.len() > 1 || o.len() > 1 {
            return Err(format!(
                "the retraction {name} has more than one rdf:subject, rdf:predicate or rdf:object; write one retraction per fact"
            ));
        }
        let part = |v: Vec<Term>| v.into_iter().next();
        let (s, p, o) = (part(s), part(p), part(o));
        let (Some(s), Some(p), Some(o)) = (s, p, o) else {
            return Err(format!(
                "the retraction {name} needs rdf:subject, rdf:predicate and rdf:object"
            ));
        };
        let subject = match s {
            Term::NamedNode(n) => NamedOrBlankNode::NamedNode(n),
            Term::BlankNode(b) => NamedOrBlankNode::BlankNode(b),
            Term::Literal(_) => return Err(format!("the retraction {name} has a literal subject")),
            #[allow(unreachable_patterns)]
            _ => return Err(format!("the retraction {name} has an unusable subject")),
        };
        let Term::NamedNode(predicate) = p else {
            return Err(format!(
                "the retraction {name} needs an IRI as rdf:predicate"
            ));
        };
        out.insert(Triple::new(subject, predicate, o));
    }
    Ok(out)
}

/// The retractions recorded in the store's corrections graph (empty without one).
pub fn stored_retractions(store: &Store, path: &Path) -> Result<HashSet<Triple>, StoreError> {
    let graph = NamedNode::new_unchecked(vocab::corrections_graph());
    let triples: Vec<Triple> = store
        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
        .map(|q| q.map(Triple::from))
        .collect::<Result<_, _>>()
        .map_err(|source| StoreError::Storage {
            path: path.to_path_buf(),
            source,
        })?;
    retractions_in(triples.into_iter()).map_err(|message| StoreError::Load {
        path: path.to_path_buf(),
        message,
    })
}
