// Batch resolution of a whole file of records, on one thread or on worker threads (one per core). Every
// worker reads and indexes all records, so frequencies and blocks are those of the whole data, and scores
// its share of the records against earlier ones; pairs come back with their positions and are put in one
// order (by the later record, then the earlier), the same whatever the number of workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RecordInputError, parseRecords } from './input.ts';
import type { ResolutionRecord } from './record.ts';
import { DEFAULT_BUCKET_CAP, DEFAULT_THRESHOLD, ResolutionIndex, type Suggestion } from './resolution-index.ts';

export type Phase = 'reading' | 'indexing' | 'scoring';

export interface BatchOptions {
  threshold?: number;
  bucketCap?: number;
  /** Worker threads; 1 resolves on the calling thread. Default: one per core. */
  jobs?: number;
  onProgress?: (phase: Phase, done: number, total: number) => void;
}

export interface WorkerData {
  buffer: SharedArrayBuffer;
  k: number;
  jobs: number;
  threshold: number;
  bucketCap: number;
}

/** A proposed pair with the positions of its two records in the input (a before b). */
export type PositionedPair = [ap: number, bp: number, suggestion: Suggestion];

export type WorkerMessage =
  | { type: 'progress'; phase: Phase; done: number; total: number }
  | { type: 'pairs'; pairs: PositionedPair[]; scored: number }
  | { type: 'done' }
  | { type: 'input-error'; line: number; field: string; reason: string }
  | { type: 'error'; message: string };

/** Indexes all records and scores positions k, k + jobs, ... (used by the workers and the single thread). */
export function runShard(
  records: ResolutionRecord[], opts: { k: number; jobs: number; threshold: number; bucketCap: number }, post: (m: WorkerMessage) => void,
): void {
  const index = new ResolutionIndex({ bucketCap: opts.bucketCap });
  const total = records.length;
  const step = Math.max(1000, Math.floor(total / 200));
  for (let i = 0; i < total; i++) {
    index.add(records[i]!);
    if (opts.k === 0 && (i + 1) % step === 0) post({ type: 'progress', phase: 'indexing', done: i + 1, total });
  }
  let batch: PositionedPair[] = [];
  let scored = 0;
  for (let i = opts.k; i < total; i += opts.jobs) {
    for (const s of index.pairsOf(i, opts.threshold)) batch.push([index.positionOf(s.a)!, i, s]);
    scored++;
    if (scored % 1000 === 0) {
      post({ type: 'pairs', pairs: batch, scored });
      batch = [];
      scored = 0;
    }
  }
  post({ type: 'pairs', pairs: batch, scored });
}

function order(pairs: PositionedPair[]): Suggestion[] {
  pairs.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
  return pairs.map((p) => p[2]);
}

/** Resolves already parsed records on the calling thread. */
export function resolveRecords(records: ResolutionRecord[], opts: BatchOptions = {}): Suggestion[] {
  const pairs: PositionedPair[] = [];
  let done = 0;
  runShard(records, { k: 0, jobs: 1, threshold: opts.threshold ?? DEFAULT_THRESHOLD, bucketCap: opts.bucketCap ?? DEFAULT_BUCKET_CAP }, (m) => {
    if (m.type === 'pairs') {
      pairs.push(...m.pairs);
      done += m.scored;
      opts.onProgress?.('scoring', done, records.length);
    } else if (m.type === 'progress') opts.onProgress?.(m.phase, m.done, m.total);
  });
  return order(pairs);
}

/**
 * Resolves JSON-lines input (UTF-8 bytes). Throws RecordInputError for the first bad line. With jobs > 1
 * the work is spread over worker threads.
 */
export async function resolveJsonl(bytes: Uint8Array, opts: BatchOptions = {}): Promise<Suggestion[]> {
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  if (jobs === 1) {
    const records = parseRecords(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), (line) => {
      if (line % 20000 === 0) opts.onProgress?.('reading', line, 0);
    });
    return resolveRecords(records, opts);
  }
  const buffer = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const bucketCap = opts.bucketCap ?? DEFAULT_BUCKET_CAP;
  const workers: Worker[] = [];
  const pairs: PositionedPair[] = [];
  let scored = 0;
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      for (let k = 0; k < jobs; k++) {
        const data: WorkerData = { buffer, k, jobs, threshold, bucketCap };
        // Indexing a million records takes a few GB per worker: above V8's default heap limit.
        const w = new Worker(new URL('./resolve-worker-entry.mjs', import.meta.url), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 12_288 } });
        workers.push(w);
        w.on('message', (m: WorkerMessage) => {
          switch (m.type) {
            case 'progress':
              if (m.phase === 'indexing') total = m.total;
              opts.onProgress?.(m.phase, m.done, m.total);
              break;
            case 'pairs':
              for (const p of m.pairs) pairs.push(p);
              scored += m.scored;
              opts.onProgress?.('scoring', scored, total);
              break;
            case 'done':
              if (++finished === jobs) resolve();
              break;
            case 'input-error':
              reject(new RecordInputError(m.line, m.field, m.reason));
              break;
            case 'error':
              reject(new Error(m.message));
              break;
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`resolution worker stopped with code ${code}`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return order(pairs);
}
