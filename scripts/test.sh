#!/usr/bin/env bash
# Runs every txclass test: formatting and lint checks, unit and property
# tests, and integration tests against the real local stack (PostgreSQL,
# Kafka-protocol broker, S3), which it installs and starts when missing and
# stops afterwards (only what it started).
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

# Databases left by earlier test runs (each test makes its own).
admin="${DATABASE_URL%%\?*}"
admin="${admin%/*}/postgres"
for db in $(psql "$admin" -qtAc "select datname from pg_database where datname like 'txclass\_test\_%'"); do
    psql "$admin" -qc "drop database if exists \"$db\"" >/dev/null 2>&1 || true
done

say "cargo fmt --check"
cargo fmt --all --check
say "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
say "cargo test"
cargo test --workspace --locked --no-fail-fast -- "$@"
