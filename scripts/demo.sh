#!/usr/bin/env bash
# The main job end to end on local defaults:
#   1. installs what is missing and starts the local stack (PostgreSQL,
#      Kafka-protocol broker, S3, Adminer, Pushgateway) and the ML API;
#   2. uploads sample CSVs and runs the batch pipeline over them, through
#      `airflow dags test` when the project's Airflow is installed
#      (scripts/airflow.sh install), else with the CLI;
#   3. runs both simulated producers and the consumer for a short while;
#   4. prints a summary: rows per category, dead letters by reason,
#      throughput, and where to look.
# The consumer, the ML API and the services keep running for a look around;
# `scripts/stop.sh` ends every process the scripts started.
#
#   STREAM_SECONDS=20  how long the producers run
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$TXCLASS_ROOT/scripts/stack.sh"
source "$TXCLASS_ROOT/scripts/airflow.sh"
cd "$TXCLASS_ROOT"

STREAM_SECONDS=${STREAM_SECONDS:-20}
DEMO_STARTED=$(date -u +%FT%T.%NZ)
STAMP=$(date -u +%Y%m%dT%H%M%S)

start

say "building txclass (release)"
cargo build --release --locked --workspace --bins >&2
BIN="$CARGO_TARGET_DIR/release"
start_ml_api "$BIN/txclass-ml-api"

say "migrating the database"
"$BIN/txclass-batch" migrate

# ---- batch -----------------------------------------------------------------
DAY=$(date -u +%F)
PREFIX="incoming/demo-$STAMP/"
say "uploading sample CSVs to s3://$S3_BUCKET/$PREFIX"
"$BIN/txclass-batch" generate --count 5000 --invalid-ratio 0.02 --seed 7 \
    --id-prefix "demo-$DAY" --out "$TXCLASS_STACK_DIR/demo-generated.csv"
"$BIN/txclass-batch" upload --s3-prefix "$PREFIX" samples/transactions.csv \
    samples/seed_dialect.csv "$TXCLASS_STACK_DIR/demo-generated.csv"

if airflow_installed; then
    say "batch pipeline: airflow dags test batch_classification (local mode)"
    airflow_dags_test "$BIN/txclass-batch" "$PREFIX" "$DAY"
else
    say "batch pipeline: txclass-batch classify (Airflow not installed: scripts/airflow.sh install)"
    "$BIN/txclass-batch" classify --s3-prefix "$PREFIX" --run-id "demo-$STAMP" --no-progress
fi

# ---- streaming -------------------------------------------------------------
say "streaming pipeline: consumer and both simulated producers for ${STREAM_SECONDS}s"
start_bg consumer "$TXCLASS_STACK_DIR" "$BIN/txclass-consumer" --addr "$CONSUMER_ADDR"
wait_for consumer "${CONSUMER_ADDR%%:*}" "${CONSUMER_ADDR##*:}" 30

# metric NAME URL: sum of a metric's samples on a /metrics page.
metric() {
    curl -fsS "$2" 2>/dev/null | awk -v n="$1" '$1 == n || index($1, n "{") == 1 { s += $NF } END { printf "%d\n", s }'
}
consumed_before=$(metric txclass_records_ingested_total "http://$CONSUMER_ADDR/metrics")

for profile in steady bursty; do
    port=9102
    [ "$profile" = bursty ] && port=9103
    stop_bg "producer-$profile"
    start_bg "producer-$profile" "$TXCLASS_STACK_DIR" "$BIN/txclass-producer" run \
        --profile "$profile" --duration "${STREAM_SECONDS}s" --invalid-ratio 0.05 \
        --id-prefix "demo-$profile-$STAMP" --seed "$RANDOM" --metrics-addr "127.0.0.1:$port"
done
while pid_alive producer-steady || pid_alive producer-bursty; do sleep 1; done
published=0
for profile in steady bursty; do
    line=$(grep -a "^published" "$LOG_DIR/producer-$profile.log" | tail -n 1)
    echo "  producer $profile: $line" >&2
    n=$(sed -n 's/.*delivered \([0-9]*\),.*/\1/p' <<<"$line")
    published=$((published + ${n:-0}))
