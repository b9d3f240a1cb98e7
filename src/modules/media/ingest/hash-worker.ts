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
import { QueueTaker, sharedCounters } from './shared-queue.ts';

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
// The pool's shared queue (shared-queue.ts): this thread claims files from it as it has room.
const counters = (workerData as { counters?: Int32Array } | null)?.counters ?? sharedCounters();
const queue = new QueueTaker<Job>(counters, ACTIVE, async (msg) => {
  // Every file claimed is answered, one way or the other: the pool waits for each.
  try {
    parentPort!.postMessage({ id: msg.id, result: await hashEntry(msg.entry, msg.secondsPerHash) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});

parentPort!.on('message', (msg: Job | { facts: DecoderFacts }) => {
  if ('facts' in msg) {
    // The main thread's sandbox check and `ffmpeg -version` (run once, without blocking): this thread
    // takes them instead of running both again with spawnSync, which would stop it for a moment.
    adoptDecoderIsolation(msg.facts.isolation);
    adoptFfmpegVersion(msg.facts.ffmpeg);
    decoder.warm();
    parentPort!.postMessage({ ready: true, tid: timingEnabled() ? threadId() : undefined });
    queue.start();
    return;
  }
  queue.arrived(msg);
});

/** This thread's kernel id (Linux), so a per-thread profile (bench/thread-timeline.ts) can tell the workers apart. */
function threadId(): number | undefined {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || undefined;
  } catch {
    return undefined;
  }
}
