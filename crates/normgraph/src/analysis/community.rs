//! Communities: Louvain modularity optimisation, label propagation as the fast option, and the
//! modularity of a partition.
//!
//! Communities are found on the undirected, weighted view of a graph (the weights of `a → b`
//! and `b → a` add up): which delegations cite alike is a symmetric question. Modularity is that
//! of networkx's `community.modularity(G, communities, weight="weight", resolution=γ)` on this
//! undirected graph. Both methods visit nodes in index order, so results are reproducible.

use super::centrality::Adjacency;
use std::collections::HashMap;

/// The undirected weighted view: symmetric adjacency lists with summed weights, self-loops kept.
#[derive(Debug, Clone)]
pub struct Undirected {
    /// Neighbours of each node with the summed weight (a self-loop appears once).
    pub adj: Vec<Vec<(usize, f64)>>,
}

impl Undirected {
    /// The undirected view of a packed graph.
    pub fn new(g: &Adjacency) -> Self {
        let mut maps: Vec<HashMap<usize, f64>> = vec![HashMap::new(); g.n];
        for u in 0..g.n {
            for (v, w) in g.out(u) {
                if g.directed {
                    *maps[u].entry(v).or_default() += w;
                    if u != v {
                        *maps[v].entry(u).or_default() += w;
                    }
                } else {
                    // Undirected packs hold each edge both ways already.
                    *maps[u].entry(v).or_default() += w;
                }
            }
        }
        let adj = maps
            .into_iter()
            .map(|m| {
                let mut l: Vec<(usize, f64)> = m.into_iter().collect();
                l.sort_by_key(|&(v, _)| v);
                l
            })
            .collect();
        Self { adj }
    }

    /// Weighted degree of each node, a self-loop counted twice (as networkx does).
    fn degrees(&self) -> Vec<f64> {
        self.adj
            .iter()
            .enumerate()
            .map(|(u, l)| {
                l.iter()
                    .map(|&(v, w)| if v == u { 2.0 * w } else { w })
                    .sum()
            })
            .collect()
    }
}

/// Modularity of a partition (`community[v]` is the community of node `v`).
pub fn modularity(g: &Undirected, community: &[usize], resolution: f64) -> f64 {
    let deg = g.degrees();
    let two_m: f64 = deg.iter().sum();
    if two_m == 0.0 {
        return 0.0;
    }
    let k = community.iter().max().map_or(0, |m| m + 1);
    let mut internal = vec![0.0; k];
    let mut total = vec![0.0; k];
    for (u, l) in g.adj.iter().enumerate() {
        total[community[u]] += deg[u];
        for &(v, w) in l {
            if community[u] == community[v] {
                // Each edge is seen from both ends, a self-loop once but counted twice.
                internal[community[u]] += if u == v { 2.0 * w } else { w };
            }
        }
    }
    (0..k)
        .map(|c| internal[c] / two_m - resolution * (total[c] / two_m).powi(2))
        .sum()
}

/// Louvain (Blondel et al. 2008): move nodes to the neighbouring community with the best
/// modularity gain until none improves, then merge communities into nodes and repeat. Returns
/// each node's community, numbered from 0 in order of first appearance.
pub fn louvain(g: &Undirected, resolution: f64) -> Vec<usize> {
    let n = g.adj.len();
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level = g.clone();
    loop {
        let (moved, part) = local_moves(&level, resolution);
        let part = renumber(&part);
        for m in membership.iter_mut() {
            *m = part[*m];
        }
        if !moved {
            break;
        }
        level = aggregate(&level, &part);
        if level.adj.len() <= 1 {
            break;
        }
    }
    renumber(&membership)
}

/// One Louvain phase: returns whether any node moved, and the partition.
fn local_moves(g: &Undirected, resolution: f64) -> (bool, Vec<usize>) {
    let n = g.adj.len();
    let deg = g.degrees();
    let two_m: f64 = deg.iter().sum();
    let mut comm: Vec<usize> = (0..n).collect();
    if two_m == 0.0 {
        return (false, comm);
    }
    let mut tot = deg.clone();
    let mut any = false;
    let mut links: HashMap<usize, f64> = HashMap::new();
    loop {
        let mut improved = false;
        for u in 0..n {
            let own = comm[u];
            links.clear();
            for &(v, w) in &g.adj[u] {
                if v != u {
                    *links.entry(comm[v]).or_default() += w;
                }
            }
            tot[own] -= deg[u];
            let gain = |c: usize, w_in: f64| w_in - resolution * tot[c] * deg[u] / two_m;
            let mut best = own;
            let mut best_gain = gain(own, links.get(&own).copied().unwrap_or(0.0));
            let mut candidates: Vec<(usize, f64)> = links.iter().map(|(&c, &w)| (c, w)).collect();
            candidates.sort_by_key(|&(c, _)| c);
            for (c, w_in) in candidates {
                let g_c = gain(c, w_in);
                if g_c > best_gain + 1e-12 {
                    best = c;
                    best_gain = g_c;
                }
            }
            tot[best] += deg[u];
            if best != own {
                comm[u] = best;
                improved = true;
                any = true;
            }
        }
        if !improved {
            break;
        }
    }
    (any, comm)
}

