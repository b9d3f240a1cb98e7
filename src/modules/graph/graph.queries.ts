import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import { edgeVisible, nodeVisible, type GraphView } from './graph.access.ts';
import { edgeLabel, type EdgeAttrs, type GraphStore, type NodeAttrs } from './graph.store.ts';
import type { Adjacency, Marks } from './graph.adjacency.ts';
import type {
  CentralResponse, CommunitiesResponse, ComponentsResponse, GraphEdge, GraphEdgeKind, GraphNode, GraphNodeType, GraphResponse,
  LinkedCasesResponse, NodeRef, PathResponse,
} from './graph.schema.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { createRng } from '../../platform/prng.ts';

// The graph queries over the in-memory store, for one access view. Traversals (neighbourhood, paths, linked
// cases) walk the shared graph with a per-edge predicate (visibility + the query's filters): graphology's
// traversal and shortest-path functions take no edge predicate, and copying the visible part of a million-node
// graph per query would cost more than the query. Whole-graph algorithms (components, Louvain, centrality) run
// from graphology's packages on the caller's visible, filtered projection (a simple undirected graph), cached
// per store version and view.

export interface Filters {
  nodeTypes?: GraphNodeType[];
  edgeKinds?: GraphEdgeKind[];
  observedFrom?: string;
  observedTo?: string;
}

type EdgePredicate = (a: EdgeAttrs) => boolean;
type NodePredicate = (node: string) => boolean;

interface Walk {
  store: GraphStore;
  view: GraphView;
  edgeOk: EdgePredicate;
  /** May the walk pass through (or end at) this node? */
  nodeOk: NodePredicate;
  /** Every edge passes edgeOk (the whole view, no edge filter): the walks skip the call. */
  allEdges: boolean;
  /** Every node passes nodeOk (no node-type filter). */
  allNodes: boolean;
}

export function walker(store: GraphStore, view: GraphView, f: Filters): Walk {
  const kinds = f.edgeKinds ? new Set<string>(f.edgeKinds) : null;
  const types = f.nodeTypes ? new Set<string>(f.nodeTypes) : null;
  const pFrom = f.observedFrom ? Date.parse(f.observedFrom) : -Infinity;
  const pTo = f.observedTo ? Date.parse(f.observedTo) : Infinity;
  const dated = f.observedFrom !== undefined || f.observedTo !== undefined;
  const edgeOk: EdgePredicate = (a) => {
    if (kinds && !kinds.has(a.kind)) return false;
    if (dated && (a.from !== null || a.to !== null)) {
      const s = a.from ?? -Infinity;
      const e = a.to ?? a.from ?? Infinity;
      if (s > pTo || e < pFrom) return false;
    }
    return edgeVisible(store, view, a);
  };
  const nodeOk: NodePredicate = types ? (n) => types.has(n.slice(0, n.indexOf(':'))) : () => true;
  return { store, view, edgeOk, nodeOk, allEdges: view.all && !kinds && !dated, allNodes: !types };
}

/** The same 404 for a node that does not exist and one the caller may not see. */
export function requireNode(store: GraphStore, view: GraphView, node: string, field = 'node'): void {
  if (!nodeVisible(store, view, node)) {
    const err = notFound('node');
    err.errors.push({ field, message: 'no such node you may see' });
    throw err;
  }
}

// ---- shaping answers ----

const isoOf = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function nodeOut(store: GraphStore, id: string): GraphNode {
  const a: NodeAttrs = store.graph.getNodeAttributes(id);
  return { id, type: a.type, label: a.label, ...(a.kind !== undefined ? { kind: a.kind } : {}), attributes: { ...a.attrs } };
}

export function refOut(store: GraphStore, id: string): NodeRef {
  const a: NodeAttrs = store.graph.getNodeAttributes(id);
  return { id, type: a.type, label: a.label, ...(a.kind !== undefined ? { kind: a.kind } : {}) };
}

/** An edge as the API shows it. `ends`: its two ends when the caller knows them (saves a look-up by key). */
export function edgeOut(store: GraphStore, key: string, attrs?: EdgeAttrs, ends?: [string, string], iso: (t: number | null) => string | null = isoOf): GraphEdge {
  const g = store.graph;
  const a = attrs ?? g.getEdgeAttributes(key);
  const [x, y] = ends ?? g.extremities(key);
  const target = a.source === x ? y : x;
  return {
    id: key, source: a.source, target, kind: a.kind, caseIds: [...a.caseIds],
    justification: { type: a.jType, id: a.jId, label: edgeLabel(a) },
    observedFrom: iso(a.from), observedTo: iso(a.to), confidence: a.confidence,
    ...(a.attrs ? { attributes: { ...a.attrs } } : {}),
  };
}

