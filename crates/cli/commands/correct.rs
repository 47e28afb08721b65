//! `normgraph correct`: a scholar's corrections (facts to add and to retract) into the store.

use super::Context;
use crate::args::CorrectArgs;
use anyhow::Result;
use normgraph::store::{self, corrections};

/// Runs `normgraph correct`.
pub fn run(ctx: &Context, args: CorrectArgs) -> Result<()> {
    let file = &args.file;
    let corrections = corrections::read(file)?;
    let db = ctx.open_store()?;
    let applied = store::apply_corrections(&db, &ctx.store, &corrections)?;
    if applied.inferred_cleared > 0 {
        eprintln!(
            "dropped the {} inferred triples, now stale: run `normgraph infer` again",
            applied.inferred_cleared
        );
    }
    for t in &applied.unmatched {
        eprintln!("warning: the retraction of {t} matches nothing in the store");
    }
    eprintln!(
        "{}: {} triples in the corrections graph, {} facts retracted ({} quads removed)",
        file.display(),
        applied.stored,
        applied.retractions,
        applied.removed
    );
    Ok(())
}
