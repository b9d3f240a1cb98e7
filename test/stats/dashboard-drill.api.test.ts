import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';

// Drill-down of the seven figures that count something other than plain cases (issue 12, part 3): sentences,
// children in care, operations, FIR to challan, FIR to verdict, open caseload, backlog. On both engines, for
// an analyst (everything), a supervisor (their branch) and an investigator (their teams' cases): each list's
// total equals the count that reader is shown, the durations' medians are the medians of the listed
// intervals, the stock figures list the state at the period's end, and the published view lists nothing.
//
//   case  branch  team          FIR (UTC)         challan          first verdict          status at end 2025 (now)
//   E1    A       invA          2025-01-10 05:00  +10 d 6 h        2025-06-10 convicted   convicted
//   E2    A       invA2         2025-01-12 05:00  +20 d            2025-08-01 acquitted   acquitted
//   E3    A       invA          2025-02-01 05:00  +5 d 12 h        -                      challan_submitted (open)
//   E4    B       invB          2025-01-15 05:00  +30 d 3 h        2025-09-01 convicted   convicted
//   E5    A       invA, invA2   2025-11-01 05:00  -                -                      fir_registered (open)
//   E6    B       invB          2025-01-20 05:00  -                -                      fir_registered (open)
//   E9    A       invA          2025-03-01 05:00  -                -                      open at end 2025; convicted 2026-01-15
// Sentences: E1 P1 84 months, E1 P2 30 months, E4 P3 120 months. Operations: O1 (E1, executed, 2 arrests,
// 1 rescue), O2 (E4, executed, 1 arrest), O3 (E2, planned only). Children: V1 on E1 (shelter, open; identity
// recorded), V2 on E3 and E4 (family, open), V3 on E4 (placement ended in May 2025), V4 on E2 (shelter, open).
const { engines } = await detectEngines();

type Row = { group: string | null; part: string | null; values: Record<string, number | null>; display?: Record<string, string> };
type Answer = { published: boolean; drillDown: boolean; rows: Row[] };
type Item = {
  caseId: string; firLabel: string | null; title: string; district: string; branch: string; at: string | null;
  interval?: { from: string; to: string; days: number }; sentenceMonths?: number;
  operation?: { id: string; name: string; arrests: number; childrenRescued: number };
  child?: { id: string; pseudonym: string; gender: string | null; ageAtIdentification: number | null; state: string; placement: { kind: string; startedAt: string } };
  investigator?: { id: string; name: string; openCases: number };
};
type Drill = { total: number; itemKind: string; limitDays?: number | null; items: Item[] };

const period = 'from=2025-01-01&to=2025-12-31';
const round1 = (x: number) => Math.round(x * 10) / 10;
/** percentile_cont over sorted values, as PostgreSQL computes it. */
function percentile(values: number[], q: number): number {
  const v = [...values].sort((a, b) => a - b);
  const pos = q * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
}

