//! Projected graphs in the formats graph tools read: GraphML (networkx, yEd, Cytoscape),
//! GEXF 1.2 (Gephi), DOT (Graphviz), Cytoscape.js JSON (Cytoscape, the HTML viewer, networkx's
//! `cytoscape_graph`) and a CSV edge list (Gephi's spreadsheet import, pandas).
//!
//! Nodes are identified by their IRI in every format but DOT (which numbers them); each carries
//! its label and kind, and its PageRank and community when computed. Edges carry their weight,
//! the RDF property they stand for and the first quoted sentence behind them.

use crate::analysis::{InfluenceGraph, Scores};
use petgraph::visit::{EdgeRef, IntoNodeReferences, NodeRef};
use quick_xml::escape::escape;
use serde_json::json;
use std::io::{self, Write};
use std::sync::LazyLock;

crate::choice_enum! {
    /// Graph file formats.
    pub enum GraphFormat {
        /// GraphML (XML).
        Graphml = "graphml",
        /// GEXF 1.2 (Gephi).
        Gexf = "gexf",
        /// Graphviz DOT.
        Dot = "dot",
        /// Cytoscape.js JSON (elements).
        Cyjs = "cyjs",
        /// CSV edge list with a header row.
        Csv = "csv",
    }
}

impl GraphFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Graphml => "graphml",
            Self::Gexf => "gexf",
            Self::Dot => "dot",
            Self::Cyjs => "cyjs",
            Self::Csv => "csv",
        }
    }
}

/// Writes the graph in `format`, with the scores that were computed as node attributes.
pub fn write(
    g: &InfluenceGraph,
    scores: &Scores,
    format: GraphFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        GraphFormat::Graphml => graphml(g, scores, out),
        GraphFormat::Gexf => gexf(g, scores, out),
        GraphFormat::Dot => dot(g, scores, out),
        GraphFormat::Cyjs => {
            serde_json::to_writer_pretty(&mut *out, &cytoscape_json(g, scores))?;
            writeln!(out)
        }
        GraphFormat::Csv => edge_csv(g, out),
    }
}

fn pagerank(scores: &Scores, i: usize) -> Option<f64> {
    scores.pagerank.as_ref().map(|p| p[i])
}

fn community(scores: &Scores, i: usize) -> Option<usize> {
    scores.community.as_ref().map(|(c, _)| c[i])
}

