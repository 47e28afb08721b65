//! Paths and cycles: how a proposal reaches its legal source, and which resolutions recall each
//! other in a loop.

use super::centrality::Adjacency;
use super::projection::InfluenceGraph;
use petgraph::graph::NodeIndex;

/// A path as node indices, from the first node to the last.
pub type Path = Vec<usize>;

/// A shortest path (fewest edges) from `from` to `to`, following edge direction in a directed
/// graph; `None` if `to` cannot be reached.
pub fn shortest(adj: &Adjacency, from: usize, to: usize) -> Option<Path> {
    let mut parent = vec![usize::MAX; adj.n];
    parent[from] = from;
    let mut queue = std::collections::VecDeque::from([from]);
    while let Some(v) = queue.pop_front() {
        if v == to {
            let mut path = vec![to];
            let mut cur = to;
            while cur != from {
                cur = parent[cur];
                path.push(cur);
            }
            path.reverse();
            return Some(path);
        }
        for (w, _) in adj.out(v) {
            if parent[w] == usize::MAX {
                parent[w] = v;
                queue.push_back(w);
            }
        }
    }
    None
}

/// Every simple path from `from` to `to` with at most `max_edges` edges, shortest first, at
/// most `limit` of them. The second value says whether the limit cut the list short.
pub fn all_simple(
    adj: &Adjacency,
    from: usize,
    to: usize,
    max_edges: usize,
    limit: usize,
) -> (Vec<Path>, bool) {
    let mut found = Vec::new();
    let mut on_path = vec![false; adj.n];
    let mut path = vec![from];
    on_path[from] = true;
    let mut truncated = false;
    // Depth-first, with an explicit stack of neighbour iterators' positions.
    let neighbours = |v: usize| adj.out(v).map(|(w, _)| w).collect::<Vec<_>>();
    let mut stack: Vec<(Vec<usize>, usize)> = vec![(neighbours(from), 0)];
    while let Some((next, pos)) = stack.last_mut() {
        if *pos >= next.len() || path.len() > max_edges {
            stack.pop();
            if let Some(v) = path.pop() {
                on_path[v] = false;
            }
            continue;
        }
        let w = next[*pos];
        *pos += 1;
        if on_path[w] {
            continue;
        }
        if w == to {
            let mut p = path.clone();
            p.push(w);
            found.push(p);
            if found.len() >= limit {
                truncated = true;
                break;
            }
            continue;
        }
        path.push(w);
        on_path[w] = true;
        stack.push((neighbours(w), 0));
    }
    found.sort_by_key(Vec::len);
    (found, truncated)
}

/// Groups of nodes that reach each other: strongly connected components of more than one node,
/// and nodes with an edge to themselves (for an undirected graph, connected components of more
/// than one node). Largest first; nodes within a group in index order.
pub fn cycles(g: &InfluenceGraph) -> Vec<Vec<NodeIndex>> {
    let mut groups: Vec<Vec<NodeIndex>> = if g.directed {
        petgraph::algo::tarjan_scc(&g.graph)
            .into_iter()
            .filter(|c| c.len() > 1 || g.graph.find_edge(c[0], c[0]).is_some())
            .collect()
    } else {
        let mut uf = petgraph::unionfind::UnionFind::<usize>::new(g.node_count());
        for e in g.graph.raw_edges() {
            uf.union(e.source().index(), e.target().index());
        }
        let mut by_root: std::collections::BTreeMap<usize, Vec<NodeIndex>> = Default::default();
        for i in g.graph.node_indices() {
            by_root.entry(uf.find(i.index())).or_default().push(i);
        }
        by_root.into_values().filter(|c| c.len() > 1).collect()
    };
    for c in &mut groups {
        c.sort();
    }
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_and_all_paths() {
        // 0→1→3, 0→2→3, 0→3 directly, 3→0 back.
        let e = [(0, 1), (1, 3), (0, 2), (2, 3), (0, 3), (3, 0)];
        let edges: Vec<(u32, u32, f64)> = e.iter().map(|&(a, b)| (a, b, 1.0)).collect();
        let g = Adjacency::from_edges(4, &edges, true);
        assert_eq!(shortest(&g, 0, 3), Some(vec![0, 3]));
        assert_eq!(shortest(&g, 1, 2), Some(vec![1, 3, 0, 2]));
        let (all, cut) = all_simple(&g, 0, 3, 5, 100);
        assert!(!cut);
        assert_eq!(all, vec![vec![0, 3], vec![0, 1, 3], vec![0, 2, 3]]);
        let (short, _) = all_simple(&g, 0, 3, 1, 100);
        assert_eq!(short, vec![vec![0, 3]]);
        let (one, cut) = all_simple(&g, 0, 3, 5, 1);
        assert!(cut && one.len() == 1);
        let none = Adjacency::from_edges(2, &[], true);
        assert_eq!(shortest(&none, 0, 1), None);
    }

    #[test]
    fn cycles_are_strong_components() {
        let mut g = InfluenceGraph::new("t", true);
        let (a, b, c, d) = (g.node("a"), g.node("b"), g.node("c"), g.node("d"));
        g.add_edge(a, b, 1.0, None, None);
        g.add_edge(b, a, 1.0, None, None);
        g.add_edge(b, c, 1.0, None, None);
        g.add_edge(d, d, 1.0, None, None);
        assert_eq!(cycles(&g), vec![vec![a, b], vec![d]]);
    }
}
