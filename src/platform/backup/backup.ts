import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql } from 'kysely';
import type { Db, Engine } from '../db/database.ts';
import { canonicalJson } from '../text/well-formed.ts';
import { verifySignature, type InstallationKey } from '../crypto/installation-key.ts';
import { verifyAuditChain, type Anchor, type VerifyResult } from '../audit/audit.ts';
import type { ObjectStorage } from '../storage/storage.ts';

// `amaan backup` / `amaan restore` (issue 13, section 4): a logical copy of every table of the schema, the same on
// PGlite and PostgreSQL, taken in ONE read-only, repeatable-read snapshot (PostgreSQL keeps serving meanwhile).
//
// A backup is a folder:
//   manifest.json            { manifest, signature }: the manifest signed (Ed25519) with the installation key
//   tables/<table>.jsonl.gz  one JSON object per row (row_to_json, in primary-key order, TimeZone UTC)
// The manifest lists each table's file (SHA-256 of the gzip file as written, and of the row lines, with the row
// count), every sequence's position, the migrations the schema was at, and the ANCHOR: the audit trail's head
// (seq and keyed hash) inside the snapshot. No key is ever written: the data key, the audit key and the signing key
// stay in the key folder or the environment; only their ids are named. A restore checks the signature and every
// file before it touches the database, restores in one transaction, recomputes every table's digest, verifies the
// whole audit chain against the anchor with the installation's audit key, and commits only when all agree.
//
// Document files (the bytes behind document_versions, in the document storage) are copied too, when the caller
// gives the storage: documents/<storage key>, each with its SHA-256 and size in the signed manifest; a file whose
// bytes are not those the database recorded, or that is missing, refuses the backup. A restore checks them with
// the tables and writes them back under the same keys (stores offering putAt: the local folder) before it commits.

export const BACKUP_FORMAT = 'amaan-backup-v1';
const PURPOSE = 'amaan-backup-manifest-v1';
/** Tables that belong to the migrator itself: the target's own migrations make them. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
const IDENT = /^[a-z_][a-z0-9_]*$/;
const FETCH_ROWS = 2000;
const INSERT_BYTES = 2_000_000;

export interface TableEntry {
  name: string;
  file: string;
  rows: number;
  /** SHA-256 (hex) of the row lines ("<json>\n" each), i.e. of the uncompressed file. */
  rowsSha256: string;
  /** SHA-256 (hex) of the gzip file as written. */
  fileSha256: string;
  fileBytes: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  engine: Engine;
  migrations: string[];
  tables: TableEntry[];
  sequences: Array<{ name: string; lastValue: number | null }>;
  /** The audit trail's head inside the snapshot: restore verifies the chain up to it. */
  anchor: Anchor & { entries: number };
  /** The document files of every document version in the snapshot (absent in backups made without them). */
  documents?: DocumentFileEntry[];
  /** Which keys the installation used (ids only: the keys are never in a backup). */
  keys: { signingKeyId: string; auditKeyId: string };
}

export interface DocumentFileEntry {
  /** The storage key, as document_versions.storage_key names it. */
  key: string;
  file: string;
  sha256: string;
  size: number;
}

/** Storage keys written as file names: nothing that could leave the backup folder. */
const FILE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export interface SignedManifest {
  manifest: BackupManifest;
  signature: string;
}

export type BackupProgress = { phase: 'tables' | 'documents' | 'verify' | 'restore' | 'digest'; table?: string; done: number; total: number };

export class BackupRefused extends Error {}

const signedText = (m: BackupManifest) => canonicalJson({ purpose: PURPOSE, manifest: m as never });

interface TableInfo {
  name: string;
  columns: string[];
  key: string[];
}

