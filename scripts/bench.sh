#!/usr/bin/env bash
# Runs every benchmark side by side with its peers, in one go, and writes bench/results/*.csv
# and the Markdown table bench/results/summary.md (the README shows the latest one).
#
#   bash scripts/bench.sh            # everything (about an hour on 2 cores with the corpus)
#   BENCH_QUICK=1 bash scripts/bench.sh   # smaller sizes, for trying the harness out
#
# Besides what scripts/install-deps.sh installs for the tests (rdflib, networkx, EYE, the
# Oxigraph server, …) it installs the bench-only peers: pyoxigraph (ingest and query peer),
# nemo-python (rules peer) and GNU time (peak memory of each step). The real-corpus benches
# are skipped with a message when ../shared/corpus/ungdc-dev is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
if ! dpkg -s time >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time
fi
BENCH_PY=(pyoxigraph==0.5.13 nemo-python==0.10.1)
if ! python3 -c 'import pyoxigraph, nmo_python' 2>/dev/null; then
  python3 -m pip install --quiet "${BENCH_PY[@]}" \
    || python3 -m pip install --quiet --break-system-packages "${BENCH_PY[@]}"
fi

cargo build --release
if [ -n "${BENCH_QUICK:-}" ]; then
  cargo bench --bench corpus -- --timeout 30
  cargo bench --bench rules -- --triples 100000
  cargo bench --bench graph -- --nodes 10000 --edges 100000 --pivots 20
  cargo bench --bench endpoint -- --clients 20 --seconds 10
  cargo bench --bench growth -- --scales 0.01,0.1
else
  cargo bench --bench corpus -- --timeout 180
  cargo bench --bench rules -- --triples 1000000
  cargo bench --bench graph -- --nodes 100000 --edges 1000000 --pivots 50
  cargo bench --bench endpoint -- --clients 200 --seconds 60
  cargo bench --bench growth -- --scales 0.1,1,10
fi
cargo bench --bench micro
python3 scripts/bench-summary.py
