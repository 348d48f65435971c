#!/usr/bin/env bash
# The local txclass stack on loopback: PostgreSQL, a Kafka-protocol broker
# (tansu on SQLite), an S3 server (s3s-fs), Adminer (Debian's package under
# `php -S`) and a Prometheus Pushgateway for the batch job's metrics.
#
#   scripts/stack.sh install   install what is missing (apt, cargo)
#   scripts/stack.sh start     install, then start what is not running; waits until each answers
#   scripts/stack.sh stop      stop every process this script started (by pid)
#   scripts/stack.sh status    what runs where
#
# Idempotent: running start twice starts nothing twice. Data lives under
# .stack/ (TXCLASS_STACK_DIR).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install() {
    command -v curl >/dev/null || apt_install curl ca-certificates
    command -v psql >/dev/null || apt_install postgresql-client
    command -v make >/dev/null || apt_install build-essential
    apt_install adminer php-cli php-pgsql prometheus-pushgateway
    command -v cargo >/dev/null || die "cargo is needed (https://rustup.rs)"
    cargo_tool tansu tansu "$TANSU_VERSION" --features libsql
    cargo_tool s3s-fs s3s-fs "$S3S_FS_VERSION" --features binary
}


start_postgres() {
    if ! port_open "$PGHOST_ADDR" "$PGPORT"; then
        say "no PostgreSQL on $PGHOST_ADDR:$PGPORT: starting a cluster under $DATA_DIR/postgres"
        if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then apt_install postgresql; fi
        local bin datadir="$DATA_DIR/postgres" as=()
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
        mkdir -p "$datadir" "$LOG_DIR" "$RUN_DIR"
        if [ "$(id -u)" -eq 0 ]; then
            id postgres >/dev/null 2>&1 || useradd --system --home "$datadir" postgres
            chown -R postgres "$datadir" "$LOG_DIR"
            as=(runuser -u postgres --)
        fi
        if [ ! -f "$datadir/PG_VERSION" ]; then
            "${as[@]}" "$bin/initdb" -D "$datadir" -U postgres --auth=trust >/dev/null
        fi
        "${as[@]}" "$bin/pg_ctl" -D "$datadir" -l "$LOG_DIR/postgres.log" -w \
            -o "-h $PGHOST_ADDR -p $PGPORT -k /tmp" start >/dev/null
        echo "$bin" >"$RUN_DIR/postgres.owned"
        if [ -n "${TXCLASS_STARTED_FILE:-}" ]; then echo postgres >>"$TXCLASS_STARTED_FILE"; fi
        wait_for postgres "$PGHOST_ADDR" "$PGPORT" 60
    fi
    local db
    db=$(database_name)
    until psql "$(admin_url)" -qtAc 'select 1' >/dev/null 2>&1; do sleep 0.5; done
    if ! psql "$(admin_url)" -qtAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
        psql "$(admin_url)" -qc "create database \"$db\"" >/dev/null
    fi
}

