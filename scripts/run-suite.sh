#!/usr/bin/env bash
# Runs the MotCua suite in the foreground: catalog-server, submission-server and statistics-server as three processes
# on one host, each with its own SQLite database under one data directory. Loads the DEMO province the first time
# (`motcua demo load`), waits until statistics has applied the whole event feed, prints the article's picture and how
# to call the services, then runs until Ctrl-C (or SIGTERM), which stops the three servers gracefully.
#
# `make run` builds the release executables and calls this script; the end-to-end test (Tests/interop/
# test_demo_suite.py) calls it with debug executables, free ports and a temporary data directory.
#
# Options (each also from the environment variable in brackets; options win):
#   --bin-dir DIR          folder with the executables [MOTCUA_BIN_DIR] (default .build/release)
#   --data-dir DIR         data directory [MOTCUA_DATA_DIR] (default ./data): catalog/, submission/, statistics/
#                          (one SQLite database each), logs/ (one log per server), .demo-loaded (the marker)
#   --host HOST            address the servers listen on [MOTCUA_HOST] (default 127.0.0.1)
#   --catalog-port N       [MOTCUA_CATALOG_PORT] (default 50051)
#   --submission-port N    [MOTCUA_SUBMISSION_PORT] (default 50052)
#   --statistics-port N    [MOTCUA_STATISTICS_PORT] (default 50053)
#   --log-level LEVEL      servers' log level [MOTCUA_LOG_LEVEL] (default info)
#   --no-demo              never load the demo province
#
# Exit status: 0 after a clean stop (every server exited 0 after SIGTERM); 1 when a server failed to start, died, or
# did not stop cleanly, or the demo could not be loaded.
set -euo pipefail

bin_dir="${MOTCUA_BIN_DIR:-.build/release}"
data_dir="${MOTCUA_DATA_DIR:-./data}"
host="${MOTCUA_HOST:-127.0.0.1}"
catalog_port="${MOTCUA_CATALOG_PORT:-50051}"
submission_port="${MOTCUA_SUBMISSION_PORT:-50052}"
statistics_port="${MOTCUA_STATISTICS_PORT:-50053}"
log_level="${MOTCUA_LOG_LEVEL:-info}"
load_demo=1

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --bin-dir) bin_dir="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    --catalog-port) catalog_port="$2"; shift 2 ;;
    --submission-port) submission_port="$2"; shift 2 ;;
    --statistics-port) statistics_port="$2"; shift 2 ;;
    --log-level) log_level="$2"; shift 2 ;;
    --no-demo) load_demo=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-suite: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { echo "run-suite: $*"; }
fail() { echo "run-suite: $*" >&2; exit 1; }

for name in catalog-server submission-server statistics-server motcua; do
  [ -x "$bin_dir/$name" ] || fail "$bin_dir/$name is missing: build first (make build), or give --bin-dir"
done
bin_dir="$(cd "$bin_dir" && pwd)"
mkdir -p "$data_dir/logs"
data_dir="$(cd "$data_dir" && pwd)"
marker="$data_dir/.demo-loaded"

catalog="$host:$catalog_port"
submission="$host:$submission_port"
statistics="$host:$statistics_port"
# The CLI reaches the servers through these (its defaults are the default ports).
export MOTCUA_CATALOG_ADDRESS="$catalog" MOTCUA_SUBMISSION_ADDRESS="$submission" MOTCUA_STATISTICS_ADDRESS="$statistics"
motcua="$bin_dir/motcua"

port_in_use() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }
for port in "$catalog_port" "$submission_port" "$statistics_port"; do
  if port_in_use "$port"; then
    fail "something already listens on $host:$port (another make run?); stop it or choose other ports (make run CATALOG_PORT=... SUBMISSION_PORT=... STATISTICS_PORT=...)"
  fi
done

# ---------------------------------------------------------------------------------------------
# the three servers: each in its own session (Ctrl-C reaches this script only; it stops them in order)

names=(statistics submission catalog)   # stop order: consumers first
declare -A pids=()
declare -A logs=()

start_server() {  # name, then the command line
  local name="$1"; shift
  logs[$name]="$data_dir/logs/$name.log"
  echo "==== $(date -u +%Y-%m-%dT%H:%M:%SZ) run-suite starts: $*" >> "${logs[$name]}"
  setsid "$@" >> "${logs[$name]}" 2>&1 < /dev/null &
  pids[$name]=$!
}

stopping=0
stop_all() {  # SIGTERM each server still running, wait for it (KILL after 20 s); sets stop_status
  stop_status=0
  local name pid code waited
  for name in "${names[@]}"; do
    pid="${pids[$name]:-}"
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      waited=0
      while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 200 ]; do sleep 0.1; waited=$((waited + 1)); done
      if kill -0 "$pid" 2>/dev/null; then
        say "$name-server did not stop within 20 s: killed"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    code=0
    wait "$pid" 2>/dev/null || code=$?
    if [ "$code" -ne 0 ]; then
      say "$name-server exited with status $code (log: ${logs[$name]})"
      stop_status=1
    fi
    unset "pids[$name]"
  done
}

