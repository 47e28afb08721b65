//! The command line's arguments (clap): one `Command` variant per subcommand, each with its own
//! arguments struct; doc comments become `--help`. Parsing only: each command validates its
//! arguments into the library's types before it runs (see `commands/`).

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use normgraph::analysis::{CommunityMethod, Measure, TableFormat};
use normgraph::output::export::ExportFormat;
use normgraph::output::graphio::GraphFormat;
use normgraph::query::OutputFormat;
use normgraph::store;
use normgraph::Choice;
use std::path::PathBuf;

/// A clap parser for one of the library's [`Choice`] enums: offers its words with their help.
fn choice<T: Choice>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(
        T::ALL
            .iter()
            .map(|v| PossibleValue::new(v.name()).help(v.help())),
    )
    .try_map(|word| word.parse::<T>())
}

/// normgraph: statements delivered at the UN → a linked-data graph of delegations, proposed norms,
/// threats, principles and the resolutions they cite, each fact with the text span it came from.
#[derive(Debug, Parser)]
#[command(name = "normgraph", version, about, long_about = None)]
pub struct Cli {
    /// The store folder.
    #[arg(long, global = true, env = "NORMGRAPH_STORE", default_value = store::DEFAULT_STORE, value_hint = clap::ValueHint::DirPath)]
    pub store: PathBuf,
    /// A folder holding `ontology/`, `data/reference/` and `queries/` to use instead of the
    /// copies built into the binary (the current folder is used when it has them).
    #[arg(long, global = true, env = "NORMGRAPH_RESOURCES", value_hint = clap::ValueHint::DirPath)]
    pub resources: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read statements (files or folders) and write their graphs into the store, replacing the
    /// graphs of statements ingested before. Nothing is written if any input is bad.
    Ingest(IngestArgs),
    /// Print what is extracted from statements, without touching the store.
    Extract(ExtractArgs),
    /// Print a statement's text as normgraph reads it (offsets count into it): for a PDF, the
    /// text of its pages joined by form feeds; for a text file, the file without its byte-order
    /// mark.
    Text(TextArgs),
    /// Apply a scholar's corrections (Turtle): its triples are facts to add, its `ng:Retraction`
    /// records facts to retract. Replaces the corrections graph; retracted facts are removed now
    /// and never written again by `ingest`.
    Correct(CorrectArgs),
    /// Run a SPARQL query: the query text, the name of a curated query (see `queries`), or -f FILE.
    Query(QueryArgs),
    /// Push named graphs (all, or --graph …) to an external store with the SPARQL Graph Store
    /// Protocol (PUT per graph, replacing it there), streaming, with retries.
    Push(PushArgs),
    /// List the curated queries.
    Queries,
    /// Export the store (or one named graph) as RDF.
    Export(ExportArgs),
    /// List the named graphs in the store with their sizes.
    Graphs,
    /// Compare citation extraction with a hand-checked gold file: precision, recall and F1 per
    /// kind, and every disagreement.
    Eval(EvalArgs),
    /// Graph analyses of a projection of the store: centrality, communities, paths, cycles, and
    /// a delegation's timeline.
    Analyze(AnalyzeArgs),
    /// Write a projection for graph tools: GraphML, GEXF (Gephi), DOT (Graphviz), Cytoscape.js
    /// JSON or a CSV edge list, with labels, kinds, PageRank and communities as attributes.
    ExportGraph(ExportGraphArgs),
    /// Draw a projection: FILE.html is a self-contained interactive viewer (works offline),
    /// FILE.svg a static picture drawn by Graphviz.
    Viz(VizArgs),
    /// Serve the store as a SPARQL 1.1 endpoint (/sparql), Graph Store (/store, read) and a query
    /// page (/). Read-only unless --allow-update.
    Serve(ServeArgs),
    /// Run the rules to a fixpoint and store what they derive in the inferred graph (replaced as
    /// a whole; a failed run leaves the previous one in place).
    Infer(InferArgs),
    /// Explain why a triple holds: the rules and premises that derive it, down to the quoted
    /// sentences. Terms are IRIs (<…> or bare), prefixed names (ng:groundedIn), resolution
    /// symbols (A/RES/73/27) or literals ("text", 3, true).
    Explain(ExplainArgs),
    /// Check the store (or --data FILE) against the SHACL shapes of the normgraph model
    /// (ontology/shapes/, or --shapes FILE): each result with its focus node, path and message;
    /// exit 3 when there is any violation.
    Validate(ValidateArgs),
    /// The catalogue of legal sources: import the UN Digital Library's records of resolutions
    /// (MARC 21 XML), or list the cited resolutions it still lacks a title or date for.
    #[command(subcommand)]
    Catalogue(CatalogueCommand),
}