const quote = (name: string) => {
  if (!IDENT.test(name)) throw new Error(`unexpected identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
};

/** The application's tables (schema public, base tables), their storable columns and primary key, by name. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const { rows } = await sql<{ table_name: string; columns: string[]; key: string[] | null }>`
    SELECT c.relname AS table_name,
           array(SELECT a.attname::text FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  ORDER BY a.attnum) AS columns,
           (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
              FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
             WHERE i.indrelid = c.oid AND i.indisprimary) AS key
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`.execute(db);
  return rows.filter((r) => !MIGRATOR_TABLES.has(r.table_name)).map((r) => ({ name: r.table_name, columns: r.columns, key: r.key ?? [] }));
}

/** Reads every row of a table as its JSON text, in a stable order, batch by batch (a cursor: memory stays flat). */
async function eachRow(db: Db, t: TableInfo, onBatch: (lines: string[]) => Promise<void> | void): Promise<void> {
  const order = t.key.length ? t.key.map(quote).join(', ') : `t::text COLLATE "C"`;
  const cursor = `amaan_backup_${t.name}`.slice(0, 60);
  await sql.raw(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ONLY ${quote(t.name)} t ORDER BY ${order}`).execute(db);
  for (;;) {
    const { rows } = await sql.raw<{ j: string }>(`FETCH FORWARD ${FETCH_ROWS} FROM ${cursor}`).execute(db);
    if (rows.length) await onBatch(rows.map((r) => r.j));
    if (rows.length < FETCH_ROWS) break;
  }
  await sql.raw(`CLOSE ${cursor}`).execute(db);
}

/** Settings that make row_to_json's text the same in every session (run inside the transaction). */
async function stableText(db: Db): Promise<void> {
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(db);
  await sql`SET LOCAL extra_float_digits = 1`.execute(db);
  await sql`SET LOCAL bytea_output = 'hex'`.execute(db);
  await sql`SET LOCAL IntervalStyle = 'postgres'`.execute(db);
}

export interface TableDigest {
  rows: number;
  sha256: string;
}

/** Row count and SHA-256 of every table's rows, as a backup writes them (call inside a transaction). */
export async function tableDigestsIn(db: Db, tables?: TableInfo[]): Promise<Record<string, TableDigest>> {
  await stableText(db);
  const out: Record<string, TableDigest> = {};
  for (const t of tables ?? (await listTables(db))) {
    const h = createHash('sha256');
    let rows = 0;
    await eachRow(db, t, (lines) => {
      rows += lines.length;
      for (const l of lines) h.update(l).update('\n');
    });
    out[t.name] = { rows, sha256: h.digest('hex') };
  }
  return out;
}

/** Row count and digest of every table, in one snapshot (tests compare an original and its restored copy). */
export function tableDigests(db: Db): Promise<Record<string, TableDigest>> {
  return db.transaction().setIsolationLevel('repeatable read').execute((tx) => tableDigestsIn(tx));
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const h = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: h.digest('hex'), bytes };
}

export interface BackupOptions {
  engine: Engine;
  signingKey: InstallationKey;
  auditKeyId: string;
  /** The document storage: its files are copied into the backup (left out when not given). */
  documents?: ObjectStorage;
  onProgress?: (p: BackupProgress) => void;
}

/**
 * Writes a backup of the database into `outDir` (created; must not exist or be empty). Everything is read in one
 * repeatable-read, read-only transaction, so the copy is one consistent moment of a database that keeps serving.
 * The folder is written as `<outDir>.partial` and renamed when complete: a folder named `outDir` is always whole.
 */
export async function writeBackup(db: Db, outDir: string, opts: BackupOptions): Promise<SignedManifest> {
  const target = resolve(outDir);
  if (existsSync(target) && readdirSync(target).length) throw new BackupRefused(`${target} exists and is not empty: give a new folder for the backup`);
  const partial = `${target}.partial`;
  await rm(partial, { recursive: true, force: true });
  mkdirSync(join(partial, 'tables'), { recursive: true, mode: 0o700 });
  try {
    const manifest = await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
      await stableText(tx);
      const tables = await listTables(tx);
      const migrations = await appliedMigrations(tx);
      const { rows: seqs } = await sql<{ name: string; last_value: number | null }>`
        SELECT sequencename::text AS name, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`.execute(tx);
      const head = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const { rows: countRows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(tx);
      if (!head) throw new BackupRefused('the audit trail is empty: nothing to anchor the backup to');
      const entries: TableEntry[] = [];
      let done = 0;
      for (const t of tables) {
        opts.onProgress?.({ phase: 'tables', table: t.name, done, total: tables.length });
        const file = `tables/${t.name}.jsonl.gz`;
        const path = join(partial, file);
        const gzip = createGzip({ level: 6 });
        const out = createWriteStream(path, { mode: 0o600 });
        const finished = once(out, 'finish');
        gzip.pipe(out);
        const h = createHash('sha256');
        let rows = 0;
        await eachRow(tx, t, async (lines) => {
          rows += lines.length;
          const text = `${lines.join('\n')}\n`;
          h.update(text);
          if (!gzip.write(text)) await once(gzip, 'drain');
        });
        gzip.end();
        await finished;
        const f = await sha256File(path);
        entries.push({ name: t.name, file, rows, rowsSha256: h.digest('hex'), fileSha256: f.sha256, fileBytes: f.bytes });
        done++;
      }
      opts.onProgress?.({ phase: 'tables', done, total: tables.length });
      const documents = opts.documents ? await copyDocumentFiles(tx, opts.documents, partial, opts.onProgress) : undefined;
      const m: BackupManifest = {
        format: BACKUP_FORMAT,
        createdAt: new Date().toISOString(),
        engine: opts.engine,
        migrations,
        tables: entries,
        sequences: seqs.map((s) => ({ name: s.name, lastValue: s.last_value === null ? null : Number(s.last_value) })),
        anchor: { seq: Number(head.seq), hash: head.hash, entries: Number(countRows[0]!.n) },
        ...(documents ? { documents } : {}),
        keys: { signingKeyId: opts.signingKey.keyId, auditKeyId: opts.auditKeyId },
      };
      return m;
    });
    const signed: SignedManifest = { manifest, signature: opts.signingKey.sign(signedText(manifest)) };
    await writeFile(join(partial, 'manifest.json'), `${JSON.stringify(signed, null, 2)}\n`, { mode: 0o600 });
    if (existsSync(target)) await rm(target, { recursive: true });
    await rename(partial, target);
    return signed;
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}