on_signal() {
  [ "$stopping" -eq 0 ] || return 0
  stopping=1
  echo
  say "stopping the three servers (SIGTERM)..."
  stop_all
  if [ "$stop_status" -eq 0 ]; then say "stopped; every server exited 0. Data kept in $data_dir"; fi
  exit "$stop_status"
}
trap on_signal INT TERM

die() {  # a failure while starting: show what failed, stop the others
  echo "run-suite: $*" >&2
  stopping=1
  stop_all
  exit 1
}

check_alive() {
  local name
  for name in "${names[@]}"; do
    if ! kill -0 "${pids[$name]}" 2>/dev/null; then
      echo "--- last lines of ${logs[$name]}:" >&2
      tail -n 20 "${logs[$name]}" >&2 || true
      die "$name-server exited while starting"
    fi
  done
}

fresh=0
[ -f "$marker" ] || fresh=1
started_at=$(date +%s%N)
elapsed() { local ms=$(( ($(date +%s%N) - started_at) / 1000000 )); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }
say "starting catalog $catalog, submission $submission, statistics $statistics; data in $data_dir"
start_server catalog "$bin_dir/catalog-server" --host "$host" --port "$catalog_port" \
  --data-dir "$data_dir/catalog" --log-level "$log_level"
start_server submission "$bin_dir/submission-server" --host "$host" --port "$submission_port" \
  --data-dir "$data_dir/submission" --catalog "$catalog" --log-level "$log_level"
start_server statistics "$bin_dir/statistics-server" --host "$host" --port "$statistics_port" \
  --data-dir "$data_dir/statistics" --catalog "$catalog" --submission "$submission" --log-level "$log_level"

# Health: all three SERVING (grpc.health.v1 Check through `motcua health`).
deadline=$(( $(date +%s) + 120 ))
until "$motcua" health --timeout 2 > /dev/null 2>&1; do
  check_alive
  [ "$(date +%s)" -lt "$deadline" ] || die "the servers did not all report SERVING within 120 s (logs in $data_dir/logs)"
  sleep 0.2
done
say "all three SERVING after $(elapsed)"

if [ "$load_demo" -eq 1 ] && [ "$fresh" -eq 1 ]; then
  say "first start on this data directory: loading the DEMO province through the public RPCs"
  "$motcua" demo load || die "motcua demo load failed"
  touch "$marker"
else
  [ "$fresh" -eq 1 ] || say "reusing the data in $data_dir (the demo was loaded before)"
  "$motcua" stats feed --wait > /dev/null || die "the statistics service did not catch up with the feed"
fi
check_alive
say "statistics has applied the whole feed; up in $(elapsed)"

# ---------------------------------------------------------------------------------------------
# the article's picture and how to call the services

echo
"$motcua" demo picture || die "motcua demo picture failed"
cli="$bin_dir/motcua"
case "$cli" in "$PWD"/*) cli="${cli#"$PWD"/}" ;; esac
env_prefix=""
if [ "$catalog" != "127.0.0.1:50051" ] || [ "$submission" != "127.0.0.1:50052" ] || [ "$statistics" != "127.0.0.1:50053" ]; then
  env_prefix="MOTCUA_CATALOG_ADDRESS=$catalog MOTCUA_SUBMISSION_ADDRESS=$submission MOTCUA_STATISTICS_ADDRESS=$statistics "
fi
cat <<EOF

Call the services from another shell (docs/cli.md lists every command):
  ${env_prefix}$cli stats report 11 --from 2022-01-01 --to 2022-02-16 --by child-unit
  ${env_prefix}$cli stats activity 11 --level commune --from 2022-01-01 --to 2022-02-16 --without-dossier
  ${env_prefix}$cli --json stats report 11 --from 2022-01-01 --to 2022-02-16
  ${env_prefix}$cli dossiers list --unit 03384 --limit 5
  ${env_prefix}$cli units search "tia dinh"
With grpcio (stubs generated from proto/ by grpc_tools; see README.md):
  .venv/bin/python scripts/grpcio_report.py --statistics $statistics --catalog $catalog

EOF
say "running: catalog $catalog (pid ${pids[catalog]}), submission $submission (pid ${pids[submission]}), statistics $statistics (pid ${pids[statistics]}); logs in $data_dir/logs. Ctrl-C stops them."

# Until a signal, or until a server dies on its own.
while true; do
  set +e
  wait -n "${pids[@]}"
  set -e
  [ "$stopping" -eq 0 ] || break
  for name in "${names[@]}"; do
    if ! kill -0 "${pids[$name]}" 2>/dev/null; then
      echo "--- last lines of ${logs[$name]}:" >&2
      tail -n 20 "${logs[$name]}" >&2 || true
      die "$name-server exited on its own"
    fi
  done
done
