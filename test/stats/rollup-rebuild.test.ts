import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { loadDemoIfEmpty } from '../../src/demo/demo.loader.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { keyFlowEvents } from '../../src/platform/db/stat-flow-keys.ts';
import { computeFigure, currentCatalogue, type Catalogue } from '../../src/modules/stats/figures/figures.service.ts';
import { figureById, type FigureParams } from '../../src/modules/stats/figures/registry.ts';
import { rebuildRollup, rollupAnswers, rollupState } from '../../src/modules/stats/figures/rollup.ts';
import { rebuildStockRollup } from '../../src/modules/stats/rollup/stock.ts';
import { rebuildRollups } from '../../src/modules/stats/rollup/rebuild.ts';
import { describeDue, readRollups, rollupsDueNow } from '../../src/modules/stats/rollup/state.ts';
import { runSchedules } from '../../src/modules/takedowns/schedules.ts';

// Issue 12, the rollups' upkeep: a start never rebuilds them once there are cases (only an empty database is
// re-keyed), and meanwhile every figure is the exact SQL's; `amaan stats rebuild` (rebuildRollups) and the job
// stats.rebuild rebuild what is due, once, audited, to exactly what a fresh rebuild writes; the server's schedule
// adds the stock rollup's missing monthly checkpoints. On the demo data (178 FIRs, 198 arrests, 14 convicted).
const { engines } = await detectEngines();

