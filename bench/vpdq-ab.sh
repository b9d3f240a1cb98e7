#!/bin/bash
# Interleaved A/B of `amaan vpdq` on one video (session 10): per round one fresh process each of an old precompiled
# CLI, a new one and the reference vpdq-hash-video (-t 1), each under bench/native/cpu-time.c (CPU of every process
# below it, the sandboxed ffmpeg included); prints the medians (min-max) of CPU ms and checks old = new output.
#
#   bench/vpdq-ab.sh CPU_TIME OLD_CLI_DIR NEW_CLI_DIR REF_BINARY VIDEO ROUNDS
#
# CPU_TIME: bench/native/cpu-time.c built (cc -O2 -o cpu-time bench/native/cpu-time.c). *_CLI_DIR: a precompiled CLI
# (node_modules/.cache/amaan-cli/<hash> of a checkout, copied aside so a later build does not delete it).
set -euo pipefail
TIMER=$1 OLD=$2 NEW=$3 REF=$4 V=$5 N=$6
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for i in $(seq "$N"); do
  AMAAN_COMPILED_DIR=$OLD "$TIMER" "$T/to" node "$OLD/main.js" vpdq -r 0 --format text "$V" > "$T/out-old.txt"
  AMAAN_COMPILED_DIR=$NEW "$TIMER" "$T/tn" node "$NEW/main.js" vpdq -r 0 --format text "$V" > "$T/out-new.txt"
  "$TIMER" "$T/tr" "$REF" -i "$V" -o "$T/out-ref.txt" -r 0 -t 1
  cmp -s "$T/out-old.txt" "$T/out-new.txt" || echo "round $i: old and new outputs differ"
  echo "$(tail -1 "$T/to") | $(tail -1 "$T/tn") | $(tail -1 "$T/tr")"
done | awk '/differ/ {print; next} {o[++k]=($2+$3)*1000; n[k]=($6+$7)*1000; r[k]=($10+$11)*1000}
  END {asort(o); asort(n); asort(r); m=int((k+1)/2);
    printf "CPU ms, median (min-max) of %d rounds: old %.0f (%.0f-%.0f)  new %.0f (%.0f-%.0f)  reference -t 1 %.0f (%.0f-%.0f)  new/old %.2f  reference/new %.2f\n",
      k, o[m], o[1], o[k], n[m], n[1], n[k], r[m], r[1], r[k], n[m]/o[m], r[m]/n[m]}'
