import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKeyDir, keyFilePath, readOrCreateKeyFile } from './key-files.ts';

// Field-level encryption: AES-256-GCM, the key id stored beside each ciphertext so keys can be rotated
// (new writes use the current key; old rows stay readable by id).
//
// Every ciphertext is BOUND to the record and field it belongs to: the GCM associated data is a versioned
// context `amaan:v2:<table>.<column>:<row id>` (fieldContext). A ciphertext copied into another row, another
// column or another table fails authentication and is refused (DecryptionError), never decrypted as
// somebody else's data. Bound blobs start with the format byte 0x02: [0x02][iv 12][tag 16][body].
// The legacy (v1) format, [iv 12][tag 16][body] without associated data, is only read by the one-time
// upgrade (decryptLegacyJson), which re-encrypts it bound.
//
// Keyed blind indexes (blindIndex) let exact look-ups (CNIC, passport) run in SQL without plaintext: an
// HMAC-SHA256 of the normalised value under an index key derived from each data key by HKDF (a different
// key from the encryption key). Rows store the index under the key they are encrypted with; a look-up
// computes the index under every loaded key, so a rotation is searchable before `amaan keys reencrypt`
// re-keys the rows.
export interface FieldCrypto {
  keyId: string;
  /** Key ids of every loaded key, the current one first. */
  keyIds: string[];
  /** Whether a value written under `keyId` can be read (the current key or a configured previous one). */
  hasKey(keyId: string): boolean;
  /** Encrypts under the current key, bound to `context` (fieldContext(...)). */
  encryptJson(value: unknown, context: string): Buffer;
  /** Decrypts a bound value; DecryptionError when it was made for another context or altered. */
  decryptJson<T>(keyId: string, blob: Uint8Array, context: string): T;
  /** Reads a legacy (unbound, v1) value: for the one-time upgrade only. */
  decryptLegacyJson<T>(keyId: string, blob: Uint8Array): T;
  /** HMAC index of a normalised value under the index key of `keyId` (default: the current key). */
  blindIndex(kind: string, normalised: string, keyId?: string): string;
  /** The index of a value under every loaded key: what an exact look-up compares against. */
  blindIndexes(kind: string, normalised: string): string[];
}

export const CONTEXT_VERSION = 2;
const BOUND_FORMAT = 0x02;

/** The associated data binding a ciphertext to one field of one record. */
export function fieldContext(table: string, column: string, rowId: string): string {
  return `amaan:v${CONTEXT_VERSION}:${table}.${column}:${rowId}`;
}

/** A stored value that does not authenticate under its key and context: moved, altered, or a wrong key. */
export class DecryptionError extends Error {
  constructor(readonly context: string, readonly keyId: string, reason: string) {
    super(`the encrypted value for ${context} does not authenticate under data key ${keyId} (${reason}): it was altered or copied from another record`);
  }
}

export class MissingKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`data key ${keyId} is not loaded`);
  }
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** The blind-index key of a data key: HKDF-SHA256 with its own label, never the encryption key itself. */
export function indexKeyOf(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from('amaan-blind-index-salt-v1'), Buffer.from('amaan:blind-index:v1'), 32));
}

