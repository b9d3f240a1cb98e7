import { sql } from 'kysely';
import { expectStockSumsMatchParts } from '../support/stock-rollup-checks.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { stockCases, type StockCases } from '../support/stock-cases.ts';
import { computeFigure, currentCatalogue, type Catalogue } from '../../src/modules/stats/figures/figures.service.ts';
import { exactStock, figureById, type FigureParams, type Grouping } from '../../src/modules/stats/figures/registry.ts';
import { casesByStatusFromRollup, extendStockCheckpoints, rebuildStockRollup, stockRollupZone } from '../../src/modules/stats/rollup/stock.ts';
import type { Db } from '../../src/platform/db/database.ts';

// The pre-aggregated stock figures (migration 0039, src/modules/stats/rollup/stock.ts) must give exactly the rows
// of the exact SQL (registry.ts exactStock) for every scope they serve, after every kind of write the triggers
// keep them through: status history inserted (several rows and cases in one statement, ties at one instant,
// backdated before existing checkpoints), moved in time or to another case, deleted; a case's current status,
// district, branch and report date changed; cases created and deleted; offences added and removed; an edit of
// the offence catalogue; the local-midnight bound of the zone; and another zone (fallback, then rebuilt). Besides
// the figures, the stored state must equal a rebuild from the records (parts, daily sums, checkpoints). Both engines.
const { engines } = await detectEngines();

// Around local midnights of Asia/Karachi (UTC+5: 19:00 UTC the day before) and of UTC, at month and year bounds.
const instants = [
  '2023-12-31T18:59:59.999Z', '2023-12-31T19:00:00Z', '2024-01-01T00:00:00Z', '2024-01-31T19:00:00Z', '2024-03-15T08:00:00Z', '2024-06-30T19:00:00Z',
  '2024-12-31T18:59:59.999Z', '2024-12-31T19:00:00Z', '2024-12-31T23:30:00Z', '2025-01-01T00:00:00Z', '2025-02-10T05:00:00Z',
];
const periodEnds = ['2019-06-30', '2023-12-31', '2024-01-31', '2024-06-30', '2024-12-31', '2025-01-01', '2025-02-10', '2031-01-01'];

