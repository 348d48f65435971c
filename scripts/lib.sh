# Shared settings and helpers for the txclass scripts (sourced, not run).
# Everything the local stack keeps lives under $TXCLASS_STACK_DIR (ignored by git).

set -euo pipefail

TXCLASS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TXCLASS_STACK_DIR="${TXCLASS_STACK_DIR:-$TXCLASS_ROOT/.stack}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/txclass/target}"
export PATH="$HOME/.cargo/bin:$PATH"

# url_hostport URL: the host:port of a URL (scheme, credentials and path dropped).
url_hostport() { local h=${1#*://}; h=${h#*@}; echo "${h%%/*}"; }

# Local defaults (DESIGN.md); any of them may be set beforehand.
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/txclass}"
# The server the stack checks or starts is the one DATABASE_URL names.
_db_hostport=$(url_hostport "$DATABASE_URL")
export PGHOST_ADDR="${_db_hostport%%:*}"
if [ "$_db_hostport" != "${_db_hostport##*:}" ]; then export PGPORT="${_db_hostport##*:}"; else export PGPORT=5432; fi
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export KAFKA_TOPIC="${KAFKA_TOPIC:-transactions}"
export KAFKA_DLQ_TOPIC="${KAFKA_DLQ_TOPIC:-failed-transactions}"
export S3_ENDPOINT="${S3_ENDPOINT:-http://127.0.0.1:9000}"
export S3_BUCKET="${S3_BUCKET:-txclass}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-txclass}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-txclass-secret}"
export AWS_REGION="${AWS_REGION:-us-east-1}"
export ML_API_URL="${ML_API_URL:-http://127.0.0.1:8000}"
export ADMINER_ADDR="${ADMINER_ADDR:-127.0.0.1:8081}"
export PUSHGATEWAY_URL="${PUSHGATEWAY_URL:-http://127.0.0.1:9091}"
export CONSUMER_ADDR="${CONSUMER_ADDR:-127.0.0.1:9101}"

TANSU_VERSION="0.6.0"
CARGO_DENY_VERSION="0.20.2"
S3S_FS_VERSION="0.14.1"

RUN_DIR="$TXCLASS_STACK_DIR/run"
LOG_DIR="$TXCLASS_STACK_DIR/logs"
DATA_DIR="$TXCLASS_STACK_DIR/data"

# The database DATABASE_URL names, and the maintenance database on its server.
database_name() { local base=${DATABASE_URL%%\?*}; echo "${base##*/}"; }
admin_url() { local base=${DATABASE_URL%%\?*}; echo "${base%/*}/postgres"; }

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for NAME HOST PORT [SECONDS]
wait_for() {
    local name=$1 host=$2 port=$3 limit=${4:-60} waited=0
    until port_open "$host" "$port"; do
        sleep 0.5
        waited=$((waited + 1))
        if [ "$waited" -ge $((limit * 2)) ]; then
            die "$name did not answer on $host:$port within ${limit}s (log: $LOG_DIR/$name.log)"
        fi
    done
}

# pid_alive NAME: true when the process recorded for NAME runs.
pid_alive() {
    local f="$RUN_DIR/$1.pid"
    [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# start_bg NAME DIR CMD...: starts CMD in DIR in the background, logging and
# recording its pid, unless it already runs.
start_bg() {
    local name=$1 dir=$2
    shift 2
    mkdir -p "$RUN_DIR" "$LOG_DIR" "$dir"
    if pid_alive "$name"; then return 0; fi
    (cd "$dir" && exec setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null) &
    echo $! >"$RUN_DIR/$name.pid"
    # A caller that wants to stop only what it started names a file here.
    if [ -n "${TXCLASS_STARTED_FILE:-}" ]; then echo "$name" >>"$TXCLASS_STARTED_FILE"; fi
}

# stop_bg NAME: TERM, then KILL after 10 s, the process recorded for NAME.
stop_bg() {
    local name=$1 f="$RUN_DIR/$1.pid" pid
    [ -f "$f" ] || return 0
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
}

apt_updated=""
apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if [ -z "$apt_updated" ]; then
        $sudo apt-get update -qq >&2
        apt_updated=1
    fi
    say "installing ${missing[*]} (apt)"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# cargo_tool BINARY CRATE VERSION [cargo install args...]: installs a
# crates.io binary unless that version is installed.
cargo_tool() {
    local bin=$1 crate=$2 version=$3
    shift 3
    if cargo install --list 2>/dev/null | grep -q "^$crate v$version:"; then return 0; fi
    say "building $crate $version from crates.io (once; takes a while on 2 cores)"
    cargo install "$crate" --version "$version" --locked "$@" >&2
    command -v "$bin" >/dev/null || die "$bin was not installed"
}

# deny_advisories: checks the dependencies against the RustSec advisory
# database when it can be fetched (github.com); says so plainly when not.
deny_advisories() {
    if timeout 60 cargo deny --locked fetch db >/dev/null 2>&1; then
        cargo deny --locked check advisories
    elif ls -d "${CARGO_HOME:-$HOME/.cargo}"/advisory-dbs/*/crates >/dev/null 2>&1; then
        say "advisory database unreachable: checking against the copy fetched earlier"
        cargo deny --locked --offline check advisories
    else
        say "advisories NOT checked: the RustSec database (github.com/rustsec/advisory-db) cannot be fetched from this host"
    fi
}
