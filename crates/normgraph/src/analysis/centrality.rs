//! Centrality measures: PageRank, HITS, degree, betweenness (Brandes) and closeness.
//!
//! They follow networkx's definitions and defaults so that a scholar who checks a figure with
//! networkx gets the same number: PageRank as `nx.pagerank(G, alpha, tol=…)` (weighted, dangling
//! nodes' rank spread uniformly), betweenness as `nx.betweenness_centrality(G, k, normalized=True)`
//! (unweighted shortest paths, endpoints excluded, the same rescaling when sources are sampled),
//! closeness as `nx.closeness_centrality(G)` (Wasserman–Faust scaling; incoming distances in a
//! directed graph). The graph is first packed into compressed adjacency arrays ([`Adjacency`]).
//!
//! rustworkx-core was considered for betweenness; it computes from every source only (no sampled
//! pivots, which a 100k-node graph needs) and pulls ndarray and rayon in, so the ~80 lines of
//! Brandes are written here, split across threads by source.

use super::projection::InfluenceGraph;
use crate::error::AnalysisError;
use std::thread;

/// A graph packed into compressed sparse rows, out-edges and in-edges. An undirected graph holds
/// each edge both ways (a self-loop once), so out-edges and in-edges are the same.
#[derive(Debug, Clone)]
pub struct Adjacency {
    /// Number of nodes.
    pub n: usize,
    /// Whether the graph is directed.
    pub directed: bool,
    out_start: Vec<usize>,
    out_to: Vec<u32>,
    out_w: Vec<f64>,
    in_start: Vec<usize>,
    in_from: Vec<u32>,
    in_w: Vec<f64>,
}

impl Adjacency {
    /// Packs a projected graph (node `i` is petgraph's node index `i`).
    pub fn new(g: &InfluenceGraph) -> Self {
        let edges: Vec<(u32, u32, f64)> = g
            .graph
            .raw_edges()
            .iter()
            .map(|e| {
                (
                    e.source().index() as u32,
                    e.target().index() as u32,
                    e.weight.weight,
                )
            })
            .collect();
        Self::from_edges(g.node_count(), &edges, g.directed)
    }

    /// Packs an edge list over nodes `0..n`. Edges must be distinct pairs.
    pub fn from_edges(n: usize, edges: &[(u32, u32, f64)], directed: bool) -> Self {
        let mut arcs: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len() * 2);
        for &(a, b, w) in edges {
            arcs.push((a, b, w));
            if !directed && a != b {
                arcs.push((b, a, w));
            }
        }
        let (out_start, out_to, out_w) = csr(n, &arcs, |&(a, b, w)| (a, b, w));
        let (in_start, in_from, in_w) = csr(n, &arcs, |&(a, b, w)| (b, a, w));
        Self {
            n,
            directed,
            out_start,
            out_to,
            out_w,
            in_start,
            in_from,
            in_w,
        }
    }

    /// Out-neighbours of `v` with edge weights.
    pub fn out(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let r = self.out_start[v]..self.out_start[v + 1];
        self.out_to[r.clone()]
            .iter()
            .zip(&self.out_w[r])
            .map(|(&t, &w)| (t as usize, w))
    }

    /// In-neighbours of `v` with edge weights.
    pub fn inn(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let r = self.in_start[v]..self.in_start[v + 1];
        self.in_from[r.clone()]
            .iter()
            .zip(&self.in_w[r])
            .map(|(&t, &w)| (t as usize, w))
    }

    /// Number of out-edges of `v` (edges of an undirected graph).
    pub fn out_degree(&self, v: usize) -> usize {
        self.out_start[v + 1] - self.out_start[v]
    }

    /// Number of in-edges of `v`.
    pub fn in_degree(&self, v: usize) -> usize {
        self.in_start[v + 1] - self.in_start[v]
    }
}

