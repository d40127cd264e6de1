#!/usr/bin/env bash
# Sets up, builds and runs rereg on every sample month under input/, in order, into a
# fresh ledger; prints where the outputs are.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

swift build --product rereg
rereg="$(swift build --product rereg --show-bin-path)/rereg"

rm -rf output
for month in input/*/; do
    month="${month%/}"
    "$rereg" batch "$month" --ledger output/ledger.sqlite --out "output/$(basename "$month")"
done

echo
echo "Outputs: $(pwd)/output/ (one folder per month)"
ls -1 output
