//! The `normgraph` command line: parses arguments, calls the library, maps errors to exit codes.

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use normgraph::error::{
    AnalysisError, ManifestError, QueryError, ReadError, ResourceError, StoreError,
};
use normgraph::export::{self, ExportFormat};
use normgraph::extract::{self, Extraction};
use normgraph::lexicon::Lexicon;
use normgraph::manifest::{Manifest, RowProblem};
use normgraph::query::{self, DefaultGraph, OutputFormat};
use normgraph::reader;
use normgraph::resources::Resources;
use normgraph::store;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[path = "cli/analyze.rs"]
mod analyze;

/// normgraph: statements delivered at the UN → a linked-data graph of delegations, proposed norms,
/// threats, principles and the resolutions they cite, each fact with the text span it came from.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// The store folder.
    #[arg(long, global = true, env = "NORMGRAPH_STORE", default_value = store::DEFAULT_STORE, value_hint = clap::ValueHint::DirPath)]
    store: PathBuf,
    /// A folder holding `ontology/`, `data/reference/` and `queries/` to use instead of the
    /// copies built into the binary (the current folder is used when it has them).
    #[arg(long, global = true, env = "NORMGRAPH_RESOURCES", value_hint = clap::ValueHint::DirPath)]
    resources: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read statements (files or folders) and write their graphs into the store, replacing the
    /// graphs of statements ingested before. Nothing is written if any input is bad.
    Ingest {
        /// Statement files (.txt, .md, .pdf) or folders of them.
        #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        /// A CSV manifest of metadata (a folder's `manifest.csv` is used automatically).
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        manifest: Option<PathBuf>,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
        /// Ingest the good inputs even if some are bad (unreadable, not UTF-8, empty, a wrong
        /// manifest row); the bad ones are listed at the end and the exit code is still 3.
        #[arg(long)]
        keep_going: bool,
    },
    /// Print what is extracted from statements, without touching the store.
    Extract {
        /// Statement files (.txt, .md, .pdf) or folders of them.
        #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        /// A CSV manifest of metadata (a folder's `manifest.csv` is used automatically).
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        manifest: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Print what the good inputs give even if some are bad; the bad ones are listed on
        /// stderr and the exit code is still 3.
        #[arg(long)]
        keep_going: bool,
    },
    /// Print a statement's text as normgraph reads it (offsets count into it): for a PDF, the
    /// text of its pages joined by form feeds; for a text file, the file without its byte-order
    /// mark.
    Text {
        /// A statement file (.txt, .md, .pdf).
        #[arg(value_hint = clap::ValueHint::FilePath)]
        path: PathBuf,
    },
    /// Apply a scholar's corrections (Turtle): its triples are facts to add, its `ng:Retraction`
    /// records facts to retract. Replaces the corrections graph; retracted facts are removed now
    /// and never written again by `ingest`.
    Correct {
        /// The corrections file (Turtle).
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
    },
    /// Run a SPARQL query: the query text, the name of a curated query (see `queries`), or -f FILE.
    Query {
        /// SPARQL text or a curated query name.
        #[arg(required_unless_present = "file", conflicts_with = "file")]
        query: Option<String>,
        /// Read the query from a file.
        #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
        /// Leave the inferred graph out of the default graph.
        #[arg(long, conflicts_with = "endpoint")]
        asserted_only: bool,
        /// Run the query on this remote SPARQL endpoint instead of the local store (the
        /// normgraph prefixes are declared for it).
        #[arg(long)]
        endpoint: Option<String>,
    },
    /// Push named graphs (all, or --graph …) to an external store with the SPARQL Graph Store
    /// Protocol (PUT per graph, replacing it there), streaming, with retries.
    Push {
        /// The store's Graph Store Protocol URL (Oxigraph: http://host:7878/store; Fuseki:
        /// http://host:3030/<dataset>/data).
        endpoint: String,
        /// Only this named graph (repeat for more).
        #[arg(long)]
        graph: Vec<String>,
        /// Leave the inferred graph out.
        #[arg(long)]
        asserted_only: bool,
        /// Attempts per graph.
        #[arg(long, default_value_t = 3)]
        attempts: u32,
        /// Time limit of one HTTP exchange, in seconds.
        #[arg(long, default_value_t = 300.0)]
        timeout: f64,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
    },
    /// List the curated queries.
    Queries,
    /// Export the store (or one named graph) as RDF.
    Export {
        /// RDF syntax.
        #[arg(long, value_enum, default_value_t = ExportFormat::Turtle)]
        format: ExportFormat,
        /// Only this named graph (IRI).
        #[arg(long)]
        graph: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
    },
    /// List the named graphs in the store with their sizes.
    Graphs,
    /// Compare citation extraction with a hand-checked gold file: precision, recall and F1 per
    /// kind, and every disagreement.
    Eval {
        /// The gold JSON file.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        gold: PathBuf,
        /// The folder of the texts (default: the gold file's `texts`, relative to it).
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        texts: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Graph analyses of a projection of the store: centrality, communities, paths, cycles, and
    /// a delegation's timeline.
    Analyze {
        #[command(subcommand)]
        what: analyze::AnalyzeCommand,
    },
    /// Write a projection for graph tools: GraphML, GEXF (Gephi), DOT (Graphviz), Cytoscape.js
    /// JSON or a CSV edge list, with labels, kinds, PageRank and communities as attributes.
    ExportGraph {
        #[command(flatten)]
        graph: analyze::GraphArgs,
        /// Graph file format.
        #[arg(long, value_enum, default_value_t = normgraph::graphio::GraphFormat::Graphml)]
        format: normgraph::graphio::GraphFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
    },
    /// Draw a projection: FILE.html is a self-contained interactive viewer (works offline),
    /// FILE.svg a static picture drawn by Graphviz.
    Viz {
        #[command(flatten)]
        graph: analyze::GraphArgs,
        /// The picture to write (.html or .svg).
        #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
        output: PathBuf,
        /// The Graphviz layout program for SVG (dot, neato, sfdp, …).
        #[arg(long, default_value = "dot")]
        program: String,
    },
    /// Serve the store as a SPARQL 1.1 endpoint (/sparql), Graph Store (/store, read) and a query
    /// page (/). Read-only unless --allow-update.
    Serve {
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: std::net::SocketAddr,
        /// Time limit of one query, in seconds (the evaluation is cancelled: HTTP 503).
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,
        /// Most result rows (or triples) a query may return (more: HTTP 400).
        #[arg(long, default_value_t = 1_000_000)]
        max_rows: usize,
        /// Largest request body in bytes (larger: HTTP 413).
        #[arg(long, default_value_t = 1 << 20)]
        max_body: usize,
        /// Accept SPARQL Update.
        #[arg(long)]
        allow_update: bool,
        /// Most connections served at once.
        #[arg(long, default_value_t = 256)]
        max_connections: usize,
    },
    /// Run the rules to a fixpoint and store what they derive in the inferred graph (replaced as
    /// a whole; a failed run leaves the previous one in place).
    Infer {
        /// A rule file or a folder of *.n3 files (default: the shipped ontology/rules).
        #[arg(long, value_hint = clap::ValueHint::AnyPath)]
        rules: Option<PathBuf>,
    },
    /// Explain why a triple holds: the rules and premises that derive it, down to the quoted
    /// sentences. Terms are IRIs (<…> or bare), prefixed names (ng:groundedIn), resolution
    /// symbols (A/RES/73/27) or literals ("text", 3, true).
    Explain {
        /// Subject.
        subject: String,
        /// Predicate.
        predicate: String,
        /// Object.
        object: String,
        /// A rule file or a folder of *.n3 files (default: the shipped ontology/rules).
        #[arg(long, value_hint = clap::ValueHint::AnyPath)]
        rules: Option<PathBuf>,
        /// At most this many derivations per triple.
        #[arg(long, default_value_t = 10)]
        max: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
        format: ExplainFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExplainFormat {
    /// Indented text for people.
    Text,
    /// JSON.
    Json,
    /// Turtle with PROV-O.
    Turtle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    /// A JSON array, one object per statement.
    Json,
    /// A summary line per statement and fact.
    Text,
}

/// `println!` that returns an error instead of panicking when standard output is closed.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

/// Exit codes (documented in the README).
mod exit {
    /// Something failed that is not the input's fault.
    pub const FAILURE: u8 = 1;
    /// Bad input: a file, manifest, query or resource that cannot be read or parsed.
    pub const BAD_INPUT: u8 = 3;
    /// The store is missing, locked or not a store.
    pub const STORE: u8 = 4;
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
    match run(cli) {
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
            ExitCode::from(exit_code(&err))
        }
    }
}

fn exit_code(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.is::<ReadError>() || cause.is::<ManifestError>() || cause.is::<ResourceError>() {
            return exit::BAD_INPUT;
        }
        if let Some(q) = cause.downcast_ref::<QueryError>() {
            return match q {
                QueryError::Syntax { .. } | QueryError::Format { .. } => exit::BAD_INPUT,
                _ => exit::FAILURE,
            };
        }
        if let Some(s) = cause.downcast_ref::<StoreError>() {
            return match s {
                StoreError::Load { .. } => exit::BAD_INPUT,
                _ => exit::STORE,
            };
        }
        if let Some(e) = cause.downcast_ref::<normgraph::error::ExportError>() {
            if matches!(
                e,
                normgraph::error::ExportError::UnknownGraph(_)
                    | normgraph::error::ExportError::BadIri(_)
            ) {
                return exit::BAD_INPUT;
            }
        }
        if cause.is::<normgraph::rules::RuleError>() {
            return exit::BAD_INPUT;
        }
        if cause.is::<normgraph::accuracy::GoldError>()
            || cause.is::<normgraph::error::CorrectionError>()
        {
            return exit::BAD_INPUT;
        }
        if let Some(a) = cause.downcast_ref::<AnalysisError>() {
            return match a {
                AnalysisError::Store(_) => exit::STORE,
                AnalysisError::Query(QueryError::Syntax { .. }) => exit::BAD_INPUT,
                AnalysisError::Query(_)
                | AnalysisError::Io(_)
                | AnalysisError::EmptyGraph { .. } => exit::FAILURE,
                _ => exit::BAD_INPUT,
            };
        }
        if let Some(r) = cause.downcast_ref::<normgraph::error::RemoteError>() {
            return match r {
                normgraph::error::RemoteError::BadUrl { .. }
                | normgraph::error::RemoteError::BadGraph(_) => exit::BAD_INPUT,
                _ => exit::FAILURE,
            };
        }
        if cause.is::<BadInput>() {
            return exit::BAD_INPUT;
        }
    }
    exit::FAILURE
}

