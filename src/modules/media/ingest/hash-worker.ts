// Worker thread of the ingest pool: hashes the entries it is sent, one message per file. Digests and
// sniffing run here; pictures are decoded by this thread's own sandboxed decoder process, videos by
// sandboxed ffmpeg runs (src/pdq/sandbox/).
import { parentPort } from 'node:worker_threads';
import { ImageDecoderPool, setDefaultImageDecoder } from '../../../pdq/sandbox/decoder-pool.ts';
import { hashEntry } from './hash-entry.ts';
import type { WalkEntry } from './walk.ts';

// One decoder process per worker (the pool has one worker per core), started while the folder is counted.
const decoder = new ImageDecoderPool({ size: 1 });
setDefaultImageDecoder(decoder);
decoder.warm();
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (msg: { id: number; entry: WalkEntry; secondsPerHash: number }) => {
  void hashEntry(msg.entry, msg.secondsPerHash).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (err: unknown) => parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
