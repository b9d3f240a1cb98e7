import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { caseVisibleTo } from '../../src/platform/access/case-scope.ts';
import { computeFigure, currentCatalogue, publishRows, type Catalogue } from '../../src/modules/stats/figures/figures.service.ts';
import { figures, groupings, type FigureParams } from '../../src/modules/stats/figures/registry.ts';
import { referenceFigureById } from './figures-reference.ts';
import { observe, planningSql } from '../../src/modules/planning/planning.data.ts';
import { withReferencePlanning } from '../planning/planning-reference.ts';

// The rewritten figure SQL (registry.ts, for scale) must give exactly what the old SQL gave
// (figures-reference.ts), exact and published, on a generated data set full of edges: status changes exactly
// at a period's bound (local midnight of Asia/Karachi, 19:00 UTC the day before), several changes at one
// instant (the later id wins), backdated changes inserted after later ones, cases with no history or whose
// history disagrees with their current status, several verdicts per case, cases of one branch whose offence
// happened in another province, and scopes so small that the published view suppresses them.
const { engines } = await detectEngines();

// Instants around the bounds of 2024 and of 1 January 2025 in Asia/Karachi (UTC+5) and in UTC.
const instants = [
  '2023-12-31T18:59:59.999Z', '2023-12-31T19:00:00Z', '2024-01-01T00:00:00Z', '2024-03-15T08:00:00Z', '2024-06-30T19:00:00Z',
  '2024-12-31T18:59:59.999Z', '2024-12-31T19:00:00Z', '2024-12-31T23:30:00Z', '2025-01-01T00:00:00Z', '2025-01-01T19:00:00Z', '2025-02-10T05:00:00Z',
];
const statuses = ['complaint_received', 'fir_registered', 'under_investigation', 'challan_submitted', 'in_trial', 'convicted', 'acquitted', 'inquiry_closed', 'cancelled_or_discharged', 'under_appeal'];