/// An input error found by the CLI itself.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct BadInput(String);

/// Nothing answers the question (no path between two nodes): exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct NotFound(String);

/// A positive, finite number of seconds given as an option.
fn seconds(option: &str, value: f64) -> Result<std::time::Duration> {
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
fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("normgraph-partial");
    if let Err(e) = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(BadInput(format!("{}: cannot write: {e}", path.display())).into());
    }
    Ok(())
}

fn run(cli: Cli) -> Result<()> {
    let resources = Resources::locate(cli.resources.as_deref())?;
    match cli.command {
        Command::Ingest {
            paths,
            manifest,
            quiet,
            keep_going,
        } => ingest(
            &cli.store,
            &resources,
            &paths,
            manifest.as_deref(),
            quiet,
            keep_going,
        ),
        Command::Extract {
            paths,
            manifest,
            format,
            keep_going,
        } => {
            let lexicon = Lexicon::load(&resources)?;
            let (extractions, failures) =
                read_and_extract(&paths, manifest.as_deref(), &lexicon, keep_going)?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match format {
                ExtractFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &extractions)?;
                    writeln!(out)?;
                }
                ExtractFormat::Text => print_extractions(&mut out, &extractions)?,
            }
            out.flush()?;
            report_failures(&failures, "printed")
        }
        Command::Text { path } => {
            let doc = normgraph::reader::read_document(&path)?;
            let mut out = std::io::stdout().lock();
            out.write_all(doc.text.as_bytes())?;
            Ok(())
        }
        Command::Correct { file } => {
            let corrections = normgraph::corrections::read(&file)?;
            let db = store::open_existing(&cli.store)?;
            let applied = normgraph::corrections::apply(&db, &cli.store, &corrections)?;
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
        Command::Query {
            query,
            file,
            format,
            asserted_only,
            endpoint,
        } => {
            let (text, origin) = query_text(&resources, query, file)?;
            if let Some(url) = endpoint {
                let (media, body) = normgraph::remote::query(
                    &url,
                    &text,
                    query::remote_accept(format),
                    std::time::Duration::from_secs(300),
                )?;
                let stdout = std::io::stdout();
                let mut out = std::io::BufWriter::new(stdout.lock());
                query::write_remote(format, &media, &body, &origin, &mut out)?;
                out.flush()?;
                return Ok(());
            }
            let db = store::open_existing(&cli.store)?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let graphs = if asserted_only {
                DefaultGraph::Asserted
            } else {
                DefaultGraph::Union
            };
            query::run(&db, &text, &origin, format, &graphs, &mut out)?;
            out.flush()?;
            Ok(())
        }
        Command::Queries => {
            for (name, file) in resources.queries()? {
                let summary = file.summary();
                say!("{name:<32} {summary}");
            }
            Ok(())
        }
        Command::Export {
            format,
            graph,
            output,
        } => {
            let db = store::open_existing(&cli.store)?;
            let n = match &output {
                Some(path) => {
                    // Write beside the target and rename, so a failed export leaves no half file.
                    let tmp = path.with_extension("normgraph-partial");
                    let file = std::fs::File::create(&tmp)
                        .map_err(|e| BadInput(format!("{}: cannot write: {e}", path.display())))?;
                    let mut w = std::io::BufWriter::new(file);
                    let n = export::export(&db, format, graph.as_deref(), &mut w);
                    let n = match n.and_then(|n| w.flush().map(|()| n).map_err(Into::into)) {
                        Ok(n) => n,
                        Err(e) => {
                            let _ = std::fs::remove_file(&tmp);
                            return Err(e.into());
                        }
                    };
                    if let Err(e) = std::fs::rename(&tmp, path) {
                        let _ = std::fs::remove_file(&tmp);
                        return Err(
                            BadInput(format!("{}: cannot write: {e}", path.display())).into()
                        );
                    }
                    n
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut w = std::io::BufWriter::new(stdout.lock());
                    let n = export::export(&db, format, graph.as_deref(), &mut w)?;
                    w.flush()?;
                    n
                }
            };
            if let Some(path) = output {
                eprintln!("exported {n} triples or quads to {}", path.display());
            }
            Ok(())
        }
        Command::Eval { gold, texts, json } => {
            let lexicon = Lexicon::load(&resources)?;
            let report = normgraph::accuracy::evaluate(&gold, texts.as_deref(), &lexicon)?;
            if json {
                say!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print_report(&report)?;
            }
            Ok(())
        }
        Command::Infer { rules } => infer(&cli.store, &resources, rules.as_deref()),
        Command::Explain {
            subject,
            predicate,
            object,
            rules,
            max,
            format,
        } => explain(
            &cli.store,
            &resources,
            [&subject, &predicate, &object],
            rules.as_deref(),
            max,
            format,
        ),
        Command::Analyze { what } => analyze::analyze(&cli.store, &resources, what),
        Command::ExportGraph {
            graph,
            format,
            output,
        } => analyze::export_graph(&cli.store, &resources, &graph, format, output.as_deref()),
        Command::Viz {
            graph,
            output,
            program,
        } => analyze::viz(&cli.store, &resources, &graph, &output, &program),
        Command::Serve {
            bind,
            timeout,
            max_rows,
            max_body,
            allow_update,
            max_connections,
        } => {
            let timeout = seconds("--timeout", timeout)?;
            let db = store::open_existing(&cli.store)?;
            let config = normgraph::server::ServerConfig {
                bind,
                timeout,
                max_rows,
                max_body,
                allow_update,
                max_connections: max_connections.max(1),
            };
            let server = normgraph::server::serve(db, resources, config)
                .map_err(|e| BadInput(format!("cannot listen on {bind}: {e}")))?;
            eprintln!(
                "serving {} on http://{bind}/ (SPARQL at /sparql{}); Ctrl+C stops",
                cli.store.display(),
                if allow_update {
                    ", updates allowed"
                } else {
                    ", read-only"
                }
            );
            server.join()?;
            Ok(())
        }
        Command::Push {
            endpoint,
            graph,
            asserted_only,
            attempts,
            timeout,
            quiet,
        } => {
            let timeout = seconds("--timeout", timeout)?;
            let db = store::open_existing(&cli.store)?;
            let bar = if quiet || !std::io::stderr().is_terminal() {
                indicatif::ProgressBar::hidden()
            } else {
                indicatif::ProgressBar::new_spinner()
            };
            let started = Instant::now();
            let options = normgraph::remote::PushOptions {
                endpoint: endpoint.clone(),
                graphs: graph,
                asserted_only,
                attempts: attempts.max(1),
                timeout,
            };
            let summary = normgraph::remote::push(&db, &options, |g, triples| {
                bar.set_message(format!("{triples} triples; last graph {g}"));
                bar.tick();
            })?;
            bar.finish_and_clear();
            eprintln!(
                "pushed {} graphs ({} triples) to {endpoint} in {:.2} s{}",
                summary.graphs,
                summary.triples,
                started.elapsed().as_secs_f64(),
                if summary.retries > 0 {
                    format!(" ({} retries)", summary.retries)
                } else {
                    String::new()
                }
            );
            Ok(())
        }
        Command::Graphs => {
            let db = store::open_existing(&cli.store)?;
            for (graph, n) in store::graphs(&db, &cli.store)? {
                say!("{n:>8}  {graph}");
            }
            Ok(())
        }
    }
}