stop_postgres() {
    [ -f "$RUN_DIR/postgres.owned" ] || return 0
    local bin as=()
    bin=$(cat "$RUN_DIR/postgres.owned")
    [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
    "${as[@]}" "$bin/pg_ctl" -D "$DATA_DIR/postgres" -m fast stop >/dev/null 2>&1 || true
    rm -f "$RUN_DIR/postgres.owned"
}

start_kafka() {
    local host=${KAFKA_BROKERS%%:*} port=${KAFKA_BROKERS##*:}
    if ! port_open "$host" "$port"; then
        say "starting tansu (Kafka protocol) on $host:$port"
        RUST_LOG=warn start_bg tansu "$DATA_DIR/tansu" tansu broker \
            --listener-url "tcp://$host:$port" \
            --advertised-listener-url "tcp://$host:$port" \
            --storage-engine "sqlite://./tansu.db"
        wait_for tansu "$host" "$port" 60
    fi
    local existing
    existing=$(tansu topic list --broker "tcp://$host:$port" 2>/dev/null || true)
    for spec in "$KAFKA_TOPIC:3" "$KAFKA_DLQ_TOPIC:1"; do
        local name=${spec%%:*} partitions=${spec##*:}
        if ! grep -q "\"$name\"\|\b$name\b" <<<"$existing"; then
            tansu topic create "$name" --partitions "$partitions" --broker "tcp://$host:$port" >/dev/null 2>&1 || true
        fi
    done
}

# reset-broker: a fresh data folder for the broker the scripts started, so
# its state (every topic tests and demos made) does not grow without bound
# and slow it down. A broker the scripts did not start is left alone.
reset_broker() {
    if ! pid_alive tansu; then
        if port_open "${KAFKA_BROKERS%%:*}" "${KAFKA_BROKERS##*:}"; then
            say "the broker on $KAFKA_BROKERS was not started by these scripts: left as it is"
            return 0
        fi
    fi
    local size
    size=$(du -sh "$DATA_DIR/tansu" 2>/dev/null | cut -f1)
    say "resetting the broker (data folder ${size:-empty})"
    stop_bg tansu
    rm -rf "$DATA_DIR/tansu"
    start_kafka
}

start_s3() {
    local hostport
    hostport=$(url_hostport "$S3_ENDPOINT")
    local host=${hostport%%:*} port=${hostport##*:}
    if ! port_open "$host" "$port"; then
        say "starting s3s-fs (S3) on $host:$port"
        mkdir -p "$DATA_DIR/s3"
        start_bg s3s-fs "$DATA_DIR/s3" s3s-fs --host "$host" --port "$port" \
            --access-key "$AWS_ACCESS_KEY_ID" --secret-key "$AWS_SECRET_ACCESS_KEY" "$DATA_DIR/s3"
        wait_for s3s-fs "$host" "$port" 30
    fi
    # Create the bucket (idempotent: an existing bucket answers 409).
    local empty_sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 code
    code=$(curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:$AWS_REGION:s3" \
        --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H "x-amz-content-sha256: $empty_sha256" \
        -X PUT "$S3_ENDPOINT/$S3_BUCKET" || true)
    case "$code" in
        200 | 409) ;;
        *) die "creating bucket $S3_BUCKET at $S3_ENDPOINT answered HTTP $code" ;;
    esac
}

start_adminer() {
    local host=${ADMINER_ADDR%%:*} port=${ADMINER_ADDR##*:}
    if ! port_open "$host" "$port"; then
        say "starting Adminer on http://$ADMINER_ADDR"
        # Debian's configuration (phoning home disabled) as the router script.
        start_bg adminer "$TXCLASS_STACK_DIR" php -S "$ADMINER_ADDR" -t /usr/share/adminer /etc/adminer/conf.php
        wait_for adminer "$host" "$port" 30
    fi
}

start_pushgateway() {
    local hostport
    hostport=$(url_hostport "$PUSHGATEWAY_URL")
    local host=${hostport%%:*} port=${hostport##*:}
    if ! port_open "$host" "$port"; then
        say "starting the Prometheus Pushgateway on $hostport"
        start_bg pushgateway "$DATA_DIR" prometheus-pushgateway --web.listen-address="$hostport"
        wait_for pushgateway "$host" "$port" 30
    fi
}

# start_ml_api BIN [ARGS...]: serves the model with the given binary on
# ML_API_URL's port unless something answers there already.
start_ml_api() {
    local bin=$1
    shift
    local hostport
    hostport=$(url_hostport "$ML_API_URL")
    local host=${hostport%%:*} port=${hostport##*:}
    if ! port_open "$host" "$port"; then
        say "starting txclass-ml-api on $host:$port"
        start_bg ml-api "$TXCLASS_STACK_DIR" "$bin" serve --addr "$host:$port" "$@"
        wait_for ml-api "$host" "$port" 60
    fi
}

start() {
    install
    start_postgres
    start_kafka
    start_s3
    start_adminer
    start_pushgateway
    status
}

# stop [NAME...]: stops the named services, or all of them.
stop() {
    if [ $# -gt 0 ]; then
        for name in "$@"; do
            if [ "$name" = postgres ]; then stop_postgres; else stop_bg "$name"; fi
        done
        return 0
    fi
    for name in producer-steady producer-bursty consumer ml-api adminer pushgateway s3s-fs tansu; do
        stop_bg "$name"
    done
    stop_postgres
    say "stopped"
}

status() {
    local kafka_host=${KAFKA_BROKERS%%:*} kafka_port=${KAFKA_BROKERS##*:}
    local s3
    s3=$(url_hostport "$S3_ENDPOINT")
    printf '%-12s %-28s %s\n' service address state >&2
    row() { if port_open "$2" "$3"; then printf '%-12s %-28s up\n' "$1" "$2:$3" >&2; else printf '%-12s %-28s down\n' "$1" "$2:$3" >&2; fi; }
    row postgresql "$PGHOST_ADDR" "$PGPORT"
    row kafka "$kafka_host" "$kafka_port"
    row s3 "${s3%%:*}" "${s3##*:}"
    local ml pg
    ml=$(url_hostport "$ML_API_URL")
    pg=$(url_hostport "$PUSHGATEWAY_URL")
    row ml-api "${ml%%:*}" "${ml##*:}"
    row adminer "${ADMINER_ADDR%%:*}" "${ADMINER_ADDR##*:}"
    row pushgateway "${pg%%:*}" "${pg##*:}"
}

# Sourced by other scripts for its functions; run, it takes a command.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then return 0; fi

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) shift; stop "$@" ;;
    status) status ;;
    reset-broker) reset_broker ;;
    *) echo "usage: $0 install|start|stop|status|reset-broker" >&2; exit 2 ;;
esac
