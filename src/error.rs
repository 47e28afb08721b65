//! Typed errors of the library, one enum per pipeline stage.
//!
//! Every error about user input names the input (file, and line/column where that applies) so
//! the CLI can print it as one clear line.

use std::path::PathBuf;

/// Errors while reading statement documents from disk.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The path does not exist or cannot be read.
    #[error("{path}: cannot read")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The bytes are not valid UTF-8.
    #[error("{path}:{line}:{column}: not valid UTF-8 (byte offset {offset}); convert the file to UTF-8 first")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// The file looks like UTF-16 (it starts with a UTF-16 byte-order mark).
    #[error("{path}: the file is UTF-16; convert it to UTF-8 first")]
    Utf16 {
        /// The file.
        path: PathBuf,
    },
    /// A PDF whose text cannot be read (damaged, encrypted, or not a PDF after all).
    #[error("{path}: cannot read the PDF's text: {message}")]
    Pdf {
        /// The file.
        path: PathBuf,
        /// What the PDF reader said.
        message: String,
    },
    /// A PDF with pages but no text on them (a scan without a text layer).
    #[error("{path}: the PDF has no text layer (a scanned image?); run OCR on it first")]
    PdfWithoutText {
        /// The file.
        path: PathBuf,
    },
    /// The file holds no text.
    #[error("{path}: the file is empty")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file holds a NUL byte, which no text statement has.
    #[error(
        "{path}:{line}:{column}: NUL byte in text (byte offset {offset}); is this a binary file?"
    )]
    Binary {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Byte offset.
        offset: usize,
    },
    /// The YAML front matter at the top of a statement is wrong.
    #[error("{path}:{line}: front matter: {message}")]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// 1-based line in the file.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A folder given as input holds no statement files.
    #[error("{path}: no statement files (*.txt, *.md) found in this folder")]
    NoFiles {
        /// The folder.
        path: PathBuf,
    },
}

/// Errors in a manifest file (CSV metadata for statements).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ManifestError {
    /// The manifest cannot be read or is not valid CSV.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The manifest file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
}

/// Errors while loading the vocabulary, taxonomies and reference data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResourceError {
    /// A Turtle resource file cannot be read.
    #[error("{path}: cannot read")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A Turtle resource file does not parse.
    #[error("{path}:{message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Parser message with its position.
        message: String,
    },
    /// A label cannot be turned into a matcher.
    #[error("label {label:?} of <{concept}>: {message}")]
    BadLabel {
        /// The label text.
        label: String,
        /// The concept IRI.
        concept: String,
        /// What is wrong.
        message: String,
    },
    /// A folder given as resources lacks `ontology/normgraph.ttl` or `data/reference/`.
    #[error("{0}: not a resource folder (it needs ontology/normgraph.ttl and data/reference/)")]
    NotAResourceFolder(PathBuf),
    /// A curated query name is unknown.
    #[error("no curated query named {0:?} (see `normgraph queries`)")]
    UnknownQuery(String),
}

/// Errors from the persistent store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The store directory does not exist (queries never create a store).
    #[error("{0}: no normgraph store here; run `normgraph ingest` first (or pass --store)")]
    Missing(PathBuf),
    /// The directory exists but is not a store.
    #[error("{0}: this folder exists but is not a normgraph store")]
    NotAStore(PathBuf),
    /// Another process holds the store open.
    #[error("{0}: the store is in use by another normgraph process (RocksDB lock); wait for it to finish")]
    Locked(PathBuf),
    /// normgraph was built without the `rocksdb` feature.
    #[error("{0}: this normgraph was built without a persistent store (feature `rocksdb`)")]
    NoPersistentStore(PathBuf),
    /// Any other storage failure.
    #[error("{path}: storage error")]
    Storage {
        /// The store directory.
        path: PathBuf,
        /// The underlying error.
        source: oxigraph::store::StorageError,
    },
    /// Loading RDF into the store failed.
    #[error("{path}: {message}")]
    Load {
        /// The input.
        path: PathBuf,
        /// The message.
        message: String,
    },
}

/// Errors while running a SPARQL query.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query does not parse.
    #[error("{origin}: SPARQL syntax error: {message}")]
    Syntax {
        /// Where the query came from (file, curated name or "command line").
        origin: String,
        /// Parser message with its position.
        message: String,
    },
    /// Evaluation failed.
    #[error("{origin}: query evaluation failed: {message}")]
    Evaluation {
        /// Where the query came from.
        origin: String,
        /// The message.
        message: String,
    },
    /// The requested output format does not fit the query form.
    #[error("format {format} cannot hold {form} results (use {hint})")]
    Format {
        /// The requested format.
        format: String,
        /// SELECT, ASK, CONSTRUCT or DESCRIBE.
        form: &'static str,
        /// Formats that fit.
        hint: &'static str,
    },
    /// Writing the results failed.
    #[error("writing results")]
    Io(#[from] std::io::Error),
}

