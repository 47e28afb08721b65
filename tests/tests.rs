//! All integration tests, in one binary (they drive the built `normgraph`).

mod util;

mod accuracy;
mod bad_input;
mod catalogue;
mod extraction;
mod freshness;
mod graph;
mod languages;
mod pipeline;
mod props;
mod robustness;
mod rules;
mod server;
mod virtuoso;
