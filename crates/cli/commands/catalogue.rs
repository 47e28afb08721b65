//! `normgraph catalogue`: import the UN Digital Library's records of resolutions; list what the
//! catalogue still lacks.

use super::Context;
use crate::args::{CatalogueCommand, CatalogueImportArgs, CatalogueReportArgs, QueryArgs};
use anyhow::Result;
use normgraph::store::{self, catalogue};

/// Runs `normgraph catalogue …`.
pub fn run(ctx: &Context, command: CatalogueCommand) -> Result<()> {
    match command {
        CatalogueCommand::Import(args) => import(ctx, args),
        CatalogueCommand::Report(args) => report(ctx, args),
    }
}

fn import(ctx: &Context, args: CatalogueImportArgs) -> Result<()> {
    // The file first: a bad one leaves no store behind.
    let found = catalogue::read(&args.file, args.keep_going)?;
    let db = store::open_or_create(&ctx.store)?;
    let done = catalogue::write(&db, &ctx.store, &ctx.resources, found)?;
    for e in &done.skipped {
        eprintln!("skipped: {e}");
    }
    for n in &done.notes {
        eprintln!("note: {n}");
    }
    if !done.other_documents.is_empty() {
        eprintln!(
            "passed over {} records of documents that are not GA or SC resolutions ({})",
            done.other_documents.len(),
            done.other_documents.join(", ")
        );
    }
    if done.inferred_cleared > 0 {
        eprintln!(
            "dropped the {} inferred triples, now stale: run `normgraph infer` again",
            done.inferred_cleared
        );
    }
    eprintln!(
        "{}: {} resolutions, {} triples in the catalogue graph{}",
        args.file.display(),
        done.resolutions,
        done.triples,
        if done.skipped.is_empty() {
            String::new()
        } else {
            format!(", {} bad records left out", done.skipped.len())
        }
    );
    Ok(())
}

fn report(ctx: &Context, args: CatalogueReportArgs) -> Result<()> {
    super::query::run(
        ctx,
        QueryArgs {
            query: Some("catalogue-gaps".to_owned()),
            file: None,
            format: args.format,
            asserted_only: false,
            endpoint: None,
            timeout: None,
            lang: None,
        },
    )
}