/** Copies the file of every document version of the snapshot into `<dir>/documents/`, checking each against its row. */
async function copyDocumentFiles(tx: Db, storage: ObjectStorage, dir: string, onProgress?: (p: BackupProgress) => void): Promise<DocumentFileEntry[]> {
  const rows = await tx.selectFrom('document_versions').select(['storage_key', 'sha256', 'size_bytes']).distinct().orderBy('storage_key').execute();
  mkdirSync(join(dir, 'documents'), { recursive: true, mode: 0o700 });
  const out: DocumentFileEntry[] = [];
  for (const r of rows) {
    onProgress?.({ phase: 'documents', done: out.length, total: rows.length });
    if (!FILE_KEY.test(r.storage_key)) throw new BackupRefused(`a document version names the storage key ${JSON.stringify(r.storage_key)}, which cannot be a file name`);
    const file = `documents/${r.storage_key}`;
    let source;
    try {
      source = await storage.get(r.storage_key);
    } catch {
      throw new BackupRefused(`the document file ${r.storage_key} is missing from the document storage: the backup would not hold it; refused`);
    }
    const h = createHash('sha256');
    let size = 0;
    const out2 = createWriteStream(join(dir, file), { mode: 0o600 });
    for await (const chunk of source) {
      h.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (!out2.write(chunk)) await once(out2, 'drain');
    }
    out2.end();
    await once(out2, 'finish');
    const sha256 = h.digest('hex');
    if (sha256 !== r.sha256 || size !== Number(r.size_bytes)) throw new BackupRefused(`the document file ${r.storage_key} does not have the SHA-256 and size its version recorded: the storage was altered or damaged; refused`);
    out.push({ key: r.storage_key, file, sha256, size });
  }
  onProgress?.({ phase: 'documents', done: out.length, total: rows.length });
  return out;
}

/**
 * Reads a backup folder and refuses it unless the manifest's signature verifies with this installation's signing key
 * and every table file has the size and SHA-256 the manifest gives. Nothing is restored from a refused backup.
 */
