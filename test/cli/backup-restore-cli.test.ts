import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDigests, type TableDigest } from '../../src/platform/backup/backup.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { openOwnerDatabase } from '../support/owner-db.ts';
import { type CliRun, expectNoStack, runAmaan } from '../support/cli.ts';

// `amaan backup` then `amaan restore` into a fresh database with the same keys, on both engines: every table reads
// back with the same rows (count and digest), the audit chain verifies (against the manifest's anchor during the
// restore, then `amaan audit verify` with the checkpoint file), no key is in the backup, and a backup altered in
// any way (a row, the manifest, a missing file) or restored with another installation's keys is refused with
// nothing written.
const { engines, postgresUrl } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-backup-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SLOW = 300_000;
const amaan = (args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> => runAmaan(work, args, env);

const digestsOf = async (env: NodeJS.ProcessEnv): Promise<Record<string, TableDigest>> => {
  const owner = await openOwnerDatabase(env);
  try {
    return await tableDigests(owner.db);
  } finally {
    await owner.close();
  }
};

/** Every byte of the backup, table files unpacked, as one string. */
const backupText = (dir: string) => {
  const parts = [readFileSync(join(dir, 'manifest.json'), 'utf8')];
  for (const f of readdirSync(join(dir, 'tables'))) parts.push(gunzipSync(readFileSync(join(dir, 'tables', f))).toString('utf8'));
  return parts.join('\n');
};

describe.each(engines)('amaan backup and restore on %s', (engine) => {
  const dataKey = Buffer.alloc(32, 7).toString('base64');
  const source: NodeJS.ProcessEnv = {};
  const drops: Array<() => Promise<void>> = [];
  const backup = join(work, `backup-${engine}`);
  let n = 0;
  /** A fresh database (scratch on PostgreSQL, a new data folder on PGlite) with the source's keys unless told. */
  const freshTarget = async (keyDir = source.AMAAN_KEY_DIR!): Promise<NodeJS.ProcessEnv> => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    if (scratch.drop) drops.push(scratch.drop);
    return { AMAAN_DATA_DIR: join(work, `target-${engine}-${++n}`), AMAAN_KEY_DIR: keyDir, AMAAN_DATA_KEY: dataKey, DATABASE_URL: scratch.url ?? '' };
  };

  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    if (scratch.drop) drops.push(scratch.drop);
    Object.assign(source, { AMAAN_DATA_DIR: join(work, `source-${engine}`), AMAAN_KEY_DIR: join(work, `keys-${engine}`), AMAAN_DATA_KEY: dataKey, DATABASE_URL: scratch.url ?? '' });
    const demo = await amaan(['demo', 'load'], source);
    expect(demo.code, demo.err).toBe(0);
    const made = await amaan(['backup', '--out', backup], source);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/^backup written to .*: \d+ tables, \d+ rows .*audit anchor \d+:[0-9a-f]{64}/);
    expect(made.err).toMatch(/backup tables \[/); // the progress bar
  }, SLOW);
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('restores into a fresh database identical table by table, the audit chain verified against the anchor', async () => {
    const target = await freshTarget();
    const restored = await amaan(['restore', backup], target);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/^restored \d+ tables, \d+ rows .*every table matches the manifest; audit trail intact: \d+ entries, head \d+:[0-9a-f]{64} = the backup's anchor/);
    const [before, after] = [await digestsOf(source), await digestsOf(target)];
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after).toEqual(before);
    // The demo filled many tables: the comparison is not of empty tables.
    expect(Object.values(before).filter((d) => d.rows > 0).length).toBeGreaterThan(30);
    expect(before.audit_log!.rows).toBeGreaterThan(1);
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8')).manifest;
    expect(manifest.anchor.entries).toBe(before.audit_log!.rows);
    const verify = await amaan(['audit', 'verify'], target);
    expect(verify.code, verify.out + verify.err).toBe(0);
    expect(verify.out).toMatch(/^audit trail intact/);
    // The restored database serves: a further write and the trail still verifies.
    const user = await amaan(['user', 'create', '--username', 'after.restore', '--role', 'analyst', '--password-stdin'], target);
    expect(user.code, user.err).toBe(0);
  }, SLOW);

  it('holds no key: neither the data key, the audit key nor the signing key', () => {
    const text = backupText(backup);
    const keyDir = source.AMAAN_KEY_DIR!;
    const secrets = [dataKey, Buffer.from(dataKey, 'base64').toString('hex')];
    for (const f of readdirSync(keyDir)) {
      if (f.endsWith('.jsonl')) continue; // checkpoints are public heads, not keys
      const content = readFileSync(join(keyDir, f), 'utf8').trim();
      secrets.push(content);
      if (content.includes('PRIVATE KEY')) secrets.push(content.split('\n')[1]!); // the PEM's body
      else secrets.push(Buffer.from(content, 'base64').toString('hex'));
    }
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const s of secrets) expect(text.includes(s), `a key is inside the backup`).toBe(false);
  });

  it('refuses an altered row, an altered manifest, a missing file and another installation, writing nothing', async () => {
    const attempt = async (name: string, alter: (dir: string) => void, keyDir?: string) => {
      const copy = join(work, `${engine}-${name}`);
      cpSync(backup, copy, { recursive: true });
      alter(copy);
      const target = await freshTarget(keyDir);
      const r = await amaan(['restore', copy], target);
      expectNoStack(r);
      expect(r.code, `${name}: ${r.out}${r.err}`).toBe(2);
      // Nothing restored: the target has no audit trail (PGlite: no database was even opened for a refused file).
      if (target.DATABASE_URL || existsSync(join(target.AMAAN_DATA_DIR!, 'pglite', 'PG_VERSION'))) {
        const owner = await openOwnerDatabase(target);
        try {
          const trail = await owner.db.selectFrom('audit_log').select('seq').limit(1).execute().catch(() => []);
          expect(trail).toEqual([]);
        } finally {
          await owner.close();
        }
      }
      return r.err;
    };
    const casesFile = (dir: string) => join(dir, 'tables', 'cases.jsonl.gz');
    expect(await attempt('row', (dir) => {
      const text = gunzipSync(readFileSync(casesFile(dir))).toString('utf8');
      const changed = text.replace(/"title":"[^"]*"/, '"title":"Altered title"');
      expect(changed).not.toBe(text);
      writeFileSync(casesFile(dir), gzipSync(changed));
    })).toMatch(/restore refused: tables\/cases\.jsonl\.gz does not have the SHA-256 its signed manifest records/);
    expect(await attempt('manifest', (dir) => {
      const path = join(dir, 'manifest.json');
      const signed = JSON.parse(readFileSync(path, 'utf8'));
      // Re-pointing the manifest at the altered file's digest is caught by the signature.
      signed.manifest.anchor.seq -= 1;
      writeFileSync(path, JSON.stringify(signed));
    })).toMatch(/restore refused: the backup's manifest is not signed by this installation's key/);
    expect(await attempt('missing', (dir) => rmSync(casesFile(dir)))).toMatch(/restore refused: tables\/cases\.jsonl\.gz is missing/);
    expect(await attempt('other-keys', () => undefined, join(work, `other-keys-${engine}`))).toMatch(/restore refused: the backup's manifest is not signed by this installation's key/);
  }, SLOW);
});
