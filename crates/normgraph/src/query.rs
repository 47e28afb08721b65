//! SPARQL queries over the store, and their results in the formats tools read.
//!
//! The default graph of a query is the union of all named graphs (every statement, the ontology,
//! the reference data), so a scholar need not write `GRAPH` clauses; `GRAPH ?g { … }` still
//! finds which statement a fact comes from. The prefixes of [`crate::rdf::vocab::PREFIXES`] are
//! predeclared.

pub mod limits;
pub mod shacl;
pub mod term;

use crate::error::QueryError;
use crate::rdf::vocab::{self, PREFIXES};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedOrBlankNode};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, PreparedSparqlQuery, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;

crate::choice_enum! {
    /// Output formats of `normgraph query`.
    pub enum OutputFormat {
        /// An aligned text table (SELECT, ASK) or Turtle (CONSTRUCT, DESCRIBE).
        Table = "table",
        /// SPARQL results CSV.
        Csv = "csv",
        /// SPARQL results TSV.
        Tsv = "tsv",
        /// SPARQL results JSON.
        Json = "json",
        /// SPARQL results XML.
        Xml = "xml",
        /// Turtle (CONSTRUCT, DESCRIBE).
        Turtle = "turtle",
        /// N-Triples (CONSTRUCT, DESCRIBE).
        Ntriples = "ntriples",
        /// RDF/XML (CONSTRUCT, DESCRIBE).
        Rdfxml = "rdfxml",
        /// JSON-LD (CONSTRUCT, DESCRIBE).
        Jsonld = "jsonld",
    }
}

/// Which graphs form the default graph of a query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DefaultGraph {
    /// The union of all named graphs.
    #[default]
    Union,
    /// The union of all named graphs except the inferred graph.
    Asserted,
    /// The query's own `FROM` / `FROM NAMED` if it has them, else the union of all named graphs
    /// (the endpoint's default).
    QueryOrUnion,
    /// Exactly these graphs (the SPARQL protocol's `default-graph-uri` and `named-graph-uri`);
    /// an empty `named` leaves the named graphs as they are.
    Given {
        /// The graphs whose union is the default graph.
        default: Vec<GraphName>,
        /// The named graphs the query may address.
        named: Vec<NamedOrBlankNode>,
    },
}

/// A SPARQL evaluator with the normgraph prefixes predeclared (shared by `query` and `explain`).
pub fn evaluator() -> SparqlEvaluator {
    PREFIXES
        .iter()
        .fold(SparqlEvaluator::new(), |e, (prefix, iri)| {
            e.with_prefix(*prefix, *iri)
                .expect("the built-in prefixes are valid IRIs")
        })
}

/// Parses a query and sets its dataset: the one way the command line, the graph commands and the
/// endpoint prepare queries. `origin` names where the query came from, for error messages; a
/// `cancel` token lets the caller stop the evaluation (the endpoint's time limit).
pub fn prepare(
    store: &Store,
    query: &str,
    origin: &str,
    default_graph: &DefaultGraph,
    cancel: Option<CancellationToken>,
) -> Result<PreparedSparqlQuery, QueryError> {
    limits::check_shape(query, origin)?;
    let mut evaluator = evaluator();
    if let Some(token) = cancel {
        evaluator = evaluator.with_cancellation_token(token);
    }
    // Built without oxigraph's HTTP client: federated SERVICE calls are off.
    let mut prepared = evaluator
        .parse_query(query)
        .map_err(|e| QueryError::Syntax {
            origin: origin.to_owned(),
            message: e.to_string(),
            query: query.to_owned(),
        })?;
    set_dataset(&mut prepared, store, default_graph);
    Ok(prepared)
}

/// Sets the dataset of a prepared query (see [`DefaultGraph`]).
pub fn set_dataset(
    prepared: &mut PreparedSparqlQuery,
    store: &Store,
    default_graph: &DefaultGraph,
) {
    let dataset = prepared.dataset_mut();
    match default_graph {
        DefaultGraph::Union => dataset.set_default_graph_as_union(),
        DefaultGraph::QueryOrUnion => {
            if dataset.is_default_dataset() {
                dataset.set_default_graph_as_union();
            }
        }
        DefaultGraph::Asserted => {
            let inferred = vocab::inferred_graph();
            let graphs = store
                .named_graphs()
                .filter_map(Result::ok)
                .filter(|g| g.to_string() != format!("<{inferred}>"))
                .map(Into::into)
                .collect();
            dataset.set_default_graph(graphs);
        }
        DefaultGraph::Given { default, named } => {
            dataset.set_default_graph(default.clone());
            if !named.is_empty() {
                dataset.set_available_named_graphs(named.clone());
            }
        }
    }
}