/**
 * Every walkable edge among the numbered nodes `set` (marked in `inSet`), each once. An edge is read from its
 * end with fewer edges (ties: the lower number), so a busy node's row is not scanned when the quiet ends of its
 * edges in the set find them: a busy node (sorted row) looks up only the busier nodes of the set in its sorted
 * row. Costs about the sum of the quiet nodes' degrees plus (busy nodes)² look-ups, not the busy nodes' degrees.
 */
function edgesAmong(w: Walk, adj: Adjacency, set: Int32Array | number[], inSet: Marks): number[] {
  // Flat triples: edge number, one end, the other end.
  const n = set.length;
  const deg = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const i = set[j]!;
    deg[j] = adj.degree(i);
    inSet.b[i] = j;
  }
  // Rank by (degree, number): an edge belongs to its lower-ranked end.
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => deg[x]! - deg[y]! || set[x]! - set[y]!);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r]!] = r;
  const out: number[] = [];
  const ok = (e: number) => w.allEdges || w.edgeOk(adj.edgeAttrs[e]!);
  for (let r = 0; r < n; r++) {
    const j = order[r]!;
    const i = set[j]!;
    const sorted = deg[j]! > n ? adj.sortedRow(i) : null;
    if (sorted) {
      // Busy: the nodes ranked above it are fewer than its edges; look each up.
      for (let r2 = r + 1; r2 < n; r2++) {
        const m = set[order[r2]!]!;
        adj.edgesTo(sorted[0], sorted[1], m, (e) => {
          if (ok(e)) out.push(e, i, m);
        });
      }
      continue;
    }
    adj.row(i);
    const nb = adj.nb;
    const ed = adj.ed;
    for (let k = adj.lo; k < adj.hi; k++) {
      const m = nb[k]!;
      if (!inSet.has(m) || rank[inSet.b[m]!]! <= r) continue;
      if (ok(ed[k]!)) out.push(ed[k]!, i, m);
    }
  }
  return out;
}

/** Nodes (numbered, in this order) and every walkable edge between them. */
function inducedOf(w: Walk, adj: Adjacency, set: Int32Array | number[], inSet: Marks): GraphResponse {
  const found = edgesAmong(w, adj, set, inSet);
  const nodes: GraphNode[] = new Array(set.length);
  for (let j = 0; j < set.length; j++) nodes[j] = nodeOut(w.store, adj.ids[set[j]!]!);
  // Many edges of an answer share a date: each made into text once.
  const dates = new Map<number, string>();
  const iso = (t: number | null) => {
    if (t === null) return null;
    let d = dates.get(t);
    if (d === undefined) dates.set(t, (d = new Date(t).toISOString()));
    return d;
  };
  const edges: GraphEdge[] = new Array(found.length / 3);
  for (let k = 0; k < found.length; k += 3) {
    const e = found[k]!;
    edges[k / 3] = edgeOut(w.store, adj.edgeKeys[e]!, adj.edgeAttrs[e]!, [adj.ids[found[k + 1]!]!, adj.ids[found[k + 2]!]!], iso);
  }
  return { nodes, edges };
}

/** Nodes and every walkable edge between them. */
function induced(w: Walk, nodes: Iterable<string>): GraphResponse {
  const adj = w.store.adjacency();
  const inSet = adj.acquire();
  try {
    const set: number[] = [];
    for (const n of nodes) {
      const i = adj.find(n);
      if (i < 0 || inSet.has(i)) continue;
      inSet.mark(i);
      set.push(i);
    }
    return inducedOf(w, adj, set, inSet);
  } finally {
    adj.release(inSet);
  }
}

// ---- neighbourhood ----

/**
 * Breadth-first from `root` to `hops`, at most `limit` nodes (nearest first; the walk stops at the first node
 * over the limit). Fills `seen` (the marks: a = depth) and returns the node numbers in the order reached.
 */
