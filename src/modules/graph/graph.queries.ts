import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import { edgeVisible, nodeVisible, type GraphView } from './graph.access.ts';
import type { EdgeAttrs, GraphStore, NodeAttrs } from './graph.store.ts';
import type {
  CentralResponse, CommunitiesResponse, ComponentsResponse, GraphEdge, GraphEdgeKind, GraphNode, GraphNodeType, GraphResponse,
  LinkedCasesResponse, NodeRef, PathResponse,
} from './graph.schema.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';

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
  return { store, view, edgeOk, nodeOk };
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

export function edgeOut(store: GraphStore, key: string): GraphEdge {
  const g = store.graph;
  const a = g.getEdgeAttributes(key);
  const [x, y] = g.extremities(key);
  const target = a.source === x ? y : x;
  return {
    id: key, source: a.source, target, kind: a.kind, caseIds: [...a.caseIds],
    justification: { type: a.jType, id: a.jId, label: a.jLabel },
    observedFrom: isoOf(a.from), observedTo: isoOf(a.to), confidence: a.confidence,
    ...(a.attrs ? { attributes: { ...a.attrs } } : {}),
  };
}

/** Nodes and every walkable edge between them. */
function induced(w: Walk, nodes: Iterable<string>): GraphResponse {
  const g = w.store.graph;
  const set = nodes instanceof Set ? (nodes as Set<string>) : new Set(nodes);
  const edges: GraphEdge[] = [];
  for (const n of set) {
    g.forEachEdge(n, (e, a, s, t) => {
      const other = s === n ? t : s;
      // Each edge once: from its lower end.
      if (other < n || !set.has(other) || !w.edgeOk(a)) return;
      edges.push(edgeOut(w.store, e));
    });
  }
  return { nodes: [...set].map((n) => nodeOut(w.store, n)), edges };
}

// ---- neighbourhood ----

export function neighbourhood(w: Walk, root: string, hops: number, limit: number) {
  requireNode(w.store, w.view, root);
  const g = w.store.graph;
  const depth = new Map<string, number>([[root, 0]]);
  let frontier = [root];
  let truncated = false;
  for (let d = 1; d <= hops && frontier.length > 0 && !truncated; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      g.forEachEdge(n, (_e, a, s, t) => {
        if (truncated) return;
        const other = s === n ? t : s;
        if (depth.has(other) || !w.nodeOk(other) || !w.edgeOk(a)) return;
        if (depth.size >= limit) {
          truncated = true;
          return;
        }
        depth.set(other, d);
        next.push(other);
      });
      if (truncated) break;
    }
    frontier = next;
  }
  return { root, ...induced(w, depth.keys()), depth: Object.fromEntries(depth), truncated };
}

/** Ids only: for benchmarks and exports. */
export function neighbourhoodIds(w: Walk, root: string, hops: number, limit = Infinity): Map<string, number> {
  const g = w.store.graph;
  const depth = new Map<string, number>([[root, 0]]);
  let frontier = [root];
  for (let d = 1; d <= hops && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      g.forEachEdge(n, (_e, a, s, t) => {
        const other = s === n ? t : s;
        if (depth.size >= limit || depth.has(other) || !w.nodeOk(other) || !w.edgeOk(a)) return;
        depth.set(other, d);
        next.push(other);
      });
    }
    frontier = next;
  }
  return depth;
}

// ---- shortest paths ----

interface Side {
  /** node -> distance from this side's start */
  dist: Map<string, number>;
  /** node -> [previous node, edge] pairs on shortest routes (one edge per neighbour: the most confident) */
  parents: Map<string, Array<[string, string]>>;
  frontier: string[];
  depth: number;
}

/**
 * Every shortest path (up to `limit`) between two nodes through edges the walk may take, by a bidirectional
 * breadth-first search that completes one layer at a time (so every meeting node of the shortest length is found).
 */
