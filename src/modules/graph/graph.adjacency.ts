import type { EdgeAttrs, StoreGraph } from './graph.store.ts';

// A compact adjacency of the store's graph for traversals (neighbourhoods, paths, edges among a node set, the
// whole-graph projection): compressed sparse rows over integer node and edge numbers, built from the graphology
// store in its own iteration order (so a walk meets nodes and edges in exactly the order graphology's
// forEachEdge gives them, parallel edges to one neighbour next to each other), plus a degree-sorted copy of the
// rows of busy nodes for look-ups. Nothing is copied but numbers: edge attributes are the store's own objects.
//
// Kept usable while the store changes: the store marks both ends of every edge it adds or drops, and every node
// it replaces, as dirty (`touch`); a dirty node's row is read from graphology at query time, and a node added
// after the build gets a number past the rows (always read from graphology). The store drops the adjacency when
// too many nodes are dirty, and the next query builds a fresh one (adjacencyOf).

/** Rows of nodes with more edges than this also get a copy sorted by neighbour (for look-ups in `edgesAmong`). */
export const SORTED_ROW_MIN = 32;

/** Scratch arrays indexed by node number, valid where `seen[i] === gen` (no clearing between queries). */
export class Marks {
  seen: Int32Array;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  gen = 0;
  constructor(size: number) {
    this.seen = new Int32Array(size);
    this.a = new Int32Array(size);
    this.b = new Int32Array(size);
    this.c = new Int32Array(size);
  }
  reset(size: number): void {
    if (size > this.seen.length) {
      const grow = (x: Int32Array) => {
        const y = new Int32Array(Math.max(size, Math.ceil(x.length * 1.5)));
        y.set(x);
        return y;
      };
      this.seen = grow(this.seen);
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.c = grow(this.c);
    }
    if (++this.gen >= 0x7fffffff) {
      this.seen.fill(0);
      this.gen = 1;
    }
  }
  has(i: number): boolean {
    return i < this.seen.length && this.seen[i] === this.gen;
  }
  /** Marks `i` (growing the arrays for a node numbered during the query). */
  mark(i: number): void {
    if (i >= this.seen.length) this.reset2(i + 1);
    this.seen[i] = this.gen;
  }
  private reset2(size: number): void {
    const gen = this.gen;
    const grow = (x: Int32Array) => {
      const y = new Int32Array(Math.max(size, Math.ceil(x.length * 1.5)));
      y.set(x);
      return y;
    };
    this.seen = grow(this.seen);
    this.a = grow(this.a);
    this.b = grow(this.b);
    this.c = grow(this.c);
    this.gen = gen;
  }
}

export class Adjacency {
  /** Node number -> id. Numbers >= `rows` are nodes met after the build (read from graphology). */
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  /** Nodes with a row. */
  rows = 0;
  offsets: Int32Array = new Int32Array(1);
  nbr: Int32Array = new Int32Array(0);
  edge: Int32Array = new Int32Array(0);
  /** Edge number -> key and attributes (numbers >= `baseEdges`: edges met after the build). */
  readonly edgeKeys: string[] = [];
  readonly edgeAttrs: EdgeAttrs[] = [];
  private baseEdges = 0;
  private readonly extraEdges = new Map<string, number>();
  /** Sorted rows of busy nodes: node -> start in sortedNbr/sortedEdge (same length as its row). */
  private readonly sortedAt = new Map<number, number>();
  private sortedNbr: Int32Array = new Int32Array(0);
  private sortedEdge: Int32Array = new Int32Array(0);
  private dirty: Uint8Array = new Uint8Array(0);
  dirtyCount = 0;
  private readonly pool: Marks[] = [];

  // The row being read (see `row`): nb[lo..hi) neighbours, ed[lo..hi) edges.
  nb: Int32Array = this.nbr;
  ed: Int32Array = this.edge;
  lo = 0;
  hi = 0;
  private scratchNbr = new Int32Array(64);
  private scratchEdge = new Int32Array(64);

  constructor(private readonly graph: StoreGraph) {}