function bfs(w: Walk, adj: Adjacency, root: number, hops: number, limit: number, seen: Marks): { order: number[]; truncated: boolean } {
  seen.mark(root);
  seen.a[root] = 0;
  const order = [root];
  let truncated = false;
  let from = 0;
  for (let d = 1; d <= hops && from < order.length && !truncated; d++) {
    const to = order.length;
    for (let f = from; f < to && !truncated; f++) {
      adj.row(order[f]!);
      const nb = adj.nb;
      const ed = adj.ed;
      const hi = adj.hi;
      for (let k = adj.lo; k < hi; k++) {
        const m = nb[k]!;
        if (seen.has(m)) continue;
        if (!w.allNodes && !w.nodeOk(adj.ids[m]!)) continue;
        if (!w.allEdges && !w.edgeOk(adj.edgeAttrs[ed[k]!]!)) continue;
        if (order.length >= limit) {
          truncated = true;
          break;
        }
        seen.mark(m);
        seen.a[m] = d;
        order.push(m);
      }
    }
    from = to;
  }
  return { order, truncated };
}

export function neighbourhood(w: Walk, root: string, hops: number, limit: number) {
  requireNode(w.store, w.view, root);
  const adj = w.store.adjacency();
  const seen = adj.acquire();
  try {
    const { order, truncated } = bfs(w, adj, adj.find(root), hops, limit, seen);
    const depth: Record<string, number> = {};
    for (const i of order) depth[adj.ids[i]!] = seen.a[i]!;
    return { root, ...inducedOf(w, adj, order, seen), depth, truncated };
  } finally {
    adj.release(seen);
  }
}

/** Ids only: for benchmarks, exports and the subgraphs of centrality and communities. */
export function neighbourhoodIds(w: Walk, root: string, hops: number, limit = Infinity): Map<string, number> {
  const adj = w.store.adjacency();
  const r = adj.find(root);
  if (r < 0) return new Map([[root, 0]]);
  const seen = adj.acquire();
  try {
    const { order } = bfs(w, adj, r, hops, limit, seen);
    const depth = new Map<string, number>();
    for (const i of order) depth.set(adj.ids[i]!, seen.a[i]!);
    return depth;
  } finally {
    adj.release(seen);
  }
}

// ---- shortest paths ----

/** One side of the search: marks a = distance, b/c = first/last parent link of the node (in `links`). */
interface Side {
  m: Marks;
  frontier: number[];
  depth: number;
}

