#!/bin/sh
# Scores the Tracking stage against the sample generator's truth, month by month in order:
# agreement on status, completed_on, overdue and days_overdue, former_registration_active
# precision/recall, a confusion matrix of statuses and the first disagreements. Records are
# grouped by the truth's truth_id, so linkage errors do not count; the requirement is taken
# from the truth's category and, as a second figure, from Classify's.
#
#   scripts/evaluate-tracking.sh [ROOT] [--months 2021-09,2021-10] [--show N]
#
# ROOT holds input/ and truth/ (default: the package folder). Builds in .build-tracking.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH_PATH:-$here/.build-tracking}
swift build --package-path "$here" --scratch-path "$scratch" --product EvaluateTracking >&2 \
  || swift build --package-path "$here" --scratch-path "$scratch" --target EvaluateTracking >&2
bin=$(swift build --package-path "$here" --scratch-path "$scratch" --show-bin-path)
if [ $# -eq 0 ] || [ "${1#--}" != "$1" ]; then set -- "$here" "$@"; fi
exec "$bin/EvaluateTracking" "$@"
