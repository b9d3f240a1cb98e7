import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { countRows, openCase, randomId, setTeam } from '../operations/case-fixtures.ts';

const { engines } = await detectEngines();

describe.each(engines)('evidence API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const item = (label: string, extra: object = {}) => ({ label, kind: 'phone', description: 'موبائل فون، سیاہ رنگ (synthetic)', seizedAt: '2025-05-23T09:00:00+05:00', ...extra });
  const counted = ['evidence_items', 'custody_transfers', 'audit_log', 'case_events'] as const;

  async function teamCase(title: string) {
    const id = await openCase(t, title);
    await setTeam(t, id, ['invA', 'invA2', 'prosecutor']);
    return id;
  }

  it('records an item with its first custodian and keeps Urdu text', async () => {
    const caseId = await openCase(t, 'Evidence record case');
    const res = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, item('EV-100'));
    expect(res.statusCode).toBe(201);
    const ev = res.json();
    expect(ev).toMatchObject({ caseId, label: 'EV-100', kind: 'phone', description: 'موبائل فون، سیاہ رنگ (synthetic)', seizedAt: '2025-05-23T04:00:00.000Z', operation: null });
    expect(ev.custodian).toEqual({ id: t.users.invA.id, displayName: 'Test invA' });
    expect(ev.chain).toEqual([expect.objectContaining({ from: null, to: { id: t.users.invA.id, displayName: 'Test invA' }, at: '2025-05-23T04:00:00.000Z', reason: 'taken into evidence' })]);
    expect(ev.media).toEqual({ ingestJobs: 0, files: 0 });
    expect(ev.canTransfer).toBe(true);
    const again = (await t.call('analyst', 'GET', `/api/v1/evidence/${ev.id}`)).json();
    expect(again.description).toBe('موبائل فون، سیاہ رنگ (synthetic)');
    expect(again.canTransfer).toBe(false);
  });

  it('keeps the chain in order; the custodian follows the last hand-over; only the custodian or the branch supervisor hands over', async () => {
    const caseId = await teamCase('Custody chain case');
    const ev = (await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, item('EV-200'))).json();

    // invA2 is on the team but does not hold the item: refused, nothing stored.
    let before = await countRows(t, [...counted]);
    const notCustodian = await t.call('invA2', 'POST', `/api/v1/evidence/${ev.id}/transfers`, { toUserId: t.users.invA2.id, reason: 'taking it' });
    expect(notCustodian.statusCode).toBe(403);
    expect(notCustodian.headers['content-type']).toContain('application/problem+json');
    expect(await countRows(t, [...counted])).toEqual(before);

    const h1 = await t.call('invA', 'POST', `/api/v1/evidence/${ev.id}/transfers`, { toUserId: t.users.invA2.id, reason: 'to the forensic desk', at: '2025-05-24T10:00:00+05:00' });
    expect(h1.statusCode).toBe(201);
    expect(h1.json().custodian.id).toBe(t.users.invA2.id);

    // invA no longer holds it.
    before = await countRows(t, [...counted]);
    expect((await t.call('invA', 'POST', `/api/v1/evidence/${ev.id}/transfers`, { toUserId: t.users.invA.id, reason: 'taking it back' })).statusCode).toBe(403);
    expect(await countRows(t, [...counted])).toEqual(before);

    // Not back in time, not to the holder, not to someone who cannot see the case.
    const cases: Array<[object, string]> = [
      [{ toUserId: t.users.invA.id, reason: 'back-dated', at: '2025-05-24T09:59:00+05:00' }, 'at'],
      [{ toUserId: t.users.invA2.id, reason: 'to myself' }, 'toUserId'],
      [{ toUserId: t.users.invB.id, reason: 'other branch' }, 'toUserId'],
      [{ toUserId: t.users.supB.id, reason: 'other branch supervisor' }, 'toUserId'],
      [{ toUserId: t.users.prot.id, reason: 'protection officer' }, 'toUserId'],
      [{ toUserId: randomId(), reason: 'nobody' }, 'toUserId'],
      [{ toUserId: t.users.invA.id, reason: 'in the future', at: '2999-01-01T00:00:00Z' }, 'at'],
      [{ toUserId: t.users.invA.id, reason: 'x' }, 'body.reason'],
      [{ toUserId: 'invA', reason: 'not an id' }, 'body.toUserId'],
    ];
    for (const [body, field] of cases) {
      before = await countRows(t, [...counted]);
      const res = await t.call('invA2', 'POST', `/api/v1/evidence/${ev.id}/transfers`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await countRows(t, [...counted])).toEqual(before);
    }

    // To the prosecutor on the team (who can see the case), then the branch supervisor moves it on.
    expect((await t.call('invA2', 'POST', `/api/v1/evidence/${ev.id}/transfers`, { toUserId: t.users.prosecutor.id, reason: 'for production in court', at: '2025-06-01T09:00:00+05:00' })).statusCode).toBe(201);
    expect((await t.call('invA2', 'POST', `/api/v1/evidence/${ev.id}/transfers`, { toUserId: t.users.invA.id, reason: 'again' })).statusCode).toBe(403);
    const bySup = await t.call('supA', 'POST', `/api/v1/evidence/${ev.id}/transfers`, { toUserId: t.users.analyst.id, reason: 'HQ analysis', at: '2025-06-02T09:00:00+05:00' });
    expect(bySup.statusCode).toBe(201);

    const full = (await t.call('invA', 'GET', `/api/v1/evidence/${ev.id}`)).json();
    expect(full.chain.map((c: { from: { displayName: string } | null; to: { displayName: string } }) => [c.from?.displayName ?? null, c.to.displayName])).toEqual([
      [null, 'Test invA'],
      ['Test invA', 'Test invA2'],
      ['Test invA2', 'Test prosecutor'],
      ['Test prosecutor', 'Test analyst'],
    ]);
    expect(full.chain.map((c: { at: string }) => c.at)).toEqual(['2025-05-23T04:00:00.000Z', '2025-05-24T05:00:00.000Z', '2025-06-01T04:00:00.000Z', '2025-06-02T04:00:00.000Z']);
    expect(full.chain[3].recordedBy).toEqual({ id: t.users.supA.id, displayName: 'Test supA' });
    expect(full.custodian).toEqual({ id: t.users.analyst.id, displayName: 'Test analyst' });
    // The analyst holds it but records nothing (read-only role).
    expect((await t.call('analyst', 'POST', `/api/v1/evidence/${ev.id}/transfers`, { toUserId: t.users.invA.id, reason: 'returning' })).statusCode).toBe(403);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', ev.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['evidence.create', 'evidence.transfer', 'evidence.transfer', 'evidence.transfer']);
    expect(audit[1]!.details).toMatchObject({ from: t.users.invA.id, to: t.users.invA2.id });
  });

  it('links items to executed operations of the same case only, and keeps labels unique per case', async () => {
    const caseId = await openCase(t, 'Evidence link case');
    const other = await openCase(t, 'Other evidence case');
    const plan = { name: 'Operation Link', plannedFor: '2025-05-20T04:00:00+05:00', place: 'Synthetic street' };
    const op = (await t.call('invA', 'POST', `/api/v1/cases/${caseId}/operations`, plan)).json().id;
    const otherOp = (await t.call('invA', 'POST', `/api/v1/cases/${other}/operations`, plan)).json().id;
    const before = await countRows(t, [...counted]);
    const notExecuted = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, item('EV-300', { operationId: op, seizedAt: undefined }));
    expect(notExecuted.statusCode).toBe(400);
    expect(notExecuted.json().errors[0].field).toBe('operationId');
    const wrongCase = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, item('EV-300', { operationId: otherOp }));
    expect(wrongCase.statusCode).toBe(400);
    expect(wrongCase.json().errors[0].field).toBe('operationId');
    expect(await countRows(t, [...counted])).toEqual(before);

    await t.call('supA', 'POST', `/api/v1/operations/${op}/approve`, { at: '2025-05-19T18:00:00+05:00' });
    await t.call('invA', 'POST', `/api/v1/operations/${op}/execute`, { executedAt: '2025-05-20T08:00:00+05:00', durationMinutes: 240 });
    const later = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, { label: 'EV-300', kind: 'storage', operationId: op });
    expect(later.statusCode).toBe(201);
    // Seized when the operation was executed; the chain says where it came from.
    expect(later.json()).toMatchObject({ seizedAt: '2025-05-20T03:00:00.000Z', operation: { id: op, name: 'Operation Link' } });
    expect(later.json().chain[0].reason).toBe('seized in operation Operation Link');

    const dup = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, item('ev-300'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('label');
    // The same label in another case is fine.
    expect((await t.call('invA', 'POST', `/api/v1/cases/${other}/evidence`, item('EV-300'))).statusCode).toBe(201);

    const list = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/evidence?operationId=${op}`)).json();
    expect(list.items.map((i: { label: string }) => i.label)).toEqual(['EV-300']);
    expect(list.total).toBe(1);
    const search = (await t.call('supA', 'GET', `/api/v1/cases/${other}/evidence?q=${encodeURIComponent('موبائل')}`)).json();
    expect(search.items.map((i: { label: string }) => i.label)).toEqual(['EV-300']);
  });

  it('refuses bad items with the field named and nothing stored', async () => {
    const caseId = await openCase(t, 'Bad evidence case');
    const bad: Array<[object, string]> = [
      [item(''), 'body.label'],
      [item('EV-1', { kind: 'drone' }), 'body.kind'],
      [item('EV-1', { seizedAt: 'yesterday' }), 'body.seizedAt'],
      [item('EV-1', { seizedAt: '2999-01-01T00:00:00Z' }), 'seizedAt'],
      [item('EV-1', { custodianId: t.users.invB.id }), 'custodianId'],
      [item('EV-1', { operationId: randomId() }), 'operationId'],
      [item('EV-1', { sha256: 'ab' }), 'body.sha256'],
    ];
    for (const [body, field] of bad) {
      const before = await countRows(t, [...counted]);
      const res = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await countRows(t, [...counted])).toEqual(before);
    }
  });

  it('hides evidence outside the team or branch as not found; analysts and prosecutors do not record items', async () => {
    const caseId = await openCase(t, 'Need-to-know evidence case');
    const ev = (await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, item('EV-400'))).json();
    for (const user of ['invA2', 'invB', 'supB', 'prosecutor'] as const) {
      expect((await t.call(user, 'GET', `/api/v1/evidence/${ev.id}`)).statusCode).toBe(404);
      expect((await t.call(user, 'GET', `/api/v1/cases/${caseId}/evidence`)).statusCode).toBe(404);
    }
    for (const user of ['invA2', 'invB', 'supB'] as const) {
      expect((await t.call(user, 'POST', `/api/v1/cases/${caseId}/evidence`, item('EV-401'))).statusCode).toBe(404);
      expect((await t.call(user, 'POST', `/api/v1/evidence/${ev.id}/transfers`, { toUserId: t.users[user].id, reason: 'mine now' })).statusCode).toBe(404);
    }
    for (const user of ['invA', 'supA', 'analyst'] as const) expect((await t.call(user, 'GET', `/api/v1/evidence/${ev.id}`)).statusCode).toBe(200);
    for (const user of ['analyst', 'prosecutor'] as const) expect((await t.call(user, 'POST', `/api/v1/cases/${caseId}/evidence`, item('EV-402'))).statusCode).toBe(403);
    for (const user of ['leadership', 'admin', 'auditor', 'prot'] as const) expect((await t.call(user, 'GET', `/api/v1/evidence/${ev.id}`)).statusCode).toBe(403);
    expect((await t.call('invA', 'GET', `/api/v1/evidence/${randomId()}`)).statusCode).toBe(404);
    const custody = await t.ctx.db.selectFrom('evidence_items').select('custodian_id').where('id', '=', ev.id).executeTakeFirstOrThrow();
    expect(custody.custodian_id).toBe(t.users.invA.id);
  });
});
