"""The networkx side of `cargo bench --bench graph`: times PageRank and sampled betweenness on
the edge list the bench wrote, and writes the scores for the equality check.

usage: networkx_peer.py EDGES.csv PIVOTS SEED OUT.json
"""
import csv
import json
import random
import sys
import time

import networkx as nx


def main():
    edges, k, seed, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    g = nx.DiGraph()
    with open(edges) as f:
        rows = csv.reader(f)
        n = int(next(rows)[0])
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from((int(a), int(b), float(w)) for a, b, w in rows)
    t = time.perf_counter()
    pr = nx.pagerank(g, alpha=0.85, tol=1e-6)
    pagerank_s = time.perf_counter() - t
    # networkx draws its pivots with random.Random(seed).sample(list(G), k); the bench passes
    # the same pivots to normgraph.
    pivots = random.Random(seed).sample(list(g.nodes()), k)
    t = time.perf_counter()
    bc = nx.betweenness_centrality(g, k=k, seed=seed)
    betweenness_s = time.perf_counter() - t
    with open(out, "w") as f:
        json.dump(
            {
                "networkx": nx.__version__,
                "pagerank_s": pagerank_s,
                "betweenness_s": betweenness_s,
                "pivots": pivots,
                "pagerank": [pr[i] for i in range(n)],
                "betweenness": [bc[i] for i in range(n)],
            },
            f,
        )


if __name__ == "__main__":
    main()