/** Parent links of both sides: [previous node, edge, next link] triples, appended. */
class Links {
  data = new Int32Array(3 * 1024);
  n = 0;
  add(prev: number, edge: number): number {
    if (3 * this.n + 3 > this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    const at = this.n++;
    this.data[3 * at] = prev;
    this.data[3 * at + 1] = edge;
    this.data[3 * at + 2] = -1;
    return at;
  }
}

/**
 * Every shortest path (up to `limit`) between two nodes through edges the walk may take, by a bidirectional
 * breadth-first search that expands the side with the smaller frontier and completes one layer at a time (so
 * every meeting node of the shortest length is found), over the compact adjacency. Between a node and a
 * neighbour it keeps one edge, the most confident (the first such in graphology's order).
 */
export function shortestPaths(w: Walk, from: string, to: string, maxHops: number, limit: number): PathResponse {
  requireNode(w.store, w.view, from, 'from');
  requireNode(w.store, w.view, to, 'to');
  if (from === to) return { from, to, paths: [{ nodes: [from], edges: [] }], length: 0, ...induced(w, [from]) };
  const adj = w.store.adjacency();
  const fwd: Side = { m: adj.acquire(), frontier: [], depth: 0 };
  const bwd: Side = { m: adj.acquire(), frontier: [], depth: 0 };
  try {
    return searchPaths(w, adj, from, to, fwd, bwd, maxHops, limit);
  } finally {
    adj.release(fwd.m);
    adj.release(bwd.m);
  }
}

function searchPaths(w: Walk, adj: Adjacency, from: string, to: string, fwd: Side, bwd: Side, maxHops: number, limit: number): PathResponse {
  const fi = adj.find(from);
  const ti = adj.find(to);
  const links = new Links();
  for (const [side, i] of [[fwd, fi], [bwd, ti]] as const) {
    side.m.mark(i);
    side.m.a[i] = 0;
    side.m.b[i] = -1;
    side.m.c[i] = -1;
    side.frontier = [i];
  }
  const conf = (e: number) => adj.edgeAttrs[e]!.confidence;
  let meets: number[] = [];
  while (fwd.frontier.length > 0 && bwd.frontier.length > 0 && fwd.depth + bwd.depth < maxHops) {
    const side = fwd.frontier.length <= bwd.frontier.length ? fwd : bwd;
    const other = side === fwd ? bwd : fwd;
    const sm = side.m;
    const d = side.depth + 1;
    const next: number[] = [];
    for (const n of side.frontier) {
      adj.row(n);
      const nb = adj.nb;
      const ed = adj.ed;
      const hi = adj.hi;
      // Parallel edges to one neighbour are consecutive: one run per neighbour, its most confident edge kept.
      let k = adj.lo;
      while (k < hi) {
        const m = nb[k]!;
        let end = k + 1;
        while (end < hi && nb[end] === m) end++;
        const known = sm.has(m) ? sm.a[m]! : -1;
        if ((known === -1 || known >= d) && (w.allNodes || m === fi || m === ti || w.nodeOk(adj.ids[m]!))) {
          let best = -1;
          let bestConf = -Infinity;
          for (let j = k; j < end; j++) {
            const e = ed[j]!;
            if (!w.allEdges && !w.edgeOk(adj.edgeAttrs[e]!)) continue;
            const c = conf(e);
            if (best === -1 || c > bestConf) {
              best = e;
              bestConf = c;
            }
          }
          if (best !== -1) {
            if (known === -1) {
              sm.mark(m);
              sm.a[m] = d;
              sm.b[m] = -1;
              sm.c[m] = -1;
              next.push(m);
              if (other.m.has(m)) meets.push(m);
            }
            const l = links.add(n, best);
            if (sm.c[m] === -1) sm.b[m] = l;
            else links.data[3 * sm.c[m]! + 2] = l;
            sm.c[m] = l;
          }
        }
        k = end;
      }
    }
    side.frontier = next;
    side.depth = d;
    if (meets.length > 0) break;
  }
  if (meets.length === 0) return { from, to, paths: [], length: null, nodes: [], edges: [] };
  // Meeting nodes of the shortest total length, by id.
  const total = (m: number) => fwd.m.a[m]! + bwd.m.a[m]!;
  const length = Math.min(...meets.map(total));
  meets = meets.filter((m) => total(m) === length).sort((x, y) => (adj.ids[x]! < adj.ids[y]! ? -1 : adj.ids[x]! > adj.ids[y]! ? 1 : 0));
  type Route = { nodes: number[]; edges: number[] };
  const routes = (side: Side, node: number, cap: number): Route[] => {
    if (side.m.a[node] === 0) return [{ nodes: [node], edges: [] }];
    const out: Route[] = [];
    for (let l = side.m.b[node]!; l !== -1; l = links.data[3 * l + 2]!) {
      const p = links.data[3 * l]!;
      const e = links.data[3 * l + 1]!;
      for (const r of routes(side, p, cap - out.length)) {
        out.push({ nodes: [...r.nodes, node], edges: [...r.edges, e] });
        if (out.length >= cap) return out;
      }
    }
    return out;
  };
  const paths: Array<{ nodes: string[]; edges: string[] }> = [];
  const edgeNums = new Map<string, number>();
  for (const m of meets) {
    for (const a of routes(fwd, m, limit)) {
      for (const b of routes(bwd, m, limit)) {
        const ns = [...a.nodes, ...b.nodes.slice(0, -1).reverse()];
        const es = [...a.edges, ...b.edges.reverse()];
        for (const e of es) edgeNums.set(adj.edgeKeys[e]!, e);
        paths.push({ nodes: ns.map((i) => adj.ids[i]!), edges: es.map((e) => adj.edgeKeys[e]!) });
        if (paths.length >= limit) break;
      }
      if (paths.length >= limit) break;
    }
    if (paths.length >= limit) break;
  }
  const nodes = new Set(paths.flatMap((p) => p.nodes));
  return {
    from, to, paths, length, nodes: [...nodes].map((n) => nodeOut(w.store, n)),
    edges: [...edgeNums].map(([key, e]) => edgeOut(w.store, key, adj.edgeAttrs[e]!)),
  };
}

// ---- projections for the whole-graph algorithms ----

export type Projection = UndirectedGraph<{ type: string }, { weight: number }>;

/**
 * The caller's visible, filtered graph as a simple undirected graph (parallel edges merged, weight = how many),
 * optionally limited to some nodes. Cached per store version, view and filters when whole.
 */
export function projection(w: Walk, filterKey: string, only?: Set<string>): Projection {
  const cacheKey = `proj|${w.view.key}|${filterKey}`;
  if (!only) {
    const hit = w.store.cache.get(cacheKey) as Projection | undefined;
    if (hit) return hit;
  }
  const g = w.store.graph;
  const p: Projection = new UndirectedGraph({ allowSelfLoops: false });
  const addNode = (n: string) => {
    if (!p.hasNode(n)) p.addNode(n, { type: g.getNodeAttribute(n, 'type') });
  };
  const addEdge = (s: string, t: string) => {
    addNode(s);
    addNode(t);
    const e = p.edge(s, t);
    if (e !== undefined) p.updateEdgeAttribute(e, 'weight', (x) => (x ?? 0) + 1);
    else p.addEdge(s, t, { weight: 1 });
  };
  const consider = (a: EdgeAttrs, s: string, t: string) => {
    if (only && (!only.has(s) || !only.has(t))) return;
    if (!w.nodeOk(s) || !w.nodeOk(t) || !w.edgeOk(a)) return;
    addEdge(s, t);
  };
  if (only) {
    for (const n of only) {
      if (w.nodeOk(n) && nodeVisible(w.store, w.view, n)) addNode(n);
      g.forEachEdge(n, (_e, a, s, t) => {
        if (s === n) consider(a, s, t);
      });
    }
  } else if (w.view.all) {
    wholeProjection(w, p);
  } else {
    const seen = new Set<string>();
    for (const c of w.view.cases) {
      for (const e of w.store.edgesByCase.get(c) ?? []) {
        if (seen.has(e)) continue;
        seen.add(e);
        const [s, t] = g.extremities(e);
        consider(g.getEdgeAttributes(e), s, t);
      }
      if (g.hasNode(`case:${c}`) && w.nodeOk(`case:${c}`)) addNode(`case:${c}`);
    }
    // Links from no case: scanned from the persons and entities the projection reached.
    for (const n of [...p.nodes()]) {
      g.forEachEdge(n, (e, a, s, t) => {
        if (a.caseIds.length === 0 && !seen.has(e)) {
          seen.add(e);
          consider(a, s, t);
        }
      });
    }
  }
  if (!only) w.store.remember(cacheKey, p);
  return p;
}

/**
 * The whole view's projection from a fresh compact adjacency: each node's row gives, per neighbour with a higher
 * number, the run of parallel edges (merged: weight = the walkable ones); the merged edges are added in the order
 * of their first edge in the store (and oriented as it is), as a walk over the store's edges would add them, so
 * the algorithms see the same graph in the same order.
 */
function wholeProjection(w: Walk, p: Projection): void {
  const adj = w.store.adjacency(true);
  const g = w.store.graph;
  const n = adj.rows;
  const okNode = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = adj.ids[i]!;
    if (w.allNodes || w.nodeOk(id)) {
      okNode[i] = 1;
      p.addNode(id, { type: g.getNodeAttribute(id, 'type') });
    }
  }
  const edges = adj.edgeKeys.length;
  // slot[first edge number] = the merged edge (its lower end and weight), -1 when none starts there.
  const slotEnd = new Int32Array(edges).fill(-1);
  const slotOther = new Int32Array(edges);
  const slotWeight = new Int32Array(edges);
  const { nbr, edge, offsets } = adj;
  for (let i = 0; i < n; i++) {
    if (!okNode[i]) continue;
    const hi = offsets[i + 1]!;
    let k = offsets[i]!;
    while (k < hi) {
      const m = nbr[k]!;
      let end = k + 1;
      while (end < hi && nbr[end] === m) end++;
      if (m > i && okNode[m]) {
        let first = -1;
        let weight = 0;
        for (let j = k; j < end; j++) {
          const e = edge[j]!;
          if (!w.allEdges && !w.edgeOk(adj.edgeAttrs[e]!)) continue;
          weight++;
          if (first === -1 || e < first) first = e;
        }
        if (first !== -1) {
          slotEnd[first] = i;
          slotOther[first] = m;
          slotWeight[first] = weight;
        }
      }
      k = end;
    }
  }
  for (let e = 0; e < edges; e++) {
    const i = slotEnd[e]!;
    if (i === -1) continue;
    const a = adj.ids[i]!;
    const b = adj.ids[slotOther[e]!]!;
    if (adj.edgeAttrs[e]!.source === a) p.addEdge(a, b, { weight: slotWeight[e]! });
    else p.addEdge(b, a, { weight: slotWeight[e]! });
  }
}