describe.each(engines)('statistics rollups: start, rebuild, job and checkpoints (%s)', (engine) => {
  let t: TestApp;
  let db: Db;
  let catalogue: Catalogue;
  let sctx: ServiceContext;

  const base = (over: Partial<FigureParams> = {}): FigureParams => ({
    from: null, to: null, timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue, ...over,
  });
  const ids = ['firs', 'arrests', 'convictions', 'sentences', 'fir_to_challan', 'cases_by_status'];
  const scopes: Array<Partial<FigureParams>> = [
    { to: '2025-06-30' }, { from: '2024-01-01', to: '2024-12-31', groupBy: 'province' }, { to: '2025-01-01', groupBy: 'district' }, { offences: 'all', to: '2025-06-30', groupBy: 'branch' },
  ];
  /** Every figure and scope: what the service answers (rollup where eligible) equals the exact SQL. */
  async function expectExactEverywhere(label: string) {
    for (const id of ids) {
      for (const s of scopes) {
        const def = figureById(id)!;
        const p = base(s);
        expect(await computeFigure(db, def, p), `${label}: ${id} ${JSON.stringify(s)}`).toEqual(await computeFigure(db, def, p, 'exact'));
      }
    }
  }
  const audits = async (action: string) => Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);
  const flowSnapshot = async () => (await sql<Record<string, unknown>>`SELECT case_id, kind, src, day::text, district_id, branch_id, ce, unit, val::text FROM stat_flow ORDER BY 1, 2, 3`.execute(db)).rows;
  const stockSnapshot = async () => ({
    parts: (await sql<Record<string, unknown>>`SELECT case_id, day::text, status, district_id, branch_id, delta FROM stock_case_parts ORDER BY 1, 2, 3`.execute(db)).rows,
    checkpoints: (await sql<Record<string, unknown>>`SELECT c.month::text, c.district_id, c.branch_id, c.status, s.codes::text, c.n::int FROM stock_status_checkpoints c JOIN stock_offence_sets s ON s.id = c.set_id ORDER BY 1, 2, 3, 4, 5`.execute(db)).rows,
    months: (await sql<{ month: string }>`SELECT month::text FROM stock_checkpoint_months ORDER BY 1`.execute(db)).rows.map((r) => r.month),
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    db = t.ctx.db;
    catalogue = await currentCatalogue(db);
    sctx = { ...t.ctx, actor: systemActor('test') };
  }, 120_000);
  afterAll(async () => t?.close());

  it('re-keys the rollups at start only while there are no cases', async () => {
    expect(Number((await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    await rebuildRollup(db, 'UTC', []);
    await rebuildStockRollup(db as never, 'UTC');
    expect(await t.asOwner((owner) => keyFlowEvents(owner, 'Asia/Karachi'))).toBe(true);
    expect(await rollupsDueNow(db, 'Asia/Karachi')).toEqual({ flow: null, stock: null, checkpoints: 0 });
    // Keyed already: nothing to do.
    expect(await t.asOwner((owner) => keyFlowEvents(owner, 'Asia/Karachi'))).toBe(false);

    const demo = await loadDemoIfEmpty(t.ctx);
    expect(demo.loaded).toBe(true);
    expect(await rollupsDueNow(db, 'Asia/Karachi')).toEqual({ flow: null, stock: null, checkpoints: 0 });
    expect((await computeFigure(db, figureById('firs')!, base()))[0]!.values.n).toBe(178);
    expect((await computeFigure(db, figureById('arrests')!, base()))[0]!.values.n).toBe(198);
    expect((await computeFigure(db, figureById('convictions')!, base()))[0]!.values.n).toBe(14);

    // With cases, a start (keyFlowEvents is what startPlatform runs) leaves a stale rollup as it is and says so.
    await rebuildRollup(db, 'UTC', catalogue.childExploitationCodes);
    await rebuildStockRollup(db as never, 'UTC');
    expect(await t.asOwner((owner) => keyFlowEvents(owner, 'Asia/Karachi'))).toBe(false);
    const state = await readRollups(db);
    expect(state.flow?.timeZone).toBe('UTC');
    expect(state.stock?.timeZone).toBe('UTC');
    const due = await rollupsDueNow(db, 'Asia/Karachi');
    expect(due.flow).toMatch(/UTC/);
    expect(due.stock).toMatch(/UTC/);
    expect(describeDue(due)).toMatch(/amaan stats rebuild/);
    // ... and the figures stay right: the exact SQL answers for the rollups keyed otherwise.
    expect(rollupAnswers(figureById('firs')!, base(), await rollupState(db))).toBe(false);
    await expectExactEverywhere('stale rollups');
    expect((await computeFigure(db, figureById('firs')!, base()))[0]!.values.n).toBe(178);
  }, 300_000);

  it('`amaan stats rebuild` rebuilds what is due once, audited, to what a forced rebuild writes; a repeat does nothing', async () => {
    const before = { rebuilt: await audits('stats.rollup.rebuild') };
    const progress: number[] = [];
    const out = await rebuildRollups(sctx, { onProgress: (done, total) => progress.push(done / total) });
    expect(out.map((p) => [p.part, p.rebuilt])).toEqual([['flow', true], ['stock', true], ['checkpoints', false]]);
    expect(out[0]!.count).toBe(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM stat_flow`.execute(db)).rows[0]!.n));
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await audits('stats.rollup.rebuild')).toBe(before.rebuilt + 2);
    expect(await rollupsDueNow(db, 'Asia/Karachi')).toEqual({ flow: null, stock: null, checkpoints: 0 });
    expect(rollupAnswers(figureById('firs')!, base(), await rollupState(db))).toBe(true);
    await expectExactEverywhere('rebuilt');

    const again = await rebuildRollups(sctx);
    expect(again.map((p) => p.rebuilt)).toEqual([false, false, false]);
    expect(await audits('stats.rollup.rebuild')).toBe(before.rebuilt + 2);

    // What the triggers and the rebuild left equals a forced rebuild from the records.
    const flow = await flowSnapshot();
    const stock = await stockSnapshot();
    const forced = await rebuildRollups(sctx, { force: true, parts: ['flow', 'stock'] });
    expect(forced.map((p) => [p.part, p.rebuilt, p.reason])).toEqual([['flow', true, 'forced'], ['stock', true, 'forced']]);
    expect(await flowSnapshot()).toEqual(flow);
    expect(await stockSnapshot()).toEqual(stock);
    expect(await audits('stats.rollup.rebuild')).toBe(before.rebuilt + 4);
  }, 300_000);

  it('an edit of the catalogue makes the flow part due; a part that fails leaves nothing of itself', async () => {
    await db.updateTable('offences').set({ child_exploitation: true }).where('code', '=', 'PPC-420').execute();
    try {
      const due = await rollupsDueNow(db, 'Asia/Karachi');
      expect(due.flow).toMatch(/offence codes/);
      expect(due.stock).toBeNull();
      const edited = await currentCatalogue(db);
      const p = base({ catalogue: edited, to: '2025-06-30' });
      expect(await computeFigure(db, figureById('firs')!, p)).toEqual(await computeFigure(db, figureById('firs')!, p, 'exact'));
      // The stock part fails half-way (a zone PostgreSQL does not know, after its DELETEs): the stock tables untouched.
      const stock = await stockSnapshot();
      const bad = { ...sctx, config: { ...sctx.config, timeZone: 'Nowhere/Atlantis' } };
      await expect(rebuildRollups(bad, { parts: ['stock'] })).rejects.toThrow();
      expect(await stockSnapshot()).toEqual(stock);
      expect((await readRollups(db)).stock?.timeZone).toBe('Asia/Karachi');
      const out = await rebuildRollups(sctx);
      expect(out.map((x) => x.rebuilt)).toEqual([true, false, false]);
      expect((await readRollups(db)).flow?.codes).toEqual(edited.childExploitationCodes);
      expect(await computeFigure(db, figureById('firs')!, p)).toEqual(await computeFigure(db, figureById('firs')!, p, 'exact'));
    } finally {
      await db.updateTable('offences').set({ child_exploitation: false }).where('code', '=', 'PPC-420').execute();
      await rebuildRollups(sctx);
    }
    expect(await rollupsDueNow(db, 'Asia/Karachi')).toEqual({ flow: null, stock: null, checkpoints: 0 });
  }, 300_000);

  it('runs as the job stats.rebuild for an administrator, step by step', async () => {
    await rebuildRollup(db, 'UTC', catalogue.childExploitationCodes);
    expect((await t.call('invA', 'POST', '/api/v1/stats/rebuild')).statusCode).toBe(403);
    const res = await t.call('admin', 'POST', '/api/v1/stats/rebuild');
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().backgroundJobId as string;
    let job: Record<string, unknown> = {};
    for (let i = 0; i < 600; i++) {
      job = (await t.call('admin', 'GET', `/api/v1/jobs/${id}`)).json();
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({ state: 'done', kind: 'stats.rebuild', progress: { unit: 'steps' } });
    const progress = job.progress as { done: number; total: number };
    expect(progress.done).toBe(progress.total);
    expect((job.result as { parts: Array<{ part: string; rebuilt: boolean }> }).parts.map((p) => [p.part, p.rebuilt])).toEqual([['flow', true], ['stock', false], ['checkpoints', false]]);
    expect(await rollupsDueNow(db, 'Asia/Karachi')).toEqual({ flow: null, stock: null, checkpoints: 0 });
    const row = await db.selectFrom('background_jobs').select('checkpoint').where('id', '=', id).executeTakeFirstOrThrow();
    expect(Object.keys(row.checkpoint as object).sort()).toEqual(['checkpoints', 'flow', 'stock']);
    await expectExactEverywhere('after the job');
  }, 300_000);

  it('the schedule adds the monthly checkpoints that are missing, as they were, and the figures are exact meanwhile', async () => {
    const full = await stockSnapshot();
    expect(full.months.length).toBeGreaterThan(3);
    const keep = full.months.at(-4)!;
    await sql`DELETE FROM stock_status_checkpoints WHERE month > ${keep}::date`.execute(db);
    await sql`DELETE FROM stock_checkpoint_months WHERE month > ${keep}::date`.execute(db);
    expect((await rollupsDueNow(db, 'Asia/Karachi')).checkpoints).toBe(3);
    expect(describeDue(await rollupsDueNow(db, 'Asia/Karachi'))).toBeNull();
    const current = full.months.at(-1)!;
    // A period ending in the current month (beyond the last checkpoint left) and one before it.
    for (const to of [current, keep, '2025-06-30']) {
      for (const groupBy of ['none', 'district'] as const) {
        const p = base({ to, groupBy });
        expect(await computeFigure(db, figureById('cases_by_status')!, p), `${to} ${groupBy}`).toEqual(await computeFigure(db, figureById('cases_by_status')!, p, 'exact'));
      }
    }
    const before = await audits('stats.rollup.checkpoints');
    expect((await runSchedules(t.ctx)).checkpoints).toBe(3);
    expect(await stockSnapshot()).toEqual(full);
    expect(await audits('stats.rollup.checkpoints')).toBe(before + 1);
    expect((await runSchedules(t.ctx)).checkpoints).toBe(0);
    expect(await audits('stats.rollup.checkpoints')).toBe(before + 1);
  }, 300_000);
});
