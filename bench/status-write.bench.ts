// What the figures' rollups add to one status change at national size (issue 12): a status change as the case service
// writes it (cases.status and updated_at, one history row), in a transaction that is rolled back so the data stay as
// they were, on an EXISTING PostgreSQL database. Four sides, interleaved write by write (which goes first rotates):
//   all            the triggers as migrated (0039's status rollup, 0044/0047 spans and caseload, 0051 backlog, 0052
//                  and 0055 cohort histograms, 0038 flow table...);
//   no area cohort stock_refresh_cases as 0052 made it (without 0055's refresh);
//   no cohorts     stock_refresh_cases as 0044 made it (without 0052's and 0055's);
//   no triggers    session_replication_role = replica: no ordinary trigger fires (the bare writes).
// Each side's stock_refresh_cases is swapped inside the write's own transaction (CREATE OR REPLACE, rolled back with
// it), and only the two write statements are timed. The commit (WAL flush) is not included.
//
//   node --import tsx bench/status-write.bench.ts --url postgres://postgres@127.0.0.1:5432/amaan_nat [--writes 40]
//
// The connection must be a superuser's (the function swap and session_replication_role).
import pg from 'pg';
import { refreshBody } from '../src/platform/db/migrations/0039_stock_rollup.ts';
import { arg, loadAverage, machine, ms, quantile } from './side-by-side.ts';

const url = arg('--url', '');
if (!url) throw new Error('--url postgres://... is required');
const WRITES = Number(arg('--writes', '40'));

const body = (afterLock?: string) => `CREATE OR REPLACE FUNCTION stock_refresh_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${refreshBody({ lockFirst: true, ...(afterLock ? { afterLock } : {}) })} $fn$`;
const sides: Array<{ name: string; before: string[] }> = [
  { name: 'all', before: [] },
  { name: 'no area cohort', before: [body(' PERFORM stock_cohort_refresh(ids);')] },
  { name: 'no cohorts', before: [body()] },
  { name: 'no triggers', before: ['SET LOCAL session_replication_role = replica'] },
];

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const cases = (await client.query<{ n: string }>('SELECT count(*) AS n FROM cases')).rows[0]!.n;
  const ids = (await client.query<{ id: string }>('SELECT id FROM cases ORDER BY md5(id::text) LIMIT $1', [WRITES])).rows.map((r) => r.id);
  const times = new Map(sides.map((s) => [s.name, [] as number[]]));
  console.log(`Command: \`node --import tsx bench/status-write.bench.ts ${process.argv.slice(2).join(' ')}\`; ${new Date().toISOString().slice(0, 16)} UTC.`);
  console.log(`Machine: ${machine()}; load average ${loadAverage()} at the start. Data: ${Number(cases).toLocaleString('en-US')} cases; ${ids.length} cases (md5 order), each written once per side.`);
  // One warm-up write per side, then every case once per side, the sides' order rotating.
  for (let i = -1; i < ids.length; i++) {
    const id = ids[Math.max(i, 0)]!;
    for (let j = 0; j < sides.length; j++) {
      const side = sides[(j + Math.max(i, 0)) % sides.length]!;
      await client.query('BEGIN');
      try {
        for (const s of side.before) await client.query(s);
        const t0 = performance.now();
        await client.query(`UPDATE cases SET status = CASE WHEN status = 'under_investigation' THEN 'challan_submitted' ELSE 'under_investigation' END, updated_at = now() WHERE id = $1`, [id]);
        await client.query(`INSERT INTO case_status_history (case_id, to_status, reason, at) SELECT id, status, 'bench', now() FROM cases WHERE id = $1`, [id]);
        if (i >= 0) times.get(side.name)!.push(performance.now() - t0);
      } finally {
        await client.query('ROLLBACK');
      }
    }
  }
  console.log('');
  console.log('| side | p50 | p95 | min-max |');
  console.log('| --- | --- | --- | --- |');
  for (const s of sides) {
    const xs = times.get(s.name)!;
    console.log(`| ${s.name} | ${ms(quantile(xs, 0.5))} | ${ms(quantile(xs, 0.95))} | ${ms(Math.min(...xs))}-${ms(Math.max(...xs))} |`);
  }
  const p50 = (n: string) => quantile(times.get(n)!, 0.5);
  console.log('');
  console.log(`Added by the area cohort (p50): ${ms(p50('all') - p50('no area cohort'))}; by both cohorts: ${ms(p50('all') - p50('no cohorts'))}; by every trigger: ${ms(p50('all') - p50('no triggers'))}. Load average ${loadAverage()} at the end.`);
} finally {
  await client.end();
}
