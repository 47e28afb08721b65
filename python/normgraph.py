"""normgraph from Python: open a normgraph store with pyoxigraph and query it as
``normgraph query`` does.

A normgraph store is an Oxigraph (RocksDB) store, so pyoxigraph opens it directly. Two things
make its answers match the command line's:

- the default graph of a query is the union of the named graphs (every statement is in a graph
  of its own), which pyoxigraph does only with ``use_default_graph_as_union=True``;
- the normgraph prefixes (``ng:``, ``id:``, ``dcterms:``, ``skos:`` ...) are declared.

The store is opened read-only, which works beside a running ``normgraph serve`` (it sees the
store as it was when opened). Use the same pyoxigraph version as the normgraph build
(0.5.13: ``pip install pyoxigraph==0.5.13``).

Example, from the repository's root::

    import sys; sys.path.insert(0, "python")
    import normgraph

    store = normgraph.open_store("normgraph-store")
    for row in normgraph.query(store, normgraph.curated("resolutions-by-delegation")):
        print(row["delegation"].value, row["resolution"].value, row["mentions"].value)
"""

from pathlib import Path

import pyoxigraph

#: The prefixes every normgraph query may use without declaring them (the same as the
#: command line's; a test compares the two).
PREFIXES = {
    "ng": "https://w3id.org/normgraph/ns#",
    "id": "https://w3id.org/normgraph/id/",
    "undocs": "https://undocs.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "cito": "http://purl.org/spar/cito/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: The repository's root, where ``queries/`` holds the curated queries.
ROOT = Path(__file__).resolve().parent.parent


def open_store(path="normgraph-store"):
    """Opens a normgraph store read-only."""
    return pyoxigraph.Store.read_only(str(path))


def query(store, text):
    """Runs a SPARQL query as ``normgraph query`` does: union default graph, normgraph
    prefixes. Returns what pyoxigraph returns (solutions, a boolean or triples)."""
    return store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)


def curated(name, root=ROOT):
    """The text of a curated query (``queries/<name>.rq``)."""
    return (Path(root) / "queries" / f"{name}.rq").read_text(encoding="utf-8")
