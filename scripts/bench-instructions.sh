#!/usr/bin/env bash
# How linkage's work grows with the month, counted in instructions (issue 8's "no stage worse
# than n log n"). Wall time on this VM moves by 10–20 % between runs minutes apart, which is
# as much as the difference between n and n log n over 250k→1M; valgrind's callgrind counts
# the instructions executed, which the same input repeats within a few thousandths (two
# runs at 10k: 817.6 and 817.9 million in the first call, 709.1 and 710.8 in the second).
#
# For each size, runs LinkageBenchmark under callgrind on the month bench.sh generates
# (generating it when missing) and counts the instructions inside each `Linker.link` call: on
# an empty ledger, then against the institutions the first call made. Prints instructions per
# record, the ratio per record between sizes and the exponent k in I ~ n^k, beside n log n's.
#
#   BENCH_SIZES   sizes (default "250000 500000 1000000"); BENCH_DIR as for bench.sh (bench/)
#
# Slow: callgrind runs the whole benchmark about 50 times slower, on one core (most of it
# ingest, counted but not reported).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

sizes="${BENCH_SIZES:-250000 500000 1000000}"
sizes="$(printf '%s\n' $sizes | sort -n -u | tr '\n' ' ')"
dir="${BENCH_DIR:-bench}"

if ! command -v valgrind >/dev/null; then
    echo "Installing: valgrind" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y valgrind >&2
fi

for product in LinkageBenchmark rereg-samples; do swift build -c release --product "$product" >&2; done
bin="$(swift build -c release --show-bin-path)"
mkdir -p "$dir/instructions"
work="$(cd "$dir/instructions" && pwd)"
# Debian's valgrind (3.19) gives up on the DWARF 5 that Swift 6.3 writes; the symbol table,
# which is all callgrind needs to find a function, survives stripping the debug sections.
cp "$bin/LinkageBenchmark" "$work/LinkageBenchmark"
strip --strip-debug "$work/LinkageBenchmark"
symbol="$(nm "$work/LinkageBenchmark" | awk '$2 == "T" && $3 ~ /^\$s7Linkage6LinkerV4link_5known/ && !found { print $3; found = 1 }')"
[ -n "$symbol" ] || { echo "Linker.link not found in LinkageBenchmark's symbols." >&2; exit 1; }

results="$work/instructions.tsv"   # size  call  instructions
: >"$results"
for size in $sizes; do
    input="$dir/batch/$size/in/2021-12"
    if [ ! -d "$input" ]; then
        mkdir -p "$input"
        "$bin/rereg-samples" large --seed 7 --records "$size" --out "$input" >/dev/null 2>&1
    fi
    rm -f "$work/callgrind.$size".*
    start=$(date +%s)
    # Counted on every thread, dumped as each call starts and ends: `--toggle-collect` would
    # count only the calling thread's share of work that Parallel.map splits differently
    # from run to run. Dumps in order: ingest, first call, between, second call.
    valgrind --tool=callgrind --dump-before="$symbol" --dump-after="$symbol" \
        --callgrind-out-file="$work/callgrind.$size" "$work/LinkageBenchmark" "$input" >"$work/linkage.$size.log" 2>"$work/valgrind.$size.log" || {
        echo "callgrind failed on $size records:" >&2; tail -20 "$work/valgrind.$size.log" >&2; exit 1; }
    call=0
    dump_number=1
    while [ -e "$work/callgrind.$size.$dump_number" ]; do
        dump="$work/callgrind.$size.$dump_number"
        dump_number=$((dump_number + 1))
        grep -q '^desc: Trigger: --dump-after' "$dump" || continue
        call=$((call + 1))
        printf '%s\t%s\t%s\n' "$size" "$call" "$(sed -n 's/^summary: //p' "$dump")" >>"$results"
    done
    [ "$call" -eq 2 ] || { echo "expected two calls of Linker.link, found $call" >&2; exit 1; }
    echo "$size records: $(( $(date +%s) - start )) s under callgrind" >&2
done

echo "== Instructions inside Linker.link (callgrind), per record, and how they grow =="
awk -F '\t' -v sizes="$sizes" '
    { ir[$1 SUBSEP $2] = $3 }
    END {
        n = split(sizes, size, " ")
        name[1] = "empty ledger"; name[2] = "against the first run'"'"'s institutions"
        for (call = 1; call <= 2; call++) {
            print "  " name[call] ":"
            for (i = 1; i <= n; i++)
                printf "    %9d records: %16.0f instructions, %8.0f per record\n", size[i], ir[size[i] SUBSEP call], ir[size[i] SUBSEP call] / size[i]
            np = 0
            for (i = 1; i < n; i++) { from[++np] = i; to[np] = i + 1 }
            if (n > 2) { from[++np] = 1; to[np] = n }
            for (p = 1; p <= np; p++) {
                a = size[from[p]]; b = size[to[p]]
                k = log(ir[b SUBSEP call] / ir[a SUBSEP call]) / log(b / a)
                nlogn = 1 + log(log(b) / log(a)) / log(b / a)
                printf "    %s→%s: ratio per record %5.3f, k %5.3f (n log n %4.2f)\n", a, b, (ir[b SUBSEP call] / b) / (ir[a SUBSEP call] / a), k, nlogn
            }
        }
    }' "$results"
echo "Counts: $results; callgrind's files: $work/callgrind.<size>.<dump>, the calls in dumps 2 and 4 (callgrind_annotate --inclusive=yes)"
