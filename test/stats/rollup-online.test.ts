import { sql } from 'kysely';
import { expectStockSumsMatchParts } from '../support/stock-rollup-checks.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { loadDemoIfEmpty } from '../../src/demo/demo.loader.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { computeFigure, currentCatalogue, type Catalogue } from '../../src/modules/stats/figures/figures.service.ts';
import { exactStock, figureById, type FigureParams } from '../../src/modules/stats/figures/registry.ts';
import { rollupAnswers, rollupState } from '../../src/modules/stats/figures/rollup.ts';
import { rebuildRollups } from '../../src/modules/stats/rollup/rebuild.ts';
import { readRollups, rollupsDueNow } from '../../src/modules/stats/rollup/state.ts';

// Online rebuilds (rollup/rebuild.ts, session 9): flow and stock re-keyed to another zone in small batches while
// cases are written between the batches and, on PostgreSQL, at the same time from other connections (one of them
// holding its transaction open across the rebuild's start, with the old zone read by its trigger). Afterwards
// the tables equal a rebuild from scratch under the lock (flow rows; stock parts, with sums and checkpoints that
// are the sums of the parts), the figures equal the exact SQL, and meanwhile the figures were the exact SQL's.
const { engines } = await detectEngines();

describe.each(engines)('online rebuild of the statistics rollups with writes during it (%s)', (engine) => {
  let t: TestApp;
  let db: Db;
  let catalogue: Catalogue;
  let sctx: ServiceContext;
  const created: string[] = [];

  const base = (over: Partial<FigureParams> = {}): FigureParams => ({
    from: null, to: '2025-06-30', timeZone: 'UTC', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue, ...over,
  });
  const flowSnapshot = async () => (await sql<Record<string, unknown>>`SELECT case_id, kind, src, day::text, district_id, branch_id, ce, unit, val::text FROM stat_flow ORDER BY 1, 2, 3`.execute(db)).rows;
  const partsSnapshot = async () => (await sql<Record<string, unknown>>`SELECT case_id, day::text, status, district_id, branch_id, set_id, delta FROM stock_case_parts ORDER BY 1, 2, 3`.execute(db)).rows;

  /** The stock rollup's sums and checkpoints are the sums of its parts. */
  async function expectStockConsistent() {
    await expectStockSumsMatchParts(db);
  }

  async function expectFiguresExact(timeZone: string, label: string) {
    for (const id of ['firs', 'arrests', 'convictions', 'fir_to_challan', 'cases_by_status', 'backlog']) {
      for (const over of [{}, { groupBy: 'province' as const }, { from: '2024-01-01', to: '2024-12-31', groupBy: 'district' as const }]) {
        const def = figureById(id)!;
        const p = base({ timeZone, ...over });
        const exactDef = id in exactStock ? { ...def, build: exactStock[id as keyof typeof exactStock] } : def;
        expect(await computeFigure(db, def, p), `${label}: ${id} ${JSON.stringify(over)}`).toEqual(await computeFigure(db, exactDef, p, 'exact'));
      }
    }
  }

  /** One write of the kinds the rollups follow: a new case with offences, history, an arrest and an FIR; or changes to an existing case. */
  async function write(on: Db, i: number) {
    const branch = (await on.selectFrom('branches').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const at = i % 2 ? '2024-12-31T19:00:00Z' : '2024-12-31T23:30:00Z';
    const c = await on.insertInto('cases').values({ branch_id: branch, title: `Online ${i}`, status: 'fir_registered', reported_at: at, fir_registered_at: at, created_by: t.users.invA.id })
      .returning('id').executeTakeFirstOrThrow();
    created.push(c.id);
    await on.insertInto('case_offences').values({ case_id: c.id, offence_code: 'PPC-377B' }).execute();
    await on.insertInto('case_status_history').values({ case_id: c.id, to_status: 'under_investigation', at, reason: 'online' }).execute();
    const person = (await on.selectFrom('persons').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    await on.insertInto('arrests').values({ case_id: c.id, person_id: person, arrested_at: at }).execute();
    // An existing case at either end of the id order (one its batch has passed, one it has not).
    const ends = await on.selectFrom('cases').select('id').where('title', 'not like', 'Online %').orderBy('id', i % 2 ? 'asc' : 'desc').limit(1).executeTakeFirstOrThrow();
    await on.insertInto('case_status_history').values({ case_id: ends.id, to_status: i % 3 ? 'inquiry_closed' : 'in_trial', at: '2024-12-31T19:00:00Z', reason: 'online' }).execute();
    await on.updateTable('cases').set({ fir_registered_at: '2024-06-30T19:00:00Z' }).where('id', '=', ends.id).execute();
    if (i % 4 === 3) await on.deleteFrom('cases').where('id', '=', created[0]!).execute();
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    db = t.ctx.db;
    expect((await loadDemoIfEmpty(t.ctx)).loaded).toBe(true);
    catalogue = await currentCatalogue(db);
    sctx = { ...t.ctx, actor: systemActor('test') };
  }, 300_000);
  afterAll(async () => t?.close());

  it('re-keys to another zone in batches with writes between them; meanwhile the figures are the exact SQL\'s', async () => {
    let i = 0;
    let during = 0;
    const out = await rebuildRollups({ ...sctx, config: { ...sctx.config, timeZone: 'UTC' } }, {
      parts: ['flow', 'stock'],
      batch: 25,
      onBatch: async (part) => {
        await write(db, i++);
        // While the part's token is set it is not read (the flow figures' eligibility says so; cases by status
        // compares the token in its statement, so the figures below are the exact SQL's either way).
        const state = await readRollups(db);
        if (part !== 'checkpoints' && state[part]?.building) {
          during++;
          if (part === 'flow') expect(rollupAnswers(figureById('firs')!, base(), await rollupState(db))).toBe(false);
          if (during % 3 === 1) await expectFiguresExact('UTC', `during ${part} (${i})`);
        }
      },
    });
    expect(out.map((p) => [p.part, p.rebuilt])).toEqual([['flow', true], ['stock', true]]);
    expect(i).toBeGreaterThan(4);
    expect(during).toBe(i);
    expect(await rollupsDueNow(db, 'UTC')).toMatchObject({ flow: null, stock: null });
    expect(rollupAnswers(figureById('firs')!, base(), await rollupState(db))).toBe(true);
    await expectFiguresExact('UTC', 'after');
    await expectStockConsistent();
    // As a rebuild from scratch under the lock would have left them.
    const flow = await flowSnapshot();
    const parts = await partsSnapshot();
    await t.asOwner((owner) => sql`SELECT stat_flow_rebuild('UTC', ARRAY(SELECT code FROM offences WHERE child_exploitation))`.execute(owner));
    await t.asOwner((owner) => sql`SELECT stock_rollup_rebuild('UTC')`.execute(owner));
    expect(await flowSnapshot()).toEqual(flow);
    expect(await partsSnapshot()).toEqual(parts);
  }, 900_000);

  it.runIf(engine === 'postgres')('with writers on other connections at the same time, one holding its transaction open across the start', async () => {
    // A writer whose triggers read the old keys (UTC, the rollups' zone now) before the rebuild begins, committing after.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const early = db.transaction().execute(async (tx) => {
      try {
        await write(tx as unknown as Db, 100);
      } finally {
        wrote();
      }
      await held;
    });
    await written;
    let stop = false;
    const failures: unknown[] = [];
    // (A writer must not fail because of the rebuild: deadlock victims would show here.)
    const writer = (async () => {
      for (let k = 200; !stop && failures.length < 5; k++) {
        try {
          await db.transaction().execute(async (tx) => {
            // A write never waits for the rebuild as a whole: at most for one batch.
            await sql`SET LOCAL lock_timeout = '20s'`.execute(tx);
            await write(tx as unknown as Db, k);
          });
        } catch (err) {
          failures.push(err);
        }
      }
    })();
    // The early writer commits once the rebuild has begun (after its first batch, or in 2 s if that batch waits for it).
    const timer = setTimeout(() => release(), 2_000);
    let out;
    try {
      out = await rebuildRollups({ ...sctx, config: { ...sctx.config, timeZone: 'Asia/Karachi' } }, { parts: ['flow', 'stock'], batch: 10, onBatch: () => release() });
    } finally {
      clearTimeout(timer);
      release();
      stop = true;
      await early;
      await writer;
    }
    expect(failures).toEqual([]);
    expect(out.map((p) => [p.part, p.rebuilt])).toEqual([['flow', true], ['stock', true]]);
    expect(await rollupsDueNow(db, 'Asia/Karachi')).toMatchObject({ flow: null, stock: null });
    await expectFiguresExact('Asia/Karachi', 'after, concurrent');
    await expectStockConsistent();
    const flow = await flowSnapshot();
    const parts = await partsSnapshot();
    await t.asOwner((owner) => sql`SELECT stat_flow_rebuild('Asia/Karachi', ARRAY(SELECT code FROM offences WHERE child_exploitation))`.execute(owner));
    await t.asOwner((owner) => sql`SELECT stock_rollup_rebuild('Asia/Karachi')`.execute(owner));
    expect(await flowSnapshot()).toEqual(flow);
    expect(await partsSnapshot()).toEqual(parts);
  }, 900_000);

  it('a rebuild cut short leaves the token: the figures read the exact SQL and the next rebuild is due and finishes it', async () => {
    await expect(rebuildRollups({ ...sctx, config: { ...sctx.config, timeZone: 'UTC' } }, {
      parts: ['flow'],
      force: true,
      batch: 10,
      onBatch: () => {
        throw new Error('cut short');
      },
    })).rejects.toThrow('cut short');
    const state = await readRollups(db);
    expect(state.flow?.building).toBeTruthy();
    expect((await rollupsDueNow(db, 'UTC')).flow).toMatch(/under way or was cut short/);
    expect(rollupAnswers(figureById('firs')!, base(), await rollupState(db))).toBe(false);
    await expectFiguresExact('UTC', 'cut short');
    const out = await rebuildRollups({ ...sctx, config: { ...sctx.config, timeZone: 'UTC' } }, { parts: ['flow'] });
    expect(out.map((p) => [p.part, p.rebuilt])).toEqual([['flow', true]]);
    expect((await readRollups(db)).flow?.building).toBeNull();
    // A zone PostgreSQL does not know fails before anything is written: the keys stay as they were.
    await expect(rebuildRollups({ ...sctx, config: { ...sctx.config, timeZone: 'Nowhere/Atlantis' } }, { parts: ['stock'] })).rejects.toThrow();
    expect((await readRollups(db)).stock).toMatchObject({ building: null });
  }, 900_000);
});
