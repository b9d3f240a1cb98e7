import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform } from '../../src/platform/bootstrap.ts';
import { createApiToken } from '../../src/platform/auth/auth.service.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { createRng } from '../../src/platform/prng.ts';
import { buildMediaFolder, type MediaFolder } from '../support/media-fixtures.ts';
import { detectEngines, createScratchDatabase } from '../support/engines.ts';

// Issue 13, "nothing lost": `amaan serve` on PostgreSQL (running its own jobs) is killed with SIGKILL at seeded
// random moments while the API takes new cases, case edits, public tips, a hash-set import and an ingest; it is
// started again each time. At the end: the audit chain verifies (`amaan audit verify`), every acknowledged write
// is there, every case and tip has its audit entry and every such entry its record (nothing half-written),
// every job ended (done, or failed with a reason; none left running) and every ingested file is stored once.
const { engines, postgresUrl } = await detectEngines();
const repo = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'amaan-crash-'));
const SEED = Number(process.env.AMAAN_CRASH_SEED ?? 1313);
const ROUNDS = 3;
let folder: MediaFolder;

beforeAll(async () => {
  folder = await buildMediaFolder(join(work, 'roots', 'seized'), { images: 40 });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
  });
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(engines.includes('postgres'))('the server killed with SIGKILL during writes, imports and an ingest', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  let drop: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  let server: (ChildProcess & { log: () => string }) | undefined;
  let port: number;

  beforeAll(async () => {
    const scratch = await createScratchDatabase(postgresUrl!);
    drop = scratch.drop;
    env = {
      NODE_ENV: 'test', DATABASE_URL: scratch.url, AMAAN_DATA_DIR: join(work, 'data'), AMAAN_DATA_KEY: Buffer.alloc(32, 2).toString('base64'),
      AMAAN_INGEST_ROOTS: join(work, 'roots'), AMAAN_TIPS_PUBLIC_PER_HOUR: '100000', AMAAN_SERVER_WORKERS: '1',
      AMAAN_JOB_STALL_SECONDS: '2', AMAAN_JOB_RETRY_SECONDS: '0.5', AMAAN_JOB_POLL_SECONDS: '0.3',
    };
    const started = await startPlatform(loadConfig({ ...process.env, ...env }));
    ctx = started.ctx;
    close = () => started.database.close();
  }, 120_000);
  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await close?.();
    await drop?.();
  });

  async function startServer(): Promise<void> {
    port = await freePort();
    const child = spawn(process.execPath, [join(repo, 'bin/amaan.js'), 'serve', '--port', String(port)], { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout!.on('data', (d) => (log = (log + d).slice(-4000)));
    child.stderr!.on('data', (d) => (log = (log + d).slice(-4000)));
    server = Object.assign(child, { log: () => log });
    const end = Date.now() + 150_000;
    while (Date.now() < end) {
      if (child.exitCode !== null) throw new Error(`the server exited at start:\n${log}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) return;
      await sleep(200);
    }
    throw new Error(`the server did not start:\n${log}`);
  }

  async function kill(): Promise<void> {
    const s = server!;
    if (s.exitCode !== null || s.signalCode !== null) return;
    const gone = new Promise((r) => s.once('exit', r));
    s.kill('SIGKILL');
    await gone;
  }

  it('keeps every acknowledged write, half-writes nothing, verifies its audit chain and ends every job', async () => {
    const rng = createRng(SEED);
    const branch = await ctx.db.selectFrom('branches').select('id').where('district', '=', 'Muzaffargarh').executeTakeFirstOrThrow();
    const user = await ctx.db.insertInto('users').values({ username: 'crash.inv', display_name: 'Crash Investigator', role: 'investigator', branch_id: branch.id, password_hash: await hashPassword('not-used-Synthetic-1') }).returning('id').executeTakeFirstOrThrow();
    const analyst = await ctx.db.insertInto('users').values({ username: 'crash.analyst', display_name: 'Crash Analyst', role: 'analyst', branch_id: null, password_hash: await hashPassword('not-used-Synthetic-1') }).returning('id').executeTakeFirstOrThrow();
    const inv = (await createApiToken(ctx, user.id, 'crash', { id: user.id, username: 'crash.inv', displayName: 'Crash Investigator', role: 'investigator', branchId: branch.id, ip: null })).token;
    const ana = (await createApiToken(ctx, analyst.id, 'crash', { id: analyst.id, username: 'crash.analyst', displayName: 'Crash Analyst', role: 'analyst', branchId: null, ip: null })).token;
    const call = async (token: string | null, method: string, url: string, body?: unknown, type = 'application/json') => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1${url}`, {
        method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) as Record<string, unknown> | null };
    };

    const acked = { cases: new Set<string>(), titles: new Map<string, string>(), receipts: new Set<string>(), jobs: new Set<string>() };
    let ingestCase: string | undefined;
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await startServer();
      const stopAt = Date.now() + rng.int(1500, 4000);
      // A job per round: a hash-set import, and (the first round) an ingest that later rounds interrupt again.
      const jobs: Array<Promise<unknown>> = [];
      if (round === 0) {
        const c = await call(inv, 'POST', '/cases', { branchId: branch.id, title: 'Seized media crash case', summary: 'synthetic', offenceCodes: ['PECA-22'] });
        expect(c.status).toBe(201);
        ingestCase = c.body!.id as string;
        acked.cases.add(ingestCase);
        const ev = await ctx.db.insertInto('evidence_items').values({ case_id: ingestCase, label: 'Seized laptop', kind: 'media_folder' }).returning('id').executeTakeFirstOrThrow();
        const r = await call(inv, 'POST', `/cases/${ingestCase}/media/ingest`, { evidenceId: ev.id, path: folder.root });
        expect(r.status).toBe(202);
        acked.jobs.add(r.body!.backgroundJobId as string);
      }
      const lines = ['md5,pdq,category', ...Array.from({ length: 200 }, (_, i) => `${rng.uuid().replace(/-/g, '')},,${1 + (i % 3)}`)];
      jobs.push(call(ana, 'POST', `/hash-sets/import?name=Crash%20set%20${round}&source=Synthetic&format=csv`, lines.join('\n'), 'text/csv')
        .then((r) => { if (r.status === 202) acked.jobs.add(r.body!.backgroundJobId as string); }, () => undefined));
      // Writers until the kill: each write counts only when the server answered it.
      const writer = async () => {
        while (Date.now() < stopAt) {
          const k = n++;
          try {
            const pick = rng.int(0, 2);
            if (pick === 0) {
              const r = await call(inv, 'POST', '/cases', { branchId: branch.id, title: `Crash case ${k}`, summary: 'synthetic', offenceCodes: ['PECA-22'] });
              if (r.status === 201) acked.cases.add(r.body!.id as string);
              else expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
            } else if (pick === 1 && acked.cases.size) {
              const id = [...acked.cases][k % acked.cases.size]!;
              const title = `Crash case edited ${k}`;
              const r = await call(inv, 'PATCH', `/cases/${id}`, { title });
              if (r.status === 200) acked.titles.set(id, title);
            } else {
              const r = await call(null, 'POST', '/tips/public', { incident: 'grooming', whatTheySaw: `Synthetic crash-test report number ${k}`, district: 'Lahore' });
              if (r.status === 201) acked.receipts.add(r.body!.receipt as string);
              else expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
            }
          } catch (err) {
            // The server died under this request: not acknowledged.
            if (!(err instanceof TypeError)) throw err;
            return;
          }
        }
      };
      const writers = [writer(), writer(), writer()];
      await sleep(Math.max(0, stopAt - Date.now()));
      await kill();
      await Promise.all([...writers, ...jobs]);
    }

    // The last start: the server finishes (or fails, with a reason) whatever was interrupted.
    await startServer();
    const end = Date.now() + 180_000;
    for (;;) {
      const open = await ctx.db.selectFrom('background_jobs').select(['id', 'state']).where('state', 'in', ['queued', 'running']).execute();
      if (!open.length) break;
      if (Date.now() > end) throw new Error(`jobs still open: ${JSON.stringify(open)}\n${server!.log()}`);
      await sleep(300);
    }
    await kill();

    // Every acknowledged write is there, edits included.
    const cases = await ctx.db.selectFrom('cases').select(['id', 'title']).execute();
    const caseIds = new Set(cases.map((c) => c.id));
    for (const id of acked.cases) expect(caseIds.has(id), `case ${id}`).toBe(true);
    for (const [id, title] of acked.titles) {
      // A later acknowledged edit of the same case may have replaced this one; an edit is never lost to a crash.
      expect(cases.find((c) => c.id === id)!.title.startsWith('Crash case edited')).toBe(true);
      expect(title.startsWith('Crash case edited')).toBe(true);
    }
    const tips = await ctx.db.selectFrom('tips').select(['id', 'receipt']).execute();
    const receipts = new Set(tips.map((t) => t.receipt));
    for (const r of acked.receipts) expect(receipts.has(r), `tip ${r}`).toBe(true);
    expect(acked.cases.size + acked.receipts.size).toBeGreaterThan(1);

    // Nothing half-written: each record has its audit entry, each entry its record.
    const audited = async (action: string) => new Set((await ctx.db.selectFrom('audit_log').select('entity_id').where('action', '=', action).execute()).map((r) => r.entity_id));
    expect(await audited('case.create')).toEqual(caseIds);
    expect(await audited('tip.receive')).toEqual(new Set(tips.map((t) => t.id)));
    const sets = await ctx.db.selectFrom('hash_sets').select(['id', 'entry_count']).execute();
    expect(await audited('hashset.import')).toEqual(new Set(sets.map((s) => s.id)));
    for (const s of sets) {
      const entries = Number((await ctx.db.selectFrom('hash_set_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('hash_set_id', '=', s.id).executeTakeFirstOrThrow()).n);
      expect(entries).toBe(200);
    }
    const edits = await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'case.update').executeTakeFirstOrThrow();
    expect(Number(edits.n)).toBeGreaterThanOrEqual(acked.titles.size);

    // Every job ended: done, or failed with a reason; none left queued or running.
    const jobs = await ctx.db.selectFrom('background_jobs').select(['id', 'kind', 'state', 'error', 'attempts']).execute();
    for (const id of acked.jobs) expect(jobs.some((j) => j.id === id), `job ${id}`).toBe(true);
    for (const j of jobs) {
      expect(['done', 'failed'], JSON.stringify(j)).toContain(j.state);
      if (j.state === 'failed') expect(j.error, JSON.stringify(j)).toBeTruthy();
    }
    // The ingest: done, every file stored exactly once.
    const ingest = jobs.find((j) => j.kind === 'media.ingest')!;
    expect(ingest.state).toBe('done');
    const files = await ctx.db.selectFrom('media_files').select('rel_path').where('case_id', '=', ingestCase!).execute();
    expect(files.map((f) => f.rel_path).sort()).toEqual(folder.expected);

    // The audit chain verifies end to end.
    const verify = spawnSync(process.execPath, [join(repo, 'bin/amaan.js'), 'audit', 'verify'], { cwd: work, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
    expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);
  }, 600_000);
});
