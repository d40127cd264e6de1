#!/usr/bin/env bash
# Sets up and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

swift build --build-tests
swift test --skip-build

# The benchmark is not a test: CI only checks that it runs, on a few thousand records.
BENCH_RECORDS=3000 BENCH_SIZES="1500 3000" BENCH_BUILD=debug BENCH_DIR="$(mktemp -d)" bash scripts/bench.sh

# Fuzzing is not a test either: CI checks that every target builds with libFuzzer and runs
# crash-free for a few seconds on the sample months' seeds (scripts/fuzz.sh for real runs).
for target in FuzzIngest FuzzNormalize FuzzDecisions FuzzClassify; do
    bash scripts/fuzz.sh "$target" 15
done
