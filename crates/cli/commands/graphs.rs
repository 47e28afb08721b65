//! `normgraph graphs`: the named graphs in the store with their sizes.

use super::{say, Context};
use anyhow::Result;
use normgraph::store;
use std::io::Write;

/// Runs `normgraph graphs`.
pub fn run(ctx: &Context) -> Result<()> {
    let db = ctx.open_store_for_reading()?;
    for (graph, n) in store::graphs(&db, &ctx.store)? {
        say!("{n:>8}  {graph}");
    }
    Ok(())
}
