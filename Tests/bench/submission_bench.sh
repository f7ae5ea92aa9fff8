#!/usr/bin/env bash
# Durable SubmitDossier throughput (issue 4): release builds of submission-server and submission-bench, a catalog
# (catalog-server when the build has a working one, else the stand-in Tests/interop/fake_catalog.py), both on free
# 127.0.0.1 ports with temporary data folders; then --concurrency callers (default 64) submit new dossiers back to
# back for --duration seconds. Every acknowledged call is a dossier committed with fsync (WAL, synchronous=FULL).
#
# Usage: Tests/bench/submission_bench.sh [--duration 10] [--warmup 2] [--concurrency 64] [--connections 2] [--no-build]
# Env:   SWIFT (swift), SWIFTPM_FLAGS, RELEASE_FLAGS (extra `swift build -c release` flags), PYTHON (.venv/bin/python),
#        BENCH_DATA_DIR (where the submission database goes; default a temporary folder, removed afterwards)
# Output: one summary line (also saved to .build/bench/submission-latest.txt); exit 1 if any call failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SWIFT="${SWIFT:-swift}"
SWIFTPM_FLAGS="${SWIFTPM_FLAGS:-}"
RELEASE_FLAGS="${RELEASE_FLAGS:-}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
DURATION=10 WARMUP=2 CONCURRENCY=64 CONNECTIONS=2 BUILD=1
PROCEDURE="DEMO-HT-X001"
UNITS="03162,03157,03154"

while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "submission_bench: unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck disable=SC2086
if [ "$BUILD" = 1 ]; then
  for product in submission-server submission-bench catalog-server; do
    "$SWIFT" build $SWIFTPM_FLAGS -c release $RELEASE_FLAGS --product "$product"
  done
fi
# shellcheck disable=SC2086
BIN="$("$SWIFT" build $SWIFTPM_FLAGS -c release $RELEASE_FLAGS --show-bin-path)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/motcua-submission-bench.XXXXXX")"
DATA_DIR="${BENCH_DATA_DIR:-$WORK/submission}"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wait_for LOG PATTERN PID: until the log has the line, or fail if the process died or 60 s passed.
wait_for() {
  for _ in $(seq 1 600); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

CATALOG_PORT="$(free_port)"
"$BIN/catalog-server" --port "$CATALOG_PORT" --data-dir "$WORK/catalog" >"$WORK/catalog.log" 2>&1 &
PIDS+=($!)
if wait_for "$WORK/catalog.log" "is SERVING" "${PIDS[-1]}"; then
  CATALOG="catalog-server"
else
  echo "submission_bench: $BIN/catalog-server does not serve; using the stand-in catalog" >&2
  "$PYTHON" Tests/interop/fake_catalog.py --port "$CATALOG_PORT" >"$WORK/catalog.log" 2>&1 &
  PIDS+=($!)
  wait_for "$WORK/catalog.log" "serving on" "${PIDS[-1]}" || { cat "$WORK/catalog.log" >&2; exit 1; }
  CATALOG="stand-in catalog"
fi

PORT="$(free_port)"
"$BIN/submission-server" --port "$PORT" --data-dir "$DATA_DIR" --catalog "127.0.0.1:$CATALOG_PORT" --log-level warning \
  >"$WORK/submission.log" 2>&1 &
PIDS+=($!)
SERVER_PID="${PIDS[-1]}"
# Health is SERVING once the catalog cache is warm; at log level warning the notice is not printed, so poll health.
for _ in $(seq 1 300); do
  if "$PYTHON" - "$PORT" <<'PY' 2>/dev/null; then break; fi
import sys, grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
with grpc.insecure_channel(f"127.0.0.1:{sys.argv[1]}") as channel:
    reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=1)
sys.exit(0 if reply.status == health_pb2.HealthCheckResponse.SERVING else 1)
PY
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/submission.log" >&2; exit 1; }
  sleep 0.2
done

echo "submission_bench: submission-server (release, pid $SERVER_PID) with $CATALOG; $CONCURRENCY callers, ${DURATION} s" \
  "after ${WARMUP} s of warm-up; $(nproc) cores"
mkdir -p .build/bench
set +e
"$BIN/submission-bench" --target "127.0.0.1:$PORT" --concurrency "$CONCURRENCY" --connections "$CONNECTIONS" \
  --duration "$DURATION" --warmup "$WARMUP" --procedure "$PROCEDURE" --units "$UNITS" | tee .build/bench/submission-latest.txt
status=${PIPESTATUS[0]}
set -e
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "submission_bench: submission-server died" >&2
  cat "$WORK/submission.log" >&2
  exit 1
fi
exit "$status"
