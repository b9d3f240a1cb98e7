import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Started } from '../../src/platform/bootstrap.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { expectNoStack, runAmaan, withPlatform } from '../support/cli.ts';

// `amaan stats status|rebuild` as an operator runs them: a start with cases never rebuilds (the zone changed to UTC
// leaves the rollups keyed for Asia/Karachi until the command), the command rebuilds once with a progress bar,
// and `--job` queues the job on PostgreSQL.
const { engines, postgresUrl } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-stats-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SLOW = 240_000;

describe.each(engines)('amaan stats on %s', (engine) => {
  let env: NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | undefined;
  const withDb = <T,>(fn: (s: Started) => Promise<T>): Promise<T> => withPlatform(env, fn);
  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    drop = scratch.drop;
    env = { AMAAN_DATA_DIR: join(work, `data-${engine}`), AMAAN_DATA_KEY: Buffer.alloc(32, 5).toString('base64'), DATABASE_URL: scratch.url ?? '' };
    expect((await runAmaan(work, ['migrate'], env)).code).toBe(0);
    await withDb(async ({ ctx }) => {
      const branch = (await ctx.db.selectFrom('branches').select('id').where('district', '=', 'Lahore').executeTakeFirstOrThrow()).id;
      const c = await ctx.db.insertInto('cases').values({ branch_id: branch, title: 'Stats CLI case', status: 'fir_registered', fir_number: 7, fir_year: 2025, reported_at: new Date('2024-12-31T20:00:00Z'), fir_registered_at: new Date('2024-12-31T21:00:00Z'), challan_submitted_at: null, created_by: null })
        .returning('id').executeTakeFirstOrThrow();
      await ctx.db.insertInto('case_offences').values({ case_id: c.id, offence_code: 'PPC-377B' }).execute();
    });
  }, SLOW);
  afterAll(async () => drop?.());

  it('reports what is due after the zone changed, rebuilds it once, and refuses bad options', async () => {
    const utc = { ...env, AMAAN_TIME_ZONE: 'UTC' };
    const status = await runAmaan(work, ['stats', 'status', '--json'], utc);
    expect(status.code, status.err).toBe(0);
    const due = JSON.parse(status.out);
    expect(due.flow).toMatch(/Asia\/Karachi/);
    expect(due.stock).toMatch(/Asia\/Karachi/);
    const text = await runAmaan(work, ['stats', 'status'], utc);
    expect(text.out).toContain('amaan stats rebuild');

    const rebuilt = await runAmaan(work, ['stats', 'rebuild', '--json'], utc);
    expect(rebuilt.code, rebuilt.err).toBe(0);
    expect(rebuilt.err).toContain('rebuilding [');
    const parts = JSON.parse(rebuilt.out) as Array<{ part: string; rebuilt: boolean; timeZone: string; count: number }>;
    expect(parts.map((p) => [p.part, p.rebuilt, p.timeZone])).toEqual([['flow', true, 'UTC'], ['stock', true, 'UTC'], ['checkpoints', false, 'UTC']]);
    // complaint and FIR events of the one case.
    expect(parts[0]!.count).toBe(2);
    const again = await runAmaan(work, ['stats', 'rebuild'], utc);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/flow +up to date \[UTC\]/);
    expect(JSON.parse((await runAmaan(work, ['stats', 'status', '--json'], utc)).out)).toEqual({ flow: null, stock: null, checkpoints: 0 });
    // The day of the FIR moved with the zone: 1 January 2025 in Karachi, 31 December 2024 in UTC.
    const days = await withDb(async ({ ctx }) => (await ctx.db.selectFrom('stat_flow').select((eb) => eb.fn<string>('to_char', ['day', eb.val('YYYY-MM-DD')]).as('d')).where('kind', '=', 2).execute()).map((r) => r.d));
    expect(days).toEqual(['2024-12-31']);
    const audits = await withDb(({ ctx }) => ctx.db.selectFrom('audit_log').select(['action', 'actor_name']).where('action', '=', 'stats.rollup.rebuild').execute());
    expect(audits).toHaveLength(2);
    expect(audits[0]!.actor_name).toMatch(/^cli:/);

    for (const bad of [['--only', 'flow,bogus'], ['--only', '']]) {
      const r = await runAmaan(work, ['stats', 'rebuild', ...bad], env);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--only');
      expectNoStack(r);
    }
  }, SLOW);

  it(engine === 'postgres' ? 'queues the rebuild as a job (--job)' : 'refuses --job on the embedded engine', async () => {
    const r = await runAmaan(work, ['stats', 'rebuild', '--job', '--json'], env);
    if (engine !== 'postgres') {
      expect(r.code).toBe(2);
      expect(r.err).toContain('--job');
      expectNoStack(r);
      return;
    }
    expect(r.code, r.err).toBe(0);
    const { backgroundJobId } = JSON.parse(r.out) as { backgroundJobId: string };
    const row = await withDb(({ ctx }) => ctx.db.selectFrom('background_jobs').select(['kind', 'state']).where('id', '=', backgroundJobId).executeTakeFirstOrThrow());
    expect(row).toEqual({ kind: 'stats.rebuild', state: 'queued' });
  }, SLOW);
});
