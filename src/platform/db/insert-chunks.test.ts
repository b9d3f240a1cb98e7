import { describe, expect, it } from 'vitest';
import { insertChunks, insertInChunks, MAX_BIND_PARAMETERS } from './insert-chunks.ts';

describe('insertChunks', () => {
  it('keeps every chunk within the parameter limit and loses no row, in order', () => {
    const rows = Array.from({ length: 70_001 }, (_, i) => ({ a: i, b: 'x', c: null, d: 1, e: 2 }));
    const chunks = insertChunks(rows);
    expect(chunks.every((c) => c.length * 5 <= MAX_BIND_PARAMETERS)).toBe(true);
    expect(chunks.flat()).toEqual(rows);
    expect(chunks.length).toBe(Math.ceil(70_001 / Math.floor(MAX_BIND_PARAMETERS / 5)));
  });

  it('counts the union of keys when rows differ (an absent key still takes a column)', () => {
    const rows = [{ a: 1 }, { b: 2 }, { c: 3 }, { a: 4 }];
    expect(insertChunks(rows, 6).map((c) => c.length)).toEqual([2, 2]);
  });

  it('answers nothing for nothing and never an empty chunk', async () => {
    expect(insertChunks([])).toEqual([]);
    const seen: number[] = [];
    await insertInChunks([{ a: 1 }, { a: 2 }, { a: 3 }], async (c) => { seen.push(c.length); }, 2);
    expect(seen).toEqual([2, 1]);
  });
});
