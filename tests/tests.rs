//! All integration tests, in one binary (they drive the built `normgraph`).

mod util;

mod accuracy;
mod bad_input;
mod extraction;
mod freshness;
mod graph;
mod pipeline;
mod props;
mod robustness;
mod rules;
mod server;
mod virtuoso;
