#!/usr/bin/env bash
# Scores linkage against the sample generator's truth, month by month, carrying known
# institutions across months as the ledger does: pairwise and B-cubed figures, per hard
# case, split and merged examples, id stability.
#
#   scripts/evaluate-linkage.sh [ROOT] [--months 2021-09,2021-10] [--show N] [--trace T000001,…] [--diagnose]
#
# --diagnose groups every split by cause, lists merges with their evidence, counts unstable
# ids by cause, calibrates the posteriors against the truth, and prints the F1 bound left by
# splits no weighing of the compared fields could resolve.
#
# ROOT holds input/ and truth/ (default: the package folder).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
swift build --package-path "$here" -c release --product EvaluateLinkage >&2
bin=$(swift build --package-path "$here" -c release --show-bin-path)
if [ $# -eq 0 ] || [ "${1#--}" != "$1" ]; then set -- "$here" "$@"; fi
exec "$bin/EvaluateLinkage" "$@"
