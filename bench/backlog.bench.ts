// Backlog and its age at national size (issue 12): the intervals (stat_stock_spans, migration 0044: every case open
// at the period's end, ranked once) beside the histogram by FIR month (migration 0051) as computeFigure runs it, in
// one run, interleaved (which goes first alternates), on an EXISTING PostgreSQL database, read only.
//
//   node --import tsx bench/backlog.bench.ts --url postgres://postgres@127.0.0.1:5432/amaan_nat [--runs 9]
//       [--groupings none,province,district,month] [--to 2024-12-31] [--exact] [--write-docs]
//
// Every run's rows of both are compared (and, with --exact, with the exact SQL once per grouping): identical or the
// bench stops. p50 / p95 / min-max per side, and intervals p50 ÷ histogram p50.
import { cpus, loadavg, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { computeFigure, currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { exactStock, figureById, type FigureParams, type Grouping } from '../src/modules/stats/figures/registry.ts';
import { fromSpans } from '../src/modules/stats/rollup/stock.ts';
import { writeDocsSection } from './docs-section.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const URL_ARG = arg('--url', '');
if (!URL_ARG) throw new Error('--url postgres://... (an existing database, read only) is required');
const RUNS = Number(arg('--runs', '9'));
const GROUPINGS = arg('--groupings', 'none,province,district,month').split(',') as Grouping[];
const TO = arg('--to', '2024-12-31');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

const u = new URL(URL_ARG);
u.searchParams.set('options', '-c default_transaction_read_only=on');
const database = await openDatabase({ url: u.toString(), poolSize: 2 });
const HEADING = '## Backlog from the histogram by FIR month (issue 12, session 11)';
const out: string[] = [HEADING, ''];
const say = (line: string) => {
  out.push(line);
  console.log(line);
};
try {
  const def = figureById('backlog')!;
  const catalogue = await currentCatalogue(database.db);
  const db = database.db;
  const cases = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(db)).rows[0]!.n;
  const hist = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM stock_backlog_checkpoints WHERE month = (SELECT max(month) FROM stock_backlog_months WHERE month <= ${TO}::date + 1)`.execute(db)).rows[0]!.n;
  say(`Command: \`node --import tsx bench/backlog.bench.ts ${args.filter((a) => a !== '--write-docs').join(' ')}\`; ${new Date().toISOString().slice(0, 16)} UTC.`);
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, PostgreSQL on the same host; load average ${load()} at the start.`);
  say(`Data: ${cases.toLocaleString('en-US')} cases, read only; the histogram's checkpoint for the period's end holds ${hist.toLocaleString('en-US')} rows. Backlog at the end of ${TO} (Asia/Karachi), child-exploitation cases, as the dashboard asks it; ${RUNS} runs per side after a warm-up, interleaved.`);
  say('');
  say('| grouping | intervals p50 / p95 (min-max) | histogram p50 / p95 (min-max) | ratio (p50) | rows |');
  say('| --- | --- | --- | --- | ---: |');
  for (const groupBy of GROUPINGS) {
    const p: FigureParams = { from: '2024-01-01', to: TO, timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy, catalogue };
    const spans = () => computeFigure(db, { ...def, build: fromSpans.backlog }, p);
    const histogram = () => computeFigure(db, def, p);
    const [a, b] = [await spans(), await histogram()];
    if (!isDeepStrictEqual(a, b)) throw new Error(`${groupBy}: intervals and histogram differ\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
    if (args.includes('--exact') && !isDeepStrictEqual(await computeFigure(db, { ...def, build: exactStock.backlog }, p, 'exact'), b)) throw new Error(`${groupBy}: the exact SQL differs`);
    const ts: { s: number[]; h: number[] } = { s: [], h: [] };
    for (let i = 0; i < RUNS; i++) {
      const order: Array<['s' | 'h', () => Promise<unknown>]> = i % 2 ? [['h', histogram], ['s', spans]] : [['s', spans], ['h', histogram]];
      for (const [k, f] of order) {
        const t0 = performance.now();
        const rows = await f();
        ts[k].push(performance.now() - t0);
        if (!isDeepStrictEqual(rows, b)) throw new Error(`${groupBy}: rows changed between runs`);
      }
    }
    const cell = (xs: number[]) => `${ms(q(xs, 0.5))} / ${ms(q(xs, 0.95))} (${ms(Math.min(...xs))}-${ms(Math.max(...xs))})`;
    say(`| ${groupBy} | ${cell(ts.s)} | ${cell(ts.h)} | ${(q(ts.s, 0.5) / q(ts.h, 0.5)).toFixed(1)}x | ${b.length} |`);
  }
  say('');
  say(`Load average at the end: ${load()}.`);
  if (args.includes('--write-docs')) writeDocsSection(HEADING, out.join('\n'));
} finally {
  await database.close();
}
