//! Talking to an external SPARQL store: pushing named graphs with the SPARQL 1.1 Graph Store
//! Protocol, and running queries on a remote endpoint.
//!
//! `push` sends each named graph with `PUT <store>?graph=<IRI>` as N-Triples, streamed from a
//! store snapshot (the body is produced while it is sent, so memory stays flat whatever the graph
//! size), retrying a failed graph with back-off. PUT replaces the remote graph, so pushing twice
//! leaves the remote store as after one push. The store remembers (in its ledger graph) a
//! digest of each graph as it was sent to each endpoint, so a later push sends only the graphs
//! that changed since, and deletes there the graphs gone from the store (`all` sends all). This is how Oxigraph's server (`/store`), Apache
//! Jena Fuseki (`/<dataset>/data`), GraphDB (`/repositories/<id>/rdf-graphs/service`) and
//! Virtuoso (`/sparql-graph-crud`, with authentication) accept graphs.

use crate::error::RemoteError;
use crate::rdf::vocab;
use crate::store::ledger;
use oxhttp::model::header::{ACCEPT, CONTENT_TYPE};
use oxhttp::model::{Body, Method, Request, StatusCode};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode};
use oxigraph::store::{QuadIter, Store};
use std::io::Read;
use std::time::Duration;

/// What to push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The Graph Store Protocol endpoint, e.g. `http://127.0.0.1:7878/store`.
    pub endpoint: String,
    /// Only these named graphs (IRIs); all of them when empty.
    pub graphs: Vec<String>,
    /// Leave the inferred graph out.
    pub asserted_only: bool,
    /// Attempts per graph before giving up.
    pub attempts: u32,
    /// Time limit of one HTTP exchange.
    pub timeout: Duration,
    /// Send every graph, even those unchanged since the last push to this endpoint.
    pub all: bool,
}

/// What a push did.
#[derive(Debug, Clone, Default)]
pub struct PushSummary {
    /// Graphs sent.
    pub graphs: usize,
    /// Triples sent.
    pub triples: usize,
    /// Retries that were needed.
    pub retries: u32,
    /// Graphs left alone: the endpoint got this very content on an earlier push.
    pub unchanged: usize,
    /// Graphs deleted at the endpoint: pushed before, gone from the store since.
    pub deleted: usize,
}

