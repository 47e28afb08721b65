//! The `normgraph` command line: parses arguments (`args`), runs one command (`commands`), and
//! turns an error into one line on stderr and an exit code (`exit_code`).

mod args;
mod commands;

use args::{Cli, Command};
use clap::Parser;
use normgraph::error::ErrorKind;
use std::process::ExitCode;

/// Exit codes (documented in the README), one per [`ErrorKind`].
fn code(kind: ErrorKind) -> u8 {
    match kind {
        // Something failed that is not the input's fault.
        ErrorKind::Failure => 1,
        // Bad input: a file, manifest, query or resource that cannot be read or parsed.
        ErrorKind::BadInput => 3,
        // The store is missing, locked or not a store.
        ErrorKind::Store => 4,
    }
}

/// The exit code of an error: the kind of the first cause along its chain that has one.
fn exit_code(err: &anyhow::Error) -> u8 {
    err.chain()
        .find_map(|cause| normgraph::error::kind_of(cause).or_else(|| commands::kind_of(cause)))
        .map_or(code(ErrorKind::Failure), code)
}

fn main() -> ExitCode {
    // The PDF reader panics on some malformed files; `reader::pdf_text` turns that into a clear
    // error naming the file, so its panic message (and backtrace) is not printed as well.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let from_pdf_reader = info
            .location()
            .is_some_and(|l| l.file().contains("pdf-extract") || l.file().contains("lopdf"));
        if !from_pdf_reader {
            default_hook(info);
        }
    }));
    let cli = Cli::parse();
    // On a thread with a stack deep enough for any query the shape limits let through
    // (`normgraph::query::limits`): a deeply nested query is refused, never a stack overflow.
    match normgraph::query::limits::on_query_stack(|| run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A reader that stopped early (`| head`) is not an error.
            let broken_pipe = err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("normgraph: error: {err:#}");
            // The line of the user's file the error points at, with a caret under the place.
            if let Some(snippet) = err
                .chain()
                .find_map(normgraph::error::location_of)
                .and_then(normgraph::error::snippet)
            {
                eprintln!("{snippet}");
            }
            ExitCode::from(exit_code(&err))
        }
    }
}

/// Runs one command.
fn run(cli: Cli) -> anyhow::Result<()> {
    let ctx = Context::new(cli.store, cli.resources.as_deref())?;
    use commands::*;
    match cli.command {
        Command::Ingest(a) => ingest::run(&ctx, a),
        Command::Extract(a) => extract::run(&ctx, a),
        Command::Text(a) => text::run(a),
        Command::Correct(a) => correct::run(&ctx, a),
        Command::Query(a) => query::run(&ctx, a),
        Command::Push(a) => push::run(&ctx, a),
        Command::Queries => queries::run(&ctx),
        Command::Export(a) => export::run(&ctx, a),
        Command::Graphs => graphs::run(&ctx),
        Command::Eval(a) => eval::run(&ctx, a),
        Command::Analyze(a) => analyze::run(&ctx, a.what),
        Command::ExportGraph(a) => export_graph::run(&ctx, a),
        Command::Viz(a) => viz::run(&ctx, a),
        Command::Serve(a) => serve::run(&ctx, a),
        Command::Infer(a) => infer::run(&ctx, a),
        Command::Explain(a) => explain::run(&ctx, a),
        Command::Validate(a) => validate::run(&ctx, a),
        Command::Catalogue(c) => catalogue::run(&ctx, c),
    }
}
