import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayCount, publishableExtreme, suppressTable, type SuppressedTable } from '../../src/modules/stats/figures/suppress.ts';

// Suppression of small counts (issue 12, part 4), attacked. The attacker reads the published table (shown
// counts, "<5" and "x" cells, the published totals) and knows the rule ("<5" is 1..4, "x" is 5 or more). For
// each "<5" cell they search for every table consistent with what is published: if all have the same value
// in that cell, the cell was derived. The tests require a second consistent table for every "<5" cell.

/** What the reader can work out: another whole-number table consistent with everything published, in which
 *  cell (ti, tj) differs from its true value. Constraint search with bounds propagation. */
function alternativeExists(t: SuppressedTable, ti: number, tj: number, cap: number): boolean {
  const R = t.rows;
  const C = t.columns;
  const rows = t.values.length;
  const cols = t.values[0]!.length;
  type Line = Array<{ i: number; j: number; sign: number }>;
  const lines: Line[] = [];
  const sign = (i: number, j: number) => ((i < R) === (j < C) ? 1 : -1);
  if (t.hasRowTotals) for (let i = 0; i < rows; i++) lines.push(Array.from({ length: cols }, (_, j) => ({ i, j, sign: sign(i, j) })));
  if (t.hasColumnTotals) for (let j = 0; j < cols; j++) lines.push(Array.from({ length: rows }, (_, i) => ({ i, j, sign: sign(i, j) })));
  const unknown: Array<[number, number]> = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (t.state[i]![j] !== 'shown') unknown.push([i, j]);
  const lo = (i: number, j: number) => (t.state[i]![j] === 'complement' ? 5 : 1);
  const hi = (i: number, j: number) => (t.state[i]![j] === 'primary' ? 4 : cap);
  const value = new Map<string, number>();
  const key = (i: number, j: number) => `${i},${j}`;
  const get = (i: number, j: number) => (t.state[i]![j] === 'shown' ? t.values[i]![j]! : value.get(key(i, j)));
  const feasible = () => lines.every((line) => {
    let fixed = 0;
    let min = 0;
    let max = 0;
    for (const c of line) {
      const v = get(c.i, c.j);
      if (v !== undefined) fixed += c.sign * v;
      else if (c.sign > 0) { min += lo(c.i, c.j); max += hi(c.i, c.j); } else { min -= hi(c.i, c.j); max -= lo(c.i, c.j); }
    }
    return fixed + min <= 0 && 0 <= fixed + max;
  });
  // The target first, with every value but the true one.
  const order = [[ti, tj] as [number, number], ...unknown.filter(([i, j]) => !(i === ti && j === tj))];
  const search = (k: number): boolean => {
    if (k === order.length) return true;
    const [i, j] = order[k]!;
    for (let v = lo(i, j); v <= hi(i, j); v++) {
      if (k === 0 && v === t.values[i]![j]) continue;
      value.set(key(i, j), v);
      if (feasible() && search(k + 1)) return true;
    }
    value.delete(key(i, j));
    return false;
  };
  return search(0);
}

function assertSafe(t: SuppressedTable) {
  const cap = t.values.flat().reduce((a, b) => a + b, 0) + 10;
  for (let i = 0; i < t.values.length; i++) {
    for (let j = 0; j < t.values[0]!.length; j++) {
      const v = t.values[i]![j]!;
      if (v >= 1 && v <= 4) expect(t.display[i]![j], `cell ${i},${j} = ${v} shown`).toBe(t.withheld ? 'x' : '<5');
      if (t.state[i]![j] === 'shown') expect(t.display[i]![j]).toBe(String(v));
      if (t.state[i]![j] === 'primary' || (t.state[i]![j] === 'withheld' && v < 5)) expect(alternativeExists(t, i, j, cap), `cell ${i},${j} (${v}) derivable from ${JSON.stringify(t.display)}`).toBe(true);
    }
  }
  expect(t.unprotected).toEqual([]);
}

