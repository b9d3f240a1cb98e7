import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { addPerson, openCase } from '../operations/case-fixtures.ts';
import { defineJobKind, insertJobRow, runJob, workerSettings } from '../../src/platform/jobs/queue.ts';
import { produceBriefing } from '../../src/modules/reports/reports.service.ts';
import '../../src/modules/reports/reports.jobs.ts';

// Issue 13: the briefing PDF, the duplicate-person batch and tip re-scoring run as jobs on both engines,
// followed through GET /jobs/:id; a job's committed step is never repeated (the report is recorded as
// published once whatever the retries), and a step that fails after the service wrote leaves nothing.
const { engines } = await detectEngines();

defineJobKind<{ from: string; to: string }>('test.briefing-then-fail', {
  unit: 'steps',
  async run(run) {
    await run.serviceStep('produce', async (ctx) => {
      await produceBriefing(ctx, run.payload);
      throw new Error('the machine went away after the report was recorded');
    });
  },
});

async function waitForJob(t: TestApp, id: string, user: 'analyst' | 'leadership' = 'analyst') {
  for (let i = 0; i < 600; i++) {
    const job = (await t.call(user, 'GET', `/api/v1/jobs/${id}`)).json();
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}

const count = async (t: TestApp, table: 'published_reports' | 'audit_log', where?: [string, string]) => {
  let q = t.ctx.db.selectFrom(table as 'audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) q = q.where(where[0] as 'action', '=', where[1]);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe.each(engines)('reports, resolution and triage as jobs on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 120_000);
  afterAll(async () => t?.close());

  it('produces the briefing PDF in the background for its owner only, recorded once', async () => {
    const res = await t.call('leadership', 'POST', '/api/v1/reports/briefing', { from: '2025-01-01', to: '2025-06-30' });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().backgroundJobId as string;
    const job = await waitForJob(t, id, 'leadership');
    expect(job).toMatchObject({ state: 'done', kind: 'report.briefing', progress: { done: 9, total: 9, unit: 'steps' } });
    const reportId = job.result.reportId as string;
    expect(await t.ctx.db.selectFrom('published_reports').select('kind').where('id', '=', reportId).executeTakeFirstOrThrow()).toEqual({ kind: 'briefing' });
    const pdf = await t.call('leadership', 'GET', `/api/v1/jobs/${id}/output`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(job.result.output.sha256);
    expect(await t.ctx.db.selectFrom('published_reports').select('output_sha256').where('id', '=', reportId).executeTakeFirstOrThrow()).toEqual({ output_sha256: job.result.output.sha256 });
    expect(await count(t, 'audit_log', ['action', 'job.output.read'])).toBe(1);
    // Someone else's job is not found; a branch-bound role may not start a briefing; bad dates name the field.
    expect((await t.call('analyst', 'GET', `/api/v1/jobs/${id}/output`)).statusCode).toBe(404);
    expect((await t.call('supA', 'POST', '/api/v1/reports/briefing', { from: '2025-01-01', to: '2025-06-30' })).statusCode).toBe(403);
    expect((await t.call('invA', 'POST', '/api/v1/reports/briefing', { from: '2025-01-01', to: '2025-06-30' })).statusCode).toBe(403);
    const bad = await t.call('leadership', 'POST', '/api/v1/reports/briefing', { from: '2025-06-30', to: '2025-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('to');

    // A worker killed after the step committed, before the job was marked done: the next attempt takes the
    // checkpoint and records nothing again.
    const before = await count(t, 'published_reports');
    const briefings = await count(t, 'audit_log', ['action', 'report.briefing']);
    await t.ctx.db.updateTable('background_jobs').set({ state: 'running', worker: 'killed-worker' }).where('id', '=', id).execute();
    expect(await runJob(t.ctx, id, workerSettings(process.env, { name: 'second-worker' }), null)).toBe('done');
    const again = await t.ctx.db.selectFrom('background_jobs').select(['result', 'state', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(again).toMatchObject({ state: 'done', attempts: 2 });
    expect((again.result as { reportId: string }).reportId).toBe(reportId);
    expect(await count(t, 'published_reports')).toBe(before);
    expect(await count(t, 'audit_log', ['action', 'report.briefing'])).toBe(briefings);
  }, 120_000);

  it('a step that fails after the service recorded the report leaves no report and no audit entry', async () => {
    const before = await count(t, 'published_reports');
    const briefings = await count(t, 'audit_log', ['action', 'report.briefing']);
    const leadership = t.users.leadership;
    const actor = { id: leadership.id, username: 'leadership', displayName: 'Leadership', role: 'leadership' as const, branchId: null, ip: null };
    const id = await insertJobRow({ ...t.ctx, actor }, 'test.briefing-then-fail', { from: '2025-01-01', to: '2025-03-31' });
    await expect(runJob(t.ctx, id, workerSettings(process.env, { name: 'w1' }), null)).rejects.toThrow(/went away/);
    expect(await count(t, 'published_reports')).toBe(before);
    expect(await count(t, 'audit_log', ['action', 'report.briefing'])).toBe(briefings);
    const row = await t.ctx.db.selectFrom('background_jobs').select(['state', 'checkpoint']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.state).toBe('queued');
    expect(row.checkpoint).toEqual({});
    await t.ctx.db.updateTable('background_jobs').set({ state: 'failed' }).where('id', '=', id).execute();
  }, 120_000);

  it('runs the duplicate-person batch and the tip re-scoring as jobs', async () => {
    const caseId = await openCase(t, 'Duplicates case', 'invA');
    for (const name of ['Farhan Qadeer Malik', 'Farhan Qadir Malik']) {
      const id = await addPerson(t, caseId, name);
      await t.ctx.db.insertInto('person_names').values({ person_id: id, name, script: 'latin', kind: 'primary' }).execute();
    }
    const res = await t.call('analyst', 'POST', '/api/v1/person-suggestions/batch');
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(t, res.json().backgroundJobId);
    expect(job).toMatchObject({ state: 'done', kind: 'resolution.batch' });
    expect(job.result.persons).toBeGreaterThanOrEqual(2);
    expect(job.result.stored).toBeGreaterThanOrEqual(1);
    expect(Number((await t.ctx.db.selectFrom('person_merge_suggestions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(job.result.stored);
    expect(await count(t, 'audit_log', ['action', 'person.duplicates.batch'])).toBe(1);
    expect((await t.call('invA', 'POST', '/api/v1/person-suggestions/batch')).statusCode).toBe(403);

    const tips = await t.call('analyst', 'POST', '/api/v1/tip-rules/rescore');
    expect(tips.statusCode, tips.body).toBe(202);
    const tjob = await waitForJob(t, tips.json().backgroundJobId);
    expect(tjob).toMatchObject({ state: 'done', kind: 'tips.rescore', result: { changed: 0 } });
    expect(await count(t, 'audit_log', ['action', 'tip.rescore'])).toBe(1);
    expect((await t.call('invA', 'POST', '/api/v1/tip-rules/rescore')).statusCode).toBe(403);
  }, 120_000);
});
