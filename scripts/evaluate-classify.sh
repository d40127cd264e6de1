#!/bin/sh
# Scores the Classify stage against the sample generator's truth, month by month:
# category accuracy, confusion matrix, undetermined share, precision of decided categories,
# flag precision/recall and the false-positive rate on non-training companies.
# Records are grouped by the truth's truth_id, so linkage errors do not count.
#
#   scripts/evaluate-classify.sh [ROOT] [--months 2021-09,2021-10] [--rules FILE] [--show N]
#
# ROOT holds input/ and truth/ (default: the package folder). Builds in .build-classify.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH_PATH:-$here/.build-classify}
swift build --package-path "$here" --scratch-path "$scratch" --product EvaluateClassify >&2 \
  || swift build --package-path "$here" --scratch-path "$scratch" --target EvaluateClassify >&2
bin=$(swift build --package-path "$here" --scratch-path "$scratch" --show-bin-path)
if [ $# -eq 0 ] || [ "${1#--}" != "$1" ]; then set -- "$here" "$@"; fi
exec "$bin/EvaluateClassify" "$@"
