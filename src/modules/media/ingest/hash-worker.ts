// Worker thread of the ingest pool: hashes the entries it is sent, one message per file. Digests and
// sniffing run here; pictures are decoded by this thread's own sandboxed decoder process, videos by
// sandboxed ffmpeg runs (src/pdq/sandbox/).
import { readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { timingEnabled } from '../../../platform/timing.ts';
import { ImageDecoderPool, setDefaultImageDecoder } from '../../../pdq/sandbox/decoder-pool.ts';
import { adoptDecoderIsolation, type Isolation } from '../../../pdq/sandbox/sandbox.ts';
import { adoptFfmpegVersion } from '../../../pdq/vpdq/ffmpeg-path.ts';
import { hashEntry } from './hash-entry.ts';
import type { WalkEntry } from './walk.ts';

/**
 * Files in hand at once in this thread: it reads and digests one at a time (synchronously, syncIo), and the others
 * are pictures waiting for this thread's decoder process, so the decoder always has the next one.
 */
const ACTIVE = 4;

type Job = { id: number; entry: WalkEntry; secondsPerHash: number };
export type DecoderFacts = { isolation: { key: string; isolation: Isolation } | null; ffmpeg: { ffmpeg: string; version: [number, number] | null } | null };

// One decoder process per worker (the pool has one worker per core), started while the folder is counted.
const decoder = new ImageDecoderPool({ size: 1 });
setDefaultImageDecoder(decoder);
// The pool's shared queue (hash-pool.ts): [0] the next file number to claim, [1] how many files are posted.
const counters = (workerData as { counters?: Int32Array } | null)?.counters ?? new Int32Array(new SharedArrayBuffer(8));
// Every file posted, in number order, until some worker claims it; files this thread claimed before their message came.
const posted: Job[] = [];
const owed = new Set<number>();
let active = 0;
let factsIn = false;

/** Claims the next unclaimed file number, or returns -1 when every posted file is claimed. */
function claim(): number {
  for (;;) {
    const n = Atomics.load(counters, 0);
    if (n >= Atomics.load(counters, 1)) return -1;
    if (Atomics.compareExchange(counters, 0, n, n + 1) === n) return n;
  }
}

function start(msg: Job): void {
  active++;
  void hashEntry(msg.entry, msg.secondsPerHash).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (err: unknown) => parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) }),
  ).finally(() => {
    active--;
    next();
  });
}

function next(): void {
  while (factsIn && active + owed.size < ACTIVE) {
    const n = claim();
    if (n < 0) break;
    // Files below n are claimed (by this thread or another): this thread forgets them.
    while (posted.length && posted[0]!.id < n) posted.shift();
    if (posted[0]?.id === n) start(posted.shift()!);
    else owed.add(n); // posted, but its message is still on its way to this thread
  }
}

parentPort!.on('message', (msg: Job | { facts: DecoderFacts }) => {
  if ('facts' in msg) {
    // The main thread's sandbox check and `ffmpeg -version` (run once, without blocking): this thread
    // takes them instead of running both again with spawnSync, which would stop it for a moment.
    adoptDecoderIsolation(msg.facts.isolation);
    adoptFfmpegVersion(msg.facts.ffmpeg);
    factsIn = true;
    decoder.warm();
    parentPort!.postMessage({ ready: true, tid: timingEnabled() ? threadId() : undefined });
    next();
    return;
  }
  if (owed.delete(msg.id)) start(msg);
  else if (msg.id >= Atomics.load(counters, 0)) posted.push(msg); // else another thread has it already
  // Forget what the other threads claimed meanwhile (this thread may be busy with one long file for a while).
  const claimed = Atomics.load(counters, 0);
  while (posted.length && posted[0]!.id < claimed) posted.shift();
  next();
});

/** This thread's kernel id (Linux), so a per-thread profile (bench/thread-timeline.ts) can tell the workers apart. */
function threadId(): number | undefined {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || undefined;
  } catch {
    return undefined;
  }
}