/// Errors while exporting RDF.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The named graph is not in the store.
    #[error("no graph <{0}> in the store (list them with `normgraph graphs`)")]
    UnknownGraph(String),
    /// The IRI given is not valid.
    #[error("not a valid IRI: {0}")]
    BadIri(String),
    /// Serialisation or I/O failed.
    #[error("export failed")]
    Io(#[from] std::io::Error),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Errors while projecting the store into a graph and analysing it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AnalysisError {
    /// No projection has this name.
    #[error("no projection named {name:?}; the projections are: {known} (or pass --select FILE)")]
    UnknownProjection {
        /// The name asked for.
        name: String,
        /// The known names, comma-separated.
        known: String,
    },
    /// A projection query is not a SELECT.
    #[error("{origin}: a projection must be a SELECT query returning ?source ?target [?weight]")]
    NotSelect {
        /// Where the query came from.
        origin: String,
    },
    /// A projection query does not return the variables a graph needs.
    #[error("{origin}: the SELECT does not return ?{missing}; a projection returns ?source ?target and optionally ?weight, ?predicate, ?evidence")]
    MissingVariable {
        /// Where the query came from.
        origin: String,
        /// The missing variable.
        missing: &'static str,
    },
    /// A ?weight value is not a non-negative finite number.
    #[error("{origin}: result row {row}: ?weight {value:?} is not a non-negative number")]
    BadWeight {
        /// Where the query came from.
        origin: String,
        /// 1-based result row.
        row: usize,
        /// The value.
        value: String,
    },
    /// The projection holds no edges.
    #[error("the {name} projection is empty: no edges in this store (ingest statements first, or check the query)")]
    EmptyGraph {
        /// The projection name.
        name: String,
    },
    /// A node named on the command line is not in the graph.
    #[error("no node {what:?} in the {projection} projection (give an IRI, a prefixed name, a symbol such as A/RES/73/27, an ISO code or a label)")]
    UnknownNode {
        /// What was asked for.
        what: String,
        /// The projection name.
        projection: String,
    },
    /// A node named on the command line matches several nodes.
    #[error(
        "{what:?} names several nodes of the {projection} projection: {candidates}; give the IRI"
    )]
    AmbiguousNode {
        /// What was asked for.
        what: String,
        /// The projection name.
        projection: String,
        /// Some of the IRIs it matches.
        candidates: String,
    },
    /// An option value is out of range.
    #[error("{0}")]
    BadOption(String),
    /// The projection query failed.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A resource could not be read.
    #[error(transparent)]
    Resource(#[from] ResourceError),
    /// Writing output failed.
    #[error("writing output")]
    Io(#[from] std::io::Error),
}

/// Errors while talking to an external SPARQL store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RemoteError {
    /// The URL is not usable.
    #[error("{url}: not a usable URL: {message}")]
    BadUrl {
        /// The URL.
        url: String,
        /// What is wrong.
        message: String,
    },
    /// No connection, or the exchange broke off.
    #[error("{url}: cannot reach the store: {message}")]
    Unreachable {
        /// The URL.
        url: String,
        /// The I/O error.
        message: String,
    },
    /// The store answered with an error status.
    #[error("{url}: the store answered HTTP {status}: {message}")]
    Status {
        /// The URL.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The start of the response body.
        message: String,
    },
    /// A graph failed after all attempts.
    #[error("gave up after {attempts} attempt(s); {pushed} graph(s) were pushed before this one")]
    GaveUp {
        /// Attempts made for the failing graph.
        attempts: u32,
        /// Graphs pushed before.
        pushed: usize,
        /// The last error.
        #[source]
        source: Box<RemoteError>,
    },
    /// A graph asked for is not an IRI or not in the store.
    #[error("no graph <{0}> in the store (list them with `normgraph graphs`)")]
    BadGraph(String),
    /// Reading the local store failed.
    #[error("reading the store: {0}")]
    Store(String),
}

/// A corrections file (`normgraph correct`) that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CorrectionError {
    /// The Turtle does not parse.
    #[error("{path}:{message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Parser message with its line and column.
        message: String,
    },
    /// The file cannot be read, is not UTF-8, or a retraction is incomplete.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}
