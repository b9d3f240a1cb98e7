import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { computeFigure, currentCatalogue, type Catalogue } from '../../src/modules/stats/figures/figures.service.ts';
import { closedStatuses, exactStock, figureById, groupings, type FigureParams, type Grouping } from '../../src/modules/stats/figures/registry.ts';
import { backlogFromHistogram, backlogHistogramEligible, caseloadFromRollup, fromSpans, spanFigures } from '../../src/modules/stats/rollup/stock.ts';
import { flowKeyedFor, readFlowKeys } from '../../src/modules/stats/rollup/state.ts';
import { rebuildPartOnline } from '../../src/modules/stats/rollup/rebuild.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { SPANS_CLOSED } from '../../src/platform/db/migrations/0044_stock_spans.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { expectBacklogSumsMatchParts, expectCaseloadSumsMatchParts } from '../support/stock-rollup-checks.ts';

// Backlog, open caseload and children in care from stat_stock_spans (migration 0044, rollup/stock.ts fromSpans)
// must give exactly the rows of the exact SQL (registry.ts exactStock) for every scope they serve, after every
// kind of write the triggers keep them through: status history inserted (ties, backdated), moved, deleted; a
// case's status, FIR date, district and branch changed; team members added, removed, backdated; a member's role
// changed (read at query time); children linked and unlinked, placements opened, ended, reopened and moved to
// another child; offences changed and the catalogue edited; cases deleted; TRUNCATE. Period ends around the local
// midnights of Asia/Karachi and UTC (asked in both zones), and no end (now()). Both engines.
const { engines } = await detectEngines();

const statuses = ['complaint_received', 'fir_registered', 'under_investigation', 'challan_submitted', 'in_trial', 'convicted', 'acquitted', 'inquiry_closed', 'cancelled_or_discharged', 'under_appeal'];
// Around local midnights of Asia/Karachi (UTC+5: 19:00 UTC the day before) and of UTC, at month and year bounds.
const instants = [
  '2023-06-10T04:00:00Z', '2023-12-31T18:59:59.999Z', '2023-12-31T19:00:00Z', '2024-01-01T00:00:00Z', '2024-01-31T19:00:00Z', '2024-03-15T08:00:00Z',
  '2024-06-30T19:00:00Z',
  // Either side of the 3-month band's bound for the year 2024 in Asia/Karachi (T - 91 days): the FIR month holding a bound is split.
  '2024-10-01T18:59:59Z', '2024-10-01T19:00:01Z', '2024-10-20T00:00:00Z',
  '2024-12-31T18:59:59.999Z', '2024-12-31T19:00:00Z', '2024-12-31T23:30:00Z', '2025-01-01T00:00:00Z', '2025-02-10T05:00:00Z',
];
const periodEnds: Array<string | null> = ['2023-12-31', '2024-01-31', '2024-06-30', '2024-12-31', '2025-01-01', '2025-02-10', null];