fn graphml(g: &InfluenceGraph, s: &Scores, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, domain, ty) in [
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("pagerank", "node", "double"),
        ("community", "node", "int"),
        ("weight", "edge", "double"),
        ("predicate", "edge", "string"),
        ("evidence", "edge", "string"),
    ] {
        if (id == "pagerank" && s.pagerank.is_none())
            || (id == "community" && s.community.is_none())
        {
            continue;
        }
        writeln!(
            out,
            r#"  <key id="{id}" for="{domain}" attr.name="{id}" attr.type="{ty}"/>"#
        )?;
    }
    let edgedefault = if g.directed { "directed" } else { "undirected" };
    writeln!(
        out,
        r#"  <graph id="{}" edgedefault="{edgedefault}">"#,
        escape(&g.name)
    )?;
    for (i, n) in g.graph.node_references() {
        write!(
            out,
            r#"    <node id="{}"><data key="label">{}</data><data key="kind">{}</data>"#,
            escape(&n.id),
            escape(&n.label),
            escape(&n.kind)
        )?;
        if let Some(p) = pagerank(s, i.index()) {
            write!(out, r#"<data key="pagerank">{p}</data>"#)?;
        }
        if let Some(c) = community(s, i.index()) {
            write!(out, r#"<data key="community">{c}</data>"#)?;
        }
        writeln!(out, "</node>")?;
    }
    for e in g.graph.edge_references() {
        let w = e.weight();
        write!(
            out,
            r#"    <edge source="{}" target="{}"><data key="weight">{}</data>"#,
            escape(&g.graph[e.source()].id),
            escape(&g.graph[e.target()].id),
            w.weight
        )?;
        if let Some(p) = &w.predicate {
            write!(out, r#"<data key="predicate">{}</data>"#, escape(p))?;
        }
        if let Some(ev) = w.evidence.first() {
            write!(out, r#"<data key="evidence">{}</data>"#, escape(ev))?;
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")
}

/// A date as GEXF's `date` time format wants it (`YYYY-MM-DD`): a year or month is its first day.
fn gexf_day(date: &str) -> String {
    // (Only digits and hyphens: the value goes into an XML attribute.)
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        _ => date.chars().take(10).collect(),
    }
}

fn gexf(g: &InfluenceGraph, s: &Scores, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta><creator>normgraph</creator><description>{} projection</description></meta>"#,
        escape(&g.name)
    )?;
    let edgetype = if g.directed { "directed" } else { "undirected" };
    // With dates (the projection's ?date), a dynamic graph: each edge is there on the days its
    // rows are dated, each node from its first such day to its last, so that Gephi's timeline
    // replays how the graph grew.
    let dynamic = g.graph.edge_weights().any(|e| !e.dates.is_empty());
    let mode = if dynamic {
        r#"mode="dynamic" timeformat="date""#
    } else {
        r#"mode="static""#
    };
    writeln!(
        out,
        r#"  <graph {mode} defaultedgetype="{edgetype}">
    <attributes class="node">
      <attribute id="kind" title="kind" type="string"/>"#
    )?;
    if s.pagerank.is_some() {
        writeln!(
            out,
            r#"      <attribute id="pagerank" title="pagerank" type="double"/>"#
        )?;
    }
    if s.community.is_some() {
        writeln!(
            out,
            r#"      <attribute id="community" title="community" type="integer"/>"#
        )?;
    }
    writeln!(
        out,
        r#"    </attributes>
    <attributes class="edge">
      <attribute id="predicate" title="predicate" type="string"/>
      <attribute id="evidence" title="evidence" type="string"/>
    </attributes>
    <nodes>"#
    )?;
    for (i, n) in g.graph.node_references() {
        let days: Vec<String> = g
            .graph
            .edges_directed(i, petgraph::Direction::Outgoing)
            .chain(g.graph.edges_directed(i, petgraph::Direction::Incoming))
            .flat_map(|e| e.weight().dates.keys().map(|d| gexf_day(d)))
            .collect();
        let span = match (days.iter().min(), days.iter().max()) {
            (Some(first), Some(last)) if dynamic => format!(r#" start="{first}" end="{last}""#),
            _ => String::new(),
        };
        write!(
            out,
            r#"      <node id="{}" label="{}"{span}><attvalues><attvalue for="kind" value="{}"/>"#,
            escape(&n.id),
            escape(&n.label),
            escape(&n.kind)
        )?;
        if let Some(p) = pagerank(s, i.index()) {
            write!(out, r#"<attvalue for="pagerank" value="{p}"/>"#)?;
        }
        if let Some(c) = community(s, i.index()) {
            write!(out, r#"<attvalue for="community" value="{c}"/>"#)?;
        }
        writeln!(out, "</attvalues></node>")?;
    }
    writeln!(out, "    </nodes>\n    <edges>")?;
    for e in g.graph.edge_references() {
        let w = e.weight();
        write!(
            out,
            r#"      <edge id="{}" source="{}" target="{}" weight="{}"><attvalues>"#,
            e.id().index(),
            escape(&g.graph[e.source()].id),
            escape(&g.graph[e.target()].id),
            w.weight
        )?;
        if let Some(p) = &w.predicate {
            write!(out, r#"<attvalue for="predicate" value="{}"/>"#, escape(p))?;
        }
        if let Some(ev) = w.evidence.first() {
            write!(out, r#"<attvalue for="evidence" value="{}"/>"#, escape(ev))?;
        }
        write!(out, "</attvalues>")?;
        if dynamic && !w.dates.is_empty() {
            let mut days: Vec<String> = w.dates.keys().map(|d| gexf_day(d)).collect();
            days.dedup();
            write!(out, "<spells>")?;
            for d in days {
                write!(out, r#"<spell start="{d}" end="{d}"/>"#)?;
            }
            write!(out, "</spells>")?;
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "    </edges>\n  </graph>\n</gexf>")
}

/// A DOT double-quoted string.
fn dot_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Fill colours by node kind (`data/display/kind-colours.csv`), shared by the DOT export and the
/// HTML viewer, in the file's order; `*` is the colour of every other kind.
pub fn kind_colours() -> &'static [(String, String)] {
    static COLOURS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
        include_str!("../../../../data/display/kind-colours.csv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && *l != "kind,colour")
            .filter_map(|l| l.split_once(','))
            .map(|(k, c)| (k.trim().to_owned(), c.trim().to_owned()))
            .collect()
    });
    &COLOURS
}

/// The colour of a node kind.
pub fn kind_colour(kind: &str) -> &'static str {
    let colours = kind_colours();
    let of = |k: &str| {
        colours
            .iter()
            .find(|(name, _)| name == k)
            .map(|(_, c)| c.as_str())
    };
    of(kind).or_else(|| of("*")).unwrap_or("#bab0ac")
}

fn dot(g: &InfluenceGraph, s: &Scores, out: &mut dyn Write) -> io::Result<()> {
    use petgraph::dot::{Config, Dot};
    let max_pr = s
        .pagerank
        .as_ref()
        .map(|p| p.iter().cloned().fold(0.0, f64::max))
        .unwrap_or(0.0);
    let node_attrs = |_, n: (petgraph::graph::NodeIndex, &crate::analysis::Node)| {
        let (i, node) = (n.id(), n.weight());
        let mut a = format!(
            "label = {}, tooltip = {}, style = filled, fillcolor = {}",
            dot_string(&node.label),
            dot_string(&node.id),
            dot_string(kind_colour(&node.kind))
        );
        if let (Some(p), true) = (pagerank(s, i.index()), max_pr > 0.0) {
            a.push_str(&format!(
                ", pagerank = {p}, width = {:.3}",
                0.4 + p / max_pr
            ));
        }
        if let Some(c) = community(s, i.index()) {
            a.push_str(&format!(", community = {c}"));
        }
        a
    };
    let edge_attrs = |_, e: petgraph::graph::EdgeReference<'_, crate::analysis::Edge>| {
        let w = e.weight();
        let mut a = format!(
            "weight = {}, penwidth = {:.2}",
            w.weight,
            1.0 + w.weight.ln_1p()
        );
        if let Some(p) = &w.predicate {
            a.push_str(&format!(", tooltip = {}", dot_string(p)));
        }
        if !g.directed {
            a.push_str(", dir = none");
        }
        a
    };
    let body = Dot::with_attr_getters(
        &g.graph,
        &[
            Config::EdgeNoLabel,
            Config::NodeNoLabel,
            Config::GraphContentOnly,
        ],
        &edge_attrs,
        &node_attrs,
    );
    writeln!(out, "digraph {} {{", dot_string(&g.name))?;
    writeln!(
        out,
        "    graph [rankdir = LR, overlap = false, fontname = \"Helvetica\"]\n    node [shape = box, style = rounded, fontname = \"Helvetica\", fontsize = 10]"
    )?;
    write!(out, "{body:?}")?;
    writeln!(out, "}}")
}

/// The graph as Cytoscape.js elements JSON (also read by networkx's `cytoscape_graph`).
pub fn cytoscape_json(g: &InfluenceGraph, s: &Scores) -> serde_json::Value {
    let nodes: Vec<serde_json::Value> = g
        .graph
        .node_references()
        .map(|(i, n)| {
            let mut data = json!({
                "id": n.id, "value": n.id, "name": n.label, "label": n.label, "kind": n.kind,
            });
            if let Some(t) = &n.title {
                data["title"] = json!(t);
            }
            if let Some(k) = &n.subkind {
                data["subkind"] = json!(k);
            }
            if let Some(p) = pagerank(s, i.index()) {
                data["pagerank"] = json!(p);
            }
            if let Some(c) = community(s, i.index()) {
                data["community"] = json!(c);
            }
            json!({ "data": data })
        })
        .collect();
    let edges: Vec<serde_json::Value> = g
        .graph
        .edge_references()
        .map(|e| {
            let w = e.weight();
            json!({ "data": {
                "id": format!("e{}", e.id().index()),
                "source": g.graph[e.source()].id,
                "target": g.graph[e.target()].id,
                "weight": w.weight,
                "predicate": w.predicate,
                "evidence": w.evidence,
                "dates": w.dates,
            }})
        })
        .collect();
    json!({
        "format_version": "1.0",
        "generated_by": "normgraph",
        "target_cytoscapejs_version": "~3.35",
        "directed": g.directed,
        "multigraph": false,
        "data": { "name": g.name },
        "elements": { "nodes": nodes, "edges": edges },
    })
}

fn edge_csv(g: &InfluenceGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let kind = if g.directed { "Directed" } else { "Undirected" };
    w.write_record([
        "Source",
        "Target",
        "Type",
        "Weight",
        "SourceLabel",
        "TargetLabel",
        "Predicate",
        "Evidence",
    ])?;
    for e in g.graph.edge_references() {
        let (a, b, x) = (&g.graph[e.source()], &g.graph[e.target()], e.weight());
        w.write_record([
            a.id.as_str(),
            b.id.as_str(),
            kind,
            &x.weight.to_string(),
            &a.label,
            &b.label,
            x.predicate.as_deref().unwrap_or(""),
            x.evidence.first().map_or("", String::as_str),
        ])?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> InfluenceGraph {
        let mut g = InfluenceGraph::new("t", true);
        let a = g.node("https://w3id.org/normgraph/id/state/IRN");
        g.graph[a].label = "Iran <\"Islamic\" & Republic>".into();
        let b = g.node("https://undocs.org/A/RES/73/27");
        g.add_edge(
            a,
            b,
            2.0,
            Some("ng:cites"),
            Some("We recall \"73/27\" & more."),
        );
        g
    }

    #[test]
    fn xml_and_dot_escape_what_they_must() {
        let g = sample();
        for f in [GraphFormat::Graphml, GraphFormat::Gexf, GraphFormat::Dot] {
            let mut out = Vec::new();
            write(&g, &Scores::default(), f, &mut out).expect("test value");
            let text = String::from_utf8(out).expect("test value");
            assert!(!text.contains("<\"Islamic\""), "{f:?}: {text}");
        }
        let mut out = Vec::new();
        write(&g, &Scores::default(), GraphFormat::Dot, &mut out).expect("test value");
        assert!(String::from_utf8(out)
            .expect("test value")
            .contains(r#"label = "Iran <\"Islamic\" & Republic>""#));
    }

    #[test]
    fn cytoscape_edges_name_node_ids() {
        let v = cytoscape_json(&sample(), &Scores::default());
        let nodes = v["elements"]["nodes"].as_array().expect("test value");
        let edge = &v["elements"]["edges"][0]["data"];
        assert!(nodes.iter().any(|n| n["data"]["id"] == edge["source"]));
        assert_eq!(edge["weight"], 2.0);
    }
}