describe('suppression of small counts', () => {
  it('shows 1..4 as "<5", keeps 0 and 5+, computes the totals', () => {
    const t = suppressTable({ cells: [[0, 5, 12], [7, 9, 20]] });
    expect(t.display).toEqual([['0', '5', '12', '17'], ['7', '9', '20', '36'], ['7', '14', '32', '53']]);
    expect(displayCount(0)).toBe('0');
    expect(displayCount(4)).toBe('<5');
    expect(displayCount(5)).toBe('5');
  });

  it('an attacker subtracting a lone "<5" from its row total is stopped by a complement in the row and column', () => {
    // Without complements the 3 is the row total 23 minus 20: the attacker would have it.
    const naive: SuppressedTable = {
      values: [[3, 20, 23], [10, 12, 22], [13, 32, 45]],
      state: [['primary', 'shown', 'shown'], ['shown', 'shown', 'shown'], ['shown', 'shown', 'shown']],
      display: [], rows: 2, columns: 2, hasRowTotals: true, hasColumnTotals: true, withheld: false, unprotected: [],
    };
    expect(alternativeExists(naive, 0, 0, 100)).toBe(false);
    const t = suppressTable({ cells: [[3, 20], [10, 12]] });
    // The 3's row, column and the cells closing the cycle are hidden; totals stay published.
    expect(t.display[0]![0]).toBe('<5');
    expect(t.display.flat().filter((d) => d === 'x').length).toBeGreaterThanOrEqual(3);
    expect(t.display[2]![2]).toBe('45');
    assertSafe(t);
  });

  it('knows that "<5" means 1..4: a 4 and a 1 on one cycle cannot both move, so more is hidden', () => {
    // A 4 can only go down and a 1 only up: cycles where both must move the same way do not protect them.
    for (const cells of [[[4, 1], [9, 8]], [[4, 6], [1, 9]], [[1, 1], [1, 1]], [[4, 4], [4, 4]], [[2, 0], [0, 2]], [[1, 0, 0], [0, 0, 0], [0, 0, 7]]]) {
      assertSafe(suppressTable({ cells }));
    }
  });

  it('a table that is one small count: everything about it is hidden, the reader cannot pin it', () => {
    const t = suppressTable({ cells: [[3]] });
    expect(t.display).toEqual([['<5', '<5'], ['<5', '<5']]);
    assertSafe(t);
  });

  it('four ones: "<5" everywhere would give them away (each at least 1, total below 5), so the table is withheld', () => {
    const t = suppressTable({ cells: [[1, 1], [1, 1]] });
    expect(t.withheld).toBe(true);
    expect(t.display).toEqual([['x', 'x', 'x'], ['x', 'x', 'x'], ['x', 'x', 'x']]);
    assertSafe(t);
  });

  it('lists without row totals (a column of provinces and a national total)', () => {
    const t = suppressTable({ cells: [[120], [3], [40], [0], [9]], rowTotals: false });
    expect(t.display.map((r) => r[0])).toEqual(['120', '<5', '40', '0', 'x', '172']);
    assertSafe(t);
    // A lone small count in a list whose other entries are all zero: the total itself gives it away unless hidden.
    const lone = suppressTable({ cells: [[0], [2], [0]], rowTotals: false });
    expect(lone.display.map((r) => r[0])).toEqual(['0', '<5', '0', '<5']);
  });

  it('random tables: no "<5" cell can be derived from the margins (property, attacker search)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((r) => fc.integer({ min: 1, max: 4 }).chain((c) =>
          fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 30 })), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))),
        fc.boolean(),
        (cells, rowTotals) => {
          assertSafe(suppressTable({ cells, rowTotals }));
        },
      ),
      { numRuns: 150, seed: 20250523 },
    );
  });

  it('refuses what is not a count', () => {
    expect(() => suppressTable({ cells: [[1.5]] })).toThrow(/whole numbers/);
    expect(() => suppressTable({ cells: [[-1]] })).toThrow(/whole numbers/);
    expect(() => suppressTable({ cells: [[1, 2], [3]] })).toThrow(/lengths/);
  });

  it('hides a shortest or longest sentence for fewer than 5 convictions', () => {
    expect(publishableExtreme(48, 14)).toBe(48);
    expect(publishableExtreme(48, 4)).toBeNull();
    expect(publishableExtreme(null, 10)).toBeNull();
  });
});
