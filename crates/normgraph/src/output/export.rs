//! Exports of the store in every RDF syntax linked-data tools read.
//!
//! Output is sorted (graph, then subject, predicate, object), so two stores with the same content
//! export byte for byte the same. Dataset formats are written one graph at a time, so memory
//! holds one graph, not the store. Triple formats (Turtle, N-Triples, RDF/XML) hold one graph:
//! without `--graph` they receive the union of all graphs, duplicates removed; dataset formats
//! (TriG, N-Quads, JSON-LD) keep the named graphs.

use crate::error::ExportError;
use crate::query::with_prefixes;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad, Triple};
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::io::Write;

crate::choice_enum! {
    /// Export syntaxes.
    pub enum ExportFormat {
        /// Turtle.
        Turtle = "turtle",
        /// TriG (keeps named graphs).
        Trig = "trig",
        /// N-Triples.
        Ntriples = "ntriples",
        /// N-Quads (keeps named graphs).
        Nquads = "nquads",
        /// RDF/XML.
        Rdfxml = "rdfxml",
        /// JSON-LD (keeps named graphs).
        Jsonld = "jsonld",
    }
}

impl ExportFormat {
    fn rdf(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::Trig => RdfFormat::TriG,
            Self::Ntriples => RdfFormat::NTriples,
            Self::Nquads => RdfFormat::NQuads,
            Self::Rdfxml => RdfFormat::RdfXml,
            Self::Jsonld => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }
}

/// Writes the store (or one named graph) to `out`; returns the number of triples or quads.
pub fn export(
    store: &Store,
    format: ExportFormat,
    graph: Option<&str>,
    out: &mut impl Write,
) -> Result<usize, ExportError> {
    let graph = graph
        .map(|g| NamedNode::new(g).map_err(|_| ExportError::BadIri(g.to_owned())))
        .transpose()?;
    if let Some(g) = &graph {
        let known = store
            .contains_named_graph(g)
            .map_err(|e| ExportError::Io(std::io::Error::other(e)))?;
        if !known {
            return Err(ExportError::UnknownGraph(g.as_str().to_owned()));
        }
    }
    let storage = |e| ExportError::Io(std::io::Error::other(e));
    let rdf = format.rdf();
    let mut ser = with_prefixes(RdfSerializer::from_format(rdf)).for_writer(out);
    let io = |e: std::io::Error| ExportError::Io(e);
    if rdf.supports_datasets() {
        // One graph at a time, in the order of the graphs' names, so memory holds one graph.
        let mut graphs: Vec<GraphName> = match &graph {
            Some(g) => vec![g.clone().into()],
            None => {
                // Everything but ingest's bookkeeping (local paths and hashes).
                let mut all: Vec<GraphName> = store
                    .named_graphs()
                    .filter(|g| {
                        !matches!(g, Ok(oxigraph::model::NamedOrBlankNode::NamedNode(n))
                            if crate::store::ledger::is_ledger(n.as_ref()))
                    })
                    .map(|g| g.map(GraphName::from))
                    .collect::<Result<_, _>>()
                    .map_err(storage)?;
                if store
                    .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
                    .next()
                    .is_some()
                {
                    all.push(GraphName::DefaultGraph);
                }
                all
            }
        };
        graphs.sort_by_cached_key(ToString::to_string);
        let mut n = 0;
        for g in &graphs {
            let mut quads: Vec<Quad> = store
                .quads_for_pattern(None, None, None, Some(g.as_ref()))
                .collect::<Result<_, _>>()
                .map_err(storage)?;
            quads.sort_by_cached_key(|q| {
                (
                    q.subject.to_string(),
                    q.predicate.to_string(),
                    q.object.to_string(),
                )
            });
            for q in &quads {
                ser.serialize_quad(q).map_err(io)?;
                n += 1;
            }
        }
        ser.finish().map_err(io)?;
        Ok(n)
    } else {
        let pattern_graph = graph.as_ref().map(|g| GraphNameRef::NamedNode(g.as_ref()));
        let mut triples: BTreeMap<(String, String, String), Triple> = BTreeMap::new();
        for q in store.quads_for_pattern(None, None, None, pattern_graph) {
            let q = q.map_err(storage)?;
            if graph.is_none()
                && matches!(&q.graph_name, GraphName::NamedNode(n) if crate::store::ledger::is_ledger(n.as_ref()))
            {
                continue; // ingest's bookkeeping
            }
            let t = Triple::from(q);
            triples
                .entry((
                    t.subject.to_string(),
                    t.predicate.to_string(),
                    t.object.to_string(),
                ))
                .or_insert(t);
        }
        let n = triples.len();
        for t in triples.values() {
            ser.serialize_triple(t).map_err(io)?;
        }
        ser.finish().map_err(io)?;
        Ok(n)
    }
}