const filterKeyOf = (f: Filters) => JSON.stringify([f.nodeTypes ?? null, f.edgeKinds ?? null, f.observedFrom ?? null, f.observedTo ?? null]);

function typesOf(store: GraphStore, nodes: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of nodes) {
    const t = store.graph.getNodeAttribute(n, 'type');
    out[t] = (out[t] ?? 0) + 1;
  }
  return out;
}

function topByDegree(store: GraphStore, p: Projection, nodes: string[], k = 5): NodeRef[] {
  return [...nodes].sort((a, b) => p.degree(b) - p.degree(a) || (a < b ? -1 : 1)).slice(0, k).map((n) => refOut(store, n));
}

function componentsOf(w: Walk, f: Filters): { p: Projection; comps: string[][] } {
  const key = `comps|${w.view.key}|${filterKeyOf(f)}`;
  const hit = w.store.cache.get(key) as { p: Projection; comps: string[][] } | undefined;
  if (hit) return hit;
  const p = projection(w, filterKeyOf(f));
  const comps = connectedComponents(p).sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const out = { p, comps };
  w.store.remember(key, out);
  return out;
}

export function components(w: Walk, f: Filters, minSize: number, limit: number, offset: number): ComponentsResponse {
  const { p, comps } = componentsOf(w, f);
  const big = comps.filter((c) => c.length >= minSize);
  return {
    items: big.slice(offset, offset + limit).map((c, i) => ({ index: offset + i, size: c.length, edgeCount: edgeCountOf(p, c), types: typesOf(w.store, c), top: topByDegree(w.store, p, c) })),
    total: big.length, limit, offset,
  };
}

