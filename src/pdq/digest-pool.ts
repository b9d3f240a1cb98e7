import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileDigest } from './file-digest.ts';

type Reply = { id: number; error?: string } & Partial<FileDigest>;
interface Pending {
  resolve: (d: FileDigest) => void;
  reject: (e: Error) => void;
}

export class DigestError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Digests files on worker threads so hashing uses every core while the main thread decodes images and
 * writes to the database. Each worker takes one file at a time; the least busy worker gets the next one.
 */
export class DigestPool {
  private readonly workers: Array<{ worker: Worker; busy: number }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(size = availableParallelism()) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(new URL('./digest-worker.mjs', import.meta.url));
      const slot = { worker, busy: 0 };
      worker.on('message', (r: Reply) => {
        slot.busy--;
        const p = this.pending.get(r.id);
        if (!p) return;
        this.pending.delete(r.id);
        if (r.error) p.reject(new DigestError(r.error));
        else p.resolve({ size: r.size!, md5: r.md5!, sha1: r.sha1!, sha256: r.sha256! });
      });
      worker.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      worker.unref();
      this.workers.push(slot);
    }
  }

  digest(path: string): Promise<FileDigest> {
    const id = this.nextId++;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, path });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
