import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../platform/auth/passwords.ts';
import { demoPassword, demoUsers } from './demo.figures.ts';
import { demoPasswordHashes } from './demo.passwords.ts';

describe('precomputed demo password hashes', () => {
  it('has one argon2id hash per demo user, matching the documented password', async () => {
    expect(Object.keys(demoPasswordHashes).sort()).toEqual(demoUsers.map((u) => u.username).sort());
    for (const u of demoUsers) {
      const hash = demoPasswordHashes[u.username]!;
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(hash, demoPassword(u.username))).toBe(true);
      expect(await verifyPassword(hash, 'wrong password')).toBe(false);
    }
  });
});
