#!/usr/bin/env bash
# Runs every month of a world (ROOT/input/YYYY-MM, ROOT/truth/YYYY-MM) through `rereg batch`
# into a fresh ledger and prints, per month: the summary against the truth (overall and per
# 旗县区, counted-twice and split institutions), status by hard case, linkage (pairwise,
# B-cubed, per hard case) and classification (category, flags).
#
#   scripts/evaluate-world.sh ROOT
#
# The sample months: ROOT is the package folder. The independent world:
#   python3 Tools/independent-world/generate.py --seed 9 --institutions 1500 \
#       --from 2021-09 --to 2022-01 --out /tmp/world && scripts/evaluate-world.sh /tmp/world
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "${1:?usage: scripts/evaluate-world.sh ROOT}" && pwd)
for product in rereg EvaluateLedger EvaluateLinkage EvaluateClassify; do
    swift build --package-path "$here" --product "$product" >&2
done
bin=$(swift build --package-path "$here" --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for month in "$root"/input/*/; do
    "$bin/rereg" batch "$month" --ledger "$work/ledger.sqlite" --out "$work/$(basename "$month")" >/dev/null 2>&1
done
echo "== ledger: status, overdue, requirement, category; then the summary as the report shows it"
"$bin/EvaluateLedger" "$work" "$root" --show 0
echo
echo "== linkage"
"$bin/EvaluateLinkage" "$root" --show 0
echo
echo "== classification"
"$bin/EvaluateClassify" "$root" --show 0 | grep -vE '^ +(subject|non_subject|mixed|undetermined|out_of_scope) ' || true
