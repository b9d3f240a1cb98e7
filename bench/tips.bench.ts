// Tip intake benchmark (issue 11): the server on loopback over a PostgreSQL database of its own
// (amaan_tips_bench, dropped and created by this script), and
//  1. sustained intake: `--clients` concurrent keep-alive HTTP clients POST reports to /api/v1/tips with one
//     organisation's key for `--seconds`, triage included (entities, links, relations, hash matches, priority,
//     routing, audit entry, all in the request's transaction); reports/s, p50/p99/max latency. The clients run in
//     a process of their own (bench/tips-load.ts; `--client inproc` runs them in the server's process, as this
//     script did before); the CPU time of the load generator, of the server process(es) and of the PostgreSQL
//     backends serving the benchmark's database is reported, and the statements the server sent per report;
//  2. batch import: `--import` reports filed by importReports (what `amaan tips import` runs), in its batches
//     (`--batch`, or half of `--concurrency`; the CLI's default when neither is given), triage included; total
//     time and reports/s. bench/tips-import.bench.ts times the import alone, with PostgreSQL's CPU.
// Reports are synthetic (bench/tips-reports.ts).
//
//   node --import tsx bench/tips.bench.ts [--seconds 30] [--clients 32] [--import 100000] [--batch 500 | --concurrency N]
//        [--processes 1] [--client process|inproc] [--sample-ms 0] [--warmup 3] [--statements]
//        [--url postgres://postgres@127.0.0.1:5432] [--db amaan_tips_bench] [--json out.json] [--pg-options='-c ...']
//
// --pg-options: settings for the server's own connections (e.g. '-c log_statement_stats=on' to read each
// statement's CPU time in PostgreSQL's log; the login user must be allowed to set them).
//
// --processes N: the server as N processes (node:cluster workers sharing the listening port, each with its own
// pool), the benchmark's process only setting up and measuring. --sample-ms: sample pg_stat_activity of the
// benchmark's database that often during intake and report what its backends were doing (waits, statements).
import cluster from 'node:cluster';
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { startPlatform } from '../src/platform/bootstrap.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { createKey, ensureOrganisation } from '../src/modules/tips/tip-keys.service.ts';
import { importReports } from '../src/modules/tips/tip.service.ts';
import { knownMd5s, reportMaker } from './tips-reports.ts';
import { runLoad, type LoadOptions, type LoadResult } from './tips-load.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '32' },
    import: { type: 'string', default: '100000' },
    concurrency: { type: 'string' },
    batch: { type: 'string' },
    processes: { type: 'string', default: '1' },
    client: { type: 'string', default: 'process' },
    'sample-ms': { type: 'string', default: '0' },
    warmup: { type: 'string', default: '3' },
    statements: { type: 'boolean', default: false },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    db: { type: 'string', default: 'amaan_tips_bench' },
    json: { type: 'string' },
    'pg-options': { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const IMPORT = Number(args.import);
const PROCESSES = Number(args.processes);
const log = (...m: unknown[]) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...m);

// Statements sent to PostgreSQL by this process (every query of every pooled client, BEGIN and COMMIT included).
let statements = 0;
/** Statements by their first words (--statements: printed per report after the intake run). */
const kinds = new Map<string, number>();
const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...a: unknown[]) {
  statements++;
  if (args.statements) {
    const text = typeof a[0] === 'string' ? a[0] : String((a[0] as { text?: string } | undefined)?.text ?? '?');
    const k = text.replace(/\s+/g, ' ').trim().slice(0, 60);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  return query.apply(this, a);
} as typeof pg.Client.prototype.query;

const serverConfig = (dataDir: string) => loadConfig({
  NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `${args.url}/${args.db}${args['pg-options'] ? `?options=${encodeURIComponent(args['pg-options'])}` : ''}`, AMAAN_DATA_DIR: join(dataDir, 'data'), AMAAN_KEY_DIR: join(dataDir, 'keys'),
  AMAAN_TIPS_KEY_PER_MINUTE: '100000000',
});

interface ServerStats { cpuMs: number; statements: number }
const cpuMsNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

// A server worker (--processes > 1): starts the app over the database set up by the primary, listens on the
// shared port, answers the primary's requests for its CPU time and statement count.
async function worker(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR!;
  const { ctx, database } = await startPlatform(serverConfig(dataDir));
  const app = await buildApp(ctx);
  // Port 0 in every worker: the cluster's primary opens one socket and shares it, so all get the same port.
  const address = new URL(await app.listen({ host: '127.0.0.1', port: 0 }));
  process.on('message', (m: { stats?: boolean; stop?: boolean }) => {
    if (m.stats) process.send!({ stats: { cpuMs: cpuMsNow(), statements } satisfies ServerStats });
    if (m.stop) void app.close().then(() => database.close()).then(() => process.exit(0));
  });
  process.send!({ ready: Number(address.port) });
}

/** CPU time (ms) of the PostgreSQL backends connected to the benchmark's database, by pid (Linux /proc). */
async function backendCpu(admin: pg.Client): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [args.db]);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / 100); // utime + stime, clock ticks of 10 ms
    } catch {
      // ended meanwhile
    }
  }
  return out;
}
const cpuDelta = (a: Map<number, number>, b: Map<number, number>) => [...b].reduce((s, [pid, ms]) => s + ms - (a.get(pid) ?? 0), 0);

