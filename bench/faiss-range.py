#!/usr/bin/env python3
"""FAISS side of bench/pdq-match.bench.ts: exact binary range search with IndexBinaryFlat, one thread.

    /usr/bin/python3 bench/faiss-range.py HASHES QUERIES THRESHOLD REPS OUT

HASHES / QUERIES: raw 256-bit hashes, 32 bytes each, back to back (the TS side writes the bytes of
its Uint32Array words; Hamming distance is over all 256 bits, so any byte order used consistently for
both files gives the same distances). Every query is searched at THRESHOLD (inclusive).
OUT receives the results of the last repetition, little-endian, in FAISS's range-search layout:
  int64 lims[nq + 1], then int64 ids[lims[nq]], then int32 distances[lims[nq]]
(the matches of query q are [lims[q], lims[q+1])). The last stdout line is JSON: FAISS version,
threads, build (index.add) and search timings, best of REPS repetitions, wall via time.perf_counter,
CPU via time.process_time.

FAISS range_search keeps distances STRICTLY below the radius (checked on a tiny example: radius 1
returns only distance 0), so the radius passed is THRESHOLD + 1.
"""
import json
import sys
import time

import faiss
import numpy as np

D_BITS = 256
D_BYTES = D_BITS // 8


def clock(f):
    c0, t0 = time.process_time(), time.perf_counter()
    value = f()
    return value, time.perf_counter() - t0, time.process_time() - c0


def main():
    hashes, queries_file, threshold, reps, out = sys.argv[1:6]
    threshold, reps = int(threshold), max(1, int(reps))
    faiss.omp_set_num_threads(1)
    hay = np.fromfile(hashes, dtype=np.uint8).reshape(-1, D_BYTES)
    queries = np.fromfile(queries_file, dtype=np.uint8).reshape(-1, D_BYTES)

    index = faiss.IndexBinaryFlat(D_BITS)
    build_wall = build_cpu = float("inf")
    for r in range(reps):
        if r:
            index.reset()
        _, wall, cpu = clock(lambda: index.add(hay))
        build_wall, build_cpu = min(build_wall, wall), min(build_cpu, cpu)
    del hay  # the index holds its own copy

    radius = threshold + 1  # strictly below the radius: d < t + 1 <=> d <= t
    best_wall = best_cpu = float("inf")
    for _ in range(reps):
        (lims, dist, ids), wall, cpu = clock(lambda: index.range_search(queries, radius))
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    with open(out, "wb") as f:
        f.write(np.asarray(lims, dtype="<i8").tobytes())
        f.write(np.asarray(ids, dtype="<i8").tobytes())
        f.write(np.asarray(dist, dtype="<i4").tobytes())

    print(json.dumps({"version": faiss.__version__, "compile_options": faiss.get_compile_options(),
                      "threads": faiss.omp_get_max_threads(),
                      "hashes": int(index.ntotal), "queries": len(queries), "threshold": threshold,
                      "matches": int(lims[-1]), "wall": best_wall, "cpu": best_cpu,
                      "build_wall": build_wall, "build_cpu": build_cpu}))


if __name__ == "__main__":
    main()
