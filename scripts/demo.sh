#!/usr/bin/env bash
# The main job on the bundled example data: installs what is missing, builds normgraph, ingests
# the seed statements in data/statements/ into ./normgraph-store, runs a few curated queries and
# the rules, the SHACL check and the graph analyses, exports the graph as Turtle to out/normgraph.ttl and draws
# the proposal → legal source graph as an offline HTML viewer, out/proposal.html.
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
$ng query positions-by-delegation
$ng query instruments-cited
$ng infer
$ng validate
$ng query 'SELECT ?norm ?source WHERE { ?n ng:groundedIn ?s ; ng:text ?norm . ?s dcterms:identifier ?source } ORDER BY ?source'
$ng analyze centrality -p proposal --top 10 --measures pagerank,degree
$ng analyze path -p proposal --from norm/11227-11389 --to article-2-4 --all
$ng analyze timeline --delegation IRN
mkdir -p out
$ng export --format turtle -o out/normgraph.ttl
$ng viz -p proposal -o out/proposal.html
echo "Turtle export: out/normgraph.ttl; graph viewer: out/proposal.html (serve it all with: $ng serve)"
