//! Graph analyses over projections of the store: who influences whom.
//!
//! A [`projection`] turns a SPARQL SELECT (`?source ?target [?weight]`) into a petgraph graph;
//! [`centrality`](mod@centrality) ranks its nodes (PageRank, HITS, degree, betweenness, closeness, following
//! networkx's definitions), [`community`] groups them (Louvain, label propagation, modularity),
//! [`paths`] follows a proposal to its legal source and finds cycles, and [`timeline`] shows how
//! a delegation's citations change from session to session. Results are [`Table`]s, written as
//! aligned text, CSV or JSON; [`score_triples`] turns scores into RDF for `--write-back`.

pub mod centrality;
pub mod community;
pub mod paths;
pub mod projection;
pub mod timeline;

pub use projection::{build, relabel, Edge, InfluenceGraph, Node, ProjectionSpec};

use crate::error::AnalysisError;
use crate::rdf::vocab;
use centrality::Adjacency;
use oxigraph::model::{Literal, NamedNode, Triple};
use serde::Serialize;
use std::io::Write;

/// A cell of a result table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// Text.
    Text(String),
    /// An integer.
    Int(i64),
    /// A real number (written in full in CSV and JSON, to 6 decimals in the text table).
    Real(f64),
}

impl Cell {
    fn text(&self, full: bool) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Int(i) => i.to_string(),
            // `+ 0.0` turns a negative zero into zero.
            Self::Real(x) if full => (x + 0.0).to_string(),
            Self::Real(x) => format!("{:.6}", x + 0.0),
        }
    }
}

crate::choice_enum! {
    /// Output formats of analysis tables.
    pub enum TableFormat {
        /// Aligned text columns.
        Table = "table",
        /// CSV with a header row.
        Csv = "csv",
        /// A JSON array of objects, one per row.
        Json = "json",
    }
}

/// A result table: named columns and rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new(columns: &[&str]) -> Self {
        Self {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Writes the table in the chosen format.
    pub fn write(&self, format: TableFormat, out: &mut dyn Write) -> Result<(), AnalysisError> {
        match format {
            TableFormat::Table => {
                let cells: Vec<Vec<String>> = self
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.text(false)).collect())
                    .collect();
                let widths: Vec<usize> = (0..self.columns.len())
                    .map(|i| {
                        cells
                            .iter()
                            .map(|r| r[i].chars().count())
                            .chain([self.columns[i].chars().count()])
                            .max()
                            .unwrap_or(0)
                            .min(60)
                    })
                    .collect();
                let last = self.columns.len().saturating_sub(1);
                let line = |out: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
                    let parts: Vec<String> = row
                        .iter()
                        .zip(&widths)
                        .enumerate()
                        .map(|(i, (c, &w))| {
                            // Long cells are cut to the column width, but for the last column.
                            if i < last && c.chars().count() > w {
                                let cut: String = c.chars().take(w.saturating_sub(1)).collect();
                                format!("{cut}…")
                            } else {
                                format!("{c:<w$}")
                            }
                        })
                        .collect();
                    writeln!(out, "{}", parts.join("  ").trim_end())
                };
                line(out, &self.columns)?;
                line(
                    out,
                    &widths.iter().map(|&w| "-".repeat(w)).collect::<Vec<_>>(),
                )?;
                for row in &cells {
                    line(out, row)?;
                }
            }
            TableFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                let io = |e: csv::Error| AnalysisError::Io(std::io::Error::other(e));
                w.write_record(&self.columns).map_err(io)?;
                for row in &self.rows {
                    w.write_record(row.iter().map(|c| c.text(true)))
                        .map_err(io)?;
                }
                w.flush()?;
            }
            TableFormat::Json => {
                let rows: Vec<serde_json::Map<String, serde_json::Value>> = self
                    .rows
                    .iter()
                    .map(|r| {
                        self.columns
                            .iter()
                            .zip(r)
                            .map(|(k, c)| {
                                let v = serde_json::to_value(c).unwrap_or(serde_json::Value::Null);
                                (k.clone(), v)
                            })
                            .collect()
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &rows)
                    .map_err(|e| AnalysisError::Io(e.into()))?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}

crate::choice_enum! {
    /// The centrality measures `analyze centrality` computes.
    pub enum Measure {
        /// Weighted PageRank.
        Pagerank = "pagerank",
        /// HITS hub and authority scores.
        Hits = "hits",
        /// In- and out-degree (number of edges) and weighted in-degree.
        Degree = "degree",
        /// Betweenness (unweighted shortest paths).
        Betweenness = "betweenness",
        /// Closeness (unweighted, incoming distances).
        Closeness = "closeness",
    }
}

/// Options of the centrality measures.
#[derive(Debug, Clone)]
pub struct CentralityOptions {
    /// Which measures to compute.
    pub measures: Vec<Measure>,
    /// PageRank damping factor.
    pub alpha: f64,
    /// PageRank convergence tolerance (per node, as networkx's `tol`).
    pub tol: f64,
    /// Most power iterations of PageRank and HITS.
    pub max_iter: usize,
    /// Betweenness from this many sampled source nodes instead of all.
    pub pivots: Option<usize>,
    /// Seed of the pivot sample.
    pub seed: u64,
}

impl Default for CentralityOptions {
    fn default() -> Self {
        Self {
            measures: vec![
                Measure::Pagerank,
                Measure::Hits,
                Measure::Degree,
                Measure::Betweenness,
                Measure::Closeness,
            ],
            alpha: 0.85,
            tol: 1e-6,
            max_iter: 100,
            pivots: None,
            seed: 42,
        }
    }
}

/// Scores per node (indexed like the graph's nodes); `None` for measures not computed.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// PageRank.
    pub pagerank: Option<Vec<f64>>,
    /// HITS hubs and authorities.
    pub hits: Option<(Vec<f64>, Vec<f64>)>,
    /// In-degree, out-degree, weighted in-degree.
    pub degree: Option<(Vec<usize>, Vec<usize>, Vec<f64>)>,
    /// Betweenness.
    pub betweenness: Option<Vec<f64>>,
    /// Closeness.
    pub closeness: Option<Vec<f64>>,
    /// Community of each node, and the partition's modularity.
    pub community: Option<(Vec<usize>, f64)>,
}

