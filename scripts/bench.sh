#!/usr/bin/env bash
# Benchmark (not a test) of the whole monthly batch, stage by stage (issue 8).
#
#   1. For each size, generates a big month (2021-12: CSV and XML, UTF-8 and GB18030, both
#      registries) and runs `rereg batch --timings` on it with a fresh ledger: per stage
#      seconds, records/s and peak RSS, then end-to-end wall time and peak RSS (/usr/bin/time -v).
#   2. Generates the next month (2022-01, same seed: the large generator makes institutions
#      from their index, so ~95 % of them recur, some now deregistered, a few new) and runs
#      it against the ledger the first month left, as the office does every month.
#   3. Prints how cost grows between sizes: ratio of time per record and the exponent
#      log(t2/t1)/log(n2/n1), next to n log n's exponent for the same sizes.
#   4. Side by side: one UTF-8 CSV of BENCH_RECORDS records read by our ingest
#      (IngestBenchmark FOLDER) and by DuckDB's read_csv materialising every column as VARCHAR
#      into an in-memory table (CREATE TABLE … AS SELECT * FROM read_csv(…, all_varchar=true));
#      best of three runs each; MB/s and the ratio ours/DuckDB's. Also libcsv's parser alone
#      on the same file with callbacks that do nothing (IngestBenchmark --libcsv-only): the
#      ceiling for any reader built on libcsv in one thread.
#
#   BENCH_RECORDS   the largest size and the side-by-side CSV's size (default 1000000)
#   BENCH_SIZES     sizes of the batch runs (default "R/4 R/2 R" for R = BENCH_RECORDS,
#                   i.e. "250000 500000 1000000")
#   BENCH_DIR       scratch folder (default bench/, git-ignored)
#   BENCH_BUILD     release (default) or debug (CI's smoke run only: the figures mean nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

records="${BENCH_RECORDS:-1000000}"
sizes="${BENCH_SIZES:-$((records / 4)) $((records / 2)) $records}"
dir="${BENCH_DIR:-bench}"
configuration="${BENCH_BUILD:-release}"
case "$configuration" in
    release) ;;
    debug) echo "BENCH_BUILD=debug: a smoke run; these figures say nothing about speed." >&2 ;;
    *) echo "BENCH_BUILD must be release or debug (got '$configuration')." >&2; exit 1 ;;
esac
# Sizes in increasing order, without repeats.
sizes="$(printf '%s\n' $sizes | sort -n -u | tr '\n' ' ')"

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
if ! /usr/bin/time -v true >/dev/null 2>&1; then
    echo "Installing: time" >&2
    "${sudo[@]}" apt-get update >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y time >&2
fi
duckdb=yes
if ! python3 -c 'import duckdb' 2>/dev/null; then
    echo "Installing: duckdb (PyPI)" >&2
    if ! python3 -m pip install --quiet --retries 1 --timeout 20 duckdb >&2; then
        if [ "$configuration" = debug ]; then
            echo "Could not install duckdb: the smoke run skips the side-by-side figure." >&2
            duckdb=no
        else
            echo "Could not install duckdb (python3 -m pip install duckdb)." >&2
            exit 1
        fi
    fi
fi

for product in rereg rereg-samples IngestBenchmark LinkageBenchmark; do
    swift build -c "$configuration" --product "$product" >&2
done
bin="$(swift build -c "$configuration" --show-bin-path)"
# BENCHMARKS.md's figures were measured with jemalloc (see Package.swift): say so if it is missing.
ldd "$bin/rereg" | grep -q jemalloc || echo "warning: $bin/rereg does not load jemalloc; its figures will not compare with BENCHMARKS.md" >&2

mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
results="$dir/results.tsv"   # month  size  stage  seconds  records/s  peak-MiB
printf 'month\tsize\tstage\tseconds\trecords_per_s\tpeak_mib\n' >"$results"

