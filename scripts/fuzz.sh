#!/usr/bin/env bash
# Fuzzes one reader with libFuzzer (issue 24; Tools/Fuzz/README.md).
#
#   scripts/fuzz.sh TARGET SECONDS      TARGET: FuzzIngest FuzzNormalize FuzzDecisions FuzzClassify
#
# Builds the target with -sanitize=fuzzer,address and the coverage flags tech-notes.md gives
# (release, in .build-fuzz/), seeds its corpus from the sample months (fuzz-corpus/TARGET/,
# kept between runs, git-ignored), runs it for SECONDS on one core, and prints executions,
# coverage and crashes. A crash's input is left in fuzz-crashes/TARGET/: replay it with
# `swift run TARGET FILE`, and keep it as a regression test. Exits 1 when a crash was found.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS}"
case "$target" in FuzzIngest|FuzzNormalize|FuzzDecisions|FuzzClassify) ;; *) echo "unknown target $target" >&2; exit 2 ;; esac

swift build -c release --build-path .build-fuzz --product "$target" \
    --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xswiftc -DFUZZING >&2
binary=".build-fuzz/release/$target"

corpus="fuzz-corpus/$target"
crashes="fuzz-crashes/$target"
mkdir -p "$corpus" "$crashes"
if [ -z "$(ls -A "$corpus")" ]; then
    # Seeds: the sample months' exports, as whole files or cut into what the target reads.
    python3 - "$target" "$corpus" <<'PY'
import glob, os, sys, hashlib
target, corpus = sys.argv[1], sys.argv[2]
def put(data):
    open(os.path.join(corpus, hashlib.sha1(data).hexdigest()), "wb").write(data)
files = sorted(glob.glob("input/2021-0*/*") + glob.glob("input/2021-1*/*"))[:12]
for path in files:
    data = open(path, "rb").read()
    if target == "FuzzIngest":
        head = data[:4096]
        # The first byte's parity picks the file's name (.csv or .xml): prefix one that says so.
        put((b"\x00" if path.endswith(".csv") else b"\x01") + head)
    elif target == "FuzzDecisions":
        put("decision,institution_id,other_institution_id,category,note\nsame,BYN-00000375,BYN-00000147,,\"法定代表人, 住所相同\"\ncategory,BYN-00000212,,non_subject,已核实\n".encode())
        put(data[:2048])
    else:
        for line in data[:20000].split(b"\n")[1:40]:
            fields = line.split(b",")
            put(b"\x1f".join(fields) if target == "FuzzNormalize" else b"\x1f".join(reversed(fields[:8])))
PY
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || status=$?
executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
found=$(ls -A "$crashes" | wc -l)
echo "$target: $executions executions in $seconds s, coverage $coverage edges, corpus $(ls -A "$corpus" | wc -l) inputs, crashes $found"
if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    grep -E "ERROR|SUMMARY|==[0-9]+==" "$log" | head -20 >&2
    exit 1
fi
