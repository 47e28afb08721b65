#!/usr/bin/env bash
# Installs the system packages and Python tools normgraph's build and tests need on Debian 12:
# - clang + libclang-dev: the bundled RocksDB (oxrocksdb-sys) runs bindgen, which needs libclang;
# - raptor2-utils (rapper): an independent Turtle validator used by the export tests;
# - eye (EYE reasoner, installed as eye.pvm): the rules tests check our inferences equal its own;
# - rdflib (PyPI): the tests check that rdflib loads our Turtle export;
# - graphviz (dot) and chromium: the graph tests draw the DOT export and load the HTML viewer
#   in headless Chromium;
# - networkx + scipy (PyPI): the graph tests read our GraphML/GEXF/Cytoscape exports with
#   networkx and compare its PageRank and modularity with ours;
# - SPARQLWrapper (PyPI): with rdflib's SPARQLStore, the endpoint tests' real clients;
# - oxigraph (PyPI, the Oxigraph server binary): the target of the `push` tests;
# - virtuoso-opensource (virtuoso-t, isql-vt): the server store the N-Quads shards test
#   bulk-loads (`tests/virtuoso.rs`).
# Safe to run again: it installs only what is missing.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

need=()
for pkg in clang libclang-dev raptor2-utils eye python3-pip graphviz chromium virtuoso-opensource; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

PY_PACKAGES=(rdflib==7.6.0 networkx==3.6.1 scipy==1.16.3 SPARQLWrapper==2.0.0 oxigraph==0.5.13 pyoxigraph==0.5.13 pyshacl==0.40.1)
if ! python3 -c 'import rdflib, networkx, scipy, SPARQLWrapper, pyoxigraph, pyshacl' 2>/dev/null || ! command -v oxigraph >/dev/null; then
  python3 -m pip install --quiet "${PY_PACKAGES[@]}" \
    || python3 -m pip install --quiet --break-system-packages "${PY_PACKAGES[@]}"
fi