# Runs one month's batch; prints its stage lines and the end-to-end figures and appends them
# to results.tsv. The stage names contain spaces ("classify, track"), so the figures
# are read from the end of each `stage …` line.
run_batch() {
    local size="$1" month="$2" input="$3" ledger="$4" out="$5" log="$6"
    rm -rf "$out"
    /usr/bin/time -v -o "$log.time" "$bin/rereg" batch "$input" --ledger "$ledger" --out "$out" --timings 2>"$log" || {
        echo "rereg batch failed on $input:" >&2; cat "$log" >&2; exit 1; }
    awk -v month="$month" -v size="$size" -v OFS='\t' '
        $1 == "stage" {
            name = $2; for (i = 3; i <= NF - 8; i++) name = name " " $i
            printf "  %-24s %9.2f s %12.0f records/s   peak RSS %8.1f MiB\n", name, $(NF-7), $(NF-5), $(NF-1)
            print month, size, name, $(NF-7), $(NF-5), $(NF-1) >> "'"$results"'"
        }' "$log"
    awk -v month="$month" -v size="$size" -v OFS='\t' '
        /Elapsed \(wall clock\) time/ {
            n = split($NF, part, ":"); wall = 0
            for (i = 1; i <= n; i++) wall = wall * 60 + part[i]
        }
        /Maximum resident set size/ { rss = $NF / 1024 }
        END {
            printf "  %-24s %9.2f s %12.0f records/s   peak RSS %8.1f MiB\n", "END TO END (wall)", wall, size / wall, rss
            print month, size, "end to end", wall, size / wall, rss >> "'"$results"'"
        }' "$log.time"
    grep -v '^stage ' "$log" | sed 's/^/  | /'
    if [ -e "$out/ledger.xlsx" ]; then echo "  (this run also wrote ledger.xlsx)"; fi
}

echo "== Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
     "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM; $configuration build =="
for size in $sizes; do
    work="$dir/batch/$size"
    rm -rf "$work"
    mkdir -p "$work"
    "$bin/rereg-samples" large --seed 7 --records "$size" --out "$work/in/2021-12" >"$work/generate-2021-12.log" 2>&1
    "$bin/rereg-samples" large --seed 7 --records "$size" --month 2022-01 --out "$work/in/2022-01" >"$work/generate-2022-01.log" 2>&1
    bytes="$(du -sb "$work/in/2021-12" | cut -f1)"
    echo
    echo "== $size records, month 2021-12, fresh ledger ($(ls "$work/in/2021-12" | wc -l) files, $((bytes / 1000000)) MB) =="
    run_batch "$size" 2021-12 "$work/in/2021-12" "$work/ledger.sqlite" "$work/out/2021-12" "$work/batch-2021-12.log"
    echo "== $size records, month 2022-01, on the ledger 2021-12 left =="
    run_batch "$size" 2022-01 "$work/in/2022-01" "$work/ledger.sqlite" "$work/out/2022-01" "$work/batch-2022-01.log"
    echo "  ledger after two months: $(( $(du -sb "$work/ledger.sqlite" | cut -f1) / 1000000 )) MB"
    echo "== $size records, linkage alone (records kept as the pipeline keeps them) =="
    "$bin/LinkageBenchmark" "$work/in/2021-12" | sed 's/^/  /'
done

echo
echo "== How cost grows: per stage, (time per record at n2) / (time per record at n1), and the exponent k in t ~ n^k =="
echo "   (linear: ratio 1, k = 1; n log n over the same sizes gives the k shown on each row's right)"
awk -F '\t' -v sizes="$sizes" '
    NR > 1 { t[$1 SUBSEP $2 SUBSEP $3] = $4; if (!(($1 SUBSEP $3) in seen)) { seen[$1 SUBSEP $3] = 1; order[++count] = $1 SUBSEP $3 } }
    END {
        n = split(sizes, size, " ")
        if (n < 2) { print "  (one size only: nothing to compare)"; exit }
        for (c = 1; c <= count; c++) {
            split(order[c], key, SUBSEP)
            line = sprintf("  %-8s %-24s", key[1], key[2])
            pairs = ""
            # Consecutive sizes, then smallest to largest when there are more than two.
            np = 0
            for (i = 1; i < n; i++) { from[++np] = i; to[np] = i + 1 }
            if (n > 2) { from[++np] = 1; to[np] = n }
            for (p = 1; p <= np; p++) {
                i = from[p]; j = to[p]
                t1 = t[key[1] SUBSEP size[i] SUBSEP key[2]]; t2 = t[key[1] SUBSEP size[j] SUBSEP key[2]]
                if (t1 <= 0 || t2 <= 0) { pairs = pairs sprintf("   %s→%s: n/a", size[i], size[j]); continue }
                ratio = (t2 / size[j]) / (t1 / size[i])
                k = log(t2 / t1) / log(size[j] / size[i])
                nlogn = 1 + log(log(size[j]) / log(size[i])) / log(size[j] / size[i])
                pairs = pairs sprintf("   %s→%s: ratio %5.2f, k %5.2f (n log n %4.2f)", size[i], size[j], ratio, k, nlogn)
            }
            print line pairs
        }
    }' "$results"

