import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { AppContext, AuditEvent, ServiceContext } from '../context.ts';
import { auditInto } from '../context.ts';
import type { Db, Tx } from '../db/database.ts';
import { AppError } from '../http/errors.ts';

// Background work (hash-set imports and the re-check that follows, server-side ingest, reports) as rows of
// `background_jobs` (migration 0029), run by workers: on PostgreSQL any number of `amaan worker` processes on
// any machine, dispatched by pg-boss (pgboss-queue.ts); on the embedded engine the same jobs run in this process
// (inprocess-queue.ts). Both call `runJob` below, so a job behaves the same on either engine:
// - the row is claimed (state running, attempt counted, this worker named, a heartbeat) and its progress is
//   written beside the heartbeat about once a second: the web app and `amaan jobs show` read it from there;
// - a step (`run.step`) commits its work and its mark in `checkpoint` in one transaction, so a retried job skips
//   what was committed; work inside a step must itself be safe to repeat (unique keys, ON CONFLICT DO NOTHING);
// - a refusal (AppError: bad file, name taken) fails the job at once; any other error is retried with back-off
//   up to MAX_ATTEMPTS; a worker that stops answering (killed, machine lost) is noticed when its heartbeat is
//   older than the stall time, and the job is handed to another worker (`reapStalledJobs`).

export const MAX_ATTEMPTS = 5;

export interface BackgroundJob {
  id: string;
  kind: string;
  ownerId: string;
  state: 'running' | 'done' | 'failed';
  progress: { done: number; total: number | null; unit: string };
  result?: unknown;
  error?: string;
  startedAt: string;
  finishedAt?: string;
}

export interface JobRun<P = unknown> {
  id: string;
  kind: string;
  payload: P;
  /** The user who started the job (a snapshot taken then), acting through the services. */
  ctx: ServiceContext;
  attempt: number;
  /** Progress as shown to the user; written to the row with the heartbeat. */
  report(done: number, total?: number | null): void;
  /**
   * Runs `work` once across retries: its changes and the step's mark commit in one transaction; a later
   * attempt gets the value recorded then without running it again.
   */
  step<T>(name: string, work: (tx: Tx, audit: (e: AuditEvent) => Promise<void>) => Promise<T>): Promise<T>;
  /**
   * A step around a service function that opens its own transactions (inTransaction, auditRead): they join the
   * step's transaction, so the service's writes, their audit entries and the step's mark commit together or
   * not at all (a report is recorded as published once however often the job is retried).
   */
  serviceStep<T>(name: string, work: (ctx: ServiceContext) => Promise<T>): Promise<T>;
  /** Whether a step has committed (in an earlier attempt or this one). */
  done(name: string): boolean;
  /** Aborted when this worker lost the job (another took it over) or is stopping. */
  signal: AbortSignal;
}

export interface JobKind<P = unknown> {
  unit: string;
  run(run: JobRun<P>): Promise<unknown>;
  /** The message shown for an unexpected error (details go to the log). */
  failure?: string;
}

const kinds = new Map<string, JobKind<never>>();

/** Declares a kind of job; modules call this at load (hashset.jobs.ts, media.jobs.ts). */
export function defineJobKind<P>(kind: string, def: JobKind<P>): void {
  kinds.set(kind, def as JobKind<never>);
}

export function jobKind(kind: string): JobKind<never> | undefined {
  return kinds.get(kind);
}

export interface JobQueue {
  readonly engine: 'pg-boss' | 'in-process';
  /** Records the job and hands it to the workers; returns its id at once. */
  enqueue(ctx: ServiceContext, kind: string, payload: unknown): Promise<string>;
  /** Stops taking jobs and waits for the running ones (or hands them back). */
  stop(): Promise<void>;
}

export interface WorkerSettings {
  /** Jobs this process runs at once (0: this process only enqueues). */
  concurrency: number;
  /** A running job whose heartbeat is older than this is given to another worker. */
  stallMs: number;
  /** First retry delay; doubled at each attempt. */
  retryDelayMs: number;
  /** How often an idle worker asks for work (PostgreSQL). */
  pollMs: number;
  name: string;
}