/// Computes the chosen centrality measures.
pub fn centrality(g: &InfluenceGraph, opts: &CentralityOptions) -> Result<Scores, AnalysisError> {
    if g.node_count() == 0 {
        return Err(AnalysisError::EmptyGraph {
            name: g.name.clone(),
        });
    }
    if !(0.0..1.0).contains(&opts.alpha) {
        return Err(AnalysisError::BadOption(format!(
            "--alpha {} must be at least 0 and below 1",
            opts.alpha
        )));
    }
    let adj = Adjacency::new(g);
    let mut s = Scores::default();
    for m in &opts.measures {
        match m {
            Measure::Pagerank => {
                s.pagerank = Some(centrality::pagerank(
                    &adj,
                    opts.alpha,
                    opts.tol,
                    opts.max_iter,
                )?)
            }
            Measure::Hits => s.hits = Some(centrality::hits(&adj, 1e-8, opts.max_iter.max(100))),
            Measure::Degree => {
                let n = adj.n;
                s.degree = Some((
                    (0..n).map(|v| adj.in_degree(v)).collect(),
                    (0..n).map(|v| adj.out_degree(v)).collect(),
                    (0..n).map(|v| adj.inn(v).map(|(_, w)| w).sum()).collect(),
                ))
            }
            Measure::Betweenness => {
                let pivots = match opts.pivots {
                    Some(k) if k == 0 || k > adj.n => {
                        return Err(AnalysisError::BadOption(format!(
                            "--pivots {k}: choose between 1 and the number of nodes ({})",
                            adj.n
                        )))
                    }
                    Some(k) if k < adj.n => Some(sample(adj.n, k, opts.seed)),
                    _ => None,
                };
                s.betweenness = Some(centrality::betweenness(&adj, pivots.as_deref()))
            }
            Measure::Closeness => s.closeness = Some(centrality::closeness(&adj)),
        }
    }
    Ok(s)
}

/// `k` distinct node indices out of `0..n`, chosen by a seeded partial Fisher–Yates shuffle
/// (SplitMix64), so the same seed gives the same pivots.
pub fn sample(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut all: Vec<usize> = (0..n).collect();
    for i in 0..k.min(n) {
        let j = i + (next() % (n - i) as u64) as usize;
        all.swap(i, j);
    }
    all.truncate(k.min(n));
    all
}

