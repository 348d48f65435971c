#!/usr/bin/env bash
# ML API benchmark over real HTTP: the server pinned to one core
# (taskset -c 0, one worker thread), the load generator on the other core.
# Reports predictions/s and p50/p99 request latency for each batch size, and
# the server's memory after the load.
#
#   scripts/bench-ml-api.sh [SECONDS]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$TXCLASS_ROOT"
SECONDS_PER_SIZE=${1:-15}
PORT=${BENCH_PORT:-8010}

command -v taskset >/dev/null || apt_install util-linux
say "building (release)"
cargo build --release --locked -p txclass-ml-api >&2
BIN="$CARGO_TARGET_DIR/release/txclass-ml-api"

RUST_LOG=warn taskset -c 0 "$BIN" serve --addr "127.0.0.1:$PORT" --workers 1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
wait_for ml-api-bench 127.0.0.1 "$PORT" 30

say "load: batches of 100 and 1,000, 4 concurrent clients, ${SECONDS_PER_SIZE}s each"
taskset -c 1 "$BIN" bench --ml-api-url "http://127.0.0.1:$PORT" --batch 100,1000 --concurrency 4 --seconds "$SECONDS_PER_SIZE"
# The server's resident and peak memory after the load.
grep -E '^(VmRSS|VmHWM)' "/proc/$server/status" | sed 's/^/server /'
