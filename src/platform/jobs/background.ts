// Background jobs (imports, ingest, re-checks) are rows run by workers: see queue.ts.

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
