import { describe, expect, it } from 'vitest';
import { planReencryption } from './identity.reencrypt.ts';

describe('planReencryption', () => {
  const loaded = new Set(['cur', 'old1', 'old2']);
  const has = (id: string) => loaded.has(id);

  it('counts values already current and those to re-encrypt, by key', () => {
    const plan = planReencryption([{ keyId: 'old2', count: 2 }, { keyId: 'cur', count: 5 }, { keyId: 'old1', count: 3 }], 'cur', has);
    expect(plan).toEqual({ currentKeyId: 'cur', current: 5, stale: [{ keyId: 'old1', count: 3 }, { keyId: 'old2', count: 2 }], staleTotal: 5, missing: [] });
  });

  it('names keys that are not loaded', () => {
    const plan = planReencryption([{ keyId: 'gone', count: 4 }, { keyId: 'old1', count: 1 }], 'cur', has);
    expect(plan.missing).toEqual(['gone']);
    expect(plan.current).toBe(0);
    expect(plan.staleTotal).toBe(5);
  });

  it('has nothing to do on an empty table or when all is current', () => {
    expect(planReencryption([], 'cur', has)).toMatchObject({ current: 0, staleTotal: 0, stale: [], missing: [] });
    expect(planReencryption([{ keyId: 'cur', count: 7 }], 'cur', () => false)).toMatchObject({ current: 7, staleTotal: 0, missing: [] });
  });
});
