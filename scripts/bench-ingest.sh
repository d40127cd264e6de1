#!/usr/bin/env bash
# Benchmark (not a test) of ingest and normalise alone, release build: a generated UTF-8
# CSV of BENCH_RECORDS market-regulation records (default 1,000,000), then a whole generated
# month (CSV and XML, UTF-8 and GB18030, both registries). Records are streamed and dropped,
# so peak memory shows what the stages themselves hold.
#   BENCH_RECORDS   records to generate (CI's smoke run uses a few thousand)
#   BENCH_DIR       scratch folder (default bench/, git-ignored)
#   BENCH_BUILD     release (default) or debug (CI's smoke run: checks the script runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

records="${BENCH_RECORDS:-1000000}"
dir="${BENCH_DIR:-bench}"
configuration="${BENCH_BUILD:-release}"
swift build -c "$configuration" --product rereg-samples >&2
swift build -c "$configuration" --product IngestBenchmark >&2
bin="$(swift build -c "$configuration" --show-bin-path)"

rm -rf "$dir/csv" "$dir/month"
mkdir -p "$dir/csv/2021-12"
"$bin/rereg-samples" large --seed 7 --records "$records" --single-utf8-csv "$dir/csv/2021-12/market.csv" >/dev/null 2>&1
"$bin/rereg-samples" large --seed 7 --records "$records" --out "$dir/month/2021-12" >/dev/null 2>&1

echo "== One UTF-8 CSV, $records records: ingest =="
"$bin/IngestBenchmark" "$dir/csv/2021-12"
echo "== The same, ingest + normalise =="
"$bin/IngestBenchmark" "$dir/csv/2021-12" --normalize
echo "== A whole month, $records records in $(ls "$dir/month/2021-12" | wc -l) files (CSV, XML, UTF-8, GB18030): ingest + normalise =="
"$bin/IngestBenchmark" "$dir/month/2021-12" --normalize
