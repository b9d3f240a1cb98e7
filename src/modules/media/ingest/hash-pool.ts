import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileResult } from './hash-entry.ts';
import { markPhase } from '../../../platform/timing.ts';
import { walkTree, type WalkEntry } from './walk.ts';
import { publish, sharedCounters } from './shared-queue.ts';
import type { DecoderFacts } from './hash-worker.ts';
import { knownDecoderIsolation, primeDecoderIsolation } from '../../../pdq/sandbox/sandbox.ts';
import { knownFfmpegVersion, primeVideoTools } from '../../../pdq/vpdq/ffmpeg-path.ts';

type Reply = { id: number; result?: FileResult; error?: string } | { ready: true; tid?: number };

/**
 * Files in flight per hash worker by default (issue 14): enough queued that the workers go on for a while when the
 * main thread is held (PGlite runs its statements there, the database opens there while the CLI prefetches).
 * Only pictures are held in memory whole, and BYTES_IN_FLIGHT bounds them.
 */
export const FILES_PER_WORKER = 32;
/**
 * Files in flight per worker while the database opens (prefetch): PGlite's opening holds the main thread for
 * seconds in long steps, and only what was queued before such a step keeps the workers going through it (seen in
 * bench/thread-timeline.ts: with 32 per worker both workers idled through PGlite's migration check). A queued file
 * is a path (its bytes are read when a worker starts it), a result a few hundred bytes.
 */
export const PREFETCH_FILES_PER_WORKER = 256;

/** Most a file in flight can hold in memory: a picture up to hashFile's in-memory limit (256 MiB). */
export const HELD_BYTES_PER_FILE = 256 * 1024 * 1024;
/** Bytes the files in flight may hold together (at least one file is always in flight). */
export const BYTES_IN_FLIGHT = 1024 * 1024 * 1024;

interface Prefetch {
  root: string;
  secondsPerHash: number;
  results: Map<string, Promise<FileResult>>;
  stopped: boolean;
}

/**
 * Hashing runs on worker threads, one per core, so digests and PDQ use every core while the main thread
 * walks, matches and writes to the database. Workers load the TypeScript sources through tsx. Neither
 * the main thread nor the workers parse seized pictures or videos: each worker hands them to its sandboxed
 * decoder process (src/pdq/sandbox/).
 */
export class HashPool {
  private readonly workers: Array<{ worker: Worker }> = [];
  /** The shared queue's counters (shared-queue.ts): every file is posted to every worker, the first with room claims it. */
  private readonly counters = sharedCounters();
  private readonly pending = new Map<number, { resolve: (r: FileResult) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private closing = false;
  private early: Prefetch | null = null;
  private anyHashed = false;

  /** `script`: the worker's entry (tests pass another to make a worker die). */
  constructor(size = availableParallelism(), script: URL = new URL('./hash-worker-entry.mjs', import.meta.url)) {
    const started = performance.now();
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(script, { workerData: { counters: this.counters } });
      const slot = { worker };
      worker.on('message', (r: Reply) => {
        // Sent once its modules are loaded and its decoder process started (AMAAN_TIMING).
        if ('ready' in r) return markPhase(`hash worker ${i + 1} ready${r.tid ? ` (thread ${r.tid})` : ''}`, started);
        if (!this.anyHashed) markPhase('hash pool: first result (ahead of the ingest)');
        this.anyHashed = true;
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
    if (!this.workers.length) return Promise.reject(new Error('no hash worker left'));
    // Numbered from 0 in posting order: the workers claim the numbers in that order (see `counters`).
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Claimable first, then sent (shared-queue.ts: the other order loses a wake-up and the file is never hashed).
      const message = { id, entry, secondsPerHash };
      publish(this.counters, id, () => {
        for (const w of this.workers) w.worker.postMessage(message);
      });
    });
  }

  /**
   * Starts hashing the files under `root` (a real path) before the ingest is ready to take them: the CLI calls
   * it while the database opens, so the workers do not wait for the database, the job and the indexes (the
   * fixed cost of a run, issue 14). Results are held here, in memory, until runIngest takes them
   * (takePrefetch); nothing is stored before the ingest has checked the case, the evidence item and access,
   * and a run that is refused throws them away. At most `inFlight` files at once, within BYTES_IN_FLIGHT.
   */
  prefetch(root: string, secondsPerHash: number, inFlight = this.workers.length * PREFETCH_FILES_PER_WORKER, maxFiles = 100_000): void {
    const state: Prefetch = { root, secondsPerHash, results: new Map(), stopped: false };
    this.early = state;
    void (async () => {
      let running = 0;
      let held = 0;
      let room: (() => void) | null = null;
      for await (const entry of walkTree(root)) {
        if (state.stopped || this.closing || state.results.size >= maxFiles) break;
        const bytes = entry.kind === 'file' ? Math.min(entry.stat.size, HELD_BYTES_PER_FILE) : 0;
        held += bytes;
        const p = this.hash(entry, secondsPerHash);
        state.results.set(entry.relPath, p);
        running++;
        void p.then(() => {}, () => {}).finally(() => {
          held -= bytes;
          running--;
          room?.(); // one waiter, rather than a race over every file in flight
        });
        while (!state.stopped && !this.closing && (running >= inFlight || (running > 1 && held > BYTES_IN_FLIGHT))) await new Promise<void>((resolve) => { room = resolve; });
        room = null;
      }
    })().catch(() => {}); // a folder that cannot be walked: runIngest's own walk reports it
  }

  /**
   * Stops prefetch() and hands over the files it started, by path relative to the root (each a promise of its
   * result); null when there was none, or it was for another folder or another video setting.
   */
  takePrefetch(root: string, secondsPerHash: number): Map<string, Promise<FileResult>> | null {
    const early = this.early;
    this.early = null;
    if (!early) return null;
    early.stopped = true;
    for (const p of early.results.values()) p.catch(() => {}); // handled by the taker, or not needed
    return early.root === root && early.secondsPerHash === secondsPerHash ? early.results : null;
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.early) this.takePrefetch('', -1);
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
