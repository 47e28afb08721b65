//! One module per subcommand, each with a `run` that validates its arguments into the
//! library's types, calls the library and prints the result; and what they share.

pub mod analyze;
pub mod catalogue;
pub mod correct;
pub mod eval;
pub mod explain;
pub mod export;
pub mod export_graph;
pub mod extract;
pub mod graphs;
pub mod infer;
pub mod ingest;
pub mod push;
pub mod queries;
pub mod query;
pub mod serve;
pub mod text;
pub mod validate;
pub mod viz;

use anyhow::Result;
use normgraph::error::ErrorKind;
use normgraph::extract::batch::{self, Batch};
use normgraph::extract::lexicon::Lexicon;
use normgraph::rdf::resources::Resources;
use normgraph::store;
use oxigraph::store::Store;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// What every command may need: the store's folder and the resources to run on.
pub struct Context {
    /// The store folder (`--store`).
    pub store: PathBuf,
    /// The ontology, reference data, queries and rules (built in, or `--resources`).
    pub resources: Resources,
}

impl Context {
    /// Locates the resources; the store is opened only by the commands that need it.
    pub fn new(store: PathBuf, resources: Option<&Path>) -> Result<Self> {
        Ok(Self {
            store,
            resources: Resources::locate(resources)?,
        })
    }

    /// Opens the store, which must exist (queries never create one).
    pub fn open_store(&self) -> Result<Store> {
        Ok(store::open_existing(&self.store)?)
    }

    /// Opens the store to read it; when another process (a running `serve`) holds it, opens it
    /// read-only beside that process and says so on stderr.
    pub fn open_store_for_reading(&self) -> Result<Store> {
        let (db, access) = store::open_for_reading(&self.store)?;
        if access == store::Access::Beside {
            eprintln!(
                "note: {} is held by another process (a running `normgraph serve`?); reading it \
                 read-only, as it was when opened",
                self.store.display()
            );
        }
        Ok(db)
    }
}

/// Reads and extracts the statements under `paths` (with the manifests that apply), printing
/// the warnings as they come: what `extract` prints and `ingest` writes.
pub fn read_batch(
    ctx: &Context,
    paths: &[PathBuf],
    manifest: Option<&Path>,
    keep_going: bool,
) -> Result<Batch> {
    let lexicon = Lexicon::load(&ctx.resources)?;
    Ok(batch::read_and_extract(
        paths,
        manifest,
        &lexicon,
        keep_going,
        &mut |w| eprintln!("warning: {w}"),
    )?)
}

/// `println!` that returns an error instead of panicking when standard output is closed.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}
pub(crate) use say;

/// An input error found by the command line itself (exit code 3).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

/// Nothing answers the question (no path between two nodes, a triple that does not hold):
/// exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct NotFound(pub String);

/// The kind of an error raised by the command line itself or by the dev tools.
pub fn kind_of(err: &(dyn std::error::Error + 'static)) -> Option<ErrorKind> {
    if err.is::<BadInput>() || err.is::<normgraph_dev::accuracy::GoldError>() {
        Some(ErrorKind::BadInput)
    } else {
        None
    }
}

/// A positive, finite number of seconds given as an option.
pub fn seconds(option: &str, value: f64) -> Result<std::time::Duration> {
    if value.is_finite() && value > 0.0 {
        Ok(std::time::Duration::from_secs_f64(value))
    } else {
        Err(BadInput(format!(
            "{option} {value}: give a positive number of seconds"
        ))
        .into())
    }
}

/// Writes a file beside its final name and renames it, so a failure leaves no half file.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("normgraph-partial");
    if let Err(e) = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(BadInput(format!("{}: cannot write: {e}", path.display())).into());
    }
    Ok(())
}

/// A progress bar on stderr, hidden with `--quiet` or when stderr is not a terminal; `len`
/// `None` gives a spinner.
pub fn progress_bar(quiet: bool, len: Option<u64>) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        indicatif::ProgressBar::hidden()
    } else if let Some(n) = len {
        indicatif::ProgressBar::new(n)
    } else {
        indicatif::ProgressBar::new_spinner()
    }
}

/// Lists the inputs `--keep-going` set aside, and fails (exit code 3, bad input) if there were any.
pub fn report_failures(failures: &[String], done: &str) -> Result<()> {
    if failures.is_empty() {
        return Ok(());
    }
    let s = if failures.len() == 1 { "" } else { "s" };
    eprintln!(
        "{} input{s} failed (the others were {done}):",
        failures.len()
    );
    for f in failures {
        eprintln!("  {f}");
    }
    Err(BadInput(format!("{} bad input{s}", failures.len())).into())
}