  static build(graph: StoreGraph): Adjacency {
    const adj = new Adjacency(graph);
    const n = graph.order;
    const m = graph.size;
    const ids = adj.ids;
    ids.length = n;
    let i = 0;
    graph.forEachNode((key, a) => {
      a.ix = i;
      ids[i] = key;
      adj.index.set(key, i++);
    });
    let e = 0;
    const keys = adj.edgeKeys;
    const attrs = adj.edgeAttrs;
    keys.length = m;
    attrs.length = m;
    graph.forEachEdge((key, a) => {
      a.ix = e;
      keys[e] = key;
      attrs[e++] = a;
    });
    adj.baseEdges = e;
    const offsets = new Int32Array(n + 1);
    const nbr = new Int32Array(2 * m);
    const edge = new Int32Array(2 * m);
    let k = 0;
    let sortedLen = 0;
    for (i = 0; i < n; i++) {
      offsets[i] = k;
      const node = ids[i]!;
      // Numbers from the attributes graphology hands over (set above): no look-up by id per edge.
      graph.forEachEdge(node, (_key, a, s, _t, sa, ta) => {
        nbr[k] = (s === node ? ta : sa).ix!;
        edge[k++] = a.ix;
      });
      if (k - offsets[i]! > SORTED_ROW_MIN) sortedLen += k - offsets[i]!;
    }
    offsets[n] = k;
    adj.rows = n;
    adj.offsets = offsets;
    adj.nbr = nbr;
    adj.edge = edge;
    adj.nb = nbr;
    adj.ed = edge;
    adj.dirty = new Uint8Array(n);
    // Busy rows sorted by neighbour number (edge number second), packed in one float64 for a typed sort.
    adj.sortedNbr = new Int32Array(sortedLen);
    adj.sortedEdge = new Int32Array(sortedLen);
    let at = 0;
    for (i = 0; i < n; i++) {
      const lo = offsets[i]!;
      const hi = offsets[i + 1]!;
      if (hi - lo <= SORTED_ROW_MIN) continue;
      const packed = new Float64Array(hi - lo);
      for (let j = lo; j < hi; j++) packed[j - lo] = nbr[j]! * 2 ** 26 + edge[j]!;
      packed.sort();
      adj.sortedAt.set(i, at);
      for (let j = 0; j < packed.length; j++) {
        const x = packed[j]!;
        const nb = Math.floor(x / 2 ** 26);
        adj.sortedNbr[at + j] = nb;
        adj.sortedEdge[at + j] = x - nb * 2 ** 26;
      }
      at += packed.length;
    }
    if (m >= 2 ** 26) throw new Error('too many edges for the compact adjacency');
    return adj;
  }

  get size(): number {
    return this.ids.length;
  }

  /** The node's number, or -1 when it is not in the graph. */
  find(node: string): number {
    const i = this.index.get(node);
    if (i !== undefined) return i;
    if (!this.graph.hasNode(node)) return -1;
    return this.numberOf(node);
  }

  private numberOf(node: string): number {
    let i = this.index.get(node);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(node);
      this.index.set(node, i);
    }
    return i;
  }

  private edgeNumberOf(key: string, a: EdgeAttrs): number {
    if (a.ix >= 0 && a.ix < this.baseEdges && this.edgeAttrs[a.ix] === a) return a.ix;
    let e = this.extraEdges.get(key);
    if (e === undefined) {
      e = this.edgeKeys.length;
      this.edgeKeys.push(key);
      this.edgeAttrs.push(a);
      this.extraEdges.set(key, e);
    } else {
      this.edgeAttrs[e] = a;
    }
    return e;
  }

  /** The store changed this node or one of its edges: read its row from graphology from now on. */
  touch(node: string): void {
    const i = this.index.get(node);
    if (i !== undefined && i < this.rows && this.dirty[i] === 0) {
      this.dirty[i] = 1;
      this.dirtyCount++;
    }
  }

  clean(i: number): boolean {
    return i < this.rows && this.dirty[i] === 0;
  }

  /** Number of edges of node `i`. */
  degree(i: number): number {
    if (this.clean(i)) return this.offsets[i + 1]! - this.offsets[i]!;
    return this.graph.hasNode(this.ids[i]!) ? this.graph.degree(this.ids[i]!) : 0;
  }

  /**
   * Points nb/ed/lo/hi at node `i`'s row (its neighbours and edges in graphology's order). A dirty or new node's
   * row is copied into scratch arrays, valid until the next call.
   */
  row(i: number): void {
    if (this.clean(i)) {
      this.nb = this.nbr;
      this.ed = this.edge;
      this.lo = this.offsets[i]!;
      this.hi = this.offsets[i + 1]!;
      return;
    }
    const node = this.ids[i]!;
    let k = 0;
    if (this.graph.hasNode(node)) {
      const deg = this.graph.degree(node);
      if (deg > this.scratchNbr.length) {
        this.scratchNbr = new Int32Array(deg * 2);
        this.scratchEdge = new Int32Array(deg * 2);
      }
      const sn = this.scratchNbr;
      const se = this.scratchEdge;
      this.graph.forEachEdge(node, (key, a, s, t) => {
        sn[k] = this.numberOf(s === node ? t : s);
        se[k++] = this.edgeNumberOf(key, a);
      });
    }
    this.nb = this.scratchNbr;
    this.ed = this.scratchEdge;
    this.lo = 0;
    this.hi = k;
  }

  /** The clean busy node's row sorted by neighbour: [start, end) in sortedNbr/sortedEdge, or null. */
  sortedRow(i: number): [number, number] | null {
    if (!this.clean(i)) return null;
    const at = this.sortedAt.get(i);
    if (at === undefined) return null;
    return [at, at + this.offsets[i + 1]! - this.offsets[i]!];
  }

  /** Calls `f` with each edge number of the sorted row [lo, hi) whose neighbour is `m` (parallel edges: several). */
  edgesTo(lo: number, hi: number, m: number, f: (e: number) => void): void {
    const sn = this.sortedNbr;
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sn[mid]! < m) a = mid + 1;
      else b = mid;
    }
    for (; a < hi && sn[a] === m; a++) f(this.sortedEdge[a]!);
  }

  /** Scratch arrays for one query; give them back with `release`. */
  acquire(): Marks {
    const m = this.pool.pop() ?? new Marks(this.ids.length);
    m.reset(this.ids.length);
    return m;
  }

  release(m: Marks): void {
    if (this.pool.length < 8) this.pool.push(m);
  }
}
