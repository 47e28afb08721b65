//! `normgraph serve`: the store as a SPARQL 1.1 endpoint, with a web page.
//!
//! - SPARQL 1.1 Protocol at `/sparql` (also `/query`): GET `?query=`, POST
//!   `application/x-www-form-urlencoded` (`query=`) or `application/sparql-query`, with
//!   `default-graph-uri` / `named-graph-uri`. Without them the default graph is the union of all
//!   named graphs, as for `normgraph query`. Results by content negotiation (`Accept`, or a
//!   `format` parameter): SPARQL JSON (default), XML, CSV, TSV for SELECT/ASK; Turtle (default),
//!   N-Triples, N-Quads, JSON-LD, RDF/XML for CONSTRUCT/DESCRIBE. Updates (`update=` or
//!   `application/sparql-update`) only with `allow_update`, only by POST (as the Protocol says),
//!   and only from the endpoint's own origin: the `Host` must be an IP address or `localhost`
//!   (a web page that points a domain name at this machine, DNS rebinding, cannot write) and an
//!   `Origin`, when the client sends one (browsers do on every cross-site POST), must be
//!   `http://` and that host.
//! - SPARQL 1.1 Graph Store Protocol, read: GET `/store?graph=IRI` (or `?default` for the union)
//!   as Turtle or any RDF syntax asked for.
//! - `/` a query page (curated queries one click away, results as a table), `/viewer?projection=…`
//!   the influence-graph viewer.
//!
//! Every query runs with a time limit that cancels its evaluation (503 when reached) and a limit
//! on result rows (400 when passed, so the client can add LIMIT); request bodies above a size
//! limit get 413; federated `SERVICE` is off (normgraph is built without oxigraph's HTTP
//! client). CORS allows any origin, so browser tools such as YASGUI can query it. Connections
//! (a thread each, bounded, with a deadline for each request to arrive, so slow clients cannot
//! hold every place) are handled by [`connection`]; requests and responses are oxhttp's types.

use super::connection::{self, ConnectionLimits};
use crate::analysis::{self, ProjectionSpec};
use crate::error::QueryError;
use crate::query::limits::{self, on_query_stack, QUERY_STACK_BYTES};
use crate::query::{self, DefaultGraph};
use crate::rdf::resources::Resources;
use oxhttp::model::header::{self, HeaderValue};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, UpdateEvaluationError,
};
use oxigraph::store::Store;
use std::io::Read;
use std::net::SocketAddr;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

/// Settings of the endpoint.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to listen on (127.0.0.1 by default in the CLI).
    pub bind: SocketAddr,
    /// Time limit of one query or update; evaluation is cancelled when it passes.
    pub timeout: Duration,
    /// Most result rows (SELECT) or triples (CONSTRUCT/DESCRIBE) a query may return.
    pub max_rows: usize,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Whether SPARQL Update is allowed.
    pub allow_update: bool,
    /// Most connections open at once (one thread each; see [`connection`] for how room is made).
    pub max_connections: usize,
    /// Most connections one client may have waiting for their request to arrive.
    pub max_waiting_per_client: usize,
    /// Time a request (head and body) has to arrive once its connection is open or idle.
    pub request_timeout: Duration,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            timeout: Duration::from_secs(30),
            max_rows: 100_000,
            max_body: 1 << 20,
            allow_update: false,
            max_connections: 256,
            max_waiting_per_client: 32,
            request_timeout: Duration::from_secs(10),
        }
    }
}

/// The query page: YASGUI (see `assets/vendor/yasgui/VERSION`), with the curated queries, the
/// normgraph prefixes and vocabulary for completion, and links to the viewer.
const PAGE: &str = include_str!("../../../../assets/yasgui.html");
/// The simple query page, without YASGUI.
const CLASSIC_PAGE: &str = include_str!("../../../../assets/endpoint.html");
const YASGUI_JS: &[u8] = include_bytes!("../../../../assets/vendor/yasgui/yasgui.min.js");
const YASGUI_CSS: &[u8] = include_bytes!("../../../../assets/vendor/yasgui/yasgui.min.css");
const YASGUI_LICENSE: &[u8] = include_bytes!("../../../../assets/vendor/yasgui/LICENSE.txt");
const YASGUI_NOTICES: &[u8] =
    include_bytes!("../../../../assets/vendor/yasgui/yasgui.min.js.LICENSE.txt");