crate::choice_enum! {
    /// How `analyze communities` groups nodes.
    pub enum CommunityMethod {
        /// Louvain modularity optimisation.
        Louvain = "louvain",
        /// Label propagation (fast, lower modularity).
        LabelPropagation = "label-propagation",
    }
}

/// Groups the nodes into communities; returns each node's community and the modularity.
pub fn communities(
    g: &InfluenceGraph,
    method: CommunityMethod,
    resolution: f64,
) -> Result<(Vec<usize>, f64), AnalysisError> {
    if g.edge_count() == 0 {
        return Err(AnalysisError::EmptyGraph {
            name: g.name.clone(),
        });
    }
    if resolution.is_nan() || resolution <= 0.0 {
        return Err(AnalysisError::BadOption(format!(
            "--resolution {resolution} must be positive"
        )));
    }
    let u = community::Undirected::new(&Adjacency::new(g));
    let part = match method {
        CommunityMethod::Louvain => community::louvain(&u, resolution),
        CommunityMethod::LabelPropagation => community::label_propagation(&u, 100),
    };
    let q = community::modularity(&u, &part, resolution);
    Ok((part, q))
}

/// The scores pictures and graph exports carry: PageRank and Louvain communities.
pub fn picture_scores(g: &InfluenceGraph) -> Result<Scores, AnalysisError> {
    let mut scores = centrality(
        g,
        &CentralityOptions {
            measures: vec![Measure::Pagerank],
            ..CentralityOptions::default()
        },
    )?;
    scores.community = Some(communities(g, CommunityMethod::Louvain, 1.0)?);
    Ok(scores)
}

/// One row per node with its scores, highest PageRank first (else by label); at most `top`.
pub fn scores_table(g: &InfluenceGraph, s: &Scores, top: Option<usize>) -> Table {
    let mut cols = vec!["node", "label", "kind"];
    if s.pagerank.is_some() {
        cols.push("pagerank");
    }
    if s.hits.is_some() {
        cols.extend(["hub", "authority"]);
    }
    if s.degree.is_some() {
        cols.extend(["in_degree", "out_degree", "in_weight"]);
    }
    if s.betweenness.is_some() {
        cols.push("betweenness");
    }
    if s.closeness.is_some() {
        cols.push("closeness");
    }
    if s.community.is_some() {
        cols.push("community");
    }
    let mut t = Table::new(&cols);
    let mut order: Vec<usize> = (0..g.node_count()).collect();
    let key = |i: usize| {
        s.pagerank
            .as_ref()
            .map(|p| p[i])
            .or_else(|| s.betweenness.as_ref().map(|b| b[i]))
            .unwrap_or(0.0)
    };
    order.sort_by(|&a, &b| {
        key(b)
            .total_cmp(&key(a))
            .then_with(|| g.graph[node(a)].label.cmp(&g.graph[node(b)].label))
    });
    if let Some((comm, _)) = &s.community {
        if s.pagerank.is_none() {
            order.sort_by_key(|&i| comm[i]);
        }
    }
    for i in order.into_iter().take(top.unwrap_or(usize::MAX)) {
        let n = &g.graph[node(i)];
        let mut row = vec![
            Cell::Text(n.id.clone()),
            Cell::Text(n.label.clone()),
            Cell::Text(n.kind.clone()),
        ];
        if let Some(p) = &s.pagerank {
            row.push(Cell::Real(p[i]));
        }
        if let Some((h, a)) = &s.hits {
            row.extend([Cell::Real(h[i]), Cell::Real(a[i])]);
        }
        if let Some((din, dout, w)) = &s.degree {
            row.extend([
                Cell::Int(din[i] as i64),
                Cell::Int(dout[i] as i64),
                Cell::Real(w[i]),
            ]);
        }
        if let Some(b) = &s.betweenness {
            row.push(Cell::Real(b[i]));
        }
        if let Some(c) = &s.closeness {
            row.push(Cell::Real(c[i]));
        }
        if let Some((c, _)) = &s.community {
            row.push(Cell::Int(c[i] as i64));
        }
        t.rows.push(row);
    }
    t
}

/// The graph's node index for a packed index (they are the same numbers).
pub fn node(i: usize) -> petgraph::graph::NodeIndex {
    petgraph::graph::NodeIndex::new(i)
}

