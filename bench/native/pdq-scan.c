// Native ceiling for PDQ matching (issue 14): a blocked brute-force scan in C. The database is walked in
// cache-sized blocks and every query of the batch runs over a block before the next block, so each block
// is read from memory once per batch. Full 256-bit distance for every pair (4 x popcount64, which
// gcc -O3 -march=native vectorises with AVX-512 VPOPCNTQ where the CPU has it). Exact, like Amaan's scan.
//
//   cc -O3 -march=native -pthread -o pdq-scan bench/native/pdq-scan.c
//   pdq-scan DB.txt QUERIES.txt RADIUS THREADS [BLOCK_HASHES]
//
// Files: one 64-hex PDQ hash per line (the format of `amaan match`). Prints one JSON line: queries,
// hashes, matches, an order-independent digest of the (query, match, distance) set (same formula as
// bench/pdq-scan.bench.ts) and the scan's wall and CPU seconds (reading the files is not timed).
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { uint64_t w[4]; } hash_t;

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Bytes in text order; the distance does not depend on how bits are laid out, as long as both sides agree.
static hash_t *read_hashes(const char *path, size_t *count) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  size_t cap = 1 << 16, n = 0;
  hash_t *h = malloc(cap * sizeof *h);
  char line[256];
  size_t lineno = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    size_t len = strcspn(line, "\r\n");
    if (len == 0) continue;
    if (len != 64) { fprintf(stderr, "%s:%zu: expected 64 hex characters\n", path, lineno); exit(2); }
    if (n == cap) { cap *= 2; h = realloc(h, cap * sizeof *h); }
    uint8_t *b = (uint8_t *)h[n].w;
    for (int i = 0; i < 32; i++) {
      int hi = hexval(line[2 * i]), lo = hexval(line[2 * i + 1]);
      if (hi < 0 || lo < 0) { fprintf(stderr, "%s:%zu: not hex\n", path, lineno); exit(2); }
      b[i] = (uint8_t)(hi << 4 | lo);
    }
    n++;
  }
  fclose(f);
  *count = n;
  return h;
}

static uint64_t mix(uint64_t x) { // splitmix64 finaliser
  x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27; x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

typedef struct {
  const hash_t *db, *q;
  size_t db_from, db_to, nq, block;
  int radius;
  uint64_t matches, digest;
} job_t;

static void *scan(void *arg) {
  job_t *j = arg;
  const hash_t *db = j->db, *q = j->q;
  uint64_t matches = 0, digest = 0;
  for (size_t b0 = j->db_from; b0 < j->db_to; b0 += j->block) {
    size_t b1 = b0 + j->block < j->db_to ? b0 + j->block : j->db_to;
    for (size_t k = 0; k < j->nq; k++) {
      const uint64_t q0 = q[k].w[0], q1 = q[k].w[1], q2 = q[k].w[2], q3 = q[k].w[3];
      for (size_t i = b0; i < b1; i++) {
        int d = __builtin_popcountll(db[i].w[0] ^ q0) + __builtin_popcountll(db[i].w[1] ^ q1) +
                __builtin_popcountll(db[i].w[2] ^ q2) + __builtin_popcountll(db[i].w[3] ^ q3);
        if (d <= j->radius) {
          matches++;
          digest += mix(((uint64_t)k << 40) ^ ((uint64_t)i << 9) ^ (uint64_t)d);
        }
      }
    }
  }
  j->matches = matches;
  j->digest = digest;
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 5) { fprintf(stderr, "usage: %s DB.txt QUERIES.txt RADIUS THREADS [BLOCK_HASHES]\n", argv[0]); return 2; }
  size_t n, nq;
  hash_t *db = read_hashes(argv[1], &n);
  hash_t *q = read_hashes(argv[2], &nq);
  int radius = atoi(argv[3]), threads = atoi(argv[4]);
  // Default block: 256 KiB of hashes, half of this CPU's 512 KiB L2, so a block stays cached for the batch.
  size_t block = argc > 5 ? (size_t)atol(argv[5]) : 8192;
  if (threads < 1 || threads > 64 || block < 1) { fprintf(stderr, "bad THREADS or BLOCK\n"); return 2; }
  job_t jobs[64];
  pthread_t tid[64];
  struct timespec t0, t1, c0, c1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
  // Threads split the database (each thread keeps every query over its own blocks).
  for (int t = 0; t < threads; t++) {
    jobs[t] = (job_t){ db, q, n * t / threads, n * (t + 1) / threads, nq, block, radius, 0, 0 };
    pthread_create(&tid[t], NULL, scan, &jobs[t]);
  }
  uint64_t matches = 0, digest = 0;
  for (int t = 0; t < threads; t++) {
    pthread_join(tid[t], NULL);
    matches += jobs[t].matches;
    digest += jobs[t].digest;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
  double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  double cpu = (c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9;
  printf("{\"queries\":%zu,\"hashes\":%zu,\"threads\":%d,\"block\":%zu,\"matches\":%llu,\"digest\":\"%016llx\",\"seconds\":%.6f,\"cpu_seconds\":%.6f}\n",
         nq, n, threads, block, (unsigned long long)matches, (unsigned long long)digest, secs, cpu);
  free(db);
  free(q);
  return 0;
}
