import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines } from '../support/harness.ts';
import { createScratchDatabase } from '../support/engines.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { runAmaan } from '../support/cli.ts';

// Production mode (issue 13, section 3): /health and /ready on both engines; then, on PostgreSQL, a real server in
// NODE_ENV=production: it does not migrate at start (refuses an unmigrated database, naming `amaan migrate`), answers
// /ready only when every migration it needs is there, writes JSON logs, and serves Prometheus metrics on a listener
// of its own, not on the public port.
const { engines, postgresUrl } = await detectEngines();
const bin = new URL('../../bin/amaan.js', import.meta.url).pathname;

describe.each(engines)('health and readiness on %s', (engine) => {
  it('/health answers; /ready is 200 with current migrations and 503 while one this version needs is missing', async () => {
    const t = await createTestApp(engine);
    try {
      const health = await t.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'current' } });
      await t.asOwner((db) => sql`DELETE FROM kysely_migration WHERE name = '0023_districts_branches_figures'`.execute(db));
      const pending = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(pending.statusCode).toBe(503);
      expect(pending.json()).toEqual({ status: 'not_ready', checks: { database: 'ok', migrations: 'pending' } });
      // A migration applied by a NEWER version (unknown here) does not make this one unready: migrations only add.
      await t.asOwner((db) => sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('0023_districts_branches_figures', now()), ('9999_from_a_newer_version', now())`.execute(db));
      expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  }, 120_000);
});

const pgOnly = engines.includes('postgres') ? describe : describe.skip;

pgOnly('a production server on PostgreSQL', () => {
  const work = mkdtempSync(join(tmpdir(), 'amaan-prod-'));
  const children: ChildProcess[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await drop?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses to start unmigrated, serves after `amaan migrate`, JSON logs, metrics on their own listener only', async () => {
    const scratch = await createScratchDatabase(postgresUrl!);
    drop = scratch.drop;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      AMAAN_DEBUG: '',
      DATABASE_URL: scratch.url,
      AMAAN_DATA_DIR: join(work, 'data'),
      AMAAN_KEY_DIR: join(work, 'keys'),
      AMAAN_DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
      PORT: '0',
      AMAAN_METRICS_PORT: '0',
      AMAAN_SANDBOX: 'none',
    };
    const serve = () => {
      const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let out = '';
      let err = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (err += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const started = new Promise<{ url: string; metrics: string }>((resolve, reject) => {
        const timer = setInterval(() => {
          const app = /Amaan is ready at (\S+)/.exec(out);
          const metrics = /metrics at (\S+)/.exec(out);
          if (app && metrics) {
            clearInterval(timer);
            resolve({ url: app[1]!.replace('localhost', '127.0.0.1'), metrics: metrics[1]! });
          }
          if (child.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`exited ${child.exitCode}: ${err}`));
          }
        }, 100);
      });
      started.catch(() => undefined); // awaited by the caller that expects a start
      return { child, started, exited, out: () => out, err: () => err };
    };

    // 1. Not migrated: the production server does not migrate at start; it refuses and names the command.
    const first = serve();
    const code = await first.exited;
    expect(code).toBe(2);
    expect(first.err()).toMatch(/run `amaan migrate` with this version first/);
    const owner = await openDatabase({ url: scratch.url, poolSize: 1 });
    try {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'cases'`.execute(owner.db);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await owner.close();
    }

    // 2. `amaan migrate` (the release step), then the server starts.
    const migrated = await runAmaan(work, ['migrate'], { ...env, NODE_ENV: 'production' });
    expect(migrated.code, migrated.err).toBe(0);
    expect(migrated.out).toMatch(/migration\(s\) applied \(postgres\)/);
    const server = serve();
    const { url, metrics } = await server.started;
    expect(metrics).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    // The known-hash index and the district outlines load in the background after start: reported, never holding
    // readiness back.
    const readyBody = await ready.json() as { status: string; checks: Record<string, string> };
    expect(readyBody).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'current', knownIndex: expect.stringMatching(/^(loading|ready)$/), districtOutlines: expect.stringMatching(/^(loading|ready)$/), personIndex: expect.stringMatching(/^(loading|ready)$/) } });
    expect((await fetch(`${url}/api/v1/cases`)).status).toBe(401);
    // Metrics are not on the public port.
    const publicMetrics = await fetch(`${url}/metrics`);
    // (With the web app built, an unknown path answers the app's page: what matters is that no metric is there.)
    expect(await publicMetrics.text()).not.toMatch(/amaan_http_requests_total|# HELP/);
    const scraped = await (await fetch(metrics)).text();
    expect(scraped).toMatch(/amaan_http_requests_total\{method="GET",route="\/ready",status="200"\} 1/);
    expect(scraped).toMatch(/amaan_http_requests_total\{method="GET",route="\/api\/v1\/cases",status="401"\} 1/);
    // Counted whatever its duration (a loaded CI machine may take over half a second for a first request).
    expect(scraped).toMatch(/amaan_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/health"\} 1/);
    expect(scraped).toMatch(/amaan_db_pool_connections\{pool="primary",state="total"\} [1-9]/);
    expect(scraped).toMatch(/amaan_audit_entries [1-9]/);
    expect(scraped).toMatch(/amaan_process_cpu_user_seconds_total/);
    expect((await fetch(metrics.replace('/metrics', '/other'))).status).toBe(404);

    // 3. Structured logs: one JSON object per line, with the request and its status, no credentials.
    await fetch(`${url}/api/v1/cases`, { headers: { authorization: 'Bearer amaan_not-a-real-token' } });
    // Log lines reach stdout asynchronously: wait for them (up to 10 s on a loaded machine).
    const completedLines = () => server.out().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request completed');
    for (let waited = 0; completedLines().length < 5 && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    const completed = completedLines();
    expect(completed.length).toBeGreaterThanOrEqual(4);
    expect(completed.every((l) => typeof l.reqId === 'string' && typeof l.responseTime === 'number' && typeof l.level === 'number')).toBe(true);
    expect(server.out()).not.toContain('amaan_not-a-real-token');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 180_000);
});