describe.each(engines)('drill-down of sentences, children, operations, durations, caseload, backlog (%s)', (engine) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const get = async (user: UserKey, url: string, status = 200) => {
    const res = await t.call(user, 'GET', `/api/v1${url}`);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const figure = async (user: UserKey, id: string, extra = '') => (await get(user, `/dashboard/figures/${id}?${period}${extra}`)) as Answer;
  const records = async (user: UserKey, id: string, extra = '') => (await get(user, `/dashboard/figures/${id}/records?${period}&limit=200${extra}`)) as Drill;
  const value = (a: Answer, measure: string, group: string | null = null, part: string | null = null) =>
    a.rows.find((r) => r.group === group && r.part === part)?.values[measure] ?? 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.ctx.db;
    const district = async (name: string) => (await db.selectFrom('districts').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const mzg = await district('Muzaffargarh');
    const lahore = await district('Lahore');
    const early = '2025-01-01T00:00:00Z';
    const mk = async (title: string, branch: 'A' | 'B', team: UserKey[], fir: string, firNo: number, history: Array<[string, string]>, challan: string | null = null) => {
      const last = history[history.length - 1]![0];
      const c = await db.insertInto('cases').values({
        branch_id: branch === 'A' ? t.branchA : t.branchB, district_id: branch === 'A' ? mzg : lahore, title, status: last,
        reported_at: fir, fir_registered_at: fir, fir_number: firNo, fir_year: 2025, challan_submitted_at: challan, created_by: t.users[team[0]!].id,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('case_offences').values({ case_id: c.id, offence_code: 'PPC-377B' }).execute();
      // Team rows dated before the period ends: the caseload counts only who was on the team by then.
      await db.insertInto('case_team').values(team.map((u, i) => ({ case_id: c.id, user_id: t.users[u].id, team_role: i === 0 ? 'lead' as const : 'member' as const, added_at: early }))).execute();
      let from: string | null = null;
      for (const [to, at] of history) {
        await db.insertInto('case_status_history').values({ case_id: c.id, from_status: from, to_status: to, at, reason: 'fixture' }).execute();
        from = to;
      }
      ids[title] = c.id;
      return c.id;
    };
    const plus = (iso: string, days: number, hours = 0) => new Date(Date.parse(iso) + (days * 24 + hours) * 3600_000).toISOString();
    const f1 = '2025-01-10T05:00:00Z', f2 = '2025-01-12T05:00:00Z', f3 = '2025-02-01T05:00:00Z', f4 = '2025-01-15T05:00:00Z';
    await mk('E1', 'A', ['invA'], f1, 201, [['fir_registered', f1], ['challan_submitted', plus(f1, 10, 6)], ['convicted', '2025-06-10T05:00:00Z']], plus(f1, 10, 6));
    await mk('E2', 'A', ['invA2'], f2, 202, [['fir_registered', f2], ['challan_submitted', plus(f2, 20)], ['acquitted', '2025-08-01T05:00:00Z']], plus(f2, 20));
    await mk('E3', 'A', ['invA'], f3, 203, [['fir_registered', f3], ['challan_submitted', plus(f3, 5, 12)]], plus(f3, 5, 12));
    await mk('E4', 'B', ['invB'], f4, 204, [['fir_registered', f4], ['challan_submitted', plus(f4, 30, 3)], ['convicted', '2025-09-01T05:00:00Z']], plus(f4, 30, 3));
    await mk('E5', 'A', ['invA', 'invA2'], '2025-11-01T05:00:00Z', 205, [['fir_registered', '2025-11-01T05:00:00Z']]);
    await mk('E6', 'B', ['invB'], '2025-01-20T05:00:00Z', 206, [['fir_registered', '2025-01-20T05:00:00Z']]);
    await mk('E9', 'A', ['invA'], '2025-03-01T05:00:00Z', 209, [['fir_registered', '2025-03-01T05:00:00Z'], ['convicted', '2026-01-15T05:00:00Z']]);

    const person = async (name: string) => (await db.insertInto('persons').values({ display_name: name, gender: 'male' }).returning('id').executeTakeFirstOrThrow()).id;
    const [p1, p2, p3] = [await person('Fixture Accused One'), await person('Fixture Accused Two'), await person('Fixture Accused Three')];
    const verdict = (caseId: string, personId: string, outcome: 'convicted' | 'acquitted', at: string, months: number | null) =>
      db.insertInto('verdicts').values({ case_id: caseId, person_id: personId, outcome, court: 'Sessions Court', decided_at: at, sentence_months: months }).execute();
    await verdict(ids.E1!, p1, 'convicted', '2025-06-10T05:00:00Z', 84);
    await verdict(ids.E1!, p2, 'convicted', '2025-06-10T05:00:00Z', 30);
    await verdict(ids.E2!, p2, 'acquitted', '2025-08-01T05:00:00Z', null);
    await verdict(ids.E4!, p3, 'convicted', '2025-09-01T05:00:00Z', 120);

    // Victims: V1 through the API, with an identity the drill-down must never show.
    const v1 = await t.call('invA', 'POST', `/api/v1/cases/${ids.E1}/victims`, { gender: 'female', ageAtIdentification: 12, identifiedAt: '2025-02-01T00:00:00Z', identity: { fullName: 'Zarmeena Fictitious', address: 'House 9, Imaginary Street' } });
    expect(v1.statusCode, v1.body).toBe(201);
    ids.V1 = v1.json().id;
    const victim = async (pseudonym: string, cases: string[]) => {
      const v = await db.insertInto('victims').values({ pseudonym, gender: 'male', age_at_identification: 11, state: 'placed', identified_at: '2025-02-01T00:00:00Z', recovered_at: '2025-03-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
      for (const c of cases) await db.insertInto('case_victims').values({ case_id: c, victim_id: v.id }).execute();
      ids[pseudonym] = v.id;
      return v.id;
    };
    await victim('V-2025-0902', [ids.E3!, ids.E4!]);
    await victim('V-2025-0903', [ids.E4!]);
    await victim('V-2025-0904', [ids.E2!]);
    const place = (victimId: string, kind: 'shelter' | 'family' | 'child_protection_bureau', start: string, end: string | null) =>
      db.insertInto('placements').values({ victim_id: victimId, kind, facility: 'Hidden Shelter Gulberg', started_at: start, ended_at: end }).execute();
    await place(ids.V1!, 'shelter', '2025-03-01T00:00:00Z', null);
    await place(ids['V-2025-0902']!, 'family', '2025-04-01T00:00:00Z', null);
    await place(ids['V-2025-0903']!, 'child_protection_bureau', '2025-03-01T00:00:00Z', '2025-05-01T00:00:00Z');
    await place(ids['V-2025-0904']!, 'shelter', '2025-04-15T00:00:00Z', null);

    const op = async (name: string, caseId: string, executedAt: string | null) => (await db.insertInto('operations').values({
      case_id: caseId, name, status: executedAt ? 'executed' : 'planned', planned_for: executedAt ?? '2025-12-20T05:00:00Z', place: 'Fixture place', executed_at: executedAt,
    }).returning('id').executeTakeFirstOrThrow()).id;
    const o1 = await op('Operation Fixture One', ids.E1!, '2025-04-01T05:00:00Z');
    const o2 = await op('Operation Fixture Two', ids.E4!, '2025-04-02T05:00:00Z');
    await op('Operation Fixture Three', ids.E2!, null);
    ids.O1 = o1;
    ids.O2 = o2;
    await db.insertInto('arrests').values([
      { case_id: ids.E1!, person_id: p1, operation_id: o1, arrested_at: '2025-04-01T05:00:00Z' },
      { case_id: ids.E1!, person_id: p2, operation_id: o1, arrested_at: '2025-04-01T05:00:00Z' },
      { case_id: ids.E4!, person_id: p3, operation_id: o2, arrested_at: '2025-04-02T05:00:00Z' },
    ]).execute();
    await db.insertInto('rescues').values({ operation_id: o1, victim_id: ids.V1!, rescued_at: '2025-04-01T05:00:00Z' }).execute();
  }, 300_000);
  afterAll(async () => t?.close());

  /** Every group of a grouping: the list behind each cell has as many records as the cell counts. */
  async function eachGroupMatches(user: UserKey, id: string, groupBy: string, part: string | null = null) {
    const a = await figure(user, id, `&groupBy=${groupBy}`);
    const rows = a.rows.filter((r) => r.part === part && r.group !== null);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const d = await records(user, id, `&groupBy=${groupBy}&group=${encodeURIComponent(r.group!)}${part ? `&part=${part}` : ''}`);
      const shown = r.values.n ?? r.values.investigators;
      expect(d.total, `${id} ${groupBy} ${r.group}`).toBe(shown);
    }
  }

  it('FIR to challan: each case with its interval; the median, 90th percentile and within-limit are those of the list', async () => {
    const expected: Record<string, string[]> = { analyst: ['E1', 'E2', 'E3', 'E4'], supA: ['E1', 'E2', 'E3'], invA: ['E1', 'E3'], invB: ['E4'] };
    for (const [user, titles] of Object.entries(expected) as Array<[UserKey, string[]]>) {
      const a = await figure(user, 'fir_to_challan');
      expect(a.drillDown).toBe(true);
      const d = await records(user, 'fir_to_challan');
      expect(d.itemKind).toBe('case');
      expect(d.total, user).toBe(value(a, 'n'));
      expect(d.items.map((i) => i.title).sort()).toEqual(titles);
      const listed = d.items.map((i) => i.interval!.days);
      expect(round1(percentile(listed, 0.5)), user).toBe(value(a, 'median_days'));
      expect(round1(percentile(listed, 0.9)), user).toBe(value(a, 'p90_days'));
      expect(listed.filter((x) => x <= d.limitDays!).length).toBe(value(a, 'within_limit'));
    }
    const a = await records('analyst', 'fir_to_challan');
    expect(a.limitDays).toBe(14);
    // Longest first; E1's interval is exactly 10 days 6 hours, from its FIR to its challan.
    expect(a.items.map((i) => i.title)).toEqual(['E4', 'E2', 'E1', 'E3']);
    const e1 = a.items.find((i) => i.title === 'E1')!;
    expect(e1.interval).toEqual({ from: '2025-01-10T05:00:00.000Z', to: '2025-01-20T11:00:00.000Z', days: 10.25 });
    expect(e1.firLabel).toContain('201');
    expect(round1(percentile(a.items.map((i) => i.interval!.days), 0.5))).toBe(15.1);
    await eachGroupMatches('analyst', 'fir_to_challan', 'branch');
    await eachGroupMatches('invA', 'fir_to_challan', 'month');
  });

  it('FIR to verdict: the first verdict of each case, the median that of the listed intervals', async () => {
    for (const user of ['analyst', 'supA', 'invA', 'invA2'] as const) {
      const a = await figure(user, 'fir_to_verdict');
      const d = await records(user, 'fir_to_verdict');
      expect(d.total, user).toBe(value(a, 'n'));
      const listed = d.items.map((i) => i.interval!.days);
      if (listed.length) expect(round1(percentile(listed, 0.5)), user).toBe(value(a, 'median_days'));
    }
    const d = await records('analyst', 'fir_to_verdict');
    expect(d.items.map((i) => i.title).sort()).toEqual(['E1', 'E2', 'E4']);
    expect(d.items.find((i) => i.title === 'E1')!.interval!.days).toBe(151); // 10 January to 10 June, the first of two verdicts
    expect((await records('invA', 'fir_to_verdict')).items.map((i) => i.title)).toEqual(['E1']);
    await eachGroupMatches('analyst', 'fir_to_verdict', 'district');
  });

  it('sentences: one item per sentence with its months, by band; only the cases the reader may see', async () => {
    const a = await figure('analyst', 'sentences');
    const d = await records('analyst', 'sentences');
    expect(d.itemKind).toBe('sentence');
    expect(d.total).toBe(value(a, 'n', null, 'all'));
    expect(d.items.map((i) => i.sentenceMonths).sort((x, y) => x! - y!)).toEqual([30, 84, 120]);
    expect(percentile(d.items.map((i) => i.sentenceMonths!), 0.5)).toBe(value(a, 'median_months', null, 'all'));
    const band = await records('analyst', 'sentences', '&part=7_to_10y');
    expect(band.total).toBe(value(a, 'n', null, '7_to_10y'));
    expect(band.items.map((i) => [i.title, i.sentenceMonths])).toEqual([['E1', 84]]);
    const mine = await records('invA', 'sentences');
    expect(mine.total).toBe(value(await figure('invA', 'sentences'), 'n', null, 'all'));
    expect(mine.items.map((i) => i.title)).toEqual(['E1', 'E1']); // both sentences of E1, not E4 of another branch
    const sup = await records('supA', 'sentences', '&part=10_to_14y');
    expect(sup.total).toBe(0); // E4's sentence is in branch B
    await eachGroupMatches('analyst', 'sentences', 'branch', 'all');
  });

  it('operations: each executed operation with its arrests and rescues, summing to the figure', async () => {
    for (const user of ['analyst', 'supA', 'invA', 'invA2', 'invB'] as const) {
      const a = await figure(user, 'operations');
      const d = await records(user, 'operations');
      expect(d.itemKind).toBe('operation');
      expect(d.total, user).toBe(value(a, 'n'));
      expect(d.items.reduce((s, i) => s + i.operation!.arrests, 0), user).toBe(value(a, 'arrests'));
      expect(d.items.reduce((s, i) => s + i.operation!.childrenRescued, 0), user).toBe(value(a, 'children_rescued'));
    }
    const d = await records('analyst', 'operations');
    expect(d.items.map((i) => i.operation!.name)).toEqual(['Operation Fixture Two', 'Operation Fixture One']);
    expect(d.items[1]).toMatchObject({ title: 'E1', operation: { id: ids.O1, arrests: 2, childrenRescued: 1 } });
    expect((await records('supA', 'operations')).items.map((i) => i.operation!.id)).toEqual([ids.O1]);
    expect((await records('invA2', 'operations')).total).toBe(0); // O3 of E2 was never executed
    await eachGroupMatches('analyst', 'operations', 'month');
  });

  it('children in care: each child once, by pseudonym as the victims module shows them; never the identity or the facility', async () => {
    const expected: Record<string, string[]> = { analyst: ['V-2025-0902', 'V-2025-0904', 'V1'], supA: ['V-2025-0902', 'V-2025-0904', 'V1'], invA: ['V-2025-0902', 'V1'], invB: ['V-2025-0902'], invA2: ['V-2025-0904'] };
    for (const [user, children] of Object.entries(expected) as Array<[UserKey, string[]]>) {
      const a = await figure(user, 'children_in_care');
      const d = await records(user, 'children_in_care');
      expect(d.itemKind).toBe('child');
      expect(d.total, user).toBe(value(a, 'n', null, 'all'));
      expect(d.items.map((i) => (i.child!.id === ids.V1 ? 'V1' : i.child!.pseudonym)).sort(), user).toEqual(children);
      const text = JSON.stringify(d);
      expect(text).not.toContain('Zarmeena');
      expect(text).not.toContain('Imaginary Street');
      expect(text).not.toContain('Hidden Shelter');
    }
    // V2 is linked to E3 (invA's) and E4 (branch B): invA sees the child through E3 only, invB through E4.
    expect((await records('invA', 'children_in_care')).items.find((i) => i.child!.pseudonym === 'V-2025-0902')!.title).toBe('E3');
    expect((await records('invB', 'children_in_care')).items[0]!.title).toBe('E4');
    const v1 = (await records('analyst', 'children_in_care')).items.find((i) => i.child!.id === ids.V1)!;
    expect(v1.child).toMatchObject({ gender: 'female', ageAtIdentification: 12, placement: { kind: 'shelter', startedAt: '2025-03-01T00:00:00.000Z' } });
    expect(Object.keys(v1.child!).sort()).toEqual(['ageAtIdentification', 'gender', 'id', 'placement', 'pseudonym', 'state']);
    // By placement: V3's placement ended in May, so the child protection bureau has no one at the end of 2025.
    const a = await figure('analyst', 'children_in_care');
    for (const part of ['shelter', 'family', 'child_protection_bureau']) {
      expect((await records('analyst', 'children_in_care', `&part=${part}`)).total, part).toBe(value(a, 'n', null, part));
    }
    expect((await records('analyst', 'children_in_care', '&part=child_protection_bureau')).total).toBe(0);
    // At the end of April 2025 V3 was still placed.
    const april = (await get('analyst', '/dashboard/figures/children_in_care/records?from=2025-01-01&to=2025-04-30&part=child_protection_bureau')) as Drill;
    expect(april.items.map((i) => i.child!.pseudonym)).toEqual(['V-2025-0903']);
    // By branch a child linked to cases of two branches counts (and is listed) in each.
    await eachGroupMatches('analyst', 'children_in_care', 'branch', 'all');
    const byBranch = (await get('analyst', `/dashboard/figures/children_in_care/records?${period}&groupBy=branch&group=Lahore`)) as Drill;
    expect(byBranch.items.map((i) => i.child!.pseudonym)).toEqual(['V-2025-0902']);
    // The victims module's need-to-know: a protection officer has no dashboard at all.
    await get('prot', `/dashboard/figures/children_in_care/records?${period}`, 403);
  });

  it('backlog: the cases open at the end of the period, each with its age; a case closed since still counts', async () => {
    const a = await figure('analyst', 'backlog');
    const d = await records('analyst', 'backlog');
    expect(d.total).toBe(value(a, 'n', null, 'all'));
    // E9 was convicted in January 2026, so it was open at the end of 2025; E1, E2 and E4 were decided.
    expect(d.items.map((i) => i.title).sort()).toEqual(['E3', 'E5', 'E6', 'E9']);
    expect(round1(percentile(d.items.map((i) => i.interval!.days), 0.5))).toBe(value(a, 'median_age_days', null, 'all'));
    // Ages run to the end of the period: midnight starting 1 January 2026 in Pakistan.
    expect(d.items.every((i) => i.interval!.to === '2025-12-31T19:00:00.000Z')).toBe(true);
    expect(d.items[0]!.title).toBe('E6'); // oldest first
    for (const user of ['supA', 'invA', 'invB'] as const) {
      const f = await figure(user, 'backlog');
      const r = await records(user, 'backlog');
      expect(r.total, user).toBe(value(f, 'n', null, 'all'));
      expect(round1(percentile(r.items.map((i) => i.interval!.days), 0.5)), user).toBe(value(f, 'median_age_days', null, 'all'));
    }
    expect((await records('invA', 'backlog')).items.map((i) => i.title).sort()).toEqual(['E3', 'E5', 'E9']);
    expect((await records('supA', 'backlog')).items.map((i) => i.caseId)).not.toContain(ids.E6);
    const young = await records('analyst', 'backlog', '&part=under_3m');
    expect(young.total).toBe(value(a, 'n', null, 'under_3m'));
    expect(young.items.map((i) => i.title)).toEqual(['E5']);
    // Now (no end date): E9 is convicted and no longer open.
    const now = (await get('analyst', '/dashboard/figures/backlog/records?from=2025-01-01')) as Drill;
    expect(now.items.map((i) => i.title)).not.toContain('E9');
    await eachGroupMatches('analyst', 'backlog', 'branch', 'all');
  });

  it('open caseload: one item per investigator with their open cases at the end of the period', async () => {
    const a = await figure('analyst', 'open_caseload');
    const d = await records('analyst', 'open_caseload');
    expect(d.itemKind).toBe('investigator');
    expect(d.total).toBe(value(a, 'investigators'));
    const per = Object.fromEntries(d.items.map((i) => [i.investigator!.id, i.investigator!.openCases]));
    // invA2's E2 was decided (acquitted) in August: only E5 is open on their desk.
    expect(per).toEqual({ [t.users.invA.id]: 3, [t.users.invA2.id]: 1, [t.users.invB.id]: 1 });
    expect(d.items.reduce((s, i) => s + i.investigator!.openCases, 0)).toBe(value(a, 'assignments'));
    expect(percentile(d.items.map((i) => i.investigator!.openCases), 0.5)).toBe(value(a, 'median'));
    expect(Math.max(...d.items.map((i) => i.investigator!.openCases))).toBe(value(a, 'max'));
    // The case to go to: each investigator's oldest open case.
    expect(d.items[0]).toMatchObject({ investigator: { id: t.users.invA.id, openCases: 3 }, title: 'E3' });
    // invA sees the caseload of their own cases only: theirs (3) and invA2's share of E5 (1).
    const mine = await records('invA', 'open_caseload');
    expect(mine.total).toBe(value(await figure('invA', 'open_caseload'), 'investigators'));
    expect(Object.fromEntries(mine.items.map((i) => [i.investigator!.id, i.investigator!.openCases]))).toEqual({ [t.users.invA.id]: 3, [t.users.invA2.id]: 1 });
    const sup = await records('supA', 'open_caseload');
    expect(sup.items.map((i) => i.investigator!.id)).not.toContain(t.users.invB.id);
    await eachGroupMatches('analyst', 'open_caseload', 'branch');
  });

  it('all seven are refused in the published view (leadership, or an analyst asking for it), and for roles without the dashboard', async () => {
    for (const id of ['sentences', 'children_in_care', 'operations', 'fir_to_challan', 'fir_to_verdict', 'open_caseload', 'backlog']) {
      const lead = await figure('leadership', id);
      expect(lead.published).toBe(true);
      expect(lead.drillDown, id).toBe(false);
      const refused = await t.call('leadership', 'GET', `/api/v1/dashboard/figures/${id}/records?${period}`);
      expect(refused.statusCode, id).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toContain('published');
      expect(refused.body).not.toContain('E1');
      const pub = await t.call('analyst', 'GET', `/api/v1/dashboard/figures/${id}/records?${period}&published=true`);
      expect(pub.statusCode, id).toBe(403);
      expect(pub.body).toContain('published');
      expect((await figure('analyst', id)).drillDown, id).toBe(true);
      expect((await t.call('admin', 'GET', `/api/v1/dashboard/figures/${id}/records?${period}`)).statusCode).toBe(403);
      // Another branch's supervisor may not ask for branch A.
      const other = await t.call('supB', 'GET', `/api/v1/dashboard/figures/${id}/records?${period}&branchId=${t.branchA}`);
      expect(other.statusCode, id).toBe(403);
      expect(other.body).toContain('branchId');
    }
  });

  it('refuses parts a figure does not have, naming the field', async () => {
    const bad = await t.call('analyst', 'GET', `/api/v1/dashboard/figures/operations/records?${period}&part=shelter`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toContain('part');
    const badBand = await t.call('analyst', 'GET', `/api/v1/dashboard/figures/sentences/records?${period}&part=forever`);
    expect(badBand.statusCode).toBe(400);
    expect(badBand.body).toContain('part');
    const noGroup = await t.call('analyst', 'GET', `/api/v1/dashboard/figures/backlog/records?${period}&groupBy=branch`);
    expect(noGroup.statusCode).toBe(400);
    expect(noGroup.body).toContain('group');
  });
});
