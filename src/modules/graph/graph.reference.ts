import { UndirectedGraph } from 'graphology';
import { edgeOut, nodeOut, type walker } from './graph.queries.ts';
import type { GraphEdge } from './graph.schema.ts';

// The walks as first written over graphology's own iteration (before the compact adjacency): kept as the
// reference that the unit tests (graph.adjacency.test.ts) and the benchmark (bench/graph.bench.ts) compare the
// walks in graph.queries.ts against, answer for answer and time for time. Not used by the server. The callers
// check visibility of the start and end first (requireNode), as the queries do.

type Walk = ReturnType<typeof walker>;


function oldInduced(w: Walk, nodes: Iterable<string>) {
  const g = w.store.graph;
  const set = new Set(nodes);
  const edges: GraphEdge[] = [];
  for (const n of set) {
    g.forEachEdge(n, (e, a, s, t) => {
      const other = s === n ? t : s;
      if (other < n || !set.has(other) || !w.edgeOk(a)) return;
      edges.push(edgeOut(w.store, e));
    });
  }
  return { nodes: [...set].map((n) => nodeOut(w.store, n)), edges };
}

export function oldNeighbourhood(w: Walk, root: string, hops: number, limit: number) {
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
  return { root, ...oldInduced(w, depth.keys()), depth: Object.fromEntries(depth), truncated };
}

export function oldShortestPaths(w: Walk, from: string, to: string, maxHops: number, limit: number) {
  if (from === to) return { from, to, paths: [{ nodes: [from], edges: [] }], length: 0, ...oldInduced(w, [from]) };
  const g = w.store.graph;
  type Side = { dist: Map<string, number>; parents: Map<string, Array<[string, string]>>; frontier: string[]; depth: number };
  const mk = (start: string): Side => ({ dist: new Map([[start, 0]]), parents: new Map(), frontier: [start], depth: 0 });
  const fwd = mk(from);
  const bwd = mk(to);
  let meets: string[] = [];
  while (fwd.frontier.length > 0 && bwd.frontier.length > 0 && fwd.depth + bwd.depth < maxHops) {
    const side = fwd.frontier.length <= bwd.frontier.length ? fwd : bwd;
    const other = side === fwd ? bwd : fwd;
    const d = side.depth + 1;
    const next: string[] = [];
    const best = new Map<string, [string, number]>();
    for (const n of side.frontier) {
      g.forEachEdge(n, (e, a, s, t) => {
        const m = s === n ? t : s;
        const known = side.dist.get(m);
        if (known !== undefined && known < d) return;
        if (!(m === from || m === to) && !w.nodeOk(m)) return;
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

/** `deadline` (epoch ms): throws 'did not finish' once past it (checked every 65,536 edges). */
export function oldProjection(w: Walk, deadline = Infinity) {
  const g = w.store.graph;
  const p = new UndirectedGraph<{ type: string }, { weight: number }>({ allowSelfLoops: false });
  g.forEachNode((n) => {
    if (w.nodeOk(n)) p.addNode(n, { type: g.getNodeAttribute(n, 'type') });
  });
  let seen = 0;
  g.forEachEdge((_e, a, s, t) => {
    if ((++seen & 0xffff) === 0 && Date.now() > deadline) throw new Error('did not finish');
    if (!w.nodeOk(s) || !w.nodeOk(t) || !w.edgeOk(a)) return;
    const e = p.edge(s, t);
    if (e !== undefined) p.updateEdgeAttribute(e, 'weight', (x) => (x ?? 0) + 1);
    else p.addEdge(s, t, { weight: 1 });
  });
  return p;
}