/// The graph whose nodes are the communities of `part`.
fn aggregate(g: &Undirected, part: &[usize]) -> Undirected {
    let k = part.iter().max().map_or(0, |m| m + 1);
    let mut maps: Vec<HashMap<usize, f64>> = vec![HashMap::new(); k];
    for (u, l) in g.adj.iter().enumerate() {
        for &(v, w) in l {
            let (a, b) = (part[u], part[v]);
            if a == b {
                // Internal weight becomes a self-loop; each internal edge is seen from both ends
                // (a self-loop once), so halve non-loop edges.
                *maps[a].entry(a).or_default() += if u == v { w } else { w / 2.0 };
            } else {
                *maps[a].entry(b).or_default() += w;
            }
        }
    }
    Undirected {
        adj: maps
            .into_iter()
            .map(|m| {
                let mut l: Vec<(usize, f64)> = m.into_iter().collect();
                l.sort_by_key(|&(v, _)| v);
                l
            })
            .collect(),
    }
}

/// Numbers communities from 0 in order of first appearance.
fn renumber(part: &[usize]) -> Vec<usize> {
    let mut map = HashMap::new();
    part.iter()
        .map(|c| {
            let next = map.len();
            *map.entry(*c).or_insert(next)
        })
        .collect()
}

/// Label propagation: each node takes the label carrying the most edge weight among its
/// neighbours, in index order, until no label changes (at most `max_rounds` rounds). Ties follow
/// the Prec-Max rule of Cordasco and Gargano (2011), as networkx's semi-synchronous version
/// does: keep the current label if it is among the best, else take the largest.
pub fn label_propagation(g: &Undirected, max_rounds: usize) -> Vec<usize> {
    let n = g.adj.len();
    let mut label: Vec<usize> = (0..n).collect();
    let mut weight: HashMap<usize, f64> = HashMap::new();
    for _ in 0..max_rounds {
        let mut changed = false;
        for u in 0..n {
            weight.clear();
            for &(v, w) in &g.adj[u] {
                if v != u {
                    *weight.entry(label[v]).or_default() += w;
                }
            }
            let Some(max) = weight.values().cloned().reduce(f64::max) else {
                continue;
            };
            if weight.get(&label[u]).is_some_and(|&w| w >= max) {
                continue; // already among the best
            }
            let best = weight
                .iter()
                .filter(|(_, &w)| w >= max)
                .map(|(&l, _)| l)
                .max()
                .unwrap_or(label[u]);
            label[u] = best;
            changed = true;
        }
        if !changed {
            break;
        }
    }
    renumber(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_triangles() -> Undirected {
        // Triangles {0,1,2} and {3,4,5} joined by one edge 2–3.
        let e = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)];
        let edges: Vec<(u32, u32, f64)> = e.iter().map(|&(a, b)| (a, b, 1.0)).collect();
        Undirected::new(&Adjacency::from_edges(6, &edges, false))
    }

    #[test]
    fn louvain_splits_two_triangles() {
        let g = two_triangles();
        let c = louvain(&g, 1.0);
        assert_eq!(c, vec![0, 0, 0, 1, 1, 1]);
        // m = 7; each side: 3 internal edges, degree sum 7: 2·(3/7 − (7/14)²) = 5/14.
        assert!((modularity(&g, &c, 1.0) - 5.0 / 14.0).abs() < 1e-12);
        let lp = label_propagation(&g, 100);
        assert_eq!(lp[0], lp[1]);
        assert_ne!(lp[0], lp[5]);
    }

    #[test]
    fn one_community_has_zero_modularity() {
        let g = two_triangles();
        assert!(modularity(&g, &[0; 6], 1.0).abs() < 1e-12);
    }
}
