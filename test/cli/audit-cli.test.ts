import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform } from '../../src/platform/bootstrap.ts';
import { entryHash } from '../../src/platform/audit/audit.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { openOwnerDatabase } from '../support/owner-db.ts';
import { type CliRun, expectNoStack, runAmaan } from '../support/cli.ts';

// `amaan audit verify` with the default configuration (audit key, signing key and checkpoint file in the
// key folder beside the data folder) against a trail tampered with by the database's superuser: each
// attack is listed, every bad entry with its kind, exit 1.
const { engines, postgresUrl } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-audit-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SLOW = 240_000;
const amaan = (args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliRun> => runAmaan(work, args, env, input);

/** "entry 12: edited: …" lines of a verify run, as [kind, seq] (seq null for the whole trail). */
const listed = (out: string) =>
  [...out.matchAll(/^ {2}(entry (\d+)|trail): ([a-z ]+?): /gm)].map((m) => [m[3]!.replace(/ /g, '_'), m[2] ? Number(m[2]) : null]);

describe.each(engines)('amaan audit verify against a superuser on %s', (engine) => {
  let env: NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = join(work, `data-${engine}`);
  const checkpointFile = join(work, `data-${engine}-keys`, 'audit-checkpoints.jsonl');
  let saved: Record<string, unknown>[] = [];

  const asSuperuser = async (work: (db: Db) => Promise<unknown>) => {
    const owner = await openOwnerDatabase(env);
    try {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(owner.db);
      await work(owner.db);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(owner.db);
    } finally {
      await owner.close();
    }
  };
  /** Back to the trail as it was before the attack (rows and checkpoint file), for the next one. */
  const restore = async () => {
    await asSuperuser(async (db) => {
      await sql`DELETE FROM audit_log`.execute(db);
      for (const r of saved) await db.insertInto('audit_log').values({ ...r, details: JSON.stringify(r.details) } as never).execute();
    });
    copyFileSync(`${checkpointFile}.saved`, checkpointFile);
  };
  const rows = () => saved as Array<{ seq: number; hash: string; body: string }>;

  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    drop = scratch.drop;
    env = { AMAAN_DATA_DIR: dataDir, AMAAN_DATA_KEY: Buffer.alloc(32, 5).toString('base64'), DATABASE_URL: scratch.url ?? '' };
    for (const name of ['t.one', 't.two', 't.three', 't.four']) {
      const r = await amaan(['user', 'create', '--username', name, '--role', 'analyst', '--password-stdin'], env, 'a long enough password\n');
      expect(r.code, r.err).toBe(0);
    }
    const ok = await amaan(['audit', 'verify'], env);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toMatch(/^audit trail intact: \d+ entries verified; \d+ signed checkpoints \(latest at entry \d+\)/);
    // Every CLI run that wrote to the trail left a signed checkpoint outside the database on closing.
    expect(existsSync(checkpointFile)).toBe(true);
    expect(readFileSync(checkpointFile, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(5);
    const owner = await openOwnerDatabase(env);
    saved = await owner.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    await owner.close();
    copyFileSync(checkpointFile, `${checkpointFile}.saved`);
  }, SLOW);
  afterAll(async () => drop?.());

  it('the application role cannot UPDATE, DELETE or TRUNCATE the trail', async () => {
    const started = await startPlatform(loadConfig({ ...env, NODE_ENV: 'test' }));
    try {
      const { rows: who } = await sql<{ u: string }>`SELECT current_user AS u`.execute(started.ctx.db);
      expect(who[0]!.u).toBe('amaan_app');
      await expect(sql`UPDATE audit_log SET actor_name = 'x'`.execute(started.ctx.db)).rejects.toThrow(/permission denied/);
      await expect(sql`DELETE FROM audit_log`.execute(started.ctx.db)).rejects.toThrow(/permission denied/);
      await expect(sql`TRUNCATE audit_log`.execute(started.ctx.db)).rejects.toThrow(/permission denied/);
      await expect(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(started.ctx.db)).rejects.toThrow(/must be owner/);
    } finally {
      await started.database.close();
    }
    await restore();
  }, SLOW);

  it('lists every bad entry of one attack: an edit, two rows swapped, a row deleted', async () => {
    const r = rows();
    expect(r.length).toBeGreaterThanOrEqual(6);
    const [edited, a, b, gone] = [r[1]!.seq, r[2]!.seq, r[3]!.seq, r[4]!.seq];
    await asSuperuser(async (db) => {
      await sql`UPDATE audit_log SET details = '{"username":"someone-else"}'::jsonb WHERE seq = ${edited}`.execute(db);
      await sql`UPDATE audit_log SET seq = -1 WHERE seq = ${a}`.execute(db);
      await sql`UPDATE audit_log SET seq = ${a} WHERE seq = ${b}`.execute(db);
      await sql`UPDATE audit_log SET seq = ${b} WHERE seq = -1`.execute(db);
      await sql`DELETE FROM audit_log WHERE seq = ${gone}`.execute(db);
    });
    const bad = await amaan(['audit', 'verify'], env);
    expect(bad.code, bad.err).toBe(1);
    expectNoStack(bad);
    expect(bad.out, bad.out).toMatch(/^audit trail BROKEN: 4 problems/);
    expect(listed(bad.out)).toEqual([['edited', edited], ['reordered', a], ['reordered', b], ['missing', gone]]);
    const json = await amaan(['audit', 'verify', '--json'], env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, problemCount: 4, problems: [{ seq: edited, kind: 'edited' }, { kind: 'reordered' }, { kind: 'reordered' }, { seq: gone, kind: 'missing' }] });
    await restore();
  }, SLOW);

  it('a trail cut back (its last entries deleted)', async () => {
    const r = rows();
    await asSuperuser((db) => sql`DELETE FROM audit_log WHERE seq > ${r[3]!.seq}`.execute(db));
    const bad = await amaan(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(listed(bad.out)).toEqual([['cut_back', r.at(-1)!.seq]]);
    await restore();
  }, SLOW);

  it.each([['truncated', sql`TRUNCATE audit_log`], ['emptied', sql`DELETE FROM audit_log`]])('a trail %s', async (_, statement) => {
    await asSuperuser((db) => statement.execute(db));
    const bad = await amaan(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(listed(bad.out)).toEqual([['empty', null], ['cut_back', rows().at(-1)!.seq]]);
    await restore();
  }, SLOW);

  it('a forged entry with a recomputed unkeyed hash', async () => {
    const head = rows().at(-1)!;
    const seq = head.seq + 1;
    const fields = { at: new Date(), actor_id: null, actor_name: 'intruder', action: 'user.delete', entity_type: 'user', entity_id: 'x', ip: null, details: {} };
    await asSuperuser((db) => db.insertInto('audit_log').values({ seq, v: 1, ...fields, details: '{}', prev_hash: head.hash, hash: entryHash(head.hash, seq, fields) } as never).execute());
    const bad = await amaan(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(listed(bad.out)).toEqual([['edited', seq]]);
    expect(bad.out).toContain('[user.delete by intruder');
    await restore();
  }, SLOW);

  it('audit checkpoint signs the head; verify is intact again after the restore', async () => {
    const cp = await amaan(['audit', 'checkpoint'], env);
    expect(cp.code, cp.err).toBe(0);
    expect(cp.out).toMatch(/^(checkpoint written to .*audit-checkpoints\.jsonl: entry \d+:[0-9a-f]{64}|no new checkpoint)/);
    const ok = await amaan(['audit', 'verify'], env);
    expect(ok.code, ok.out).toBe(0);
  }, SLOW);
});
