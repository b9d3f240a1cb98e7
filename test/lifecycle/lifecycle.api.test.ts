import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { countRows, openCase, setTeam, toTrial } from '../operations/case-fixtures.ts';
import { checkInvariants } from './invariants.ts';

const { engines } = await detectEngines();

// The examples, each made impossible, on both engines.
describe.each(engines)('lifecycle rules on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const court = 'Sessions Court Muzaffargarh';
  const counted = ['charges', 'verdicts', 'appeals', 'accused_status_history', 'operations', 'audit_log', 'case_events'] as const;
  const caseOf = async (id: string) => (await t.call('invA', 'GET', `/api/v1/cases/${id}`)).json();
  const accusedOf = async (caseId: string, personId: string) => (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/persons`)).json().persons.find((p: { personId: string }) => p.personId === personId);
  const branchStats = async () => (await t.call('supA', 'GET', '/api/v1/stats/summary')).json();
  const casesAt = (s: { casesByStatus: Array<{ status: string; all: number }> }, status: string) => s.casesByStatus.find((r) => r.status === status)?.all ?? 0;

  async function linkedAccused(caseId: string, name: string): Promise<string> {
    const res = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { person: { displayName: name }, role: 'suspect' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().persons.find((p: { displayName: string }) => p.displayName === name).personId;
  }

  it('refuses a conviction while the case stands at "challan submitted", storing nothing', async () => {
    const caseId = await openCase(t, 'Challan-stage case');
    await setTeam(t, caseId, ['invA', 'prosecutor']);
    const pid = await linkedAccused(caseId, 'Test Accused Kilo');
    for (const [to, at, extra] of [['fir_registered', '2025-01-03T10:00:00+05:00', { firNumber: 7001 }], ['under_investigation', '2025-01-04T10:00:00+05:00', {}], ['challan_submitted', '2025-01-20T10:00:00+05:00', {}]] as const) {
      expect((await t.call('invA', 'POST', `/api/v1/cases/${caseId}/transitions`, { to, reason: 'step', at, ...extra })).statusCode).toBe(200);
    }
    const before = await countRows(t, [...counted]);
    const charge = await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, { personId: pid, offenceCode: 'PPC-377B', court, framedAt: '2025-02-01T10:00:00+05:00' });
    expect(charge.statusCode).toBe(409);
    expect(charge.json().errors[0]).toMatchObject({ field: 'caseStatus', message: expect.stringContaining('only while the case is in trial') });
    const verdict = await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/verdicts`, { personId: pid, outcome: 'convicted', court, decidedAt: '2025-03-01T10:00:00+05:00' });
    expect(verdict.statusCode).toBe(409);
    expect(verdict.headers['content-type']).toContain('application/problem+json');
    expect(verdict.json().errors[0]).toMatchObject({ field: 'outcome', message: expect.stringContaining('challan submitted') });
    // Nor by hand: neither the accused nor the case is moved to convicted without a verdict.
    expect((await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/persons/${pid}/status`, { to: 'convicted', reason: 'by hand' })).statusCode).toBe(409);
    expect(await countRows(t, [...counted])).toEqual(before);
    expect((await caseOf(caseId)).status).toBe('challan_submitted');
    await checkInvariants(t);
  });

  it('moves the case and the accused together on a verdict, an appeal and its decision, with history, and the figures agree', async () => {
    const caseId = await openCase(t, 'Judgment case');
    await setTeam(t, caseId, ['invA', 'prosecutor']);
    const a1 = await linkedAccused(caseId, 'Test Accused Lima');
    const a2 = await linkedAccused(caseId, 'Test Accused Mike');
    await toTrial(t, caseId);
    const statsBefore = await branchStats();

    for (const pid of [a1, a2]) expect((await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, { personId: pid, offenceCode: 'PPC-377B', court, framedAt: '2025-02-01T10:00:00+05:00' })).statusCode).toBe(201);
    expect((await caseOf(caseId)).status).toBe('charge_framed');

    const v1 = await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/verdicts`, { personId: a1, outcome: 'convicted', court, decidedAt: '2025-06-01T10:00:00+05:00', sentence: { years: 7, months: 0 } });
    expect(v1.statusCode, v1.body).toBe(201);
    let c = await caseOf(caseId);
    expect(c.status).toBe('convicted');
    expect(c.history.at(-1)).toMatchObject({ from: 'charge_framed', to: 'convicted', actor: 'Test prosecutor', at: '2025-06-01T05:00:00.000Z' });
    expect((await accusedOf(caseId, a1)).accusedStatus).toBe('convicted');
    // The same judgment acquits the co-accused: the case stays convicted (one person stands convicted).
    expect((await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/verdicts`, { personId: a2, outcome: 'acquitted', court, decidedAt: '2025-06-01T10:00:00+05:00' })).statusCode).toBe(201);
    expect((await caseOf(caseId)).status).toBe('convicted');

    // The supervisor's home: one more case at "Convicted" beside one more person convicted.
    const statsAfter = await branchStats();
    expect(statsAfter.convictions.allOffences - statsBefore.convictions.allOffences).toBe(1);
    expect(casesAt(statsAfter, 'convicted') - casesAt(statsBefore, 'convicted')).toBe(1);
    await checkInvariants(t);

    const verdicts = (await t.call('prosecutor', 'GET', `/api/v1/cases/${caseId}/prosecution`)).json().verdicts as Array<{ id: string; person: { id: string } }>;
    const conviction = verdicts.find((v) => v.person.id === a1)!;
    const acquittal = verdicts.find((v) => v.person.id === a2)!;
    // The defence does not appeal an acquittal.
    const wrongSide = await t.call('prosecutor', 'POST', `/api/v1/verdicts/${acquittal.id}/appeals`, { court: 'Lahore High Court', filedAt: '2025-07-01T10:00:00+05:00', filedBy: 'defence' });
    expect(wrongSide.statusCode).toBe(409);
    expect(wrongSide.json().errors[0].field).toBe('filedBy');

    const filed = await t.call('prosecutor', 'POST', `/api/v1/verdicts/${conviction.id}/appeals`, { court: 'Lahore High Court', filedAt: '2025-07-01T10:00:00+05:00', filedBy: 'defence' });
    expect(filed.statusCode).toBe(201);
    expect((await caseOf(caseId)).status).toBe('under_appeal');
    // Under appeal, no further verdict; the trial court's part is over.
    const appealId = filed.json().verdicts.find((v: { id: string }) => v.id === conviction.id).appeals[0].id;
    const allowed = await t.call('prosecutor', 'PATCH', `/api/v1/appeals/${appealId}`, { status: 'allowed', decidedAt: '2025-10-01T10:00:00+05:00' });
    expect(allowed.statusCode).toBe(200);
    c = await caseOf(caseId);
    expect(c.status).toBe('acquitted');
    expect(c.history.map((h: { to: string }) => h.to).slice(-3)).toEqual(['convicted', 'under_appeal', 'acquitted']);
    const lima = await accusedOf(caseId, a1);
    expect(lima.accusedStatus).toBe('acquitted');
    expect(lima.statusHistory.at(-1)).toMatchObject({ from: 'convicted', to: 'acquitted', reason: 'acquitted on appeal by Lahore High Court' });
    await checkInvariants(t);
  });

  it('refuses implausible dates beside their field, and never turns year 0001 into 2001', async () => {
    const branchId = t.users.invA.branchId;
    const newCase = (reportedAt: string) => t.call('invA', 'POST', '/api/v1/cases', { branchId, title: 'Dated case', offenceCodes: ['PECA-22'], reportedAt });
    for (const [reportedAt, message] of [['2099-01-01T10:00:00+05:00', 'cannot be in the future'], ['0001-05-01T10:00:00+05:00', 'cannot be before 1947'], ['1900-05-01T10:00:00+05:00', 'cannot be before 1947']]) {
      const res = await newCase(reportedAt);
      expect(res.statusCode, reportedAt).toBe(400);
      expect(res.json().errors).toMatchObject([{ field: 'reportedAt', message }]);
    }
    const caseId = await openCase(t, 'Dated events case');
    await setTeam(t, caseId, ['invA', 'prosecutor']);
    await toTrial(t, caseId);
    const plan = (plannedFor: string) => t.call('invA', 'POST', `/api/v1/cases/${caseId}/operations`, { name: 'Operation Dated', plannedFor, place: 'Synthetic place', agencies: [] });
    expect((await plan('1990-05-01T10:00:00+05:00')).json().errors).toMatchObject([{ field: 'plannedFor', message: 'cannot be before the complaint was received' }]);
    expect((await plan('2099-05-01T10:00:00+05:00')).json().errors).toMatchObject([{ field: 'plannedFor', message: 'cannot be more than 2 years ahead' }]);
    const hearing = await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/hearings`, { court, scheduledFor: '1900-01-01T10:00:00+05:00', purpose: 'framing of charge' });
    expect(hearing.statusCode).toBe(400);
    expect(hearing.json().errors).toMatchObject([{ field: 'scheduledFor', message: 'cannot be before 1947' }]);
    const early = await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/hearings`, { court, scheduledFor: '2025-01-02T12:00:00+05:00', purpose: 'framing of charge' });
    expect(early.json().errors).toMatchObject([{ field: 'scheduledFor', message: 'cannot be before the FIR was registered' }]);

    // A raid executed before its approval, or before its planned time, is refused.
    const op = (await plan('2025-05-23T04:00:00+05:00')).json().id;
    expect((await t.call('supA', 'POST', `/api/v1/operations/${op}/approve`, { at: '2025-05-22T18:00:00+05:00' })).statusCode).toBe(200);
    const execute = (executedAt: string) => t.call('invA', 'POST', `/api/v1/operations/${op}/execute`, { executedAt, durationMinutes: 60, arrestedPersonIds: [], rescuedVictimIds: [], seizedItems: [] });
    expect((await execute('2025-05-22T12:00:00+05:00')).json().errors).toMatchObject([{ field: 'executedAt', message: 'cannot be before the operation was approved' }]);
    expect((await execute('2025-05-23T02:00:00+05:00')).json().errors).toMatchObject([{ field: 'executedAt', message: 'cannot be before the time the operation was planned for' }]);
    expect((await execute('2025-05-23T06:00:00+05:00')).statusCode).toBe(200);

    // Stored dates come back as stored on both engines, year 1 included (PGlite's own parser made it 2001).
    const row = await t.ctx.db.insertInto('case_events').values({ case_id: caseId, kind: 'note', body: 'year one', occurred_at: new Date('0001-01-01T00:00:00Z'), actor_id: null }).returning('occurred_at').executeTakeFirstOrThrow();
    expect(row.occurred_at.getUTCFullYear()).toBe(1);
  });

  it('registers no empty victim', async () => {
    const caseId = await openCase(t, 'Victim form case');
    const before = await t.ctx.db.selectFrom('victims').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const body of [{}, { identity: {} }]) {
      const res = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/victims`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toMatchObject([{ field: 'body.gender', message: "give the child's gender, age or name: an empty record is not registered" }]);
    }
    expect((await t.ctx.db.selectFrom('victims').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toEqual(before.n);
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseId}/victims`, { ageAtIdentification: 11 })).statusCode).toBe(201);
  });
});
