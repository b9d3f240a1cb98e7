// `amaan generate`: writes the national-scale synthetic dataset of generate.plan.ts into the configured
// database (PGlite or PostgreSQL), batch by batch. Each batch of cases is one transaction: a run stopped at
// any point leaves only whole batches (every case with its persons, links, victims and media, or none of it).
// The run is recorded in the audit trail as ONE entry (`generate.run`, written in the first batch's
// transaction with the seed and sizes, so even a stopped run's rows are accounted for), like `demo.load`.
// Rows go in by jsonb bulk inserts (one parameter per chunk, so the bind-parameter limit never applies), or on
// PostgreSQL by COPY from planner threads with indexes built after the load (generate.copy.ts): the same rows.
// With COPY the audit entry is committed just before the first batch (the rows go in on the owner's connection).
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { acquireDataLock } from '../../platform/db/data-lock.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { bulkInsert } from '../../demo/bulk-insert.ts';
import { conflict, invalid } from '../../platform/http/errors.ts';
import { canCopy, generateByCopy } from './generate.copy.ts';
import { allocateDistricts, columnTypes, newPlanState, planBatch, planStaff, tableOrder, type DistrictRef, type GeneratePlanInput } from './generate.plan.ts';

export interface GenerateOptions {
  seed: number;
  cases: number;
  persons: number;
  mediaPerCase: number;
  /** District names (as in the districts table), or undefined for all. */
  districts?: string[];
  /** Cases per transaction. Does not change the data, only how it is committed. */
  batchCases?: number;
  onProgress?: (casesDone: number, total: number) => void;
  signal?: AbortSignal;
  /** PostgreSQL: false writes by INSERTs with every trigger and index in place, as on PGlite (default: COPY when the connection owns the tables). */
  copy?: boolean;
  /** PostgreSQL with COPY: planner threads (default: cores - 1, at least 1, at most 4). */
  planners?: number;
  /** Messages for the operator (the index rebuild at the end). */
  say?: (line: string) => void;
}

export interface GenerateResult {
  aborted: boolean;
  casesWritten: number;
  rows: Record<string, number>;
  districts: number;
  ms: number;
}

/** The districts cases may fall in, with their population and the branch covering each. */
async function loadDistricts(ctx: ServiceContext, only?: string[]): Promise<DistrictRef[]> {
  const rows = await ctx.db.selectFrom('districts').innerJoin('branch_districts', 'branch_districts.district_id', 'districts.id')
    .select(['districts.id', 'districts.name', 'districts.population_2023', (eb) => eb.fn.min('branch_districts.branch_id').as('branch_id')])
    .groupBy(['districts.id', 'districts.name', 'districts.population_2023']).orderBy('districts.id').execute();
  let all = rows.map((r) => ({ id: r.id, name: r.name, population: Number(r.population_2023 ?? 0), branchId: Number(r.branch_id) }));
  if (only) {
    const wanted = new Map(only.map((n) => [n.trim().toLowerCase(), n.trim()]));
    const known = new Set(all.map((d) => d.name.toLowerCase()));
    const unknown = [...wanted.entries()].filter(([k]) => !known.has(k)).map(([, v]) => v);
    if (unknown.length) throw invalid('--districts', `no district named ${unknown.join(', ')} (names as in seed/pakistan-districts.csv, e.g. Lahore, Muzaffargarh)`);
    all = all.filter((d) => wanted.has(d.name.toLowerCase()));
  }
  if (!all.length) throw conflict('no districts with a branch in the database (run `amaan migrate` first)');
  return all;
}