export function shortestPaths(w: Walk, from: string, to: string, maxHops: number, limit: number): PathResponse {
  requireNode(w.store, w.view, from, 'from');
  requireNode(w.store, w.view, to, 'to');
  if (from === to) return { from, to, paths: [{ nodes: [from], edges: [] }], length: 0, ...induced(w, [from]) };
  const g = w.store.graph;
  const mk = (start: string): Side => ({ dist: new Map([[start, 0]]), parents: new Map(), frontier: [start], depth: 0 });
  const fwd = mk(from);
  const bwd = mk(to);
  let meets: string[] = [];
  while (fwd.frontier.length > 0 && bwd.frontier.length > 0 && fwd.depth + bwd.depth < maxHops) {
    const side = fwd.frontier.length <= bwd.frontier.length ? fwd : bwd;
    const other = side === fwd ? bwd : fwd;
    const d = side.depth + 1;
    const next: string[] = [];
    const best = new Map<string, [string, number]>(); // per (node, parent): most confident edge
    for (const n of side.frontier) {
      g.forEachEdge(n, (e, a, s, t) => {
        const m = s === n ? t : s;
        const known = side.dist.get(m);
        if (known !== undefined && known < d) return;
        const end = m === from || m === to;
        if (!end && !w.nodeOk(m)) return;
        if (!w.edgeOk(a)) return;
        const pk = `${m}\u0000${n}`;
        const prev = best.get(pk);
        if (prev && prev[1] >= a.confidence) return;
        best.set(pk, [e, a.confidence]);
        if (known === undefined) {
          side.dist.set(m, d);
          next.push(m);
          if (other.dist.has(m)) meets.push(m);
        }
      });
    }
    for (const [pk, [e]] of best) {
      const [m, n] = pk.split('\u0000') as [string, string];
      let list = side.parents.get(m);
      if (!list) side.parents.set(m, (list = []));
      list.push([n, e]);
    }
    side.frontier = next;
    side.depth = d;
    if (meets.length > 0) break;
  }
  if (meets.length === 0) return { from, to, paths: [], length: null, nodes: [], edges: [] };
  // Meeting nodes of the shortest total length.
  const total = (m: string) => fwd.dist.get(m)! + bwd.dist.get(m)!;
  const length = Math.min(...meets.map(total));
  meets = meets.filter((m) => total(m) === length).sort();
  const routes = (side: Side, node: string, cap: number): Array<{ nodes: string[]; edges: string[] }> => {
    if (side.dist.get(node) === 0) return [{ nodes: [node], edges: [] }];
    const out: Array<{ nodes: string[]; edges: string[] }> = [];
    for (const [p, e] of side.parents.get(node) ?? []) {
      for (const r of routes(side, p, cap - out.length)) {
        out.push({ nodes: [...r.nodes, node], edges: [...r.edges, e] });
        if (out.length >= cap) return out;
      }
    }
    return out;
  };
  const paths: Array<{ nodes: string[]; edges: string[] }> = [];
  for (const m of meets) {
    for (const a of routes(fwd, m, limit)) {
      for (const b of routes(bwd, m, limit)) {
        paths.push({ nodes: [...a.nodes, ...b.nodes.slice(0, -1).reverse()], edges: [...a.edges, ...b.edges.reverse()] });
        if (paths.length >= limit) break;
      }
      if (paths.length >= limit) break;
    }
    if (paths.length >= limit) break;
  }
  const nodes = new Set(paths.flatMap((p) => p.nodes));
  const edges = new Set(paths.flatMap((p) => p.edges));
  return { from, to, paths, length, nodes: [...nodes].map((n) => nodeOut(w.store, n)), edges: [...edges].map((e) => edgeOut(w.store, e)) };
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
    g.forEachNode((n) => {
      if (w.nodeOk(n)) addNode(n);
    });
    g.forEachEdge((_e, a, s, t) => consider(a, s, t));
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
  const res = louvain.detailed(p, { getEdgeWeight: 'weight', resolution: opts.resolution, rng: seeded(opts.seed) });
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

/** mulberry32: a small seeded generator, so Louvain's random order repeats. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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