/// Parses and evaluates a query over the store (see [`prepare`]).
pub fn execute<'a>(
    store: &'a Store,
    query: &str,
    origin: &str,
    default_graph: &DefaultGraph,
) -> Result<QueryResults<'a>, QueryError> {
    prepare(store, query, origin, default_graph, None)?
        .on_store(store)
        .execute()
        .map_err(|e| evaluation_error(origin, e))
}

fn evaluation_error(origin: &str, e: oxigraph::sparql::QueryEvaluationError) -> QueryError {
    use oxigraph::sparql::QueryEvaluationError as E;
    match e {
        // What the query asks for and normgraph does not do (federated queries, custom
        // functions) is the query's fault, not a failure.
        E::Service(_)
        | E::UnboundService
        | E::InvalidServiceName(_)
        | E::UnsupportedService(_)
        | E::UnsupportedCustomFunction(_)
        | E::UnsupportedCustomFunctionArity { .. } => QueryError::Unsupported {
            origin: origin.to_owned(),
            message: e.to_string(),
        },
        e => QueryError::Evaluation {
            origin: origin.to_owned(),
            message: e.to_string(),
        },
    }
}

/// The variables and rows of a SELECT query, or `None` if the query is not a SELECT.
pub type SelectRows = Option<(Vec<String>, Vec<Vec<Option<Term>>>)>;

/// Runs a query and collects its solutions (see [`SelectRows`]).
pub fn select(
    store: &Store,
    query: &str,
    origin: &str,
    default_graph: &DefaultGraph,
) -> Result<SelectRows, QueryError> {
    match execute(store, query, origin, default_graph)? {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let rows = solutions
                .map(|s| s.map(|s| variables.iter().map(|v| s.get(v).cloned()).collect()))
                .collect::<Result<_, _>>()
                .map_err(|e| evaluation_error(origin, e))?;
            Ok(Some((
                variables.iter().map(|v| v.as_str().to_owned()).collect(),
                rows,
            )))
        }
        _ => Ok(None),
    }
}

/// Parses and runs a query, writing its results to `out`. `origin` names where the query came
/// from, for error messages.
///
/// With a `timeout`, the evaluation is cancelled when it passes and the error is
/// [`QueryError::TimedOut`]. (Oxigraph notices the cancellation when it next reads the store: a
/// query busy joining what it has read stops within one scan of what it reads.)
#[allow(clippy::too_many_arguments)]
pub fn run(
    store: &Store,
    query: &str,
    origin: &str,
    format: OutputFormat,
    default_graph: &DefaultGraph,
    timeout: Option<std::time::Duration>,
    labels: Option<&str>,
    out: &mut impl Write,
) -> Result<usize, QueryError> {
    let token = CancellationToken::new();
    let _watchdog = timeout.map(|limit| Watchdog::start(token.clone(), limit));
    let timed_out = |e: QueryError| match (e, timeout) {
        (QueryError::Evaluation { .. }, Some(limit)) if token.is_cancelled() => {
            QueryError::TimedOut {
                origin: origin.to_owned(),
                seconds: limit.as_secs_f64(),
            }
        }
        (e, _) => e,
    };
    write_results(
        store,
        query,
        origin,
        format,
        default_graph,
        &token,
        labels,
        out,
    )
    .map_err(timed_out)
}