/// Starts the server; it runs until the process ends (call `join` on the result to wait).
pub fn serve(
    store: Store,
    resources: Resources,
    config: ServerConfig,
) -> std::io::Result<connection::Listening> {
    let limits = ConnectionLimits {
        max_connections: config.max_connections,
        max_waiting_per_client: config.max_waiting_per_client,
        request_timeout: config.request_timeout,
        // A client that stops reading its response is dropped after this long.
        write_timeout: config.timeout + Duration::from_secs(30),
        max_body: config.max_body,
    };
    let bind = config.bind;
    let state = Arc::new(State {
        store,
        resources,
        config,
    });
    let handler = move |request: &mut Request<Body>| {
        let mut response = state.handle(request);
        cors(&mut response);
        response
    };
    connection::listen(bind, limits, Arc::new(handler))
}

struct State {
    store: Store,
    resources: Resources,
    config: ServerConfig,
}

fn cors(response: &mut Response<Body>) {
    let h = response.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    // (oxhttp 0.3 drops Access-Control-Allow-Methods; GET and POST are CORS-safelisted methods,
    // so browsers need only the two headers here.)
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Content-Type, Accept"),
    );
}

/// Whether a request comes from the endpoint's own origin (see the module documentation): its
/// `Host` is an IP address or `localhost`, and its `Origin`, if any, is `http://` and that host.
fn own_origin(request: &Request<Body>) -> Result<(), String> {
    let header = |name| {
        request
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap_or("\u{fffd}").to_owned())
    };
    let host = header(header::HOST).unwrap_or_default();
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !name.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host.as_str(),
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    let literal = name.parse::<std::net::IpAddr>().is_ok();
    if !literal && !name.eq_ignore_ascii_case("localhost") {
        return Err(format!(
            "updates are accepted only at an IP address or localhost, not at host {host:?}"
        ));
    }
    if let Some(origin) = header(header::ORIGIN) {
        if !origin.eq_ignore_ascii_case(&format!("http://{host}")) {
            return Err(format!(
                "updates are accepted only from this endpoint's own pages, not from origin {origin:?}"
            ));
        }
    }
    Ok(())
}

/// A response with a plain-text body.
fn text(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    Reply::text(status, message).into_response()
}

/// What a SELECT or ASK result can be served as.
const RESULTS_OFFERED: &str = "application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values";
/// What a graph (CONSTRUCT, DESCRIBE, Graph Store read) can be served as.
const RDF_OFFERED: &str =
    "text/turtle, application/n-triples, application/n-quads, application/ld+json, application/rdf+xml";

/// JSON to put inside a `<script>` element: `<` escaped, so no `</script>` in the data ends it.
fn script_json(data: &serde_json::Value) -> String {
    data.to_string().replace('<', "\\u003c")
}

/// An embedded file the browser may keep for a day.
fn asset(content_type: &str, bytes: &'static [u8]) -> Response<Body> {
    let mut r = respond(StatusCode::OK, content_type, bytes.to_vec());
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    r
}

fn respond(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    r
}

/// What a request asks: a query or update text and its dataset.
#[derive(Default)]
struct Params {
    query: Option<String>,
    update: Option<String>,
    default_graphs: Vec<String>,
    named_graphs: Vec<String>,
    format: Option<String>,
    graph: Option<String>,
    default: bool,
    projection: Option<String>,
}

impl Params {
    fn add(&mut self, key: &str, value: String) {
        match key {
            "query" => self.query = Some(value),
            "update" => self.update = Some(value),
            "default-graph-uri" | "using-graph-uri" => self.default_graphs.push(value),
            "named-graph-uri" | "using-named-graph-uri" => self.named_graphs.push(value),
            "format" => self.format = Some(value),
            "graph" => self.graph = Some(value),
            "default" => self.default = true,
            "projection" => self.projection = Some(value),
            _ => {}
        }
    }

    fn parse_form(&mut self, form: &[u8]) {
        for (k, v) in form_urlencoded::parse(form) {
            self.add(&k, v.into_owned());
        }
    }
}