describe.each(engines)('stock figures from the rollup equal the exact SQL (%s)', (engine) => {
  let t: TestApp;
  let db: Db;
  let catalogue: Catalogue;
  let cases: StockCases;

  const base = (over: Partial<FigureParams>): FigureParams => ({
    from: null, to: '2024-12-31', timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue, ...over,
  });
  const rows = async (q: { execute(db: Db): Promise<{ rows: Array<Record<string, unknown>> }> }) =>
    (await q.execute(db)).rows.map((r) => ({ grp: (r.grp as string | null) ?? null, part: r.part as string, n: Number(r.n) }))
      .sort((a, b) => `${a.grp}\u0000${a.part}`.localeCompare(`${b.grp}\u0000${b.part}`));

  /** Rollup and exact SQL over every period end, grouping and scope; returns how many non-empty answers were compared. */
  async function expectSameFigures(over: Partial<FigureParams> = {}): Promise<number> {
    const some = await db.selectFrom('cases').select(['district_id', 'branch_id']).where('id', '=', cases.ids[3]!).executeTakeFirstOrThrow();
    const province = (await db.selectFrom('districts').select('province').where('id', '=', some.district_id).executeTakeFirstOrThrow()).province;
    const scopes: Array<Partial<FigureParams>> = [{}, { province }, { districtId: some.district_id }, { branchId: some.branch_id }, { offences: 'all' }, { category: catalogue.categories['PPC-377B']! }];
    let nonEmpty = 0;
    for (const to of periodEnds) {
      for (const scope of scopes) {
        // Every grouping over the nation; the narrower scopes by none and by district.
        for (const groupBy of (Object.keys(scope).length ? ['none', 'district'] : ['none', 'province', 'district', 'branch', 'category']) as Grouping[]) {
          const p = base({ to, groupBy, ...scope, ...over });
          const exact = await rows(exactStock.cases_by_status(p));
          expect(await rows(casesByStatusFromRollup(p)), `${to} ${groupBy} ${JSON.stringify(scope)}`).toEqual(exact);
          if (exact.length) nonEmpty++;
        }
      }
    }
    return nonEmpty;
  }

  /** The stored rollup equals a rebuild from the records, and its sums and checkpoints agree with its parts. */
  async function expectStateAsRebuilt(): Promise<void> {
    const snapshot = async () => ({
      parts: (await sql<Record<string, unknown>>`SELECT case_id, day::text, status, district_id, branch_id, set_id, delta FROM stock_case_parts ORDER BY 1, 2, 3`.execute(db)).rows,
      daily: (await sql<Record<string, unknown>>`SELECT day::text, district_id, branch_id, status, set_id, delta::int FROM stock_status_daily WHERE delta <> 0 ORDER BY 1, 2, 3, 4, 5`.execute(db)).rows,
    });
    // Sums and checkpoints as the parts say.
    await expectStockSumsMatchParts(db);
    const before = await snapshot();
    await t.asOwner((owner) => rebuildStockRollup(owner as never, 'Asia/Karachi'));
    expect(await snapshot()).toEqual(before);
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    db = t.ctx.db;
    catalogue = await currentCatalogue(db);
    cases = stockCases(t, { seed: 777, instants, title: 'Stock case' });
    await cases.seed(40, 7, 'stock');
  }, 600_000);
  afterAll(async () => t?.close());

  it('after the inserts (ties, cases without history, no offences)', async () => {
    expect(await stockRollupZone(db as never)).toBe('Asia/Karachi');
    // Migrated empty: one checkpoint (the current month), moved by every backdated write since.
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM stock_checkpoint_months`.execute(db)).rows[0]!.n).toBe(1);
    expect(await expectSameFigures()).toBeGreaterThan(40);
    await expectStateAsRebuilt();
  }, 600_000);

  it('after history is inserted backdated, moved, moved to another case and deleted', async () => {
    // Several cases in one statement, one row before every checkpoint (2019), a tie at a local midnight.
    await db.insertInto('case_status_history').values([
      { case_id: cases.ids[1]!, to_status: 'inquiry_closed', at: '2019-03-01T10:00:00Z', reason: 'backdated' },
      { case_id: cases.ids[2]!, to_status: 'in_trial', at: '2024-06-30T19:00:00Z', reason: 'tie' },
      { case_id: cases.ids[2]!, to_status: 'convicted', at: '2024-06-30T19:00:00Z', reason: 'tie' },
      { case_id: cases.ids[6]!, to_status: 'fir_registered', at: '2024-12-31T19:00:00Z', reason: 'first' },
    ]).execute();
    await expectSameFigures();
    const row = await db.selectFrom('case_status_history').select(['id', 'case_id']).where('case_id', '=', cases.ids[5]!).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('case_status_history').set({ at: '2018-12-31T19:00:00Z' }).where('id', '=', row.id).execute();
    await expectSameFigures();
    const other = await db.selectFrom('case_status_history').select('id').where('case_id', '=', cases.ids[7]!).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('case_status_history').set({ case_id: cases.ids[8]! }).where('id', '=', other.id).execute();
    await expectSameFigures();
    await db.deleteFrom('case_status_history').where('case_id', 'in', [cases.ids[9]!, cases.ids[10]!]).execute();
    await expectSameFigures();
    await expectStateAsRebuilt();
  }, 600_000);

  it("after a case's status, district, branch and report date change, and cases are added and deleted", async () => {
    // A case without history (its current status counts) and one with history (only before its first change).
    await db.updateTable('cases').set({ status: 'under_appeal' }).where('id', 'in', [cases.ids[0]!, cases.ids[12]!]).execute();
    await expectSameFigures();
    const far = (await db.selectFrom('districts').select('id').orderBy('province').orderBy('id').executeTakeFirstOrThrow()).id;
    await db.updateTable('cases').set({ district_id: far }).where('id', '=', cases.ids[13]!).execute();
    const branchB = t.branchB;
    await db.updateTable('cases').set({ branch_id: branchB }).where('id', '=', cases.ids[14]!).execute();
    await db.updateTable('cases').set({ reported_at: '2025-01-01T19:00:00Z' }).where('id', '=', cases.ids[15]!).execute();
    await db.updateTable('cases').set({ reported_at: '2019-01-01T00:00:00Z' }).where('id', '=', cases.ids[16]!).execute();
    await db.updateTable('cases').set({ title: 'Only the title' }).where('id', '=', cases.ids[17]!).execute();
    await expectSameFigures();
    const fresh = await cases.newCase({ reported_at: '2024-12-31T18:59:59.999Z' });
    await db.insertInto('case_offences').values({ case_id: fresh, offence_code: 'PPC-377B' }).execute();
    await expectSameFigures();
    await db.deleteFrom('case_offences').where('case_id', '=', fresh).execute();
    await db.deleteFrom('cases').where('id', '=', fresh).execute();
    await expectSameFigures();
    await expectStateAsRebuilt();
  }, 600_000);

  it('after offences change and the catalogue is edited (any catalogue version is answered)', async () => {
    await db.insertInto('case_offences').values({ case_id: cases.ids[20]!, offence_code: 'PPC-420' }).onConflict((oc) => oc.doNothing()).execute();
    await db.deleteFrom('case_offences').where('case_id', '=', cases.ids[21]!).execute();
    await expectSameFigures();
    const before = catalogue;
    await t.asOwner((owner) => owner.updateTable('offences').set({ child_exploitation: true }).where('code', '=', 'PPC-420').execute());
    catalogue = await currentCatalogue(db);
    expect(catalogue.childExploitationCodes).toContain('PPC-420');
    await expectSameFigures();
    // The figure under the catalogue as it was published before the edit.
    catalogue = before;
    await expectSameFigures();
    await expectStateAsRebuilt();
  }, 600_000);

  it('uses the rollup where it applies and the exact SQL elsewhere (another zone, no end, need-to-know)', async () => {
    const def = figureById('cases_by_status')!;
    const p = base({ groupBy: 'province' });
    const exact = await computeFigure(db, { ...def, build: exactStock.cases_by_status }, p);
    expect(await computeFigure(db, def, p)).toEqual(exact);
    // Falsify the rollup: the figure moves (it reads the rollup) unless the zone, the period or the scope is not the rollup's.
    await t.asOwner((owner) => sql`UPDATE stock_status_checkpoints SET n = n + 1000 WHERE month = '2025-01-01'`.execute(owner));
    expect(await computeFigure(db, def, p)).not.toEqual(exact);
    for (const over of [{ timeZone: 'UTC' }, { to: null }, { groupBy: 'month' as const }, { visibleCases: sql`true` }]) {
      const q = base({ groupBy: 'province', ...over });
      const want = await computeFigure(db, { ...def, build: exactStock.cases_by_status }, q);
      expect(await computeFigure(db, def, q), JSON.stringify(over)).toEqual(want);
    }
    await t.asOwner((owner) => rebuildStockRollup(owner as never, 'Asia/Karachi'));
    expect(await computeFigure(db, def, p)).toEqual(exact);
  }, 600_000);

  it('rebuilt in another zone, answers that zone exactly (UTC midnights) and leaves Asia/Karachi to the exact SQL', async () => {
    await t.asOwner((owner) => rebuildStockRollup(owner as never, 'UTC'));
    expect(await expectSameFigures({ timeZone: 'UTC' })).toBeGreaterThan(40);
    const def = figureById('cases_by_status')!;
    const p = base({ groupBy: 'district' });
    expect(await computeFigure(db, def, p)).toEqual(await computeFigure(db, { ...def, build: exactStock.cases_by_status }, p));
    // Writes while in UTC are kept in UTC days.
    await db.insertInto('case_status_history').values({ case_id: cases.ids[22]!, to_status: 'convicted', at: '2024-12-31T23:30:00Z', reason: 'utc' }).execute();
    await expectSameFigures({ timeZone: 'UTC' });
    await t.asOwner((owner) => rebuildStockRollup(owner as never, 'Asia/Karachi'));
    await expectSameFigures();
    // Checkpoints made later (months without one): the same stocks.
    await t.asOwner((owner) => sql`DELETE FROM stock_checkpoint_months WHERE month > '2024-02-01'`.execute(owner));
    await t.asOwner((owner) => sql`DELETE FROM stock_status_checkpoints WHERE month > '2024-02-01'`.execute(owner));
    await expectSameFigures();
    expect(await t.asOwner((owner) => extendStockCheckpoints(owner as never))).toBeGreaterThan(10);
    await expectSameFigures();
    await expectStateAsRebuilt();
  }, 600_000);
});
