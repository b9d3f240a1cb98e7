import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { caseVisibleTo } from '../../src/platform/access/case-scope.ts';
import { computeFigure, currentCatalogue, publishRows, type Catalogue } from '../../src/modules/stats/figures/figures.service.ts';
import { figures, groupings, type FigureParams } from '../../src/modules/stats/figures/registry.ts';
import { referenceFigureById } from './figures-reference.ts';
import { observe, planningSql } from '../../src/modules/planning/planning.data.ts';
import { withReferencePlanning } from '../planning/planning-reference.ts';
import { rebuildRollup, rollupAnswers, rollupFigureIds, rollupState } from '../../src/modules/stats/figures/rollup.ts';

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

  // The flow figures' events (migration 0038, kept by triggers) against the exact SQL of the registry, on this
  // data and after writes of every kind of source row; the table also equals one rebuilt from scratch.
  describe('the flow figures from their events (stat_flow) equal the exact SQL', () => {
    const flowDefs = figures.filter((f) => rollupFigureIds.includes(f.id));
    const scopes = async (): Promise<Array<Partial<FigureParams>>> => {
      const d = await t.ctx.db.selectFrom('cases').select(['district_id', 'branch_id']).where('id', '=', ids[7]!).executeTakeFirstOrThrow();
      const province = (await t.ctx.db.selectFrom('districts').select('province').where('id', '=', d.district_id).executeTakeFirstOrThrow()).province;
      return [{}, { province }, { districtId: d.district_id }, { branchId: t.branchA }, { offences: 'all' }];
    };
    const flowPeriods: Array<Partial<FigureParams>> = [{ from: '2024-01-01', to: '2024-12-31' }, { from: '2025-01-01', to: '2025-01-01' }, { to: '2024-12-31' }, { from: '2024-07-01' }, {}];

    /** Every flow figure, grouping, period and area scope: rollup (and that it WAS the rollup) equals exact. */
    async function flowSame(label: string, cat: Catalogue = catalogue, timeZone = 'Asia/Karachi', full = false) {
      const state = await rollupState(t.ctx.db);
      // In full: every area scope, period and grouping; after each write, the nation and all offences over
      // three periods by three groupings (the data set is small: the writes move every figure somewhere).
      const combos: Array<Partial<FigureParams>> = [];
      for (const [i, scope] of (await scopes()).entries()) {
        if (!full && i > 0 && !('offences' in scope)) continue;
        for (const period of full ? flowPeriods : flowPeriods.slice(0, 3)) {
          for (const groupBy of full && i === 0 ? (['none', 'province', 'district', 'branch', 'month', 'year'] as const) : (['none', 'district', 'month'] as const)) combos.push({ ...period, ...scope, groupBy });
        }
      }
      {
        for (const combo of combos) {
          {
            const p = base({ ...combo, catalogue: cat, timeZone });
            for (const def of flowDefs) {
              expect(rollupAnswers(def, p, state), `${label}: ${def.id} served by the rollup`).toBe(true);
              const [exact, auto] = await t.ctx.db.transaction().execute(async (tx) => [await computeFigure(tx, def, p, 'exact'), await computeFigure(tx, def, p)]);
              expect(auto, `${label}: ${def.id} ${JSON.stringify(combo)}`).toEqual(exact);
            }
          }
        }
      }
    }
    /** The table as the triggers left it equals the table rebuilt from the records (rolled back). */
    async function tableAsRebuilt() {
      const rowsOf = async (db: typeof t.ctx.db) => (await sql<Record<string, unknown>>`SELECT case_id, kind, src, day::text AS day, district_id, branch_id, ce, unit, val::text AS val FROM stat_flow ORDER BY case_id, kind, src`.execute(db)).rows;
      const kept = await rowsOf(t.ctx.db);
      const state = (await rollupState(t.ctx.db))!;
      const rebuilt = await t.ctx.db.transaction().execute(async (tx) => {
        await rebuildRollup(tx, state.timeZone, state.codes);
        const r = await rowsOf(tx);
        throw Object.assign(new Error('rollback'), { rows: r });
      }).catch((e: { rows?: Array<Record<string, unknown>> }) => e.rows);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(rebuilt);
    }

    it('on the data set as written', async () => {
      await tableAsRebuilt();
      await flowSame('as written', catalogue, 'Asia/Karachi', true);
    }, 600_000);

    it('after inserts, updates and deletes of every source row kind, backdated, across the time-zone boundary', async () => {
      const db = t.ctx.db;
      const [b0, b1] = await db.selectFrom('branches').select(['id', 'seat_district_id']).orderBy('id').limit(2).execute();
      // An FIR at 02:00 local time on 1 January 2025 (21:00 UTC on 31 December) belongs to 2025.
      const firs = figures.find((f) => f.id === 'firs')!;
      const day = (d: string) => computeFigure(db, firs, base({ from: d, to: d }));
      const jan1 = Number((await day('2025-01-01'))[0]?.values.n ?? 0);
      const dec31 = Number((await day('2024-12-31'))[0]?.values.n ?? 0);
      const k = await db.insertInto('cases').values({
        branch_id: b0!.id, district_id: b0!.seat_district_id, title: 'Boundary case', status: 'fir_registered', reported_at: '2024-12-31T20:30:00Z',
        fir_registered_at: '2024-12-31T21:00:00Z', fir_number: 9901, fir_year: 2025, created_by: t.users.invA.id,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('case_offences').values({ case_id: k.id, offence_code: 'PPC-377B' }).execute();
      const newYear = Number((await day('2025-01-01'))[0]?.values.n ?? 0);
      expect(newYear).toBe(jan1 + 1);
      expect(Number((await day('2024-12-31'))[0]?.values.n ?? 0)).toBe(dec31);
      // Exact SQL (the reference for the boundary) counts it on 1 January too.
      expect(Number((await computeFigure(db, firs, base({ from: '2025-01-01', to: '2025-01-01' }), 'exact'))[0]?.values.n ?? 0)).toBe(newYear);
      expect(await day('2024-12-31')).toEqual(await computeFigure(db, firs, base({ from: '2024-12-31', to: '2024-12-31' }), 'exact'));
      const persons = await db.selectFrom('persons').select('id').orderBy('id').limit(3).execute();
      await db.insertInto('arrests').values({ case_id: k.id, person_id: persons[0]!.id, arrested_at: '2024-12-31T19:00:00Z' }).execute();
      await db.insertInto('charges').values({ case_id: k.id, person_id: persons[1]!.id, offence_code: 'PPC-377B', court: 'Sessions Court', framed_at: '2025-01-01T18:59:59Z' }).execute();
      await db.insertInto('verdicts').values([
        { case_id: k.id, person_id: persons[1]!.id, outcome: 'convicted', court: 'Sessions Court', decided_at: '2025-02-10T05:00:00Z', sentence_months: 97 },
        { case_id: k.id, person_id: persons[2]!.id, outcome: 'acquitted', court: 'Sessions Court', decided_at: '2025-01-01T19:00:00Z' },
      ]).execute();
      const v = await db.insertInto('victims').values({ pseudonym: 'V-2025-9901', identified_at: '2024-12-31T19:00:00Z', state: 'identified' }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('case_victims').values([{ case_id: k.id, victim_id: v.id }, { case_id: ids[3]!, victim_id: v.id }]).execute();
      await tableAsRebuilt();
      await flowSame('inserts');
      const f = await computeFigure(db, firs, base({ from: '2025-01-01', to: '2025-01-01' }));
      expect(Number(f[0]!.values.n)).toBe(newYear);
      expect(newYear).toBeGreaterThan(0);

      // Updates: a backdated FIR and a challan, the case moved to another district and branch, dates of the
      // child, of an arrest, a charge and a verdict changed, an offence swapped (the case leaves the child-
      // exploitation scope and comes back).
      await db.updateTable('cases').set({ fir_registered_at: '2023-12-31T19:00:00Z', challan_submitted_at: '2024-12-31T18:59:59.999Z' }).where('id', '=', k.id).execute();
      await db.updateTable('cases').set({ branch_id: b1!.id, district_id: b1!.seat_district_id }).where('id', 'in', [k.id, ids[10]!]).execute();
      await db.updateTable('victims').set({ identified_at: '2024-03-15T08:00:00Z', recovered_at: '2025-01-01T00:00:00Z' }).where('id', '=', v.id).execute();
      await db.updateTable('arrests').set({ arrested_at: '2023-12-31T18:59:59.999Z' }).where('case_id', '=', k.id).execute();
      await db.updateTable('charges').set({ framed_at: '2024-06-30T19:00:00Z' }).where('case_id', '=', k.id).execute();
      await db.updateTable('verdicts').set({ decided_at: '2024-01-01T00:00:00Z', sentence_months: 13 }).where('case_id', '=', k.id).where('outcome', '=', 'convicted').execute();
      await db.updateTable('cases').set({ status: 'under_investigation', title: 'Boundary case, renamed' }).where('id', '=', k.id).execute();
      await db.deleteFrom('case_offences').where('case_id', '=', ids[4]!).where('offence_code', '=', 'PPC-377B').execute();
      await db.updateTable('case_offences').set({ offence_code: 'PPC-420' }).where('case_id', '=', k.id).execute();
      await tableAsRebuilt();
      await flowSame('updates');
      await db.updateTable('case_offences').set({ offence_code: 'PPC-377B' }).where('case_id', '=', k.id).execute();

      // Deletes: a verdict, an arrest, a charge, a child's link, then the case itself (its rows cascade).
      await db.deleteFrom('verdicts').where('case_id', '=', ids[0]!).execute();
      await db.deleteFrom('arrests').where('case_id', '=', ids[2]!).execute();
      await db.deleteFrom('charges').where('case_id', '=', ids[6]!).execute();
      await db.deleteFrom('case_victims').where('case_id', '=', ids[3]!).where('victim_id', '=', v.id).execute();
      await tableAsRebuilt();
      await flowSame('deletes');
      await db.deleteFrom('verdicts').where('case_id', '=', k.id).execute();
      await db.deleteFrom('case_victims').where('case_id', '=', k.id).execute();
      await db.deleteFrom('cases').where('id', '=', k.id).execute();
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM stat_flow WHERE case_id = ${k.id}`.execute(db)).rows[0]!.n).toBe(0);
      await tableAsRebuilt();
    }, 900_000);

    it('another time zone or an edited catalogue reads the exact SQL until the table is rebuilt for it; the old catalogue keeps its figures', async () => {
      const db = t.ctx.db;
      const firs = figures.find((f) => f.id === 'firs')!;
      // Another zone: not served (exact), equal after a rebuild in that zone.
      expect(rollupAnswers(firs, base({ timeZone: 'UTC' }), await rollupState(db))).toBe(false);
      await rebuildRollup(db, 'UTC', catalogue.childExploitationCodes);
      expect(rollupAnswers(firs, base({}), await rollupState(db))).toBe(false);
      await flowSame('rebuilt in UTC', catalogue, 'UTC');
      await rebuildRollup(db, 'Asia/Karachi', catalogue.childExploitationCodes);

      // The catalogue edited: PPC-420 flagged child exploitation. The figures under the new catalogue differ
      // and are exact; those under the old (a published figure recomputed) still come from the table, unchanged.
      const published = base({ from: '2024-01-01', to: '2024-12-31' });
      const beforeEdit = await computeFigure(db, firs, published);
      await db.updateTable('offences').set({ child_exploitation: true }).where('code', '=', 'PPC-420').execute();
      try {
        const edited = await currentCatalogue(db);
        expect(edited.version).not.toBe(catalogue.version);
        const state = await rollupState(db);
        expect(rollupAnswers(firs, base({ catalogue: edited }), state)).toBe(false);
        expect(rollupAnswers(firs, published, state)).toBe(true);
        expect(await computeFigure(db, firs, published)).toEqual(beforeEdit);
        await flowSame('old catalogue after the edit');
        const now = await computeFigure(db, firs, base({ from: '2024-01-01', to: '2024-12-31', catalogue: edited }));
        expect(Number(now[0]!.values.n)).toBeGreaterThan(Number(beforeEdit[0]!.values.n));
        await rebuildRollup(db, 'Asia/Karachi', edited.childExploitationCodes);
        await flowSame('rebuilt for the edited catalogue', edited);
      } finally {
        await db.updateTable('offences').set({ child_exploitation: false }).where('code', '=', 'PPC-420').execute();
        await rebuildRollup(db, 'Asia/Karachi', catalogue.childExploitationCodes);
      }
      await tableAsRebuilt();
    }, 900_000);

    it('need-to-know scopes and offence categories are never read from the table', async () => {
      const investigator = { id: t.users.invA.id, username: t.users.invA.username, displayName: 'Equivalence', role: 'investigator' as const, branchId: t.users.invA.branchId, ip: null };
      const visibleCases = sql`c.id IN (${t.ctx.db.selectFrom('cases').select('cases.id').where(caseVisibleTo(investigator))})`;
      const state = await rollupState(t.ctx.db);
      for (const def of flowDefs) {
        expect(rollupAnswers(def, base({ visibleCases }), state)).toBe(false);
        expect(rollupAnswers(def, base({ category: catalogue.categories['PPC-377B']! }), state)).toBe(false);
        expect(rollupAnswers(def, base({ groupBy: 'category' }), state)).toBe(false);
        expect(rollupAnswers(def, base({}), state)).toBe(true);
      }
    });
  });
});
