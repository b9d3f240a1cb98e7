import { describe, expect, it } from 'vitest';
import { createFieldCrypto, keyIdOf } from './field-crypto.ts';

const A = Buffer.alloc(32, 1);
const B = Buffer.alloc(32, 2);

describe('field crypto with earlier keys', () => {
  it('encrypts with the first key and reads values under any configured key', () => {
    const old = createFieldCrypto([A]);
    const blob = old.encryptJson({ fullName: 'Test Person' });
    const rotated = createFieldCrypto([B, A]);
    expect(rotated.keyId).toBe(keyIdOf(B));
    expect(rotated.hasKey(keyIdOf(A))).toBe(true);
    expect(rotated.hasKey(keyIdOf(B))).toBe(true);
    expect(rotated.decryptJson(old.keyId, blob)).toEqual({ fullName: 'Test Person' });
    expect(rotated.decryptJson(rotated.keyId, rotated.encryptJson([1, 'x']))).toEqual([1, 'x']);
  });

  it('refuses a value under a key that is not loaded, naming the key id', () => {
    const blob = createFieldCrypto([A]).encryptJson('x');
    const onlyB = createFieldCrypto([B]);
    expect(onlyB.hasKey(keyIdOf(A))).toBe(false);
    expect(() => onlyB.decryptJson(keyIdOf(A), blob)).toThrow(`data key ${keyIdOf(A)} is not loaded`);
  });

  it('key ids are 16 hex digits of the key hash', () => {
    expect(keyIdOf(A)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(A)).not.toBe(keyIdOf(B));
  });
});
