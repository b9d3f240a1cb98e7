import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';

const { engines } = await detectEngines();
const md5 = (i: number) => i.toString(16).padStart(32, '0');

async function waitForJob(t: TestApp, user: 'analyst', id: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await t.call(user, 'GET', `/api/v1/jobs/${id}`)).json();
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

describe.each(engines)('hash sets API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const upload = (query: string, body: string, user: 'analyst' | 'invA' = 'analyst') =>
    t.app.inject({ method: 'POST', url: `/api/v1/hash-sets/import?${query}`, payload: body, headers: { authorization: `Bearer ${t.users[user].token}`, 'content-type': 'application/octet-stream' } });

  it('imports a VICS file in the background with progress, lists and exports it', async () => {
    const doc = { 'odata.metadata': 'http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media', value: Array.from({ length: 2500 }, (_, i) => ({ MediaID: i, Category: (i % 3) + 1, MD5: md5(i + 1), IsDistributed: 'true' })) };
    const res = await upload('name=Set%20A&source=Synthetic&version=1&format=vics', JSON.stringify(doc));
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(t, 'analyst', res.json().backgroundJobId);
    expect(job).toMatchObject({ state: 'done', progress: { done: 2500, unit: 'entries' } });
    const list = (await t.call('analyst', 'GET', '/api/v1/hash-sets')).json();
    const set = list.items.find((s: { name: string }) => s.name === 'Set A');
    expect(set.entryCount).toBe(2500);
    const detail = (await t.call('invA', 'GET', `/api/v1/hash-sets/${set.id}`)).json();
    expect(detail.categories).toEqual([{ category: '1', count: 834 }, { category: '2', count: 833 }, { category: '3', count: 833 }]);
    const csv = await t.call('analyst', 'GET', `/api/v1/hash-sets/${set.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim().split('\n')).toHaveLength(2501);
    const exports = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'hashset.export').execute();
    expect(exports).toHaveLength(1);
  });

  it('stores nothing when a file is bad at entry 2,001, and reports where', async () => {
    const lines = ['md5,category', ...Array.from({ length: 2000 }, (_, i) => `${md5(10_000 + i)},1`), 'nothex,1'];
    const res = await upload('name=Broken&source=x&format=csv', lines.join('\n'));
    const job = await waitForJob(t, 'analyst', res.json().backgroundJobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/line 2002: md5 must be 32 hex/);
    const sets = await t.ctx.db.selectFrom('hash_sets').select('name').where('name', '=', 'Broken').execute();
    expect(sets).toEqual([]);
    const entries = await t.ctx.db.selectFrom('hash_set_entries').select('id').where('md5', '=', md5(10_000)).execute();
    expect(entries).toEqual([]);
  });

  it('refuses duplicates by name, bad formats and the wrong roles', async () => {
    await waitForJob(t, 'analyst', (await upload('name=Dup&source=x&format=md5-list', `${md5(1)}\n`)).json().backgroundJobId);
    const again = await waitForJob(t, 'analyst', (await upload('name=Dup&source=x&format=md5-list', `${md5(2)}\n`)).json().backgroundJobId);
    expect(again.state).toBe('failed');
    expect(again.error).toMatch(/exists/);
    expect((await upload('name=X&source=x&format=exe', 'x')).statusCode).toBe(400);
    expect((await upload('name=X&source=x&format=csv', 'x', 'invA')).statusCode).toBe(403);
    expect((await t.call('leadership', 'GET', '/api/v1/hash-sets')).statusCode).toBe(403);
    // Someone else's job is not visible.
    const mine = (await upload('name=Mine&source=x&format=md5-list', `${md5(3)}\n`)).json().backgroundJobId;
    expect((await t.call('invA', 'GET', `/api/v1/jobs/${mine}`)).statusCode).toBe(404);
  });
});
