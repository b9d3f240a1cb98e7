import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { checkBackup, tableDigests, type TableDigest } from '../../src/platform/backup/backup.ts';
import { installationKeyFrom, loadInstallationKey } from '../../src/platform/crypto/installation-key.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { openOwnerDatabase } from '../support/owner-db.ts';
import { Readable } from 'node:stream';
import { text as readText } from 'node:stream/consumers';
import { LocalFolderStorage } from '../../src/platform/storage/local-folder.ts';
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
const DOC_BODIES = ['First synthetic FIR copy\n', 'Second synthetic FIR copy, corrected\n'];
const amaan = (args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliRun> => runAmaan(work, args, env, input);

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
    // Two document files in the local document folder, behind two versions of a case's document.
    const owner = await openOwnerDatabase(source);
    try {
      const storage = new LocalFolderStorage(join(source.AMAAN_DATA_DIR!, 'documents'));
      const caseId = (await owner.db.selectFrom('cases').select('id').limit(1).executeTakeFirstOrThrow()).id;
      const doc = await owner.db.insertInto('documents').values({ owner_kind: 'case', case_id: caseId, person_id: null, operation_id: null, hearing_id: null, victim_id: null, title: 'Synthetic FIR copy', doc_type: 'fir_copy', document_date: null, created_by: null }).returning('id').executeTakeFirstOrThrow();
      for (const [i, body] of DOC_BODIES.entries()) {
        const stored = await storage.put(Readable.from(Buffer.from(body)));
        await owner.db.insertInto('document_versions').values({ document_id: doc.id, version_no: i + 1, file_name: `fir-${i + 1}.txt`, media_type: 'text/plain', size_bytes: stored.size, sha256: stored.sha256, storage_key: stored.key, uploaded_by: null }).execute();
      }
    } finally {
      await owner.close();
    }
    const made = await amaan(['backup', '--out', backup], source);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/^backup written to .*: \d+ tables, \d+ rows, 2 document files .*audit anchor \d+:[0-9a-f]{64}/);
    expect(made.err).toMatch(/backup tables \[/); // the progress bar
  }, SLOW);
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('restores into a fresh database identical table by table, the audit chain verified against the anchor', async () => {
    const target = await freshTarget();
    const restored = await amaan(['restore', backup], target);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/^restored \d+ tables, \d+ rows, 2 document files from .*every table matches the manifest; audit trail intact: \d+ entries, head \d+:[0-9a-f]{64} = the backup's anchor/);
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
    // The document files are back under their keys, byte for byte; their digests were in the signed manifest.
    expect(restored.out).toMatch(/ 2 document files from /);
    expect(manifest.documents).toHaveLength(2);
    const targetOwner = await openOwnerDatabase(target);
    try {
      const versions = await targetOwner.db.selectFrom('document_versions').select(['storage_key', 'sha256', 'version_no']).orderBy('version_no').execute();
      const restoredStorage = new LocalFolderStorage(join(target.AMAAN_DATA_DIR!, 'documents'));
      const bodies = await Promise.all(versions.map(async (v) => readText(await restoredStorage.get(v.storage_key))));
      expect(bodies).toEqual(DOC_BODIES);
      expect(manifest.documents.map((d: { sha256: string }) => d.sha256).sort()).toEqual(versions.map((v) => v.sha256).sort());
    } finally {
      await targetOwner.close();
    }
    // The restored database serves: a further write and the trail still verifies.
    const user = await amaan(['user', 'create', '--username', 'after.restore', '--role', 'analyst', '--password-stdin'], target, 'a long enough password\n');
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
    const publicKey = loadInstallationKey(source.AMAAN_KEY_DIR!).publicKeyPem;
    const otherKey = installationKeyFrom(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()).publicKeyPem;
    const altered = (name: string, alter: (dir: string) => void) => {
      const copy = join(work, `${engine}-${name}`);
      cpSync(backup, copy, { recursive: true });
      alter(copy);
      return copy;
    };
    const casesFile = (dir: string) => join(dir, 'tables', 'cases.jsonl.gz');
    const row = altered('row', (dir) => {
      const text = gunzipSync(readFileSync(casesFile(dir))).toString('utf8');
      const changed = text.replace(/"title":"[^"]*"/, '"title":"Altered title"');
      expect(changed).not.toBe(text);
      writeFileSync(casesFile(dir), gzipSync(changed));
    });
    await expect(checkBackup(row, publicKey)).rejects.toThrow(/tables\/cases\.jsonl\.gz does not have the SHA-256 its signed manifest records/);
    const manifest = altered('manifest', (dir) => {
      const path = join(dir, 'manifest.json');
      const signed = JSON.parse(readFileSync(path, 'utf8'));
      signed.manifest.anchor.seq -= 1;
      writeFileSync(path, JSON.stringify(signed));
    });
    await expect(checkBackup(manifest, publicKey)).rejects.toThrow(/the backup's manifest is not signed by this installation's key/);
    await expect(checkBackup(altered('missing', (dir) => rmSync(casesFile(dir))), publicKey)).rejects.toThrow(/tables\/cases\.jsonl\.gz is missing/);
    const docFile = (dir: string) => join(dir, 'documents', readdirSync(join(dir, 'documents'))[0]!);
    await expect(checkBackup(altered('document', (dir) => writeFileSync(docFile(dir), 'Altered synthetic copy\n')), publicKey)).rejects.toThrow(/documents\/[0-9a-f-]+ does not have the SHA-256 its signed manifest records/);
    await expect(checkBackup(altered('document-missing', (dir) => rmSync(docFile(dir))), publicKey)).rejects.toThrow(/documents\/[0-9a-f-]+ is missing from the backup/);
    await expect(checkBackup(backup, otherKey)).rejects.toThrow(/not signed by this installation's key/);
    await expect(checkBackup(backup, publicKey)).resolves.toMatchObject({ format: 'amaan-backup-v1' });
    // Through the command line: exit 2, the reason, no stack, and the target left without any trail.
    const target = await freshTarget();
    const r = await amaan(['restore', row], target);
    expectNoStack(r);
    expect(r.code, r.out + r.err).toBe(2);
    expect(r.err).toMatch(/amaan: restore refused: tables\/cases\.jsonl\.gz does not have the SHA-256/);
    expect(existsSync(join(target.AMAAN_DATA_DIR!, 'pglite', 'PG_VERSION'))).toBe(false);
    if (target.DATABASE_URL) {
      const owner = await openOwnerDatabase(target);
      try {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(owner.db);
        expect(rows[0]!.n).toBe(0);
      } finally {
        await owner.close();
      }
    }
  }, SLOW);
});
