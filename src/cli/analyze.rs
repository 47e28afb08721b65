//! The graph commands of the CLI: `analyze …`, `export-graph`, `viz`.

use anyhow::Result;
use clap::{Args, Subcommand};
use normgraph::analysis::{
    self, paths, timeline, CentralityOptions, CommunityMethod, InfluenceGraph, Measure,
    ProjectionSpec, Scores, TableFormat,
};
use normgraph::error::AnalysisError;
use normgraph::graphio::{self, GraphFormat};
use normgraph::resources::Resources;
use normgraph::{store, viz};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which graph to analyse.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// A named projection (see `analyze projections`).
    #[arg(long, short, default_value = "citation", conflicts_with = "select")]
    projection: String,
    /// Your own projection: a file with a SPARQL SELECT returning ?source ?target and optionally
    /// ?weight, ?predicate, ?evidence.
    #[arg(long, value_hint = clap::ValueHint::FilePath)]
    select: Option<PathBuf>,
    /// Treat the edges of a --select projection as undirected.
    #[arg(long)]
    undirected: bool,
}

/// The analyses.
#[derive(Debug, Subcommand)]
pub enum AnalyzeCommand {
    /// List the named projections.
    Projections,
    /// Rank nodes: PageRank, HITS, degree, betweenness, closeness.
    Centrality {
        #[command(flatten)]
        graph: GraphArgs,
        /// Which measures (comma-separated; default all).
        #[arg(long, value_enum, value_delimiter = ',')]
        measures: Vec<Measure>,
        /// PageRank damping factor.
        #[arg(long, default_value_t = 0.85)]
        alpha: f64,
        /// PageRank tolerance (as networkx's `tol`).
        #[arg(long, default_value_t = 1e-6)]
        tol: f64,
        /// Most PageRank/HITS iterations.
        #[arg(long, default_value_t = 100)]
        max_iter: usize,
        /// Betweenness from this many sampled sources (for large graphs).
        #[arg(long)]
        pivots: Option<usize>,
        /// Seed of the pivot sample.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Only the first N rows.
        #[arg(long)]
        top: Option<usize>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// Store the scores as RDF in the graph id:graph/analysis/<projection>.
        #[arg(long)]
        write_back: bool,
    },
    /// Group nodes into communities and report the modularity.
    Communities {
        #[command(flatten)]
        graph: GraphArgs,
        /// Louvain or label propagation.
        #[arg(long, value_enum, default_value_t = CommunityMethod::Louvain)]
        method: CommunityMethod,
        /// Modularity resolution (above 1: smaller communities).
        #[arg(long, default_value_t = 1.0)]
        resolution: f64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// Store the communities as RDF in the graph id:graph/analysis/<projection>.
        #[arg(long)]
        write_back: bool,
    },
    /// Shortest path (or all simple paths) between two nodes, with the property and quoted
    /// sentence behind each step. Nodes: IRI, prefixed name, symbol, ISO code or label.
    Path {
        #[command(flatten)]
        graph: GraphArgs,
        /// Start node.
        #[arg(long)]
        from: String,
        /// End node.
        #[arg(long)]
        to: String,
        /// All simple paths, not only a shortest one.
        #[arg(long)]
        all: bool,
        /// Longest path (edges) with --all.
        #[arg(long, default_value_t = 6)]
        max_length: usize,
        /// Most paths listed with --all.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Cycles: strongly connected groups (e.g. resolutions recalling each other); for an
    /// undirected projection, its connected components.
    Cycles {
        #[command(flatten)]
        graph: GraphArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// How one delegation's citations, principles and threats change from session to session.
    Timeline {
        /// The delegation: ISO code (IRN), name, group code or IRI.
        #[arg(long)]
        delegation: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
}

/// Builds the projection a command asked for.
fn project(
    store_path: &Path,
    resources: &Resources,
    args: &GraphArgs,
) -> Result<(oxigraph::store::Store, InfluenceGraph)> {
    let spec = match &args.select {
        Some(file) => {
            let bytes = std::fs::read(file)
                .map_err(|e| crate::BadInput(format!("{}: cannot read: {e}", file.display())))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| crate::BadInput(format!("{}: not valid UTF-8", file.display())))?;
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
    let g = analysis::build(&db, &spec)?;
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
    let graph = normgraph::vocab::analysis_graph(&g.name);
    store::replace_graph(db, store_path, &graph, &triples)?;
    eprintln!("wrote {} score triples to <{graph}>", triples.len());
    Ok(())
}

/// Runs `normgraph analyze …`.
pub fn analyze(store_path: &Path, resources: &Resources, what: AnalyzeCommand) -> Result<()> {
    match what {
        AnalyzeCommand::Projections => {
            let mut out = std::io::stdout().lock();
            for (name, summary, directed) in analysis::projection::list(resources)? {
                let kind = if directed { "directed" } else { "undirected" };
                writeln!(out, "{name:<14} {kind:<11} {summary}")?;
            }
            Ok(())
        }
        AnalyzeCommand::Centrality {
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
        } => {
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
        AnalyzeCommand::Communities {
            graph,
            method,
            resolution,
            format,
            write_back: back,
        } => {
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
        AnalyzeCommand::Path {
            graph,
            from,
            to,
            all,
            max_length,
            limit,
            format,
        } => {
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
                return Err(crate::NotFound(format!(
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
        AnalyzeCommand::Cycles { graph, format } => {
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
        AnalyzeCommand::Timeline { delegation, format } => {
            let db = store::open_existing(store_path)?;
            let iri = timeline::resolve_delegation(&db, &delegation)?;
            write_table(&timeline::timeline(&db, &iri)?, format)
        }
    }
}

/// Runs `normgraph export-graph`.
pub fn export_graph(
    store_path: &Path,
    resources: &Resources,
    graph: &GraphArgs,
    format: GraphFormat,
    output: Option<&Path>,
) -> Result<()> {
    let (_db, g) = project(store_path, resources, graph)?;
    let scores = analysis::picture_scores(&g)?;
    match output {
        Some(path) => {
            let mut buf = Vec::new();
            graphio::write(&g, &scores, format, &mut buf)?;
            crate::write_file_atomically(path, &buf)?;
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

/// Runs `normgraph viz`.
pub fn viz(
    store_path: &Path,
    resources: &Resources,
    graph: &GraphArgs,
    output: &Path,
    program: &str,
) -> Result<()> {
    let ext = output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext != "html" && ext != "svg" {
        return Err(crate::BadInput(format!(
            "{}: the picture is written as .html (interactive viewer) or .svg (Graphviz)",
            output.display()
        ))
        .into());
    }
    let (_db, g) = project(store_path, resources, graph)?;
    let scores = analysis::picture_scores(&g)?;
    let bytes = if ext == "html" {
        let title = format!("{} projection", g.name);
        viz::html(&g, &scores, &title).into_bytes()
    } else {
        viz::svg(&g, &scores, program)?
    };
    crate::write_file_atomically(output, &bytes)?;
    eprintln!(
        "drew {} nodes and {} edges of the {} projection in {}",
        g.node_count(),
        g.edge_count(),
        g.name,
        output.display()
    );
    Ok(())
}
