// Backlog and its age at national size (issue 12): the intervals (stat_stock_spans, migration 0044: every case open
// at the period's end, ranked once) beside the histogram by FIR month (migration 0051) as computeFigure runs it, in
// one run, interleaved (which goes first alternates), on an EXISTING PostgreSQL database, read only.
//
//   node --import tsx bench/backlog.bench.ts --url postgres://postgres@127.0.0.1:5432/amaan_nat [--runs 9]
//       [--groupings none,province,district,month] [--to 2024-12-31] [--exact] [--write-docs]
//
// Every run's rows of both are compared (and, with --exact, with the exact SQL once per grouping): identical or the
// bench stops. p50 / p95 / min-max per side, and intervals p50 ÷ histogram p50.
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { computeFigure, currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { exactStock, figureById, type FigureParams, type Grouping } from '../src/modules/stats/figures/registry.ts';
import { fromSpans } from '../src/modules/stats/rollup/stock.ts';
import { writeDocsSection } from './docs-section.ts';
import { arg, benchArgs as args, loadAverage, machine, openReadOnly, sideBySide } from './side-by-side.ts';

const RUNS = Number(arg('--runs', '9'));
const GROUPINGS = arg('--groupings', 'none,province,district,month').split(',') as Grouping[];
const TO = arg('--to', '2024-12-31');

const database = await openReadOnly();
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
  say(`Machine: ${machine()}; load average ${loadAverage()} at the start.`);
  say(`Data: ${cases.toLocaleString('en-US')} cases, read only; the histogram's checkpoint for the period's end holds ${hist.toLocaleString('en-US')} rows. Backlog at the end of ${TO} (Asia/Karachi), child-exploitation cases, as the dashboard asks it; ${RUNS} runs per side after a warm-up, interleaved.`);
  say('');
  say('| grouping | intervals p50 / p95 (min-max) | histogram p50 / p95 (min-max) | ratio (p50) | rows |');
  say('| --- | --- | --- | --- | ---: |');
  for (const groupBy of GROUPINGS) {
    const p: FigureParams = { from: '2024-01-01', to: TO, timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy, catalogue };
    const histogram = () => computeFigure(db, def, p);
    if (args.includes('--exact') && !isDeepStrictEqual(await computeFigure(db, { ...def, build: exactStock.backlog }, p, 'exact'), await histogram())) throw new Error(`${groupBy}: the exact SQL differs`);
    const r = await sideBySide(groupBy, RUNS, () => computeFigure(db, { ...def, build: fromSpans.backlog }, p), histogram);
    say(`| ${groupBy} | ${r.old} | ${r.new} | ${r.ratio} | ${r.rows} |`);
  }
  say('');
  say(`Load average at the end: ${loadAverage()}.`);
  if (args.includes('--write-docs')) writeDocsSection(HEADING, out.join('\n'));
} finally {
  await database.close();
}
