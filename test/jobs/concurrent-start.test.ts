import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform } from '../../src/platform/bootstrap.ts';
import { queueFor, stopQueueFor } from '../../src/platform/jobs/queue.ts';
import { detectEngines, createScratchDatabase } from '../support/engines.ts';

// Processes that start together on one PostgreSQL database (two `amaan worker`s, a server beside a worker) each
// migrate, seed, grant and install the job queue's schema. Run at once, PostgreSQL refused one of the GRANTs with
// "tuple concurrently updated" and the worker exited (seen in CI): start-up now takes turns under an advisory lock.
const { engines, postgresUrl } = await detectEngines();

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
    const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'test', AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64') };
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
