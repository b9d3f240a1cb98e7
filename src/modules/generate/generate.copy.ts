// `amaan generate` on PostgreSQL at national size: the same rows as the PGlite path (generate.plan.ts), written
// the way bulk loads are done (bench/figures-data.ts does the same for the statistics bench):
// - planned and turned into COPY text on planner threads (generate.worker.ts) while the main thread streams
//   the batch before to the server with COPY FROM STDIN (src/platform/db/copy.ts);
// - the filled tables' secondary indexes dropped first and built again at the end (one sorted build each
//   instead of tens of millions of random inserts into them), on the owner's connection;
// - the row triggers skipped inside each batch's transaction (SET LOCAL session_replication_role = replica for a
//   superuser, else ALTER TABLE ... DISABLE TRIGGER USER, taken back before COMMIT: no other session ever sees
//   the table without its triggers), and their work done in the same transaction by one statement each: the
//   cases' status spans (migration 0037's rebuild, for the history rows of this batch) and the graph's change
//   log (one '*' entry: the in-memory graph is rebuilt from the tables, src/modules/graph/graph.store.ts).
//   The district trigger has nothing to do (every generated case names its district).
// Each batch is still one transaction: a run stopped by Ctrl-C (after a batch) or killed keeps whole batches.
// A killed run leaves its dropped indexes noted in pending_index_builds: the next start as the owner (or the next
// run) builds them (platform/db/index-builds.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { copyText, openCopyConnection, type CopyConnection } from '../../platform/db/copy.ts';
import { buildNoted, noteDropped, pendingIndexBuilds, rebuildFigureRollups, takeBulkLoadLock, type DroppedIndex, type SessionQuery } from '../../platform/db/index-builds.ts';
import { columnTypes, numberFirs, tableOrder, type BranchStaff, type GeneratePlanInput, type PlanState, type Row } from './generate.plan.ts';

export interface PlannerData { input: GeneratePlanInput; allocation: Uint16Array; staff: Map<number, BranchStaff> }
export interface PlanRequest { from: number; to: number }
export interface PlannedBatch { from: number; to: number; cases: Row[]; text: Record<string, string>; counts: Record<string, number> }
type PlannerReply = PlannedBatch | { from: number; error: string };

/** Tables whose secondary indexes are dropped during the load and built again after it. */
const indexed = [...tableOrder, 'case_status_spans'];
/** Tables with row or statement triggers the load skips (their work is done per batch below). */
const triggered = ['cases', 'case_status_history', 'persons', 'case_persons', 'victims', 'case_victims', 'entities', 'links', 'evidence_items'];

/** Planner threads; batches handed out in order and their results taken back in order. */
class Planners {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (b: PlannedBatch) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(size: number, data: PlannerData) {
    for (let i = 0; i < size; i++) {
      // A larger young generation: planning allocates many short-lived rows, and the default one makes the
      // collector run most of the time.
      const w = new Worker(new URL('./generate-worker-entry.mjs', import.meta.url), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 256 } });
      w.on('message', (r: PlannerReply) => {
        const p = this.waiting.get(r.from);
        if (!p) return;
        this.waiting.delete(r.from);
        if ('error' in r) p.reject(new Error(`generate planner: ${r.error}`));
        else p.resolve(r);
      });
      w.on('error', (err) => {
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
      this.workers.push(w);
    }
  }

