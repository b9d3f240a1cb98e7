import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { stockCases, type StockCases } from '../support/stock-cases.ts';
import { expectCohortAreaSumsMatchParts, expectCohortSumsMatchParts } from '../support/stock-rollup-checks.ts';
import { computeFigure, currentCatalogue, type Catalogue } from '../../src/modules/stats/figures/figures.service.ts';
import { exactStock, figureById, type FigureParams, type Grouping } from '../../src/modules/stats/figures/registry.ts';
import { casesByStatusFromCohort, cohortEligible, extendStockCheckpoints } from '../../src/modules/stats/rollup/stock.ts';
import { flowKeyedFor, readFlowKeys } from '../../src/modules/stats/rollup/state.ts';
import { rebuildPartOnline } from '../../src/modules/stats/rollup/rebuild.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { backlogSums } from '../../src/platform/db/migrations/0051_stock_backlog.ts';
import { extendBody, rebuildBody, refreshBody } from '../../src/platform/db/migrations/flow-keyed-sums.ts';
import type { Db } from '../../src/platform/db/database.ts';

// Cases by status grouped by REPORTED month or year from the cohort histograms (migration 0052 by province, 0055 by
// district and branch; rollup/stock.ts casesByStatusFromCohort) must give exactly the rows of the exact SQL
// (registry.ts exactStock.cases_by_status) for every scope they serve (nation, province, district, branch, a district
// or branch within a province; child-exploitation or all offences), at period ends around local month
// bounds, after every kind of write its triggers keep it through: status history inserted (ties, backdated), moved,
// moved to another case, deleted, truncated; a case's status, district, branch and report date changed (across a local
// month bound); cases created and deleted; offences changed; the catalogue edited and the flow table re-keyed online;
// a district moved to another province. The stored parts must equal a rebuild, and the sums the parts. Both engines.
const { engines } = await detectEngines();

// Around local midnights of Asia/Karachi (UTC+5: 19:00 UTC the day before) at month and year bounds.
const instants = [
  '2023-06-10T04:00:00Z', '2023-12-31T18:59:59.999Z', '2023-12-31T19:00:00Z', '2024-01-31T18:59:59Z', '2024-01-31T19:00:00Z', '2024-03-15T08:00:00Z',
  '2024-06-30T19:00:00Z', '2024-12-31T18:59:59.999Z', '2024-12-31T19:00:00Z', '2025-01-01T00:00:00Z', '2025-02-10T05:00:00Z',
];
const periodEnds = ['2019-06-30', '2023-12-31', '2024-01-31', '2024-06-30', '2024-12-31', '2025-01-01', '2025-02-10', '2031-01-01'];

describe('the histogram builder (flow-keyed-sums.ts)', () => {
  it("still writes migration 0051's functions as they were applied", () => {
    // A migration's SQL is fixed once applied: these are the digests of 0051's bodies as first written (session 11).
    const digest = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(digest(rebuildBody(backlogSums))).toBe('ae0b30027c1c040594387378e624da6ffe15cf1144015efde538df8a8c68d614');
    expect(digest(refreshBody(backlogSums))).toBe('a8d4fefe0d82cf6e61fbdd28286d3ef5f8c72df3129be8b19271640d1ccb20f0');
    expect(digest(extendBody(backlogSums))).toBe('e7297e8fcb17d3848723acb0bbf20d1c0bd541434a74cb6eacd56a623064d761');
  });
});

