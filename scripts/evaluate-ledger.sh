#!/usr/bin/env bash
# Runs every sample month through `rereg batch` into a fresh ledger and scores the ledger
# against the generator's truth: status, overdue, completed_on, requirement, category.
#
#   scripts/evaluate-ledger.sh [ROOT] [--show N]     (ROOT holds input/ and truth/)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root="$here"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then root=$(cd "$1" && pwd); shift; fi
swift build --package-path "$here" --product rereg >&2
swift build --package-path "$here" --product EvaluateLedger >&2
bin=$(swift build --package-path "$here" --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for month in "$root"/input/*/; do
    "$bin/rereg" batch "$month" --ledger "$work/ledger.sqlite" --out "$work/$(basename "$month")" 2>/dev/null
done
"$bin/EvaluateLedger" "$work" "$root" "$@"