impl State {
    fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        if request.method() == Method::OPTIONS {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::NO_CONTENT;
            return r;
        }
        let path = request.uri().path().to_owned();
        let mut params = Params::default();
        if let Some(q) = request.uri().query() {
            params.parse_form(q.as_bytes());
        }
        // HEAD is GET without the body (the connection layer leaves the body out).
        let method = match request.method() {
            &Method::HEAD => Method::GET,
            m => m.clone(),
        };
        match (method, path.as_str()) {
            (Method::GET, "/") => respond(StatusCode::OK, "text/html; charset=utf-8", self.page()),
            (Method::GET, "/classic") => respond(
                StatusCode::OK,
                "text/html; charset=utf-8",
                self.classic_page(),
            ),
            (Method::GET, "/assets/yasgui.min.js") => {
                asset("text/javascript; charset=utf-8", YASGUI_JS)
            }
            (Method::GET, "/assets/yasgui.min.css") => asset("text/css; charset=utf-8", YASGUI_CSS),
            (Method::GET, "/assets/yasgui.LICENSE.txt") => {
                asset("text/plain; charset=utf-8", YASGUI_LICENSE)
            }
            (Method::GET, "/assets/yasgui.min.js.LICENSE.txt") => {
                asset("text/plain; charset=utf-8", YASGUI_NOTICES)
            }
            (Method::GET, "/sparql" | "/query") => self.sparql(request, params),
            (Method::POST, "/sparql" | "/query" | "/update") => {
                let body = match self.read_body(request) {
                    Ok(b) => b,
                    Err(r) => return *r,
                };
                let content_type = request
                    .headers()
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| v.split(';').next().unwrap_or("").trim().to_lowercase())
                    .unwrap_or_default();
                match content_type.as_str() {
                    "application/x-www-form-urlencoded" => params.parse_form(&body),
                    "application/sparql-query" => {
                        params.query = Some(String::from_utf8_lossy(&body).into_owned())
                    }
                    "application/sparql-update" => {
                        params.update = Some(String::from_utf8_lossy(&body).into_owned())
                    }
                    other => {
                        return text(
                            StatusCode::UNSUPPORTED_MEDIA_TYPE,
                            format!("Content-Type {other:?} is not supported: use application/sparql-query, application/sparql-update or application/x-www-form-urlencoded"),
                        )
                    }
                }
                self.sparql(request, params)
            }
            (Method::GET, "/store") => self.graph_store(request, &params),
            (Method::GET, "/viewer") => self.viewer(&params),
            (_, "/" | "/classic" | "/sparql" | "/query" | "/update" | "/store" | "/viewer") => text(
                StatusCode::METHOD_NOT_ALLOWED,
                format!("{} is not allowed on {path}", request.method()),
            ),
            _ => text(
                StatusCode::NOT_FOUND,
                format!("nothing at {path}: try / (YASGUI), /classic (simple query page), /sparql, /store or /viewer"),
            ),
        }
    }

    /// Reads a request body up to the size limit.
    fn read_body(&self, request: &mut Request<Body>) -> Result<Vec<u8>, Box<Response<Body>>> {
        let limit = self.config.max_body;
        let too_large = || {
            text(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body exceeds {limit} bytes"),
            )
        };
        let declared = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        if declared.is_some_and(|n| n > limit) {
            return Err(Box::new(too_large()));
        }
        let mut body = Vec::new();
        match request
            .body_mut()
            .take(limit as u64 + 1)
            .read_to_end(&mut body)
        {
            Ok(n) if n > limit => Err(Box::new(too_large())),
            Ok(_) => Ok(body),
            Err(e) => Err(Box::new(text(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {e}"),
            ))),
        }
    }

    /// The YASGUI page, with its data: the curated queries, the projections, the prefixes and
    /// the vocabulary's classes and properties (for completion).
    fn page(&self) -> Vec<u8> {
        let prefixes: serde_json::Map<String, serde_json::Value> = crate::rdf::vocab::PREFIXES
            .iter()
            .map(|(p, iri)| ((*p).to_owned(), serde_json::Value::from(*iri)))
            .collect();
        let terms = |types: &str| -> Vec<String> {
            let query = format!(
                "SELECT DISTINCT ?t WHERE {{ GRAPH <{}> {{ ?t a ?type FILTER(?type IN ({types}) && isIRI(?t)) }} }} ORDER BY ?t",
                crate::rdf::vocab::ontology_graph()
            );
            match query::select(&self.store, &query, "page", &DefaultGraph::Union) {
                Ok(Some((_, rows))) => rows
                    .into_iter()
                    .filter_map(|row| match row.into_iter().next().flatten() {
                        Some(oxigraph::model::Term::NamedNode(n)) => Some(n.into_string()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        };
        let example = "SELECT ?statement ?delegation ?resolution WHERE {\n  ?statement a ng:Statement ;\n             ng:cites/dcterms:identifier ?resolution .\n  OPTIONAL { ?statement ng:deliveredBy/skos:prefLabel ?delegation FILTER(LANGMATCHES(LANG(?delegation), \"en\")) }\n}\nLIMIT 100\n";
        let data = serde_json::json!({
            "queries": self.curated(),
            "projections": self.projections(),
            "prefixes": prefixes,
            "classes": terms("owl:Class, rdfs:Class"),
            "properties": terms("owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty, rdf:Property"),
            "example": example,
        });
        PAGE.replace("@@DATA@@", &script_json(&data)).into_bytes()
    }

    /// The curated queries: name, full description, text.
    fn curated(&self) -> Vec<serde_json::Value> {
        self.resources
            .queries()
            .unwrap_or_default()
            .into_iter()
            .map(|(name, f)| {
                let summary = f.description();
                serde_json::json!({ "name": name, "summary": summary, "text": f.text })
            })
            .collect()
    }

    fn projections(&self) -> Vec<String> {
        analysis::projection::list(&self.resources)
            .unwrap_or_default()
            .into_iter()
            .map(|(n, _, _)| n)
            .collect()
    }

    /// The simple query page.
    fn classic_page(&self) -> Vec<u8> {
        let queries = self.curated();
        let data = serde_json::json!({ "queries": queries, "projections": self.projections() });
        CLASSIC_PAGE
            .replace("@@DATA@@", &script_json(&data))
            .into_bytes()
    }

    fn viewer(&self, params: &Params) -> Response<Body> {
        let name = params.projection.as_deref().unwrap_or("citation");
        let built = ProjectionSpec::named(&self.resources, name)
            .and_then(|spec| analysis::build(&self.store, &spec));
        let g = match built {
            Ok(g) => g,
            Err(e) => return text(StatusCode::BAD_REQUEST, e.to_string()),
        };
        if g.edge_count() == 0 {
            return text(
                StatusCode::NOT_FOUND,
                format!("the {name} projection is empty in this store"),
            );
        }
        // The same scores as `normgraph viz`; a failure leaves the page without them.
        let scores = analysis::picture_scores(&g).unwrap_or_default();
        let page = crate::output::viz::html(&g, &scores, &format!("{name} projection"));
        respond(
            StatusCode::OK,
            "text/html; charset=utf-8",
            page.into_bytes(),
        )
    }

    fn sparql(&self, request: &Request<Body>, params: Params) -> Response<Body> {
        if let Some(update) = &params.update {
            if request.method() != Method::POST {
                return text(
                    StatusCode::METHOD_NOT_ALLOWED,
                    "updates are sent by POST (SPARQL 1.1 Protocol), never by GET",
                );
            }
            return self.update(request, update, &params);
        }
        let Some(query) = &params.query else {
            return text(
                StatusCode::BAD_REQUEST,
                "no query: pass query=… (GET or form POST) or POST an application/sparql-query body",
            );
        };
        // Parsing and evaluation run on their own thread, with a stack deep enough for any
        // query the shape limits let through: at the time limit the client gets its 503 at once,
        // and the cancelled evaluation stops at its next check.
        let token = CancellationToken::new();
        let ask = Ask {
            query: query.clone(),
            default_graphs: params.default_graphs.clone(),
            named_graphs: params.named_graphs.clone(),
            accept: accept_list(request, params.format.as_deref()),
            max_rows: self.config.max_rows,
            timeout: self.config.timeout,
            cancel: token.clone(),
        };
        let (store, timeout) = (self.store.clone(), self.config.timeout);
        let (done, wait) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("query".into())
            .stack_size(QUERY_STACK_BYTES)
            .spawn(move || {
                let _ = done.send(ask.answer(&store));
            });
        if let Err(e) = spawned {
            return text(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("cannot start a query now ({e}); try again"),
            );
        }
        match wait.recv_timeout(timeout) {
            Ok(reply) => reply.into_response(),
            Err(_) => {
                token.cancel();
                timed_out(timeout).into_response()
            }
        }
    }

    fn update(&self, request: &Request<Body>, update: &str, params: &Params) -> Response<Body> {
        if !self.config.allow_update {
            return text(
                StatusCode::FORBIDDEN,
                "this endpoint is read-only; start it with --allow-update to accept SPARQL Update",
            );
        }
        if let Err(why) = own_origin(request) {
            return text(StatusCode::FORBIDDEN, why);
        }
        if let Err(e) = limits::check_shape(update, "update") {
            return text(StatusCode::BAD_REQUEST, e.to_string());
        }
        // Parsed and run on a thread with the query stack (see `query::limits`).
        let done = on_query_stack(|| {
            let token = CancellationToken::new();
            let prepared = query::evaluator()
                .with_cancellation_token(token.clone())
                .parse_update(update)
                .map_err(|e| {
                    Reply::text(StatusCode::BAD_REQUEST, format!("SPARQL syntax error: {e}"))
                })?;
            if !params.default_graphs.is_empty() || !params.named_graphs.is_empty() {
                return Err(Reply::text(
                    StatusCode::BAD_REQUEST,
                    "using-graph-uri / using-named-graph-uri are not supported; use USING in the update",
                ));
            }
            let _watchdog = query::Watchdog::start(token, self.config.timeout);
            // An update runs in one transaction: it applies as a whole or not at all.
            prepared
                .on_store(&self.store)
                .execute()
                .map_err(|e| match e {
                    // The time limit passed (oxigraph wraps the cancellation): nothing was
                    // written, the update being one transaction.
                    UpdateEvaluationError::Unexpected(inner)
                        if matches!(
                            inner.downcast_ref::<QueryEvaluationError>(),
                            Some(QueryEvaluationError::Cancelled)
                        ) =>
                    {
                        timed_out(self.config.timeout)
                    }
                    e => Reply::text(StatusCode::BAD_REQUEST, format!("update failed: {e}")),
                })
        });
        match done {
            Ok(()) => {
                let mut r = Response::new(Body::empty());
                *r.status_mut() = StatusCode::NO_CONTENT;
                r
            }
            Err(reply) => reply.into_response(),
        }
    }

    fn graph_store(&self, request: &Request<Body>, params: &Params) -> Response<Body> {
        let accept = accept_list(request, params.format.as_deref());
        let Some(format) = negotiate_rdf(&accept) else {
            return Reply::not_acceptable(RDF_OFFERED).into_response();
        };
        let graph = match (&params.graph, params.default) {
            (Some(g), false) => match NamedNode::new(g) {
                Ok(n) => Some(n),
                Err(_) => {
                    return text(
                        StatusCode::BAD_REQUEST,
                        format!("graph {g:?} is not an IRI"),
                    )
                }
            },
            (None, true) => None,
            _ => {
                return text(
                    StatusCode::BAD_REQUEST,
                    "pass exactly one of ?graph=IRI or ?default",
                )
            }
        };
        if let Some(g) = &graph {
            match self.store.contains_named_graph(g) {
                Ok(true) => {}
                Ok(false) => {
                    return text(
                        StatusCode::NOT_FOUND,
                        format!("no graph <{}> in this store", g.as_str()),
                    )
                }
                Err(e) => return text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            }
        }
        let pattern = graph.as_ref().map(|g| GraphNameRef::NamedNode(g.as_ref()));
        let mut body = Vec::new();
        let mut ser =
            query::with_prefixes(RdfSerializer::from_format(format)).for_writer(&mut body);
        let mut seen = std::collections::HashSet::new();
        for q in self.store.quads_for_pattern(None, None, None, pattern) {
            let q = match q {
                Ok(q) => q,
                Err(e) => return text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            };
            let t = oxigraph::model::Triple::from(q);
            // The union graph holds each triple once.
            if graph.is_none() && !seen.insert(t.clone()) {
                continue;
            }
            if let Err(e) = ser.serialize_triple(&t) {
                return text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
            }
        }
        if let Err(e) = ser.finish() {
            return text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
        }
        respond(StatusCode::OK, format.media_type(), body)
    }
}

/// A finished response, built off the request thread.
struct Reply {
    status: StatusCode,
    content_type: String,
    body: Vec<u8>,
}

impl Reply {
    fn ok(content_type: &str, body: Vec<u8>) -> Self {
        Self {
            status: StatusCode::OK,
            content_type: content_type.to_owned(),
            body,
        }
    }

    fn text(status: StatusCode, message: impl Into<String>) -> Self {
        let mut body = message.into();
        body.push('\n');
        Self {
            status,
            content_type: "text/plain; charset=utf-8".to_owned(),
            body: body.into_bytes(),
        }
    }

    fn not_acceptable(offered: &str) -> Self {
        Self::text(
            StatusCode::NOT_ACCEPTABLE,
            format!("none of the media types in Accept can hold this result; offered: {offered}"),
        )
    }

    fn into_response(self) -> Response<Body> {
        respond(self.status, &self.content_type, self.body)
    }
}

fn timed_out(timeout: Duration) -> Reply {
    Reply::text(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "the query ran longer than the time limit ({} s) and was stopped",
            timeout.as_secs_f64()
        ),
    )
}

/// A query request, answered on the query thread.
struct Ask {
    query: String,
    default_graphs: Vec<String>,
    named_graphs: Vec<String>,
    accept: Vec<String>,
    max_rows: usize,
    timeout: Duration,
    cancel: CancellationToken,
}

impl Ask {
    /// Parses the query (shape limits, syntax), sets its dataset (the protocol's graph IRIs, or
    /// the union of all named graphs) and evaluates it.
    fn answer(self, store: &Store) -> Reply {
        let dataset = DefaultGraph::QueryOrUnion;
        let mut prepared =
            match query::prepare(store, &self.query, "query", &dataset, Some(self.cancel)) {
                Ok(p) => p,
                Err(QueryError::Syntax { message, .. }) => {
                    return Reply::text(
                        StatusCode::BAD_REQUEST,
                        format!("SPARQL syntax error: {message}"),
                    )
                }
                Err(e) => return Reply::text(StatusCode::BAD_REQUEST, e.to_string()),
            };
        if !self.default_graphs.is_empty() || !self.named_graphs.is_empty() {
            let default = match iris(&self.default_graphs, "default-graph-uri") {
                Ok(graphs) => graphs.into_iter().map(GraphName::NamedNode).collect(),
                Err(reply) => return reply,
            };
            let named = match iris(&self.named_graphs, "named-graph-uri") {
                Ok(graphs) => graphs
                    .into_iter()
                    .map(NamedOrBlankNode::NamedNode)
                    .collect(),
                Err(reply) => return reply,
            };
            query::set_dataset(
                &mut prepared,
                store,
                &DefaultGraph::Given { default, named },
            );
        }
        evaluate(store, prepared, &self.accept, self.max_rows, self.timeout)
    }
}

/// The graph IRIs of a protocol parameter (`default-graph-uri`, `named-graph-uri`); the first
/// that is not an IRI is a 400 naming the parameter.
fn iris(values: &[String], parameter: &str) -> Result<Vec<NamedNode>, Reply> {
    values
        .iter()
        .map(|g| {
            NamedNode::new(g).map_err(|_| {
                Reply::text(
                    StatusCode::BAD_REQUEST,
                    format!("{parameter} {g:?} is not an IRI"),
                )
            })
        })
        .collect()
}

/// Evaluates a prepared query and serialises its results in the negotiated format.
fn evaluate(
    store: &Store,
    prepared: oxigraph::sparql::PreparedSparqlQuery,
    accept: &[String],
    max_rows: usize,
    timeout: Duration,
) -> Reply {
    let failed = |e: QueryEvaluationError| match e {
        QueryEvaluationError::Cancelled => timed_out(timeout),
        e => Reply::text(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("query evaluation failed: {e}"),
        ),
    };
    let results = match prepared.on_store(store).execute() {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let too_many = || {
        Reply::text(
            StatusCode::BAD_REQUEST,
            format!(
                "the result has more than {} rows; add LIMIT (or start the server with a larger --max-rows)",
                max_rows
            ),
        )
    };
    match results {
        QueryResults::Solutions(solutions) => {
            let Some(format) = negotiate_results(accept) else {
                return Reply::not_acceptable(RESULTS_OFFERED);
            };
            let mut body = Vec::new();
            let variables = solutions.variables().to_vec();
            let mut ser = match QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut body, variables)
            {
                Ok(s) => s,
                Err(e) => return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            };
            for (n, s) in solutions.enumerate() {
                if n >= max_rows {
                    return too_many();
                }
                let s = match s {
                    Ok(s) => s,
                    Err(e) => return failed(e),
                };
                if let Err(e) = ser.serialize(&s) {
                    return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
                }
            }
            if let Err(e) = ser.finish() {
                return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
            }
            Reply::ok(format.media_type(), body)
        }
        QueryResults::Boolean(value) => {
            let Some(format) = negotiate_results(accept) else {
                return Reply::not_acceptable(RESULTS_OFFERED);
            };
            let mut body = Vec::new();
            match QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut body, value)
            {
                Ok(_) => Reply::ok(format.media_type(), body),
                Err(e) => Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            }
        }
        QueryResults::Graph(triples) => {
            let Some(format) = negotiate_rdf(accept) else {
                return Reply::not_acceptable(RDF_OFFERED);
            };
            let mut body = Vec::new();
            let mut ser =
                query::with_prefixes(RdfSerializer::from_format(format)).for_writer(&mut body);
            for (n, t) in triples.enumerate() {
                if n >= max_rows {
                    return too_many();
                }
                let t = match t {
                    Ok(t) => t,
                    Err(e) => return failed(e),
                };
                if let Err(e) = ser.serialize_triple(&t) {
                    return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
                }
            }
            if let Err(e) = ser.finish() {
                return Reply::text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
            }
            Reply::ok(format.media_type(), body)
        }
    }
}

/// Media types the client accepts, best first (`format=` overrides `Accept`).
fn accept_list(request: &Request<Body>, format: Option<&str>) -> Vec<String> {
    if let Some(f) = format {
        let mapped = match f.to_lowercase().as_str() {
            "json" => "application/sparql-results+json",
            "xml" => "application/sparql-results+xml",
            "csv" => "text/csv",
            "tsv" => "text/tab-separated-values",
            "turtle" | "ttl" => "text/turtle",
            "ntriples" | "nt" => "application/n-triples",
            "jsonld" | "json-ld" => "application/ld+json",
            "rdfxml" => "application/rdf+xml",
            other => return vec![other.to_owned()],
        };
        return vec![mapped.to_owned()];
    }
    let header = request
        .headers()
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    if header.trim().is_empty() {
        return vec!["*/*".to_owned()];
    }
    let mut items: Vec<(f32, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let media = pieces.next()?.trim().to_lowercase();
            if media.is_empty() {
                return None;
            }
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|v| v.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, i, media))
        })
        .collect();
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    items.into_iter().map(|(_, _, m)| m).collect()
}

