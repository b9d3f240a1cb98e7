#!/bin/bash
# POST /api/v1/tips, two checkouts side by side (issue 11): each round runs bench/tips.bench.ts (the server on
# loopback, the load generator in its own process, triage included, no import) in the baseline checkout and in
# this one, alternately, each on a fresh database, and prints one JSON line per run: reports/s, p50/p99, CPU per
# report of the server, the load generator and the PostgreSQL backends, statements per report, load average.
# On a shared machine read the CPU per report and the ratios of the pairs, not the rates alone.
#
#   bench/tips-intake-side-by-side.sh BASELINE_CHECKOUT [ROUNDS=3] [SECONDS=20] [CLIENTS=32] [PREFIX=amaan_tips_api]
set -euo pipefail
BASE=$1; ROUNDS=${2:-3}; SECS=${3:-20}; CLIENTS=${4:-32}; PREFIX=${5:-amaan_tips_api}
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mktemp -d)
for r in $(seq 1 "$ROUNDS"); do
  for side in baseline this; do
    dir=$([ "$side" = baseline ] && echo "$BASE" || echo "$HERE")
    (cd "$dir" && node --import tsx bench/tips.bench.ts --seconds "$SECS" --clients "$CLIENTS" --import 0 \
      --db "${PREFIX}_${side}" --json "$OUT/$side.json" >/dev/null 2>&1)
    echo "{\"round\":$r,\"side\":\"$side\",\"intake\":$(node -e "process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync('$OUT/$side.json','utf8')).intake))")}"
    psql -h 127.0.0.1 -U postgres -qAt -c "DROP DATABASE IF EXISTS ${PREFIX}_${side}" 2>/dev/null || true
  done
done
rm -rf "$OUT"
