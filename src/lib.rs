//! normgraph: a knowledge graph linking diplomatic proposals to their legal sources.
//!
//! The pipeline, one module per stage:
//! [`reader`] (text, Markdown or PDF files → decoded text) → [`extract`] (text → facts with
//! evidence spans: citations, instrument references, positions, norms …, using the
//! [`lexicon`] read from the SKOS labels in `ontology/` and `data/reference/`, and an optional
//! [`manifest`]) → [`model`] (facts → RDF quads, vocabulary in [`vocab`]) → [`store`] (persistent
//! oxigraph store, one named graph per statement) → [`query`] (SPARQL) and [`export`] (RDF
//! syntaxes). [`resources`] finds the Turtle and SPARQL files the pipeline runs on.
//!
//! ```
//! use normgraph::{extract, lexicon::Lexicon, reader, resources::Resources};
//! let lexicon = Lexicon::load(&Resources::Embedded).unwrap();
//! let doc = reader::decode(
//!     "s.txt".as_ref(),
//!     b"We recall General Assembly resolution 73/27 and the said resolution.",
//! )
//! .unwrap();
//! let ex = extract::extract(&doc, &lexicon, None).unwrap();
//! assert_eq!(ex.citations[0].id, "A/RES/73/27");
//! assert_eq!(ex.citations[1].span.surface, "the said resolution");
//! ```

#![warn(missing_docs)]

pub mod accuracy;
pub mod analysis;
pub mod corrections;
pub mod error;
pub mod export;
pub mod extract;
pub mod graphio;
pub mod lexicon;
pub mod manifest;
pub mod model;
pub mod query;
pub mod reader;
pub mod remote;
pub mod resources;
pub mod rules;
pub mod server;
pub mod store;
pub mod synth;
pub mod viz;
pub mod vocab;