describe.each(engines)('backlog, open caseload and children in care from stat_stock_spans equal the exact SQL (%s)', (engine) => {
  let t: TestApp;
  let db: Db;
  let catalogue: Catalogue;
  const ids: string[] = [];
  const victims: string[] = [];
  let seed = 4242;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const at = () => instants[rnd(instants.length)]!;

  const base = (over: Partial<FigureParams>): FigureParams => ({
    from: null, to: '2024-12-31', timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue, ...over,
  });
  const rows = async (q: { execute(db: Db): Promise<{ rows: Array<Record<string, unknown>> }> }) => (await q.execute(db)).rows;

  /** Backlog answers compared from the histogram of migration 0051 (expectSame). */
  let histogramChecked = 0;

  /** The three figures from the spans and from the exact SQL, over every period end, zone, grouping and scope. */
  async function expectSame(): Promise<number> {
    const flowKeys = await readFlowKeys(db);
    const some = await db.selectFrom('cases').select(['district_id', 'branch_id']).where('id', '=', ids[3]!).executeTakeFirstOrThrow();
    const province = (await db.selectFrom('districts').select('province').where('id', '=', some.district_id).executeTakeFirstOrThrow()).province;
    const scopes: Array<Partial<FigureParams>> = [{}, { province }, { districtId: some.district_id }, { branchId: some.branch_id }, { offences: 'all' }, { category: catalogue.categories['PPC-377B']! }];
    let nonEmpty = 0;
    for (const timeZone of ['Asia/Karachi', 'UTC']) {
      for (const to of periodEnds) {
        for (const scope of scopes) {
          const gs: readonly Grouping[] = Object.keys(scope).length ? ['none', 'district'] : timeZone === 'UTC' ? ['none', 'category'] : groupings;
          for (const groupBy of gs) {
            const p = base({ to, timeZone, groupBy, ...scope });
            for (const id of spanFigures) {
              const exact = await rows(exactStock[id](p));
              expect(await rows(fromSpans[id](p)), `${id} ${timeZone} ${to} ${groupBy} ${JSON.stringify(scope)}`).toEqual(exact);
              if (exact.length) nonEmpty++;
              // The backlog histogram (migration 0051) where it is keyed as asked: the flow table's zone and codes.
              if (id === 'backlog' && backlogHistogramEligible(p) && flowKeyedFor(flowKeys, timeZone, p.offences === 'child_exploitation' ? p.catalogue.childExploitationCodes : null)) {
                expect(await rows(backlogFromHistogram(p)), `backlog histogram ${timeZone} ${to} ${groupBy} ${JSON.stringify(scope)}`).toEqual(exact);
                if (exact.length) histogramChecked++;
              }
              // The caseload's daily sums (migration 0047) are in the rollup's zone, Asia/Karachi, for periods with an end.
              if (id === 'open_caseload' && timeZone === 'Asia/Karachi' && to !== null) {
                const sorted = (await rows(caseloadFromRollup(p))).sort((a, b) => String(a.grp).localeCompare(String(b.grp)));
                expect(sorted, `caseload sums ${to} ${groupBy} ${JSON.stringify(scope)}`).toEqual([...exact].sort((a, b) => String(a.grp).localeCompare(String(b.grp))));
              }
            }
          }
        }
      }
    }
    return nonEmpty;
  }

  /** The stored rows (the intervals, and the caseload parts of migration 0047) equal a rebuild from the records; the caseload sums are the sums of the parts. */
  async function expectStateAsRebuilt(): Promise<void> {
    const snapshot = async () => [
      ...(await sql<Record<string, unknown>>`SELECT kind, case_id, unit, part, lo, hi, at, district_id, branch_id, set_id FROM stat_stock_spans ORDER BY 1, 2, 3, 4, 5`.execute(db)).rows,
      ...(await sql<Record<string, unknown>>`SELECT case_id, day::text, unit, district_id, branch_id, set_id, delta FROM stock_caseload_parts ORDER BY 1, 2, 3`.execute(db)).rows,
      ...(await sql<Record<string, unknown>>`SELECT case_id, day::text, fir_month::text, district_id, branch_id, ce, delta FROM stock_backlog_parts ORDER BY 1, 2`.execute(db)).rows,
    ];
    await expectCaseloadSumsMatchParts(db);
    await expectBacklogSumsMatchParts(db);
    const before = await snapshot();
    await t.asOwner((owner) => sql`SELECT stat_stock_spans_rebuild()`.execute(owner));
    expect(await snapshot()).toEqual(before);
    await expectCaseloadSumsMatchParts(db);
    await expectBacklogSumsMatchParts(db);
  }

  const newCase = async (over: Record<string, unknown> = {}) => {
    const branches = await db.selectFrom('branches').select(['id']).orderBy('id').limit(5).execute();
    const reported = at();
    const fir = rnd(5) === 0 ? null : instants[Math.min(instants.length - 1, instants.indexOf(reported) + rnd(3))]!;
    const c = await db.insertInto('cases').values({
      branch_id: branches[rnd(branches.length)]!.id, title: `Spans case ${ids.length}`, status: statuses[rnd(statuses.length)]!, reported_at: reported, fir_registered_at: fir, created_by: t.users.invA.id, ...over,
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(c.id);
    return c.id;
  };
  const newVictim = async () => {
    const v = await db.insertInto('victims').values({ pseudonym: `V-8888-${String(victims.length).padStart(5, '0')}`, identified_at: '2023-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    victims.push(v.id);
    return v.id;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    db = t.ctx.db;
    catalogue = await currentCatalogue(db);
    const otherDistricts = (await db.selectFrom('districts').select('id').orderBy('province', 'desc').orderBy('id').limit(3).execute()).map((d) => d.id);
    const members = [t.users.invA.id, t.users.invA2.id, t.users.supA.id];
    for (let i = 0; i < 36; i++) {
      const id = await newCase(i % 7 === 0 ? { district_id: otherDistricts[i % 3]! } : {});
      const offences = i % 4 === 3 ? [{ case_id: id, offence_code: 'PPC-377B' }, { case_id: id, offence_code: 'PPC-420' }] : i % 9 === 8 ? [] : [{ case_id: id, offence_code: i % 2 ? 'PPC-420' : 'PPC-377B' }];
      if (offences.length) await db.insertInto('case_offences').values(offences).execute();
      if (i % 6 !== 0) {
        const n = 1 + rnd(4);
        const hist = Array.from({ length: n }, () => ({ case_id: id, to_status: statuses[rnd(statuses.length)]!, at: at(), reason: 'spans' }));
        if (i % 4 === 1) hist.push({ ...hist[0]!, to_status: statuses[rnd(statuses.length)]! });
        await db.insertInto('case_status_history').values(hist).execute();
      }
      // Team: one to three members, added at various instants (some after the period ends).
      const team = members.slice(0, 1 + rnd(3)).map((user_id) => ({ case_id: id, user_id, added_at: at() }));
      await db.insertInto('case_team').values(team).execute();
      if (i % 3 === 0) {
        // A child, sometimes linked to two cases; placements open, ended, ended exactly at a local midnight, empty.
        const v = i % 9 === 0 && victims.length ? victims[victims.length - 1]! : await newVictim();
        await db.insertInto('case_victims').values({ case_id: id, victim_id: v }).execute();
        const s = at();
        const kinds = ['child_protection_bureau', 'family', 'shelter'] as const;
        await db.insertInto('placements').values([
          { victim_id: v, kind: kinds[rnd(3)]!, facility: 'f', started_at: s, ended_at: rnd(2) ? null : at() },
          { victim_id: v, kind: kinds[rnd(3)]!, facility: 'f', started_at: at(), ended_at: rnd(2) ? null : '2024-12-31T19:00:00Z' },
        ]).execute();
      }
    }
  }, 600_000);
  afterAll(async () => t?.close());

  it('the closed statuses of the migration are the registry\'s', () => {
    expect([...SPANS_CLOSED]).toEqual([...closedStatuses]);
  });

  it('after the inserts (ties, no history, no FIR, shared children, placements ending at midnight)', async () => {
    expect(await expectSame()).toBeGreaterThan(100);
    // The histogram was compared for most backlog scopes, not skipped (keyed for Asia/Karachi and the catalogue's codes).
    expect(histogramChecked).toBeGreaterThan(40);
    await expectStateAsRebuilt();
  }, 900_000);

  it('after history, status, FIR, district and branch changes, and deleted cases', async () => {
    await db.insertInto('case_status_history').values([
      { case_id: ids[1]!, to_status: 'inquiry_closed', at: '2019-03-01T10:00:00Z', reason: 'backdated' },
      { case_id: ids[2]!, to_status: 'in_trial', at: '2024-06-30T19:00:00Z', reason: 'tie' },
      { case_id: ids[2]!, to_status: 'convicted', at: '2024-06-30T19:00:00Z', reason: 'tie' },
      // Back and forth: closed, reopened, closed again.
      { case_id: ids[4]!, to_status: 'inquiry_closed', at: '2024-01-31T19:00:00Z', reason: 'closed' },
      { case_id: ids[4]!, to_status: 'under_investigation', at: '2024-06-30T19:00:00Z', reason: 'reopened' },
      { case_id: ids[4]!, to_status: 'cancelled_or_discharged', at: '2024-12-31T19:00:00Z', reason: 'closed again' },
    ]).execute();
    const row = await db.selectFrom('case_status_history').select(['id']).where('case_id', '=', ids[5]!).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('case_status_history').set({ at: '2018-12-31T19:00:00Z' }).where('id', '=', row.id).execute();
    const other = await db.selectFrom('case_status_history').select('id').where('case_id', '=', ids[7]!).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('case_status_history').set({ case_id: ids[8]! }).where('id', '=', other.id).execute();
    await db.deleteFrom('case_status_history').where('case_id', 'in', [ids[9]!, ids[10]!]).execute();
    await db.updateTable('cases').set({ status: 'under_appeal' }).where('id', 'in', [ids[0]!, ids[12]!]).execute();
    await db.updateTable('cases').set({ status: 'fir_registered' }).where('id', '=', ids[18]!).execute();
    await db.updateTable('cases').set({ fir_registered_at: '2024-12-31T18:59:59.999Z' }).where('id', '=', ids[11]!).execute();
    await db.updateTable('cases').set({ fir_registered_at: null }).where('id', '=', ids[13]!).execute();
    const far = (await db.selectFrom('districts').select('id').orderBy('province').orderBy('id').executeTakeFirstOrThrow()).id;
    await db.updateTable('cases').set({ district_id: far }).where('id', '=', ids[14]!).execute();
    await db.updateTable('cases').set({ branch_id: t.branchB }).where('id', '=', ids[15]!).execute();
    await db.updateTable('cases').set({ title: 'Only the title' }).where('id', '=', ids[17]!).execute();
    await db.deleteFrom('cases').where('id', '=', ids[33]!).execute();
    expect(await expectSame()).toBeGreaterThan(100);
    await expectStateAsRebuilt();
  }, 900_000);

  it('after team, role, child, placement and offence changes, and a catalogue edit', async () => {
    await db.deleteFrom('case_team').where('case_id', '=', ids[19]!).execute();
    await db.insertInto('case_team').values({ case_id: ids[20]!, user_id: t.users.invB.id, added_at: '2024-12-31T19:00:00Z' }).onConflict((oc) => oc.doNothing()).execute();
    await db.updateTable('case_team').set({ added_at: '2019-01-01T00:00:00Z' }).where('case_id', '=', ids[21]!).execute();
    // A role changes: the exact SQL reads the role as it is now, and so do the spans.
    await t.asOwner((owner) => owner.updateTable('users').set({ role: 'investigator' }).where('id', '=', t.users.supA.id).execute());
    const v = victims[0]!;
    await db.updateTable('placements').set({ ended_at: '2024-06-30T19:00:00Z' }).where('victim_id', '=', v).execute();
    await db.insertInto('placements').values({ victim_id: v, kind: 'shelter', facility: 'g', started_at: '2024-12-31T18:59:59.999Z' }).execute();
    const moved = await db.selectFrom('placements').select('id').where('victim_id', '=', victims[1]!).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('placements').set({ victim_id: victims[2]! }).where('id', '=', moved.id).execute();
    await db.deleteFrom('case_victims').where('victim_id', '=', victims[3]!).execute();
    await db.insertInto('case_victims').values({ case_id: ids[22]!, victim_id: victims[4]! }).onConflict((oc) => oc.doNothing()).execute();
    await db.insertInto('case_offences').values({ case_id: ids[23]!, offence_code: 'PPC-420' }).onConflict((oc) => oc.doNothing()).execute();
    await db.deleteFrom('case_offences').where('case_id', '=', ids[24]!).execute();
    expect(await expectSame()).toBeGreaterThan(100);
    await expectStateAsRebuilt();
    const before = catalogue;
    await t.asOwner((owner) => owner.updateTable('offences').set({ child_exploitation: true }).where('code', '=', 'PPC-420').execute());
    catalogue = await currentCatalogue(db);
    await expectSame();
    catalogue = before;
    await expectSame();
    // The flow rebuild for the edited catalogue re-keys the histogram online, case by case (small batches, a write between two).
    const edited = await currentCatalogue(db);
    catalogue = edited;
    const checkedBefore = histogramChecked;
    await rebuildPartOnline({ ...t.ctx, actor: systemActor('test') }, 'flow', { batch: 7, onBatch: async (n) => {
      if (n === 7) await db.updateTable('cases').set({ status: 'under_investigation' }).where('id', '=', ids[30]!).execute();
    } });
    await expectSame();
    expect(histogramChecked).toBeGreaterThan(checkedBefore);
    await expectStateAsRebuilt();
    catalogue = before;
    await t.asOwner((owner) => owner.updateTable('offences').set({ child_exploitation: false }).where('code', '=', 'PPC-420').execute());
    catalogue = await currentCatalogue(db);
  }, 900_000);

  it('computeFigure reads the backlog histogram where it is keyed as asked (falsified sums move the figure), else the intervals', async () => {
    const def = figureById('backlog')!;
    const keys = (await readFlowKeys(db))!;
    const p = base({ groupBy: 'province', to: '2024-12-31', timeZone: keys.timeZone, offences: 'all' });
    const exactOf = (q: FigureParams) => computeFigure(db, { ...def, build: exactStock.backlog }, q);
    const exact = await exactOf(p);
    expect(exact.length).toBeGreaterThan(2);
    expect(await computeFigure(db, def, p)).toEqual(exact);
    // Both the checkpoints and the first day's changes: the figure reads a checkpoint (after a rebuild made the months)
    // or, before any, the daily changes from the first.
    await t.asOwner((owner) => sql`UPDATE stock_backlog_checkpoints SET n = n + 5`.execute(owner));
    await t.asOwner((owner) => sql`UPDATE stock_backlog_daily SET delta = delta + 5 WHERE day = (SELECT min(day) FROM stock_backlog_daily)`.execute(owner));
    expect(await computeFigure(db, def, p)).not.toEqual(exact);
    // Another zone than the flow table's: the intervals.
    const q = { ...p, timeZone: keys.timeZone === 'UTC' ? 'Asia/Karachi' : 'UTC' };
    expect(await computeFigure(db, def, q)).toEqual(await exactOf(q));
    // A flow rebuild under way (its token in the meta row): the intervals.
    await t.asOwner((owner) => sql`UPDATE stat_flow_meta SET building = gen_random_uuid()`.execute(owner));
    expect(await computeFigure(db, def, p)).toEqual(exact);
    await t.asOwner((owner) => sql`UPDATE stat_flow_meta SET building = NULL`.execute(owner));
    await t.asOwner((owner) => sql`SELECT stock_backlog_rebuild()`.execute(owner));
    expect(await computeFigure(db, def, p)).toEqual(exact);
    await expectStateAsRebuilt();
  }, 900_000);

  it('computeFigure reads the spans (a falsified row moves the figure) except for need-to-know scopes', async () => {
    const def = figureById('backlog')!;
    const p = base({ groupBy: 'province', to: null });
    const exact = await computeFigure(db, { ...def, build: exactStock.backlog }, p);
    expect(await computeFigure(db, def, p)).toEqual(exact);
    await t.asOwner((owner) => sql`UPDATE stat_stock_spans SET at = at - interval '400 days' WHERE kind = 1`.execute(owner));
    expect(await computeFigure(db, def, p)).not.toEqual(exact);
    const q = base({ groupBy: 'province', to: null, visibleCases: sql`true` });
    expect(await computeFigure(db, def, q)).toEqual(await computeFigure(db, { ...def, build: exactStock.backlog }, q));
    // TRUNCATE of a source rebuilds the table from the records.
    await t.asOwner((owner) => sql`TRUNCATE placements`.execute(owner));
    expect(await computeFigure(db, def, p)).toEqual(exact);
    expect(await expectSame()).toBeGreaterThan(50);
  }, 900_000);
});
