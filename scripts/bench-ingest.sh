#!/usr/bin/env bash
# Benchmark (not a test): ingest and normalise a generated month, release build.
#   BENCH_RECORDS   records to generate (default 1000000; CI's smoke run uses far fewer)
#   BENCH_DIR       scratch folder (default bench/, git-ignored)
# Prints the input size, per-stage seconds, records/s, MB/s and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

records="${BENCH_RECORDS:-1000000}"
dir="${BENCH_DIR:-bench}"

swift build -c release --product rereg >&2
swift build -c release --product rereg-samples >&2
bin="$(swift build -c release --show-bin-path)"

measure() { # label, command…  → prints wall seconds and peak RSS of the command
    local label="$1"; shift
    local start end
    start=$(date +%s.%N)
    "$@" 2>"$dir/$label.stderr"
    end=$(date +%s.%N)
    grep '^stage' "$dir/$label.stderr" || true
    awk -v s="$start" -v e="$end" 'BEGIN { printf "wall %.2f s\n", e - s }'
    awk '/peak RSS/ { value = $(NF-1) } END { if (value != "") printf "peak RSS %s MiB\n", value }' "$dir/$label.stderr"
}

rm -rf "$dir/csv" "$dir/month" "$dir/out"
mkdir -p "$dir/csv/2021-12" "$dir/month"

echo "== One UTF-8 CSV of $records market-regulation records =="
"$bin/rereg-samples" large --seed 7 --records "$records" --single-utf8-csv "$dir/csv/2021-12/market.csv" >&2
bytes=$(stat -c %s "$dir/csv/2021-12/market.csv")
echo "input $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')"
measure csv "$bin/rereg" batch "$dir/csv/2021-12" --out "$dir/out/csv" --timings
awk -v b="$bytes" '/^stage ingest/ { printf "ingest throughput %.1f MB/s\n", b / 1e6 / $3 }' "$dir/csv.stderr"

echo
echo "== A whole month of $records records: CSV and XML, UTF-8 and GB18030, both registries =="
"$bin/rereg-samples" large --seed 7 --records "$records" --out "$dir/month/2021-12" >&2
bytes=$(du -cb "$dir/month/2021-12"/* | tail -1 | cut -f1)
echo "input $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') in $(ls "$dir/month/2021-12" | wc -l) files"
measure month "$bin/rereg" batch "$dir/month/2021-12" --out "$dir/out/month" --timings
awk -v b="$bytes" '/^stage ingest/ { printf "ingest throughput %.1f MB/s\n", b / 1e6 / $3 }' "$dir/month.stderr"
