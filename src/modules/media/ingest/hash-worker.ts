// Worker thread of the ingest pool: hashes the entries it is sent, one message per file.
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { hashEntry } from './hash-entry.ts';
import type { WalkEntry } from './walk.ts';

// Parallelism comes from one worker per core; libvips threads of its own per picture would only contend.
// (libvips' thread count is per process; nothing else in Amaan decodes pictures, so setting it here is safe.)
sharp.concurrency(1);

parentPort!.on('message', (msg: { id: number; entry: WalkEntry; secondsPerHash: number }) => {
  void hashEntry(msg.entry, msg.secondsPerHash).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (err: unknown) => parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
