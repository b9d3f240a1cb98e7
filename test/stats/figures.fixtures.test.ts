import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { computeFigure, currentCatalogue, type Catalogue } from '../../src/modules/stats/figures/figures.service.ts';
import { figureById, type FigureParams } from '../../src/modules/stats/figures/registry.ts';

// Every figure of the registry against a small dataset worked out by hand (times in UTC; Asia/Karachi is
// UTC+5, no daylight saving). The FIR of case 1 is registered at 21:00 UTC on 31 December 2024, which is
// 02:00 on 1 January 2025 in Pakistan: it belongs to 2025 in the agency's time zone and to 2024 in UTC.
//
//   case  branch        offences        reported       FIR (UTC)           challan (UTC)       status now
//   C1    Muzaffargarh  PPC-377B (CE)   2024-12-20     2024-12-31 21:00    2025-01-10 21:00    convicted (P1 60 m, P2 84 m on 2025-06-01)
//   C2    Muzaffargarh  PPC-377B (CE)   2024-12-01     2024-12-31 18:00    2025-02-14 18:00    in_trial (P3 charged 2025-03-01)
//   C3    Muzaffargarh  PPC-420 (fraud) 2025-03-01     2025-03-01 06:00    -                   fir_registered
//   C4    Lahore        PPC-377B (CE)   2025-02-01     2025-02-01 07:00    -                   under_investigation; operation
//                                                                                              2025-02-02: P4, P5 arrested, V1 rescued
//   C5    Muzaffargarh  PPC-377B (CE)   2025-04-01     -                   -                   complaint_received
const { engines } = await detectEngines();

