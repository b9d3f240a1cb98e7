// Worker thread of the ingest pool: hashes the entries it is sent, one message per file. Digests and
// sniffing run here; pictures are decoded by this thread's own sandboxed decoder process, videos by
// sandboxed ffmpeg runs (src/pdq/sandbox/).
import { parentPort } from 'node:worker_threads';
import { ImageDecoderPool, setDefaultImageDecoder } from '../../../pdq/sandbox/decoder-pool.ts';
import { adoptDecoderIsolation, type Isolation } from '../../../pdq/sandbox/sandbox.ts';
import { adoptFfmpegVersion } from '../../../pdq/vpdq/ffmpeg-path.ts';
import { hashEntry } from './hash-entry.ts';
import type { WalkEntry } from './walk.ts';

/** Files hashed at once in this thread; the others wait here, in order, so the thread has work while the main thread is busy. */
const ACTIVE = 4;

type Job = { id: number; entry: WalkEntry; secondsPerHash: number };
export type DecoderFacts = { isolation: { key: string; isolation: Isolation } | null; ffmpeg: { ffmpeg: string; version: [number, number] | null } | null };

// One decoder process per worker (the pool has one worker per core), started while the folder is counted.
const decoder = new ImageDecoderPool({ size: 1 });
setDefaultImageDecoder(decoder);
const waiting: Job[] = [];
let active = 0;
let factsIn = false;

function next(): void {
  while (factsIn && active < ACTIVE && waiting.length) {
    const msg = waiting.shift()!;
    active++;
    void hashEntry(msg.entry, msg.secondsPerHash).then(
      (result) => parentPort!.postMessage({ id: msg.id, result }),
      (err: unknown) => parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) }),
    ).finally(() => {
      active--;
      next();
    });
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
    parentPort!.postMessage({ ready: true });
    next();
    return;
  }
  waiting.push(msg);
  next();
});
