import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { openCase, setTeam } from '../operations/case-fixtures.ts';
import { runSchedules } from '../../src/modules/takedowns/schedules.ts';

const { engines } = await detectEngines();

// A valid v3 onion address (checksum included) of a synthetic service.
const ONION = 'pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion';

describe.each(engines)('takedowns API on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  let caseB: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    caseA = await openCase(t, 'Takedown case A');
    await setTeam(t, caseA, ['invA']);
    caseB = await openCase(t, 'Takedown case B', 'invB');
  });
  afterAll(async () => t?.close());
  afterEach(() => {
    delete t.ctx.clock;
  });

  const ask = (extra: object = {}) => ({ targetKind: 'url', target: 'https://video-host.example/watch?v=synthetic1', provider: 'VideoHost Example', requestedAt: '2025-06-01T10:00:00+05:00', ...extra });
  const count = async (table: 'takedowns' | 'takedown_notices' | 'takedown_status_history' | 'audit_log') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('re-notices an open takedown on its schedule (fake clock) until removal, once per interval', async () => {
    const res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/takedowns`, ask({ renoticeHours: 24, reference: 'VH-1001' }));
    expect(res.statusCode).toBe(201);
    const td = res.json();
    expect(td).toMatchObject({ status: 'requested', noticesSent: 1, renoticeHours: 24, reference: 'VH-1001', nextNoticeAt: '2025-06-02T05:00:00.000Z' });
    expect(td.notices).toHaveLength(1);

    // Ten hours later: nothing is due.
    expect((await runSchedules(t.ctx, new Date('2025-06-01T15:00:00Z'))).notices.sent).toBe(0);
    // 24 hours after the request: the second notice; running again at the same moment sends nothing more.
    const due = new Date('2025-06-02T05:00:00Z');
    t.ctx.clock = () => due;
    const listed = await t.call('invA', 'GET', '/api/v1/takedowns?due=true');
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(td.id);
    const first = await runSchedules(t.ctx, due);
    expect(first.notices.takedownIds).toContain(td.id);
    expect((await runSchedules(t.ctx, due)).notices.takedownIds).not.toContain(td.id);
    // The server's route does the same for the caller's cases.
    t.ctx.clock = () => new Date('2025-06-03T06:00:00Z');
    const viaApi = await t.call('invA', 'POST', '/api/v1/takedowns/renotice');
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.json().takedownIds).toContain(td.id);

    const after = (await t.call('invA', 'GET', `/api/v1/takedowns/${td.id}`)).json();
    expect(after.noticesSent).toBe(3);
    expect(after.notices.map((n: { number: number; sentAt: string }) => [n.number, n.sentAt])).toEqual([
      [1, '2025-06-01T05:00:00.000Z'], [2, '2025-06-02T05:00:00.000Z'], [3, '2025-06-03T06:00:00.000Z'],
    ]);
    expect(after.nextNoticeAt).toBe('2025-06-04T06:00:00.000Z');

    // Removed: no more notices, however late.
    const removed = await t.call('invA', 'POST', `/api/v1/takedowns/${td.id}/status`, { status: 'removed', at: '2025-06-03T12:00:00+05:00' });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ status: 'removed', nextNoticeAt: null, hoursToRemoval: 50 });
    expect((await runSchedules(t.ctx, new Date('2025-07-01T00:00:00Z'))).notices.takedownIds).not.toContain(td.id);
  });

  it('sends a due notice once when several runners fire at the same moment', async () => {
    const td = (await t.call('invA', 'POST', `/api/v1/cases/${caseA}/takedowns`, ask({ target: 'https://race.example/1', requestedAt: '2025-07-01T00:00:00Z', renoticeHours: 6 }))).json();
    const at = new Date('2025-07-01T06:00:00Z');
    const runs = await Promise.all([runSchedules(t.ctx, at), runSchedules(t.ctx, at), runSchedules(t.ctx, at)]);
    expect(runs.filter((r) => r.notices.takedownIds.includes(td.id))).toHaveLength(1);
    expect((await t.call('invA', 'GET', `/api/v1/takedowns/${td.id}`)).json().notices.map((n: { number: number }) => n.number)).toEqual([1, 2]);
  });

  it('keeps a status history and starts a new episode when the material reappears', async () => {
    const td = (await t.call('invA', 'POST', `/api/v1/cases/${caseA}/takedowns`, ask({ target: 'https://files.example/f/abc', provider: 'FileLocker Example', renoticeHours: 12 }))).json();
    const step = (status: string, at: string, extra: object = {}) => t.call('invA', 'POST', `/api/v1/takedowns/${td.id}/status`, { status, at, ...extra });
    expect((await step('acknowledged', '2025-06-01T12:00:00+05:00', { reference: 'FL-77' })).json().reference).toBe('FL-77');
    expect((await step('removed', '2025-06-01T20:00:00+05:00')).statusCode).toBe(200);
    // Removed cannot be refused or acknowledged: only reappear.
    const bad = await step('refused', '2025-06-02T10:00:00+05:00');
    expect(bad.statusCode).toBe(409);
    expect(bad.json().errors[0].field).toBe('status');
    const back = await step('reappeared', '2025-06-10T10:00:00+05:00', { note: 'mirror found' });
    expect(back.json()).toMatchObject({ status: 'reappeared', noticesSent: 2, removedAt: null, nextNoticeAt: '2025-06-10T17:00:00.000Z' });
    const again = await step('removed', '2025-06-10T16:00:00+05:00');
    expect(again.json().hoursToRemoval).toBe(6);
    expect(again.json().history.map((h: { fromStatus: string | null; toStatus: string }) => `${h.fromStatus ?? '-'}>${h.toStatus}`)).toEqual([
      '->requested', 'requested>acknowledged', 'acknowledged>removed', 'removed>reappeared', 'reappeared>removed',
    ]);
    expect(again.json().history[3].note).toBe('mirror found');
  });

  it('records accounts and onion services as entities of the graph', async () => {
    const acc = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/takedowns`, ask({ targetKind: 'account', target: '@Synthetic_Uploader', platform: 'Facebook', provider: 'Meta' }));
    expect(acc.statusCode).toBe(201);
    expect(acc.json().entityId).toBeTruthy();
    const entity = await t.ctx.db.selectFrom('entities').select(['kind', 'key']).where('id', '=', acc.json().entityId).executeTakeFirstOrThrow();
    expect(entity.kind).toBe('account');
    const onion = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/takedowns`, ask({ targetKind: 'onion', target: ONION, provider: 'Hosting Example (bulletproof)' }));
    expect(onion.statusCode).toBe(201);
    const e2 = await t.ctx.db.selectFrom('entities').select(['kind', 'key']).where('id', '=', onion.json().entityId).executeTakeFirstOrThrow();
    expect(e2).toEqual({ kind: 'ip_address', key: ONION });
    // The same account again is the same entity.
    const same = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/takedowns`, ask({ targetKind: 'account', entityId: acc.json().entityId, provider: 'Meta' }));
    expect(same.json().entityId).toBe(acc.json().entityId);
  });

  it('reports time to removal per provider: median, 90th percentile, count, open', async () => {
    const c = await openCase(t, 'Report case');
    // Provider "Report Host": removed after 10, 20, 30, 40 hours; one still up; one refused.
    for (const [i, hours] of [10, 20, 30, 40].entries()) {
      const td = (await t.call('invA', 'POST', `/api/v1/cases/${c}/takedowns`, ask({ target: `https://report.example/${i}`, provider: 'Report Host', requestedAt: '2025-06-01T00:00:00Z' }))).json();
      const at = new Date(Date.parse('2025-06-01T00:00:00Z') + hours * 3_600_000).toISOString();
      expect((await t.call('invA', 'POST', `/api/v1/takedowns/${td.id}/status`, { status: 'removed', at })).statusCode).toBe(200);
    }
    await t.call('invA', 'POST', `/api/v1/cases/${c}/takedowns`, ask({ target: 'https://report.example/open', provider: 'report host', requestedAt: '2025-06-01T00:00:00Z' }));
    const refused = (await t.call('invA', 'POST', `/api/v1/cases/${c}/takedowns`, ask({ target: 'https://report.example/no', provider: 'Report Host', requestedAt: '2025-06-01T00:00:00Z' }))).json();
    await t.call('invA', 'POST', `/api/v1/takedowns/${refused.id}/status`, { status: 'refused', at: '2025-06-02T00:00:00Z' });
    const report = await t.call('invA', 'GET', '/api/v1/takedowns/report');
    expect(report.statusCode).toBe(200);
    const row = report.json().providers.find((p: { provider: string }) => p.provider.toLowerCase() === 'report host');
    expect(row).toMatchObject({ count: 6, removed: 4, refused: 1, open: 1, medianHours: 25, p90Hours: 37 });
    // Another branch's investigator sees none of it.
    const other = await t.call('invB', 'GET', '/api/v1/takedowns/report');
    expect(other.json().providers.find((p: { provider: string }) => p.provider.toLowerCase() === 'report host')).toBeUndefined();
  });

  it('keeps takedowns to the case: another branch gets 404, leadership 403', async () => {
    const td = (await t.call('invB', 'POST', `/api/v1/cases/${caseB}/takedowns`, ask({ target: 'https://hidden.example/b' }))).json();
    for (const user of ['invA', 'supA'] as const) {
      expect((await t.call(user, 'GET', `/api/v1/takedowns/${td.id}`)).statusCode).toBe(404);
      expect((await t.call(user, 'POST', `/api/v1/takedowns/${td.id}/status`, { status: 'removed', at: '2025-06-02T00:00:00Z' })).statusCode).toBe(404);
      expect((await t.call(user, 'GET', `/api/v1/cases/${caseB}/takedowns`)).statusCode).toBe(404);
      expect((await t.call(user, 'POST', `/api/v1/cases/${caseB}/takedowns`, ask())).statusCode).toBe(404);
      expect((await t.call(user, 'GET', '/api/v1/takedowns')).json().items.map((i: { id: string }) => i.id)).not.toContain(td.id);
    }
    expect((await t.call('analyst', 'GET', `/api/v1/takedowns/${td.id}`)).statusCode).toBe(200);
    expect((await t.call('analyst', 'POST', `/api/v1/takedowns/${td.id}/status`, { status: 'removed', at: '2025-06-02T00:00:00Z' })).statusCode).toBe(403);
    for (const path of ['/api/v1/takedowns', `/api/v1/takedowns/${td.id}`, '/api/v1/takedowns/report']) {
      expect((await t.call('leadership', 'GET', path)).statusCode).toBe(403);
    }
  });

  it('refuses bad input naming the field and stores nothing', async () => {
    const before = await Promise.all([count('takedowns'), count('takedown_notices'), count('takedown_status_history'), count('audit_log')]);
    const cases: Array<[object, string]> = [
      [ask({ target: 'javascript:alert(1)' }), 'target'],
      [ask({ target: 'not a url' }), 'target'],
      [ask({ targetKind: 'onion', target: 'abc.onion' }), 'target'],
      [ask({ targetKind: 'web' }), 'body.targetKind'],
      [ask({ renoticeHours: 0 }), 'body.renoticeHours'],
      [ask({ renoticeHours: 24.5 }), 'body.renoticeHours'],
      [ask({ provider: 'x' }), 'body.provider'],
      [ask({ requestedAt: '2025-06-01' }), 'body.requestedAt'],
      [ask({ requestedAt: '2099-01-01T00:00:00Z' }), 'requestedAt'],
      [ask({ target: 'https://x.example/'.padEnd(3000, 'a') }), 'body.target'],
      [ask({ evil: true }), 'body.evil'],
      [ask({ platform: 'Facebook' }), 'platform'],
      [{ ...ask(), target: undefined }, 'target'],
    ];
    for (const [body, field] of cases) {
      const res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/takedowns`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 100)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(body).slice(0, 100)).toContain(field);
    }
    const td = (await t.call('invA', 'GET', `/api/v1/cases/${caseA}/takedowns`)).json().items[0];
    const badStatus = await t.call('invA', 'POST', `/api/v1/takedowns/${td.id}/status`, { status: 'gone', at: '2025-06-02T00:00:00Z' });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().errors[0].field).toBe('body.status');
    const after = await Promise.all([count('takedowns'), count('takedown_notices'), count('takedown_status_history'), count('audit_log')]);
    expect(after).toEqual(before);
  });
});