/// `catalogue` subcommands.
#[derive(Debug, Subcommand)]
pub enum CatalogueCommand {
    /// Read a MARC 21 XML export of the UN Digital Library (resolution and voting records) into
    /// the catalogue graph: symbol, title, adoption date, agenda item, meeting record and votes,
    /// where the curated reference data lacks them. The whole file or nothing; a resolution
    /// imported again is replaced.
    Import(CatalogueImportArgs),
    /// The cited resolutions the catalogue has no title or no adoption date for, most cited
    /// first: the scholar's to-do list (the curated query `catalogue-gaps`).
    Report(CatalogueReportArgs),
}

/// Arguments of `catalogue import`.
#[derive(Debug, Args)]
pub struct CatalogueImportArgs {
    /// The MARC 21 XML file (the Digital Library's "MARCXML" export of search results).
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub file: PathBuf,
    /// Leave out bad records (each reported with its position) instead of refusing the file.
    #[arg(long)]
    pub keep_going: bool,
}

/// Arguments of `catalogue report`.
#[derive(Debug, Args)]
pub struct CatalogueReportArgs {
    /// Output format.
    #[arg(long, value_parser = choice::<OutputFormat>(), default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// How `validate` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    /// One block per result, then the counts.
    Text,
    /// `{"conforms": …, "results": [{"severity", "focus", "path", "component", "value", "message"}]}`.
    Json,
}

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Validate this RDF file (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD; by its
    /// extension) instead of the store; unless it holds the ontology graph (a whole export), the
    /// ontology and reference data it refers to are added.
    #[arg(long, value_hint = clap::ValueHint::FilePath)]
    pub data: Option<PathBuf>,
    /// Shapes to validate against (Turtle) instead of the shipped ones.
    #[arg(long, value_hint = clap::ValueHint::FilePath)]
    pub shapes: Option<PathBuf>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
    pub format: ValidateFormat,
}

/// How `explain` prints a proof.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// Indented text for people.
    Text,
    /// JSON.
    Json,
    /// Turtle with PROV-O.
    Turtle,
}

/// How `extract` prints what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A JSON array, one object per statement.
    Json,
    /// A summary line per statement and fact.
    Text,
}

/// Which graph to analyse.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// A named projection (see `analyze projections`).
    #[arg(long, short, default_value = "citation", conflicts_with = "select")]
    pub projection: String,
    /// Your own projection: a file with a SPARQL SELECT returning ?source ?target and optionally
    /// ?weight, ?predicate, ?evidence.
    #[arg(long, value_hint = clap::ValueHint::FilePath)]
    pub select: Option<PathBuf>,
    /// Treat the edges of a --select projection as undirected.
    #[arg(long)]
    pub undirected: bool,
    /// Label nodes in this language (ar, en, es, fr, ru, zh) where the vocabulary has a label
    /// in it, else in English.
    #[arg(long, value_parser = language_tag)]
    pub lang: Option<String>,
}