/// Counting sort of arcs by their key node into CSR arrays.
fn csr(
    n: usize,
    arcs: &[(u32, u32, f64)],
    key: impl Fn(&(u32, u32, f64)) -> (u32, u32, f64),
) -> (Vec<usize>, Vec<u32>, Vec<f64>) {
    let mut start = vec![0usize; n + 1];
    for a in arcs {
        start[key(a).0 as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut to = vec![0u32; arcs.len()];
    let mut w = vec![0f64; arcs.len()];
    for a in arcs {
        let (k, t, x) = key(a);
        let slot = &mut fill[k as usize];
        to[*slot] = t;
        w[*slot] = x;
        *slot += 1;
    }
    (start, to, w)
}

/// PageRank by power iteration, as networkx computes it: edge weights normalised per source,
/// the rank of dangling nodes (no out-weight) spread uniformly, uniform teleport; stops when the
/// L1 change is below `n * tol`. Ranks sum to 1.
pub fn pagerank(
    adj: &Adjacency,
    alpha: f64,
    tol: f64,
    max_iter: usize,
) -> Result<Vec<f64>, AnalysisError> {
    let n = adj.n;
    if n == 0 {
        return Ok(Vec::new());
    }
    let nf = n as f64;
    let out_weight: Vec<f64> = (0..n).map(|u| adj.out(u).map(|(_, w)| w).sum()).collect();
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..max_iter {
        let mut dangling = 0.0;
        for u in 0..n {
            if out_weight[u] == 0.0 {
                dangling += x[u];
                share[u] = 0.0;
            } else {
                share[u] = x[u] / out_weight[u];
            }
        }
        let base = alpha * dangling / nf + (1.0 - alpha) / nf;
        let mut err = 0.0;
        for v in 0..n {
            let s: f64 = adj.inn(v).map(|(u, w)| share[u] * w).sum();
            next[v] = alpha * s + base;
            err += (next[v] - x[v]).abs();
        }
        std::mem::swap(&mut x, &mut next);
        if err < nf * tol {
            return Ok(x);
        }
    }
    Err(AnalysisError::BadOption(format!(
        "PageRank did not converge in {max_iter} iterations (tolerance {tol}); raise --max-iter"
    )))
}

/// HITS hub and authority scores by power iteration on the weighted adjacency matrix, each
/// normalised to sum 1 (networkx's `hits` convention). Returns (hubs, authorities).
pub fn hits(adj: &Adjacency, tol: f64, max_iter: usize) -> (Vec<f64>, Vec<f64>) {
    let n = adj.n;
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut a = vec![1.0 / n as f64; n];
    let mut h = vec![0.0; n];
    for _ in 0..max_iter {
        // h = A a ; a' = Aᵀ h
        for (u, hu) in h.iter_mut().enumerate() {
            *hu = adj.out(u).map(|(v, w)| w * a[v]).sum();
        }
        let mut next: Vec<f64> = (0..n)
            .map(|v| adj.inn(v).map(|(u, w)| w * h[u]).sum())
            .collect();
        let max = next.iter().cloned().fold(0.0, f64::max);
        if max == 0.0 {
            return (vec![0.0; n], vec![0.0; n]);
        }
        next.iter_mut().for_each(|x| *x /= max);
        let err: f64 = next.iter().zip(&a).map(|(x, y)| (x - y).abs()).sum();
        a = next;
        if err < tol {
            break;
        }
    }
    for (u, hu) in h.iter_mut().enumerate() {
        *hu = adj.out(u).map(|(v, w)| w * a[v]).sum();
    }
    let (sa, sh): (f64, f64) = (a.iter().sum(), h.iter().sum());
    if sa > 0.0 {
        a.iter_mut().for_each(|x| *x /= sa);
    }
    if sh > 0.0 {
        h.iter_mut().for_each(|x| *x /= sh);
    }
    (h, a)
}

/// How many threads the quadratic measures use.
fn threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// Betweenness centrality (Brandes, unweighted shortest paths, endpoints excluded), normalised
/// as networkx does. With `sources`, only paths from those nodes count and the sums are scaled
/// up as networkx scales a sample of `k` pivots (`nx.betweenness_centrality(G, k=…)`).
pub fn betweenness(adj: &Adjacency, sources: Option<&[usize]>) -> Vec<f64> {
    let n = adj.n;
    let all: Vec<usize>;
    let pivots = match sources {
        Some(s) => s,
        None => {
            all = (0..n).collect();
            &all
        }
    };
    let chunks = pivots.len().div_ceil(threads().max(1)).max(1);
    let partials: Vec<Vec<f64>> = thread::scope(|scope| {
        let handles: Vec<_> = pivots
            .chunks(chunks)
            .map(|part| scope.spawn(move || brandes(adj, part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a betweenness worker panicked"))
            .collect()
    });
    let mut b = vec![0.0; n];
    for p in partials {
        for (x, y) in b.iter_mut().zip(p) {
            *x += y;
        }
    }
    // networkx 3.6 `_rescale` with normalized=True, endpoints=False.
    let big_n = n.saturating_sub(1) as f64;
    if big_n < 2.0 {
        return b;
    }
    match sources {
        None => b.iter_mut().for_each(|x| *x /= big_n * (big_n - 1.0)),
        Some(s) => {
            let k = s.len() as f64;
            let mut is_source = vec![false; n];
            s.iter().for_each(|&v| is_source[v] = true);
            for (v, x) in b.iter_mut().enumerate() {
                *x *= if is_source[v] {
                    if k > 1.0 {
                        1.0 / ((k - 1.0) * (big_n - 1.0))
                    } else {
                        f64::NAN
                    }
                } else {
                    1.0 / (k * (big_n - 1.0))
                };
            }
        }
    }
    b
}

/// Brandes' accumulation from each source in `sources`; unscaled dependencies.
fn brandes(adj: &Adjacency, sources: &[usize]) -> Vec<f64> {
    let n = adj.n;
    let mut b = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![-1i64; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<usize> = Vec::with_capacity(n);
    for &s in sources {
        for &v in &order {
            sigma[v] = 0.0;
            dist[v] = -1;
            delta[v] = 0.0;
        }
        order.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        order.push(s);
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            for (w, _) in adj.out(v) {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    order.push(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        for &w in order.iter().rev() {
            let coeff = (1.0 + delta[w]) / sigma[w];
            for (v, _) in adj.inn(w) {
                if dist[v] >= 0 && dist[v] + 1 == dist[w] {
                    delta[v] += sigma[v] * coeff;
                }
            }
            if w != s {
                b[w] += delta[w];
            }
        }
    }
    b
}

/// Closeness centrality as networkx computes it: for a directed graph, distances *to* the node
/// (incoming paths); scaled by the fraction of nodes that reach it (Wasserman–Faust).
pub fn closeness(adj: &Adjacency) -> Vec<f64> {
    let n = adj.n;
    let nodes: Vec<usize> = (0..n).collect();
    let chunks = n.div_ceil(threads().max(1)).max(1);
    thread::scope(|scope| {
        let handles: Vec<_> = nodes
            .chunks(chunks)
            .map(|part| {
                scope.spawn(move || {
                    let mut dist = vec![-1i64; n];
                    let mut queue = Vec::with_capacity(n);
                    part.iter()
                        .map(|&s| {
                            for &v in &queue {
                                dist[v] = -1;
                            }
                            queue.clear();
                            dist[s] = 0;
                            queue.push(s);
                            let (mut head, mut total) = (0, 0i64);
                            while head < queue.len() {
                                let v = queue[head];
                                head += 1;
                                total += dist[v];
                                for (u, _) in adj.inn(v) {
                                    if dist[u] < 0 {
                                        dist[u] = dist[v] + 1;
                                        queue.push(u);
                                    }
                                }
                            }
                            let reached = (queue.len() - 1) as f64;
                            if total > 0 && n > 1 {
                                (reached / total as f64) * (reached / (n - 1) as f64)
                            } else {
                                0.0
                            }
                        })
                        .collect::<Vec<f64>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a closeness worker panicked"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-9, "{a:?} vs {b:?}");
        }
    }

    // Expected values computed by hand from the definitions (and agreeing with networkx).
    #[test]
    fn betweenness_of_a_path_and_a_star() {
        // 0 - 1 - 2 undirected: node 1 lies on the only path between 0 and 2.
        let path = Adjacency::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)], false);
        close(&betweenness(&path, None), &[0.0, 1.0, 0.0]);
        // Directed star into 0 from 1..3 and out to 4: 0 lies on 3 of the 4·3 ordered pairs.
        let star = Adjacency::from_edges(
            5,
            &[(1, 0, 1.0), (2, 0, 1.0), (3, 0, 1.0), (0, 4, 1.0)],
            true,
        );
        close(&betweenness(&star, None), &[3.0 / 12.0, 0.0, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn closeness_uses_incoming_distances() {
        // 0 → 1 → 2: node 2 is reached from 0 (2 hops) and 1 (1 hop).
        let g = Adjacency::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)], true);
        close(&closeness(&g), &[0.0, 0.5, (2.0 / 3.0) * 1.0]);
    }

    #[test]
    fn pagerank_sums_to_one_and_spreads_dangling_rank() {
        let g = Adjacency::from_edges(3, &[(0, 1, 1.0), (0, 2, 3.0)], true);
        let pr = pagerank(&g, 0.85, 1e-10, 1000).expect("test value");
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(pr[2] > pr[1] && pr[1] > pr[0]);
        // A cycle is uniform.
        let c = Adjacency::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)], true);
        close(
            &pagerank(&c, 0.85, 1e-12, 1000).expect("test value"),
            &[1.0 / 3.0; 3],
        );
    }

    #[test]
    fn hits_of_a_bipartite_citation_graph() {
        // Two delegations cite resolution 2; one also cites 3.
        let g = Adjacency::from_edges(4, &[(0, 2, 1.0), (1, 2, 1.0), (1, 3, 1.0)], true);
        let (h, a) = hits(&g, 1e-12, 1000);
        assert!(a[2] > a[3] && a[0] == 0.0 && a[1] == 0.0);
        assert!(h[1] > h[0] && h[2] == 0.0);
        assert!((a.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn sampled_betweenness_scales_like_networkx() {
        // Path 0-1-2-3 undirected, pivots {0}: raw b(1)=2, b(2)=1; N=n-1=3, k=1;
        // non-source scale 1/(k·(N−1)) = 1/2.
        let g = Adjacency::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], false);
        let b = betweenness(&g, Some(&[0]));
        close(&b[1..], &[1.0, 0.5, 0.0]);
        assert!(b[0].is_nan());
    }
}
