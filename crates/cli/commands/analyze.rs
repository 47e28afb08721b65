//! `normgraph analyze …`: graph analyses of a projection of the store (centrality,
//! communities, paths, cycles, a delegation's timeline), and the projection the graph commands
//! share.

use super::{Context, NotFound};
use crate::args::{
    AnalyzeCommand, CentralityArgs, CommunitiesArgs, CyclesArgs, GraphArgs, PathArgs, TimelineArgs,
};
use anyhow::Result;
use normgraph::analysis::{
    self, paths, timeline, CentralityOptions, InfluenceGraph, ProjectionSpec, Scores, TableFormat,
};
use normgraph::error::AnalysisError;
use normgraph::rdf::resources::Resources;
use normgraph::store;
use std::io::Write;
use std::path::Path;

/// Builds the projection a command asked for.
pub fn project(
    store_path: &Path,
    resources: &Resources,
    args: &GraphArgs,
) -> Result<(oxigraph::store::Store, InfluenceGraph)> {
    let spec = match &args.select {
        Some(file) => {
            let text = normgraph::source::file::read_text(file)?;
            let name = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "custom".to_owned());
            ProjectionSpec::from_query(&name, &file.display().to_string(), &text, args.undirected)
        }
        None => {
            let mut spec = ProjectionSpec::named(resources, &args.projection)?;
            spec.directed &= !args.undirected;
            spec
        }
    };
    let db = store::open_existing(store_path)?;
    let mut g = analysis::build(&db, &spec)?;
    if let Some(language) = &args.lang {
        analysis::relabel(&db, &mut g, language)?;
    }
    if g.edge_count() == 0 {
        return Err(AnalysisError::EmptyGraph { name: spec.name }.into());
    }
    Ok((db, g))
}

fn write_table(table: &analysis::Table, format: TableFormat) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    table.write(format, &mut out)?;
    out.flush()?;
    Ok(())
}

fn write_back(
    db: &oxigraph::store::Store,
    store_path: &Path,
    g: &InfluenceGraph,
    scores: &Scores,
) -> Result<()> {
    let triples = analysis::score_triples(g, scores);
    let graph = normgraph::rdf::vocab::analysis_graph(&g.name);
    store::replace_graph(db, store_path, &graph, &triples)?;
    eprintln!("wrote {} score triples to <{graph}>", triples.len());
    Ok(())
}

/// Runs `normgraph analyze …`.
pub fn run(ctx: &Context, what: AnalyzeCommand) -> Result<()> {
    let (store_path, resources) = (ctx.store.as_path(), &ctx.resources);
    match what {
        AnalyzeCommand::Projections => {
            let mut out = std::io::stdout().lock();
            for (name, summary, directed) in analysis::projection::list(resources)? {
                let kind = if directed { "directed" } else { "undirected" };
                writeln!(out, "{name:<14} {kind:<11} {summary}")?;
            }
            Ok(())
        }
        AnalyzeCommand::Centrality(CentralityArgs {
            graph,
            measures,
            alpha,
            tol,
            max_iter,
            pivots,
            seed,
            top,
            format,
            write_back: back,
        }) => {
            let (db, g) = project(store_path, resources, &graph)?;
            let mut opts = CentralityOptions {
                alpha,
                tol,
                max_iter,
                pivots,
                seed,
                ..CentralityOptions::default()
            };
            if !measures.is_empty() {
                opts.measures = measures;
            }
            let scores = analysis::centrality(&g, &opts)?;
            if back {
                write_back(&db, store_path, &g, &scores)?;
            }
            write_table(&analysis::scores_table(&g, &scores, top), format)
        }
        AnalyzeCommand::Communities(CommunitiesArgs {
            graph,
            method,
            resolution,
            format,
            write_back: back,
        }) => {
            let (db, g) = project(store_path, resources, &graph)?;
            let (part, q) = analysis::communities(&g, method, resolution)?;
            let count = part.iter().max().map_or(0, |m| m + 1);
            eprintln!(
                "{count} communities, modularity {q:.6} ({} nodes, {} edges)",
                g.node_count(),
                g.edge_count()
            );
            let scores = Scores {
                community: Some((part, q)),
                ..Scores::default()
            };
            if back {
                write_back(&db, store_path, &g, &scores)?;
            }
            write_table(&analysis::scores_table(&g, &scores, None), format)
        }
        AnalyzeCommand::Path(PathArgs {
            graph,
            from,
            to,
            all,
            max_length,
            limit,
            format,
        }) => {
            let (_db, g) = project(store_path, resources, &graph)?;
            let (a, b) = (g.resolve(&from)?.index(), g.resolve(&to)?.index());
            let adj = analysis::centrality::Adjacency::new(&g);
            let found = if all {
                let (found, cut) = paths::all_simple(&adj, a, b, max_length, limit);
                if cut {
                    eprintln!("showing the first {limit} paths (raise --limit for more)");
                }
                found
            } else {
                paths::shortest(&adj, a, b).into_iter().collect()
            };
            if found.is_empty() {
                return Err(NotFound(format!(
                    "no path from {} to {} in the {} projection{}",
                    g.graph[analysis::node(a)].label,
                    g.graph[analysis::node(b)].label,
                    g.name,
                    if all {
                        format!(" within {max_length} edges")
                    } else {
                        String::new()
                    }
                ))
                .into());
            }
            write_table(&analysis::paths_table(&g, &found), format)
        }
        AnalyzeCommand::Cycles(CyclesArgs { graph, format }) => {
            let (_db, g) = project(store_path, resources, &graph)?;
            let groups = paths::cycles(&g);
            eprintln!(
                "{} {} in the {} projection",
                groups.len(),
                if g.directed {
                    "cyclic groups"
                } else {
                    "connected components"
                },
                g.name
            );
            let mut t = analysis::Table::new(&["group", "size", "node", "label", "kind"]);
            for (i, group) in groups.iter().enumerate() {
                for &n in group {
                    let node = &g.graph[n];
                    t.rows.push(vec![
                        analysis::Cell::Int(i as i64 + 1),
                        analysis::Cell::Int(group.len() as i64),
                        analysis::Cell::Text(node.id.clone()),
                        analysis::Cell::Text(node.label.clone()),
                        analysis::Cell::Text(node.kind.clone()),
                    ]);
                }
            }
            write_table(&t, format)
        }
        AnalyzeCommand::Timeline(TimelineArgs { delegation, format }) => {
            let db = store::open_existing(store_path)?;
            let iri = timeline::resolve_delegation(&db, &delegation)?;
            write_table(&timeline::timeline(&db, &iri)?, format)
        }
    }
}
