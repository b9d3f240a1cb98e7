import PgBoss from 'pg-boss';
import pg from 'pg';
import { LOCK_CLASS, withSessionLock } from '../db/advisory-lock.ts';
import type { AppContext, ServiceContext } from '../context.ts';
import { APP_ROLE } from '../db/app-role.ts';
import { insertJobRow, MAX_ATTEMPTS, reapStalledJobs, runJob, type JobQueue, type WorkerSettings } from './queue.ts';

// PostgreSQL: jobs are dispatched by pg-boss (its schema `pgboss`, installed here by the owner role, used by the
// application role). A pg-boss job carries only our row's id; the row holds the work, its progress and the
// checkpoints of its steps (queue.ts). Retries are pg-boss's (retryLimit, retryDelay, retryBackoff). A killed
// worker's pg-boss job would wait for pg-boss's expiry (hours: ingests are long); instead every queue checks the
// rows' heartbeats and fails the pg-boss job of a stalled row, which pg-boss then retries on another worker.
export const QUEUE_NAME = 'amaan-jobs';
const SCHEMA = 'pgboss';

function withRole(url: string): { connectionString: string; options?: string } {
  const u = new URL(url);
  const given = u.searchParams.get('options');
  u.searchParams.delete('options');
  return { connectionString: u.toString(), options: `${given ? `${given} ` : ''}-c role=${APP_ROLE}` };
}

/** Installs (or migrates) pg-boss's schema and our queue as the owner, and lets the application role use them. */
async function install(ownerUrl: string, settings: WorkerSettings): Promise<void> {
  // Workers starting together take turns: concurrent GRANTs on the same tables fail ("tuple concurrently updated").
  const session = new pg.Client({ connectionString: ownerUrl });
  await session.connect();
  try {
    await withSessionLock((text) => session.query(text), LOCK_CLASS.schemaSetup, 'pg-boss', () => installNow(ownerUrl, settings));
  } finally {
    await session.end().catch(() => undefined);
  }
}

async function installNow(ownerUrl: string, settings: WorkerSettings): Promise<void> {
  const owner = new PgBoss({ connectionString: ownerUrl, schema: SCHEMA, max: 1, supervise: false, schedule: false, migrate: true });
  owner.on('error', () => undefined);
  await owner.start();
  try {
    await owner.createQueue(QUEUE_NAME, {
      name: QUEUE_NAME,
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelay: Math.max(1, Math.round(settings.retryDelayMs / 1000)),
      retryBackoff: true,
      // A backstop only: stalled jobs are noticed by their heartbeat long before.
      expireInSeconds: 23 * 3600,
    });
    const db = (owner.getDb() as { executeSql(text: string, values?: unknown[]): Promise<unknown> });
    await db.executeSql(`
      GRANT USAGE ON SCHEMA ${SCHEMA} TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${APP_ROLE};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${SCHEMA} TO ${APP_ROLE};
    `);
  } finally {
    await owner.stop({ graceful: false, wait: true });
  }
}

/** `amaan migrate` installs (or migrates) the queue's schema with the owner role, beside the migrations. */
export async function installJobQueue(app: AppContext, settings: WorkerSettings): Promise<void> {
  const url = app.config.databaseMigrationUrl ?? app.config.databaseUrl;
  if (!url) throw new Error('the pg-boss queue needs DATABASE_URL');
  await install(url, settings);
}

/**
 * At start: the owner installs the queue when this process has the owner's connection. A process given only the
 * application's login (DATABASE_URL, no DATABASE_MIGRATION_URL) may not create schemas: it uses the queue that
 * `amaan migrate` installed, and says what to run when there is none.
 */
async function installOrFind(app: AppContext, settings: WorkerSettings): Promise<void> {
  const url = app.config.databaseUrl!;
  try {
    await install(app.config.databaseMigrationUrl ?? url, settings);
  } catch (err) {
    if ((err as { code?: string }).code !== '42501' || app.config.databaseMigrationUrl) throw err;
    const client = new pg.Client(withRole(url));
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT 1 FROM ${SCHEMA}.queue WHERE name = $1`, [QUEUE_NAME]).catch(() => ({ rows: [] as unknown[] }));
      if (!rows.length) throw new Error('the job queue is not installed in this database and this login may not install it: run `amaan migrate` (with DATABASE_MIGRATION_URL as the owner) first', { cause: err });
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export async function startPgBossQueue(app: AppContext, settings: WorkerSettings): Promise<JobQueue> {
  const url = app.config.databaseUrl;
  if (!url) throw new Error('the pg-boss queue needs DATABASE_URL');
  await installOrFind(app, settings);
  const boss = new PgBoss({
    ...withRole(url),
    schema: SCHEMA,
    max: Math.max(2, settings.concurrency + 1),
    migrate: false,
    schedule: false,
    // pg-boss's own upkeep (archiving, expiry), done by one process at a time.
    supervise: true,
    maintenanceIntervalSeconds: 60,
  });
  boss.on('error', (err) => process.emitWarning(`job queue: ${err instanceof Error ? err.message : String(err)}`));
  await boss.start();

  const stopping = new AbortController();
  const running = new Set<Promise<unknown>>();
  const workerIds: string[] = [];
  for (let i = 0; i < settings.concurrency; i++) {
    workerIds.push(await boss.work<{ jobId: string }>(QUEUE_NAME, { batchSize: 1, pollingIntervalSeconds: Math.max(0.5, settings.pollMs / 1000) }, async ([job]) => {
      if (!job || stopping.signal.aborted) throw new Error('worker stopping');
      const p = runJob(app, job.data.jobId, settings, job.id, stopping.signal);
      running.add(p);
      try {
        await p; // resolves: done, failed for good, or nothing to do; rejects: pg-boss retries with back-off
      } finally {
        running.delete(p);
      }
    }));
  }

  // Hands the jobs of workers that stopped answering to the others.
  const reap = async () => {
    try {
      for (const r of await reapStalledJobs(app.db, settings.stallMs)) {
        if (!r.queueJobId) continue;
        if (r.state === 'queued') await boss.fail(QUEUE_NAME, r.queueJobId, { reason: 'worker stopped answering' });
        else await boss.cancel(QUEUE_NAME, r.queueJobId);
      }
    } catch (err) {
      process.emitWarning(`job queue: checking stalled jobs failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const reaper = setInterval(() => void reap(), Math.max(250, settings.stallMs / 3));
  reaper.unref();

  return {
    engine: 'pg-boss',
    async enqueue(ctx: ServiceContext, kind: string, payload: unknown) {
      const id = await insertJobRow(ctx, kind, payload);
      try {
        const queueJobId = await boss.send(QUEUE_NAME, { jobId: id });
        if (!queueJobId) throw new Error('pg-boss refused the job');
        await ctx.db.updateTable('background_jobs').set({ queue_job_id: queueJobId }).where('id', '=', id).where('queue_job_id', 'is', null).execute();
        for (const w of workerIds) boss.notifyWorker(w);
      } catch (err) {
        await ctx.db.updateTable('background_jobs').set({ state: 'failed', error: 'the job could not be queued', finished_at: new Date() }).where('id', '=', id).execute().catch(() => undefined);
        throw err;
      }
      return id;
    },
    async stop() {
      stopping.abort();
      clearInterval(reaper);
      for (const w of workerIds) await boss.offWork({ id: w }).catch(() => undefined);
      await Promise.allSettled([...running]);
      await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
    },
  };
}
