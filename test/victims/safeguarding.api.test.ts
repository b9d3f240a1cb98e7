import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';

const { engines } = await detectEngines();

type Alerts = {
  unassigned: Array<{ victimId: string; pseudonym: string; state: string; rescuedAt: string; daysWaiting: number; cases: Array<{ caseId: string; title: string }> }>;
  overdue: Array<{ victimId: string; pseudonym: string; followupId: string; kind: string | null; dueAt: string; daysOverdue: number }>;
};

// Safeguarding hand-offs: a rescued child with no protection officer is flagged to the branch supervisor until
// one is assigned; follow-ups past their date are listed with how long. Need-to-know as for the victims.
describe.each(engines)('safeguarding alerts on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  let caseB: string;
  let rescuedA: { id: string; pseudonym: string };
  let rescuedB: { id: string; pseudonym: string };
  let notRescued: string;
  const DAY = 86_400_000;
  const alerts = async (user: UserKey) => {
    const res = await t.call(user, 'GET', '/api/v1/victims/safeguarding');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Alerts;
  };
  async function openCase(user: UserKey, branchId: number, title: string) {
    const res = await t.call(user, 'POST', '/api/v1/cases', { branchId, title, summary: 'Synthetic test case', offenceCodes: ['PECA-22'], reportedAt: new Date(Date.now() - 800 * DAY).toISOString() });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  async function rescuedVictim(user: UserKey, caseId: string) {
    const res = await t.call(user, 'POST', `/api/v1/cases/${caseId}/victims`, { gender: 'female', ageAtIdentification: 9, identifiedAt: new Date(Date.now() - 700 * DAY).toISOString() });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as { id: string; pseudonym: string };
    const step = await t.call(user, 'POST', `/api/v1/victims/${v.id}/transitions`, { to: 'recovered', reason: 'recovered in the raid', at: new Date(Date.now() - 600 * DAY).toISOString() });
    expect(step.statusCode, step.body).toBe(200);
    return v;
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    caseA = await openCase('invA', t.branchA, 'Safeguarding case A');
    caseB = await openCase('invB', t.branchB, 'Safeguarding case B');
    rescuedA = await rescuedVictim('invA', caseA);
    rescuedB = await rescuedVictim('invB', caseB);
    const plain = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/victims`, { gender: 'male', ageAtIdentification: 11 });
    notRescued = plain.json().id;
  });
  afterAll(async () => t?.close());

  it('flags a rescued child without a protection officer to the supervisor of their branch only, until one is assigned', async () => {
    const a = await alerts('supA');
    expect(a.unassigned.map((u) => u.pseudonym)).toEqual([rescuedA.pseudonym]);
    expect(a.unassigned[0]).toMatchObject({ victimId: rescuedA.id, state: 'recovered', cases: [{ caseId: caseA, title: 'Safeguarding case A' }] });
    expect(a.unassigned[0]!.daysWaiting).toBeGreaterThanOrEqual(599);
    expect(a.unassigned.some((u) => u.victimId === notRescued)).toBe(false);
    // Need-to-know: the other branch's supervisor sees only their own child, never branch A's.
    const b = await alerts('supB');
    expect(b.unassigned.map((u) => u.victimId)).toEqual([rescuedB.id]);
    expect(JSON.stringify(b)).not.toContain(rescuedA.pseudonym);
    // Roles without victim.read are refused; leadership sees aggregates only.
    expect((await t.call('leadership', 'GET', '/api/v1/victims/safeguarding')).statusCode).toBe(403);

    const assign = await t.call('supA', 'POST', `/api/v1/victims/${rescuedA.id}/assignments`, { userId: t.users.prot.id });
    expect(assign.statusCode, assign.body).toBe(200);
    expect((await alerts('supA')).unassigned).toEqual([]);
    expect((await alerts('supB')).unassigned.map((u) => u.victimId)).toEqual([rescuedB.id]);
  });

  it('marks follow-ups past their date overdue, with how long, for the officer and the branch supervisor', async () => {
    const due = new Date(Date.now() - 548 * DAY).toISOString(); // about 18 months ago
    const add = await t.call('prot', 'POST', `/api/v1/victims/${rescuedA.id}/followups`, { kind: 'psychosocial', dueAt: due, notes: 'session' });
    expect(add.statusCode, add.body).toBe(201);
    const later = await t.call('prot', 'POST', `/api/v1/victims/${rescuedA.id}/followups`, { kind: 'medical', dueAt: new Date(Date.now() + 30 * DAY).toISOString() });
    expect(later.statusCode, later.body).toBe(201);
    const officer = await alerts('prot');
    expect(officer.overdue).toHaveLength(1);
    expect(officer.overdue[0]).toMatchObject({ victimId: rescuedA.id, pseudonym: rescuedA.pseudonym, kind: 'psychosocial' });
    expect(officer.overdue[0]!.daysOverdue).toBeGreaterThanOrEqual(547);
    // The supervisor sees that it is overdue, not what kind of care it is (a care record).
    const sup = await alerts('supA');
    expect(sup.overdue).toEqual([{ ...officer.overdue[0], kind: null }]);
    expect((await alerts('supB')).overdue).toEqual([]);
    expect((await alerts('prot2')).overdue).toEqual([]);
    // Done: no longer overdue.
    const done = await t.call('prot', 'POST', `/api/v1/victims/${rescuedA.id}/followups/${officer.overdue[0]!.followupId}/done`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect((await alerts('prot')).overdue).toEqual([]);
  });
});
