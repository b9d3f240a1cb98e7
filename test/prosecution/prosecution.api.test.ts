import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { addPerson, countRows, openCase, randomId, setTeam, toTrial } from '../operations/case-fixtures.ts';

const { engines } = await detectEngines();

describe.each(engines)('prosecution API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const counted = ['charges', 'hearings', 'verdicts', 'appeals', 'accused_status_history', 'audit_log', 'case_events'] as const;
  const court = 'Sessions Court Muzaffargarh';
  const charge = (personId: string, offenceCode = 'PPC-377B') => ({ personId, offenceCode, court, framedAt: '2025-08-01T10:00:00+05:00' });
  const verdict = (personId: string, extra: object = {}) => ({ personId, outcome: 'convicted', court, decidedAt: '2026-02-10T10:00:00+05:00', ...extra });

  async function trialCase(title: string) {
    const caseId = await openCase(t, title);
    await setTeam(t, caseId, ['invA', 'prosecutor']);
    await toTrial(t, caseId);
    const a1 = await addPerson(t, caseId, 'Test Accused Foxtrot', 'ringleader', 'judicial_remand');
    const a2 = await addPerson(t, caseId, 'Test Accused Golf', 'facilitator', 'on_bail');
    const a3 = await addPerson(t, caseId, 'Test Accused Hotel', 'suspect', 'at_large');
    const witness = await addPerson(t, caseId, 'Test Witness India', 'witness');
    return { caseId, a1, a2, a3, witness };
  }

  async function expectRefused(user: 'prosecutor', method: 'POST' | 'PATCH', url: string, body: object, status: number, field: string) {
    const before = await countRows(t, [...counted]);
    const res = await t.call(user, method, url, body);
    expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countRows(t, [...counted])).toEqual(before);
  }

  it('frames charges against the accused only, under catalogue offences, once', async () => {
    const { caseId, a1, a2, witness } = await trialCase('Charges case');
    const res = await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1));
    expect(res.statusCode).toBe(201);
    expect(res.json().charges).toEqual([expect.objectContaining({ person: { id: a1, displayName: 'Test Accused Foxtrot' }, offenceCode: 'PPC-377B', court, framedAt: '2025-08-01T05:00:00.000Z' })]);
    expect(res.json().charges[0].offenceTitle.length).toBeGreaterThan(3);
    expect((await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1, 'PECA-22'))).statusCode).toBe(201);
    expect((await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a2, 'PECA-22'))).statusCode).toBe(201);

    await expectRefused('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1), 409, 'offenceCode');
    await expectRefused('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1, 'PPC-999'), 400, 'offenceCode');
    await expectRefused('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1, 'PPC 377'), 400, 'body.offenceCode');
    await expectRefused('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(witness), 400, 'personId');
    await expectRefused('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(randomId()), 400, 'personId');
    await expectRefused('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, { ...charge(a1, 'PPC-384'), framedAt: '2999-01-01T00:00:00Z' }, 400, 'framedAt');
    await expectRefused('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, { ...charge(a1, 'PPC-384'), court: '' }, 400, 'body.court');
  });

  it('records hearings with Urdu text and their outcomes once held', async () => {
    const { caseId } = await trialCase('Hearings case');
    const res = await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/hearings`, { court, scheduledFor: '2025-09-01T09:00:00+05:00', purpose: 'فرد جرم عائد کرنا' });
    expect(res.statusCode).toBe(201);
    const h = res.json().hearings[0];
    expect(h).toMatchObject({ court, purpose: 'فرد جرم عائد کرنا', outcome: null, scheduledFor: '2025-09-01T04:00:00.000Z' });
    const out = await t.call('prosecutor', 'PATCH', `/api/v1/hearings/${h.id}`, { outcome: 'سماعت ملتوی، اگلی تاریخ مقرر' });
    expect(out.statusCode).toBe(200);
    expect(out.json().hearings[0].outcome).toBe('سماعت ملتوی، اگلی تاریخ مقرر');
    // A future hearing has no outcome yet.
    const nextYear = new Date().getUTCFullYear() + 1;
    const future = (await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/hearings`, { court, scheduledFor: `${nextYear}-01-01T09:00:00+05:00`, purpose: 'evidence of witnesses' })).json();
    const fid = future.hearings.find((x: { scheduledFor: string }) => x.scheduledFor.startsWith(String(nextYear))).id;
    await expectRefused('prosecutor', 'PATCH', `/api/v1/hearings/${fid}`, { outcome: 'adjourned' }, 400, 'outcome');
    await expectRefused('prosecutor', 'POST', `/api/v1/cases/${caseId}/hearings`, { court, scheduledFor: `${nextYear}-01-01T09:00:00+05:00`, purpose: 'x', outcome: 'held' }, 400, 'body.purpose');
    await expectRefused('prosecutor', 'POST', `/api/v1/cases/${caseId}/hearings`, { court, scheduledFor: 'next week', purpose: 'arguments' }, 400, 'body.scheduledFor');
    expect((await t.call('invA', 'GET', `/api/v1/cases/${caseId}/prosecution`)).json().hearings).toHaveLength(2);
  });

  it('records verdicts by the rules and moves the accused to convicted or acquitted with history', async () => {
    const { caseId, a1, a2, a3 } = await trialCase('Verdict case');
    await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1));
    await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a2, 'PECA-22'));
    const url = `/api/v1/cases/${caseId}/verdicts`;

    // Only for a charged accused; sentence and fine only on conviction; at most 100 years.
    await expectRefused('prosecutor', 'POST', url, verdict(a3), 400, 'personId');
    await expectRefused('prosecutor', 'POST', url, verdict(a2, { outcome: 'acquitted', sentence: { years: 1, months: 0 } }), 400, 'sentence');
    await expectRefused('prosecutor', 'POST', url, verdict(a2, { outcome: 'acquitted', fineRupees: 1000 }), 400, 'fineRupees');
    await expectRefused('prosecutor', 'POST', url, verdict(a1, { sentence: { years: 101, months: 0 } }), 400, 'body.sentence.years');
    await expectRefused('prosecutor', 'POST', url, verdict(a1, { sentence: { years: 100, months: 1 } }), 400, 'sentence');
    await expectRefused('prosecutor', 'POST', url, verdict(a1, { sentence: { years: -1, months: 0 } }), 400, 'body.sentence.years');
    await expectRefused('prosecutor', 'POST', url, verdict(a1, { sentence: { years: 4, months: 12 } }), 400, 'body.sentence.months');
    await expectRefused('prosecutor', 'POST', url, verdict(a1, { outcome: 'guilty' }), 400, 'body.outcome');
    await expectRefused('prosecutor', 'POST', url, verdict(a1, { decidedAt: '2025-07-01T10:00:00+05:00' }), 400, 'decidedAt');
    await expectRefused('prosecutor', 'POST', url, verdict(a1, { fineRupees: -5 }), 400, 'body.fineRupees');

    const conv = await t.call('prosecutor', 'POST', url, verdict(a1, { sentence: { years: 7, months: 6 }, fineRupees: 500_000 }));
    expect(conv.statusCode).toBe(201);
    expect(conv.json().verdicts).toEqual([expect.objectContaining({
      person: { id: a1, displayName: 'Test Accused Foxtrot' }, outcome: 'convicted', court, decidedAt: '2026-02-10T05:00:00.000Z',
      sentenceMonths: 90, sentence: { years: 7, months: 6 }, fineRupees: 500_000, appeals: [],
    })]);
    const stored = await t.ctx.db.selectFrom('verdicts').select(['sentence_months', 'fine_rupees']).where('person_id', '=', a1).executeTakeFirstOrThrow();
    expect(stored).toEqual({ sentence_months: 90, fine_rupees: 500_000 });
    const acq = await t.call('prosecutor', 'POST', url, verdict(a2, { outcome: 'acquitted' }));
    expect(acq.statusCode).toBe(201);
    await expectRefused('prosecutor', 'POST', url, verdict(a1, { outcome: 'acquitted' }), 409, 'personId');

    const links = await t.ctx.db.selectFrom('case_persons').select(['person_id', 'accused_status']).where('case_id', '=', caseId).where('role', '!=', 'witness').execute();
    expect(Object.fromEntries(links.map((l) => [l.person_id, l.accused_status]))).toEqual({ [a1]: 'convicted', [a2]: 'acquitted', [a3]: 'at_large' });
    const history = await t.ctx.db.selectFrom('accused_status_history').select(['person_id', 'from_status', 'to_status', 'reason', 'at', 'actor_id']).where('case_id', '=', caseId).orderBy('id').execute();
    expect(history).toEqual([
      { person_id: a1, from_status: 'judicial_remand', to_status: 'convicted', reason: `convicted by ${court}`, at: new Date('2026-02-10T05:00:00Z'), actor_id: t.users.prosecutor.id },
      { person_id: a2, from_status: 'on_bail', to_status: 'acquitted', reason: `acquitted by ${court}`, at: new Date('2026-02-10T05:00:00Z'), actor_id: t.users.prosecutor.id },
    ]);
    const view = (await t.call('supA', 'GET', `/api/v1/cases/${caseId}/prosecution`)).json();
    expect(view.accused.map((a: { displayName: string; status: string; charged: boolean }) => [a.displayName, a.status, a.charged])).toEqual([
      ['Test Accused Foxtrot', 'convicted', true],
      ['Test Accused Golf', 'acquitted', true],
      ['Test Accused Hotel', 'at_large', false],
    ]);
    expect(view.verdicts.find((v: { person: { id: string } }) => v.person.id === a2)).toMatchObject({ sentence: null, sentenceMonths: null, fineRupees: null });
  });

  it('accepts the longest sentence, and files and decides appeals', async () => {
    const { caseId, a1 } = await trialCase('Appeal case');
    await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1));
    const v = (await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/verdicts`, verdict(a1, { sentence: { years: 100, months: 0 } }))).json().verdicts[0];
    expect(v.sentenceMonths).toBe(1200);
    const url = `/api/v1/verdicts/${v.id}/appeals`;
    await expectRefused('prosecutor', 'POST', url, { court: 'Lahore High Court, Multan Bench', filedAt: '2026-01-01T10:00:00+05:00', filedBy: 'defence' }, 400, 'filedAt');
    await expectRefused('prosecutor', 'POST', url, { court: 'Lahore High Court, Multan Bench', filedAt: '2026-03-01T10:00:00+05:00', filedBy: 'accused' }, 400, 'body.filedBy');
    const filed = await t.call('prosecutor', 'POST', url, { court: 'Lahore High Court, Multan Bench', filedAt: '2026-03-01T10:00:00+05:00', filedBy: 'defence' });
    expect(filed.statusCode).toBe(201);
    const appeal = filed.json().verdicts[0].appeals[0];
    expect(appeal).toMatchObject({ filedBy: 'defence', status: 'pending', decidedAt: null });
    await expectRefused('prosecutor', 'POST', url, { court: 'Lahore High Court, Multan Bench', filedAt: '2026-03-02T10:00:00+05:00', filedBy: 'defence' }, 409, 'filedBy');
    await expectRefused('prosecutor', 'PATCH', `/api/v1/appeals/${appeal.id}`, { status: 'dismissed', decidedAt: '2026-02-01T10:00:00+05:00' }, 400, 'decidedAt');
    await expectRefused('prosecutor', 'PATCH', `/api/v1/appeals/${appeal.id}`, { status: 'pending', decidedAt: '2026-04-01T10:00:00+05:00' }, 400, 'body.status');
    const decided = await t.call('prosecutor', 'PATCH', `/api/v1/appeals/${appeal.id}`, { status: 'dismissed', decidedAt: '2026-04-01T10:00:00+05:00' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().verdicts[0].appeals[0]).toMatchObject({ status: 'dismissed', decidedAt: '2026-04-01T05:00:00.000Z' });
    await expectRefused('prosecutor', 'PATCH', `/api/v1/appeals/${appeal.id}`, { status: 'allowed', decidedAt: '2026-04-02T10:00:00+05:00' }, 409, 'status');
  });

  it('is written only by the prosecutor on the team; read by those who see the case; 404 for everyone else', async () => {
    const caseId = await openCase(t, 'Prosecution access case');
    const a1 = await addPerson(t, caseId, 'Test Accused Juliet');
    // Not yet on the team: the case does not exist for the prosecutor.
    expect((await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1))).statusCode).toBe(404);
    expect((await t.call('prosecutor', 'GET', `/api/v1/cases/${caseId}/prosecution`)).statusCode).toBe(404);
    await setTeam(t, caseId, ['invA', 'prosecutor']);
    await toTrial(t, caseId);
    const res = await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1));
    expect(res.statusCode).toBe(201);
    const hearing = (await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/hearings`, { court, scheduledFor: '2025-09-01T09:00:00+05:00', purpose: 'framing of charge' })).json().hearings[0];
    const v = (await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/verdicts`, verdict(a1, { sentence: { years: 4, months: 0 } }))).json().verdicts[0];

    for (const user of ['invA', 'supA', 'analyst'] as const) {
      expect((await t.call(user, 'POST', `/api/v1/cases/${caseId}/charges`, charge(a1, 'PECA-22'))).statusCode).toBe(403);
      expect((await t.call(user, 'POST', `/api/v1/cases/${caseId}/hearings`, { court, scheduledFor: '2025-09-02T09:00:00+05:00', purpose: 'arguments' })).statusCode).toBe(403);
      expect((await t.call(user, 'POST', `/api/v1/verdicts/${v.id}/appeals`, { court, filedAt: '2026-03-01T10:00:00+05:00', filedBy: 'defence' })).statusCode).toBe(403);
      const view = await t.call(user, 'GET', `/api/v1/cases/${caseId}/prosecution`);
      expect(view.statusCode).toBe(200);
      expect(view.json()).toMatchObject({ caseId, charges: [expect.objectContaining({ offenceCode: 'PPC-377B' })], verdicts: [expect.objectContaining({ sentenceMonths: 48 })] });
    }
    for (const user of ['invA2', 'invB', 'supB'] as const) expect((await t.call(user, 'GET', `/api/v1/cases/${caseId}/prosecution`)).statusCode).toBe(404);
    for (const user of ['leadership', 'admin', 'auditor', 'prot'] as const) expect((await t.call(user, 'GET', `/api/v1/cases/${caseId}/prosecution`)).statusCode).toBe(403);

    // Taken off the team, the prosecutor loses the case and everything on it.
    await setTeam(t, caseId, ['invA']);
    const before = await countRows(t, [...counted]);
    expect((await t.call('prosecutor', 'PATCH', `/api/v1/hearings/${hearing.id}`, { outcome: 'held' })).statusCode).toBe(404);
    expect((await t.call('prosecutor', 'POST', `/api/v1/verdicts/${v.id}/appeals`, { court, filedAt: '2026-03-01T10:00:00+05:00', filedBy: 'prosecution' })).statusCode).toBe(404);
    expect((await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/hearings`, { court, scheduledFor: '2025-09-02T09:00:00+05:00', purpose: 'arguments' })).statusCode).toBe(404);
    expect((await t.call('prosecutor', 'PATCH', `/api/v1/appeals/${randomId()}`, { status: 'allowed', decidedAt: '2026-04-01T10:00:00+05:00' })).statusCode).toBe(404);
    expect(await countRows(t, [...counted])).toEqual(before);

    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('actor_name', '=', 'prosecutor').where('action', 'like', 'prosecution.%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['prosecution.charge', 'prosecution.hearing.add', 'prosecution.verdict']));
  });
});
