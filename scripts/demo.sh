#!/usr/bin/env bash
# The main job end to end on local defaults: installs what is missing,
# starts the local stack and the ML API, uploads the sample CSVs to S3, runs
# the batch pipeline over them, then prints a summary.
# `scripts/stack.sh stop` ends every process it started.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$TXCLASS_ROOT/scripts/stack.sh"
cd "$TXCLASS_ROOT"

start

say "building txclass (release)"
cargo build --release --locked --workspace --bins >&2
BIN="$CARGO_TARGET_DIR/release"
start_ml_api "$BIN/txclass-ml-api"

say "migrating the database"
"$BIN/txclass-batch" migrate

DAY=$(date -u +%F)
PREFIX="incoming/$DAY/"
say "uploading sample CSVs to s3://$S3_BUCKET/$PREFIX"
"$BIN/txclass-batch" generate --count 5000 --invalid-ratio 0.02 --seed 7 --id-prefix "demo-$DAY" --out "$TXCLASS_STACK_DIR/demo-generated.csv" 
"$BIN/txclass-batch" upload --prefix "$PREFIX" samples/transactions.csv samples/seed_dialect.csv "$TXCLASS_STACK_DIR/demo-generated.csv"

say "batch pipeline: txclass-batch classify (run demo-$DAY)"
"$BIN/txclass-batch" classify --prefix "$PREFIX" --run-id "demo-$DAY" --no-progress

say "summary"
psql "$DATABASE_URL" -P pager=off -c "
select p.category, count(*) as rows, round(avg(p.confidence)::numeric, 3) as mean_confidence
from predictions p where p.run_id = 'demo-$DAY' group by 1 order by 2 desc"
psql "$DATABASE_URL" -P pager=off -c "
select run_id, processing_type, status, records_in, written, rejected, dead_lettered,
       round(extract(epoch from ended_at - started_at)::numeric, 2) as seconds
from runs order by started_at desc limit 5"
cat <<INFO
Look at:
  PostgreSQL   $DATABASE_URL (tables transactions, predictions, runs)
  ML API       $ML_API_URL/v1/model   metrics: $ML_API_URL/metrics
  errors       s3://$S3_BUCKET/errors/demo-$DAY.csv (rejected rows with their reasons)
  dead letters Kafka topic $KAFKA_DLQ_TOPIC on $KAFKA_BROKERS
Stop everything: scripts/stack.sh stop
INFO
