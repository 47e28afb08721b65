//! `normgraph queries`: the curated queries, one line each.

use super::{say, Context};
use anyhow::Result;
use std::io::Write;

/// Runs `normgraph queries`.
pub fn run(ctx: &Context) -> Result<()> {
    for (name, file) in ctx.resources.queries()? {
        let summary = file.summary();
        say!("{name:<32} {summary}");
    }
    Ok(())
}
