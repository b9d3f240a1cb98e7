// Cases by status grouped by reported month or year at national size (issue 12): the exact SQL (every case reported
// before the period's end, its status at the end) beside computeFigure as the dashboard runs it (the cohort histogram
// of migration 0052 for the nation and a province; 0055's, keyed by district and branch, for a district or branch),
// in one run, interleaved, on an EXISTING PostgreSQL database, read only.
//
//   node --import tsx bench/cohort.bench.ts --url postgres://postgres@127.0.0.1:5432/amaan_nat [--runs 9]
//       [--groupings month,year] [--to 2024-12-31] [--scopes nation,province,district,branch] [--write-docs]
//
// Scopes: the nation, the two provinces with the most cases, the district with the most cases and the branch with the
// most cases. Every run's rows of both sides are compared: identical or the bench stops.
import { sql } from 'kysely';
import { computeFigure, currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { exactStock, figureById, type FigureParams, type Grouping } from '../src/modules/stats/figures/registry.ts';
import { cohortEligible } from '../src/modules/stats/rollup/stock.ts';
import { writeDocsSection } from './docs-section.ts';
import { arg, benchArgs as args, loadAverage, machine, openReadOnly, sideBySide } from './side-by-side.ts';

const RUNS = Number(arg('--runs', '9'));
const GROUPINGS = arg('--groupings', 'month,year').split(',') as Grouping[];
const TO = arg('--to', '2024-12-31');
const SCOPES = arg('--scopes', 'nation,province,district,branch').split(',');

const database = await openReadOnly();
const HEADING = '## Cases by status by reported month from the cohort histograms, nation to branch (issue 12, session 13)';
const out: string[] = [HEADING, ''];
const say = (line: string) => {
  out.push(line);
  console.log(line);
};
try {
  const def = figureById('cases_by_status')!;
  const db = database.db;
  const catalogue = await currentCatalogue(db);
  const cases = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(db)).rows[0]!.n;
  const rowsAt = async (prefix: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(`${prefix}_checkpoints`)} WHERE month = (SELECT max(month) FROM ${sql.table(`${prefix}_months`)} WHERE month <= ${TO}::date + 1)`.execute(db)).rows[0]!.n;
  const hist = await rowsAt('stock_cohort');
  const areaHist = await rowsAt('stock_cohort_area');
  const provinces = (await sql<{ province: string; n: number }>`SELECT d.province, count(*)::int AS n FROM cases c JOIN districts d ON d.id = c.district_id GROUP BY 1 ORDER BY 2 DESC LIMIT 2`.execute(db)).rows;
  const district = (await sql<{ id: number; name: string; n: number }>`SELECT d.id, d.name, count(*)::int AS n FROM cases c JOIN districts d ON d.id = c.district_id GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`.execute(db)).rows[0]!;
  const branch = (await sql<{ id: number; name: string; n: number }>`SELECT b.id, b.name, count(*)::int AS n FROM cases c JOIN branches b ON b.id = c.branch_id GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`.execute(db)).rows[0]!;
  const scopes: Array<[string, string, Partial<FigureParams>]> = [
    ['nation', 'nation', {}],
    ...provinces.map((p): [string, string, Partial<FigureParams>] => ['province', `province ${p.province} (${p.n.toLocaleString('en-US')} cases)`, { province: p.province }]),
    ['district', `district ${district.name} (${district.n.toLocaleString('en-US')} cases)`, { districtId: district.id }],
    ['branch', `branch ${branch.name} (${branch.n.toLocaleString('en-US')} cases)`, { branchId: branch.id }],
  ].filter(([kind]) => SCOPES.includes(kind as string)) as Array<[string, string, Partial<FigureParams>]>;
  say(`Command: \`node --import tsx bench/cohort.bench.ts ${args.filter((a) => a !== '--write-docs').join(' ')}\`; ${new Date().toISOString().slice(0, 16)} UTC.`);
  say(`Machine: ${machine()}; load average ${loadAverage()} at the start.`);
  say(`Data: ${cases.toLocaleString('en-US')} cases, read only; the cohort histograms' checkpoints for the period's end hold ${hist.toLocaleString('en-US')} rows (by province, 0052) and ${areaHist.toLocaleString('en-US')} rows (by district and branch, 0055). Cases by status at the end of ${TO} (Asia/Karachi), child-exploitation cases, grouped by reported month or year as the dashboard asks; ${RUNS} runs per side after a warm-up, interleaved. "new" is computeFigure: the histogram where it answers, else the exact SQL (the "path" column).`);
  say('');
  say('| scope | grouping | path | exact SQL p50 / p95 (min-max) | new p50 / p95 (min-max) | ratio (p50) | rows |');
  say('| --- | --- | --- | --- | --- | --- | ---: |');
  for (const [, label, scope] of scopes) {
    for (const groupBy of GROUPINGS) {
      const p: FigureParams = { from: '2024-01-01', to: TO, timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy, catalogue, ...scope };
      const r = await sideBySide(`${label} ${groupBy}`, RUNS, () => computeFigure(db, { ...def, build: exactStock.cases_by_status }, p), () => computeFigure(db, def, p));
      say(`| ${label} | ${groupBy} | ${cohortEligible(p) ? 'histogram' : 'exact SQL'} | ${r.old} | ${r.new} | ${r.ratio} | ${r.rows} |`);
    }
  }
  say('');
  say(`Load average at the end: ${loadAverage()}.`);
  if (args.includes('--write-docs')) writeDocsSection(HEADING, out.join('\n'));
} finally {
  await database.close();
}
