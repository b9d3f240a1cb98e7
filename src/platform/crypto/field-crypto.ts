import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Field-level encryption of victim identities: AES-256-GCM, the key id stored beside each ciphertext
// so keys can be rotated (new writes use the current key; old rows stay readable by id).
export interface FieldCrypto {
  keyId: string;
  /** Whether a value written under `keyId` can be read (the current key or a configured previous one). */
  hasKey(keyId: string): boolean;
  encryptJson(value: unknown): Buffer;
  decryptJson<T>(keyId: string, blob: Uint8Array): T;
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** keys[0] encrypts; every key (the current one and earlier ones, AMAAN_DATA_KEYS_PREVIOUS) decrypts. */
export function createFieldCrypto(keys: Buffer[]): FieldCrypto {
  if (keys.length === 0) throw new Error('no data key');
  const byId = new Map(keys.map((k) => [keyIdOf(k), k] as const));
  const current = keys[0]!;
  return {
    keyId: keyIdOf(current),
    hasKey: (keyId) => byId.has(keyId),
    encryptJson(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptJson<T>(keyId: string, blob: Uint8Array): T {
      const key = byId.get(keyId);
      if (!key) throw new Error(`data key ${keyId} is not loaded`);
      const buf = Buffer.from(blob);
      const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return JSON.parse(Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8')) as T;
    },
  };
}

/** The configured key, or for the embedded mode a key file created once in the data folder. */
export function loadDataKey(configured: string | undefined, dataDir: string | undefined): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  if (!dataDir) return randomBytes(32);
  const file = join(dataDir, 'data-key.b64');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