describe.each(engines)('figures against hand-checked fixtures (%s)', (engine) => {
  let t: TestApp;
  let catalogue: Catalogue;
  const base = (over: Partial<FigureParams> = {}): FigureParams => ({
    from: null, to: null, timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue, ...over,
  });
  const run = async (id: string, over: Partial<FigureParams> = {}) => computeFigure(t.ctx.db, figureById(id)!, base(over));
  const one = async (id: string, over: Partial<FigureParams> = {}, measure = 'n') => {
    const rows = await run(id, over);
    expect(rows.length, `${id} ${JSON.stringify(rows)}`).toBeLessThanOrEqual(1);
    return rows[0]?.values[measure] ?? 0;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.ctx.db;
    catalogue = await currentCatalogue(db);
    expect(catalogue.childExploitationCodes).toContain('PPC-377B');
    expect(catalogue.childExploitationCodes).not.toContain('PPC-420');
    const u = t.users;
    const mkCase = async (title: string, branch: number, status: string, reported: string, fir: string | null, challan: string | null, offence: string, firNo: number | null) => {
      const c = await db.insertInto('cases').values({
        branch_id: branch, title, status, reported_at: reported, fir_registered_at: fir, challan_submitted_at: challan,
        fir_number: firNo, fir_year: fir ? Number(fir.slice(0, 4)) : null, created_by: u.invA.id,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('case_offences').values({ case_id: c.id, offence_code: offence }).execute();
      return c.id;
    };
    const A = t.branchA;
    const B = t.branchB;
    const c1 = await mkCase('C1', A, 'convicted', '2024-12-20T10:00:00Z', '2024-12-31T21:00:00Z', '2025-01-10T21:00:00Z', 'PPC-377B', 1);
    const c2 = await mkCase('C2', A, 'in_trial', '2024-12-01T10:00:00Z', '2024-12-31T18:00:00Z', '2025-02-14T18:00:00Z', 'PPC-377B', 2);
    const c3 = await mkCase('C3', A, 'fir_registered', '2025-03-01T05:00:00Z', '2025-03-01T06:00:00Z', null, 'PPC-420', 3);
    const c4 = await mkCase('C4', B, 'under_investigation', '2025-02-01T06:00:00Z', '2025-02-01T07:00:00Z', null, 'PPC-377B', 1);
    await mkCase('C5', A, 'complaint_received', '2025-04-01T06:00:00Z', null, null, 'PPC-377B', null);
    const history = [
      [c1, null, 'fir_registered', '2024-12-31T21:00:00Z'], [c1, 'fir_registered', 'challan_submitted', '2025-01-10T21:00:00Z'],
      [c1, 'challan_submitted', 'in_trial', '2025-03-01T05:00:00Z'], [c1, 'in_trial', 'convicted', '2025-06-01T05:00:00Z'],
      [c2, null, 'fir_registered', '2024-12-31T18:00:00Z'], [c2, 'fir_registered', 'under_investigation', '2025-01-05T05:00:00Z'],
      [c2, 'under_investigation', 'challan_submitted', '2025-02-14T18:00:00Z'], [c2, 'challan_submitted', 'in_trial', '2025-02-20T05:00:00Z'],
      [c3, null, 'fir_registered', '2025-03-01T06:00:00Z'],
      [c4, null, 'fir_registered', '2025-02-01T07:00:00Z'], [c4, 'fir_registered', 'under_investigation', '2025-02-01T08:00:00Z'],
    ] as const;
    await db.insertInto('case_status_history').values(history.map(([case_id, from_status, to_status, at]) => ({ case_id, from_status, to_status, at, reason: 'fixture' }))).execute();
    await db.insertInto('case_team').values([
      { case_id: c1, user_id: u.invA.id, team_role: 'lead', added_at: '2024-12-31T21:00:00Z' },
      { case_id: c1, user_id: u.invA2.id, team_role: 'member', added_at: '2024-12-31T21:00:00Z' },
      { case_id: c2, user_id: u.invA.id, team_role: 'lead', added_at: '2024-12-31T18:00:00Z' },
      { case_id: c3, user_id: u.invA2.id, team_role: 'lead', added_at: '2025-03-01T06:00:00Z' },
      { case_id: c4, user_id: u.invB.id, team_role: 'lead', added_at: '2025-02-01T07:00:00Z' },
    ]).execute();
    const person = async (name: string) => (await db.insertInto('persons').values({ display_name: name }).returning('id').executeTakeFirstOrThrow()).id;
    const [p1, p2, p3, p4, p5] = [await person('Fixture One'), await person('Fixture Two'), await person('Fixture Three'), await person('Fixture Four'), await person('Fixture Five')];
    const op = await db.insertInto('operations').values({
      case_id: c4, name: 'Fixture raid', status: 'executed', planned_for: '2025-02-02T04:00:00Z', place: 'somewhere', approved_by: t.users.supB.id,
      approved_at: '2025-02-01T12:00:00Z', executed_at: '2025-02-02T09:00:00Z', duration_minutes: 120,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('arrests').values([
      { case_id: c1, person_id: p1!, arrested_at: '2025-01-02T00:00:00Z' },
      { case_id: c4, person_id: p4!, arrested_at: '2025-02-02T10:00:00Z', operation_id: op.id },
      { case_id: c4, person_id: p5!, arrested_at: '2025-02-02T10:00:00Z', operation_id: op.id },
    ]).execute();
    await db.insertInto('charges').values({ case_id: c2, person_id: p3!, offence_code: 'PPC-377B', court: 'Sessions Court', framed_at: '2025-03-01T05:00:00Z' }).execute();
    await db.insertInto('verdicts').values([
      { case_id: c1, person_id: p1!, outcome: 'convicted', court: 'Sessions Court', decided_at: '2025-06-01T05:00:00Z', sentence_months: 60 },
      { case_id: c1, person_id: p2!, outcome: 'convicted', court: 'Sessions Court', decided_at: '2025-06-01T05:00:00Z', sentence_months: 84 },
    ]).execute();
    const v1 = await db.insertInto('victims').values({ pseudonym: 'V-2025-9001', identified_at: '2025-02-01T08:00:00Z', recovered_at: '2025-02-03T08:00:00Z', state: 'placed' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('case_victims').values({ case_id: c4, victim_id: v1.id }).execute();
    await db.insertInto('rescues').values({ operation_id: op.id, victim_id: v1.id, rescued_at: '2025-02-02T09:30:00Z' }).execute();
    await db.insertInto('placements').values({ victim_id: v1.id, kind: 'family', facility: '', started_at: '2025-02-03T08:00:00Z' }).execute();
  });
  afterAll(async () => t?.close());

  it('FIRs: the 1 January boundary in the agency time zone, and in UTC', async () => {
    expect(await one('firs')).toBe(3);
    expect(await one('firs', { offences: 'all' })).toBe(4);
    expect(await run('firs', { groupBy: 'year' })).toEqual([{ group: '2024', part: null, values: { n: 1 } }, { group: '2025', part: null, values: { n: 2 } }]);
    expect(await run('firs', { groupBy: 'year', timeZone: 'UTC' })).toEqual([{ group: '2024', part: null, values: { n: 2 } }, { group: '2025', part: null, values: { n: 1 } }]);
    expect(await one('firs', { from: '2025-01-01', to: '2025-01-01' })).toBe(1);
    expect(await one('firs', { from: '2024-12-31', to: '2024-12-31' })).toBe(1);
    expect(await one('firs', { from: '2025-01-01', to: '2025-01-01', timeZone: 'UTC' })).toBe(0);
    expect(await run('firs', { groupBy: 'month' })).toEqual([{ group: '2024-12', part: null, values: { n: 1 } }, { group: '2025-01', part: null, values: { n: 1 } }, { group: '2025-02', part: null, values: { n: 1 } }]);
    expect(await run('firs', { groupBy: 'branch' })).toEqual([{ group: 'Lahore', part: null, values: { n: 1 } }, { group: 'Muzaffargarh', part: null, values: { n: 2 } }]);
    expect(await run('firs', { groupBy: 'province' })).toEqual([{ group: 'Punjab', part: null, values: { n: 3 } }]);
    expect(await one('firs', { branchId: t.branchB })).toBe(1);
    expect(await run('firs', { groupBy: 'category', offences: 'all' })).toEqual([{ group: 'financial_fraud', part: null, values: { n: 1 } }, { group: catalogue.categories['PPC-377B']!, part: null, values: { n: 3 } }].sort((a, b) => a.group.localeCompare(b.group)));
  });

  it('complaints, arrests, persons charged, convictions and acquittals', async () => {
    expect(await one('complaints', { from: '2025-01-01', to: '2025-12-31' })).toBe(2);
    expect(await one('complaints')).toBe(4);
    expect(await one('complaints', { offences: 'all' })).toBe(5);
    expect(await one('arrests')).toBe(3);
    expect(await one('arrests', { from: '2025-02-02', to: '2025-02-02' })).toBe(2);
    expect(await one('persons_charged')).toBe(1);
    expect(await one('convictions', { from: '2025-01-01', to: '2025-12-31' })).toBe(2);
    expect(await one('convictions', { to: '2025-05-31' })).toBe(0);
    expect(await one('acquittals')).toBe(0);
  });

  it('cases by status at the end of a period, from the status history', async () => {
    const rows = await run('cases_by_status', { to: '2025-01-31' });
    expect(rows.map((r) => [r.part, r.values.n])).toEqual([['challan_submitted', 1], ['under_investigation', 1]]);
    const now = await run('cases_by_status');
    expect(now.map((r) => [r.part, r.values.n])).toEqual([['complaint_received', 1], ['convicted', 1], ['in_trial', 1], ['under_investigation', 1]]);
  });

  it('sentence distribution: bands, shortest, median, longest', async () => {
    const rows = await run('sentences');
    expect(rows.map((r) => [r.part, r.values])).toEqual([
      ['5_to_7y', { n: 1, min_months: 60, median_months: 60, max_months: 60 }],
      ['7_to_10y', { n: 1, min_months: 84, median_months: 84, max_months: 84 }],
      ['all', { n: 2, min_months: 60, median_months: 72, max_months: 84 }],
    ]);
  });

  it('children identified, rescued and in care; operations with their arrests and rescues', async () => {
    expect(await one('children_identified')).toBe(1);
    expect(await one('children_rescued', { from: '2025-02-03', to: '2025-02-03' })).toBe(1);
    expect(await one('children_rescued', { to: '2025-02-02' })).toBe(0);
    expect((await run('children_in_care', { to: '2025-02-28' })).map((r) => [r.part, r.values.n])).toEqual([['all', 1], ['family', 1]]);
    expect(await run('children_in_care', { to: '2025-02-02' })).toEqual([]);
    expect(await run('operations')).toEqual([{ group: null, part: null, values: { n: 1, arrests: 2, children_rescued: 1 } }]);
    expect(await run('operations', { branchId: t.branchA })).toEqual([]);
  });

  it('time from FIR to challan and to verdict: median, 90th percentile, within the legal limit', async () => {
    // C1: 10 days (31 Dec 21:00 -> 10 Jan 21:00), C2: 45 days. Median 27.5, p90 10 + 0.9 x 35 = 41.5; 1 within 14 days.
    expect(await run('fir_to_challan')).toEqual([{ group: null, part: null, values: { n: 2, median_days: 27.5, p90_days: 41.5, within_limit: 1, limit_days: 14 } }]);
    // C1: FIR 2024-12-31 21:00 -> verdict 2025-06-01 05:00 = 151 days 8 hours = 151.3 days; limit 12 months = 365 days.
    expect(await run('fir_to_verdict')).toEqual([{ group: null, part: null, values: { n: 1, median_days: 151.3, p90_days: 151.3, within_limit: 1, limit_days: 365 } }]);
  });

  it('open caseload per investigator and the backlog with its age, at the end of January 2025', async () => {
    // Open at the end of 31 Jan (PKT): C1 (challan submitted) and C2 (under investigation). invA is on both, invA2 on C1.
    expect(await run('open_caseload', { to: '2025-01-31' })).toEqual([{ group: null, part: null, values: { investigators: 2, assignments: 3, mean: 1.5, median: 1.5, max: 2 } }]);
    // Ages at 2025-01-31 19:00 UTC: C1 30 d 22 h (30.92), C2 31 d 1 h (31.04); median 30.98 -> 31.0.
    expect((await run('backlog', { to: '2025-01-31' })).map((r) => [r.part, r.values])).toEqual([['all', { n: 2, median_age_days: 31 }], ['under_3m', { n: 2, median_age_days: 31 }]]);
  });

  it('the same boundary over the API, in the configured time zone', async () => {
    const res = await t.call('analyst', 'GET', '/api/v1/figures/firs?from=2025-01-01&to=2025-01-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ scope: { timeZone: 'Asia/Karachi' }, published: false, rows: [{ group: null, values: { n: 1 } }] });
  });
});
