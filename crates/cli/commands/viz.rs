//! `normgraph viz`: a projection drawn as an interactive HTML viewer or an SVG picture.

use super::analyze::project;
use super::{write_file_atomically, BadInput, Context};
use crate::args::VizArgs;
use anyhow::Result;
use normgraph::analysis;
use normgraph::output::viz;

/// Runs `normgraph viz`.
pub fn run(ctx: &Context, args: VizArgs) -> Result<()> {
    let (output, program) = (args.output.as_path(), args.program.as_str());
    let ext = output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext != "html" && ext != "svg" {
        return Err(BadInput(format!(
            "{}: the picture is written as .html (interactive viewer) or .svg (Graphviz)",
            output.display()
        ))
        .into());
    }
    let (_db, g) = project(&ctx.store, &ctx.resources, &args.graph)?;
    let scores = analysis::picture_scores(&g)?;
    let bytes = if ext == "html" {
        let title = format!("{} projection", g.name);
        viz::html(&g, &scores, &title).into_bytes()
    } else {
        viz::svg(&g, &scores, program)?
    };
    write_file_atomically(output, &bytes)?;
    eprintln!(
        "drew {} nodes and {} edges of the {} projection in {}",
        g.node_count(),
        g.edge_count(),
        g.name,
        output.display()
    );
    Ok(())
}
