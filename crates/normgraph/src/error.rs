//! Typed errors of the library, one enum per pipeline stage.
//!
//! Every error about user input names the input (file, and line/column where that applies) so
//! the CLI can print it as one clear line.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in a user's file something is: the file, and the 1-based line and column when they are
/// known. Rendered in one place ([`fmt::Display`]) as `file`, `file:line` or
/// `file:line:column`, the form editors and terminals turn into links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file (or another name of the input, such as `<embedded>/ontology/x.ttl`).
    pub file: PathBuf,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
}

impl Location {
    /// The whole file.
    pub fn file(file: &Path) -> Self {
        Self {
            file: file.to_path_buf(),
            line: None,
            column: None,
        }
    }

    /// A line (1-based) of the file.
    pub fn line(file: &Path, line: usize) -> Self {
        Self {
            file: file.to_path_buf(),
            line: Some(line),
            column: None,
        }
    }

    /// A line and column (both 1-based) of the file.
    pub fn at(file: &Path, line: usize, column: usize) -> Self {
        Self {
            file: file.to_path_buf(),
            line: Some(line),
            column: Some(column),
        }
    }

    /// Where a parser says an error starts, as oxigraph's parsers count (0-based line and
    /// column), or the whole file when it says nothing.
    pub fn from_parser(file: &Path, start: Option<(u64, u64)>) -> Self {
        match start {
            Some((line, column)) => Self::at(file, line as usize + 1, column as usize + 1),
            None => Self::file(file),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// Errors while reading a user's files from disk: statements, and (through
/// [`read_text`](crate::source::file::read_text)) every other text file a user gives.
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
    #[error("{location}: not valid UTF-8 (byte offset {offset}); convert the file to UTF-8 first")]
    NotUtf8 {
        /// The file, line and column (in characters) of the first bad byte.
        location: Location,
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
    #[error("{location}: NUL byte in text (byte offset {offset}); is this a binary file?")]
    Binary {
        /// The file, line and column of the NUL byte.
        location: Location,
        /// Byte offset.
        offset: usize,
    },
    /// The YAML front matter at the top of a statement is wrong.
    #[error("{location}: front matter: {message}")]
    FrontMatter {
        /// The file and line.
        location: Location,
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
    /// The manifest file cannot be read or is not UTF-8.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A manifest row or header that is not valid CSV or names a wrong value.
    #[error("{location}: {message}")]
    Invalid {
        /// The manifest file and line.
        location: Location,
        /// What is wrong.
        message: String,
    },
}

/// Errors while loading the vocabulary, taxonomies and reference data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResourceError {
    /// A resource file cannot be read or is not UTF-8.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A resource folder cannot be listed.
    #[error("{path}: cannot read")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A Turtle resource file does not parse.
    #[error("{location}: {message}")]
    Syntax {
        /// Where the parser stopped.
        location: Location,
        /// What the parser said.
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
    /// A reference table the extractor needs is missing.
    #[error("{0}: no such table")]
    MissingTable(String),
    /// A row of a reference table (CSV) is wrong.
    #[error("{location}: {message}")]
    Table {
        /// The file and line.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// A cue pattern the extractor needs is not in `data/cues/`.
    #[error("no cue pattern cue:{0} (an ng:CuePattern with an ng:pattern) in data/cues/")]
    MissingCue(String),
    /// A curated query name is unknown.
    #[error("no curated query named {0:?} (see `normgraph queries`)")]
    UnknownQuery(String),
    /// A SHACL shapes file asks for what the validator does not check, or is malformed.
    #[error("{path}: {message}")]
    Shapes {
        /// The shapes file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
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
    #[error("{}", syntax_report(origin, message, query))]
    Syntax {
        /// Where the query came from (file, curated name or "command line").
        origin: String,
        /// Parser message with its position, as the parser wrote it.
        message: String,
        /// The query text, to show the line the error is on.
        query: String,
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
    /// The query asks for what normgraph does not do (a federated `SERVICE`, a custom
    /// function).
    #[error("{origin}: {message} (normgraph answers from its own store only)")]
    Unsupported {
        /// Where the query came from.
        origin: String,
        /// What is not supported.
        message: String,
    },
    /// The query nests too deep or is too long to be parsed safely (see
    /// [`query::limits`](crate::query::limits)).
    #[error("{origin}: {message}; simplify the query")]
    TooComplex {
        /// Where the query came from.
        origin: String,
        /// Which limit it passes.
        message: String,
    },
    /// A term typed by the user is not one.
    #[error("{0:?} is not an IRI, prefixed name, resolution symbol or literal")]
    BadTerm(String),
    /// The query ran past its time limit and was stopped.
    #[error(
        "{origin}: the query ran longer than the time limit ({seconds} s) and was stopped; \
         narrow it (LIMIT, more bound terms) or give a larger --timeout"
    )]
    TimedOut {
        /// Where the query came from.
        origin: String,
        /// The time limit.
        seconds: f64,
    },
    /// Writing the results failed.
    #[error("writing results")]
    Io(#[from] std::io::Error),
}

/// A SPARQL syntax error as people read it: `origin:line:column: SPARQL syntax error: expected
/// …` (the list of expected tokens cut after eight), then the query's line and a caret under the
/// place. Without a position, the parser's message on one line.
fn syntax_report(origin: &str, message: &str, query: &str) -> String {
    let one_line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let position = one_line.strip_prefix("error at ").and_then(|rest| {
        let (at, what) = rest.split_once(": ")?;
        let (line, column) = at.split_once(':')?;
        Some((
            line.parse::<usize>().ok()?,
            column.parse::<usize>().ok()?,
            what,
        ))
    });
    let Some((line, column, what)) = position else {
        return format!("{origin}: SPARQL syntax error: {one_line}");
    };
    let what = match what.strip_prefix("expected one of ") {
        Some(list) => {
            let items: Vec<&str> = list.split(", ").collect();
            if items.len() > 8 {
                format!(
                    "expected one of {}, … ({} possibilities)",
                    items[..8].join(", "),
                    items.len()
                )
            } else {
                what.to_owned()
            }
        }
        None => what.to_owned(),
    };
    let mut out = format!("{origin}:{line}:{column}: SPARQL syntax error: {what}");
    if let Some(text) = query.lines().nth(line.saturating_sub(1)) {
        let shown: String = text
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        if shown.chars().count() <= 200 {
            out.push_str(&format!(
                "\n    {shown}\n    {}^",
                " ".repeat(column.saturating_sub(1))
            ));
        }
    }
    out
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
#[non_exhaustive]
pub enum CorrectionError {
    /// The file cannot be read or is not UTF-8.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The Turtle does not parse.
    #[error("{location}: {message}")]
    Syntax {
        /// Where the parser stopped.
        location: Location,
        /// What the parser said.
        message: String,
    },
    /// A retraction is incomplete or unusable.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// A catalogue file (`normgraph catalogue import`) that cannot be used, or a store that cannot
/// take it. Nothing is written when any of these happens.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogueError {
    /// The file cannot be read or is not UTF-8.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The file is not well-formed XML, or not MARC 21 XML (slim schema).
    #[error("{location}: {message}")]
    Syntax {
        /// Where the parser stopped.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// One record cannot be imported: no document symbol, a date or vote that is not one, a
    /// country code the reference data does not know. Skipped under `--keep-going`.
    #[error("{location}: record {symbol}: {message}")]
    Record {
        /// Where the record (or the bad field) starts.
        location: Location,
        /// The record's document symbol, or `?` when it has none.
        symbol: String,
        /// What is wrong.
        message: String,
    },
    /// The reference data cannot be read.
    #[error(transparent)]
    Resource(#[from] ResourceError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CatalogueError {
    /// A bad file or record is bad input; otherwise the kind of the store's failure.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Store(e) => e.kind(),
            _ => ErrorKind::BadInput,
        }
    }
}

/// Errors in rule files or rule sets.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RuleError {
    /// A rule folder cannot be listed.
    #[error("{path}: cannot read")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A rule file does not parse as N3.
    #[error("{location}: {message}")]
    Syntax {
        /// Where the parser stopped.
        location: Location,
        /// What the parser said.
        message: String,
    },
    /// A rule is malformed (unbound head variable, blank node in head, unknown builtin, …).
    #[error("{path}:{line}: rule {rule:?}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Line of the rule's `=>`.
        line: usize,
        /// The rule's label.
        rule: String,
        /// What is wrong.
        message: String,
    },
    /// Negation inside a recursive cycle: the rule set cannot be stratified.
    #[error("the rules cannot be stratified: negation inside the cycle {}", cycle.join(" → "))]
    Unstratifiable {
        /// The predicates of the cycle.
        cycle: Vec<String>,
    },
    /// No rules were found.
    #[error("{0}: no rules found (*.n3 files with `{{ … }} => {{ … }} .`)")]
    NoRules(PathBuf),
    /// The evaluation passed a bound ([`Bounds`](crate::rules::eval::Bounds)): too many derived
    /// facts or its time limit.
    #[error("{0}; nothing was stored (raise --max-derived or --timeout, or check for a rule that derives without end)")]
    Bound(String),
    /// A rule file cannot be read or is not UTF-8.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The shipped rules cannot be read.
    #[error(transparent)]
    Resource(#[from] ResourceError),
    /// The store the rules run over failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What kind of failure an error is; the command line turns it into its exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The user's input is wrong: a file, manifest, query, term, option or resource that cannot
    /// be read or parsed.
    BadInput,
    /// The store is missing, locked or not a store.
    Store,
    /// Something failed that is not the input's fault.
    Failure,
}

impl RuleError {
    /// Store failures are about the store; everything else is bad input.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Store(e) => e.kind(),
            _ => ErrorKind::BadInput,
        }
    }
}

impl QueryError {
    /// A query that does not parse, a format that does not fit it, a term that is not one or a
    /// query that runs past its time limit is bad input; the rest are failures.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Syntax { .. }
            | Self::Format { .. }
            | Self::BadTerm(_)
            | Self::TooComplex { .. }
            | Self::TimedOut { .. }
            | Self::Unsupported { .. } => ErrorKind::BadInput,
            _ => ErrorKind::Failure,
        }
    }
}

impl StoreError {
    /// RDF that cannot be loaded is bad input; the rest is about the store.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Load { .. } => ErrorKind::BadInput,
            _ => ErrorKind::Store,
        }
    }
}