export async function checkBackup(dir: string, publicKeyPem: string, onProgress?: (p: BackupProgress) => void): Promise<BackupManifest> {
  const path = join(resolve(dir), 'manifest.json');
  if (!existsSync(path)) throw new BackupRefused(`${dir} is not an Amaan backup (no manifest.json)`);
  let signed: SignedManifest;
  try {
    signed = JSON.parse(await readFile(path, 'utf8')) as SignedManifest;
  } catch {
    throw new BackupRefused(`${path} is not readable JSON: the backup is damaged`);
  }
  const m = signed?.manifest;
  if (!m || m.format !== BACKUP_FORMAT || typeof signed.signature !== 'string' || !Array.isArray(m.tables)) throw new BackupRefused(`${path} is not an ${BACKUP_FORMAT} manifest`);
  if (!verifySignature(publicKeyPem, signedText(m), signed.signature)) {
    throw new BackupRefused(`the backup's manifest is not signed by this installation's key (${m.keys?.signingKeyId ? `signed as key ${m.keys.signingKeyId}` : 'no key named'}): altered, or made by another installation; refused`);
  }
  let done = 0;
  for (const t of m.tables) {
    onProgress?.({ phase: 'verify', table: t.name, done, total: m.tables.length });
    if (!IDENT.test(t.name) || t.file !== `tables/${t.name}.jsonl.gz`) throw new BackupRefused(`the manifest names an unexpected table file ${JSON.stringify(t.file)}`);
    const file = join(resolve(dir), t.file);
    if (!existsSync(file)) throw new BackupRefused(`${t.file} is missing from the backup`);
    const f = await sha256File(file);
    if (f.sha256 !== t.fileSha256 || f.bytes !== t.fileBytes) throw new BackupRefused(`${t.file} does not have the SHA-256 its signed manifest records: the backup was altered or damaged; refused`);
    done++;
  }
  if (m.documents !== undefined) {
    if (!Array.isArray(m.documents)) throw new BackupRefused(`${path} lists its documents wrongly`);
    for (const d of m.documents) {
      if (!FILE_KEY.test(d.key) || d.file !== `documents/${d.key}`) throw new BackupRefused(`the manifest names an unexpected document file ${JSON.stringify(d.file)}`);
      const file = join(resolve(dir), d.file);
      if (!existsSync(file)) throw new BackupRefused(`${d.file} is missing from the backup`);
      const f = await sha256File(file);
      if (f.sha256 !== d.sha256 || f.bytes !== d.size) throw new BackupRefused(`${d.file} does not have the SHA-256 its signed manifest records: the backup was altered or damaged; refused`);
    }
  }
  onProgress?.({ phase: 'verify', done, total: m.tables.length });
  return m;
}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  /** Document files written back. */
  documents: number;
  audit: VerifyResult;
}

/**
 * Restores a checked backup into `db` (the target's OWNER connection, schema already migrated to the backup's
 * migrations, no audit entry yet). One transaction: triggers and foreign-key checks are off for it
 * (session_replication_role = replica; superuser, or GRANT SET ON PARAMETER on PostgreSQL 15), every table is
 * emptied of what migrations seeded, filled from the backup, sequences set; then every table's digest is compared
 * with the manifest and the audit chain verified with `auditDb`'s key against the anchor. Any difference rolls
 * everything back.
 */
