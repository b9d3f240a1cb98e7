import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { PREPARED_MARK, prepareMarkedStatements } from './prepared.ts';

// A stand-in for a pooled client: records what reaches node-postgres's query().
function fakeClient() {
  const calls: unknown[][] = [];
  const client = { query: (...args: unknown[]) => { calls.push(args); return Promise.resolve({ rows: [] }); } };
  prepareMarkedStatements(client as unknown as pg.PoolClient);
  return { client: client as unknown as { query: (...a: unknown[]) => Promise<unknown> }, calls };
}

describe('prepared statements', () => {
  it('sends a marked statement as a named one, the same name for the same text, another for another text', async () => {
    const { client, calls } = fakeClient();
    const a = `${PREPARED_MARK}SELECT $1::int`;
    const b = `${PREPARED_MARK}SELECT $1::text`;
    await client.query(a, [1]);
    await client.query(a, [2]);
    await client.query(b, ['x']);
    const [first, second, third] = calls.map((c) => c[0] as { name: string; text: string; values: unknown[] });
    expect(first).toMatchObject({ text: a, values: [1] });
    expect(first!.name).toMatch(/^amaan_[0-9a-f]{24}$/);
    expect(second).toEqual({ name: first!.name, text: a, values: [2] });
    expect(third!.name).not.toBe(first!.name);
  });

  it('leaves unmarked statements (and query objects) as they were', async () => {
    const { client, calls } = fakeClient();
    await client.query('SELECT 1', []);
    const config = { text: 'SELECT 2' };
    await client.query(config);
    expect(calls).toEqual([['SELECT 1', []], [config]]);
  });
});
