import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createCipheriv, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, DecryptionError, fieldContext, keyIdOf, loadDataKeyFrom, MissingKeyError } from './field-crypto.ts';

const A = Buffer.alloc(32, 1);
const B = Buffer.alloc(32, 2);
const ctxOf = (id: string) => fieldContext('victim_identities', 'ciphertext', id);

/** What the code before migration 0009 wrote: AES-256-GCM without associated data. */
function legacyEncrypt(key: Buffer, value: unknown): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

describe('field crypto with earlier keys', () => {
  it('encrypts with the first key and reads values under any configured key', () => {
    const old = createFieldCrypto([A]);
    const blob = old.encryptJson({ fullName: 'Test Person' }, ctxOf('v1'));
    const rotated = createFieldCrypto([B, A]);
    expect(rotated.keyId).toBe(keyIdOf(B));
    expect(rotated.keyIds).toEqual([keyIdOf(B), keyIdOf(A)]);
    expect(rotated.hasKey(keyIdOf(A))).toBe(true);
    expect(rotated.decryptJson(old.keyId, blob, ctxOf('v1'))).toEqual({ fullName: 'Test Person' });
    expect(rotated.decryptJson(rotated.keyId, rotated.encryptJson([1, 'x'], ctxOf('v2')), ctxOf('v2'))).toEqual([1, 'x']);
  });

  it('refuses a value under a key that is not loaded, naming the key id', () => {
    const blob = createFieldCrypto([A]).encryptJson('x', ctxOf('v1'));
    const onlyB = createFieldCrypto([B]);
    expect(onlyB.hasKey(keyIdOf(A))).toBe(false);
    expect(() => onlyB.decryptJson(keyIdOf(A), blob, ctxOf('v1'))).toThrow(MissingKeyError);
    expect(() => onlyB.decryptJson(keyIdOf(A), blob, ctxOf('v1'))).toThrow(`data key ${keyIdOf(A)} is not loaded`);
  });

  it('key ids are 16 hex digits of the key hash', () => {
    expect(keyIdOf(A)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(A)).not.toBe(keyIdOf(B));
  });
});

describe('ciphertext bound to its record and field', () => {
  const c = createFieldCrypto([A]);
  it('a ciphertext copied to another row, column or table does not decrypt', () => {
    const blob = c.encryptJson({ fullName: 'Test Child' }, ctxOf('victim-1'));
    expect(c.decryptJson(c.keyId, blob, ctxOf('victim-1'))).toEqual({ fullName: 'Test Child' });
    expect(() => c.decryptJson(c.keyId, blob, ctxOf('victim-2'))).toThrow(DecryptionError);
    expect(() => c.decryptJson(c.keyId, blob, fieldContext('victim_identities', 'other', 'victim-1'))).toThrow(DecryptionError);
    expect(() => c.decryptJson(c.keyId, blob, fieldContext('persons', 'sealed', 'victim-1'))).toThrow(DecryptionError);
  });

  it('the error names the context and key, never the value', () => {
    const blob = c.encryptJson({ fullName: 'Secret Name' }, ctxOf('victim-1'));
    try {
      c.decryptJson(c.keyId, blob, ctxOf('victim-2'));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DecryptionError);
      expect((err as Error).message).toContain('amaan:v2:victim_identities.ciphertext:victim-2');
      expect((err as Error).message).not.toContain('Secret');
    }
  });

  it('an altered ciphertext is refused', () => {
    const blob = c.encryptJson('x', ctxOf('v'));
    blob[blob.length - 1]! ^= 1;
    expect(() => c.decryptJson(c.keyId, blob, ctxOf('v'))).toThrow(DecryptionError);
  });

  it('a legacy unbound ciphertext is not accepted as bound; only the upgrade path reads it', () => {
    const legacy = legacyEncrypt(A, { fullName: 'Old Record' });
    expect(() => c.decryptJson(c.keyId, legacy, ctxOf('v'))).toThrow(DecryptionError);
    expect(c.decryptLegacyJson(c.keyId, legacy)).toEqual({ fullName: 'Old Record' });
    // and a bound value is not readable as a legacy one
    expect(() => c.decryptLegacyJson(c.keyId, c.encryptJson('x', ctxOf('v')))).toThrow(DecryptionError);
  });

  it('refuses to encrypt without a context', () => {
    expect(() => c.encryptJson('x', '')).toThrow(/context/);
  });
});

