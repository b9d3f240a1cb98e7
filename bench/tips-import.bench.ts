// The batch import of tips (issue 11: "the time to import a batch of 100,000 reports with triage"), on PostgreSQL:
// a fresh database of its own (dropped and created), the synthetic hash set and organisation of bench/tips.bench.ts,
// a JSON-lines file of `--reports` synthetic reports (bench/tips-reports.ts, a fixed seed: the same file for every
// checkout), then the path `amaan tips import FILE` runs (readReports of the CLI, importReports), triage included.
// Prints the wall time, reports/s, the CPU per report of this process (Node) and of the PostgreSQL backends serving
// the database (/proc), the time of each tenth, the tips and relations made, and the load average before and after.
// Run from either checkout (it imports that checkout's code), so two checkouts can be compared on the same file.
//
//   node --import tsx bench/tips-import.bench.ts [--reports 10000] [--batch N | --concurrency N] [--db amaan_tips_import]
//        [--url postgres://postgres@127.0.0.1:5432] [--again] [--keep] [--statements] [--json out.json]
//
// --batch / --concurrency: passed to importReports only when given (the CLI's default otherwise). A checkout
// before session 11 knows only `concurrency` (its CLI's default was 256; its importReports' own default 4).
// --again: imports the same file a second time (every report a repeat: idempotency) and reports that run too.
// --keep: leaves the database (else dropped at the end).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { startPlatform } from '../src/platform/bootstrap.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { ensureOrganisation } from '../src/modules/tips/tip-keys.service.ts';
import { importReports } from '../src/modules/tips/tip.service.ts';
import { readReports } from '../src/cli/commands/tips.command.ts';
import { knownMd5s, reportMaker } from './tips-reports.ts';

const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    concurrency: { type: 'string' },
    batch: { type: 'string' },
    db: { type: 'string', default: 'amaan_tips_import' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    again: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    statements: { type: 'boolean', default: false },
  },
});
const N = Number(args.reports);

// --statements: every statement this process sends, by its first words: count and wall time from sending to its
// answer (BEGIN and COMMIT included), printed per report after the first run.
const kinds = new Map<string, { n: number; ms: number }>();
if (args.statements) {
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function timed(this: pg.Client, ...a: unknown[]) {
    const text = typeof a[0] === 'string' ? a[0] : String((a[0] as { text?: string } | undefined)?.text ?? '?');
    const k = text.replace(/\/\* prepared \*\//, '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const t0 = performance.now();
    const out = query.apply(this, a);
    const done = () => {
      const s = kinds.get(k) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += performance.now() - t0;
      kinds.set(k, s);
    };
    if (out && typeof (out as Promise<unknown>).then === 'function') (out as Promise<unknown>).then(done, done);
    return out;
  } as typeof pg.Client.prototype.query;
}
const log = (...m: unknown[]) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...m);
const load1 = () => Number(loadavg()[0]!.toFixed(2));
const nodeCpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function main() {
  const admin = new pg.Client({ connectionString: `${args.url}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${args.db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${args.db}`);
  const dir = mkdtempSync(join(tmpdir(), 'amaan-tips-import-'));
  const file = join(dir, 'reports.jsonl');
  const next = reportMaker(3, 'IMPORT');
  writeFileSync(file, Array.from({ length: N }, () => JSON.stringify(next())).join('\n') + '\n');

  const { ctx, database } = await startPlatform(loadConfig({
    NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `${args.url}/${args.db}`, AMAAN_DATA_DIR: join(dir, 'data'), AMAAN_KEY_DIR: join(dir, 'keys'),
  }));
  const sys = { ...ctx, actor: systemActor('bench') };
  const set = await ctx.db.insertInto('hash_sets').values({ name: 'bench set', source: 'synthetic' }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('hash_set_entries').values(knownMd5s().map((md5) => ({ hash_set_id: set.id, md5, category: '1' }))).execute();
  const org = await ensureOrganisation(sys, 'Bench Platform');

  const watch = new pg.Client({ connectionString: `${args.url}/${args.db}` });
  await watch.connect();
  /** CPU (ms) of every backend serving the database but this one, by pid: the pool's connections stay open. */
  const backends = async () => {
    const { rows } = await watch.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        out.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / 100);
      } catch {
        // ended meanwhile
      }
    }
    return out;
  };
  const run = async (label: string) => {
    const l0 = load1();
    const pg0 = await backends();
    const c0 = nodeCpuMs();
    const t0 = performance.now();
    const tenths: number[] = [];
    let lastAt = t0;
    const outcome = await importReports(ctx, org, readReports(file), {
      ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
      ...(args.batch ? { batch: Number(args.batch) } : {}),
      onProgress: (k) => {
        // Done counts may jump by a batch: a tenth is logged when the count crosses it.
        if (k >= (tenths.length + 1) * Math.max(1, Math.floor(N / 10))) {
          const now = performance.now();
          tenths.push(Number(((now - lastAt) / 1000).toFixed(1)));
          lastAt = now;
          log(`${label}: ${k}`);
        }
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const nodeMs = nodeCpuMs() - c0;
    const pg1 = await backends();
    // A backend seen only at the end (opened during the run) counts from 0; one that ended during the run is lost.
    const pgMs = [...pg1].reduce((s, [pid, ms]) => s + ms - (pg0.get(pid) ?? 0), 0);
    const r = {
      label, reports: N, created: outcome.created, repeats: outcome.repeats, refused: outcome.refused.length,
      seconds: Number(seconds.toFixed(1)), perSecond: Number((N / seconds).toFixed(1)),
      cpuMsPerReport: { node: Number((nodeMs / N).toFixed(3)), postgres: Number((pgMs / N).toFixed(3)) },
      tenthsSeconds: tenths, loadAverage: [l0, load1()],
    };
    log(r);
    return r;
  };
  const first = await run('import');
  if (args.statements) {
    log('statements per report (count, wall ms from sending to the answer), by their first words:');
    for (const [k, v] of [...kinds].sort((x, y) => y[1].ms - x[1].ms).slice(0, 30)) log(`  ${(v.n / N).toFixed(3).padStart(7)} ${(v.ms / N).toFixed(3).padStart(8)} ms  ${k}`);
  }
  const again = args.again ? await run('again') : null;
  const tips = Number((await watch.query<{ n: string }>('SELECT count(*)::text AS n FROM tips')).rows[0]!.n);
  const relations = Number((await watch.query<{ n: string }>('SELECT count(*)::text AS n FROM tip_relations')).rows[0]!.n);
  const audit = Number((await watch.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_log WHERE action LIKE 'tip.receive%'")).rows[0]!.n);
  await watch.end();
  await database.close();
  if (!args.keep) await admin.query(`DROP DATABASE IF EXISTS ${args.db} WITH (FORCE)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
  const result = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    import: first, again, tips, relations, auditEntries: audit,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2));
}

await main();
