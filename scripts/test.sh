#!/usr/bin/env bash
# Runs every txclass test: formatting, lint and licence/advisory checks, unit
# and property tests, integration tests against the real local stack
# (PostgreSQL, Kafka-protocol broker, S3, Adminer, Pushgateway), which it
# installs and starts when missing and stops afterwards (only what it
# started), the Airflow DAG tests, the Adminer browser test and the static
# checks of docker-compose.yml and the Prometheus/Grafana configuration.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$TXCLASS_ROOT"

mkdir -p "$RUN_DIR"
export TXCLASS_STARTED_FILE="$RUN_DIR/started-by-test.$$"
: >"$TXCLASS_STARTED_FILE"
cleanup() {
    local started
    started=$(sort -u "$TXCLASS_STARTED_FILE" 2>/dev/null | tr '\n' ' ')
    if [ -n "$started" ]; then
        say "stopping what the tests started: $started"
        # shellcheck disable=SC2086
        "$TXCLASS_ROOT/scripts/stack.sh" stop $started
    fi
    rm -f "$TXCLASS_STARTED_FILE"
}
trap cleanup EXIT

"$TXCLASS_ROOT/scripts/stack.sh" start
# A broker whose state grows with every run slows down (a bare read went
# from 23,200 to 1,450 records/s after an afternoon of runs): the tests get
# a fresh one, unless TXCLASS_KEEP_BROKER=1.
[ -n "${TXCLASS_KEEP_BROKER:-}" ] || "$TXCLASS_ROOT/scripts/stack.sh" reset-broker

# Databases left by earlier test runs (each test makes its own).
admin=$(admin_url)
for db in $(psql "$admin" -qtAc "select datname from pg_database where datname like 'txclass\_test\_%'"); do
    psql "$admin" -qc "drop database if exists \"$db\"" >/dev/null 2>&1 || true
done

say "cargo fmt --check"
cargo fmt --all --check
say "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
say "cargo doc (broken intra-doc links fail)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet
say "cargo deny (licences, bans, sources, advisories)"
cargo_tool cargo-deny cargo-deny "$CARGO_DENY_VERSION"
cargo deny --locked check licenses bans sources
deny_advisories
say "building the binaries the tests start"
cargo build --workspace --bins --locked
export TXCLASS_BATCH_BIN="$CARGO_TARGET_DIR/debug/txclass-batch"
export TXCLASS_ML_API_BIN="$CARGO_TARGET_DIR/debug/txclass-ml-api"

status=0
say "cargo test"
cargo test --workspace --locked --no-fail-fast -- "$@" || status=1

say "Python tests (ruff; DAGs, airflow dags test end to end, Adminer in Chromium, compose and Prometheus checks)"
source "$TXCLASS_ROOT/scripts/airflow.sh"
airflow_install
apt_install chromium chromium-driver prometheus
"$AIRFLOW_VENV/bin/ruff" check . || status=1
"$AIRFLOW_VENV/bin/ruff" format --check . || status=1
TXCLASS_E2E=1 TXCLASS_REQUIRE_PROMTOOL=1 TXCLASS_BIN_DIR="$CARGO_TARGET_DIR/debug" \
    PATH="$AIRFLOW_VENV/bin:$PATH" "$AIRFLOW_VENV/bin/python" -m pytest -q || status=1

exit "$status"