describe('blind indexes', () => {
  it('are keyed, differ from the encryption key, by kind, and are found under every loaded key', () => {
    const a = createFieldCrypto([A]);
    const rotated = createFieldCrypto([B, A]);
    const ix = a.blindIndex('cnic', '3520212345671');
    expect(ix).toMatch(/^[0-9a-f]{64}$/);
    expect(a.blindIndex('cnic', '3520212345671')).toBe(ix);
    expect(a.blindIndex('passport', '3520212345671')).not.toBe(ix);
    expect(createFieldCrypto([B]).blindIndex('cnic', '3520212345671')).not.toBe(ix);
    expect(rotated.blindIndexes('cnic', '3520212345671')).toContain(ix);
    expect(rotated.blindIndexes('cnic', '3520212345671')).toHaveLength(2);
  });
});

describe('the embedded data key lives in the key folder', () => {
  it('is created in the key folder, owner-only, never in the data folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'amaan-dk-'));
    const dataDir = join(root, 'data');
    const keyDir = join(root, 'data-keys');
    mkdirSync(dataDir);
    const first = loadDataKeyFrom({ dataDir, keyDir });
    expect(first.source).toBe('key-file');
    expect(first.key).toHaveLength(32);
    expect(existsSync(join(dataDir, 'data-key.b64'))).toBe(false);
    expect(statSync(join(keyDir, 'data-key.b64')).mode & 0o777).toBe(0o600);
    expect(loadDataKeyFrom({ dataDir, keyDir }).key.equals(first.key)).toBe(true);
  });

  it('a legacy key file in the data folder is moved to the key folder and removed from the data folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'amaan-dk-'));
    const dataDir = join(root, 'data');
    const keyDir = join(root, 'data-keys');
    mkdirSync(dataDir);
    const legacy = randomBytes(32).toString('base64');
    writeFileSync(join(dataDir, 'data-key.b64'), legacy, { mode: 0o600 });
    const moved = loadDataKeyFrom({ dataDir, keyDir });
    expect(moved.source).toBe('moved-from-data-folder');
    expect(moved.key.toString('base64')).toBe(legacy);
    expect(existsSync(join(dataDir, 'data-key.b64'))).toBe(false);
    expect(readFileSync(join(keyDir, 'data-key.b64'), 'utf8').trim()).toBe(legacy);
    expect(loadDataKeyFrom({ dataDir, keyDir })).toEqual({ key: Buffer.from(legacy, 'base64'), source: 'key-file' });
  });

  it('refuses two different keys (legacy and key folder) instead of picking one', () => {
    const root = mkdtempSync(join(tmpdir(), 'amaan-dk-'));
    const dataDir = join(root, 'data');
    const keyDir = join(root, 'data-keys');
    mkdirSync(dataDir);
    loadDataKeyFrom({ dataDir, keyDir });
    writeFileSync(join(dataDir, 'data-key.b64'), randomBytes(32).toString('base64'));
    expect(() => loadDataKeyFrom({ dataDir, keyDir })).toThrow(/two different data keys/);
    expect(existsSync(join(dataDir, 'data-key.b64'))).toBe(true);
  });

  it('AMAAN_DATA_KEY wins over any file', () => {
    const k = randomBytes(32).toString('base64');
    expect(loadDataKeyFrom({ configured: k, dataDir: '/nonexistent', keyDir: '/nonexistent-keys' })).toEqual({ key: Buffer.from(k, 'base64'), source: 'configured' });
  });
});