fn query_text(
    resources: &Resources,
    query: Option<String>,
    file: Option<PathBuf>,
) -> Result<(String, String)> {
    if let Some(path) = file {
        let bytes = std::fs::read(&path)
            .map_err(|e| BadInput(format!("{}: cannot read: {e}", path.display())))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| BadInput(format!("{}: not valid UTF-8", path.display())))?;
        return Ok((text, path.display().to_string()));
    }
    let q = query.unwrap_or_default();
    let looks_like_name = !q.is_empty()
        && q.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.');
    if looks_like_name {
        let file = resources.query(q.trim_end_matches(".rq"))?;
        return Ok((file.text.into_owned(), file.name));
    }
    Ok((q, "query".to_owned()))
}

/// The manifests that apply: a `manifest.csv` in each given folder (or beside each given file)
/// and the explicit one. With `keep_going`, wrong rows are set aside (returned, with the file
/// they name) instead of failing the run.
fn load_manifests(
    paths: &[PathBuf],
    explicit: Option<&Path>,
    keep_going: bool,
) -> Result<(Manifest, Vec<RowProblem>)> {
    let mut manifest = Manifest::default();
    let mut problems = Vec::new();
    let mut candidates: Vec<PathBuf> = Vec::new();
    for p in paths {
        let dir = if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        let c = dir.join("manifest.csv");
        if c.is_file() && !candidates.contains(&c) {
            candidates.push(c);
        }
    }
    candidates.extend(explicit.map(Path::to_path_buf));
    for c in candidates {
        if keep_going {
            let (m, wrong) = Manifest::load_lenient(&c)?;
            manifest.merge(m);
            problems.extend(wrong);
        } else {
            manifest.merge(Manifest::load(&c)?);
        }
    }
    Ok((manifest, problems))
}