done

say "waiting for the consumer to make all $published records durable"
deadline=$((SECONDS + 120))
while :; do
    consumed=$(( $(metric txclass_records_ingested_total "http://$CONSUMER_ADDR/metrics") - consumed_before ))
    buffered=$(metric txclass_consumer_buffer_records "http://$CONSUMER_ADDR/metrics")
    if [ "$consumed" -ge "$published" ] && [ "$buffered" -eq 0 ]; then break; fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo "  consumer read $consumed of $published records (buffer $buffered); see $LOG_DIR/consumer.log" >&2
        break
    fi
    sleep 1
done

# ---- summary -----------------------------------------------------------------
say "summary"
psql "$DATABASE_URL" -P pager=off -P footer=off -c "
select p.category,
       count(*) filter (where p.processing_type = 'batch') as batch,
       count(*) filter (where p.processing_type = 'streaming') as streaming,
       count(*) as rows,
       round(avg(p.confidence)::numeric, 3) as mean_confidence
from predictions p where p.processed_at >= '$DEMO_STARTED'
group by 1 order by rows desc"

BATCH_RUN=$(psql "$DATABASE_URL" -qtAc "select run_id from runs where processing_type = 'batch'
    and started_at >= '$DEMO_STARTED' order by started_at desc limit 1")
echo "Dead letters by pipeline, stage and reason (from the metrics):"
{
    curl -fsS "$PUSHGATEWAY_URL/metrics" 2>/dev/null || true
    curl -fsS "http://$CONSUMER_ADDR/metrics" 2>/dev/null || true
} | awk -v run="$BATCH_RUN" '
    /^txclass_records_dead_lettered_total\{/ {
        match($0, /pipeline="[^"]*"/); p = substr($0, RSTART + 10, RLENGTH - 11)
        if (p == "batch") { match($0, /run_id="[^"]*"/); if (substr($0, RSTART + 8, RLENGTH - 9) != run) next }
        match($0, /stage="[^"]*"/); s = substr($0, RSTART + 7, RLENGTH - 8)
        match($0, /reason="[^"]*"/); r = substr($0, RSTART + 8, RLENGTH - 9)
        n[p SUBSEP s SUBSEP r] += $NF
    }
    END {
        for (k in n) { split(k, f, SUBSEP); printf "  %-10s %-9s %-28s %6d\n", f[1], f[2], f[3], n[k] }
    }' | sort
echo "  (batch: run $BATCH_RUN; streaming: since the consumer started)"

psql "$DATABASE_URL" -P pager=off -P footer=off -c "
select run_id, batch_id, processing_type as pipeline, status, records_in, written, dead_lettered,
       reconciles, seconds, records_per_second
from run_reconciliation
where started_at >= '$DEMO_STARTED' or (processing_type = 'streaming' and status = 'running')
order by started_at"

cat <<INFO
Look at:
  Adminer        http://$ADMINER_ADDR  (System PostgreSQL, server $PGHOST_ADDR:$PGPORT, user postgres,
                 any password with the local trust login, database $(database_name);
                 views latest_predictions, run_reconciliation, category_counts_daily, confidence_bands)
  PostgreSQL     psql $DATABASE_URL
  ML API         $ML_API_URL/v1/model        metrics: $ML_API_URL/metrics
  consumer       http://$CONSUMER_ADDR/metrics   (ready: /ready)
  batch metrics  $PUSHGATEWAY_URL/metrics  (Pushgateway)
  errors         s3://$S3_BUCKET/errors/   (rejected rows with their reasons, one object per batch)
  dead letters   Kafka topic $KAFKA_DLQ_TOPIC on $KAFKA_BROKERS (headers error.stage, error.code, error.reason)
  logs           $LOG_DIR/
Stop everything the scripts started: scripts/stop.sh
INFO