/// A table of paths: one row per edge of each path, with the triple it stands for (when the
/// projection names a predicate) and the quoted evidence.
pub fn paths_table(g: &InfluenceGraph, found: &[paths::Path]) -> Table {
    let mut t = Table::new(&[
        "path",
        "step",
        "from",
        "to",
        "predicate",
        "weight",
        "evidence",
    ]);
    for (p, path) in found.iter().enumerate() {
        for (step, pair) in path.windows(2).enumerate() {
            let (a, b) = (node(pair[0]), node(pair[1]));
            let Some(e) = g.edge_between(a, b) else {
                continue;
            };
            let edge = &g.graph[e];
            t.rows.push(vec![
                Cell::Int(p as i64 + 1),
                Cell::Int(step as i64 + 1),
                Cell::Text(g.graph[a].label.clone()),
                Cell::Text(g.graph[b].label.clone()),
                Cell::Text(edge.predicate.as_deref().map(short).unwrap_or_default()),
                Cell::Real(edge.weight),
                Cell::Text(edge.evidence.first().cloned().unwrap_or_default()),
            ]);
        }
    }
    t
}

/// A prefixed name for an IRI in one of the known namespaces.
fn short(iri: &str) -> String {
    vocab::PREFIXES
        .iter()
        .find_map(|(p, ns)| iri.strip_prefix(ns).map(|l| format!("{p}:{l}")))
        .unwrap_or_else(|| iri.to_owned())
}

/// The scores as triples for the analysis graph of this projection: `ng:pageRank`,
/// `ng:hubScore`, `ng:authorityScore`, `ng:inDegree`, `ng:outDegree`, `ng:betweenness`,
/// `ng:closeness` (xsd:double or xsd:integer) and `ng:community` (an integer), for IRI nodes.
pub fn score_triples(g: &InfluenceGraph, s: &Scores) -> Vec<Triple> {
    let mut out = Vec::new();
    let p = |l: &str| NamedNode::new_unchecked(vocab::ng(l));
    for i in 0..g.node_count() {
        let Ok(subject) = NamedNode::new(&g.graph[node(i)].id) else {
            continue;
        };
        let mut add = |pred: &str, value: Literal| {
            out.push(Triple::new(subject.clone(), p(pred), value));
        };
        if let Some(v) = &s.pagerank {
            add("pageRank", Literal::from(v[i]));
        }
        if let Some((h, a)) = &s.hits {
            add("hubScore", Literal::from(h[i]));
            add("authorityScore", Literal::from(a[i]));
        }
        if let Some((din, dout, _)) = &s.degree {
            add("inDegree", Literal::from(din[i] as i64));
            add("outDegree", Literal::from(dout[i] as i64));
        }
        if let Some(v) = &s.betweenness {
            if v[i].is_finite() {
                add("betweenness", Literal::from(v[i]));
            }
        }
        if let Some(v) = &s.closeness {
            add("closeness", Literal::from(v[i]));
        }
        if let Some((c, _)) = &s.community {
            add("community", Literal::from(c[i] as i64));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_is_distinct_and_reproducible() {
        let a = sample(100, 10, 7);
        let mut b = a.clone();
        b.sort();
        b.dedup();
        assert_eq!(b.len(), 10);
        assert_eq!(a, sample(100, 10, 7));
        assert_ne!(a, sample(100, 10, 8));
        assert_eq!(sample(3, 5, 1).len(), 3);
    }

    #[test]
    fn tables_in_three_formats() {
        let mut t = Table::new(&["a", "b"]);
        t.rows
            .push(vec![Cell::Text("x, y".into()), Cell::Real(0.5)]);
        let mut csv = Vec::new();
        t.write(TableFormat::Csv, &mut csv).expect("test value");
        assert_eq!(
            String::from_utf8(csv).expect("test value"),
            "a,b\n\"x, y\",0.5\n"
        );
        let mut json = Vec::new();
        t.write(TableFormat::Json, &mut json).expect("test value");
        let v: serde_json::Value = serde_json::from_slice(&json).expect("test value");
        assert_eq!(v[0]["b"], 0.5);
        let mut text = Vec::new();
        t.write(TableFormat::Table, &mut text).expect("test value");
        assert!(String::from_utf8(text)
            .expect("test value")
            .contains("x, y  0.500000"));
    }
}
