import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInstallationKey, verifySignature } from './installation-key.ts';

describe('installation key', () => {
  it('is created once in the key folder, owner-only, and signs what verifySignature accepts', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'amaan-key-')), 'keys');
    const a = loadInstallationKey(dir);
    const b = loadInstallationKey(dir);
    expect(b.keyId).toBe(a.keyId);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'installation-ed25519.pem')).mode & 0o777).toBe(0o600);
    const sig = a.sign('head 42 abc');
    expect(verifySignature(a.publicKeyPem, 'head 42 abc', sig)).toBe(true);
    expect(verifySignature(a.publicKeyPem, 'head 42 abd', sig)).toBe(false);
    expect(verifySignature('not a key', 'head 42 abc', sig)).toBe(false);
    const other = loadInstallationKey(join(dir, '..', 'other'));
    expect(verifySignature(other.publicKeyPem, 'head 42 abc', sig)).toBe(false);
  });
});
