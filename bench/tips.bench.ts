// Tip intake benchmark (issue 11): the server on loopback over a PostgreSQL database of its own
// (amaan_tips_bench, dropped and created by this script), and
//  1. sustained intake: `--clients` concurrent keep-alive HTTP clients POST reports to /api/v1/tips with one
//     organisation's key for `--seconds`, triage included (entities, links, relations, hash matches, priority,
//     routing, audit entry, all in the request's transaction); reports/s, p50/p99/max latency;
//  2. batch import: `--import` reports filed by importReports (what `amaan tips import` runs), `--concurrency` at
//     a time, triage included; total time and reports/s.
// Reports are synthetic: accounts, phones and IP addresses drawn from pools (so some reports are related), one in
// twenty with a file whose hash is in a synthetic hash set, districts named or landlines given for routing.
//
//   node --import tsx bench/tips.bench.ts [--seconds 30] [--clients 32] [--import 100000] [--concurrency 8]
//        [--url postgres://postgres@127.0.0.1:5432] [--db amaan_tips_bench] [--json out.json]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { startPlatform } from '../src/platform/bootstrap.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { createRng } from '../src/demo/prng.ts';
import { createKey, ensureOrganisation } from '../src/modules/tips/tip-keys.service.ts';
import { importReports } from '../src/modules/tips/tip.service.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '32' },
    import: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '8' },
    pool: { type: 'string', default: '16' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    db: { type: 'string', default: 'amaan_tips_bench' },
    json: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const IMPORT = Number(args.import);
const log = (...m: unknown[]) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...m);

const rng = createRng(20261206);
const pick = <T,>(xs: readonly T[]) => rng.pick(xs);
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join('');
const handles = Array.from({ length: 20_000 }, (_, i) => `bench_user_${i}`);
const phones = Array.from({ length: 5_000 }, (_, i) => `+92300${String(1_000_000 + i).slice(-7)}`);
const ips = Array.from({ length: 5_000 }, (_, i) => `198.51.${Math.floor(i / 250) % 256}.${(i % 250) + 1}`);
const knownMd5 = Array.from({ length: 1_000 }, () => hex(32));
const districts = ['Muzaffargarh', 'Lahore', 'Multan', 'Karachi South', 'Peshawar', 'Quetta', undefined, undefined];
const landlines = ['066 2345678', '042 35761234', '061 4512345', '091 5701234'];
let serial = 0;

function report(): Record<string, unknown> {
  serial++;
  const district = pick(districts);
  return {
    reportId: `BENCH-${process.pid}-${serial}`,
    incident: { type: 'child sexual abuse material: distribution', at: '2026-01-01T00:00:00Z', summary: 'Synthetic benchmark report.', ...(serial % 50 === 0 ? { escalate: true } : {}) },
    location: district ? { district } : { phone: pick(landlines) },
    reported: [{ accounts: [{ platform: 'Telegram', handle: pick(handles) }], phones: [pick(phones)], ips: [{ address: pick(ips) }] }],
    files: [{ name: `f${serial}.jpg`, md5: serial % 20 === 0 ? pick(knownMd5) : hex(32), viewedByEsp: rng.chance(0.5) }],
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main() {
  const admin = new pg.Client({ connectionString: `${args.url}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${args.db}`);
  await admin.query(`CREATE DATABASE ${args.db}`);
  await admin.end();
  const dataDir = mkdtempSync(join(tmpdir(), 'amaan-tips-bench-'));
  const config = {
    ...loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `${args.url}/${args.db}`, AMAAN_DATA_DIR: join(dataDir, 'data'), AMAAN_KEY_DIR: join(dataDir, 'keys'), AMAAN_TIPS_KEY_PER_MINUTE: '100000000' }),
  };
  const { ctx, database } = await startPlatform(config);
  const sys = { ...ctx, actor: systemActor('bench') };
  // A synthetic hash set (random hashes: no material).
  const set = await ctx.db.insertInto('hash_sets').values({ name: 'bench set', source: 'synthetic' }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('hash_set_entries').values(knownMd5.map((md5) => ({ hash_set_id: set.id, md5, category: '1' }))).execute();
  const org = await ensureOrganisation(sys, 'Bench Platform');
  const key = await createKey(sys, org.id, { label: 'bench' });
  const app = await buildApp(ctx);
  const address = new URL(await app.listen({ host: '127.0.0.1', port: 0 }));
  log(`server on ${address.href}, database ${args.db}`);

  // 1. Sustained intake over HTTP.
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const post = (body: string) => new Promise<number>((resolve, reject) => {
    const req = request({ host: address.hostname, port: address.port, path: '/api/v1/tips', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key.token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const until = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) {
      const body = JSON.stringify(report());
      const s = performance.now();
      const status = await post(body);
      latencies.push(performance.now() - s);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const intake = {
    seconds: Number(elapsed.toFixed(1)), clients: CLIENTS, reports: latencies.length, perSecond: Number((latencies.length / elapsed).toFixed(1)),
    p50ms: Number(quantile(latencies, 0.5).toFixed(1)), p99ms: Number(quantile(latencies, 0.99).toFixed(1)), maxMs: Number((latencies.at(-1) ?? NaN).toFixed(1)),
    statuses: Object.fromEntries(statuses),
  };
  log('intake', intake);
  agent.destroy();

  // 2. Batch import (the CLI's path), triage included.
  async function* batch() {
    for (let i = 1; i <= IMPORT; i++) yield { item: i, body: report() };
  }
  const i0 = performance.now();
  let last = 0;
  const outcome = await importReports(ctx, org, batch(), {
    concurrency: Number(args.concurrency),
    onProgress: (n) => {
      if (n - last >= 10_000) {
        last = n;
        log(`imported ${n}`);
      }
    },
  });
  const importSeconds = (performance.now() - i0) / 1000;
  const imported = { reports: IMPORT, created: outcome.created, refused: outcome.refused.length, seconds: Number(importSeconds.toFixed(1)), perSecond: Number((IMPORT / importSeconds).toFixed(1)) };
  log('import', imported);

  const tips = await ctx.db.selectFrom('tips').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const relations = await ctx.db.selectFrom('tip_relations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const result = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), load: loadavg().map((l) => Number(l.toFixed(2))) },
    intake, import: imported, tips: Number(tips.n), relations: Number(relations.n),
    headroom: { ncmecWorldwidePerSecond: 1.2, timesOver: Number((intake.perSecond / 1.2).toFixed(0)) },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2));
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
