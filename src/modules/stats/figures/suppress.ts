// Small-count suppression for every table that leaves the agency (briefing, published exports, the
// leadership view). Pure: no database, no I/O.
//
// 1. Primary: a count of 1 to 4 (below `threshold`, 5 by default) is shown as "<5". Zero is shown: it
//    identifies nobody. Totals are cells too: a small total is suppressed like any other.
// 2. Complementary: a table publishes its row and column totals, so with one hidden cell in a row the reader
//    subtracts and has it. Worse, the reader also knows the rule: a "<5" cell is 1..4 and a cell hidden as a
//    complement ("x") is 5 or more. A hidden small cell is safe when the published table has at least one
//    other solution in which that cell has another value: then nobody can work it out. Such a solution
//    exists when the hidden cells contain a cycle through the cell (row, column, row, column... back) along
//    which +1, -1, +1... keeps every row and column total and every hidden cell inside what the reader
//    knows about it ("<5" stays 1..4, "x" stays 5 or more). `protectedCell` searches for one; while a small
//    cell has none, the smallest shown count of 5 or more in its row or column is hidden as a complement.
//
// The totals' relations are written with signs so that every line sums to zero: inside cells +x, row totals
// and column totals -x, the grand total +x. A perturbation alternating +1/-1 around an even cycle of the
// bipartite graph (row lines and column lines as nodes, hidden cells as edges) keeps every line at zero.
// A line that publishes no total (a list without row totals) puts no constraint: such lines are one free
// node, so a path from free line to free line also counts as a cycle.
// 3. A table whose small counts cannot be protected even with every other count hidden (four cells of 1: the
//    reader knows each is at least 1 and the total below 5) is withheld: every non-zero count printed "x".

export type CellState = 'shown' | 'primary' | 'complement' | 'withheld';

export interface TableInput {
  /** The inside cells, rows x columns, non-negative integers. */
  cells: number[][];
  /** Whether each row's total is published (column of row totals). Default true. */
  rowTotals?: boolean;
  /** Whether each column's total is published (row of column totals). Default true. */
  columnTotals?: boolean;
  threshold?: number;
}

export interface SuppressedTable {
  /** The table with its totals: rows x columns inside, the last column the row totals and the last row the
   *  column totals where published (a grand total where both are). */
  values: number[][];
  state: CellState[][];
  /** What is printed: the number, "<5" for a small count, "x" for a complement. */
  display: string[][];
  rows: number;
  columns: number;
  hasRowTotals: boolean;
  hasColumnTotals: boolean;
  /** True when even complements could not protect the small counts: every non-zero count is shown as "x". */
  withheld: boolean;
  /** Small cells for which no protecting cycle exists even then (never: a withheld count has no upper bound). */
  unprotected: Array<[number, number]>;
}

const FREE = -1;

interface Grid {
  values: number[][];
  state: CellState[][];
  /** Node of each cell's row line and column line (FREE = no published relation). */
  rowNode: (i: number) => number;
  colNode: (j: number) => number;
  sign: (i: number, j: number) => number;
  threshold: number;
}

/** Whether moving the cell by delta (+1/-1) stays inside what the reader knows of it. */
function canMove(g: Grid, i: number, j: number, delta: number): boolean {
  const v = g.values[i]![j]!;
  const s = g.state[i]![j]!;
  if (s === 'primary') return v + delta >= 1 && v + delta <= g.threshold - 1;
  if (s === 'complement') return v + delta >= g.threshold;
  if (s === 'withheld') return v + delta >= 1;
  return false;
}

/** Is there a cycle of hidden cells through (i0, j0) along which a +1/-1 perturbation is possible? */
export function protectedCell(g: Grid, i0: number, j0: number, maxSteps = 200_000): boolean {
  const hidden: Array<[number, number]> = [];
  for (let i = 0; i < g.values.length; i++) for (let j = 0; j < g.values[i]!.length; j++) if (g.state[i]![j] !== 'shown') hidden.push([i, j]);
  // Edge k joins node a = row line, node b = column line; nodes are numbered rows first, then columns; FREE -> one node.
  const rowsCount = g.values.length;
  const nodeOfRow = (i: number) => (g.rowNode(i) === FREE ? -1 : i);
  const nodeOfCol = (j: number) => (g.colNode(j) === FREE ? -1 : rowsCount + j);
  const edges = hidden.map(([i, j]) => ({ i, j, a: nodeOfRow(i), b: nodeOfCol(j) }));
  const start = edges.findIndex((e) => e.i === i0 && e.j === j0);
  if (start < 0) return false;
  // A cell in no published relation at all: only its own bounds hold it.
  if (edges[start]!.a === edges[start]!.b) return canMove(g, i0, j0, 1) || canMove(g, i0, j0, -1);
  const adj = new Map<number, number[]>();
  edges.forEach((e, k) => {
    adj.set(e.a, [...(adj.get(e.a) ?? []), k]);
    adj.set(e.b, [...(adj.get(e.b) ?? []), k]);
  });
  let steps = 0;
  // Walk from the start edge's b-end back to its a-end. The y-perturbation alternates +1, -1 along the
  // path; a cell moves by y * sign. Both directions are tried (first edge +1 or -1).
  for (const first of [1, -1]) {
    if (!canMove(g, i0, j0, first * g.sign(i0, j0))) continue;
    const target = edges[start]!.a;
    const usedEdges = new Set<number>([start]);
    const usedNodes = new Set<number>([edges[start]!.b, target]);
    const dfs = (node: number, y: number): boolean => {
      if (++steps > maxSteps) return false;
      for (const k of adj.get(node) ?? []) {
        if (usedEdges.has(k)) continue;
        const e = edges[k]!;
        if (!canMove(g, e.i, e.j, y * g.sign(e.i, e.j))) continue;
        const other = e.a === node ? e.b : e.a;
        if (other === target) return true;
        if (usedNodes.has(other)) continue;
        usedEdges.add(k);
        usedNodes.add(other);
        if (dfs(other, -y)) return true;
        usedEdges.delete(k);
        usedNodes.delete(other);
      }
      return false;
    };
    if (dfs(edges[start]!.b, -first)) return true;
    if (steps > maxSteps) return false;
  }
  return false;
}

