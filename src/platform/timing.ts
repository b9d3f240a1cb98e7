// Phase timing of a CLI run (issue 14, the fixed cost of `amaan ingest`): with AMAAN_TIMING=1 each marked phase
// prints one line to stderr, `amaan timing: <phase> <ms since the previous mark> ms (at <ms since process start>)`,
// so the seconds before the first file can be told apart (modules, database open, migration check, workers...).
// Off (the default) a mark costs one comparison. Times come from performance.now(), which counts from the
// start of this process (or of this worker thread).
import { isMainThread } from 'node:worker_threads';

const enabled = process.env.AMAAN_TIMING === '1';
let last = 0;
if (enabled && isMainThread) process.once('exit', () => markPhase('process exit'));

/** True when AMAAN_TIMING=1: callers may skip work done only to be timed. */
export function timingEnabled(): boolean {
  return enabled;
}

/** Marks the end of a phase (printed with AMAAN_TIMING=1, else nothing). `since` times it from that instant instead of the last mark. */
export function markPhase(phase: string, since?: number): void {
  if (!enabled) return;
  const now = performance.now();
  const from = since ?? last;
  last = Math.max(last, now);
  const where = isMainThread ? '' : ' [worker thread]';
  process.stderr.write(`amaan timing: ${phase}${where} ${(now - from).toFixed(0)} ms (at ${now.toFixed(0)} ms)\n`);
}

/** Runs `work` and marks `phase` with its own duration (for steps that overlap others). */
export async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const t = performance.now();
  const result = await work();
  markPhase(phase, t);
  return result;
}