/// The analyses.
#[derive(Debug, Subcommand)]
pub enum AnalyzeCommand {
    /// List the named projections.
    Projections,
    /// Rank nodes: PageRank, HITS, degree, betweenness, closeness.
    Centrality(CentralityArgs),
    /// Group nodes into communities and report the modularity.
    Communities(CommunitiesArgs),
    /// Shortest path (or all simple paths) between two nodes, with the property and quoted
    /// sentence behind each step. Nodes: IRI, prefixed name, symbol, ISO code or label.
    Path(PathArgs),
    /// Cycles: strongly connected groups (e.g. resolutions recalling each other); for an
    /// undirected projection, its connected components.
    Cycles(CyclesArgs),
    /// How one delegation's citations, principles and threats change from session to session.
    Timeline(TimelineArgs),
}

/// Arguments of `ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Statement files (.txt, .md, .pdf) or folders of them.
    #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// A CSV manifest of metadata (a folder's `manifest.csv` is used automatically).
    #[arg(long, value_hint = clap::ValueHint::FilePath)]
    pub manifest: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Ingest the good inputs even if some are bad (unreadable, not UTF-8, empty, a wrong
    /// manifest row); the bad ones are listed at the end and the exit code is still 3.
    #[arg(long)]
    pub keep_going: bool,
    /// Let a file replace a statement of the same name that the store holds from a file in
    /// another folder that still exists (refused otherwise).
    #[arg(long)]
    pub replace: bool,
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Statement files (.txt, .md, .pdf) or folders of them.
    #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// A CSV manifest of metadata (a folder's `manifest.csv` is used automatically).
    #[arg(long, value_hint = clap::ValueHint::FilePath)]
    pub manifest: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
    /// Print what the good inputs give even if some are bad; the bad ones are listed on
    /// stderr and the exit code is still 3.
    #[arg(long)]
    pub keep_going: bool,
    /// Instead of printing, write the statements' quads as N-Quads into this folder, one file
    /// per input (`<slug>.nq`) and `+resources.nq`, for a server store to bulk-load.
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub to_nquads: Option<PathBuf>,
}

/// Arguments of `text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// A statement file (.txt, .md, .pdf).
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub path: PathBuf,
}

/// Arguments of `correct`.
#[derive(Debug, Args)]
pub struct CorrectArgs {
    /// The corrections file (Turtle).
    #[arg(value_hint = clap::ValueHint::FilePath)]
    pub file: PathBuf,
}

/// Arguments of `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// SPARQL text or a curated query name.
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub query: Option<String>,
    /// Read the query from a file.
    #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
    pub file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_parser = choice::<OutputFormat>(), default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Leave the inferred graph out of the default graph.
    #[arg(long, conflicts_with = "endpoint")]
    pub asserted_only: bool,
    /// Run the query on this remote SPARQL endpoint instead of the local store (the
    /// normgraph prefixes are declared for it).
    #[arg(long)]
    pub endpoint: Option<String>,
    /// Stop the query after this many seconds (exit 3). On a remote endpoint, how long to wait
    /// for its answer (default 300).
    #[arg(long)]
    pub timeout: Option<f64>,
    /// Show labels in this language (ar, en, es, fr, ru, zh) where the vocabulary has them,
    /// else in English: binds `?labelLanguage`, which the curated queries compare label
    /// languages with.
    #[arg(long, value_parser = language_tag, conflicts_with = "endpoint")]
    pub lang: Option<String>,
}

/// A language tag as `--lang` takes it (letters, digits and hyphens), reduced to its primary
/// language subtag.
fn language_tag(value: &str) -> Result<String, String> {
    let ok = !value.is_empty()
        && value.len() <= 35
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && value.starts_with(|c: char| c.is_ascii_alphabetic());
    if ok {
        // Labels are tagged with the language alone (`zh`, not `zh-Hans`).
        let primary = value.split('-').next().unwrap_or(value);
        Ok(primary.to_ascii_lowercase())
    } else {
        Err(format!("{value:?} is not a language tag (e.g. fr, es, zh)"))
    }
}

