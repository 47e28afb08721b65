//! `normgraph query`: a SPARQL query (text, curated name or file) over the store or a remote
//! endpoint.

use super::Context;
use crate::args::QueryArgs;
use anyhow::Result;
use normgraph::error::QueryError;
use normgraph::output::remote;
use normgraph::query::{self, DefaultGraph};
use normgraph::rdf::resources::Resources;
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

/// Runs `normgraph query`.
pub fn run(ctx: &Context, args: QueryArgs) -> Result<()> {
    let timeout = args
        .timeout
        .map(|t| super::seconds("--timeout", t))
        .transpose()?;
    let (text, origin) = query_text(&ctx.resources, args.query, args.file)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Some(url) = args.endpoint {
        let (media, body) = remote::query(
            &url,
            &text,
            query::remote_accept(args.format),
            timeout.unwrap_or(Duration::from_secs(300)),
        )?;
        query::write_remote(args.format, &media, &body, &origin, &mut out)?;
    } else {
        let db = ctx.open_store_for_reading()?;
        let graphs = if args.asserted_only {
            DefaultGraph::Asserted
        } else {
            DefaultGraph::Union
        };
        let _backstop = timeout.map(|limit| Backstop::start(limit, &origin));
        query::run(
            &db,
            &text,
            &origin,
            args.format,
            &graphs,
            timeout,
            args.lang.as_deref(),
            &mut out,
        )?;
    }
    out.flush()?;
    Ok(())
}

/// Ends the process a second after a query's time limit if the cancelled evaluation has not
/// returned by then (oxigraph notices a cancellation only when it next reads the store). The
/// query only reads, so stopping it mid-way leaves the store as it was.
struct Backstop {
    done: mpsc::Sender<()>,
}

impl Backstop {
    fn start(limit: Duration, origin: &str) -> Self {
        let (done, wait) = mpsc::channel::<()>();
        let message = QueryError::TimedOut {
            origin: origin.to_owned(),
            seconds: limit.as_secs_f64(),
        }
        .to_string();
        std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) =
                wait.recv_timeout(limit + Duration::from_secs(1))
            {
                eprintln!("error: {message}");
                #[allow(
                    clippy::exit,
                    reason = "the evaluating thread cannot be stopped otherwise"
                )]
                std::process::exit(3);
            }
        });
        Self { done }
    }
}

impl Drop for Backstop {
    fn drop(&mut self) {
        let _ = self.done.send(());
    }
}

/// The query's text and where it came from (for error messages): a file, a curated query
/// named by a bare word, or the text itself.
fn query_text(
    resources: &Resources,
    query: Option<String>,
    file: Option<PathBuf>,
) -> Result<(String, String)> {
    if let Some(path) = file {
        let text = normgraph::source::file::read_text(&path)?;
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
