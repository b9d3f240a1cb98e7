import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { ALL_COUNTED, addPerson, addVictim, countRows, openCase, randomId, setTeam } from './case-fixtures.ts';

const { engines } = await detectEngines();

describe.each(engines)('operations API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const plan = (name = 'Operation Sahil', extra: object = {}) => ({
    name,
    plannedFor: '2025-05-23T04:00:00+05:00',
    place: 'Recreational facility, Muzaffargarh (synthetic)',
    agencies: ['NCCIA Cyber Crime Wing', 'Punjab Police', 'Child Protection Bureau'],
    notes: 'چھاپے کی منصوبہ بندی: صبح سویرے',
    ...extra,
  });
  // The raid was approved the evening before it went in (entered afterwards, so the approval is dated).
  const APPROVED_AT = '2025-05-22T18:00:00+05:00';
  const executed = (extra: object = {}) => ({ executedAt: '2025-05-23T09:00:00+05:00', durationMinutes: 300, arrestedPersonIds: [], rescuedVictimIds: [], seizedItems: [], ...extra });

  async function planned(caseId: string, name?: string) {
    const res = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/operations`, plan(name));
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }
  async function approved(caseId: string, name?: string) {
    const id = await planned(caseId, name);
    expect((await t.call('supA', 'POST', `/api/v1/operations/${id}/approve`, { at: APPROVED_AT })).statusCode).toBe(200);
    return id;
  }

  it('plans, refuses execution before approval, approves by the branch supervisor only, then executes with all outcomes', async () => {
    const caseId = await openCase(t, 'Raid lifecycle case');
    const a1 = await addPerson(t, caseId, 'Test Accused Alpha', 'ringleader');
    const a2 = await addPerson(t, caseId, 'Test Accused Bravo', 'facilitator', null);
    const v1 = await addVictim(t, caseId);
    const v2 = await addVictim(t, caseId);
    const v3 = await addVictim(t, caseId, 'placed');

    const res = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/operations`, plan());
    expect(res.statusCode).toBe(201);
    const op = res.json();
    expect(op).toMatchObject({ status: 'planned', name: 'Operation Sahil', agencies: ['NCCIA Cyber Crime Wing', 'Punjab Police', 'Child Protection Bureau'], approvedBy: null, counts: { arrests: 0, rescues: 0, seizures: 0 } });
    // Urdu round-trips untouched.
    expect(op.notes).toBe('چھاپے کی منصوبہ بندی: صبح سویرے');
    expect(op.allowedActions).toEqual(['edit', 'cancel']);

    // Executing an unapproved operation is refused and stores nothing.
    const before = await countRows(t, ALL_COUNTED);
    const early = await t.call('invA', 'POST', `/api/v1/operations/${op.id}/execute`, executed({ arrestedPersonIds: [a1] }));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('illegal_transition');
    expect(early.json().detail).toMatch(/approved/);
    expect(await countRows(t, ALL_COUNTED)).toEqual(before);

    // Approval: not the investigator, not the analyst, not the other branch's supervisor.
    expect((await t.call('invA', 'POST', `/api/v1/operations/${op.id}/approve`)).statusCode).toBe(403);
    expect((await t.call('analyst', 'POST', `/api/v1/operations/${op.id}/approve`)).statusCode).toBe(403);
    const supB = await t.call('supB', 'POST', `/api/v1/operations/${op.id}/approve`);
    expect(supB.statusCode).toBe(404);
    expect(supB.headers['content-type']).toContain('application/problem+json');
    expect((await t.call('invA', 'GET', `/api/v1/operations/${op.id}`)).json().status).toBe('planned');

    const ok = await t.call('supA', 'POST', `/api/v1/operations/${op.id}/approve`, { at: APPROVED_AT });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approvedBy: { id: t.users.supA.id, displayName: 'Test supA' } });
    expect(ok.json().approvedAt).not.toBeNull();
    expect((await t.call('supA', 'POST', `/api/v1/operations/${op.id}/approve`)).statusCode).toBe(409);
    // Approved: no more edits.
    expect((await t.call('invA', 'PATCH', `/api/v1/operations/${op.id}`, { place: 'elsewhere' })).statusCode).toBe(409);

    const ex = await t.call('invA', 'POST', `/api/v1/operations/${op.id}/execute`, executed({
      notes: 'پانچ گھنٹے کا آپریشن',
      arrestedPersonIds: [a1, a2],
      rescuedVictimIds: [v1.id, v2.id, v3.id],
      seizedItems: [
        { label: 'EV-1 phone', kind: 'phone', description: 'Android handset (synthetic)' },
        { label: 'EV-2 laptop', kind: 'computer', custodianId: t.users.supA.id },
      ],
    }));
    expect(ex.statusCode).toBe(200);
    const done = ex.json();
    expect(done).toMatchObject({ status: 'executed', executedAt: '2025-05-23T04:00:00.000Z', durationMinutes: 300, counts: { arrests: 2, rescues: 3, seizures: 2 } });
    expect(done.notes).toBe('چھاپے کی منصوبہ بندی: صبح سویرے\n\nپانچ گھنٹے کا آپریشن');
    expect(done.arrests.map((a: { displayName: string }) => a.displayName)).toEqual(['Test Accused Alpha', 'Test Accused Bravo']);
    // Rescued children appear by pseudonym only.
    expect(done.rescues.map((r: { pseudonym: string }) => r.pseudonym).sort()).toEqual([v1.pseudonym, v2.pseudonym, v3.pseudonym].sort());
    for (const r of done.rescues) expect(Object.keys(r).sort()).toEqual(['id', 'pseudonym', 'rescuedAt', 'victimId']);
    expect(done.seizures).toEqual([
      expect.objectContaining({ label: 'EV-1 phone', kind: 'phone', custodian: { id: t.users.invA.id, displayName: 'Test invA' } }),
      expect.objectContaining({ label: 'EV-2 laptop', kind: 'computer', custodian: { id: t.users.supA.id, displayName: 'Test supA' } }),
    ]);
    expect(done.allowedActions).toEqual([]);

    // The records behind the outcomes.
    const arrests = await t.ctx.db.selectFrom('arrests').selectAll().where('operation_id', '=', op.id).execute();
    expect(arrests.map((a) => a.person_id).sort()).toEqual([a1, a2].sort());
    expect(arrests.every((a) => a.case_id === caseId && a.arrested_at.toISOString() === '2025-05-23T04:00:00.000Z')).toBe(true);
    const links = await t.ctx.db.selectFrom('case_persons').select(['person_id', 'accused_status']).where('case_id', '=', caseId).execute();
    expect(links.every((l) => l.accused_status === 'arrested')).toBe(true);
    const history = await t.ctx.db.selectFrom('accused_status_history').selectAll().where('case_id', '=', caseId).orderBy('person_id').execute();
    expect(history).toHaveLength(2);
    expect(history.every((h) => h.to_status === 'arrested' && h.actor_id === t.users.invA.id && h.reason === 'arrested in operation Operation Sahil')).toBe(true);
    expect(Object.fromEntries(history.map((h) => [h.person_id, h.from_status]))).toEqual({ [a1]: 'at_large', [a2]: null });
    const victims = await t.ctx.db.selectFrom('victims').select(['id', 'state', 'recovered_at']).where('id', 'in', [v1.id, v2.id, v3.id]).execute();
    const byId = new Map(victims.map((v) => [v.id, v]));
    expect(byId.get(v1.id)).toMatchObject({ state: 'recovered', recovered_at: new Date('2025-05-23T04:00:00Z') });
    expect(byId.get(v2.id)!.state).toBe('recovered');
    // Already placed: rescued, but its safeguarding state does not go backwards.
    expect(byId.get(v3.id)).toMatchObject({ state: 'placed', recovered_at: new Date('2025-01-01T00:00:00Z') });
    const steps = await t.ctx.db.selectFrom('victim_state_history').selectAll().where('victim_id', 'in', [v1.id, v2.id, v3.id]).execute();
    expect(steps.map((s) => s.victim_id).sort()).toEqual([v1.id, v2.id].sort());
    expect(steps.every((s) => s.from_state === 'identified' && s.to_state === 'recovered' && s.at.toISOString() === '2025-05-23T04:00:00.000Z' && s.reason === 'rescued in operation Operation Sahil')).toBe(true);
    const items = await t.ctx.db.selectFrom('evidence_items').selectAll().where('operation_id', '=', op.id).execute();
    expect(items).toHaveLength(2);
    expect(items.every((i) => i.case_id === caseId && i.seized_at?.toISOString() === '2025-05-23T04:00:00.000Z')).toBe(true);
    const chain = await t.ctx.db.selectFrom('custody_transfers').selectAll().where('evidence_id', 'in', items.map((i) => i.id)).execute();
    expect(chain).toHaveLength(2);
    expect(chain.every((c) => c.from_user_id === null && c.reason === 'seized in operation Operation Sahil')).toBe(true);

    // Final: no second execution, no cancellation.
    expect((await t.call('invA', 'POST', `/api/v1/operations/${op.id}/execute`, executed())).statusCode).toBe(409);
    expect((await t.call('invA', 'POST', `/api/v1/operations/${op.id}/cancel`, { reason: 'too late' })).statusCode).toBe(409);

    // Audited in the same transactions, and the chain still verifies.
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_id', '=', op.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['operation.plan', 'operation.approve', 'operation.execute']);
    expect(audit.map((a) => a.actor_name)).toEqual(['inva', 'supa', 'inva']);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);

    // The timeline tells the story.
    const tl = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/timeline?limit=200`)).json();
    expect(tl.items.map((e: { body: string }) => e.body)).toContain('Operation Operation Sahil executed (5 h): 2 arrested, 3 children rescued, 2 items seized');
  });

  it('executes atomically: one bad outcome and nothing is stored', async () => {
    const caseId = await openCase(t, 'Atomic execution case');
    const other = await openCase(t, 'Unrelated case');
    const a1 = await addPerson(t, caseId, 'Test Accused Charlie');
    const witness = await addPerson(t, caseId, 'Test Witness Delta', 'witness');
    const elsewhere = await addPerson(t, other, 'Test Accused Elsewhere');
    const v1 = await addVictim(t, caseId);
    const vOther = await addVictim(t, other);
    const opId = await approved(caseId, 'Operation Atomic');
    const good = { arrestedPersonIds: [a1], rescuedVictimIds: [v1.id], seizedItems: [{ label: 'EV-A1', kind: 'storage' }] };

    const cases: Array<{ body: object; status: number; field: string }> = [
      { body: { ...good, arrestedPersonIds: [a1, randomId()] }, status: 400, field: 'arrestedPersonIds.1' },
      { body: { ...good, arrestedPersonIds: [a1, witness] }, status: 400, field: 'arrestedPersonIds.1' },
      { body: { ...good, arrestedPersonIds: [a1, elsewhere] }, status: 400, field: 'arrestedPersonIds.1' },
      { body: { ...good, rescuedVictimIds: [v1.id, vOther.id] }, status: 400, field: 'rescuedVictimIds.1' },
      { body: { ...good, seizedItems: [{ label: 'EV-A1', kind: 'storage' }, { label: 'EV-A2', kind: 'phone', custodianId: t.users.invB.id }] }, status: 400, field: 'seizedItems.1.custodianId' },
      { body: { ...good, seizedItems: [{ label: 'EV-A1', kind: 'storage' }, { label: 'EV-A2', kind: 'phone', custodianId: randomId() }] }, status: 400, field: 'seizedItems.1.custodianId' },
      { body: { ...good, arrestedPersonIds: [a1, a1] }, status: 400, field: 'body.arrestedPersonIds.1' },
      { body: { ...good, seizedItems: [{ label: 'Same', kind: 'phone' }, { label: 'same', kind: 'phone' }] }, status: 400, field: 'body.seizedItems.1.label' },
      { body: { ...good, seizedItems: [{ label: 'EV-A1', kind: 'drone' }] }, status: 400, field: 'body.seizedItems.0.kind' },
      { body: { ...good, durationMinutes: 0 }, status: 400, field: 'body.durationMinutes' },
      { body: { ...good, executedAt: '2999-01-01T00:00:00Z' }, status: 400, field: 'executedAt' },
      { body: { ...good, executedAt: '23/05/2025' }, status: 400, field: 'body.executedAt' },
      { body: { ...good, arrests: 2 }, status: 400, field: 'body.arrests' },
    ];
    for (const c of cases) {
      const before = await countRows(t, ALL_COUNTED);
      const res = await t.call('invA', 'POST', `/api/v1/operations/${opId}/execute`, executed(c.body));
      expect(res.statusCode, JSON.stringify(c.body)).toBe(c.status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(c.field);
      expect(await countRows(t, ALL_COUNTED)).toEqual(before);
    }
    // Still approved, nobody arrested, the child still only identified.
    expect((await t.call('invA', 'GET', `/api/v1/operations/${opId}`)).json()).toMatchObject({ status: 'approved', counts: { arrests: 0, rescues: 0, seizures: 0 } });
    const link = await t.ctx.db.selectFrom('case_persons').select('accused_status').where('person_id', '=', a1).executeTakeFirstOrThrow();
    expect(link.accused_status).toBe('at_large');
    expect((await t.ctx.db.selectFrom('victims').select('state').where('id', '=', v1.id).executeTakeFirstOrThrow()).state).toBe('identified');

    // The good body then goes through.
    const ok = await t.call('invA', 'POST', `/api/v1/operations/${opId}/execute`, executed(good));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().counts).toEqual({ arrests: 1, rescues: 1, seizures: 1 });
  });

  it('refuses arresting a person already in custody and a label already used in the case', async () => {
    const caseId = await openCase(t, 'Second raid case');
    const a1 = await addPerson(t, caseId, 'Test Accused Echo');
    const first = await approved(caseId, 'Operation One');
    expect((await t.call('invA', 'POST', `/api/v1/operations/${first}/execute`, executed({ arrestedPersonIds: [a1], seizedItems: [{ label: 'EV-9', kind: 'phone' }] }))).statusCode).toBe(200);
    const second = await approved(caseId, 'Operation Two');
    const again = await t.call('invA', 'POST', `/api/v1/operations/${second}/execute`, executed({ executedAt: '2025-06-01T09:00:00+05:00', arrestedPersonIds: [a1] }));
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('arrestedPersonIds.0');
    const label = await t.call('invA', 'POST', `/api/v1/operations/${second}/execute`, executed({ executedAt: '2025-06-01T09:00:00+05:00', seizedItems: [{ label: 'ev-9', kind: 'phone' }] }));
    expect(label.statusCode).toBe(409);
    expect(label.json().errors[0].field).toBe('seizedItems.0.label');
    // A bailed accused can be re-arrested.
    await t.ctx.db.updateTable('case_persons').set({ accused_status: 'on_bail' }).where('person_id', '=', a1).execute();
    const rearrest = await t.call('invA', 'POST', `/api/v1/operations/${second}/execute`, executed({ executedAt: '2025-06-01T09:00:00+05:00', arrestedPersonIds: [a1] }));
    expect(rearrest.statusCode).toBe(200);
    expect(await t.ctx.db.selectFrom('arrests').select('id').where('person_id', '=', a1).execute()).toHaveLength(2);
  });

  it('cancels planned or approved operations with a reason; cancelled is final', async () => {
    const caseId = await openCase(t, 'Cancelled raid case');
    const p = await planned(caseId, 'Operation Called Off');
    const noReason = await t.call('invA', 'POST', `/api/v1/operations/${p}/cancel`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.reason');
    const res = await t.call('invA', 'POST', `/api/v1/operations/${p}/cancel`, { reason: 'مشتبہ شخص منتقل ہو گیا' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'مشتبہ شخص منتقل ہو گیا' });
    expect(res.json().cancelledAt).not.toBeNull();
    expect((await t.call('supA', 'POST', `/api/v1/operations/${p}/approve`)).statusCode).toBe(409);
    expect((await t.call('invA', 'POST', `/api/v1/operations/${p}/execute`, executed())).statusCode).toBe(409);
    const a = await approved(caseId, 'Operation Approved Then Off');
    expect((await t.call('supA', 'POST', `/api/v1/operations/${a}/cancel`, { reason: 'weather' })).json().status).toBe('cancelled');
  });

  it('edits a planned operation and lists operations with counts and a status filter', async () => {
    const caseId = await openCase(t, 'Listing case');
    const p = await planned(caseId, 'Operation Draft');
    const edit = await t.call('invA', 'PATCH', `/api/v1/operations/${p}`, { plannedFor: '2025-07-01T03:30:00+05:00', agencies: ['FIA'] });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ plannedFor: '2025-06-30T22:30:00.000Z', agencies: ['FIA'], name: 'Operation Draft' });
    expect((await t.call('invA', 'PATCH', `/api/v1/operations/${p}`, {})).statusCode).toBe(400);
    const e = await approved(caseId, 'Operation Done');
    await t.call('invA', 'POST', `/api/v1/operations/${e}/execute`, executed({ seizedItems: [{ label: 'L-1', kind: 'document' }] }));
    const all = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/operations`)).json();
    expect(all.total).toBe(2);
    const onlyExecuted = (await t.call('analyst', 'GET', `/api/v1/cases/${caseId}/operations?status=executed`)).json();
    expect(onlyExecuted.items.map((o: { id: string }) => o.id)).toEqual([e]);
    expect(onlyExecuted.items[0].counts).toEqual({ arrests: 0, rescues: 0, seizures: 1 });
    const bad = await t.call('invA', 'GET', `/api/v1/cases/${caseId}/operations?status=done`);
    expect(bad.statusCode).toBe(400);
  });

  it('hides operations outside the team or branch as not found; analysts read only', async () => {
    const caseId = await openCase(t, 'Need-to-know raid case');
    const opId = await planned(caseId, 'Operation Secret');
    for (const user of ['invA2', 'invB', 'supB', 'prosecutor'] as const) {
      expect((await t.call(user, 'GET', `/api/v1/operations/${opId}`)).statusCode).toBe(404);
      expect((await t.call(user, 'GET', `/api/v1/cases/${caseId}/operations`)).statusCode).toBe(404);
    }
    for (const user of ['invA2', 'invB', 'supB'] as const) {
      expect((await t.call(user, 'POST', `/api/v1/cases/${caseId}/operations`, plan())).statusCode).toBe(404);
      expect((await t.call(user, 'POST', `/api/v1/operations/${opId}/cancel`, { reason: 'not mine' })).statusCode).toBe(404);
    }
    for (const user of ['invA', 'supA', 'analyst'] as const) expect((await t.call(user, 'GET', `/api/v1/operations/${opId}`)).statusCode).toBe(200);
    expect((await t.call('analyst', 'POST', `/api/v1/cases/${caseId}/operations`, plan())).statusCode).toBe(403);
    expect((await t.call('analyst', 'POST', `/api/v1/operations/${opId}/cancel`, { reason: 'no' })).statusCode).toBe(403);
    for (const user of ['leadership', 'admin', 'auditor', 'prot'] as const) expect((await t.call(user, 'GET', `/api/v1/operations/${opId}`)).statusCode).toBe(403);
    expect((await t.call('invA', 'GET', `/api/v1/operations/${randomId()}`)).statusCode).toBe(404);
    // A team member added later sees it.
    await setTeam(t, caseId, ['invA', 'invA2']);
    expect((await t.call('invA2', 'GET', `/api/v1/operations/${opId}`)).statusCode).toBe(200);
  });

  it('refuses bad plans with problem+json naming the field, storing nothing', async () => {
    const caseId = await openCase(t, 'Bad plan case');
    const bad: Array<[object, string]> = [
      [plan('x'), 'body.name'],
      [plan(undefined, { plannedFor: 'tomorrow' }), 'body.plannedFor'],
      [plan(undefined, { place: '' }), 'body.place'],
      [plan(undefined, { agencies: 'police' }), 'body.agencies'],
      [plan(undefined, { approvedBy: t.users.supA.id }), 'body.approvedBy'],
    ];
    for (const [body, field] of bad) {
      const before = await countRows(t, ['operations', 'audit_log', 'case_events']);
      const res = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/operations`, body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await countRows(t, ['operations', 'audit_log', 'case_events'])).toEqual(before);
    }
    expect((await t.call('invA', 'POST', '/api/v1/cases/not-a-uuid/operations', plan())).statusCode).toBe(400);
  });
});