/// Arguments of `push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// The store's Graph Store Protocol URL (Oxigraph: http://host:7878/store; Fuseki:
    /// http://host:3030/<dataset>/data).
    pub endpoint: String,
    /// Only this named graph (repeat for more).
    #[arg(long)]
    pub graph: Vec<String>,
    /// Leave the inferred graph out.
    #[arg(long)]
    pub asserted_only: bool,
    /// Send every graph, also those unchanged since the last push to this URL (by default
    /// only what changed is sent).
    #[arg(long)]
    pub all: bool,
    /// Attempts per graph.
    #[arg(long, default_value_t = 3)]
    pub attempts: u32,
    /// Time limit of one HTTP exchange, in seconds.
    #[arg(long, default_value_t = 300.0)]
    pub timeout: f64,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// RDF syntax.
    #[arg(long, value_parser = choice::<ExportFormat>(), default_value_t = ExportFormat::Turtle)]
    pub format: ExportFormat,
    /// Only this named graph (IRI).
    #[arg(long)]
    pub graph: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,
}

/// Arguments of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold JSON file; repeat it to pool several gold files of the same kind of facts
    /// into one report.
    #[arg(long, required = true, value_hint = clap::ValueHint::FilePath)]
    pub gold: Vec<PathBuf>,
    /// The folder of the texts (default: each gold file's `texts`, relative to it).
    #[arg(long, value_hint = clap::ValueHint::DirPath)]
    pub texts: Option<PathBuf>,
    /// A second annotation of the same texts: compare it with the (one) --gold file instead of
    /// the extractor's output, to measure how far two annotators agree.
    #[arg(long, value_hint = clap::ValueHint::FilePath)]
    pub second: Option<PathBuf>,
    /// Do not list the disagreements, only the counts.
    #[arg(long)]
    pub summary: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(subcommand)]
    pub what: AnalyzeCommand,
}

/// Arguments of `export-graph`.
#[derive(Debug, Args)]
pub struct ExportGraphArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// Graph file format.
    #[arg(long, value_parser = choice::<GraphFormat>(), default_value_t = GraphFormat::Graphml)]
    pub format: GraphFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,
}

/// Arguments of `viz`.
#[derive(Debug, Args)]
pub struct VizArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// The picture to write (.html or .svg).
    #[arg(long, short, value_hint = clap::ValueHint::FilePath)]
    pub output: PathBuf,
    /// The Graphviz layout program for SVG (dot, neato, sfdp, …).
    #[arg(long, default_value = "dot")]
    pub program: String,
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: std::net::SocketAddr,
    /// Time limit of one query, in seconds (the evaluation is cancelled: HTTP 503).
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Most result rows (or triples) a query may return (more: HTTP 400 naming the limit). The
    /// default keeps a response within what a browser's query page holds (~10–50 MB).
    #[arg(long, default_value_t = 100_000)]
    pub max_rows: usize,
    /// Largest request body in bytes (larger: HTTP 413).
    #[arg(long, default_value_t = 1 << 20)]
    pub max_body: usize,
    /// Accept SPARQL Update.
    #[arg(long)]
    pub allow_update: bool,
    /// Most connections open at once. When all are taken, the one that has waited longest for
    /// its request is closed to make room; when all are busy answering, HTTP 503.
    #[arg(long, default_value_t = 256)]
    pub max_connections: usize,
    /// Most connections one client (IP address) may have waiting for their request; beyond,
    /// its own oldest waiting one is closed.
    #[arg(long, default_value_t = 32)]
    pub max_waiting_per_client: usize,
    /// Seconds a request (head and body) has to arrive once its connection is open or idle
    /// (later: HTTP 408 and the connection closed).
    #[arg(long, default_value_t = 10.0)]
    pub request_timeout: f64,
}

