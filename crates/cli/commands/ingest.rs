//! `normgraph ingest`: statements into the store, nothing written if any input is bad.

use super::{progress_bar, read_batch, report_failures, Context};
use crate::args::IngestArgs;
use anyhow::Result;
use normgraph::store;
use std::time::Instant;

/// Runs `normgraph ingest`.
pub fn run(ctx: &Context, args: IngestArgs) -> Result<()> {
    let started = Instant::now();
    let batch = read_batch(ctx, &args.paths, args.manifest.as_deref(), args.keep_going)?;
    let extractions = &batch.extractions;
    if extractions.is_empty() {
        // Every input was bad: leave the store as it was.
        return report_failures(&batch.failures, "ingested");
    }
    let db = store::open_or_create(&ctx.store)?;
    let bar = progress_bar(args.quiet, Some(extractions.len() as u64));
    let summary = store::ingest::ingest(&db, &ctx.store, &ctx.resources, extractions, |n| {
        bar.set_position(n as u64)
    })?;
    bar.finish_and_clear();
    if summary.inferred_cleared > 0 {
        eprintln!(
            "dropped the {} inferred triples, now stale: run `normgraph infer` again",
            summary.inferred_cleared
        );
    }
    eprintln!(
        "ingested {} statement{} ({}{} statement triples written, {} ontology and reference triples) into {}; the store holds {} quads; {:.2} s",
        summary.documents,
        if summary.documents == 1 { "" } else { "s" },
        if summary.unchanged > 0 {
            format!("{} unchanged, ", summary.unchanged)
        } else {
            String::new()
        },
        summary.statement_quads,
        summary.reference_quads,
        ctx.store.display(),
        summary.total_quads,
        started.elapsed().as_secs_f64()
    );
    report_failures(&batch.failures, "ingested")
}
