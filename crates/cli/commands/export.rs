//! `normgraph export`: the store (or one named graph) in an RDF syntax.

use super::{BadInput, Context};
use crate::args::ExportArgs;
use anyhow::Result;
use normgraph::output::export;
use std::io::Write;

/// Runs `normgraph export`.
pub fn run(ctx: &Context, args: ExportArgs) -> Result<()> {
    let db = ctx.open_store_for_reading()?;
    let graph = args.graph.as_deref();
    let Some(path) = &args.output else {
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        export::export(&db, args.format, graph, &mut w)?;
        w.flush()?;
        return Ok(());
    };
    // Write beside the target and rename, so a failed export leaves no half file.
    let cannot_write =
        |e: std::io::Error| BadInput(format!("{}: cannot write: {e}", path.display()));
    let tmp = path.with_extension("normgraph-partial");
    let file = std::fs::File::create(&tmp).map_err(cannot_write)?;
    let mut w = std::io::BufWriter::new(file);
    let written = export::export(&db, args.format, graph, &mut w)
        .and_then(|n| w.flush().map(|()| n).map_err(Into::into));
    let n = match written {
        Ok(n) => n,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e.into());
        }
    };
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(cannot_write(e).into());
    }
    eprintln!("exported {n} triples or quads to {}", path.display());
    Ok(())
}
