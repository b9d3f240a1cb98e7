// How long case writes wait while the statistics' rollups are rebuilt (issue 12, session 9): the rebuild of a part
// in ONE transaction under its table lock (`rebuildPart`, as before) beside the online rebuild (`rebuildPartOnline`:
// new keys and a token, then every case refreshed in batches, then the token cleared), each forced, on a database
// of bench/figures-data.ts (yours: it writes). While each runs, another connection writes one status change to a
// case every `--every` ms (an UPDATE of cases.status and FIR date and a case_status_history row in a transaction, ROLLED BACK,
// so the data stay as they were) and times each write: how long a writer waits is the result to read. Also the
// rebuild's own wall time. Wall-clock: on a shared machine read the ratios and the waits, not the absolutes.
//
//   node --import tsx bench/rollup-online.bench.ts --db NAME [--parts flow,stock] [--every 200] [--batch 2000]
//       [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
import { cpus, loadavg, totalmem } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Db } from '../src/platform/db/database.ts';
import { rebuildPart, rebuildPartOnline, ONLINE_BATCH } from '../src/modules/stats/rollup/rebuild.ts';
import type { ServiceContext } from '../src/platform/context.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const DB = arg('--db', '');
if (!DB) throw new Error('--db NAME');
const PARTS = arg('--parts', 'flow,stock').split(',') as Array<'flow' | 'stock'>;
const EVERY = Number(arg('--every', '200'));
const BATCH = Number(arg('--batch', String(ONLINE_BATCH)));
const u = new URL(arg('--pg-url', 'postgres://postgres@127.0.0.1:5432/postgres'));
u.pathname = `/${DB}`;

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
};
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
const loadNow = () => loadavg().map((v) => v.toFixed(1)).join(' ');

const database = await openDatabase({ url: u.toString(), poolSize: 3 });
const db: Db = database.db;
const zone = (await sql<{ z: string }>`SELECT time_zone AS z FROM stock_rollup_meta WHERE id = 1`.execute(db)).rows[0]!.z;
const ctx = { db, config: { timeZone: zone } } as unknown as ServiceContext;
const noAudit = async () => undefined;
const cases = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM cases`.execute(db)).rows[0]!.n);
// Cases to write to, spread over the id order (some before the online rebuild's cursor, some after).
const targets = (await sql<{ id: string }>`SELECT id FROM cases TABLESAMPLE SYSTEM (1) LIMIT 200`.execute(db)).rows.map((r) => r.id);

/** Writes every EVERY ms from another connection until stopped; each write's time. */
function writer() {
  const c = new pg.Client({ connectionString: u.toString() });
  const times: number[] = [];
  let stop = false;
  const done = (async () => {
    await c.connect();
    for (let i = 0; !stop; i++) {
      const id = targets[i % targets.length]!;
      const t0 = performance.now();
      await c.query('BEGIN');
      try {
        // The status (stock rollup, spans) and the FIR date (flow events): a write every part's triggers refresh.
        await c.query(`UPDATE cases SET status = CASE WHEN status = 'in_trial' THEN 'under_investigation' ELSE 'in_trial' END,
          fir_registered_at = coalesce(fir_registered_at, reported_at) + interval '1 second' WHERE id = $1`, [id]);
        await c.query(`INSERT INTO case_status_history (case_id, to_status, at, reason) VALUES ($1, 'in_trial', now(), 'bench')`, [id]);
      } finally {
        await c.query('ROLLBACK');
      }
      times.push(performance.now() - t0);
      const wait = EVERY - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await c.end();
  })();
  return { times, stop: async () => { stop = true; await done; } };
}

async function during(work: () => Promise<unknown>) {
  const w = writer();
  await new Promise((r) => setTimeout(r, 3 * EVERY));
  const t0 = performance.now();
  await work();
  const wall = performance.now() - t0;
  await w.stop();
  return { wall, writes: w.times };
}

const out: string[] = [];
out.push(`Machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; PostgreSQL on the same host; ${new Date().toISOString()}; load average ${loadNow()} at the start.`);
out.push(`Database ${DB}: ${cases.toLocaleString('en')} cases, rollups keyed for ${zone}. A status change written every ${EVERY} ms from another connection (rolled back) during each rebuild; online batches of ${BATCH} cases.`);
out.push('');
out.push('| part | rebuild | rebuild wall | writes during it | write p50 | write p95 | longest write |');
out.push('| --- | --- | --- | --- | --- | --- | --- |');
const idle = await during(() => new Promise((r) => setTimeout(r, 20 * EVERY)));
out.push(`| — | none (writes alone, ${ms(20 * EVERY)}) | — | ${idle.writes.length} | ${ms(q(idle.writes, 0.5))} | ${ms(q(idle.writes, 0.95))} | ${ms(Math.max(...idle.writes))} |`);
for (const part of PARTS) {
  const locked = await during(() => db.transaction().execute((tx) => rebuildPart(tx, noAudit, part, zone, { force: true })));
  out.push(`| ${part} | in one transaction under the lock | ${ms(locked.wall)} | ${locked.writes.length} | ${ms(q(locked.writes, 0.5))} | ${ms(q(locked.writes, 0.95))} | ${ms(Math.max(...locked.writes))} |`);
  const online = await during(() => rebuildPartOnline(ctx, part, { force: true, batch: BATCH }, (work) => db.transaction().execute((tx) => work(tx, noAudit))));
  out.push(`| ${part} | online (batches) | ${ms(online.wall)} | ${online.writes.length} | ${ms(q(online.writes, 0.5))} | ${ms(q(online.writes, 0.95))} | ${ms(Math.max(...online.writes))} |`);
}
out.push('');
out.push(`Load average at the end: ${loadNow()}.`);
await database.close();
process.stdout.write(`${out.join('\n')}\n`);
