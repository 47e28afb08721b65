//! Graph projections: a SPARQL SELECT over the store returning `?source ?target [?weight]`
//! becomes a petgraph graph.
//!
//! The named projections are the files of `queries/projections/` (`citation`, `lineage`,
//! `co-citation`, `proposal`, `alignment`); a scholar writes their own as any SELECT with the
//! same variables. Rows for the same pair add up their weights (a missing `?weight` counts 1), so
//! a query may return one row per mention. Optional variables: `?predicate` (the RDF property
//! an edge stands for, shown on paths) and `?evidence` (a quoted sentence behind the edge). A
//! line `#! undirected` in the query makes the graph undirected.

use crate::error::AnalysisError;
use crate::query::{self, DefaultGraph};
use crate::rdf::resources::Resources;
use crate::rdf::vocab;
use oxigraph::model::{GraphNameRef, NamedNodeRef, QuadRef, Term, TermRef};
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use serde::Serialize;
use std::collections::HashMap;

/// At most this many distinct evidence sentences are kept per edge.
pub const MAX_EVIDENCE: usize = 5;

/// What to project: a query and whether its edges have a direction.
#[derive(Debug, Clone)]
pub struct ProjectionSpec {
    /// The projection's name (the file stem of a named projection, or the query file's stem).
    pub name: String,
    /// Where the query came from, for error messages.
    pub origin: String,
    /// The SELECT query.
    pub query: String,
    /// Whether edges have a direction.
    pub directed: bool,
}

impl ProjectionSpec {
    /// A named projection from `queries/projections/`.
    pub fn named(resources: &Resources, name: &str) -> Result<Self, AnalysisError> {
        let all = resources.projections()?;
        let known = all
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let (_, file) = all.iter().find(|(n, _)| n == name).ok_or_else(|| {
            AnalysisError::UnknownProjection {
                name: name.to_owned(),
                known,
            }
        })?;
        Ok(Self::from_query(
            name,
            &file.origin.display().to_string(),
            &file.text,
            false,
        ))
    }

    /// A projection from the text of a SELECT query. The graph is undirected if `undirected`
    /// is set or the query holds a line `#! undirected`.
    pub fn from_query(name: &str, origin: &str, text: &str, undirected: bool) -> Self {
        let marked = text.lines().any(|l| l.trim() == "#! undirected");
        Self {
            name: name.to_owned(),
            origin: origin.to_owned(),
            query: text.to_owned(),
            directed: !(undirected || marked),
        }
    }
}

/// The named projections: (name, description, directed).
pub fn list(resources: &Resources) -> Result<Vec<(String, String, bool)>, AnalysisError> {
    Ok(resources
        .projections()?
        .into_iter()
        .map(|(name, file)| {
            let summary = file.description();
            let spec = ProjectionSpec::from_query(&name, "", &file.text, false);
            (name, summary, spec.directed)
        })
        .collect())
}

/// A node of a projected graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// The IRI (or, for a literal or blank node, its lexical form).
    pub id: String,
    /// A human-readable label: `skos:prefLabel`, else the document symbol, else `rdfs:label`,
    /// else the text of a proposal, else the IRI's last segment.
    pub label: String,
    /// The node's class in the `ng:` vocabulary (`State`, `Resolution`, `Principle`, …), or
    /// `Resource`/`Literal` when it has none. Of two classes one of which is a subclass of the
    /// other (`AdditionalNorm` of `ProposedNorm`), the broader: legends then show one kind.
    pub kind: String,
    /// The narrower class the node also has, when there is one (`AdditionalNorm`).
    pub subkind: Option<String>,
    /// Its title (`dcterms:title`, English preferred): a resolution's or document's name.
    pub title: Option<String>,
}

/// An edge of a projected graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// Sum of the weights of the rows for this pair.
    pub weight: f64,
    /// The RDF property the edge stands for, when the projection says.
    pub predicate: Option<String>,
    /// Up to [`MAX_EVIDENCE`] distinct quoted sentences behind the edge.
    pub evidence: Vec<String>,
    /// The weight by date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the statements give it), when
    /// the projection's query returns a `?date`: what the viewer's time filter and the GEXF
    /// timeline use.
    pub dates: std::collections::BTreeMap<String, f64>,
}