  plan(from: number, to: number): Promise<PlannedBatch> {
    const w = this.workers[this.next++ % this.workers.length]!;
    const promise = new Promise<PlannedBatch>((resolve, reject) => this.waiting.set(from, { resolve, reject }));
    w.postMessage({ from, to } satisfies PlanRequest);
    return promise;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export interface CopyRunInput {
  url: string;
  data: PlannerData;
  users: Row[];
  state: PlanState;
  batch: number;
  signal?: AbortSignal;
  /** Called after each committed batch with its row counts. */
  onBatch: (to: number, counts: Record<string, number>) => void;
  /** Planner threads (default: one less than the cores, at least one, at most four). */
  planners?: number;
  /** Messages for the operator (index rebuild). */
  say?: (line: string) => void;
}

/** Whether the connection may do the bulk load: it must own the tables (drop indexes, disable triggers). */
export async function canCopy(url: string): Promise<boolean> {
  const conn = await openCopyConnection(url);
  try {
    const r = await conn.query<{ ok: boolean }>(`SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE')) AS ok FROM pg_class c WHERE c.oid = ANY ($1::regclass[])`, [indexed]);
    return r.rows[0]?.ok === true;
  } finally {
    await conn.close();
  }
}

/** Writes cases [0, input.cases) batch by batch; returns how many were committed and whether it was stopped. */
export async function generateByCopy(run: CopyRunInput): Promise<{ aborted: boolean; done: number }> {
  const { input } = run.data;
  const conn = await openCopyConnection(run.url);
  const superuser = (await conn.query<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`)).rows[0]?.s === true;
  const q: SessionQuery = (text, params) => conn.query(text, params);
  // Held for the whole run (released with the connection, also when killed): a start that finds indexes noted as
  // dropped builds them only when no load holds it (index-builds.ts).
  if (!(await takeBulkLoadLock(q, 10_000))) {
    await conn.close();
    throw new Error('another bulk load (amaan generate) is running on this database: wait for it to end');
  }
  // Indexes a killed earlier run dropped and never built are built at the end with this run's.
  const leftOver = await pendingIndexBuilds(q);
  if (leftOver.length) run.say?.(`an interrupted earlier run left ${leftOver.length} indexes unbuilt: they are built at the end of this one`);
  const indexes = [...leftOver, ...(await dropSecondaryIndexes(conn))];
  const size = Math.max(1, run.planners ?? Math.min(4, availableParallelism() - 1));
  const planners = new Planners(size, run.data);
  const ahead: Array<Promise<PlannedBatch>> = [];
  let nextFrom = 0;
  const request = () => {
    if (nextFrom >= input.cases) return;
    const to = Math.min(input.cases, nextFrom + run.batch);
    const p = planners.plan(nextFrom, to);
    p.catch(() => undefined); // awaited in order below; a failure is thrown there
    ahead.push(p);
    nextFrom = to;
  };
  let done = 0;
  let aborted = false;
  try {
    for (let i = 0; i < size + 1; i++) request();
    while (done < input.cases) {
      if (run.signal?.aborted) {
        aborted = true;
        break;
      }
      const planned = await ahead.shift()!;
      request();
      numberFirs(run.state, planned.cases);
      await writeBatch(conn, superuser, planned, planned.from === 0 ? run.users : null);
      done = planned.to;
      run.onBatch(done, planned.counts);
      // Timers (the progress bar) and signals (Ctrl-C) get their turn between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    await planners.close();
    try {
      if (indexes.length) {
        const t0 = performance.now();
        run.say?.(`building ${indexes.length} indexes again...`);
        await conn.query(`SET maintenance_work_mem = '512MB'`);
        for (const index of indexes) await buildNoted(q, index);
        run.say?.(`${indexes.length} indexes built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      // The figures' pre-aggregates (flow events, migration 0038; stock rollup, migration 0039) are kept by row
      // triggers that were skipped above: rebuild them from the tables as their migrations do, so the dashboard
      // counts the generated cases (the rollups answer the same rows as the exact SQL only when current).
      const t1 = performance.now();
      await rebuildFigureRollups(q);
      run.say?.(`figures' rollups rebuilt in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    } finally {
      await conn.close();
    }
  }
  return { aborted, done };
}

/** Drops the filled tables' secondary indexes (not those behind a constraint), noted as dropped in the same transaction. */
async function dropSecondaryIndexes(conn: CopyConnection): Promise<DroppedIndex[]> {
  const rows = (await conn.query<{ name: string; def: string }>(`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename = ANY ($1::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
    ORDER BY i.tablename, i.indexname`, [indexed])).rows;
  if (!rows.length) return [];
  await conn.query('BEGIN');
  try {
    await noteDropped((text, params) => conn.query(text, params), rows.map((r) => ({ name: r.name, definition: r.def })));
    for (const r of rows) await conn.query(`DROP INDEX ${quoteIdent(r.name)}`);
    await conn.query('COMMIT');
  } catch (err) {
    await conn.query('ROLLBACK');
    throw err;
  }
  return rows.map((r) => ({ name: r.name, definition: r.def }));
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One batch in one transaction: its rows by COPY, then what the skipped triggers would have written. */
async function writeBatch(conn: CopyConnection, superuser: boolean, planned: PlannedBatch, users: Row[] | null): Promise<void> {
  await conn.query('BEGIN');
  try {
    if (superuser) await conn.query(`SET LOCAL session_replication_role = replica`);
    else for (const t of triggered) await conn.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    const before = Number((await conn.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM case_status_history`)).rows[0]!.id);
    if (users) await conn.copyIn('users', Object.keys(columnTypes.users), copyText(Object.keys(columnTypes.users), users));
    for (const t of tableOrder) {
      const columns = Object.keys(columnTypes[t]);
      await conn.copyIn(t, columns, t === 'cases' ? copyText(columns, planned.cases) : planned.text[t]!);
    }
    // The status spans of this batch's cases (all their history is in this batch), as migration 0037's rebuild.
    await conn.query(`
      INSERT INTO case_status_spans (history_id, case_id, status, valid_from, valid_to)
      SELECT id, case_id, to_status, at, next_at FROM (
        SELECT h.id, h.case_id, h.to_status, h.at,
          coalesce(lead(h.at) OVER (PARTITION BY h.case_id ORDER BY h.at, h.id), 'infinity'::timestamptz) AS next_at
        FROM case_status_history h WHERE h.id > $1
      ) x`, [before]);
    // The graph's change log: rebuild from the tables (the row triggers would have logged every row).
    await conn.query(`INSERT INTO graph_changes (tbl, key) VALUES ('generate', '*')`);
    if (!superuser) for (const t of triggered) await conn.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    await conn.query('COMMIT');
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