/// Arguments of `infer`.
#[derive(Debug, Args)]
pub struct InferArgs {
    /// A rule file or a folder of *.n3 files (default: the shipped ontology/rules).
    #[arg(long, value_hint = clap::ValueHint::AnyPath)]
    pub rules: Option<PathBuf>,
    /// Stop (storing nothing) when the rules have derived more than this many facts.
    #[arg(long, default_value_t = 10_000_000)]
    pub max_derived: usize,
    /// Stop (storing nothing) after this many seconds.
    #[arg(long)]
    pub timeout: Option<f64>,
}

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Subject.
    pub subject: String,
    /// Predicate.
    pub predicate: String,
    /// Object.
    pub object: String,
    /// A rule file or a folder of *.n3 files (default: the shipped ontology/rules).
    #[arg(long, value_hint = clap::ValueHint::AnyPath)]
    pub rules: Option<PathBuf>,
    /// At most this many derivations per triple.
    #[arg(long, default_value_t = 10)]
    pub max: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
    /// Run the rules to their fixpoint first, even when the store's inferred graph was
    /// derived by these rules (by default the proof is read from the stored inference).
    #[arg(long)]
    pub recompute: bool,
}

/// Arguments of `centrality`.
#[derive(Debug, Args)]
pub struct CentralityArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// Which measures (comma-separated; default all).
    #[arg(long, value_parser = choice::<Measure>(), value_delimiter = ',')]
    pub measures: Vec<Measure>,
    /// PageRank damping factor.
    #[arg(long, default_value_t = 0.85)]
    pub alpha: f64,
    /// PageRank tolerance (as networkx's `tol`).
    #[arg(long, default_value_t = 1e-6)]
    pub tol: f64,
    /// Most PageRank/HITS iterations.
    #[arg(long, default_value_t = 100)]
    pub max_iter: usize,
    /// Betweenness from this many sampled sources (for large graphs).
    #[arg(long)]
    pub pivots: Option<usize>,
    /// Seed of the pivot sample.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Only the first N rows.
    #[arg(long)]
    pub top: Option<usize>,
    /// Output format.
    #[arg(long, value_parser = choice::<TableFormat>(), default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Store the scores as RDF in the graph id:graph/analysis/<projection>.
    #[arg(long)]
    pub write_back: bool,
}

/// Arguments of `communities`.
#[derive(Debug, Args)]
pub struct CommunitiesArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// Louvain or label propagation.
    #[arg(long, value_parser = choice::<CommunityMethod>(), default_value_t = CommunityMethod::Louvain)]
    pub method: CommunityMethod,
    /// Modularity resolution (above 1: smaller communities).
    #[arg(long, default_value_t = 1.0)]
    pub resolution: f64,
    /// Output format.
    #[arg(long, value_parser = choice::<TableFormat>(), default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Store the communities as RDF in the graph id:graph/analysis/<projection>.
    #[arg(long)]
    pub write_back: bool,
}

/// Arguments of `path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// Start node.
    #[arg(long)]
    pub from: String,
    /// End node.
    #[arg(long)]
    pub to: String,
    /// All simple paths, not only a shortest one.
    #[arg(long)]
    pub all: bool,
    /// Longest path (edges) with --all.
    #[arg(long, default_value_t = 6)]
    pub max_length: usize,
    /// Most paths listed with --all.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_parser = choice::<TableFormat>(), default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

/// Arguments of `cycles`.
#[derive(Debug, Args)]
pub struct CyclesArgs {
    #[command(flatten)]
    pub graph: GraphArgs,
    /// Output format.
    #[arg(long, value_parser = choice::<TableFormat>(), default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

/// Arguments of `timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The delegation: ISO code (IRN), name, group code or IRI.
    #[arg(long)]
    pub delegation: String,
    /// Output format.
    #[arg(long, value_parser = choice::<TableFormat>(), default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}
