import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Started } from '../../src/platform/bootstrap.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { expectNoStack, runAmaan, withPlatform } from '../support/cli.ts';

// `amaan takedowns renotice`: sends (records) the notices that are due, once, as the server's schedule does.
const { engines, postgresUrl } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-renotice-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SLOW = 240_000;

describe.each(engines)('amaan takedowns renotice on %s', (engine) => {
  let env: NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | undefined;
  let takedownId = '';
  const withDb = <T,>(fn: (s: Started) => Promise<T>): Promise<T> => withPlatform(env, fn);
  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    drop = scratch.drop;
    env = { AMAAN_DATA_DIR: join(work, `data-${engine}`), AMAAN_DATA_KEY: Buffer.alloc(32, 5).toString('base64'), DATABASE_URL: scratch.url ?? '' };
    expect((await runAmaan(work, ['migrate'], env)).code).toBe(0);
    await withDb(async ({ ctx }) => {
      const branch = (await ctx.db.selectFrom('branches').select('id').where('district', '=', 'Lahore').executeTakeFirstOrThrow()).id;
      const c = await ctx.db.insertInto('cases').values({ branch_id: branch, title: 'Renotice CLI case', status: 'fir_registered', fir_number: 5, fir_year: 2025, fir_registered_at: new Date('2025-03-01T10:00:00Z'), challan_submitted_at: null, created_by: null })
        .returning('id').executeTakeFirstOrThrow();
      const at = new Date('2025-06-01T00:00:00Z');
      takedownId = (await ctx.db.insertInto('takedowns').values({
        case_id: c.id, target_kind: 'url', target: 'https://host.example/x', provider: 'Host Example', first_requested_at: at, requested_at: at, last_notice_at: at,
        next_notice_at: new Date('2025-06-02T00:00:00Z'), notices_sent: 1, created_by: null,
      }).returning('id').executeTakeFirstOrThrow()).id;
      await ctx.db.insertInto('takedown_notices').values({ takedown_id: takedownId, number: 1, sent_at: at, actor_id: null }).execute();
    });
  }, SLOW);
  afterAll(async () => drop?.());

  it('sends the due notice once, and refuses a malformed --at', async () => {
    const early = await runAmaan(work, ['takedowns', 'renotice', '--at', '2025-06-01T12:00:00Z', '--json'], env);
    expect(early.code, early.err).toBe(0);
    expect(JSON.parse(early.out).notices.sent).toBe(0);
    const due = await runAmaan(work, ['takedowns', 'renotice', '--at', '2025-06-02T01:00:00Z', '--json'], env);
    expect(due.code, due.err).toBe(0);
    expect(JSON.parse(due.out).notices).toEqual({ sent: 1, takedownIds: [takedownId] });
    const again = await runAmaan(work, ['takedowns', 'renotice', '--at', '2025-06-02T01:00:00Z'], env);
    expect(again.out).toContain('0 takedown notice(s) sent');
    const rows = await withDb(({ ctx }) => ctx.db.selectFrom('takedown_notices').select(['number', 'sent_at']).where('takedown_id', '=', takedownId).orderBy('number').execute());
    expect(rows.map((r) => r.number)).toEqual([1, 2]);
    const bad = await runAmaan(work, ['takedowns', 'renotice', '--at', 'tomorrow'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--at');
    expectNoStack(bad);
  }, SLOW);
});
