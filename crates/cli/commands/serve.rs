//! `normgraph serve`: the store as a SPARQL 1.1 endpoint with a query page.

use super::{BadInput, Context};
use crate::args::ServeArgs;
use anyhow::Result;
use normgraph::output::server::{self, ServerConfig};

/// Runs `normgraph serve` until it is stopped.
pub fn run(ctx: &Context, args: ServeArgs) -> Result<()> {
    let config = ServerConfig {
        bind: args.bind,
        timeout: super::seconds("--timeout", args.timeout)?,
        max_rows: args.max_rows,
        max_body: args.max_body,
        allow_update: args.allow_update,
        max_connections: args.max_connections.max(1),
        max_waiting_per_client: args.max_waiting_per_client.max(1),
        request_timeout: super::seconds("--request-timeout", args.request_timeout)?,
    };
    let db = ctx.open_store()?;
    let bind = args.bind;
    let server = server::serve(db, ctx.resources.clone(), config)
        .map_err(|e| BadInput(format!("cannot listen on {bind}: {e}")))?;
    eprintln!(
        "serving {} on http://{bind}/ (SPARQL at /sparql{}); Ctrl+C stops",
        ctx.store.display(),
        if args.allow_update {
            ", updates allowed"
        } else {
            ", read-only"
        }
    );
    server.join()?;
    Ok(())
}
