#!/usr/bin/env bash
# Runs each fuzz target (fuzz/fuzz_targets/) with libFuzzer for SECONDS (default 600), two at a
# time. Needs `cargo install cargo-fuzz`; cargo-fuzz needs nightly features, which stable rustc
# allows with RUSTC_BOOTSTRAP=1. Crashing inputs are kept in fuzz/artifacts/<target>/; copy them
# to tests/fixtures/fuzz/<target>/ so that the regression test replays them.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"
export RUSTC_BOOTSTRAP=1
mkdir -p corpus/extract corpus/citations corpus/rules corpus/manifest
cp -n ../tests/fixtures/seeds/*.txt ../tests/fixtures/statements/*.txt corpus/extract/ 2>/dev/null || true
cp -n ../ontology/rules/*.n3 corpus/rules/ 2>/dev/null || true
cp -n ../data/statements/manifest.csv corpus/manifest/ 2>/dev/null || true
printf 'resolution 2131 (XX) of 21 December 1965, resolutions 242 (1967) and 338 (1973), A/RES/ES-10/2' > corpus/citations/seed.txt
cargo fuzz build --release
run() {
  cargo fuzz run --release "$1" "corpus/$1" -- -max_total_time="$seconds" -rss_limit_mb=4096 \
    > "fuzz-$1.log" 2>&1 && echo "$1: no crash in ${seconds}s" || { echo "$1: CRASH, see fuzz/fuzz-$1.log and fuzz/artifacts/$1/"; return 1; }
}
status=0
run extract & a=$!; run citations & b=$!
wait $a || status=1; wait $b || status=1
run rules & a=$!; run manifest & b=$!
wait $a || status=1; wait $b || status=1
exit $status
