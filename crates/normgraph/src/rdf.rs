//! Stage 3, the RDF model: extracted facts as quads, and the data files that define the terms.
//!
//! [`vocab`] names the IRIs normgraph writes; [`model`] turns one statement's
//! [`Extraction`](crate::extract::Extraction) into quads in its own named graph;
//! [`catalogue`] turns the UN Digital Library's records of resolutions into triples;
//! [`resources`] finds the ontology, reference data, curated queries and rules the pipeline runs
//! on (built into the binary, or a folder that overrides them).

pub mod catalogue;
pub mod model;
pub mod resources;
pub mod vocab;