describe.each(engines)('rewritten figure SQL equals the old (%s)', (engine) => {
  let t: TestApp;
  let catalogue: Catalogue;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.ctx.db;
    catalogue = await currentCatalogue(db);
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const at = (i: number) => instants[i % instants.length]!;
    const branches = (await db.selectFrom('branches').select(['id', 'seat_district_id']).orderBy('id').limit(6).execute()).map((b) => b);
    const otherDistricts = (await db.selectFrom('districts').select(['id', 'province']).orderBy('province', 'desc').orderBy('id').limit(3).execute()).map((d) => d.id);
    const codes = ['PPC-377B', 'PPC-420'];
    const investigators = [t.users.invA.id, t.users.invA2.id, t.users.invB.id];
    for (let i = 0; i < 90; i++) {
      const b = i % 13 === 0 ? { id: t.branchA, seat_district_id: null } : branches[i % branches.length]!;
      const district = i % 7 === 0 ? otherDistricts[i % otherDistricts.length]! : b.seat_district_id ?? undefined;
      const reported = at(rnd(instants.length));
      const fir = i % 5 === 0 ? null : at(rnd(instants.length));
      const challan = fir && i % 3 !== 0 ? at(rnd(instants.length)) : null;
      const c = await db.insertInto('cases').values({
        branch_id: b.id, ...(district !== undefined ? { district_id: district } : {}), title: `Equivalence case ${i}`, status: statuses[rnd(statuses.length)]!,
        reported_at: reported, fir_registered_at: fir, challan_submitted_at: challan, fir_number: fir ? 9000 + i : null, fir_year: fir ? 2024 : null, created_by: t.users.invA.id,
      }).returning('id').executeTakeFirstOrThrow();
      ids.push(c.id);
      await db.insertInto('case_offences').values(i % 4 === 3 ? [{ case_id: c.id, offence_code: codes[0]! }, { case_id: c.id, offence_code: codes[1]! }] : [{ case_id: c.id, offence_code: codes[i % 2]! }]).execute();
      // History: none for some cases; for others changes at the bounds, ties at one instant, a backdated one last.
      if (i % 6 !== 0) {
        const n = 1 + rnd(4);
        const rows = Array.from({ length: n }, () => ({ case_id: c.id, from_status: null, to_status: statuses[rnd(statuses.length)]!, at: at(rnd(instants.length)), reason: 'equivalence' }));
        if (i % 4 === 1) rows.push({ ...rows[0]!, to_status: statuses[rnd(statuses.length)]! });
        await db.insertInto('case_status_history').values(rows).execute();
        if (i % 5 === 2) await db.insertInto('case_status_history').values({ case_id: c.id, from_status: null, to_status: 'inquiry_closed', at: instants[0]!, reason: 'backdated' }).execute();
      }
      if (fir) {
        await db.insertInto('case_team').values(investigators.slice(0, 1 + (i % 3)).map((u, k) => ({ case_id: c.id, user_id: u, team_role: k === 0 ? 'lead' : 'member', added_at: at(rnd(instants.length)) }))).execute();
      }
    }
    const person = async (k: number) => (await db.insertInto('persons').values({ display_name: `Equivalence Person ${k}` }).returning('id').executeTakeFirstOrThrow()).id;
    const persons = [];
    for (let k = 0; k < 30; k++) persons.push(await person(k));
    for (let i = 0; i < 90; i += 2) {
      const caseId = ids[i]!;
      const p = persons[i % persons.length]!;
      const q = persons[(i + 7) % persons.length]!;
      const op = i % 6 === 0 ? await db.insertInto('operations').values({
        case_id: caseId, name: `Equivalence operation ${i}`, status: 'executed', planned_for: at(i), place: 'somewhere', approved_by: t.users.supA.id,
        approved_at: at(i), executed_at: at(i + 1), duration_minutes: 60,
      }).returning('id').executeTakeFirstOrThrow() : null;
      await db.insertInto('arrests').values([{ case_id: caseId, person_id: p, arrested_at: at(i), operation_id: op?.id ?? null }, { case_id: caseId, person_id: q, arrested_at: at(i + 3) }]).execute();
      await db.insertInto('charges').values({ case_id: caseId, person_id: p, offence_code: 'PPC-377B', court: 'Sessions Court', framed_at: at(i + 2) }).execute();
      if (i % 4 === 0) {
        await db.insertInto('verdicts').values([
          { case_id: caseId, person_id: p, outcome: 'convicted', court: 'Sessions Court', decided_at: at(i + 4), sentence_months: 6 + ((i * 7) % 200) },
          { case_id: caseId, person_id: q, outcome: i % 8 === 0 ? 'acquitted' : 'convicted', court: 'Sessions Court', decided_at: at(i + 5), sentence_months: i % 8 === 0 ? null : 40 + i },
        ]).execute();
      }
      const v = await db.insertInto('victims').values({ pseudonym: `V-2024-${String(8000 + i)}`, identified_at: at(i + 1), recovered_at: i % 3 === 0 ? null : at(i + 2), state: 'placed' }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('case_victims').values([{ case_id: caseId, victim_id: v.id }, ...(i % 10 === 0 ? [{ case_id: ids[i + 1]!, victim_id: v.id }] : [])]).execute();
      if (op) await db.insertInto('rescues').values({ operation_id: op.id, victim_id: v.id, rescued_at: at(i + 1) }).execute();
      if (i % 3 !== 0) {
        await db.insertInto('placements').values({ victim_id: v.id, kind: (['child_protection_bureau', 'family', 'shelter'] as const)[i % 3]!, facility: '', started_at: at(i + 2), ended_at: i % 4 === 0 ? at(i + 6) : null }).execute();
      }
    }
  }, 300_000);
  afterAll(async () => t?.close());

  const base = (over: Partial<FigureParams>): FigureParams => ({
    from: null, to: null, timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue, ...over,
  });
  const periods: Array<Partial<FigureParams>> = [
    { from: '2024-01-01', to: '2024-12-31' },
    { from: '2025-01-01', to: '2025-01-01' },
    { from: '2024-01-01', to: '2024-12-31', timeZone: 'UTC' },
    { to: '2024-12-31' },
    { from: '2024-07-01' },
  ];

  async function same(over: Partial<FigureParams>) {
    const p = base(over);
    for (const def of figures) {
      const ref = referenceFigureById(def.id)!;
      // One transaction per pair: now() (a period without an end) is the same instant for both.
      const [old, now] = await t.ctx.db.transaction().execute(async (tx) => [await computeFigure(tx, ref, p), await computeFigure(tx, def, p)]);
      expect(now, `${def.id} ${JSON.stringify({ ...over, catalogue: undefined, visibleCases: undefined })}`).toEqual(old);
      expect(publishRows(def, now, p.groupBy)).toEqual(publishRows(ref, old, p.groupBy));
    }
  }

  it('the data set has the edges it is meant to have', async () => {
    const db = t.ctx.db;
    const atBound = await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_status_history WHERE at = '2024-12-31T19:00:00Z'`.execute(db);
    expect(atBound.rows[0]!.n).toBeGreaterThan(0);
    const ties = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT case_id, at FROM case_status_history GROUP BY 1, 2 HAVING count(*) > 1) x`.execute(db);
    expect(ties.rows[0]!.n).toBeGreaterThan(0);
    const noHistory = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_status_history h WHERE h.case_id = c.id)`.execute(db);
    expect(noHistory.rows[0]!.n).toBeGreaterThan(0);
    // Some published cells of the test are suppressed.
    const rows = await computeFigure(db, figures.find((f) => f.id === 'firs')!, base({ from: '2024-01-01', to: '2024-12-31', groupBy: 'district' }));
    expect(publishRows(figures.find((f) => f.id === 'firs')!, rows, 'district').some((r) => r.display?.n === '<5')).toBe(true);
  });

  it.each(groupings)('every figure, grouped by %s, over several periods and time zones', async (groupBy) => {
    for (const period of periods) await same({ ...period, groupBy });
  }, 300_000);

  it('the capacity plan observes the same with the set-wise pass (spans) as with the per-case probes', async () => {
    const windows = [
      { from: '2024-01-01', to: '2024-12-31', timeZone: 'Asia/Karachi' }, { from: '2024-01-01', to: '2024-12-31', timeZone: 'UTC' },
      { from: '2025-01-01', to: '2025-01-01', timeZone: 'Asia/Karachi' }, { from: '2023-01-01', to: '2026-12-31', timeZone: 'Asia/Karachi' },
    ];
    for (const w of windows) {
      for (const codes of [catalogue.childExploitationCodes, null]) {
        const win = { ...w, childExploitationCodes: codes };
        const old = await withReferencePlanning(planningSql, () => observe(t.ctx.db, win));
        const now = await observe(t.ctx.db, win);
        expect(now, JSON.stringify(w)).toEqual(old);
      }
    }
    // The windows see backlogs and ends: the comparison is not of empty observations.
    const all = await observe(t.ctx.db, { ...windows[3]!, childExploitationCodes: null });
    expect(all.national.completions).toBeGreaterThan(0);
    expect(all.branches.some((b) => b.backlog > 0)).toBe(true);
  }, 120_000);

  it('every figure over narrower scopes and all offences', async () => {
    const province = (await t.ctx.db.selectFrom('districts').select('province').where('id', '=', (await t.ctx.db.selectFrom('cases').select('district_id').where('id', '=', ids[7]!).executeTakeFirstOrThrow()).district_id).executeTakeFirstOrThrow()).province;
    const investigator = { id: t.users.invA.id, username: t.users.invA.username, displayName: 'Equivalence', role: 'investigator' as const, branchId: t.users.invA.branchId, ip: null };
    const visibleCases = sql`c.id IN (${t.ctx.db.selectFrom('cases').select('cases.id').where(caseVisibleTo(investigator))})`;
    const scopes: Array<Partial<FigureParams>> = [
      { province }, { branchId: t.branchA }, { districtId: (await t.ctx.db.selectFrom('cases').select('district_id').where('id', '=', ids[7]!).executeTakeFirstOrThrow()).district_id },
      { category: catalogue.categories['PPC-377B']! }, { offences: 'all' }, { visibleCases },
    ];
    for (const scope of scopes) {
      for (const groupBy of ['none', 'province', 'category'] as const) await same({ from: '2024-01-01', to: '2024-12-31', ...scope, groupBy });
      await same({ ...scope, groupBy: 'month' });
    }
  }, 300_000);
});
