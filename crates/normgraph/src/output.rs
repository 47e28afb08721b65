//! The last stage, output: what leaves the store for people and other tools.
//!
//! [`export`] writes the store in RDF syntaxes; [`graphio`] writes graph projections for graph
//! tools (GraphML, GEXF, DOT, Cytoscape.js, CSV); [`viz`] draws them (HTML viewer, SVG);
//! [`server`] serves the store as a SPARQL 1.1 endpoint (over [`connection`], the HTTP
//! connection layer); [`remote`] talks to other SPARQL stores
//! (Graph Store Protocol push, remote queries); [`shards`] writes statements as N-Quads files
//! without a store, for a server store to bulk-load.

pub mod connection;
pub mod export;
pub mod graphio;
pub mod remote;
pub mod server;
pub mod shards;
pub mod viz;