/// Reads and extracts every statement file under `paths`. Without `keep_going` the first bad
/// input is the error; with it, the bad inputs are returned as messages beside the extractions
/// of the good ones.
fn read_and_extract(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    lexicon: &Lexicon,
    keep_going: bool,
) -> Result<(Vec<Extraction>, Vec<String>)> {
    let (manifest, problems) = load_manifests(paths, manifest, keep_going)?;
    let mut failures: Vec<String> = problems.iter().map(|p| p.error.to_string()).collect();
    let skipped: std::collections::HashSet<&PathBuf> =
        problems.iter().filter_map(|p| p.file.as_ref()).collect();
    let mut files = Vec::new();
    if keep_going {
        for p in paths {
            match reader::collect_inputs(std::slice::from_ref(p)) {
                Ok(found) => files.extend(found),
                Err(e) => failures.push(e.to_string()),
            }
        }
    } else {
        files = reader::collect_inputs(paths)?;
    }
    files.retain(|f| {
        std::fs::canonicalize(f)
            .map(|c| !skipped.contains(&c))
            .unwrap_or(true)
    });
    // Read and extract on every core; the checks below then run in file order, so the error
    // reported for bad input is the same whatever the scheduling.
    let read: Vec<Result<(String, PathBuf, Vec<Extraction>)>> = files
        .par_iter()
        .map(|file| {
            let doc = reader::read_document(file)?;
            let slug = doc.slug();
            let canonical = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
            let ex = extract::extract_all(&doc, lexicon, manifest.row(file)).map_err(|u| {
                BadInput(format!(
                    "{}:{}: unknown delegation {:?} (not a code or name in data/reference)",
                    u.manifest.display(),
                    u.line,
                    u.value
                ))
            })?;
            Ok((slug, canonical, ex))
        })
        .collect();
    let mut slugs: HashMap<String, PathBuf> = HashMap::new();
    let mut out = Vec::with_capacity(files.len());
    for (result, file) in read.into_iter().zip(&files) {
        let path = file.display();
        let checked = result.and_then(|(slug, canonical, extractions)| {
            if let Some(other) = slugs.get(&slug) {
                if *other != canonical {
                    return Err(BadInput(format!(
                        "{} and {} would both be statement `{slug}`; rename one",
                        other.display(),
                        canonical.display()
                    ))
                    .into());
                }
                return Ok(Vec::new());
            }
            slugs.insert(slug, canonical);
            Ok(extractions)
        });
        match checked {
            Ok(extractions) => {
                if extractions.is_empty() {
                    // Only a presiding officer's turns: nothing a delegation said.
                    eprintln!("warning: {path}: a record with no delegate's turn; no statement");
                }
                out.extend(extractions)
            }
            Err(e) if keep_going => failures.push(format!("{e:#}")),
            Err(e) => return Err(e),
        }
    }
    Ok((out, failures))
}

