import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { defineJobKind, queueFor, stopQueueFor } from '../../src/platform/jobs/queue.ts';
import { conflict } from '../../src/platform/http/errors.ts';

// The same jobs behind the same interface on both engines: pg-boss workers on PostgreSQL, in-process on PGlite.
// A step committed in a failed attempt is not run again on the retry; a refusal fails the job at once; progress
// and the result are read from the database through GET /jobs/:id by the user who started the job only.
const { engines } = await detectEngines();
const runs = new Map<string, { a: number; b: number }>();

defineJobKind<{ key: string }>('test.flaky', {
  unit: 'steps',
  async run(run) {
    const c = runs.get(run.payload.key) ?? { a: 0, b: 0 };
    runs.set(run.payload.key, c);
    run.report(1, 3);
    await run.step('a', async (tx) => {
      c.a++;
      await tx.insertInto('hash_sets').values({ name: `set ${run.payload.key}`, source: 'step a' }).execute();
      return { a: true };
    });
    run.report(2, 3);
    if (run.attempt === 1) throw new Error('a passing failure (network)');
    await run.step('b', async () => {
      c.b++;
      return 'b';
    });
    run.report(3, 3);
    return { attempt: run.attempt };
  },
});

defineJobKind<null>('test.refused', {
  unit: 'steps',
  async run() {
    throw conflict('refused for a reason the user can read', 'name');
  },
});

async function waitForJob(t: TestApp, id: string) {
  for (let i = 0; i < 300; i++) {
    const job = (await t.call('analyst', 'GET', `/api/v1/jobs/${id}`)).json();
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}

describe.each(engines)('job queue on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 300_000);
  afterAll(async () => {
    if (t) await stopQueueFor(t.ctx.db);
    await t?.close();
  });

  it('retries with back-off, skipping the step already committed, and shows progress and result', async () => {
    const queue = await queueFor(t.ctx, { concurrency: 1, retryDelayMs: 1000, pollMs: 500, stallMs: 10_000 });
    expect(queue.engine).toBe(engine === 'postgres' ? 'pg-boss' : 'in-process');
    const actor = { id: t.users.analyst.id, username: t.users.analyst.username, displayName: 'Analyst', role: t.users.analyst.role, branchId: null, ip: null };
    const id = await queue.enqueue({ ...t.ctx, actor }, 'test.flaky', { key: engine });
    const job = await waitForJob(t, id);
    expect(job).toMatchObject({ state: 'done', kind: 'test.flaky', result: { attempt: 2 }, progress: { done: 3, total: 3, unit: 'steps' } });
    expect(runs.get(engine)).toEqual({ a: 1, b: 1 });
    expect(await t.ctx.db.selectFrom('hash_sets').select('id').where('name', '=', `set ${engine}`).execute()).toHaveLength(1);
    const row = await t.ctx.db.selectFrom('background_jobs').select(['attempts', 'checkpoint']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(2);
    expect(row.checkpoint).toEqual({ a: { a: true }, b: 'b' });
    // Only the one who started it sees it.
    expect((await t.call('invA', 'GET', `/api/v1/jobs/${id}`)).statusCode).toBe(404);
  }, 60_000);

  it('fails a refused job at once with its message, without retrying', async () => {
    const queue = await queueFor(t.ctx);
    const actor = { id: t.users.analyst.id, username: t.users.analyst.username, displayName: 'Analyst', role: t.users.analyst.role, branchId: null, ip: null };
    const id = await queue.enqueue({ ...t.ctx, actor }, 'test.refused', null);
    const job = await waitForJob(t, id);
    expect(job).toMatchObject({ state: 'failed', error: 'refused for a reason the user can read' });
    const row = await t.ctx.db.selectFrom('background_jobs').select('attempts').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
  }, 60_000);
});