echo
echo "== Side by side: one UTF-8 CSV of $records market-regulation records, best of 3 =="
side="$dir/side/2021-12"
rm -rf "$dir/side"
mkdir -p "$side"
"$bin/rereg-samples" large --seed 7 --records "$records" --single-utf8-csv "$side/market.csv" >/dev/null 2>&1
csv_bytes="$(stat -c %s "$side/market.csv")"
ours=0
for _ in 1 2 3; do
    "$bin/IngestBenchmark" "$side" >"$dir/side/ingest-run.log"
    rate="$(sed -n 's/^throughput \([0-9.]*\) MB\/s.*/\1/p' "$dir/side/ingest-run.log")"
    if awk -v a="$ours" -v b="$rate" 'BEGIN { exit !(b > a) }'; then
        ours="$rate"
        mv "$dir/side/ingest-run.log" "$dir/side/ingest.log"
    fi
done
echo "  ours (IngestBenchmark FOLDER: ingest only, one thread), best run:"
sed 's/^/    /' "$dir/side/ingest.log"
# The ceiling for any reader built on libcsv in one thread: its parser with no-op callbacks.
libcsv=0
for _ in 1 2 3; do
    rate="$("$bin/IngestBenchmark" --libcsv-only "$side/market.csv" | sed -n 's/.*throughput \([0-9.]*\) MB\/s.*/\1/p')"
    if awk -v a="$libcsv" -v b="$rate" 'BEGIN { exit !(b > a) }'; then libcsv="$rate"; fi
done
echo "  libcsv's parser alone, callbacks doing nothing (IngestBenchmark --libcsv-only), best of 3: $libcsv MB/s"
if [ "$duckdb" = yes ]; then
    theirs="$(python3 - "$side/market.csv" <<'EOF'
import sys, time, duckdb
path = sys.argv[1]
best = None
rows = 0
for _ in range(3):
    con = duckdb.connect()  # in memory, default threads (every core)
    start = time.perf_counter()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', header=true, all_varchar=true)")
    elapsed = time.perf_counter() - start
    rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.close()
    best = elapsed if best is None else min(best, elapsed)
print(f"{best:.4f} {rows} {threads} {duckdb.__version__}")
EOF
)"
    read -r seconds rows threads version <<<"$theirs"
    duck_rate="$(awk -v b="$csv_bytes" -v s="$seconds" 'BEGIN { printf "%.1f", b / 1e6 / s }')"
    echo "  DuckDB $version read_csv, all_varchar, CREATE TABLE AS (every column materialised), $threads threads:"
    echo "    $rows rows, $(awk -v b="$csv_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $seconds s: $duck_rate MB/s"
    awk -v a="$ours" -v b="$duck_rate" 'BEGIN { printf "  ours / DuckDB: %.1f MB/s / %.1f MB/s = %.0f %%\n", a, b, 100 * a / b }'
    awk -v a="$libcsv" -v b="$duck_rate" 'BEGIN { printf "  libcsv alone / DuckDB: %.1f MB/s / %.1f MB/s = %.0f %%\n", a, b, 100 * a / b }'
else
    echo "  DuckDB: skipped (duckdb not installed)."
fi
echo
echo "Figures: $results; logs: $dir/batch/<size>/"
