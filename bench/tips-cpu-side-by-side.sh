#!/bin/bash
# PostgreSQL's CPU time and WAL per report of tip intake, two checkouts side by side on the same grown database
# (issue 11). Each round copies the template database once per checkout (CREATE DATABASE ... TEMPLATE), files the
# same number of synthetic reports into it with bench/tips-explain.ts --plain (importReports, 64 at a time), prints
# the backends' CPU per report and this database's WAL per report, and drops the copy. Checkouts alternate.
#
#   bench/tips-cpu-side-by-side.sh BASELINE_CHECKOUT TEMPLATE_DB [ROUNDS=3] [REPORTS=2048] [PREFIX=amaan_tips_cmp]
#
# The template: a database filled by the intake benchmark, e.g. (from the baseline's checkout, so that its
# migrations are the baseline's; the other checkout migrates its copy at start):
#   node --import tsx bench/tips.bench.ts --seconds 5 --import 30000 --concurrency 256 --db amaan_tips_grown
# BASELINE_CHECKOUT needs this script's bench/tips-explain.ts copied into its bench/ if it has none.
set -euo pipefail
BASE=$1; TPL=$2; ROUNDS=${3:-3}; REPORTS=${4:-2048}; PREFIX=${5:-amaan_tips_cmp}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PSQL=(psql -h 127.0.0.1 -U postgres -qAt)
for r in $(seq 1 "$ROUNDS"); do
  for side in baseline this; do
    dir=$([ "$side" = baseline ] && echo "$BASE" || echo "$HERE")
    db=${PREFIX}_${side}
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE $TPL" 2>/dev/null
    l0=$(cut -d' ' -f1 /proc/loadavg)
    out=$(cd "$dir" && node --import tsx bench/tips-explain.ts --db "$db" --reports "$REPORTS" --plain 2>/dev/null)
    l1=$(cut -d' ' -f1 /proc/loadavg)
    echo "round $r $side load $l0-$l1 $(echo "$out" | head -1) $(echo "$out" | grep -E '^WAL' | head -1)"
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db" 2>/dev/null
  done
done