/// `query` with `?labelLanguage` (or `$labelLanguage`) replaced by the literal `"language"`.
/// (Oxigraph substitutes only variables a query returns, and this one is used inside filters.)
/// The language is reduced to letters, digits and hyphens first, so the literal is always
/// well-formed; an occurrence inside a string or comment is replaced too.
pub fn bind_label_language(query: &str, language: &str) -> String {
    let tag: String = language
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    let mut out = String::with_capacity(query.len());
    let mut rest = query;
    while let Some(at) = rest.find(LABEL_LANGUAGE) {
        let (before, after) = rest.split_at(at);
        let after = &after[LABEL_LANGUAGE.len()..];
        let sigil = before.ends_with('?') || before.ends_with('$');
        let ends = !after.starts_with(|c: char| c.is_alphanumeric() || c == '_');
        if sigil && ends {
            out.push_str(&before[..before.len() - 1]);
            out.push('"');
            out.push_str(&tag);
            out.push('"');
        } else {
            out.push_str(before);
            out.push_str(LABEL_LANGUAGE);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The variable a query compares label languages with: `FILTER(LANG(?l) = ?labelLanguage)`.
/// [`run`] replaces it by the language asked for (`query --lang fr`, see
/// [`bind_label_language`]); where nothing binds it (the
/// endpoint, another SPARQL tool) such a filter keeps nothing, and the curated queries fall back
/// to the English label.
pub const LABEL_LANGUAGE: &str = "labelLanguage";

#[allow(clippy::too_many_arguments)]
fn write_results(
    store: &Store,
    query: &str,
    origin: &str,
    format: OutputFormat,
    default_graph: &DefaultGraph,
    token: &CancellationToken,
    labels: Option<&str>,
    out: &mut impl Write,
) -> Result<usize, QueryError> {
    let eval = |e| evaluation_error(origin, e);
    let bound;
    let query = match labels {
        Some(language) => {
            bound = bind_label_language(query, language);
            bound.as_str()
        }
        None => query,
    };
    let results = prepare(store, query, origin, default_graph, Some(token.clone()))?
        .on_store(store)
        .execute()
        .map_err(eval)?;
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match results_format(format, "SELECT")? {
                // The text table needs every row to size its columns.
                None => {
                    let rows: Vec<Vec<Option<Term>>> = solutions
                        .map(|s| s.map(|s| variables.iter().map(|v| s.get(v).cloned()).collect()))
                        .collect::<Result<_, _>>()
                        .map_err(eval)?;
                    let names: Vec<String> =
                        variables.iter().map(|v| v.as_str().to_owned()).collect();
                    write_table(out, &names, &rows)?;
                    Ok(rows.len())
                }
                // The SPARQL results formats are written row by row, as the rows come: memory
                // stays flat however many rows a query gives.
                Some(f) => {
                    let mut ser = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, variables)?;
                    let mut count = 0;
                    for solution in solutions {
                        ser.serialize(solution.map_err(eval)?.iter())?;
                        count += 1;
                    }
                    ser.finish()?;
                    Ok(count)
                }
            }
        }
        QueryResults::Boolean(value) => {
            match results_format(format, "ASK")? {
                None => writeln!(out, "{value}")?,
                Some(f) => {
                    QueryResultsSerializer::from_format(f)
                        .serialize_boolean_to_writer(&mut *out, value)?;
                }
            }
            Ok(1)
        }
        QueryResults::Graph(triples) => {
            let rdf = match format {
                OutputFormat::Table | OutputFormat::Turtle => RdfFormat::Turtle,
                OutputFormat::Ntriples => RdfFormat::NTriples,
                OutputFormat::Rdfxml => RdfFormat::RdfXml,
                OutputFormat::Jsonld => RdfFormat::JsonLd {
                    profile: oxigraph::io::JsonLdProfileSet::empty(),
                },
                _ => {
                    return Err(QueryError::Format {
                        format: format!("{format:?}").to_lowercase(),
                        form: "CONSTRUCT/DESCRIBE",
                        hint: "turtle, ntriples, rdfxml or jsonld",
                    })
                }
            };
            let mut ser = with_prefixes(RdfSerializer::from_format(rdf)).for_writer(&mut *out);
            let mut count = 0;
            for t in triples {
                ser.serialize_triple(&t.map_err(eval)?)?;
                count += 1;
            }
            ser.finish()?;
            Ok(count)
        }
    }
}

