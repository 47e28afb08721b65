//! `normgraph ingest`: statements into the store, nothing written if any input is bad; files
//! unchanged since the last ingest are skipped.

use super::{progress_bar, report_failures, Context};
use crate::args::IngestArgs;
use anyhow::Result;
use normgraph::error::IngestError;
use normgraph::extract::batch;
use normgraph::extract::lexicon::Lexicon;
use normgraph::store;
use normgraph::store::ingest::{Event, Options};
use std::time::Instant;

/// Runs `normgraph ingest`.
pub fn run(ctx: &Context, args: IngestArgs) -> Result<()> {
    let started = Instant::now();
    let lexicon = Lexicon::load(&ctx.resources)?;
    let plan = batch::plan(&args.paths, args.manifest.as_deref(), args.keep_going)?;
    if plan.inputs.is_empty() {
        // Every input was bad: leave the store as it was.
        return report_failures(&plan.failures, "ingested");
    }
    // A store this run creates is removed again if the input turns out bad.
    let existed = ctx.store.exists();
    let was_empty = std::fs::read_dir(&ctx.store).is_ok_and(|mut d| d.next().is_none());
    let db = store::open_or_create(&ctx.store)?;
    let bar = progress_bar(args.quiet, Some(plan.inputs.len() as u64));
    let options = Options {
        keep_going: args.keep_going,
        replace: args.replace,
    };
    let result = store::ingest::ingest(
        &db,
        &ctx.store,
        &ctx.resources,
        &lexicon,
        plan,
        options,
        &mut |event| match event {
            Event::Reextracting => {
                bar.suspend(|| {
                    eprintln!(
                        "the extractor or its resources changed since the last ingest: reading every file again"
                    );
                });
            }
            Event::Progress {
                done,
                total,
                rewriting,
            } => {
                if rewriting {
                    bar.set_message("rewriting changed statements");
                }
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            }
            Event::Warning(w) => bar.suspend(|| eprintln!("warning: {w}")),
        },
    );
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            if (!existed || was_empty) && matches!(e, IngestError::Input(_)) {
                drop(db);
                let _ = std::fs::remove_dir_all(&ctx.store);
                if was_empty {
                    let _ = std::fs::create_dir(&ctx.store);
                }
            }
            return Err(e.into());
        }
    };
    bar.finish_and_clear();
    if summary.inferred_cleared > 0 {
        eprintln!(
            "dropped the {} inferred triples, now stale: run `normgraph infer` again",
            summary.inferred_cleared
        );
    }
    let skipped = if summary.skipped > 0 {
        format!(
            "; {} of {} file{} unchanged since the last ingest, not read again",
            summary.skipped,
            summary.files,
            if summary.files == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    eprintln!(
        "ingested {} statement{} ({}{} statement triples written, {} ontology and reference triples{skipped}) into {}; {}; {:.2} s",
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
        summary.total_quads.map_or_else(
            || {
                if summary.statement_quads + summary.reference_quads == 0 {
                    "nothing was written".to_owned()
                } else {
                    "the store was updated".to_owned()
                }
            },
            |n| format!("the store holds {n} quads")
        ),
        started.elapsed().as_secs_f64()
    );
    report_failures(&summary.failures, "ingested")
}
