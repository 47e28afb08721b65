//! `normgraph query`: a SPARQL query (text, curated name or file) over the store or a remote
//! endpoint.

use super::Context;
use crate::args::QueryArgs;
use anyhow::Result;
use normgraph::output::remote;
use normgraph::query::{self, DefaultGraph};
use normgraph::rdf::resources::Resources;
use std::io::Write;
use std::path::PathBuf;

/// Runs `normgraph query`.
pub fn run(ctx: &Context, args: QueryArgs) -> Result<()> {
    let (text, origin) = query_text(&ctx.resources, args.query, args.file)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Some(url) = args.endpoint {
        let (media, body) = remote::query(
            &url,
            &text,
            query::remote_accept(args.format),
            std::time::Duration::from_secs(300),
        )?;
        query::write_remote(args.format, &media, &body, &origin, &mut out)?;
    } else {
        let db = ctx.open_store()?;
        let graphs = if args.asserted_only {
            DefaultGraph::Asserted
        } else {
            DefaultGraph::Union
        };
        query::run(&db, &text, &origin, args.format, &graphs, &mut out)?;
    }
    out.flush()?;
    Ok(())
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