/// Streams one graph of a store snapshot as N-Triples.
struct GraphReader {
    quads: QuadIter<'static>,
    buffer: Vec<u8>,
    position: usize,
    triples: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Read for GraphReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.position == self.buffer.len() {
            self.buffer.clear();
            self.position = 0;
            for _ in 0..256 {
                match self.quads.next() {
                    Some(Ok(q)) => {
                        let t = oxigraph::model::Triple::from(q);
                        self.buffer.extend_from_slice(t.to_string().as_bytes());
                        self.buffer.extend_from_slice(b" .\n");
                        self.triples
                            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                    Some(Err(e)) => return Err(std::io::Error::other(e)),
                    None => break,
                }
            }
            if self.buffer.is_empty() {
                return Ok(0);
            }
        }
        let n = out.len().min(self.buffer.len() - self.position);
        out[..n].copy_from_slice(&self.buffer[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

fn client(timeout: Duration) -> oxhttp::Client {
    oxhttp::Client::new()
        .with_global_timeout(timeout)
        .with_redirection_limit(5)
}

/// `endpoint?graph=<IRI>` (or `&graph=` if the endpoint has a query already).
fn graph_url(endpoint: &str, graph: &str) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    let encoded: String = graph
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{endpoint}{sep}graph={encoded}")
}

/// Pushes named graphs to an external store; `progress(graph, triples_so_far)` is called after
/// each graph. Stops at the first graph that fails after all attempts.
pub fn push(
    store: &Store,
    options: &PushOptions,
    mut progress: impl FnMut(&str, usize),
) -> Result<PushSummary, RemoteError> {
    let storage = |e: oxigraph::store::StorageError| RemoteError::Store(e.to_string());
    let inferred = vocab::inferred_graph();
    let mut graphs: Vec<NamedNode> = Vec::new();
    if options.graphs.is_empty() {
        for g in store.named_graphs() {
            if let NamedOrBlankNode::NamedNode(n) = g.map_err(storage)? {
                // Ingest's bookkeeping (local paths and hashes) stays here.
                let derived = options.asserted_only && n.as_str() == inferred;
                if !derived && !ledger::is_ledger(n.as_ref()) {
                    graphs.push(n);
                }
            }
        }
    } else {
        for g in &options.graphs {
            let n = NamedNode::new(g).map_err(|_| RemoteError::BadGraph(g.clone()))?;
            if !store.contains_named_graph(&n).map_err(storage)? {
                return Err(RemoteError::BadGraph(g.clone()));
            }
            graphs.push(n);
        }
    }
    let http = client(options.timeout);
    let mut summary = PushSummary::default();
    // What this endpoint got before (recorded in the ledger graph, see `store::ledger`).
    let before = ledger::pushed(store, &options.endpoint).map_err(storage)?;
    if options.graphs.is_empty() {
        // Graphs pushed before and gone from the store since: deleted there too.
        let mut gone: Vec<&NamedNode> = before
            .keys()
            .filter(|g| !store.contains_named_graph(*g).unwrap_or(true))
            .collect();
        gone.sort();
        for g in gone {
            let url = graph_url(&options.endpoint, g.as_str());
            let request = Request::builder()
                .method(Method::DELETE)
                .uri(&url)
                .body(Body::empty())
                .map_err(|e| RemoteError::BadUrl {
                    url: url.clone(),
                    message: e.to_string(),
                })?;
            match http.request(request) {
                Ok(r) if r.status().is_success() || r.status() == StatusCode::NOT_FOUND => {}
                Ok(r) => {
                    return Err(RemoteError::Status {
                        url,
                        status: r.status().as_u16(),
                        message: r.into_body().to_string().unwrap_or_default(),
                    })
                }
                Err(e) => {
                    return Err(RemoteError::Unreachable {
                        url,
                        message: e.to_string(),
                    })
                }
            }
            ledger::record_push(store, &options.endpoint, g.as_ref(), None).map_err(storage)?;
            summary.deleted += 1;
        }
    }
    for g in &graphs {
        let digest = ledger::graph_digest(store, g.as_ref()).map_err(storage)?;
        if !options.all && before.get(g) == Some(&digest) {
            summary.unchanged += 1;
            continue;
        }
        let url = graph_url(&options.endpoint, g.as_str());
        let mut attempt = 0;
        loop {
            attempt += 1;
            let counter = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
            let reader = GraphReader {
                quads: store.quads_for_pattern(
                    None,
                    None,
                    None,
                    Some(GraphNameRef::NamedNode(g.as_ref())),
                ),
                buffer: Vec::new(),
                position: 0,
                triples: counter.clone(),
            };
            let request = Request::builder()
                .method(Method::PUT)
                .uri(&url)
                .header(CONTENT_TYPE, "application/n-triples")
                .body(Body::from_read(reader))
                .map_err(|e| RemoteError::BadUrl {
                    url: url.clone(),
                    message: e.to_string(),
                })?;
            let outcome = match http.request(request) {
                Ok(response) if response.status().is_success() => Ok(()),
                Ok(response) => {
                    let status = response.status();
                    let body = response.into_body().to_string().unwrap_or_default();
                    Err((
                        status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS,
                        RemoteError::Status {
                            url: url.clone(),
                            status: status.as_u16(),
                            message: body.trim().chars().take(300).collect(),
                        },
                    ))
                }
                Err(e) => Err((
                    true,
                    RemoteError::Unreachable {
                        url: url.clone(),
                        message: e.to_string(),
                    },
                )),
            };
            match outcome {
                Ok(()) => {
                    ledger::record_push(store, &options.endpoint, g.as_ref(), Some(&digest))
                        .map_err(storage)?;
                    summary.graphs += 1;
                    summary.triples += counter.load(std::sync::atomic::Ordering::Relaxed);
                    progress(g.as_str(), summary.triples);
                    break;
                }
                Err((retryable, e)) if !retryable || attempt >= options.attempts => {
                    return Err(RemoteError::GaveUp {
                        attempts: attempt,
                        pushed: summary.graphs,
                        source: Box::new(e),
                    })
                }
                Err(_) => {
                    summary.retries += 1;
                    std::thread::sleep(Duration::from_millis(200 * 2u64.pow(attempt - 1)));
                }
            }
        }
    }
    Ok(summary)
}

/// Runs a query on a remote SPARQL endpoint and returns the response's media type and body.
/// The normgraph prefixes are declared in front of the query. The query is POSTed as an HTML
/// form (`query=…`, `application/x-www-form-urlencoded`), the one way of the SPARQL 1.1
/// Protocol every server takes: Virtuoso 7.2 never answers a POST of
/// `application/sparql-query`.
pub fn query(
    endpoint: &str,
    query: &str,
    accept: &str,
    timeout: Duration,
) -> Result<(String, Vec<u8>), RemoteError> {
    let text = format!("{}{query}", vocab::sparql_prefixes());
    let form: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("query", &text)
        .finish();
    let request = Request::builder()
        .method(Method::POST)
        .uri(endpoint)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT, accept)
        .body(Body::from(form))
        .map_err(|e| RemoteError::BadUrl {
            url: endpoint.to_owned(),
            message: e.to_string(),
        })?;
    let response = client(timeout)
        .request(request)
        .map_err(|e| RemoteError::Unreachable {
            url: endpoint.to_owned(),
            message: e.to_string(),
        })?;
    let status = response.status();
    let media = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = response
        .into_body()
        .to_vec()
        .map_err(|e| RemoteError::Unreachable {
            url: endpoint.to_owned(),
            message: e.to_string(),
        })?;
    if !status.is_success() {
        return Err(RemoteError::Status {
            url: endpoint.to_owned(),
            status: status.as_u16(),
            message: String::from_utf8_lossy(&body)
                .trim()
                .chars()
                .take(500)
                .collect(),
        });
    }
    Ok((media, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_urls_are_encoded() {
        assert_eq!(
            graph_url("http://h/store", "https://w3id.org/x/graph/a b"),
            "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fx%2Fgraph%2Fa%20b"
        );
        assert!(
            graph_url("http://h/rdf-graphs/service?x=1", "urn:g").contains("?x=1&graph=urn%3Ag")
        );
    }
}
