//! normgraph's development tools, kept apart from the library users link:
//!
//! - [`accuracy`]: extraction compared with hand-checked gold files (`normgraph eval`, the
//!   accuracy tests);
//! - [`synth`]: deterministic synthetic graphs and statement texts for the benchmarks.

pub mod accuracy;
pub mod synth;
