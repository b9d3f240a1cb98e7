import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { addPerson, openCase, setTeam } from '../operations/case-fixtures.ts';
import { runSchedules } from '../../src/modules/takedowns/schedules.ts';

const { engines } = await detectEngines();

describe.each(engines)('legal and cooperation requests API on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  let caseB: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    caseA = await openCase(t, 'Requests case A');
    await setTeam(t, caseA, ['invA', 'invA2', 'prosecutor']);
    caseB = await openCase(t, 'Requests case B', 'invB');
  });
  afterAll(async () => t?.close());
  afterEach(() => {
    delete t.ctx.clock;
  });

  const preservation = (extra: object = {}) => ({
    kind: 'preservation', recipient: 'Meta Platforms (law enforcement response team)', subject: 'Subscriber records and content of account synthetic_uploader',
    reference: 'MLERT-2025-0001', sentAt: '2025-06-01T10:00:00+05:00', ...extra,
  });
  const notificationsOf = async (user: 'invA' | 'invA2' | 'prosecutor' | 'invB' | 'supA') =>
    (await t.call(user, 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'legal_request.deadline');

  it('alerts the case team once, a week before a preservation expires (90 days by default), and again once after an extension', async () => {
    t.ctx.clock = () => new Date('2025-06-01T06:00:00Z');
    const res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/legal-requests`, preservation());
    expect(res.statusCode).toBe(201);
    const r = res.json();
    // 90 days after it was sent, with the rule stored with it, told 7 days ahead.
    expect(r).toMatchObject({ kind: 'preservation', status: 'sent', deadlineAt: '2025-08-30T05:00:00.000Z', alertLeadHours: 168, alertSentAt: null, lapsed: false });
    expect(r.legalBasis).toMatch(/2703\(f\)/);

    // Eight days before expiry: not yet.
    expect((await runSchedules(t.ctx, new Date('2025-08-22T05:00:00Z'))).alerts.alerted).toBe(0);
    expect(await notificationsOf('invA')).toHaveLength(0);
    // Seven days before: the whole team (and only the team) is told.
    const week = new Date('2025-08-23T06:00:00Z');
    expect((await runSchedules(t.ctx, week)).alerts.alerted).toBe(1);
    for (const user of ['invA', 'invA2', 'prosecutor'] as const) {
      const mine = await notificationsOf(user);
      expect(mine, user).toHaveLength(1);
      expect(mine[0].legalRequest).toMatchObject({ id: r.id, kind: 'preservation', deadlineAt: '2025-08-30T05:00:00.000Z' });
    }
    expect(await notificationsOf('invB')).toHaveLength(0);
    // Once: later runs (the job every few minutes, the CLI) do not repeat it.
    expect((await runSchedules(t.ctx, new Date('2025-08-25T06:00:00Z'))).alerts.alerted).toBe(0);
    expect((await runSchedules(t.ctx, new Date('2025-08-29T06:00:00Z'))).alerts.alerted).toBe(0);
    expect(await notificationsOf('invA')).toHaveLength(1);

    // Renewed for another 90 days: a new deadline, one new alert before it.
    const ext = await t.call('invA', 'POST', `/api/v1/legal-requests/${r.id}/followups`, { kind: 'extension', at: '2025-08-25T10:00:00+05:00', newDeadlineAt: '2025-11-28T05:00:00Z', note: 'renewed under 2703(f)' });
    expect(ext.statusCode).toBe(200);
    expect(ext.json()).toMatchObject({ deadlineAt: '2025-11-28T05:00:00.000Z', alertSentAt: null });
    expect(ext.json().followups[0]).toMatchObject({ kind: 'extension', previousDeadlineAt: '2025-08-30T05:00:00.000Z', newDeadlineAt: '2025-11-28T05:00:00.000Z' });
    expect((await runSchedules(t.ctx, new Date('2025-11-01T00:00:00Z'))).alerts.alerted).toBe(0);
    expect((await runSchedules(t.ctx, new Date('2025-11-22T00:00:00Z'))).alerts.alerted).toBe(1);
    expect((await runSchedules(t.ctx, new Date('2025-11-23T00:00:00Z'))).alerts.alerted).toBe(0);
    expect(await notificationsOf('invA')).toHaveLength(2);
  });

  it('counts the requests that lapsed (deadline passed while open), not those answered in time', async () => {
    const c = await openCase(t, 'Lapse case');
    const made = async (body: object) => (await t.call('invA', 'POST', `/api/v1/cases/${c}/legal-requests`, body)).json();
    const lapsed = await made(preservation({ deadlineAt: '2025-07-01T00:00:00Z' }));
    const answered = await made({ kind: 'emergency_disclosure', recipient: 'Synthetic Chat Inc.', subject: 'Location of a child in danger', sentAt: '2025-06-01T10:00:00Z', deadlineAt: '2025-06-01T16:00:00Z' });
    const f = await t.call('invA', 'POST', `/api/v1/legal-requests/${answered.id}/followups`, { kind: 'fulfilled', at: '2025-06-01T13:00:00Z', note: 'IP log and last login given' });
    expect(f.json()).toMatchObject({ status: 'fulfilled', answer: 'IP log and last login given', answeredAt: '2025-06-01T13:00:00.000Z', lapsed: false, allowedFollowups: ['follow_up'] });
    await made({ kind: 'mutual_legal_assistance', recipient: 'Federal Office of Justice, Germany', subject: 'Evidence of the payments', sentAt: '2025-06-01T10:00:00Z' });

    t.ctx.clock = () => new Date('2025-08-01T00:00:00Z');
    const figures = (await t.call('invA', 'GET', '/api/v1/legal-requests/figures')).json();
    expect(figures.lapsed).toBeGreaterThanOrEqual(1);
    const byKind = Object.fromEntries(figures.byKind.map((k: { kind: string }) => [k.kind, k]));
    expect(byKind.emergency_disclosure).toMatchObject({ total: 1, open: 0, lapsed: 0 });
    expect(byKind.mutual_legal_assistance).toMatchObject({ total: 1, open: 1, lapsed: 0 });
    const list = (await t.call('invA', 'GET', '/api/v1/legal-requests?lapsed=true')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(lapsed.id);
    expect(list.items.every((i: { lapsed: boolean }) => i.lapsed)).toBe(true);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(answered.id);
    // A lapsed request is never alerted (the deadline is past).
    expect((await runSchedules(t.ctx, new Date('2025-08-01T00:00:00Z'))).alerts.alerted).toBe(0);
  });

  it('records an Interpol notice for a suspect of the case, with its colour', async () => {
    const person = await addPerson(t, caseA, 'Synthetic Ringleader Abroad', 'ringleader');
    const res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/legal-requests`, {
      kind: 'interpol_notice', interpolColour: 'red', recipient: 'INTERPOL NCB Islamabad', subject: 'Red Notice request for the ringleader, believed in Germany', personId: person, sentAt: '2025-06-05T10:00:00+05:00',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'interpol_notice', interpolColour: 'red', person: { id: person }, deadlineAt: null, alertLeadHours: 168 });
    const noColour = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/legal-requests`, { kind: 'interpol_notice', recipient: 'INTERPOL NCB Islamabad', subject: 'x y', sentAt: '2025-06-05T10:00:00+05:00' });
    expect(noColour.statusCode).toBe(400);
    expect(noColour.json().errors[0].field).toBe('interpolColour');
    // A person of another case is refused, naming the field.
    const stranger = await addPerson(t, caseB, 'Synthetic Other Person', 'suspect');
    const wrong = await t.call('supA', 'POST', `/api/v1/cases/${caseA}/legal-requests`, { kind: 'interpol_notice', interpolColour: 'blue', recipient: 'INTERPOL NCB Islamabad', subject: 'x y', personId: stranger, sentAt: '2025-06-05T10:00:00+05:00' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('personId');
  });

  it('keeps requests to the case: another branch gets 404, leadership 403', async () => {
    const r = (await t.call('invB', 'POST', `/api/v1/cases/${caseB}/legal-requests`, preservation())).json();
    for (const user of ['invA', 'supA', 'prosecutor'] as const) {
      expect((await t.call(user, 'GET', `/api/v1/legal-requests/${r.id}`)).statusCode).toBe(404);
      expect((await t.call(user, 'POST', `/api/v1/legal-requests/${r.id}/followups`, { kind: 'follow_up', at: '2025-06-02T00:00:00Z' })).statusCode).toBe(404);
      expect((await t.call(user, 'GET', `/api/v1/cases/${caseB}/legal-requests`)).statusCode).toBe(404);
      expect((await t.call(user, 'GET', '/api/v1/legal-requests')).json().items.map((i: { id: string }) => i.id)).not.toContain(r.id);
    }
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseB}/legal-requests`, preservation())).statusCode).toBe(404);
    for (const path of ['/api/v1/legal-requests', `/api/v1/legal-requests/${r.id}`, '/api/v1/legal-requests/figures']) {
      expect((await t.call('leadership', 'GET', path)).statusCode).toBe(403);
    }
    expect((await t.call('leadership', 'POST', `/api/v1/cases/${caseA}/legal-requests`, preservation())).statusCode).toBe(403);
  });

  it('refuses bad input naming the field and stores nothing', async () => {
    const count = async (table: 'legal_requests' | 'legal_request_followups' | 'audit_log') =>
      Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await Promise.all([count('legal_requests'), count('legal_request_followups'), count('audit_log')]);
    const cases: Array<[object, string]> = [
      [preservation({ kind: 'subpoena' }), 'body.kind'],
      [preservation({ deadlineAt: '2025-05-01T00:00:00Z' }), 'deadlineAt'],
      [preservation({ deadlineAt: 'tomorrow' }), 'body.deadlineAt'],
      [preservation({ interpolColour: 'red' }), 'interpolColour'],
      [preservation({ alertLeadHours: -1 }), 'body.alertLeadHours'],
      [preservation({ recipient: '' }), 'body.recipient'],
      [preservation({ subject: 'x'.repeat(1001) }), 'body.subject'],
      [preservation({ sentAt: '2099-01-01T00:00:00Z' }), 'sentAt'],
      [preservation({ personId: 'not-a-uuid' }), 'body.personId'],
      [preservation({ extra: 1 }), 'body.extra'],
    ];
    for (const [body, field] of cases) {
      const res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/legal-requests`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(body).slice(0, 120)).toContain(field);
    }
    const r = (await t.call('invA', 'GET', `/api/v1/cases/${caseA}/legal-requests?kind=preservation`)).json().items[0];
    const f1 = await t.call('invA', 'POST', `/api/v1/legal-requests/${r.id}/followups`, { kind: 'extension', at: '2025-08-26T00:00:00Z' });
    expect(f1.json().errors[0].field).toBe('newDeadlineAt');
    const f2 = await t.call('invA', 'POST', `/api/v1/legal-requests/${r.id}/followups`, { kind: 'follow_up', at: '2025-08-26T00:00:00Z', newDeadlineAt: '2026-01-01T00:00:00Z' });
    expect(f2.json().errors[0].field).toBe('newDeadlineAt');
    const f3 = await t.call('invA', 'POST', `/api/v1/legal-requests/${r.id}/followups`, { kind: 'answered', at: '2025-08-26T00:00:00Z' });
    expect(f3.json().errors[0].field).toBe('body.kind');
    expect(await Promise.all([count('legal_requests'), count('legal_request_followups'), count('audit_log')])).toEqual(before);
  });
});