export function suppressTable(input: TableInput): SuppressedTable {
  const threshold = input.threshold ?? 5;
  const hasRowTotals = input.rowTotals ?? true;
  const hasColumnTotals = input.columnTotals ?? true;
  const R = input.cells.length;
  const C = R ? input.cells[0]!.length : 0;
  for (const row of input.cells) {
    if (row.length !== C) throw new Error('suppressTable: rows of different lengths');
    for (const v of row) if (!Number.isInteger(v) || v < 0) throw new Error(`suppressTable: counts must be whole numbers >= 0, got ${v}`);
  }
  const rows = R + (hasColumnTotals ? 1 : 0);
  const cols = C + (hasRowTotals ? 1 : 0);
  const values: number[][] = [];
  for (let i = 0; i < rows; i++) {
    values.push([]);
    for (let j = 0; j < cols; j++) {
      const inRow = i < R;
      const inCol = j < C;
      let v: number;
      if (inRow && inCol) v = input.cells[i]![j]!;
      else if (inRow) v = input.cells[i]!.reduce((a, b) => a + b, 0);
      else if (inCol) v = input.cells.reduce((a, r) => a + r[j]!, 0);
      else v = input.cells.reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0);
      values[i]!.push(v);
    }
  }
  const state: CellState[][] = values.map((r) => r.map((v) => (v >= 1 && v < threshold ? 'primary' : 'shown')));
  const g: Grid = {
    values,
    state,
    // A row line carries a relation when its total is published (inside rows with row totals; the totals row with a grand total).
    rowNode: (i) => (hasRowTotals ? i : FREE),
    colNode: (j) => (hasColumnTotals ? j : FREE),
    sign: (i, j) => ((i < R) === (j < C) ? 1 : -1),
    threshold,
  };
  const unprotected: Array<[number, number]> = [];
  const primaries = () => {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (state[i]![j] === 'primary') out.push([i, j]);
    return out;
  };
  const candidates = (filter: (i: number, j: number) => boolean) => {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (state[i]![j] === 'shown' && values[i]![j]! >= threshold && filter(i, j)) out.push([i, j]);
    // Smallest first, inside cells before totals (hiding a total costs the reader more).
    return out.sort((a, b) => values[a[0]]![a[1]]! - values[b[0]]![b[1]]! || Number(a[0] >= R || a[1] >= C) - Number(b[0] >= R || b[1] >= C));
  };
  for (;;) {
    const open = primaries().find(([i, j]) => !protectedCell(g, i, j));
    if (!open) break;
    const [i0, j0] = open;
    // One complement that protects the cell by itself, from its own lines first, then anywhere.
    const inLines = candidates((i, j) => i === i0 || j === j0);
    const tryOne = (list: Array<[number, number]>) => list.find(([i, j]) => {
      state[i]![j] = 'complement';
      const ok = protectedCell(g, i0, j0);
      state[i]![j] = 'shown';
      return ok;
    });
    const pick = tryOne(inLines) ?? tryOne(candidates(() => true)) ?? inLines[0] ?? candidates(() => true)[0];
    if (!pick) {
      // Every count of 5 or more is hidden already and the small counts can still be pinned (a table of a few
      // ones, say): the table is withheld: every non-zero count shown as "x", saying nothing about its size.
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (values[i]![j]! > 0) state[i]![j] = 'withheld';
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (state[i]![j] === 'withheld' && values[i]![j]! < threshold && !protectedCell(g, i, j)) unprotected.push([i, j]);
      break;
    }
    state[pick[0]]![pick[1]] = 'complement';
  }
  const display = values.map((r, i) => r.map((v, j) => (state[i]![j] === 'primary' ? `<${threshold}` : state[i]![j] === 'shown' ? String(v) : 'x')));
  const withheld = state.some((r) => r.includes('withheld'));
  return { values, state, display, rows: R, columns: C, hasRowTotals, hasColumnTotals, withheld, unprotected };
}

/**
 * A shortest or longest sentence is a fact about one person: it is published only for a group of at least
 * `threshold` convictions (otherwise null, shown as "—").
 */
export function publishableExtreme(value: number | null, count: number, threshold = 5): number | null {
  return value !== null && count >= threshold ? value : null;
}

/** A single published count (no table around it): "<5" for 1..4. */
export function displayCount(n: number, threshold = 5): string {
  return n >= 1 && n < threshold ? `<${threshold}` : String(n);
}