/// Adds the vocabulary prefixes to a serializer. The instance namespaces (`id:`, `undocs:`) are
/// left out: their local names hold `/` and `(`, which Turtle would have to escape
/// (`undocs:A\/RES\/73\/27`), so full IRIs read better there.
pub fn with_prefixes(mut ser: RdfSerializer) -> RdfSerializer {
    for (prefix, iri) in PREFIXES
        .iter()
        .filter(|(p, _)| *p != "id" && *p != "undocs")
    {
        ser = match ser.clone().with_prefix(*prefix, *iri) {
            Ok(s) => s,
            Err(_) => ser,
        };
    }
    ser
}

fn results_format(
    format: OutputFormat,
    form: &'static str,
) -> Result<Option<QueryResultsFormat>, QueryError> {
    Ok(match format {
        OutputFormat::Table => None,
        OutputFormat::Csv => Some(QueryResultsFormat::Csv),
        OutputFormat::Tsv => Some(QueryResultsFormat::Tsv),
        OutputFormat::Json => Some(QueryResultsFormat::Json),
        OutputFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => {
            return Err(QueryError::Format {
                format: format!("{format:?}").to_lowercase(),
                form,
                hint: "table, csv, tsv, json or xml",
            })
        }
    })
}

/// A term as a person reads it and can paste back into a query: an IRI as a prefixed name when
/// its local part needs no escaping in SPARQL (`ng:cites`), otherwise in full between angle
/// brackets (`<https://undocs.org/A/RES/73/27>`: a `/` or `(` would need a backslash in a
/// prefixed name); literals as their text.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact(n),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn compact(n: &NamedNode) -> String {
    let s = n.as_str();
    PREFIXES
        .iter()
        .find_map(|(p, iri)| {
            s.strip_prefix(iri)
                .filter(|local| plain_local_name(local))
                .map(|local| format!("{p}:{local}"))
        })
        .unwrap_or_else(|| format!("<{s}>"))
}

/// Whether `local` is a SPARQL/Turtle local name as it stands (`PN_LOCAL` without escapes or
/// `%` codes): letters, digits, `_`, `-`, `.` and `:`, not starting with `-` or `.`, not ending
/// with `.`.
fn plain_local_name(local: &str) -> bool {
    let ok = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':');
    let first_ok = |c: char| c.is_alphanumeric() || matches!(c, '_' | ':');
    let mut chars = local.chars();
    chars.next().is_some_and(first_ok) && local.chars().all(ok) && !local.ends_with('.')
}

fn write_table(
    out: &mut impl Write,
    names: &[String],
    rows: &[Vec<Option<Term>>],
) -> std::io::Result<()> {
    const MAX_CELL: usize = 80;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| {
                    let s = t.as_ref().map(display_term).unwrap_or_default();
                    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    // Control characters (an ESC from a file name) would drive the terminal.
                    let s: String = s
                        .chars()
                        .map(|c| {
                            if c.is_control() {
                                format!("\\u{{{:x}}}", u32::from(c))
                            } else {
                                c.to_string()
                            }
                        })
                        .collect();
                    if s.chars().count() > MAX_CELL {
                        format!("{}…", s.chars().take(MAX_CELL - 1).collect::<String>())
                    } else {
                        s
                    }
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = names.iter().map(|n| n.chars().count()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
        let padded: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        writeln!(out, "{}", padded.join("  ").trim_end())
    };
    line(out, names)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("  "))?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}

/// The media types to ask a remote endpoint for, for an output format.
pub fn remote_accept(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Table => "application/sparql-results+json, text/turtle;q=0.9",
        OutputFormat::Json => "application/sparql-results+json",
        OutputFormat::Xml => "application/sparql-results+xml",
        OutputFormat::Csv => "text/csv",
        OutputFormat::Tsv => "text/tab-separated-values",
        OutputFormat::Turtle => "text/turtle",
        OutputFormat::Ntriples => "application/n-triples",
        OutputFormat::Rdfxml => "application/rdf+xml",
        OutputFormat::Jsonld => "application/ld+json",
    }
}

