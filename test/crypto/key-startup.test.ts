import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform } from '../../src/platform/bootstrap.ts';
import { inTransaction, type ServiceContext } from '../../src/platform/context.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { readIdentity, writeIdentity } from '../../src/modules/victims/victim.identity.ts';

// The embedded data key lives in the key folder beside the data folder, never inside it; an install from
// before keeps working (its data-folder key file is moved on first start); production needs AMAAN_DATA_KEY.
const work = mkdtempSync(join(tmpdir(), 'amaan-key-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const bin = new URL('../../bin/amaan.js', import.meta.url).pathname;

describe('data key at start', () => {
  it('an existing data/data-key.b64 is moved to the key folder on first start, and the data stays readable', async () => {
    const dataDir = join(work, 'data');
    const keyDir = join(work, 'data-keys');
    const legacyKey = randomBytes(32).toString('base64');
    // An install from before: data written under the key that sat in the data folder.
    let victimId = '';
    let officer: { id: string; username: string };
    {
      const started = await startPlatform(loadConfig({ NODE_ENV: 'test', AMAAN_DATA_DIR: dataDir, AMAAN_DATA_KEY: legacyKey }));
      try {
        const ctx = started.ctx;
        officer = await ctx.db.insertInto('users').values({ username: 'po.move', display_name: 'PO', role: 'protection_officer', branch_id: null, password_hash: 'x' }).returning(['id', 'username']).executeTakeFirstOrThrow();
        victimId = (await ctx.db.insertInto('victims').values({ pseudonym: 'V-2026-0777' }).returning('id').executeTakeFirstOrThrow()).id;
        await ctx.db.insertInto('victim_assignments').values({ victim_id: victimId, user_id: officer.id }).execute();
        const sys: ServiceContext = { ...ctx, actor: systemActor('test') };
        await inTransaction(sys, (tx) => writeIdentity(tx, sys, victimId, { fullName: 'Moved Key Testchild' }));
      } finally {
        await started.database.close();
      }
    }
    writeFileSync(join(dataDir, 'data-key.b64'), legacyKey, { mode: 0o600 });
    // The key folder may already hold the audit and signing keys; the data key is not there yet.
    expect(existsSync(join(keyDir, 'data-key.b64'))).toBe(false);

    const started = await startPlatform(loadConfig({ NODE_ENV: 'test', AMAAN_DATA_DIR: dataDir }));
    try {
      expect(existsSync(join(dataDir, 'data-key.b64'))).toBe(false);
      expect(readFileSync(join(keyDir, 'data-key.b64'), 'utf8').trim()).toBe(legacyKey);
      const as: ServiceContext = { ...started.ctx, actor: { id: officer.id, username: officer.username, displayName: 'PO', role: 'protection_officer', branchId: null, ip: null } };
      expect((await readIdentity(as, victimId)).fullName).toBe('Moved Key Testchild');
    } finally {
      await started.database.close();
    }
  }, 120_000);

  it('a fresh install makes its key in the key folder, not in the data folder', async () => {
    const dataDir = join(work, 'fresh');
    mkdirSync(dataDir);
    const started = await startPlatform(loadConfig({ NODE_ENV: 'test', AMAAN_DATA_DIR: dataDir }));
    await started.database.close();
    expect(existsSync(join(dataDir, 'data-key.b64'))).toBe(false);
    expect(existsSync(join(work, 'fresh-keys', 'data-key.b64'))).toBe(true);
  }, 120_000);

  it('production refuses to start without AMAAN_DATA_KEY, naming it (exit 2, nothing created)', async () => {
    const dataDir = join(work, 'prod');
    const env = { ...process.env, NODE_ENV: 'production', AMAAN_DATA_DIR: dataDir, AMAAN_DATA_KEY: '', DATABASE_URL: '', AMAAN_DEBUG: '' };
    const child = spawn(process.execPath, [bin, 'migrate'], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('AMAAN_DATA_KEY is required in production');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
    expect(existsSync(join(work, 'prod-keys'))).toBe(false);
  }, 120_000);
});
