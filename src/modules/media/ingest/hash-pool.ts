import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileResult } from './hash-entry.ts';
import { markPhase } from '../../../platform/timing.ts';
import type { WalkEntry } from './walk.ts';
import type { DecoderFacts } from './hash-worker.ts';
import { knownDecoderIsolation, primeDecoderIsolation } from '../../../pdq/sandbox/sandbox.ts';
import { knownFfmpegVersion, primeVideoTools } from '../../../pdq/vpdq/ffmpeg-path.ts';

type Reply = { id: number; result?: FileResult; error?: string } | { ready: true };

/**
 * Hashing runs on worker threads, one per core, so digests and PDQ use every core while the main thread
 * walks, matches and writes to the database. Workers load the TypeScript sources through tsx. Neither
 * the main thread nor the workers parse seized pictures or videos: each worker hands them to its sandboxed
 * decoder process (src/pdq/sandbox/).
 */
export class HashPool {
  private readonly workers: Array<{ worker: Worker; busy: number }> = [];
  private readonly pending = new Map<number, { resolve: (r: FileResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closing = false;

  /** `script`: the worker's entry (tests pass another to make a worker die). */
  constructor(size = availableParallelism(), script: URL = new URL('./hash-worker-entry.mjs', import.meta.url)) {
    const started = performance.now();
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(script);
      const slot = { worker, busy: 0 };
      worker.on('message', (r: Reply) => {
        // Sent once its modules are loaded and its decoder process started (AMAAN_TIMING).
        if ('ready' in r) return markPhase(`hash worker ${i + 1} ready`, started);
        slot.busy--;
        const p = this.pending.get(r.id);
        if (!p) return;
        this.pending.delete(r.id);
        if (r.result) p.resolve(r.result);
        else p.reject(new Error(r.error ?? 'hash worker failed'));
      });
      worker.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      // A worker that ends by itself (killed, out of memory) would leave its files unanswered and the ingest
      // waiting for ever with its job 'running': fail them, so the ingest stops and marks its job failed.
      worker.on('exit', (code) => {
        if (this.closing) return;
        const err = new Error(`a hash worker stopped (exit code ${code})`);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        this.workers.splice(this.workers.indexOf(slot), 1);
      });
      this.workers.push(slot);
    }
    // The decoder checks (a sandboxed `true`, `ffmpeg -version`) run once here, without blocking, and the workers
    // take their answers: each would otherwise run both with spawnSync before its first picture or video.
    void Promise.all([primeDecoderIsolation(), primeVideoTools()]).catch(() => {}).then(() => {
      const facts: DecoderFacts = { isolation: knownDecoderIsolation(), ffmpeg: knownFfmpegVersion() };
      for (const w of this.workers) w.worker.postMessage({ facts });
    });
  }

  get size(): number {
    return this.workers.length;
  }

  hash(entry: WalkEntry, secondsPerHash: number): Promise<FileResult> {
    const id = this.nextId++;
    if (!this.workers.length) return Promise.reject(new Error('no hash worker left'));
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, entry, secondsPerHash });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