/// Lists the inputs `--keep-going` set aside, and fails (exit code 3, bad input) if there were any.
fn report_failures(failures: &[String], done: &str) -> Result<()> {
    if failures.is_empty() {
        return Ok(());
    }
    eprintln!(
        "{} input{} failed (the others were {done}):",
        failures.len(),
        if failures.len() == 1 { "" } else { "s" }
    );
    for f in failures {
        eprintln!("  {f}");
    }
    Err(BadInput(format!(
        "{} bad input{}",
        failures.len(),
        if failures.len() == 1 { "" } else { "s" }
    ))
    .into())
}

fn ingest(
    store_path: &Path,
    resources: &Resources,
    paths: &[PathBuf],
    manifest: Option<&Path>,
    quiet: bool,
    keep_going: bool,
) -> Result<()> {
    let started = Instant::now();
    let lexicon = Lexicon::load(resources)?;
    let (extractions, failures) = read_and_extract(paths, manifest, &lexicon, keep_going)?;
    if extractions.is_empty() {
        // Every input was bad: leave the store as it was.
        return report_failures(&failures, "ingested");
    }
    let db = store::open_or_create(store_path)?;
    let bar = if quiet || !std::io::stderr().is_terminal() {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(extractions.len() as u64)
    };
    let summary = store::ingest(&db, store_path, resources, &extractions, |n| {
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
        store_path.display(),
        summary.total_quads,
        started.elapsed().as_secs_f64()
    );
    report_failures(&failures, "ingested")
}

fn print_extractions(out: &mut impl Write, list: &[Extraction]) -> std::io::Result<()> {
    for ex in list {
        writeln!(out, "{}", ex.source)?;
        let d = ex.delegation.as_ref().map_or("?", |d| d.label.as_str());
        writeln!(
            out,
            "  delegation: {d}; speaker: {}; date: {}; body: {}; session: {}",
            ex.speaker.as_deref().unwrap_or("?"),
            ex.date.as_deref().unwrap_or("?"),
            ex.meeting_body.as_ref().map_or("?", |b| b.label.as_str()),
            ex.session.map_or("?".to_owned(), |s| s.to_string())
        )?;
        for c in &ex.citations {
            writeln!(
                out,
                "  cites {:<18} {:>6}-{:<6} {:?}{}",
                c.id,
                c.span.start,
                c.span.end,
                c.span.surface,
                c.paragraph
                    .as_ref()
                    .map_or(String::new(), |p| format!(" (paragraph {p})"))
            )?;
            if let Some(w) = &c.as_written {
                writeln!(out, "        (written {w}: the number says {})", c.id)?;
            }
        }
        for i in &ex.instruments {
            writeln!(
                out,
                "  refers to {:<14} {:>6}-{:<6} {:?}",
                i.label, i.span.start, i.span.end, i.span.surface
            )?;
        }
        for p in &ex.positions {
            let stance = match p.stance {
                normgraph::extract::positions::Stance::Supports => "supports",
                normgraph::extract::positions::Stance::Opposes => "opposes",
            };
            writeln!(out, "  {stance:<9} {:<40} ({:?})", p.label, p.cue)?;
        }
        for (what, list) in [
            ("threat", &ex.threats),
            ("principle", &ex.principles),
            ("incident", &ex.incidents),
        ] {
            for m in list {
                writeln!(out, "  {what:<9} {:<40} {:?}", m.label, m.span.surface)?;
            }
        }
        for n in &ex.proposed_norms {
            writeln!(out, "  proposes  {}", n.text)?;
        }
        for a in &ex.alignments {
            writeln!(out, "  aligns with {}", a.group.label)?;
        }
    }
    Ok(())
}

fn load_rule_set(
    resources: &Resources,
    path: Option<&Path>,
) -> Result<Vec<normgraph::rules::Rule>> {
    Ok(match path {
        Some(p) => normgraph::rules::load_rules(p)?,
        None => normgraph::rules::parse_files(&resources.rules()?)?,
    })
}

fn infer(store_path: &Path, resources: &Resources, rules_path: Option<&Path>) -> Result<()> {
    let started = Instant::now();
    let rules = load_rule_set(resources, rules_path)?;
    normgraph::rules::stratify::strata(&rules)?;
    let db = store::open_existing(store_path)?;
    let base = normgraph::rules::Index::from_triples(store::asserted_triples(&db, store_path)?);
    let ev = normgraph::rules::evaluate(base, &rules)?;
    let derived: Vec<_> = ev
        .derived
        .iter()
        .filter_map(|f| ev.index.triple(f))
        .collect();
    store::replace_inferred(&db, store_path, &derived)?;
    for (rule, n) in rules.iter().zip(&ev.per_rule) {
        let label = if rule.label.is_empty() {
            String::new()
        } else {
            format!("  {}", rule.label)
        };
        say!("{n:>8}  {}{label}", rule.id);
    }
    eprintln!(
        "derived {} triples with {} rules in {} rounds into <{}> in {:.2} s",
        derived.len(),
        rules.len(),
        ev.rounds,
        normgraph::vocab::inferred_graph(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Parses a term given on the command line.
fn parse_term(text: &str) -> Result<oxigraph::model::Term> {
    use oxigraph::model::{Literal, NamedNode, Term};
    let t = text.trim();
    let bad = || {
        BadInput(format!(
            "{t:?} is not an IRI, prefixed name, resolution symbol or literal"
        ))
    };
    if t.starts_with('<') || t.starts_with('"') {
        return t.parse::<Term>().map_err(|_| bad().into());
    }
    if t.starts_with("A/RES/") || t.starts_with("S/RES/") {
        return Ok(NamedNode::new(normgraph::vocab::un_document(t))
            .map_err(|_| bad())?
            .into());
    }
    if t.starts_with("http://") || t.starts_with("https://") {
        return Ok(NamedNode::new(t).map_err(|_| bad())?.into());
    }
    if t == "a" {
        return Ok(NamedNode::new_unchecked(format!("{}type", normgraph::vocab::RDF)).into());
    }
    if let Some(iri) = normgraph::vocab::expand(t) {
        return Ok(NamedNode::new(iri).map_err(|_| bad())?.into());
    }
    if t == "true" || t == "false" {
        return Ok(Literal::from(t == "true").into());
    }
    if let Ok(i) = t.parse::<i64>() {
        return Ok(Literal::from(i).into());
    }
    Err(bad().into())
}

fn explain(
    store_path: &Path,
    resources: &Resources,
    terms: [&String; 3],
    rules_path: Option<&Path>,
    max: usize,
    format: ExplainFormat,
) -> Result<()> {
    use oxigraph::model::{NamedOrBlankNode, Term, Triple};
    let [s, p, o] = terms.map(|t| parse_term(t));
    let (s, p, o) = (s?, p?, o?);
    let subject = match s {
        Term::NamedNode(n) => NamedOrBlankNode::NamedNode(n),
        Term::BlankNode(b) => NamedOrBlankNode::BlankNode(b),
        _ => return Err(BadInput("the subject must be an IRI".into()).into()),
    };
    let Term::NamedNode(predicate) = p else {
        return Err(BadInput("the predicate must be an IRI".into()).into());
    };
    let triple = Triple::new(subject, predicate, o);
    let rules = load_rule_set(resources, rules_path)?;
    let db = store::open_existing(store_path)?;
    let base = normgraph::rules::Index::from_triples(store::asserted_triples(&db, store_path)?);
    let asserted = base.facts.clone();
    let ev = normgraph::rules::evaluate(base, &rules)?;
    let Some(proof) = normgraph::rules::explain::explain(&ev, &rules, &asserted, &db, &triple, max)
    else {
        return Err(NotHolding(triple.to_string()).into());
    };
    match format {
        ExplainFormat::Text => write!(
            std::io::stdout().lock(),
            "{}",
            normgraph::rules::explain::render_text(&proof)
        )?,
        ExplainFormat::Json => say!("{}", serde_json::to_string_pretty(&proof)?),
        ExplainFormat::Turtle => write!(
            std::io::stdout().lock(),
            "{}",
            normgraph::rules::explain::render_turtle(&proof)
        )?,
    }
    Ok(())
}

/// The triple asked about does not hold (exit code 1).
#[derive(Debug, thiserror::Error)]
#[error("{0} does not hold: it is neither asserted nor derived by the rules")]
struct NotHolding(String);

fn print_report(r: &normgraph::accuracy::Report) -> std::io::Result<()> {
    say!("{} files", r.files);
    say!(
        "{:<10} {:>6} {:>6} {:>6}  {:>9} {:>9} {:>9}   {:>9} {:>9}",
        "kind",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "F1",
        "lenient P",
        "lenient R"
    );
    for (kind, c) in &r.strict {
        let l = r.lenient.get(kind).cloned().unwrap_or_default();
        say!(
            "{kind:<10} {:>6} {:>6} {:>6}  {:>9.4} {:>9.4} {:>9.4}   {:>9.4} {:>9.4}",
            c.true_positives,
            c.false_positives,
            c.false_negatives,
            c.precision(),
            c.recall(),
            c.f1(),
            l.precision(),
            l.recall()
        );
    }
    for m in &r.misses {
        say!(
            "{:<8} {}:{}-{} {:<18} {:?}",
            m.what,
            m.file,
            m.start,
            m.end,
            m.id,
            m.surface
        );
    }
    Ok(())
}
