// Two ways of computing one figure timed side by side on an EXISTING PostgreSQL database, read only: interleaved
// (which goes first alternates), every run's rows compared with the first answer (identical or the bench stops).
// Used by bench/backlog.bench.ts and bench/cohort.bench.ts.
import { cpus, loadavg, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { openDatabase } from '../src/platform/db/database.ts';

export const benchArgs = process.argv.slice(2);
export const arg = (name: string, dflt: string): string => {
  const i = benchArgs.indexOf(name);
  return i >= 0 && benchArgs[i + 1] ? benchArgs[i + 1]! : dflt;
};
export const loadAverage = (): string => loadavg().map((x) => x.toFixed(2)).join(' / ');
export const machine = (): string => `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, PostgreSQL on the same host`;
export const quantile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;
export const ms = (x: number): string => `${x.toFixed(1)} ms`;

/** The database of --url, every connection read only. */
export async function openReadOnly(): Promise<Awaited<ReturnType<typeof openDatabase>>> {
  const url = arg('--url', '');
  if (!url) throw new Error('--url postgres://... (an existing database, read only) is required');
  const u = new URL(url);
  u.searchParams.set('options', '-c default_transaction_read_only=on');
  return openDatabase({ url: u.toString(), poolSize: 2 });
}

export interface SideBySide {
  /** "p50 / p95 (min-max)" of each side. */
  old: string;
  new: string;
  /** old p50 ÷ new p50, e.g. "12.3x". */
  ratio: string;
  rows: number;
}

/** `runs` runs of each after one warm-up each, interleaved; the rows of every run must equal the first answer. */
export async function sideBySide(label: string, runs: number, old: () => Promise<unknown[]>, fresh: () => Promise<unknown[]>): Promise<SideBySide> {
  const [a, b] = [await old(), await fresh()];
  if (!isDeepStrictEqual(a, b)) throw new Error(`${label}: the two answers differ\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
  const ts = { o: [] as number[], n: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const order: Array<['o' | 'n', () => Promise<unknown[]>]> = i % 2 ? [['n', fresh], ['o', old]] : [['o', old], ['n', fresh]];
    for (const [k, f] of order) {
      const t0 = performance.now();
      const rows = await f();
      ts[k].push(performance.now() - t0);
      if (!isDeepStrictEqual(rows, b)) throw new Error(`${label}: rows changed between runs`);
    }
  }
  const cell = (xs: number[]) => `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.95))} (${ms(Math.min(...xs))}-${ms(Math.max(...xs))})`;
  return { old: cell(ts.o), new: cell(ts.n), ratio: `${(quantile(ts.o, 0.5) / quantile(ts.n, 0.5)).toFixed(1)}x`, rows: b.length };
}