/** keys[0] encrypts; every key (the current one and earlier ones, AMAAN_DATA_KEYS_PREVIOUS) decrypts. */
export function createFieldCrypto(keys: Buffer[]): FieldCrypto {
  if (keys.length === 0) throw new Error('no data key');
  for (const k of keys) if (k.length !== 32) throw new Error('a data key must be 32 bytes');
  const byId = new Map(keys.map((k) => [keyIdOf(k), k] as const));
  const indexKeys = new Map([...byId].map(([id, k]) => [id, indexKeyOf(k)] as const));
  const current = keys[0]!;
  const currentId = keyIdOf(current);
  const keyFor = (keyId: string) => {
    const key = byId.get(keyId);
    if (!key) throw new MissingKeyError(keyId);
    return key;
  };
  const blindIndex = (kind: string, normalised: string, keyId = currentId) => {
    const key = indexKeys.get(keyId);
    if (!key) throw new MissingKeyError(keyId);
    return createHmac('sha256', key).update(`${kind}\u0000${normalised}`, 'utf8').digest('hex');
  };
  return {
    keyId: currentId,
    keyIds: [...byId.keys()],
    hasKey: (keyId) => byId.has(keyId),
    encryptJson(value, context) {
      if (!context) throw new Error('encryptJson needs a context (fieldContext(table, column, rowId))');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([BOUND_FORMAT]), iv, cipher.getAuthTag(), body]);
    },
    decryptJson<T>(keyId: string, blob: Uint8Array, context: string): T {
      if (!context) throw new Error('decryptJson needs a context (fieldContext(table, column, rowId))');
      const key = keyFor(keyId);
      const buf = Buffer.from(blob);
      if (buf.length < 29 || buf[0] !== BOUND_FORMAT) throw new DecryptionError(context, keyId, 'not a bound ciphertext');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 13));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(buf.subarray(13, 29));
        return JSON.parse(Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString('utf8')) as T;
      } catch (err) {
        throw new DecryptionError(context, keyId, (err as Error).message);
      }
    },
    decryptLegacyJson<T>(keyId: string, blob: Uint8Array): T {
      const key = keyFor(keyId);
      const buf = Buffer.from(blob);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
        decipher.setAuthTag(buf.subarray(12, 28));
        return JSON.parse(Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8')) as T;
      } catch (err) {
        throw new DecryptionError('a legacy value', keyId, (err as Error).message);
      }
    },
    blindIndex,
    blindIndexes: (kind, normalised) => [...indexKeys.keys()].map((id) => blindIndex(kind, normalised, id)),
  };
}

export const DATA_KEY_FILE = 'data-key.b64';
export const LEGACY_DATA_KEY_FILE = DATA_KEY_FILE;

export interface DataKeySource {
  key: Buffer;
  /** Where the key came from: the environment, the key folder, or the legacy file just moved there. */
  source: 'configured' | 'key-file' | 'moved-from-data-folder' | 'ephemeral';
}

/**
 * The configured key (AMAAN_DATA_KEY), else the key file in the key folder (created once). A key file left
 * in the data folder by an earlier version (data/data-key.b64) is moved into the key folder on first start
 * and removed from the data folder, so a copy of the data folder no longer carries its key.
 * With neither a key folder nor a data folder (in-memory tests), an ephemeral key.
 */
export function loadDataKeyFrom(opts: { configured?: string; dataDir?: string; keyDir?: string }): DataKeySource {
  if (opts.configured) return { key: Buffer.from(opts.configured, 'base64'), source: 'configured' };
  if (!opts.keyDir) return { key: randomBytes(32), source: 'ephemeral' };
  const target = keyFilePath(opts.keyDir, DATA_KEY_FILE);
  const legacy = opts.dataDir ? join(opts.dataDir, LEGACY_DATA_KEY_FILE) : null;
  if (legacy && existsSync(legacy)) {
    const old = readFileSync(legacy, 'utf8').trim();
    if (Buffer.from(old, 'base64').length !== 32) throw new Error(`${legacy} does not hold a 32-byte base64 key; nothing was moved`);
    if (existsSync(target)) {
      const there = readFileSync(target, 'utf8').trim();
      if (there !== old) throw new Error(`two different data keys: ${legacy} and ${target}; keep the one the data was encrypted with and remove the other`);
    } else {
      ensureKeyDir(opts.keyDir);
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, old, { mode: 0o600 });
      renameSync(tmp, target);
    }
    rmSync(legacy);
    return { key: Buffer.from(old, 'base64'), source: 'moved-from-data-folder' };
  }
  const text = readOrCreateKeyFile(opts.keyDir, DATA_KEY_FILE, () => randomBytes(32).toString('base64'));
  return { key: Buffer.from(text, 'base64'), source: 'key-file' };
}

/** The configured key, or a key file in the key folder (legacy data-folder file moved there). */
export function loadDataKey(configured: string | undefined, dataDir: string | undefined, keyDir?: string): Buffer {
  return loadDataKeyFrom({ configured, dataDir, keyDir: dataDir ? keyDir : undefined }).key;
}