describe.each(engines)('cases by status by reported month from the cohort histogram equal the exact SQL (%s)', (engine) => {
  let t: TestApp;
  let db: Db;
  let catalogue: Catalogue;
  let cases: StockCases;

  const base = (over: Partial<FigureParams>): FigureParams => ({
    from: null, to: '2024-12-31', timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'month', catalogue, ...over,
  });
  const rows = async (q: { execute(db: Db): Promise<{ rows: Array<Record<string, unknown>> }> }) =>
    (await q.execute(db)).rows.map((r) => ({ grp: (r.grp as string | null) ?? null, part: r.part as string, n: Number(r.n) }))
      .sort((a, b) => `${a.grp}\u0000${a.part}`.localeCompare(`${b.grp}\u0000${b.part}`));

  /** Histogram and exact SQL over every period end, grouping and scope it serves; how many non-empty answers were compared. */
  async function expectSameFigures(): Promise<number> {
    const keys = await readFlowKeys(db);
    expect(flowKeyedFor(keys, 'Asia/Karachi', catalogue.childExploitationCodes), 'the flow keys are the catalogue\'s').toBe(true);
    const provinces = (await sql<{ province: string }>`SELECT DISTINCT d.province FROM cases c JOIN districts d ON d.id = c.district_id ORDER BY 1`.execute(db)).rows.map((r) => r.province);
    expect(provinces.length).toBeGreaterThan(1);
    // Districts and branches with cases (the first few), and one of each within its own province and within another.
    const areas = (await sql<{ district_id: number; branch_id: number; province: string }>`SELECT DISTINCT c.district_id, c.branch_id, d.province FROM cases c JOIN districts d ON d.id = c.district_id ORDER BY 1, 2`.execute(db)).rows;
    expect(new Set(areas.map((a) => a.district_id)).size).toBeGreaterThan(2);
    expect(new Set(areas.map((a) => a.branch_id)).size).toBeGreaterThan(2);
    const elsewhere = provinces.find((x) => x !== areas[0]!.province)!;
    const scopes: Array<Partial<FigureParams>> = [{}, { offences: 'all' }, ...provinces.map((province) => ({ province })), { province: provinces[0]!, offences: 'all' },
      ...[...new Set(areas.map((a) => a.district_id))].slice(0, 4).map((districtId) => ({ districtId })), ...[...new Set(areas.map((a) => a.branch_id))].slice(0, 3).map((branchId) => ({ branchId })),
      { districtId: areas[0]!.district_id, offences: 'all' }, { branchId: areas[0]!.branch_id, offences: 'all' },
      { districtId: areas[0]!.district_id, province: areas[0]!.province }, { branchId: areas[0]!.branch_id, province: areas[0]!.province }, { branchId: areas[0]!.branch_id, province: elsewhere },
      { districtId: areas[0]!.district_id, branchId: areas[0]!.branch_id }];
    let nonEmpty = 0;
    for (const to of periodEnds) {
      for (const scope of scopes) {
        for (const groupBy of ['month', 'year'] as Grouping[]) {
          const p = base({ to, groupBy, ...scope });
          expect(cohortEligible(p)).toBe(true);
          const exact = await rows(exactStock.cases_by_status(p));
          expect(await rows(casesByStatusFromCohort(p)), `${to} ${groupBy} ${JSON.stringify(scope)}`).toEqual(exact);
          if (exact.length) nonEmpty++;
        }
      }
    }
    return nonEmpty;
  }

  /** The stored parts equal a rebuild from the records; the daily sums and checkpoints agree with the parts. */
  async function expectStateAsRebuilt(): Promise<void> {
    const snapshot = async () => ({
      province: (await sql<Record<string, unknown>>`SELECT case_id, day::text, reported_month::text, province, status, ce, delta FROM stock_cohort_parts ORDER BY 1, 2, 5`.execute(db)).rows,
      area: (await sql<Record<string, unknown>>`SELECT case_id, day::text, reported_month::text, district_id, branch_id, status, ce, delta FROM stock_cohort_area_parts ORDER BY 1, 2, 6`.execute(db)).rows,
    });
    await expectCohortSumsMatchParts(db);
    await expectCohortAreaSumsMatchParts(db);
    const before = await snapshot();
    expect(before.province.length).toBeGreaterThan(0);
    expect(before.area.length).toBe(before.province.length);
    await t.asOwner((owner) => sql`SELECT stock_cohort_rebuild(), stock_cohort_area_rebuild()`.execute(owner));
    expect(await snapshot()).toEqual(before);
    await expectCohortSumsMatchParts(db);
    await expectCohortAreaSumsMatchParts(db);
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    db = t.ctx.db;
    catalogue = await currentCatalogue(db);
    cases = stockCases(t, { seed: 9191, instants, title: 'Cohort case' });
    await cases.seed(40, 5, 'cohort');
  }, 600_000);
  afterAll(async () => t?.close());

  it('after the inserts (ties, cases without history, no offences, cases in other provinces)', async () => {
    expect(await expectSameFigures()).toBeGreaterThan(40);
    await expectStateAsRebuilt();
  }, 600_000);

  it('after history is inserted backdated, moved, moved to another case, deleted and truncated', async () => {
    await db.insertInto('case_status_history').values([
      { case_id: cases.ids[1]!, to_status: 'inquiry_closed', at: '2019-03-01T10:00:00Z', reason: 'backdated' },
      { case_id: cases.ids[2]!, to_status: 'in_trial', at: '2024-06-30T19:00:00Z', reason: 'tie' },
      { case_id: cases.ids[2]!, to_status: 'convicted', at: '2024-06-30T19:00:00Z', reason: 'tie' },
      { case_id: cases.ids[6]!, to_status: 'fir_registered', at: '2024-12-31T19:00:00Z', reason: 'first' },
    ]).execute();
    await expectSameFigures();
    const row = await db.selectFrom('case_status_history').select(['id']).where('case_id', '=', cases.ids[5]!).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('case_status_history').set({ at: '2018-12-31T19:00:00Z' }).where('id', '=', row.id).execute();
    const other = await db.selectFrom('case_status_history').select('id').where('case_id', '=', cases.ids[7]!).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('case_status_history').set({ case_id: cases.ids[8]! }).where('id', '=', other.id).execute();
    await db.deleteFrom('case_status_history').where('case_id', 'in', [cases.ids[9]!, cases.ids[10]!]).execute();
    await expectSameFigures();
    await expectStateAsRebuilt();
  }, 600_000);

  it("after a case's status, district, branch and report date change, and cases are added and deleted", async () => {
    await db.updateTable('cases').set({ status: 'under_appeal' }).where('id', 'in', [cases.ids[0]!, cases.ids[12]!]).execute();
    const far = (await db.selectFrom('districts').select('id').orderBy('province').orderBy('id').executeTakeFirstOrThrow()).id;
    await db.updateTable('cases').set({ district_id: far }).where('id', '=', cases.ids[13]!).execute();
    await db.updateTable('cases').set({ branch_id: t.branchB }).where('id', '=', cases.ids[14]!).execute();
    // Across a local month bound (Karachi: 2024-01-31T19:00Z is 1 February), and before every checkpoint.
    await db.updateTable('cases').set({ reported_at: '2024-01-31T19:00:00Z' }).where('id', '=', cases.ids[15]!).execute();
    await db.updateTable('cases').set({ reported_at: '2024-01-31T18:59:59Z' }).where('id', '=', cases.ids[16]!).execute();
    await db.updateTable('cases').set({ reported_at: '2019-01-01T00:00:00Z' }).where('id', '=', cases.ids[17]!).execute();
    await db.updateTable('cases').set({ title: 'Only the title' }).where('id', '=', cases.ids[18]!).execute();
    await expectSameFigures();
    const fresh = await cases.newCase({ reported_at: '2024-12-31T18:59:59.999Z' });
    await db.insertInto('case_offences').values({ case_id: fresh, offence_code: 'PPC-377B' }).execute();
    await expectSameFigures();
    await db.deleteFrom('case_offences').where('case_id', '=', fresh).execute();
    await db.deleteFrom('cases').where('id', '=', cases.ids[33]!).execute();
    await expectSameFigures();
    await expectStateAsRebuilt();
  }, 600_000);

  it('after offences change, the catalogue is edited and the flow table re-keyed online, and a district changes province', async () => {
    await db.insertInto('case_offences').values({ case_id: cases.ids[20]!, offence_code: 'PPC-420' }).onConflict((oc) => oc.doNothing()).execute();
    await db.deleteFrom('case_offences').where('case_id', '=', cases.ids[21]!).execute();
    await expectSameFigures();
    const before = catalogue;
    await t.asOwner((owner) => owner.updateTable('offences').set({ child_exploitation: true }).where('code', '=', 'PPC-420').execute());
    catalogue = await currentCatalogue(db);
    // Under the edited catalogue the histogram is keyed for other codes: the figure must not read it.
    const def = figureById('cases_by_status')!;
    const p = base({ to: '2024-12-31' });
    expect(await computeFigure(db, def, p)).toEqual(await computeFigure(db, { ...def, build: exactStock.cases_by_status }, p));
    // The online flow rebuild re-keys it case by case (small batches, writes between two).
    await rebuildPartOnline({ ...t.ctx, actor: systemActor('test') }, 'flow', { batch: 7, onBatch: async (n) => {
      if (n === 7) await db.updateTable('cases').set({ status: 'in_trial' }).where('id', '=', cases.ids[30]!).execute();
      if (n === 14) await db.insertInto('case_status_history').values({ case_id: cases.ids[2]!, to_status: 'acquitted', at: '2024-03-15T08:00:00Z', reason: 'between batches' }).execute();
    } });
    expect(await expectSameFigures()).toBeGreaterThan(40);
    await expectStateAsRebuilt();
    // A district moved to another province (its cases' parts are keyed anew).
    const moved = (await db.selectFrom('cases').select('district_id').where('id', '=', cases.ids[3]!).executeTakeFirstOrThrow()).district_id;
    const to = (await db.selectFrom('districts').select('province').where('id', '=', (await db.selectFrom('cases').select('district_id').where('id', '=', cases.ids[0]!).executeTakeFirstOrThrow()).district_id).executeTakeFirstOrThrow()).province;
    const from = (await db.selectFrom('districts').select('province').where('id', '=', moved).executeTakeFirstOrThrow()).province;
    await t.asOwner((owner) => owner.updateTable('districts').set({ province: from === to ? 'Islamabad Capital Territory' : to }).where('id', '=', moved).execute());
    await expectSameFigures();
    await expectStateAsRebuilt();
    await t.asOwner((owner) => owner.updateTable('districts').set({ province: from }).where('id', '=', moved).execute());
    catalogue = before;
    await t.asOwner((owner) => owner.updateTable('offences').set({ child_exploitation: false }).where('code', '=', 'PPC-420').execute());
    await t.asOwner((owner) => sql`SELECT stat_flow_rebuild(m.time_zone, ARRAY(SELECT code FROM offences WHERE child_exploitation ORDER BY code)) FROM stat_flow_meta m`.execute(owner));
    catalogue = await currentCatalogue(db);
    expect(await expectSameFigures()).toBeGreaterThan(40);
    await expectStateAsRebuilt();
  }, 900_000);

  it('computeFigure reads the histograms where they are keyed as asked (falsified sums move the figure), else the exact SQL', async () => {
    const def = figureById('cases_by_status')!;
    const exactOf = (q: FigureParams) => computeFigure(db, { ...def, build: exactStock.cases_by_status }, q);
    const area = (await db.selectFrom('cases').select(['district_id', 'branch_id']).where('id', '=', cases.ids[3]!).executeTakeFirstOrThrow());
    const asked = [base({ to: '2024-12-31', offences: 'all' }), base({ to: '2024-12-31', offences: 'all', districtId: area.district_id }), base({ to: '2024-12-31', offences: 'all', branchId: area.branch_id })];
    const exact = await Promise.all(asked.map(exactOf));
    for (const [i, q] of asked.entries()) {
      expect(exact[i]!.length).toBeGreaterThan(2);
      expect(await computeFigure(db, def, q)).toEqual(exact[i]);
    }
    // The nation reads 0052's sums, a district or branch 0055's: each moves only with its own.
    await t.asOwner((owner) => sql`UPDATE stock_cohort_checkpoints SET n = n + 5`.execute(owner));
    await t.asOwner((owner) => sql`UPDATE stock_cohort_daily SET delta = delta + 5 WHERE day = (SELECT min(day) FROM stock_cohort_daily)`.execute(owner));
    expect(await computeFigure(db, def, asked[0]!)).not.toEqual(exact[0]);
    expect(await computeFigure(db, def, asked[1]!)).toEqual(exact[1]);
    await t.asOwner((owner) => sql`UPDATE stock_cohort_area_checkpoints SET n = n + 5`.execute(owner));
    await t.asOwner((owner) => sql`UPDATE stock_cohort_area_daily SET delta = delta + 5 WHERE day = (SELECT min(day) FROM stock_cohort_area_daily)`.execute(owner));
    expect(await computeFigure(db, def, asked[1]!)).not.toEqual(exact[1]);
    expect(await computeFigure(db, def, asked[2]!)).not.toEqual(exact[2]);
    // Not the histograms': another zone, no end, a category, need-to-know (nation or district), a flow rebuild under way.
    for (const over of [{ timeZone: 'UTC' }, { to: null }, { category: catalogue.categories['PPC-377B']! }, { districtId: area.district_id, category: catalogue.categories['PPC-377B']! },
      { visibleCases: sql`true` }, { branchId: area.branch_id, visibleCases: sql`true` }, { districtId: area.district_id, timeZone: 'UTC' }] as Array<Partial<FigureParams>>) {
      const q = base({ to: '2024-12-31', offences: 'all', ...over });
      expect(await computeFigure(db, def, q), JSON.stringify(Object.keys(over))).toEqual(await exactOf(q));
    }
    await t.asOwner((owner) => sql`UPDATE stat_flow_meta SET building = gen_random_uuid()`.execute(owner));
    for (const [i, q] of asked.entries()) expect(await computeFigure(db, def, q)).toEqual(exact[i]);
    await t.asOwner((owner) => sql`UPDATE stat_flow_meta SET building = NULL`.execute(owner));
    await t.asOwner((owner) => sql`SELECT stock_cohort_rebuild(), stock_cohort_area_rebuild()`.execute(owner));
    for (const [i, q] of asked.entries()) expect(await computeFigure(db, def, q)).toEqual(exact[i]);
    await expectStateAsRebuilt();
  }, 600_000);

  it('checkpoints made later give the same answers; TRUNCATE of the history rebuilds it', async () => {
    for (const prefix of ['stock_cohort', 'stock_cohort_area']) {
      await t.asOwner((owner) => sql`DELETE FROM ${sql.table(`${prefix}_checkpoints`)} WHERE month > '2024-02-01'`.execute(owner));
      await t.asOwner((owner) => sql`DELETE FROM ${sql.table(`${prefix}_months`)} WHERE month > '2024-02-01'`.execute(owner));
    }
    await expectSameFigures();
    expect(await t.asOwner((owner) => extendStockCheckpoints(owner as never))).toBeGreaterThan(10);
    await expectSameFigures();
    await expectStateAsRebuilt();
    await t.asOwner((owner) => sql`TRUNCATE case_status_history`.execute(owner));
    expect(await expectSameFigures()).toBeGreaterThan(40);
    await expectStateAsRebuilt();
  }, 600_000);
});