export async function restoreBackup(
  db: Db,
  dir: string,
  manifest: BackupManifest,
  opts: { verifyAudit: (tx: Db, anchor: Anchor) => Promise<VerifyResult>; documents?: ObjectStorage; onProgress?: (p: BackupProgress) => void },
): Promise<RestoreResult> {
  const files = manifest.documents ?? [];
  if (files.length && !opts.documents) throw new BackupRefused('the backup holds document files and no document storage was given to restore them into');
  if (files.length && !opts.documents!.putAt) throw new BackupRefused('the backup holds document files and this document storage cannot write them under their keys (restore into the local folder storage, then copy it to the object store)');
  for (const d of files) {
    const there = await opts.documents!.get(d.key).then((r) => { r.destroy(); return true; }, () => false);
    if (there) throw new BackupRefused(`the document storage already holds ${d.key}: restore into an empty document folder`);
  }
  const migrations = await appliedMigrations(db);
  const missing = manifest.migrations.filter((n) => !migrations.includes(n));
  const extra = migrations.filter((n) => !manifest.migrations.includes(n));
  if (missing.length || extra.length) {
    throw new BackupRefused(`the backup's schema (${manifest.migrations.length} migrations) is not this version's (${migrations.length}): ${missing.length ? `unknown here: ${missing.join(', ')}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `newer here: ${extra.join(', ')}` : ''}. Restore with the version that made the backup, then upgrade`);
  }
  const present = await db.selectFrom('audit_log').select('seq').limit(1).executeTakeFirst();
  if (present) throw new BackupRefused('the target database already has an audit trail: restore only into a fresh database (a new, empty database or data folder)');

  const written: string[] = [];
  return db.transaction().execute(async (tx) => {
    await stableText(tx);
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    const tables = await listTables(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const unknown = manifest.tables.filter((t) => !byName.has(t.name)).map((t) => t.name);
    if (unknown.length) throw new BackupRefused(`the backup holds tables this schema does not have: ${unknown.join(', ')}`);
    if (tables.length) await sql.raw(`TRUNCATE ${tables.map((t) => quote(t.name)).join(', ')}`).execute(tx);
    let rowsTotal = 0;
    let done = 0;
    for (const entry of manifest.tables) {
      opts.onProgress?.({ phase: 'restore', table: entry.name, done, total: manifest.tables.length });
      const t = byName.get(entry.name)!;
      const cols = t.columns.map(quote).join(', ');
      const insert = (json: string) => sql`INSERT INTO ${sql.raw(`${quote(t.name)} (${cols})`)} OVERRIDING SYSTEM VALUE SELECT ${sql.raw(cols)} FROM json_populate_recordset(${sql.raw(`NULL::${quote(t.name)}`)}, ${json}::json)`.execute(tx);
      let batch: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (!batch.length) return;
        await insert(`[${batch.join(',')}]`);
        batch = [];
        bytes = 0;
      };
      const lines = createInterface({ input: createReadStream(join(resolve(dir), entry.file)).pipe(createGunzip()), crlfDelay: Infinity });
      const h = createHash('sha256');
      let rows = 0;
      for await (const line of lines) {
        h.update(line).update('\n');
        rows++;
        batch.push(line);
        bytes += line.length;
        if (bytes >= INSERT_BYTES) await flush();
      }
      await flush();
      if (rows !== entry.rows || h.digest('hex') !== entry.rowsSha256) throw new BackupRefused(`${entry.file}: its rows do not match the manifest: the backup was altered; refused`);
      rowsTotal += rows;
      done++;
    }
    for (const s of manifest.sequences) {
      if (!IDENT.test(s.name)) throw new BackupRefused(`unexpected sequence name ${JSON.stringify(s.name)}`);
      if (s.lastValue === null) await sql.raw(`ALTER SEQUENCE ${quote(s.name)} RESTART`).execute(tx);
      else await sql`SELECT setval(${quote(s.name)}::regclass, ${s.lastValue}::bigint, true)`.execute(tx);
    }
    await sql`SET LOCAL session_replication_role = origin`.execute(tx);
    opts.onProgress?.({ phase: 'digest', done: 0, total: 1 });
    const digests = await tableDigestsIn(tx, tables);
    for (const entry of manifest.tables) {
      const d = digests[entry.name];
      if (!d || d.rows !== entry.rows || d.sha256 !== entry.rowsSha256) throw new BackupRefused(`table ${entry.name} does not read back as backed up (${d?.rows ?? 0} rows): nothing was restored`);
    }
    for (const t of tables) {
      if (!manifest.tables.some((e) => e.name === t.name) && digests[t.name]!.rows > 0) throw new BackupRefused(`table ${t.name} is not in the backup`);
    }
    const audit = await opts.verifyAudit(tx, manifest.anchor);
    if (!audit.ok) throw new BackupRefused(`the restored audit trail does not verify against the anchor ${manifest.anchor.seq}:${manifest.anchor.hash.slice(0, 12)}… (${audit.problems.slice(0, 3).map((p) => `${p.kind} at ${p.seq ?? 'trail'}: ${p.detail}`).join('; ')}): nothing was restored`);
    if (audit.headSeq !== manifest.anchor.seq || audit.headHash !== manifest.anchor.hash) throw new BackupRefused('the restored audit trail does not end at the anchor of the manifest: nothing was restored');
    opts.onProgress?.({ phase: 'digest', done: 1, total: 1 });
    // The document files last, before the commit: a file that does not write back as backed up undoes it all.
    for (const d of files) {
      opts.onProgress?.({ phase: 'documents', done: written.length, total: files.length });
      written.push(d.key);
      const stored = await opts.documents!.putAt!(d.key, createReadStream(join(resolve(dir), d.file)));
      if (stored.sha256 !== d.sha256 || stored.size !== d.size) throw new BackupRefused(`the document file ${d.key} did not write back as backed up: nothing was restored`);
    }
    return { manifest, tables: manifest.tables.length, rows: rowsTotal, documents: files.length, audit };
  }).catch(async (err: unknown) => {
    for (const key of written) await opts.documents!.delete(key).catch(() => undefined);
    throw err;
  });
}

/** The audit chain verified with the installation's audit key and ONLY the manifest's anchor (no checkpoint file). */
export function verifyAgainstAnchor(tx: Db, anchor: Anchor): Promise<VerifyResult> {
  return verifyAuditChain(tx, [anchor]);
}

export const backupName = (dir: string) => basename(resolve(dir));