async function main() {
  const admin = new pg.Client({ connectionString: `${args.url}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${args.db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${args.db}`);
  await admin.end();
  const dataDir = mkdtempSync(join(tmpdir(), 'amaan-tips-bench-'));
  const { ctx, database } = await startPlatform(serverConfig(dataDir));
  const sys = { ...ctx, actor: systemActor('bench') };
  // A synthetic hash set (random hashes: no material).
  const set = await ctx.db.insertInto('hash_sets').values({ name: 'bench set', source: 'synthetic' }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('hash_set_entries').values(knownMd5s().map((md5) => ({ hash_set_id: set.id, md5, category: '1' }))).execute();
  const org = await ensureOrganisation(sys, 'Bench Platform');
  const key = await createKey(sys, org.id, { label: 'bench' });

  // The server: in this process, or PROCESSES cluster workers on one port.
  let port: number;
  let stopServer: () => Promise<void>;
  let serverStats: () => Promise<ServerStats>;
  if (PROCESSES <= 1) {
    const app = await buildApp(ctx);
    port = Number(new URL(await app.listen({ host: '127.0.0.1', port: 0 })).port);
    stopServer = async () => app.close();
    serverStats = async () => ({ cpuMs: cpuMsNow(), statements });
  } else {
    const workers = Array.from({ length: PROCESSES }, () => cluster.fork({ BENCH_DATA_DIR: dataDir }));
    const ports = await Promise.all(workers.map((w) => new Promise<number>((resolve, reject) => {
      w.on('message', (m: { ready?: number }) => m.ready && resolve(m.ready));
      w.on('exit', (code) => reject(new Error(`server worker exited with ${code}`)));
    })));
    if (new Set(ports).size !== 1) throw new Error(`server workers listen on different ports: ${ports.join(', ')}`);
    port = ports[0]!;
    serverStats = async () => {
      const each = await Promise.all(workers.map((w) => new Promise<ServerStats>((resolve) => {
        const on = (m: { stats?: ServerStats }) => {
          if (!m.stats) return;
          w.off('message', on);
          resolve(m.stats);
        };
        w.on('message', on);
        w.send({ stats: true });
      })));
      return { cpuMs: each.reduce((s, x) => s + x.cpuMs, 0), statements: each.reduce((s, x) => s + x.statements, 0) };
    };
    stopServer = async () => {
      await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
        w.removeAllListeners('exit');
        w.once('exit', () => resolve());
        w.send({ stop: true });
      })));
    };
  }
  log(`server on 127.0.0.1:${port} (${PROCESSES} process${PROCESSES > 1 ? 'es' : ''}), database ${args.db}, clients ${args.client === 'inproc' ? 'in the server\'s process' : 'in a process of their own'}`);

  const load = (o: LoadOptions): Promise<LoadResult> => {
    if (args.client === 'inproc') return runLoad(o);
    return new Promise((resolve, reject) => {
      const child = fork(fileURLToPath(new URL('./tips-load.ts', import.meta.url)), [JSON.stringify(o)], { execArgv: ['--import', 'tsx'] });
      child.once('message', (m) => resolve(m as LoadResult));
      child.once('exit', (code) => code && reject(new Error(`load generator exited with ${code}`)));
    });
  };
  const base = { host: '127.0.0.1', port, token: key.token, clients: CLIENTS };
  // A short warm-up (JIT, pools, caches), not counted.
  if (Number(args.warmup) > 0) await load({ ...base, seconds: Number(args.warmup), seed: 1 });

  // 1. Sustained intake over HTTP.
  const watch = new pg.Client({ connectionString: `${args.url}/postgres` });
  await watch.connect();
  const samples = new Map<string, number>();
  const sampleMs = Number(args['sample-ms']);
  let sampling = true;
  const sampler = sampleMs > 0 ? (async () => {
    const probe = new pg.Client({ connectionString: `${args.url}/postgres` });
    await probe.connect();
    while (sampling) {
      const { rows } = await probe.query<{ state: string; wait: string | null; q: string }>(
        `SELECT state, wait_event_type || ':' || wait_event AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 50) AS q
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`, [args.db]);
      for (const r of rows) {
        const k = r.state === 'active' ? `active ${r.wait ?? 'CPU'} | ${r.q}` : `${r.state} ${r.wait ?? ''}`;
        samples.set(k, (samples.get(k) ?? 0) + 1);
      }
      samples.set('(samples)', (samples.get('(samples)') ?? 0) + 1);
      await new Promise((r) => setTimeout(r, sampleMs));
    }
    await probe.end();
  })() : Promise.resolve();
  const pg0 = await backendCpu(watch);
  const s0 = await serverStats();
  const load0 = loadavg()[0]!;
  kinds.clear();
  const run = await load({ ...base, seconds: SECONDS, seed: 2 });
  const s1 = await serverStats();
  const pg1 = await backendCpu(watch);
  sampling = false;
  await sampler;
  await watch.end();
  const latencies = run.latencies.sort((a, b) => a - b);
  const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const n = latencies.length;
  const perReport = (ms: number) => Number((ms / n).toFixed(3));
  const intake = {
    seconds: Number(run.seconds.toFixed(1)), clients: CLIENTS, processes: PROCESSES, client: args.client, reports: n, perSecond: Number((n / run.seconds).toFixed(1)),
    p50ms: Number(quantile(0.5).toFixed(1)), p99ms: Number(quantile(0.99).toFixed(1)), maxMs: Number((latencies.at(-1) ?? NaN).toFixed(1)), statuses: run.statuses,
    // In-process clients share the server's process: its CPU time is then the two together.
    cpuMsPerReport: args.client === 'inproc'
      ? { serverAndLoadGenerator: perReport(s1.cpuMs - s0.cpuMs), postgres: perReport(cpuDelta(pg0, pg1)) }
      : { server: perReport(s1.cpuMs - s0.cpuMs), loadGenerator: perReport(run.cpuMs), postgres: perReport(cpuDelta(pg0, pg1)) },
    statementsPerReport: Number(((s1.statements - s0.statements) / n).toFixed(2)),
    loadAverage: [load0, loadavg()[0]!].map((l) => Number(l.toFixed(2))),
  };
  log('intake', intake);
  if (sampleMs > 0) {
    const total = samples.get('(samples)') ?? 1;
    log(`pg_stat_activity, ${total} samples every ${sampleMs} ms (backends seen per sample, by state / wait / statement):`);
    for (const [k, v] of [...samples].filter(([k]) => k !== '(samples)').sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`  ${(v / total).toFixed(2).padStart(6)}  ${k}`);
  }
  if (args.statements) {
    log('statements per report, by their first words (the server in this process only):');
    for (const [k, v] of [...kinds].sort((x, y) => y[1] - x[1]).slice(0, 30)) log(`  ${(v / n).toFixed(3).padStart(7)}  ${k}`);
  }
  await stopServer();

  // 2. Batch import (the CLI's path), triage included, in this process.
  const next = reportMaker(3, `IMPORT-${process.pid}`);
  async function* batch() {
    for (let i = 1; i <= IMPORT; i++) yield { item: i, body: next() };
  }
  let imported = null;
  if (IMPORT > 0) {
    const i0 = performance.now();
    const c0 = cpuMsNow();
    let last = 0;
    const outcome = await importReports(ctx, org, batch(), {
      // The CLI's defaults unless given (before session 11 this script sent 8 in flight, far below the CLI's 256).
      ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
      ...(args.batch ? { batch: Number(args.batch) } : {}),
      onProgress: (k) => {
        if (k - last >= 10_000) {
          last = k;
          log(`imported ${k}`);
        }
      },
    });
    const importSeconds = (performance.now() - i0) / 1000;
    imported = {
      reports: IMPORT, created: outcome.created, refused: outcome.refused.length, seconds: Number(importSeconds.toFixed(1)), perSecond: Number((IMPORT / importSeconds).toFixed(1)),
      cpuMsPerReport: Number(((cpuMsNow() - c0) / IMPORT).toFixed(3)), loadAverage: Number(loadavg()[0]!.toFixed(2)),
    };
    log('import', imported);
  }

  const tips = await ctx.db.selectFrom('tips').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const relations = await ctx.db.selectFrom('tip_relations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const result = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), load: loadavg().map((l) => Number(l.toFixed(2))) },
    intake, import: imported, tips: Number(tips.n), relations: Number(relations.n),
    headroom: { ncmecWorldwidePerSecond: 1.2, timesOver: Number((intake.perSecond / 1.2).toFixed(0)) },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2));
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

if (cluster.isWorker) await worker();
else await main();
