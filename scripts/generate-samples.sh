#!/usr/bin/env bash
# Regenerates the committed sample (input/ and truth/) from the generator. The output is
# deterministic for a seed: a re-run writes the same bytes. Changing the seed, the
# institution count or the months changes the truth everyone measures against; say so
# in truth/README.md when you do.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=2021
INSTITUTIONS=400
FROM=2021-09
TO=2022-01

# Extra flags for swift build, e.g. REREG_BUILD_FLAGS="--scratch-path .build-gen".
read -r -a BUILD_FLAGS <<< "${REREG_BUILD_FLAGS:-}"
swift build "${BUILD_FLAGS[@]}" --product rereg-samples
"$(swift build "${BUILD_FLAGS[@]}" --product rereg-samples --show-bin-path)/rereg-samples" months \
    --seed "$SEED" --institutions "$INSTITUTIONS" --from "$FROM" --to "$TO" \
    --input input --truth truth