/// A graph projected from the store.
#[derive(Debug, Clone)]
pub struct InfluenceGraph {
    /// The projection's name.
    pub name: String,
    /// Whether edges have a direction. Undirected graphs hold each pair once.
    pub directed: bool,
    /// The graph (for an undirected projection, edge direction is meaningless).
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
}

impl InfluenceGraph {
    /// An empty graph.
    pub fn new(name: &str, directed: bool) -> Self {
        Self {
            name: name.to_owned(),
            directed,
            graph: DiGraph::new(),
            index: HashMap::new(),
        }
    }

    /// The node with this id, added (with the id as its label) if new.
    pub fn node(&mut self, id: &str) -> NodeIndex {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.graph.add_node(Node {
            id: id.to_owned(),
            label: id.to_owned(),
            kind: "Resource".to_owned(),
            subkind: None,
            title: None,
        });
        self.index.insert(id.to_owned(), i);
        i
    }

    /// The index of the node with this id.
    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The edge between two nodes (either way round for an undirected graph).
    pub fn edge_between(&self, a: NodeIndex, b: NodeIndex) -> Option<EdgeIndex> {
        self.graph.find_edge(a, b).or_else(|| {
            if self.directed {
                None
            } else {
                self.graph.find_edge(b, a)
            }
        })
    }

