#!/usr/bin/env bash
# Batch benchmark: N synthetic transactions (default 1,000,000) through
# `txclass-batch classify` (S3 → ML API → PostgreSQL), beside a plain
# `psql \copy` of the same N rows into the same two tables: the floor any
# pipeline pays to write them. Reports wall time, rows/s and peak RSS.
#
#   scripts/bench-batch.sh [N]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$TXCLASS_ROOT/scripts/stack.sh"
cd "$TXCLASS_ROOT"
N=${1:-1000000}
shift || true
command -v bc >/dev/null || apt_install bc

start
say "building (release)"
cargo build --release --locked -p txclass-batch -p txclass-ml-api >&2
BIN="$CARGO_TARGET_DIR/release"
start_ml_api "$BIN/txclass-ml-api"

WORK="$TXCLASS_STACK_DIR/bench"
mkdir -p "$WORK"
CSV="$WORK/transactions-$N.csv"
if [ ! -s "$CSV" ]; then
    say "generating $N transactions"
    "$BIN/txclass-batch" generate --count "$N" --seed 1 --id-prefix bench --out "$CSV"
fi
PREDICTIONS="$WORK/predictions-$N.csv"
if [ ! -s "$PREDICTIONS" ]; then
    # The same rows as predictions would be written: id, category, confidence, lineage.
    tail -n +2 "$CSV" | cut -d, -f1 | awk -v OFS=, \
        '{ print $1, "GENERAL_MERCHANDISE", 0.5, "bench", "batch", "bench-copy", "bench-copy", "s3://bench" }' >"$PREDICTIONS"
fi

server="${DATABASE_URL%%\?*}"
server="${server%/*}"
fresh_db() {
    psql "$server/postgres" -qc "drop database if exists $1" -qc "create database $1" >/dev/null
    DATABASE_URL="$server/$1" "$BIN/txclass-batch" migrate >/dev/null
}

say "psql \\copy of $N rows into transactions and predictions"
fresh_db txclass_bench_copy
copy_start=$(date +%s.%N)
psql "$server/txclass_bench_copy" -q \
    -c "\\copy transactions (transaction_id, \"timestamp\", account_id, amount, currency, merchant, description, mcc) from '$CSV' csv header" \
    -c "\\copy predictions (transaction_id, category, confidence, model_version, processing_type, run_id, batch_id, source) from '$PREDICTIONS' csv"
copy_seconds=$(echo "$(date +%s.%N) - $copy_start" | bc)

say "uploading to s3://$S3_BUCKET/bench/$N/"
"$BIN/txclass-batch" upload --s3-prefix "bench/$N/" "$CSV" >/dev/null

say "txclass-batch classify of $N rows"
fresh_db txclass_bench_batch
DATABASE_URL="$server/txclass_bench_batch" /usr/bin/time -v -o "$WORK/time.txt" \
    "$BIN/txclass-batch" classify --s3-prefix "bench/$N/" --run-id "bench-$N" --no-progress "$@" >"$WORK/classify.txt" 2>"$WORK/classify.log" \
    || { cat "$WORK/classify.log" >&2; die "classify failed"; }
batch_seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time.txt")
batch_rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
rows=$(psql "$server/txclass_bench_batch" -qtAc "select count(*) from predictions")

printf '\n| N | path | wall s | rows/s | peak RSS MB |\n|---:|---|---:|---:|---:|\n'
printf '| %s | psql \\copy (floor) | %.2f | %.0f | – |\n' "$N" "$copy_seconds" "$(echo "$N / $copy_seconds" | bc -l)"
printf '| %s | txclass-batch classify (ML API included) | %.2f | %.0f | %.0f |\n' "$N" "$batch_seconds" "$(echo "$rows / $batch_seconds" | bc -l)" "$(echo "$batch_rss_kb / 1024" | bc -l)"
printf '\nratio batch / copy: %.2f×; rows written: %s\n' "$(echo "$batch_seconds / $copy_seconds" | bc -l)" "$rows"
cat "$WORK/classify.txt"