fn negotiate_results(accept: &[String]) -> Option<QueryResultsFormat> {
    accept.iter().find_map(|m| match m.as_str() {
        "*/*" | "application/*" | "application/json" => Some(QueryResultsFormat::Json),
        "text/*" => Some(QueryResultsFormat::Csv),
        "application/xml" | "text/xml" => Some(QueryResultsFormat::Xml),
        m => QueryResultsFormat::from_media_type(m),
    })
}

fn negotiate_rdf(accept: &[String]) -> Option<RdfFormat> {
    accept.iter().find_map(|m| match m.as_str() {
        "*/*" | "text/*" => Some(RdfFormat::Turtle),
        "application/*" => Some(RdfFormat::NTriples),
        "application/json" => Some(RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        }),
        m => RdfFormat::from_media_type(m),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding() {
        let mut p = Params::default();
        p.parse_form(b"query=SELECT+%3Fs+WHERE+%7B%7D&default-graph-uri=a%2Fb&graph=%zz");
        assert_eq!(p.query.as_deref(), Some("SELECT ?s WHERE {}"));
        assert_eq!(p.default_graphs, vec!["a/b".to_owned()]);
        assert_eq!(p.graph.as_deref(), Some("%zz"));
    }

    #[test]
    fn content_negotiation() {
        let req = |accept: &str| {
            let mut r = Request::new(Body::empty());
            r.headers_mut().insert(
                header::ACCEPT,
                HeaderValue::from_str(accept).expect("header"),
            );
            r
        };
        let a = accept_list(&req("text/csv;q=0.5, application/sparql-results+xml"), None);
        assert_eq!(negotiate_results(&a), Some(QueryResultsFormat::Xml));
        let a = accept_list(&req("text/html"), None);
        assert_eq!(negotiate_results(&a), None);
        assert_eq!(
            negotiate_rdf(&accept_list(&req("*/*"), None)),
            Some(RdfFormat::Turtle)
        );
        let a = accept_list(&req("text/html"), Some("csv"));
        assert_eq!(negotiate_results(&a), Some(QueryResultsFormat::Csv));
    }
}
