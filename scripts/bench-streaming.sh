#!/usr/bin/env bash
# Streaming benchmark on the local stack:
#  1. preload N records (default 1,000,000) into a fresh 3-partition topic;
#  2. a bare rdkafka group consumer reads them (the ceiling);
#  3. txclass-consumer takes them all into PostgreSQL (ML API included):
#     sustained records/s between the first and the last row written;
#  4. at a fixed 5,000 records/s for 35 s, produce-to-row latency p50/p99,
#     once the consumer owns its partitions, over the records produced after
#     a 5 s warm-up (producer connection, first fetch) and over all of them.
#
#   scripts/bench-streaming.sh [N]     N=0 measures the latency only
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$TXCLASS_ROOT/scripts/stack.sh"
cd "$TXCLASS_ROOT"
N=${1:-1000000}
BUFFER_MS=${BUFFER_MS:-500}

start
# Figures stand for a broker in a known state: a fresh data folder
# (TXCLASS_KEEP_BROKER=1 measures the broker as it is).
[ -n "${TXCLASS_KEEP_BROKER:-}" ] || reset_broker
say "building (release)"
cargo build --release --locked -p txclass-producer -p txclass-consumer -p txclass-ml-api -p txclass-batch --bins --examples >&2
BIN="$CARGO_TARGET_DIR/release"
start_ml_api "$BIN/txclass-ml-api"

server="${DATABASE_URL%%\?*}"
server="${server%/*}"
fresh_db() {
    psql "$server/postgres" -qc "drop database if exists $1" -qc "create database $1" >/dev/null
    DATABASE_URL="$server/$1" "$BIN/txclass-batch" migrate >/dev/null
}
topic() { tansu topic create "$1" --partitions 3 --broker "tcp://$KAFKA_BROKERS" >/dev/null; }

STAMP=$(date +%s)
bare_rate=0 rate=0
if [ "$N" -gt 0 ]; then
TOPIC="bench_$STAMP"
topic "$TOPIC"
say "preloading $N records into $TOPIC"
"$BIN/txclass-producer" run --kafka-topic "$TOPIC" --rate "${PRELOAD_RATE:-1000000}" --count "$N" --id-prefix "b$STAMP" | tail -1

say "bare rdkafka consumer"
bare=$("$BIN/examples/bare_read" "$TOPIC" "$N")
echo "$bare"
bare_rate=$(awk '{ print $(NF-1) }' <<<"$bare")

say "txclass-consumer into PostgreSQL"
fresh_db txclass_bench_stream
DATABASE_URL="$server/txclass_bench_stream" RUST_LOG=warn "$BIN/txclass-consumer" --kafka-topic "$TOPIC" --kafka-group-id "bench-$STAMP" \
    --addr 127.0.0.1:9111 --run-id "bench-$STAMP" >/dev/null 2>&1 &
consumer=$!
trap 'kill $consumer 2>/dev/null || true' EXIT
until [ "$(psql "$server/txclass_bench_stream" -qtAc 'select count(*) from predictions')" -ge "$N" ]; do sleep 1; done
rate=$(psql "$server/txclass_bench_stream" -qtAc \
    "select round($N / extract(epoch from max(processed_at) - min(processed_at))) from predictions")
kill -TERM $consumer; wait $consumer || true
fi

say "latency at 5,000 records/s for 30 s (buffer window ${BUFFER_MS} ms)"
LTOPIC="latency_$STAMP"
topic "$LTOPIC"
fresh_db txclass_bench_latency
DATABASE_URL="$server/txclass_bench_latency" RUST_LOG=warn "$BIN/txclass-consumer" --kafka-topic "$LTOPIC" --kafka-group-id "lat-$STAMP" \
    --addr 127.0.0.1:9112 --buffer-ms "$BUFFER_MS" --run-id "lat-$STAMP" >/dev/null 2>&1 &
consumer=$!
# Produce only once the consumer owns its partitions (the group has formed).
until curl -fs 127.0.0.1:9112/metrics 2>/dev/null | grep -q '^txclass_consumer_assigned_partitions [1-9]'; do sleep 0.2; done
published=$("$BIN/txclass-producer" run --kafka-topic "$LTOPIC" --rate 5000 --duration 35s --now-timestamps --id-prefix "l$STAMP" | tail -1)
echo "$published"
delivered=$(sed -n 's/.*delivered \([0-9]*\).*/\1/p' <<<"$published")
until [ "$(psql "$server/txclass_bench_latency" -qtAc 'select count(*) from predictions')" -ge "$delivered" ]; do sleep 1; done
percentiles() {
    psql "$server/txclass_bench_latency" -qtAc "
    with l as (select t.\"timestamp\" as produced, extract(epoch from p.processed_at - t.\"timestamp\") as s
               from predictions p join transactions t using (transaction_id))
    select round(1000 * percentile_cont(0.5) within group (order by s))::int
        || ' ' || round(1000 * percentile_cont(0.99) within group (order by s))::int
        || ' ' || round(1000 * max(s))::int
    from l where produced >= (select min(produced) from l) + interval '$1 seconds'"
}
latency=$(percentiles 5)
latency_all=$(percentiles 0)
kill -TERM $consumer; wait $consumer || true

printf '\n| measure | figure |\n|---|---:|\n'
if [ "$N" -gt 0 ]; then
    printf '| bare rdkafka group consumer, %s records | %s records/s |\n' "$N" "$bare_rate"
    printf '| txclass-consumer end to end into PostgreSQL (ML API included) | %s records/s (%.0f %% of bare) |\n' "$rate" "$(echo "100 * $rate / $bare_rate" | bc -l)"
fi
printf '| produce-to-row latency at 5,000 records/s, buffer %s ms, after 5 s warm-up: p50 / p99 / max | %s / %s / %s ms |\n' "$BUFFER_MS" $latency
printf '| the same, every record including the warm-up: p50 / p99 / max | %s / %s / %s ms |\n' $latency_all
