#!/usr/bin/env bash
# The statistics benchmark (issue 5): builds statistics-bench in release mode and runs it.
#
#   1. generates 10 million dossiers over 2022–2023 in 129 communes directly into a statistics store
#      (.build/bench/statistics/statistics.sqlite, about 1.5 GB; reused by later runs: --regenerate to redo it);
#   2. measures GetReport for the province over one year (2023) by commune (goal < 50 ms), and the other
#      report RPCs, in the handler and over gRPC on loopback;
#   3. measures feed catch-up (goal >= 100,000 events/s): events of new dossiers decoded and applied in
#      batches (each batch one transaction with the cursor), and FeedConsumer reading a StreamEvents server
#      over HTTP/2.
#
# Usage: Tests/bench/statistics-bench.sh [statistics-bench options]   e.g. --dossiers 1000000 --runs 10
# The output is also written to .build/bench/statistics-latest.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SWIFT="${SWIFT:-swift}"

echo "== building statistics-bench (release)"
$SWIFT build ${SWIFTPM_FLAGS:-} -c release --product statistics-bench
bin="$($SWIFT build ${SWIFTPM_FLAGS:-} -c release --show-bin-path)"
mkdir -p .build/bench
echo "== running $bin/statistics-bench $*"
"$bin/statistics-bench" --data-dir .build/bench/statistics "$@" | tee .build/bench/statistics-latest.txt
