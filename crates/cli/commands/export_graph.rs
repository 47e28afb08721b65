//! `normgraph export-graph`: a projection in a graph tool's format (GraphML, GEXF, DOT,
//! Cytoscape.js, CSV), with labels, kinds, PageRank and communities as attributes.

use super::analyze::project;
use super::{write_file_atomically, Context};
use crate::args::ExportGraphArgs;
use anyhow::Result;
use normgraph::analysis;
use normgraph::output::graphio;
use std::io::Write;

/// Runs `normgraph export-graph`.
pub fn run(ctx: &Context, args: ExportGraphArgs) -> Result<()> {
    let (format, output) = (args.format, args.output.as_deref());
    let (_db, g) = project(&ctx.store, &ctx.resources, &args.graph)?;
    let scores = analysis::picture_scores(&g)?;
    match output {
        Some(path) => {
            let mut buf = Vec::new();
            graphio::write(&g, &scores, format, &mut buf)?;
            write_file_atomically(path, &buf)?;
            eprintln!(
                "wrote {} nodes and {} edges of the {} projection to {}",
                g.node_count(),
                g.edge_count(),
                g.name,
                path.display()
            );
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            graphio::write(&g, &scores, format, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}