function edgeCountOf(p: Projection, nodes: string[]): number {
  let sum = 0;
  for (const n of nodes) p.forEachEdge(n, (_e, a) => (sum += a.weight));
  return sum / 2;
}

/** The component (network) holding a node: its nodes by a breadth-first walk, capped. */
export function component(w: Walk, root: string, limit: number) {
  requireNode(w.store, w.view, root);
  const all = neighbourhoodIds(w, root, Number.MAX_SAFE_INTEGER);
  const truncated = all.size > limit;
  const ids = [...all.keys()].slice(0, limit);
  return { root, size: all.size, truncated, ...induced(w, ids) };
}

// ---- communities ----

export function communities(w: Walk, f: Filters, opts: { node?: string; resolution: number; minSize: number; limit: number; seed: number }): CommunitiesResponse {
  let p: Projection;
  if (opts.node) {
    requireNode(w.store, w.view, opts.node);
    p = projection(w, filterKeyOf(f), new Set(neighbourhoodIds(w, opts.node, Number.MAX_SAFE_INTEGER).keys()));
  } else {
    p = projection(w, filterKeyOf(f));
  }
  if (p.size === 0) return { modularity: 0, nodeCount: p.order, items: [], total: 0 };
  const res = louvain.detailed(p, { getEdgeWeight: 'weight', resolution: opts.resolution, rng: createRng(opts.seed).next }); // seeded: Louvain's random order repeats
  const groups = new Map<number, string[]>();
  for (const [n, c] of Object.entries(res.communities)) {
    let list = groups.get(c);
    if (!list) groups.set(c, (list = []));
    list.push(n);
  }
  const big = [...groups.entries()].filter(([, m]) => m.length >= opts.minSize).sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  return {
    modularity: res.modularity, nodeCount: p.order, total: big.length,
    items: big.slice(0, opts.limit).map(([c, m]) => ({ community: c, size: m.length, types: typesOf(w.store, m), top: topByDegree(w.store, p, m, 8) })),
  };
}

// ---- centrality ----

/** Betweenness is O(n·m): refused above this many nodes (rank within a node's network or neighbourhood instead). */
export const BETWEENNESS_MAX_NODES = 20_000;

