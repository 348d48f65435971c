#!/usr/bin/env bash
# A project-managed Airflow (pinned) in a venv under the user's cache, for the
# DAG tests and `airflow dags test` runs on hosts without Docker.
#
#   scripts/airflow.sh install    create or update the venv (idempotent)
#   scripts/airflow.sh env        print the exports that select it
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

AIRFLOW_VERSION="3.3.2"
DOCKER_PROVIDER_VERSION="4.6.1"
# Test tools in the same venv: pytest, ruff, Selenium (drives Debian's
# chromium through its chromedriver; no browser download).
AIRFLOW_TEST_TOOLS="pytest==9.2.0 ruff==0.17.5 selenium==4.50.0"
export AIRFLOW_VENV="${AIRFLOW_VENV:-$HOME/.cache/txclass/airflow-venv}"
export AIRFLOW_HOME="${AIRFLOW_HOME:-$TXCLASS_STACK_DIR/airflow}"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DAGS_FOLDER="$TXCLASS_ROOT/airflow/dags"

airflow_install() {
    local want="apache-airflow==$AIRFLOW_VERSION apache-airflow-providers-docker==$DOCKER_PROVIDER_VERSION $AIRFLOW_TEST_TOOLS"
    if [ -x "$AIRFLOW_VENV/bin/python" ] && [ -f "$AIRFLOW_VENV/.txclass-installed" ] \
        && [ "$(cat "$AIRFLOW_VENV/.txclass-installed")" = "$want" ]; then
        return 0
    fi
    command -v python3 >/dev/null || apt_install python3 python3-venv
    python3 -m venv "$AIRFLOW_VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$AIRFLOW_VENV"; }
    say "installing Airflow $AIRFLOW_VERSION into $AIRFLOW_VENV (pip)"
    # shellcheck disable=SC2086
    "$AIRFLOW_VENV/bin/pip" install -q $want >&2
    echo "$want" >"$AIRFLOW_VENV/.txclass-installed"
}

airflow_installed() {
    [ -x "$AIRFLOW_VENV/bin/airflow" ] && [ -f "$AIRFLOW_VENV/.txclass-installed" ]
}

# airflow_dags_test BATCH_BIN PREFIX DAY: one manual run of the batch DAG in
# local mode (BashOperator) against the local stack, connections from the
# environment.
airflow_dags_test() {
    local bin=$1 prefix=$2 day=$3
    local db ml
    db=$(database_name)
    ml=$(url_hostport "$ML_API_URL")
    (
        export PATH="$AIRFLOW_VENV/bin:$PATH"
        export AIRFLOW__CORE__UNIT_TEST_MODE=False
        export TXCLASS_EXECUTION_MODE=local TXCLASS_BATCH_BIN="$bin"
        export AIRFLOW_VAR_TXCLASS_KAFKA_BROKERS="$KAFKA_BROKERS"
        export AIRFLOW_VAR_TXCLASS_DLQ_TOPIC="$KAFKA_DLQ_TOPIC"
        export AIRFLOW_VAR_TXCLASS_PUSHGATEWAY_URL="${PUSHGATEWAY_URL:-}"
        export AIRFLOW_CONN_TXCLASS_S3="{\"conn_type\": \"aws\", \"login\": \"$AWS_ACCESS_KEY_ID\", \"password\": \"$AWS_SECRET_ACCESS_KEY\", \"extra\": {\"endpoint_url\": \"$S3_ENDPOINT\", \"bucket\": \"$S3_BUCKET\", \"region_name\": \"$AWS_REGION\"}}"
        export AIRFLOW_CONN_TXCLASS_POSTGRES="{\"conn_type\": \"postgres\", \"host\": \"$PGHOST_ADDR\", \"port\": $PGPORT, \"login\": \"postgres\", \"schema\": \"$db\"}"
        export AIRFLOW_CONN_TXCLASS_ML_API="{\"conn_type\": \"http\", \"host\": \"${ml%%:*}\", \"port\": ${ml##*:}}"
        mkdir -p "$AIRFLOW_HOME"
        airflow db migrate >"$LOG_DIR/airflow-db.log" 2>&1
        airflow dags test batch_classification "$day" -c "{\"prefix\": \"$prefix\"}" \
            >"$LOG_DIR/airflow-dags-test.log" 2>&1 \
            || { tail -n 40 "$LOG_DIR/airflow-dags-test.log" >&2; die "airflow dags test failed (log: $LOG_DIR/airflow-dags-test.log)"; }
        grep -a "Marking run\|DagRun Finished\|state=success" "$LOG_DIR/airflow-dags-test.log" | tail -n 3 >&2 || true
    )
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then return 0; fi
case "${1:-}" in
    install) airflow_install ;;
    env) echo "export AIRFLOW_HOME=$AIRFLOW_HOME PATH=$AIRFLOW_VENV/bin:\$PATH" ;;
    *) echo "usage: $0 install|env" >&2; exit 2 ;;
esac
