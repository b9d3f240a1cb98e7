import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform } from '../../src/platform/bootstrap.ts';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queueFor, stopQueueFor, workerSettings } from '../../src/platform/jobs/queue.ts';
import { installJobQueue } from '../../src/platform/jobs/pgboss-queue.ts';
import { detectEngines, createScratchDatabase } from '../support/engines.ts';

// Processes that start together on one PostgreSQL database (two `amaan worker`s, a server beside a worker) each
// migrate, seed, grant and install the job queue's schema. Run at once, PostgreSQL refused one of the GRANTs with
// "tuple concurrently updated" and the worker exited (seen in CI): start-up now takes turns under an advisory lock.
const { engines, postgresUrl } = await detectEngines();
// Keys and checkpoints go to a folder of the test's own, never the checkout.
const dataDir = mkdtempSync(join(tmpdir(), 'amaan-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.runIf(engines.includes('postgres'))('processes starting together on one PostgreSQL database', () => {
  let drop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const scratch = await createScratchDatabase(postgresUrl!);
    drop = scratch.drop;
    url = scratch.url;
  }, 60_000);
  afterAll(async () => drop?.());

  it('all start, migrate once, and get a working job queue', async () => {
    const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'test', AMAAN_DATA_DIR: join(dataDir, 'a'), AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64') };
    const started = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const s = await startPlatform(loadConfig(env), { migrate: true });
        const queue = await queueFor(s.ctx, { concurrency: 1, pollMs: 500 });
        return { s, queue, migrated: s.migrated };
      }),
    );
    try {
      expect(started.map((x) => x.queue.engine)).toEqual(['pg-boss', 'pg-boss', 'pg-boss', 'pg-boss']);
      // Exactly one of them applied the migrations; the others found nothing left to do.
      const applied = started.map((x) => x.migrated.length).filter((n) => n > 0);
      expect(applied).toHaveLength(1);
    } finally {
      for (const { s } of started) {
        await stopQueueFor(s.ctx.db);
        await s.database.close();
      }
    }
  }, 180_000);
});

// Production: the application logs in as a role that may not create schemas; `amaan migrate` runs with the owner
// (DATABASE_MIGRATION_URL) and installs the job queue's schema too, so a worker given only DATABASE_URL starts.
describe.runIf(engines.includes('postgres'))('a worker that logs in as the application role alone', () => {
  const login = `amaan_t_login_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let drop: () => Promise<void>;
  let ownerUrl: string;
  let loginUrl: string;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: postgresUrl! });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  beforeAll(async () => {
    const scratch = await createScratchDatabase(postgresUrl!);
    drop = scratch.drop;
    ownerUrl = scratch.url;
    await admin(`CREATE ROLE ${login} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    const u = new URL(ownerUrl);
    u.username = login;
    loginUrl = u.toString();
  }, 60_000);
  afterAll(async () => {
    await drop?.();
    await admin(`DROP ROLE IF EXISTS ${login}`);
  });

  it('is refused with what to run before `amaan migrate`, and starts after it', async () => {
    const base = { ...process.env, NODE_ENV: 'test', AMAAN_DATA_DIR: join(dataDir, 'b'), AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64') };
    // The owner migrates the data but, as before this change, not the queue: a worker cannot install it.
    const first = await startPlatform(loadConfig({ ...base, DATABASE_URL: loginUrl, DATABASE_MIGRATION_URL: ownerUrl }), { migrate: true });
    await first.database.close();
    const worker = await startPlatform(loadConfig({ ...base, DATABASE_URL: loginUrl }), { migrate: false });
    try {
      await expect(queueFor(worker.ctx, { concurrency: 1 })).rejects.toThrow(/run `amaan migrate`/);
      // `amaan migrate` installs the queue with the owner role.
      const owner = await startPlatform(loadConfig({ ...base, DATABASE_URL: loginUrl, DATABASE_MIGRATION_URL: ownerUrl }), { migrate: true });
      await installJobQueue(owner.ctx, workerSettings());
      await owner.database.close();
      const queue = await queueFor(worker.ctx, { concurrency: 1, pollMs: 500 });
      expect(queue.engine).toBe('pg-boss');
    } finally {
      await stopQueueFor(worker.ctx.db);
      await worker.database.close();
    }
  }, 180_000);
});