    /// Resolves what a scholar typed to a node: its IRI, a prefixed name (`id:state/IRN`), a
    /// document symbol (`A/RES/73/27`), or a label, ISO code or id suffix matched without
    /// regard to case.
    pub fn resolve(&self, what: &str) -> Result<NodeIndex, AnalysisError> {
        let candidates = query::term::candidate_iris(what);
        if let Some(i) = candidates.iter().find_map(|iri| self.find(iri)) {
            return Ok(i);
        }
        let what_t = &candidates[0];
        let lower = what_t.to_lowercase();
        let suffix = format!("/{lower}");
        let matches: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&i| {
                let n = &self.graph[i];
                n.label.to_lowercase() == lower || n.id.to_lowercase().ends_with(&suffix)
            })
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(AnalysisError::UnknownNode {
                what: what.to_owned(),
                projection: self.name.clone(),
            }),
            many => Err(AnalysisError::AmbiguousNode {
                what: what.to_owned(),
                projection: self.name.clone(),
                candidates: many
                    .iter()
                    .take(5)
                    .map(|&i| self.graph[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// Adds `weight` to the edge from `a` to `b` (created if new), with optional predicate and
    /// evidence.
    pub fn add_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        weight: f64,
        predicate: Option<&str>,
        evidence: Option<&str>,
    ) {
        self.add_dated_edge(a, b, weight, predicate, evidence, None);
    }

    /// [`add_edge`](Self::add_edge), with the date of the row (added to the edge's weight by
    /// date).
    pub fn add_dated_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        weight: f64,
        predicate: Option<&str>,
        evidence: Option<&str>,
        date: Option<&str>,
    ) {
        let e = match self.edge_between(a, b) {
            Some(e) => e,
            None => self.graph.add_edge(
                a,
                b,
                Edge {
                    weight: 0.0,
                    predicate: predicate.map(str::to_owned),
                    evidence: Vec::new(),
                    dates: std::collections::BTreeMap::new(),
                },
            ),
        };
        let edge = &mut self.graph[e];
        edge.weight += weight;
        if let Some(d) = date {
            *edge.dates.entry(d.to_owned()).or_insert(0.0) += weight;
        }
        if let Some(s) = evidence {
            if edge.evidence.len() < MAX_EVIDENCE && !edge.evidence.iter().any(|x| x == s) {
                edge.evidence.push(s.to_owned());
            }
        }
    }
}

/// Runs the projection's query over the store and builds its graph, with labels and kinds read
/// from the store.
pub fn build(store: &Store, spec: &ProjectionSpec) -> Result<InfluenceGraph, AnalysisError> {
    let Some((vars, rows)) = query::select(store, &spec.query, &spec.origin, &DefaultGraph::Union)?
    else {
        return Err(AnalysisError::NotSelect {
            origin: spec.origin.clone(),
        });
    };
    let col = |name: &'static str| vars.iter().position(|v| v == name);
    let source = col("source").ok_or_else(|| AnalysisError::MissingVariable {
        origin: spec.origin.clone(),
        missing: "source",
    })?;
    let target = col("target").ok_or_else(|| AnalysisError::MissingVariable {
        origin: spec.origin.clone(),
        missing: "target",
    })?;
    let (weight, predicate, evidence, date) = (
        col("weight"),
        col("predicate"),
        col("evidence"),
        col("date"),
    );
    let mut g = InfluenceGraph::new(&spec.name, spec.directed);
    for (n, row) in rows.iter().enumerate() {
        let (Some(s), Some(t)) = (&row[source], &row[target]) else {
            continue; // an unbound end: no edge
        };
        let w = match weight.and_then(|i| row[i].as_ref()) {
            None => 1.0,
            Some(term) => {
                let text = lexical(term);
                match text.trim().parse::<f64>() {
                    Ok(w) if w.is_finite() && w >= 0.0 => w,
                    _ => {
                        return Err(AnalysisError::BadWeight {
                            origin: spec.origin.clone(),
                            row: n + 1,
                            value: text,
                        })
                    }
                }
            }
        };
        let p = predicate.and_then(|i| row[i].as_ref()).map(lexical);
        let e = evidence.and_then(|i| row[i].as_ref()).map(lexical);
        let d = date.and_then(|i| row[i].as_ref()).map(lexical);
        let (a, b) = (g.node(&lexical(s)), g.node(&lexical(t)));
        g.add_dated_edge(a, b, w, p.as_deref(), e.as_deref(), d.as_deref());
        if let Term::Literal(_) = t {
            g.graph[b].kind = "Literal".to_owned();
        }
        if let Term::Literal(_) = s {
            g.graph[a].kind = "Literal".to_owned();
        }
    }
    describe(store, &mut g, "en")?;
    Ok(g)
}

/// Labels the nodes of `g` in `language` (a tag such as `fr`) where the store has a
/// `skos:prefLabel` in it, else in English, as [`build`] does (`viz --lang fr`).
pub fn relabel(store: &Store, g: &mut InfluenceGraph, language: &str) -> Result<(), AnalysisError> {
    describe(store, g, language)
}

/// The IRI of a named node, the lexical form of a literal, `_:id` of a blank node.
fn lexical(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

/// Classes too general to name a node's kind when a more specific one is known.
const GENERIC: &[&str] = &["Delegation", "LegalSource", "UNDocument"];

/// Fills in labels and kinds of IRI nodes from the store; labels in `language` where there are
/// any, else in English.
fn describe(store: &Store, g: &mut InfluenceGraph, language: &str) -> Result<(), AnalysisError> {
    let pref = format!("{}prefLabel", vocab::SKOS);
    let ident = format!("{}identifier", vocab::DCTERMS);
    let rdfs_label = format!("{}label", vocab::RDFS);
    let text = vocab::ng("text");
    let title = format!("{}title", vocab::DCTERMS);
    let rdf_type = format!("{}type", vocab::RDF);
    let subclass = format!("{}subClassOf", vocab::RDFS);
    let storage = |e| {
        AnalysisError::Store(crate::error::StoreError::Storage {
            path: "store".into(),
            source: e,
        })
    };
    for i in g.graph.node_indices().collect::<Vec<_>>() {
        if g.graph[i].kind == "Literal" {
            continue;
        }
        let id = g.graph[i].id.clone();
        let Ok(subject) = NamedNodeRef::new(&id) else {
            continue;
        };
        let values = |p: &str| -> Result<Vec<(String, String)>, AnalysisError> {
            let mut out = Vec::new();
            for q in store.quads_for_pattern(
                Some(subject.into()),
                Some(NamedNodeRef::new_unchecked(p)),
                None,
                None,
            ) {
                let q = q.map_err(storage)?;
                match q.object.as_ref() {
                    TermRef::Literal(l) => {
                        out.push((l.value().to_owned(), l.language().unwrap_or("").to_owned()))
                    }
                    TermRef::NamedNode(n) => out.push((n.as_str().to_owned(), String::new())),
                    _ => {}
                }
            }
            out.sort();
            out.dedup();
            Ok(out)
        };
        let prefs = values(&pref)?;
        let label = prefs
            .iter()
            .find(|(_, lang)| lang.eq_ignore_ascii_case(language))
            .or_else(|| prefs.iter().find(|(_, lang)| lang == "en"))
            .or_else(|| {
                prefs
                    .iter()
                    .find(|(_, lang)| lang.is_empty() || lang.starts_with("en-"))
            })
            .or_else(|| prefs.first())
            .map(|(v, _)| v.clone())
            .or_else(|| values(&ident).ok()?.into_iter().next().map(|(v, _)| v))
            .or_else(|| values(&rdfs_label).ok()?.into_iter().next().map(|(v, _)| v))
            .or_else(|| {
                values(&text)
                    .ok()?
                    .into_iter()
                    .next()
                    .map(|(v, _)| shorten(&v, 80))
            });
        let titles = values(&title)?;
        let node = &mut g.graph[i];
        node.label = label.unwrap_or_else(|| last_segment(&node.id));
        node.title = titles
            .iter()
            .find(|(_, lang)| lang == "en")
            .or_else(|| titles.first())
            .map(|(v, _)| v.clone());
        let kinds: Vec<String> = values(&rdf_type)?
            .into_iter()
            .filter_map(|(t, _)| t.strip_prefix(vocab::NG).map(str::to_owned))
            .filter(|k| !GENERIC.contains(&k.as_str()))
            .collect();
        // A class directly narrower (rdfs:subClassOf) than another of the node's classes gives
        // way to it.
        let narrower = |k: &String| -> bool {
            kinds.iter().any(|other| {
                other != k
                    && store
                        .contains(QuadRef::new(
                            NamedNodeRef::new_unchecked(&format!("{}{k}", vocab::NG)),
                            NamedNodeRef::new_unchecked(&subclass),
                            NamedNodeRef::new_unchecked(&format!("{}{other}", vocab::NG)),
                            GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(
                                &vocab::ontology_graph(),
                            )),
                        ))
                        .unwrap_or(false)
            })
        };
        let broad: Vec<&String> = kinds.iter().filter(|k| !narrower(k)).collect();
        if let Some(k) = broad.first().or(kinds.first().as_ref()) {
            g.graph[i].kind = (*k).clone();
            g.graph[i].subkind = kinds.iter().find(|x| *x != *k && narrower(x)).cloned();
        } else if g.graph[i].id.starts_with(vocab::UNDOCS) {
            g.graph[i].kind = "Document".to_owned();
        }
    }
    Ok(())
}

/// At most `max` characters, with an ellipsis if cut.
fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// The part of an IRI after its last `/` or `#`.
fn last_segment(id: &str) -> String {
    id.rsplit(['/', '#'])
        .find(|s| !s.is_empty())
        .unwrap_or(id)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_for_one_pair_add_up_and_undirected_pairs_merge() {
        let mut g = InfluenceGraph::new("t", false);
        let (a, b) = (g.node("a"), g.node("b"));
        g.add_edge(a, b, 1.0, None, Some("one"));
        g.add_edge(b, a, 2.0, None, Some("one"));
        assert_eq!(g.edge_count(), 1);
        let e = g.edge_between(a, b).expect("test value");
        assert_eq!(g.graph[e].weight, 3.0);
        assert_eq!(g.graph[e].evidence, vec!["one".to_owned()]);
        let mut d = InfluenceGraph::new("t", true);
        let (a, b) = (d.node("a"), d.node("b"));
        d.add_edge(a, b, 1.0, None, None);
        d.add_edge(b, a, 1.0, None, None);
        assert_eq!(d.edge_count(), 2);
    }

    #[test]
    fn resolve_by_label_suffix_and_ambiguity() {
        let mut g = InfluenceGraph::new("t", true);
        let a = g.node("https://w3id.org/normgraph/id/state/IRN");
        g.graph[a].label = "Iran (Islamic Republic of)".into();
        let b = g.node("https://undocs.org/A/RES/73/27");
        g.node("x/same");
        g.node("y/same");
        assert_eq!(g.resolve("irn").expect("test value"), a);
        assert_eq!(g.resolve("id:state/IRN").expect("test value"), a);
        assert_eq!(
            g.resolve("iran (islamic republic of)").expect("test value"),
            a
        );
        assert_eq!(g.resolve("A/RES/73/27").expect("test value"), b);
        assert!(matches!(
            g.resolve("same"),
            Err(AnalysisError::AmbiguousNode { .. })
        ));
        assert!(matches!(
            g.resolve("nowhere"),
            Err(AnalysisError::UnknownNode { .. })
        ));
    }

    #[test]
    fn undirected_marker_line() {
        assert!(!ProjectionSpec::from_query("x", "", "#! undirected\nSELECT", false).directed);
        assert!(ProjectionSpec::from_query("x", "", "SELECT", false).directed);
        assert!(!ProjectionSpec::from_query("x", "", "SELECT", true).directed);
    }
}
