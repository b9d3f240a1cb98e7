import { spawn, type ChildProcess } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform } from '../../src/platform/bootstrap.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { queueFor, stopQueueFor } from '../../src/platform/jobs/queue.ts';
import '../../src/modules/media/media.jobs.ts';
import { buildMediaFolder, type MediaFolder } from '../support/media-fixtures.ts';
import { detectEngines, createScratchDatabase } from '../support/engines.ts';

// Issue 13: two `amaan worker` processes against one PostgreSQL; the one running an ingest is killed with SIGKILL
// part-way; the other takes the job over (heartbeat stalled -> pg-boss retry) and finishes it, with every file
// stored exactly once and the job's progress in the database.
const { engines, postgresUrl } = await detectEngines();
const repo = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'amaan-workers-'));
let folder: MediaFolder;

beforeAll(async () => {
  folder = await buildMediaFolder(join(work, 'seized'), { images: 120 });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function worker(env: NodeJS.ProcessEnv): ChildProcess & { log: () => string } {
  const child = spawn(process.execPath, [join(repo, 'bin/amaan.js'), 'worker'], { cwd: work, env: { ...process.env, ...env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return Object.assign(child, { log: () => log });
}

const workers: Array<ChildProcess & { log: () => string }> = [];
// On a timeout, say what the workers printed and whether they still run: a start that fails must not read as slow.
const until = async (what: string, check: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  const state = workers.map((w) => `worker ${w.pid} (exit ${w.exitCode ?? w.signalCode ?? 'running'}):\n${w.log().slice(-2000)}`).join('\n');
  throw new Error(`timed out waiting for ${what}\n${state}`);
};

describe.runIf(engines.includes('postgres'))('workers on PostgreSQL', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  let drop: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const scratch = await createScratchDatabase(postgresUrl!);
    drop = scratch.drop;
    env = { DATABASE_URL: scratch.url, AMAAN_DATA_DIR: join(work, 'data'), AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), AMAAN_JOB_STALL_SECONDS: '3', AMAAN_JOB_RETRY_SECONDS: '1', AMAAN_JOB_POLL_SECONDS: '0.5' };
    // This process only enqueues (no workers of its own).
    const started = await startPlatform(loadConfig({ ...process.env, ...env, NODE_ENV: 'test' }));
    ctx = started.ctx;
    close = () => started.database.close();
  }, 120_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await stopQueueFor(ctx.db);
    await close?.();
    await drop?.();
  });

  it('finishes an ingest whose worker was killed mid-job, with every file stored exactly once', async () => {
    const branch = await ctx.db.selectFrom('branches').select('id').limit(1).executeTakeFirstOrThrow();
    const caseId = (await ctx.db.insertInto('cases').values({ branch_id: branch.id, title: 'Worker kill test', status: 'complaint_received' }).returning('id').executeTakeFirstOrThrow()).id;
    const evidenceId = (await ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Seized laptop', kind: 'media_folder' }).returning('id').executeTakeFirstOrThrow()).id;

    const a = worker(env);
    const b = worker(env);
    children.push(a, b);
    workers.push(a, b);
    // A worker compiles the CLI through tsx on its first start: slow on a CI machine busy with the rest of the suite.
    await until('both workers to start', async () => /taking jobs/.test(a.log()) && /taking jobs/.test(b.log()), 150_000);

    const queue = await queueFor(ctx, { concurrency: 0, stallMs: 3000, retryDelayMs: 1000, pollMs: 500 });
    expect(queue.engine).toBe('pg-boss');
    // Small batches and one file at a time: the job runs long enough to be killed part-way.
    const jobId = await queue.enqueue({ ...ctx, actor: systemActor('test') }, 'media.ingest', { caseId, evidenceId, root: folder.root, threshold: 31, batchFiles: 4, concurrency: 1 });

    const stored = async () => Number((await ctx.db.selectFrom('media_files').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n);
    await until('some batches committed', async () => (await stored()) >= 8, 120_000);
    const running = await ctx.db.selectFrom('background_jobs').select(['state', 'worker', 'progress_done']).where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(running.state).toBe('running');
    const victim = [a, b].find((c) => running.worker === `${hostname()}:${c.pid}`)!;
    const survivor = victim === a ? b : a;
    expect(victim).toBeDefined();
    victim.kill('SIGKILL');
    await new Promise((r) => victim.once('exit', r));
    const atKill = await stored();
    expect(atKill).toBeLessThan(folder.expected.length);

    await until('the job to finish on the other worker', async () => {
      const r = await ctx.db.selectFrom('background_jobs').select('state').where('id', '=', jobId).executeTakeFirstOrThrow();
      return r.state === 'done' || r.state === 'failed';
    }, 150_000);
    const done = await ctx.db.selectFrom('background_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ state: 'done', worker: `${hostname()}:${survivor.pid}`, progress_done: folder.expected.length });
    expect(done.attempts).toBeGreaterThanOrEqual(2);

    const rows = await ctx.db.selectFrom('media_files').select('rel_path').where('case_id', '=', caseId).execute();
    expect(rows.map((r) => r.rel_path).sort()).toEqual(folder.expected);
    const ingest = await ctx.db.selectFrom('ingest_jobs').selectAll().where('case_id', '=', caseId).execute();
    expect(ingest).toHaveLength(1);
    expect(ingest[0]).toMatchObject({ status: 'done', files_done: folder.expected.length });
    // The batch counters were kept in step with the rows: no batch counted twice.
    const batches = await ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'media.ingest.batch').where('entity_id', '=', ingest[0]!.id).execute();
    expect(batches.reduce((s, r) => s + Number((r.details as { files: number }).files), 0)).toBe(folder.expected.length);
  }, 420_000);
});
