import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileResult } from './hash-entry.ts';
import type { WalkEntry } from './walk.ts';

type Reply = { id: number; result?: FileResult; error?: string };

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

  constructor(size = availableParallelism()) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(new URL('./hash-worker-entry.mjs', import.meta.url));
      const slot = { worker, busy: 0 };
      worker.on('message', (r: Reply) => {
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
      this.workers.push(slot);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  hash(entry: WalkEntry, secondsPerHash: number): Promise<FileResult> {
    const id = this.nextId++;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, entry, secondsPerHash });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
