//! Stratification: which rules must run to a fixpoint before which.
//!
//! Nodes are predicates (a rule whose head predicate is a variable stands for all of them, node
//! `*`); `rdf:type` with a constant class is split by class (`rdf:type <C>`), so that deriving one
//! class may depend on the absence of another; an edge runs from each predicate a rule reads to the predicate it derives, marked
//! negative when read under `log:notIncludes`. Strongly connected components (Tarjan, via
//! petgraph) are evaluated in topological order; a negative edge inside a component means the
//! rule set cannot be stratified, and the cycle is named.

use super::{Rule, RuleError, Slot};
use oxigraph::model::Term;
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeSet, HashMap};

const ANY: &str = "*";

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

fn predicate_of(atom: &[Slot; 3]) -> String {
    match (&atom[1], &atom[2]) {
        (Slot::Const(Term::NamedNode(p)), Slot::Const(Term::NamedNode(c)))
            if p.as_str() == RDF_TYPE =>
        {
            format!("{RDF_TYPE} <{}>", c.as_str())
        }
        (Slot::Const(Term::NamedNode(n)), _) => n.as_str().to_owned(),
        _ => ANY.to_owned(),
    }
}

/// Groups rule indices into strata, in evaluation order.
pub fn strata(rules: &[Rule]) -> Result<Vec<Vec<usize>>, RuleError> {
    let mut graph: DiGraph<String, bool> = DiGraph::new();
    let mut nodes: HashMap<String, NodeIndex> = HashMap::new();
    let mut node = |g: &mut DiGraph<String, bool>, p: String| {
        *nodes.entry(p.clone()).or_insert_with(|| g.add_node(p))
    };
    let mut all_predicates = BTreeSet::new();
    for rule in rules {
        let head = node(&mut graph, predicate_of(&rule.head));
        all_predicates.insert(predicate_of(&rule.head));
        for atom in &rule.body {
            let p = predicate_of(atom);
            all_predicates.insert(p.clone());
            let n = node(&mut graph, p);
            graph.add_edge(n, head, false);
        }
        for conj in &rule.negated {
            for atom in conj {
                let p = predicate_of(atom);
                all_predicates.insert(p.clone());
                let n = node(&mut graph, p);
                graph.add_edge(n, head, true);
            }
        }
    }
    // Facts of `rdf:type <C>` are facts of `rdf:type`; a rule deriving `rdf:type` with a variable
    // class may derive any of them.
    let typed: Vec<String> = all_predicates
        .iter()
        .filter(|p| p.starts_with(&format!("{RDF_TYPE} ")))
        .cloned()
        .collect();
    if !typed.is_empty() {
        let generic = node(&mut graph, RDF_TYPE.to_owned());
        all_predicates.insert(RDF_TYPE.to_owned());
        for t in &typed {
            let n = nodes[t];
            graph.add_edge(n, generic, false);
        }
        let generic_is_derived = rules.iter().any(|r| predicate_of(&r.head) == RDF_TYPE);
        if generic_is_derived {
            for t in &typed {
                let n = nodes[t];
                graph.add_edge(generic, n, false);
            }
        }
    }
    // A rule deriving any predicate (variable head predicate) feeds every predicate read; a rule
    // reading any predicate (variable body predicate) depends on every predicate derived.
    if let Some(&any) = nodes.get(ANY) {
        let derives_any = rules.iter().any(|r| predicate_of(&r.head) == ANY);
        let reads_any = rules.iter().any(|r| {
            r.body
                .iter()
                .chain(r.negated.iter().flatten())
                .any(|a| predicate_of(a) == ANY)
        });
        let heads: BTreeSet<String> = rules.iter().map(|r| predicate_of(&r.head)).collect();
        for p in all_predicates.iter().filter(|p| p.as_str() != ANY) {
            let n = nodes[p];
            if derives_any {
                graph.add_edge(any, n, false);
            }
            if reads_any && heads.contains(p) {
                graph.add_edge(n, any, false);
            }
        }
    }
    // tarjan_scc returns components in reverse topological order.
    let mut components = tarjan_scc(&graph);
    components.reverse();
    let mut component_of = HashMap::new();
    for (i, c) in components.iter().enumerate() {
        for &n in c {
            component_of.insert(n, i);
        }
    }
    for edge in graph.edge_indices() {
        let (a, b) = graph.edge_endpoints(edge).expect("edge exists");
        if graph[edge] && component_of[&a] == component_of[&b] {
            let mut cycle: Vec<String> = components[component_of[&a]]
                .iter()
                .map(|&n| graph[n].clone())
                .collect();
            cycle.sort();
            cycle.push(cycle[0].clone());
            return Err(RuleError::Unstratifiable { cycle });
        }
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); components.len()];
    for (i, rule) in rules.iter().enumerate() {
        let head = nodes[&predicate_of(&rule.head)];
        out[component_of[&head]].push(i);
    }
    out.retain(|s| !s.is_empty());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_rules;
    use std::path::Path;

    const P: &str =
        "@prefix : <http://e/> .\n@prefix log: <http://www.w3.org/2000/10/swap/log#> .\n";

    #[test]
    fn negation_runs_after_what_it_negates() {
        let text = format!("{P}{{ ?x :a ?y . ?s log:notIncludes {{ ?x :b ?y }} }} => {{ ?x :c ?y }} .\n{{ ?x :a ?y }} => {{ ?x :b ?y }} .\n");
        let rules = parse_rules(&text, Path::new("t.n3")).expect("parses");
        let s = strata(&rules).expect("stratifiable");
        assert_eq!(s, vec![vec![1], vec![0]]);
    }

    #[test]
    fn negation_in_a_cycle_is_rejected_with_the_cycle() {
        let text = format!("{P}{{ ?x :a ?y . ?s log:notIncludes {{ ?x :b ?y }} }} => {{ ?x :c ?y }} .\n{{ ?x :c ?y }} => {{ ?x :b ?y }} .\n");
        let rules = parse_rules(&text, Path::new("t.n3")).expect("parses");
        let e = strata(&rules).expect_err("unstratifiable");
        let msg = e.to_string();
        assert!(
            msg.contains("http://e/b") && msg.contains("http://e/c"),
            "{msg}"
        );
    }
}
