//! All integration tests, in one binary (they drive the built `normgraph`).

mod util;

mod bad_input;
mod extraction;
mod pipeline;
mod rules;