impl ExportError {
    /// An unknown graph or a bad IRI is bad input; otherwise the kind is that of the cause.
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            Self::UnknownGraph(_) | Self::BadIri(_) => Some(ErrorKind::BadInput),
            _ => None,
        }
    }
}

impl AnalysisError {
    /// Store failures are [`ErrorKind::Store`]; a query that does not parse, an unknown node,
    /// projection or option are bad input; the rest are failures.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Store(_) => ErrorKind::Store,
            Self::Query(q) => q.kind(),
            Self::Io(_) | Self::EmptyGraph { .. } => ErrorKind::Failure,
            _ => ErrorKind::BadInput,
        }
    }
}

impl RemoteError {
    /// A bad URL or graph is bad input; the rest are failures.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::BadUrl { .. } | Self::BadGraph(_) => ErrorKind::BadInput,
            _ => ErrorKind::Failure,
        }
    }
}

/// The kind of one error of this library, or `None` when `err` is not one of its errors (or
/// leaves the kind to its cause). The command line looks along an error's chain of causes and
/// takes the first kind it finds.
pub fn kind_of(err: &(dyn std::error::Error + 'static)) -> Option<ErrorKind> {
    // Errors about reading the user's files are always bad input.
    if err.is::<ReadError>()
        || err.is::<ManifestError>()
        || err.is::<ResourceError>()
        || err.is::<CorrectionError>()
        || err.is::<InputError>()
    {
        return Some(ErrorKind::BadInput);
    }
    macro_rules! try_kind {
        ($($t:ty),+) => {
            $(if let Some(e) = err.downcast_ref::<$t>() {
                return Some(e.kind());
            })+
        };
    }
    try_kind!(
        IngestError,
        CatalogueError,
        ShardError,
        RuleError,
        QueryError,
        StoreError,
        AnalysisError,
        RemoteError
    );
    err.downcast_ref::<ExportError>()
        .and_then(ExportError::kind)
}

/// The place in a user's file an error points at, when it names a line and column: syntax
/// errors in Turtle corrections, N3 rules, resource files and front matter, bad manifest cells
/// and table rows, unknown delegations.
pub fn location_of<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a Location> {
    located(err).filter(|l| l.line.is_some())
}

/// [`location_of`] before the line check, looking through the wrappers that are
/// `#[error(transparent)]` (the chain of causes skips them).
fn located<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a Location> {
    fn read(e: &ReadError) -> Option<&Location> {
        match e {
            ReadError::NotUtf8 { location, .. } | ReadError::FrontMatter { location, .. } => {
                Some(location)
            }
            _ => None,
        }
    }
    fn manifest(e: &ManifestError) -> Option<&Location> {
        match e {
            ManifestError::Invalid { location, .. } => Some(location),
            ManifestError::Read(r) => read(r),
        }
    }
    fn resource(e: &ResourceError) -> Option<&Location> {
        match e {
            ResourceError::Syntax { location, .. } | ResourceError::Table { location, .. } => {
                Some(location)
            }
            ResourceError::Read(r) => read(r),
            _ => None,
        }
    }
    fn input(e: &InputError) -> Option<&Location> {
        match e {
            InputError::UnknownDelegation { location, .. } => Some(location),
            InputError::Read(r) => read(r),
            InputError::Manifest(m) => manifest(m),
            _ => None,
        }
    }
    if let Some(e) = err.downcast_ref::<ReadError>() {
        read(e)
    } else if let Some(e) = err.downcast_ref::<ManifestError>() {
        manifest(e)
    } else if let Some(e) = err.downcast_ref::<ResourceError>() {
        resource(e)
    } else if let Some(e) = err.downcast_ref::<InputError>() {
        input(e)
    } else if let Some(e) = err.downcast_ref::<CorrectionError>() {
        match e {
            CorrectionError::Syntax { location, .. } => Some(location),
            CorrectionError::Read(r) => read(r),
            _ => None,
        }
    } else if let Some(e) = err.downcast_ref::<RuleError>() {
        match e {
            RuleError::Syntax { location, .. } => Some(location),
            RuleError::Read(r) => read(r),
            RuleError::Resource(r) => resource(r),
            _ => None,
        }
    } else if let Some(e) = err.downcast_ref::<CatalogueError>() {
        match e {
            CatalogueError::Syntax { location, .. } | CatalogueError::Record { location, .. } => {
                Some(location)
            }
            CatalogueError::Read(r) => read(r),
            CatalogueError::Resource(r) => resource(r),
            CatalogueError::Store(_) => None,
        }
    } else if let Some(e) = err.downcast_ref::<IngestError>() {
        match e {
            IngestError::Input(i) => input(i),
            _ => None,
        }
    } else if let Some(e) = err.downcast_ref::<ShardError>() {
        match e {
            ShardError::Input(i) => input(i),
            ShardError::Resource(r) => resource(r),
            _ => None,
        }
    } else if let Some(AnalysisError::Resource(r)) = err.downcast_ref::<AnalysisError>() {
        resource(r)
    } else {
        None
    }
}

/// The line a location points at, with a caret under its column (or under the whole line when
/// there is no column), as compilers show it:
///
/// ```text
///    4 |   ng:other <urn:c .
///      |            ^
/// ```
///
/// `None` when the file cannot be read again (an embedded resource, a file gone since) or has
/// no such line. Long lines are cut to 100 characters around the column.
pub fn snippet(location: &Location) -> Option<String> {
    const WIDTH: usize = 100;
    let line_number = location.line?;
    let bytes = std::fs::read(&location.file).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let lines = text.lines().count();
    if line_number == lines + 1 {
        // A parser that stops at the end of the file.
        let gutter = line_number.to_string().len();
        return Some(format!(
            "{:>gutter$} |\n{line_number} | (end of file: something is left open above)",
            ""
        ));
    }
    let line = text.lines().nth(line_number.checked_sub(1)?)?;
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let column = location
        .column
        .map(|c| c.saturating_sub(1).min(chars.len()));
    let start = column.map_or(0, |c| c.saturating_sub(WIDTH / 2));
    let end = (start + WIDTH).min(chars.len());
    let shown: String = chars[start..end]
        .iter()
        .map(|c| if c.is_control() { '\u{fffd}' } else { *c })
        .collect();
    let (lead, tail) = (
        if start > 0 { "…" } else { "" },
        if end < chars.len() { "…" } else { "" },
    );
    let gutter = line_number.to_string().len();
    let marker = match column {
        Some(c) => format!("{}^", " ".repeat(c - start + lead.chars().count())),
        None => "^".repeat(shown.chars().count().max(1)),
    };
    Some(format!(
        "{:>gutter$} |\n{line_number} | {lead}{shown}{tail}\n{:>gutter$} | {marker}",
        "", ""
    ))
}

/// Renders an error with its chain of causes, `outer: inner: …`, as the command line prints it.
pub fn render(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

/// A bad input found while gathering a batch of statements (see
/// [`extract::batch`](crate::extract::batch)).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// A statement file cannot be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A manifest cannot be used.
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    /// A manifest row names a delegation the reference data does not know.
    #[error("{location}: unknown delegation {value:?} (not a code or name in data/reference)")]
    UnknownDelegation {
        /// The manifest (or front matter) and the line of the row.
        location: Location,
        /// The value given.
        value: String,
    },
    /// Two input files would become the same statement.
    #[error("{} and {} would both be statement `{slug}`; rename one", first.display(), second.display())]
    DuplicateStatement {
        /// The file seen first.
        first: PathBuf,
        /// The other file.
        second: PathBuf,
        /// The statement's name.
        slug: String,
    },
    /// An input file would replace a statement the store holds from another file that still
    /// exists (two folders with a file of the same name).
    #[error("{} would replace statement `{slug}`, which the store holds from {} (still there); rename one of them, or give --replace if this file is meant to replace it", file.display(), earlier.display())]
    HeldFromAnotherFile {
        /// The file given now.
        file: PathBuf,
        /// The file an earlier ingest read the statement from.
        earlier: PathBuf,
        /// The statement's name.
        slug: String,
    },
    /// A file changed between the two times an ingest read it.
    #[error("{}: changed while it was being ingested; run the ingest again", path.display())]
    ChangedDuringIngest {
        /// The file.
        path: PathBuf,
    },
}

/// An ingest that failed: bad input (nothing was written) or the store.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A bad input; the store is as it was.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl IngestError {
    /// Bad input, or the kind of the store's failure.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Input(_) => ErrorKind::BadInput,
            Self::Store(e) => e.kind(),
        }
    }
}

/// A failure to write N-Quads shards (see [`crate::output::shards`]).
#[derive(Debug, thiserror::Error)]
pub enum ShardError {
    /// A bad input (without `keep_going`); files written before it stay.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The resources cannot be read.
    #[error(transparent)]
    Resource(#[from] ResourceError),
    /// A shard cannot be written.
    #[error("{}: cannot write: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl ShardError {
    /// Bad input or resources; a file that cannot be written is a failure.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Io { .. } => ErrorKind::Failure,
            _ => ErrorKind::BadInput,
        }
    }
}