const num = (v: string | undefined, dflt: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : dflt);

/** AMAAN_JOB_STALL_SECONDS (60), AMAAN_JOB_RETRY_SECONDS (2), AMAAN_JOB_POLL_SECONDS (1), AMAAN_SERVER_WORKERS (1). */
export function workerSettings(env: NodeJS.ProcessEnv = process.env, overrides: Partial<WorkerSettings> = {}): WorkerSettings {
  return {
    concurrency: num(env.AMAAN_SERVER_WORKERS, 1),
    stallMs: num(env.AMAAN_JOB_STALL_SECONDS, 60) * 1000,
    retryDelayMs: num(env.AMAAN_JOB_RETRY_SECONDS, 2) * 1000,
    pollMs: num(env.AMAAN_JOB_POLL_SECONDS, 1) * 1000,
    name: `${hostname()}:${process.pid}`,
    ...overrides,
  };
}

/** Inserts the job's row (state queued). */
export async function insertJobRow(ctx: ServiceContext, kind: string, payload: unknown): Promise<string> {
  const def = kinds.get(kind);
  if (!def) throw new Error(`no job kind ${kind}`);
  const { id, username, displayName, role, branchId, ip, credential } = ctx.actor;
  const row = await ctx.db
    .insertInto('background_jobs')
    .values({ kind, owner_id: id, actor: JSON.stringify({ id, username, displayName, role, branchId, ip, credential }), payload: JSON.stringify(payload ?? null), unit: def.unit, progress_total: null, result: null, error: null, queue_job_id: null, worker: null, heartbeat_at: null, started_at: null, finished_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const iso = (d: Date | null) => (d ? d.toISOString() : undefined);

/** A job as its owner sees it (only the user who started a job sees it). */
export async function getJob(db: Db, id: string, ownerId: string): Promise<BackgroundJob | undefined> {
  const r = await db.selectFrom('background_jobs').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    kind: r.kind,
    ownerId: r.owner_id,
    // Waiting for a worker (or for its retry) is still "running" to the one who started it.
    state: r.state === 'done' || r.state === 'failed' ? r.state : 'running',
    progress: { done: Number(r.progress_done), total: r.progress_total === null ? null : Number(r.progress_total), unit: r.unit },
    ...(r.result !== null && r.result !== undefined ? { result: r.result } : {}),
    ...(r.error && r.state !== 'running' && r.state !== 'queued' ? { error: r.error } : {}),
    startedAt: (r.started_at ?? r.created_at).toISOString(),
    ...(r.finished_at ? { finishedAt: iso(r.finished_at) } : {}),
  };
}

/** Ids of jobs among `wanted` that this user started (the `job` scope). */
export async function jobsOwnedBy(db: Db, ownerId: string, wanted: readonly string[]): Promise<Set<string>> {
  if (!wanted.length) return new Set();
  const rows = await db.selectFrom('background_jobs').select('id').where('id', 'in', [...wanted]).where('owner_id', '=', ownerId).execute();
  return new Set(rows.map((r) => r.id));
}

export class JobLostError extends Error {
  constructor(id: string) {
    super(`job ${id} was taken over by another worker`);
  }
}

export type RunOutcome = 'done' | 'failed' | 'gone';

/**
 * Runs one attempt of a job in this process. Resolves 'done' or 'failed' (final), or 'gone' (finished or taken
 * already); rejects when the attempt failed and the job should be retried (the row is back in state queued).
 */
export async function runJob(app: AppContext, jobId: string, settings: WorkerSettings, queueJobId: string | null, stopping?: AbortSignal): Promise<RunOutcome> {
  const claimed = await app.db
    .updateTable('background_jobs')
    .set((eb) => ({ state: 'running', attempts: eb('attempts', '+', 1), worker: settings.name, heartbeat_at: sql<Date>`now()`, started_at: sql<Date>`coalesce(started_at, now())`, ...(queueJobId ? { queue_job_id: queueJobId } : {}) }))
    .where('id', '=', jobId)
    .where('state', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
  if (!claimed) return 'gone';
  const def = kinds.get(claimed.kind);
  if (!def) {
    await finish(app.db, jobId, settings.name, { state: 'failed', error: `no worker here knows jobs of kind ${claimed.kind}` });
    return 'failed';
  }
  const actor = claimed.actor as Actor;
  const ctx: ServiceContext = { ...app, actor };
  const checkpoint = { ...((claimed.checkpoint ?? {}) as Record<string, unknown>) };
  const progress = { done: Number(claimed.progress_done), total: claimed.progress_total === null ? null : Number(claimed.progress_total), dirty: false };
  const lost = new AbortController();
  const onStop = () => lost.abort();
  stopping?.addEventListener('abort', onStop);
  // The heartbeat: also writes progress. Finding the row no longer ours means another worker took it over.
  let beating: Promise<void> = Promise.resolve();
  const beat = () => {
    beating = beating.then(async () => {
      const r = await app.db
        .updateTable('background_jobs')
        .set({ heartbeat_at: sql<Date>`now()`, ...(progress.dirty ? { progress_done: progress.done, progress_total: progress.total } : {}) })
        .where('id', '=', jobId).where('worker', '=', settings.name).where('state', '=', 'running')
        .executeTakeFirst();
      progress.dirty = false;
      if (Number(r.numUpdatedRows) === 0) lost.abort();
    }).catch(() => undefined);
  };
  const timer = setInterval(beat, Math.max(100, Math.min(1000, settings.stallMs / 4)));
  timer.unref();
  const run: JobRun<never> = {
    id: jobId,
    kind: claimed.kind,
    payload: claimed.payload as never,
    ctx,
    attempt: claimed.attempts,
    signal: lost.signal,
    report(done, total) {
      progress.done = done;
      if (total !== undefined) progress.total = total;
      progress.dirty = true;
    },
    done: (name) => Object.hasOwn(checkpoint, name),
    async step(name, work) {
      if (Object.hasOwn(checkpoint, name)) return checkpoint[name] as never;
      if (lost.signal.aborted) throw new JobLostError(jobId);
      return ctx.db.transaction().execute(async (tx) => {
        const value = await work(tx, auditInto(ctx, tx));
        // The mark commits with the work, and only while the job is still this worker's.
        const r = await tx
          .updateTable('background_jobs')
          .set({ checkpoint: sql`checkpoint || jsonb_build_object(${name}::text, ${JSON.stringify(value ?? null)}::jsonb)` })
          .where('id', '=', jobId).where('worker', '=', settings.name)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new JobLostError(jobId);
        checkpoint[name] = value ?? null;
        return value;
      });
    },
    serviceStep(name, work) {
      return run.step(name, (tx) => work({ ...ctx, db: joinedDb(tx) }));
    },
  };
  try {
    const result = await def.run(run);
    clearInterval(timer);
    await beating;
    await finish(app.db, jobId, settings.name, { state: 'done', result, progress });
    return 'done';
  } catch (err) {
    clearInterval(timer);
    await beating;
    if (err instanceof JobLostError || lost.signal.aborted) {
      // Another worker has it (or this one stops): hand it back without counting a failure of the work.
      await app.db.updateTable('background_jobs').set({ state: 'queued', worker: null }).where('id', '=', jobId).where('worker', '=', settings.name).where('state', '=', 'running').execute().catch(() => undefined);
      if (stopping?.aborted) throw err;
      return 'gone';
    }
    if (err instanceof AppError) {
      await finish(app.db, jobId, settings.name, { state: 'failed', error: err.message, progress });
      return 'failed';
    }
    const reason = err instanceof Error ? err.message : String(err);
    process.emitWarning(`job ${jobId} (${claimed.kind}) attempt ${claimed.attempts} failed: ${reason}`);
    if (claimed.attempts >= MAX_ATTEMPTS) {
      await finish(app.db, jobId, settings.name, { state: 'failed', error: def.failure ?? 'the job failed; see the worker log', progress });
      return 'failed';
    }
    await app.db.updateTable('background_jobs').set({ state: 'queued', worker: null, error: reason.slice(0, 500), progress_done: progress.done, progress_total: progress.total }).where('id', '=', jobId).where('worker', '=', settings.name).execute();
    throw err;
  } finally {
    stopping?.removeEventListener('abort', onStop);
  }
}

/**
 * The transaction `tx` as a database handle whose `transaction()` runs its work in `tx` itself: the code handed
 * it (a service written for a Db) commits with its caller. Methods are bound to the transaction (Kysely keeps
 * its state in private fields).
 */
export function joinedDb(tx: Tx): Db {
  const joined = { execute: <T>(work: (t: Tx) => Promise<T>) => work(tx) };
  const builder = { ...joined, setIsolationLevel: () => joined, setAccessMode: () => joined };
  return new Proxy(tx, {
    get(target, key) {
      if (key === 'transaction') return () => builder;
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as unknown as Db;
}

async function finish(db: Db, jobId: string, worker: string, end: { state: 'done' | 'failed'; result?: unknown; error?: string; progress?: { done: number; total: number | null } }) {
  await db
    .updateTable('background_jobs')
    .set({ state: end.state, result: end.result === undefined ? null : JSON.stringify(end.result), error: end.error ?? null, finished_at: sql<Date>`now()`, ...(end.progress ? { progress_done: end.progress.done, progress_total: end.progress.total } : {}) })
    .where('id', '=', jobId).where('worker', '=', worker)
    .execute();
}

/**
 * Running jobs whose worker has not answered for `stallMs`: back to queued (the queue then runs them again), or
 * failed when they have had every attempt. One statement decides, so of several reapers only one hands a job on.
 */
export async function reapStalledJobs(db: Db, stallMs: number): Promise<Array<{ id: string; queueJobId: string | null; state: string }>> {
  const rows = await db
    .updateTable('background_jobs')
    .set((eb) => ({
      state: eb.case().when('attempts', '>=', MAX_ATTEMPTS).then(sql<'failed'>`'failed'`).else(sql<'queued'>`'queued'`).end(),
      error: sql<string>`'the worker running it stopped answering'`,
      finished_at: eb.case().when('attempts', '>=', MAX_ATTEMPTS).then(sql<Date>`now()`).else(sql<null>`NULL`).end(),
      worker: null,
    }))
    .where('state', '=', 'running')
    .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${stallMs / 1000})`)
    .returning(['id', 'queue_job_id', 'state'])
    .execute();
  return rows.map((r) => ({ id: r.id, queueJobId: r.queue_job_id, state: r.state }));
}

const queues = new WeakMap<Db, JobQueue>();
const starting = new WeakMap<Db, Promise<JobQueue>>();

/**
 * The queue of this database handle, started on first use: pg-boss on PostgreSQL (with this process running
 * AMAAN_SERVER_WORKERS jobs at once, default 1; 0 for API servers that only enqueue), in-process on PGlite.
 */
export async function queueFor(app: AppContext, overrides: Partial<WorkerSettings> = {}): Promise<JobQueue> {
  const ready = queues.get(app.db);
  if (ready) return ready;
  let p = starting.get(app.db);
  if (!p) {
    p = (async () => {
      const settings = workerSettings(process.env, overrides);
      const q = app.engine === 'postgres'
        ? await (await import('./pgboss-queue.ts')).startPgBossQueue(app, settings)
        : (await import('./inprocess-queue.ts')).startInProcessQueue(app, settings);
      queues.set(app.db, q);
      return q;
    })();
    starting.set(app.db, p);
    p.catch(() => starting.delete(app.db));
  }
  return p;
}

/** Starts a job of `kind` as the acting user; returns its id (poll GET /jobs/:id or `amaan jobs show`). */
export async function enqueueJob(ctx: ServiceContext, kind: string, payload: unknown): Promise<string> {
  return (await queueFor(ctx)).enqueue(ctx, kind, payload);
}

/** Stops this database handle's queue, if one was started (server shutdown, tests). */
export async function stopQueueFor(db: Db): Promise<void> {
  const p = starting.get(db);
  if (!p) return;
  starting.delete(db);
  queues.delete(db);
  const q = await p.catch(() => undefined);
  await q?.stop();
}
