#!/bin/bash
# `amaan tips import`'s path, two checkouts side by side on the same synthetic file (issue 11): each round runs
# bench/tips-import.bench.ts in the baseline checkout and in this one, alternately, each on a fresh database, and
# prints one JSON line per run (wall time, reports/s, CPU per report of Node and of the PostgreSQL backends, load
# average before and after). The baseline runs with the options its CLI used by default (BASE_OPTS, default
# `--concurrency 256`), this checkout with its CLI's defaults (THIS_OPTS, default none).
#
#   bench/tips-import-side-by-side.sh BASELINE_CHECKOUT [ROUNDS=3] [REPORTS=10000] [PREFIX=amaan_tips_imp]
#
# BASELINE_CHECKOUT needs this checkout's bench/tips-import.bench.ts copied into its bench/ if it has none.
set -euo pipefail
BASE=$1; ROUNDS=${2:-3}; REPORTS=${3:-10000}; PREFIX=${4:-amaan_tips_imp}
BASE_OPTS=${BASE_OPTS:---concurrency 256}; THIS_OPTS=${THIS_OPTS:-}
HERE=$(cd "$(dirname "$0")/.." && pwd)
for r in $(seq 1 "$ROUNDS"); do
  for side in baseline this; do
    dir=$([ "$side" = baseline ] && echo "$BASE" || echo "$HERE")
    opts=$([ "$side" = baseline ] && echo "$BASE_OPTS" || echo "$THIS_OPTS")
    # shellcheck disable=SC2086
    out=$(cd "$dir" && node --import tsx bench/tips-import.bench.ts --reports "$REPORTS" --db "${PREFIX}_${side}" $opts 2>/dev/null | tail -1)
    echo "{\"round\":$r,\"side\":\"$side\",\"result\":$out}"
  done
done