export function central(w: Walk, f: Filters, opts: { measure: 'degree' | 'betweenness' | 'pagerank'; node?: string; hops?: number; rankTypes?: GraphNodeType[]; limit: number }): CentralResponse {
  let p: Projection;
  if (opts.node) {
    requireNode(w.store, w.view, opts.node);
    const ids = neighbourhoodIds(w, opts.node, opts.hops ?? Number.MAX_SAFE_INTEGER);
    p = projection(w, filterKeyOf(f), new Set(ids.keys()));
  } else {
    p = projection(w, filterKeyOf(f));
  }
  let scores: Record<string, number>;
  if (opts.measure === 'degree') {
    scores = degreeCentrality(p);
  } else if (opts.measure === 'pagerank') {
    scores = p.size === 0 ? Object.fromEntries(p.nodes().map((n) => [n, 1 / Math.max(1, p.order)])) : pagerank(p, { getEdgeWeight: 'weight' });
  } else {
    if (p.order > BETWEENNESS_MAX_NODES) {
      throw new AppError('validation_failed', `betweenness over ${p.order} nodes would take too long: give a node (and hops) to rank within its network`, [{ field: 'node', message: `required for betweenness over more than ${BETWEENNESS_MAX_NODES} nodes` }]);
    }
    scores = betweennessCentrality(p, { normalized: true });
  }
  const rank = opts.rankTypes ? new Set<string>(opts.rankTypes) : null;
  const items = Object.entries(scores)
    .filter(([n]) => !rank || rank.has(p.getNodeAttribute(n, 'type')))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, opts.limit)
    .map(([n, score]) => ({ ...refOut(w.store, n), score, degree: p.degree(n) }));
  return { measure: opts.measure, nodeCount: p.order, items };
}

// ---- linked cases ----

/**
 * Cases linked to a case and why: through a shared node (an entity, a person, a victim by pseudonym, a hash set,
 * any node touched by the walkable edges of both cases) or a direct edge between the cases (the same media).
 */
export function linkedCases(w: Walk, caseNode: string, limit: number): LinkedCasesResponse {
  requireNode(w.store, w.view, caseNode, 'case');
  const g = w.store.graph;
  const caseId = caseNode.slice('case:'.length);
  const mine = [...(w.store.edgesByCase.get(caseId) ?? [])].filter((e) => w.edgeOk(g.getEdgeAttributes(e))).sort();
  // Nodes of this case (ends of its edges, other than case nodes): the edges that put them in it.
  const touched = new Map<string, string[]>();
  const found = new Map<string, Map<string, Set<string>>>(); // other case -> via (node id or '' for direct) -> edges
  const note = (other: string, via: string, edges: string[]) => {
    if (other === caseId) return;
    let vias = found.get(other);
    if (!vias) found.set(other, (vias = new Map()));
    let set = vias.get(via);
    if (!set) vias.set(via, (set = new Set()));
    for (const e of edges) set.add(e);
  };
  for (const e of mine) {
    const a = g.getEdgeAttributes(e);
    const [s, t] = g.extremities(e);
    if (a.kind === 'shares_media' && s.startsWith('case:') && t.startsWith('case:')) {
      note((s === caseNode ? t : s).slice(5), '', [e]);
      continue;
    }
    for (const n of [s, t]) {
      if (n === caseNode || n.startsWith('case:') || !w.nodeOk(n)) continue;
      let list = touched.get(n);
      if (!list) touched.set(n, (list = []));
      list.push(e);
    }
    // The edge itself may come from other cases too (a link recorded in one case about another case's record).
    for (const c of a.caseIds) note(c, '', [e]);
  }
  for (const [n, edges] of touched) {
    g.forEachEdge(n, (e, a) => {
      if (!w.edgeOk(a)) return;
      for (const c of a.caseIds) if (c !== caseId) note(c, n, [...edges, e]);
    });
  }
  const items = [...found.entries()]
    .filter(([c]) => g.hasNode(`case:${c}`))
    .map(([c, vias]) => ({
      case: refOut(w.store, `case:${c}`),
      via: [...vias.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([v, edges]) => ({
        node: v === '' ? null : refOut(w.store, v),
        edges: [...edges].slice(0, 8).map((e) => edgeOut(w.store, e)),
      })),
      strength: vias.size,
    }))
    .sort((a, b) => b.strength - a.strength || (a.case.id < b.case.id ? -1 : 1));
  return { case: refOut(w.store, caseNode), items: items.slice(0, limit), total: items.length };
}

