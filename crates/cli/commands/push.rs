//! `normgraph push`: named graphs to another store by the SPARQL Graph Store Protocol.

use super::{progress_bar, seconds, Context};
use crate::args::PushArgs;
use anyhow::Result;
use normgraph::output::remote::{self, PushOptions};
use std::time::Instant;

/// Runs `normgraph push`.
pub fn run(ctx: &Context, args: PushArgs) -> Result<()> {
    let options = PushOptions {
        endpoint: args.endpoint.clone(),
        graphs: args.graph,
        asserted_only: args.asserted_only,
        attempts: args.attempts.max(1),
        timeout: seconds("--timeout", args.timeout)?,
        all: args.all,
    };
    let db = ctx.open_store()?;
    let bar = progress_bar(args.quiet, None);
    let started = Instant::now();
    let summary = remote::push(&db, &options, |g, triples| {
        bar.set_message(format!("{triples} triples; last graph {g}"));
        bar.tick();
    })?;
    bar.finish_and_clear();
    let mut also = String::new();
    if summary.unchanged > 0 {
        also.push_str(&format!(
            "; {} unchanged since the last push, not sent",
            summary.unchanged
        ));
    }
    if summary.deleted > 0 {
        also.push_str(&format!(
            "; {} deleted there (gone from the store)",
            summary.deleted
        ));
    }
    eprintln!(
        "pushed {} graphs ({} triples{also}) to {} in {:.2} s{}",
        summary.graphs,
        summary.triples,
        args.endpoint,
        started.elapsed().as_secs_f64(),
        if summary.retries > 0 {
            format!(" ({} retries)", summary.retries)
        } else {
            String::new()
        }
    );
    Ok(())
}
