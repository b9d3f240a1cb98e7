import { randomUUID } from 'node:crypto';

// Long work started from the API (hash-set imports, server-side ingest) runs in the background of this
// process; the caller polls its progress. A queue shared by worker processes replaces this when Amaan
// scales out; the shape of a job (id, state, progress, result/error) stays the same.
export interface BackgroundJob {
  id: string;
  kind: string;
  ownerId: string;
  state: 'running' | 'done' | 'failed';
  progress: { done: number; total: number | null; unit: string };
  result?: unknown;
  error?: string;
  startedAt: string;
  finishedAt?: string;
}

const jobs = new Map<string, BackgroundJob>();
const KEEP = 200;

export function startBackgroundJob(kind: string, ownerId: string, unit: string, work: (report: (done: number, total?: number | null) => void) => Promise<unknown>, onError: (err: unknown) => string): BackgroundJob {
  const job: BackgroundJob = { id: randomUUID(), kind, ownerId, state: 'running', progress: { done: 0, total: null, unit }, startedAt: new Date().toISOString() };
  jobs.set(job.id, job);
  if (jobs.size > KEEP) {
    for (const [id, j] of jobs) {
      if (j.state !== 'running') {
        jobs.delete(id);
        break;
      }
    }
  }
  const report = (done: number, total?: number | null) => {
    job.progress = { done, total: total === undefined ? job.progress.total : total, unit };
  };
  void work(report).then(
    (result) => Object.assign(job, { state: 'done', result, finishedAt: new Date().toISOString() }),
    (err) => Object.assign(job, { state: 'failed', error: onError(err), finishedAt: new Date().toISOString() }),
  );
  return job;
}

/** Only the user who started a job sees it. */
export function getBackgroundJob(id: string, ownerId: string): BackgroundJob | undefined {
  const job = jobs.get(id);
  return job && job.ownerId === ownerId ? { ...job, progress: { ...job.progress } } : undefined;
}

/**
 * Work repeated every `everyMs` in this process (re-notices of takedowns, deadline alerts). A run never overlaps
 * the previous one; an error is reported and the next run goes ahead. The work itself must be safe to run in
 * several processes at once (decide in one statement), as a scaled-out queue would run it.
 */
export interface PeriodicJob {
  /** Runs the work now (tests, and the first run at start). */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startPeriodicJob(name: string, everyMs: number, work: () => Promise<unknown>, onError: (name: string, err: unknown) => void): PeriodicJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const runNow = () => {
    if (running) return running;
    running = work().then(() => undefined, (err) => onError(name, err)).finally(() => { running = null; });
    return running;
  };
  const timer = setInterval(() => { if (!stopped) void runNow(); }, everyMs);
  timer.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
