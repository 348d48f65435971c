#!/usr/bin/env bash
# A project-managed Airflow (pinned) in a venv under the user's cache, for the
# DAG tests and `airflow dags test` runs on hosts without Docker.
#
#   scripts/airflow.sh install    create or update the venv (idempotent)
#   scripts/airflow.sh env        print the exports that select it
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

AIRFLOW_VERSION="3.3.2"
DOCKER_PROVIDER_VERSION="4.6.1"
export AIRFLOW_VENV="${AIRFLOW_VENV:-$HOME/.cache/txclass/airflow-venv}"
export AIRFLOW_HOME="${AIRFLOW_HOME:-$TXCLASS_STACK_DIR/airflow}"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DAGS_FOLDER="$TXCLASS_ROOT/airflow/dags"

airflow_install() {
    local want="apache-airflow==$AIRFLOW_VERSION apache-airflow-providers-docker==$DOCKER_PROVIDER_VERSION"
    if [ -x "$AIRFLOW_VENV/bin/python" ] && [ -f "$AIRFLOW_VENV/.txclass-installed" ] \
        && [ "$(cat "$AIRFLOW_VENV/.txclass-installed")" = "$want" ]; then
        return 0
    fi
    command -v python3 >/dev/null || apt_install python3 python3-venv
    python3 -m venv "$AIRFLOW_VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$AIRFLOW_VENV"; }
    say "installing Airflow $AIRFLOW_VERSION into $AIRFLOW_VENV (pip)"
    # shellcheck disable=SC2086
    "$AIRFLOW_VENV/bin/pip" install -q $want pytest ruff >&2
    echo "$want" >"$AIRFLOW_VENV/.txclass-installed"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then return 0; fi
case "${1:-}" in
    install) airflow_install ;;
    env) echo "export AIRFLOW_HOME=$AIRFLOW_HOME PATH=$AIRFLOW_VENV/bin:\$PATH" ;;
    *) echo "usage: $0 install|env" >&2; exit 2 ;;
esac