/// Writes what a remote endpoint answered: as a table when asked for one and the answer is
/// SPARQL JSON results, else the bytes as they came.
pub fn write_remote(
    format: OutputFormat,
    media: &str,
    body: &[u8],
    origin: &str,
    out: &mut impl Write,
) -> Result<(), QueryError> {
    use oxigraph::sparql::results::{QueryResultsParser, SliceQueryResultsParserOutput};
    if format != OutputFormat::Table || !media.starts_with("application/sparql-results+json") {
        out.write_all(body)?;
        return Ok(());
    }
    let bad = |e: String| QueryError::Evaluation {
        origin: origin.to_owned(),
        message: format!("the endpoint's JSON results do not parse: {e}"),
    };
    match QueryResultsParser::from_format(QueryResultsFormat::Json)
        .for_slice(body)
        .map_err(|e| bad(e.to_string()))?
    {
        SliceQueryResultsParserOutput::Boolean(b) => writeln!(out, "{b}")?,
        SliceQueryResultsParserOutput::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| bad(e.to_string()))?;
                rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
            }
            let names: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
            write_table(out, &names, &rows)?;
        }
    }
    Ok(())
}

/// Cancels a query's evaluation when its time limit passes, unless dropped before.
pub struct Watchdog {
    done: Option<std::sync::mpsc::Sender<()>>,
}

impl Watchdog {
    /// Starts a thread that cancels `token` after `limit`.
    pub fn start(token: CancellationToken, limit: std::time::Duration) -> Self {
        let (done, wait) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limit) {
                token.cancel();
            }
        });
        Self { done: Some(done) }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        if let Some(d) = self.done.take() {
            let _ = d.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_language_is_bound_as_a_literal() {
        let q = "SELECT ?x WHERE { ?x ?p ?l FILTER(LANG(?l) = ?labelLanguage || LANG(?l) = $labelLanguage) ?y ng:labelLanguages ?labelLanguageX }";
        assert_eq!(
            bind_label_language(q, "FR\"} ;"),
            "SELECT ?x WHERE { ?x ?p ?l FILTER(LANG(?l) = \"fr\" || LANG(?l) = \"fr\") ?y ng:labelLanguages ?labelLanguageX }"
        );
    }

    #[test]
    fn terms_are_compacted_for_people() {
        let t = Term::NamedNode(NamedNode::new_unchecked("https://undocs.org/A/RES/73/27"));
        assert_eq!(display_term(&t), "<https://undocs.org/A/RES/73/27>");
        let t = Term::NamedNode(NamedNode::new_unchecked(
            "https://w3id.org/normgraph/ns#cites",
        ));
        assert_eq!(display_term(&t), "ng:cites");
        let t = Term::NamedNode(NamedNode::new_unchecked(
            "https://w3id.org/normgraph/id/state/IRN",
        ));
        assert_eq!(
            display_term(&t),
            "<https://w3id.org/normgraph/id/state/IRN>"
        );
        let t = Term::NamedNode(NamedNode::new_unchecked("https://undocs.org/.x"));
        assert_eq!(display_term(&t), "<https://undocs.org/.x>");
    }

    /// Whatever the table prints for an IRI parses back, in a query, to the same IRI.
    #[test]
    fn printed_iris_paste_back() {
        for iri in [
            "https://w3id.org/normgraph/id/statement/SWE_58_2003",
            "https://w3id.org/normgraph/id/principle/non-intervention",
            "https://undocs.org/A/RES/2131(XX)",
            "https://w3id.org/normgraph/ns#Statement",
            "http://www.w3.org/2004/02/skos/core#prefLabel",
            "https://example.org/a b",
            "http://purl.org/dc/terms/identifier",
        ] {
            let Ok(node) = NamedNode::new(iri) else {
                continue;
            };
            let shown = display_term(&Term::NamedNode(node.clone()));
            let store = Store::new().expect("store");
            let Ok(QueryResults::Solutions(mut rows)) = prepare(
                &store,
                &format!("SELECT * WHERE {{ VALUES ?x {{ {shown} }} }}"),
                "t",
                &DefaultGraph::Union,
                None,
            )
            .unwrap_or_else(|e| panic!("{shown} does not parse: {e}"))
            .on_store(&store)
            .execute() else {
                panic!("no solutions");
            };
            let row = rows.next().expect("a row").expect("ok");
            assert_eq!(row.get("x"), Some(&Term::NamedNode(node)), "{shown}");
        }
    }
}
