#!/usr/bin/env bash
# The main job on the bundled example data: installs what is missing, builds normgraph, ingests
# the seed statements in data/statements/ into ./normgraph-store, runs a few curated queries and
# the rules, and exports the graph as Turtle to out/normgraph.ttl.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cargo build --release
ng=./target/release/normgraph

$ng ingest data/statements
$ng query statements
$ng query resolutions-by-delegation
$ng query proposed-norms
$ng query aligned-with-nam
$ng infer
$ng query 'SELECT ?norm ?source WHERE { ?n ng:groundedIn ?s ; ng:text ?norm . ?s dcterms:identifier ?source } ORDER BY ?source'
mkdir -p out
$ng export --format turtle -o out/normgraph.ttl
echo "Turtle export: out/normgraph.ttl"