export async function runGenerate(ctx: ServiceContext, opts: GenerateOptions): Promise<GenerateResult> {
  const t0 = performance.now();
  if (ctx.config.env === 'production') throw conflict('amaan generate writes invented data and is refused when NODE_ENV=production');
  const existing = Number((await ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (existing > 0) throw conflict(`the database already holds ${existing} cases: amaan generate fills an empty database (point AMAAN_DATA_DIR or DATABASE_URL at a new one)`);
  const districts = await loadDistricts(ctx, opts.districts);
  const offences = (await ctx.db.selectFrom('offences').select(['code', 'child_exploitation']).orderBy('code').execute()).map((o) => ({ code: o.code, childExploitation: o.child_exploitation }));
  if (!offences.length) throw conflict('the offence catalogue is empty (run `amaan migrate` first)');
  const input: GeneratePlanInput = { seed: opts.seed, cases: opts.cases, persons: opts.persons, mediaPerCase: opts.mediaPerCase, districts, offences };
  const allocation = allocateDistricts(opts.seed, opts.cases, districts);
  const { users, staff } = planStaff(input, allocation);
  const taken = await ctx.db.selectFrom('users').select('username').where('username', 'in', users.slice(0, 1).map((u) => String(u.username))).execute();
  if (taken.length) throw conflict(`user ${taken[0]!.username} exists already: the database holds an earlier generated dataset's staff`);

  const rows: Record<string, number> = { users: 0 };
  for (const t of tableOrder) rows[t] = 0;
  const state = newPlanState();
  const batch = Math.max(1, opts.batchCases ?? 1000);
  let done = 0;
  let aborted = false;
  const auditEvent = {
    action: 'generate.run', entityType: 'system', entityId: null,
    details: { synthetic: true, seed: opts.seed, cases: opts.cases, persons: opts.persons, mediaPerCase: opts.mediaPerCase, districts: opts.districts ?? 'all', batchCases: batch, users: users.length },
  };
  opts.onProgress?.(0, opts.cases);

  // PostgreSQL, with a connection that owns the tables: COPY, indexes built after the load (generate.copy.ts).
  const ownerUrl = ctx.config.databaseUrl ? (ctx.config.databaseMigrationUrl ?? ctx.config.databaseUrl) : null;
  if (ownerUrl && opts.copy !== false && (await canCopy(ownerUrl))) {
    // The run is audited before its first row is written (committed on its own: the rows go in on the owner's connection).
    await inTransaction(ctx, (_tx, audit) => audit(auditEvent));
    const r = await generateByCopy({
      url: ownerUrl, data: { input, allocation, staff }, users, state, batch, signal: opts.signal, planners: opts.planners, say: opts.say,
      onBatch: (to, counts) => {
        if (rows.users === 0) rows.users = users.length;
        for (const t of tableOrder) rows[t]! += counts[t] ?? 0;
        opts.onProgress?.(to, opts.cases);
      },
    });
    return { aborted: r.aborted, casesWritten: r.done, rows, districts: districts.length, ms: Math.round(performance.now() - t0) };
  }

  for (let from = 0; from < opts.cases; from += batch) {
    if (opts.signal?.aborted) {
      aborted = true;
      break;
    }
    const to = Math.min(opts.cases, from + batch);
    const planned = planBatch(input, allocation, staff, state, from, to);
    await inTransaction(ctx, async (tx, audit) => {
      if (from === 0) {
        rows.users = await bulkInsert(tx, 'users', columnTypes.users, users);
        await audit(auditEvent);
      }
      for (const t of tableOrder) await bulkInsert(tx, t, columnTypes[t], planned[t], 5000);
    });
    for (const t of tableOrder) rows[t]! += planned[t].length;
    done = to;
    opts.onProgress?.(done, opts.cases);
    // PGlite answers in microtasks: without a turn of the event loop, timers (the progress bar) and signals
    // (Ctrl-C) would wait for the whole run.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { aborted, casesWritten: done, rows, districts: districts.length, ms: Math.round(performance.now() - t0) };
}

/**
 * Planner statistics and visibility maps for the filled tables (VACUUM ANALYZE), taken as the owner role as `amaan
 * migrate` does (the application role may not VACUUM or ANALYZE tables it does not own, and PGlite has no autovacuum to
 * do it later). Called by the CLI after the run, on a connection of its own.
 */
export async function analyzeGenerated(config: Config): Promise<void> {
  const lock = config.databaseUrl ? null : acquireDataLock(config.dataDir);
  try {
    const owner = config.databaseUrl
      ? await openDatabase({ url: config.databaseMigrationUrl ?? config.databaseUrl, poolSize: 1 })
      : await openDatabase({ dataDir: join(config.dataDir, 'pglite') });
    try {
      // Every table, not only those the load wrote: the figures' rollups and the status spans were rebuilt from them
      // (rebuildFigureRollups), and left with the statistics of the empty tables they were migrated as, a refresh of
      // one case's rollups planned for thousands of rows (0.7-2 s per case write at 1,000,000 cases; 5-16 ms after).
      // VACUUM too: a bulk load leaves no page marked all-visible, so no index-only scan can skip the heap until
      // autovacuum has passed (the backlog's reads of stat_stock_spans' covering index were bitmap heap scans of
      // ~24,000 pages at 1,000,000 cases, 2.2 s; index-only once vacuumed). This is what a DBA runs after a bulk load.
      await sql.raw('VACUUM (ANALYZE)').execute(owner.db);
    } finally {
      await owner.close();
    }
  } finally {
    lock?.release();
  }
}
