// Worker threads by slot for the batch engines (ScanIndex's scan, the block join): started on first use and kept,
// unref'd while idle so they never keep a process alive. A request carries an id; the worker answers it with the
// same id and either its result or an error message.
import { Worker, parentPort } from 'node:worker_threads';

export type SlotReply<R> = { id: number; result: R } | { id: number; error: string };

export class WorkerSlots<Request extends object, Result> {
  private workers: Worker[] = [];
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();

  /** entry: the worker's entry module; label names it in errors ("scan worker: ..."). */
  constructor(private readonly entry: URL, private readonly label: string) {}

  /** Runs one request on the worker of `slot` (0-based), starting workers up to it if needed. */
  run(slot: number, request: Request): Promise<Result> {
    while (this.workers.length <= slot) this.workers.push(this.start());
    const worker = this.workers[slot]!;
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      // Shared buffers in the request are shared, not copied.
      worker.postMessage({ ...request, id });
    });
  }

  private start(): Worker {
    const w = new Worker(this.entry);
    w.unref();
    w.on('message', (reply: SlotReply<Result>) => {
      const p = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) for (const x of this.workers) x.unref();
      if (!p) return;
      if ('error' in reply) p.reject(new Error(`${this.label}: ${reply.error}`));
      else p.resolve(reply.result);
    });
    const fail = (err: Error): void => {
      // A worker that died fails every request still waiting (they may be its own) and is replaced on next use.
      this.workers = this.workers.filter((x) => x !== w);
      for (const [id, p] of this.waiting) {
        this.waiting.delete(id);
        p.reject(err);
      }
    };
    w.on('error', fail);
    w.on('exit', (code) => {
      if (code !== 0) fail(new Error(`${this.label} stopped with code ${code}`));
    });
    return w;
  }
}

/** The worker's side: answers each request with handle's result (its buffer transferred, not copied) or the error. */
export function answerSlotRequests<Request extends { id: number }>(handle: (request: Request) => Uint32Array): void {
  parentPort?.on('message', (request: Request) => {
    try {
      const result = handle(request);
      parentPort!.postMessage({ id: request.id, result } satisfies SlotReply<Uint32Array>, [result.buffer as ArrayBuffer]);
    } catch (err) {
      parentPort!.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) } satisfies SlotReply<Uint32Array>);
    }
  });
}
