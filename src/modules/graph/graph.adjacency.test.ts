import { describe, expect, it } from 'vitest';
import type { UndirectedGraph } from 'graphology';
import { createRng, type Rng } from '../../platform/prng.ts';
import type { Db } from '../../platform/db/database.ts';
import { fullView, type GraphView } from './graph.access.ts';
import { GraphStore, type EdgeAttrs } from './graph.store.ts';
import { neighbourhood, projection, shortestPaths, walker, type Filters } from './graph.queries.ts';
import { oldNeighbourhood, oldProjection, oldShortestPaths } from './graph.reference.ts';
import type { GraphEdge, GraphEdgeKind } from './graph.schema.ts';

// The compact adjacency (graph.adjacency.ts) against graphology, and the walks over it against the walks as they
// were written over graphology before (kept below as the reference), on random multigraphs with hidden cases,
// parallel edges of different confidence, edges from no case, and changes applied after the adjacency was built.

type Walk = ReturnType<typeof walker>;
const kinds: GraphEdgeKind[] = ['uses', 'owns', 'paid', 'communicated'];

interface StoreInternals {
  putEdge(key: string, a: string, b: string, attrs: Omit<EdgeAttrs, 'caseIds' | 'source' | 'ix'> & { recordCase: string | null }): void;
  dropEdge(key: string): void;
}

function randomStore(rng: Rng, nodes: number, edges: number, cases: number): GraphStore {
  const store = new GraphStore(null as unknown as Db);
  const g = store.graph;
  for (let c = 0; c < cases; c++) g.addNode(`case:c${c}`, { type: 'case', label: `case ${c}`, owner: `c${c}`, attrs: {} });
  for (let i = 0; i < nodes; i++) {
    const person = i % 5 === 0;
    g.addNode(`${person ? 'person' : 'entity'}:n${i}`, { type: person ? 'person' : 'entity', label: `node ${i}`, createdBy: i % 17 === 0 ? 'u1' : null, attrs: {} });
  }
  const ids = g.nodes();
  const s = store as unknown as StoreInternals;
  // Skewed ends (a few busy nodes) and some parallel edges.
  const pick = () => ids[Math.floor(ids.length * rng.next() ** 2)]!;
  for (let e = 0; e < edges; e++) {
    const a = pick();
    const b = rng.chance(0.1) && e > 0 ? g.extremities(g.edges()[Math.floor(rng.next() * g.size)]!)[1] : ids[Math.floor(rng.next() * ids.length)]!;
    const recordCase = rng.chance(0.1) ? null : `c${rng.int(0, cases - 1)}`;
    s.putEdge(`link:${e}`, a, b, {
      kind: rng.pick(kinds), recordCase, jType: 'link', jId: String(e), jLabel: `link ${e}`, from: rng.chance(0.5) ? Date.UTC(2024, rng.int(0, 11), 1) : null, to: null,
      confidence: rng.pick([0.5, 0.8, 1]), recordedBy: rng.chance(0.2) ? 'u1' : null,
    });
  }
  return store;
}

const views = (cases: number): GraphView[] => [
  fullView,
  { all: false, cases: new Set(Array.from({ length: Math.ceil(cases / 2) }, (_, c) => `c${c * 2}`)), userId: 'u1', key: 'half' },
  { all: false, cases: new Set(['c1']), userId: 'u2', key: 'one' },
];
const filters: Filters[] = [{}, { edgeKinds: ['uses', 'paid'] }, { nodeTypes: ['entity', 'case'] }, { observedFrom: '2024-03-01T00:00:00Z', observedTo: '2024-08-01T00:00:00Z' }];

const sortEdges = <T extends { edges: GraphEdge[] }>(r: T) => ({ ...r, edges: [...r.edges].sort((a, b) => (a.id < b.id ? -1 : 1)) });
const projectionShape = (p: UndirectedGraph<{ type: string }, { weight: number }>) => ({
  nodes: p.nodes(),
  edges: p.mapEdges((_e, a, s, t) => `${s}|${t}|${a.weight}`),
});

/** Adds and drops edges and nodes through the store (as applying changes does), after the adjacency was built. */
function change(store: GraphStore, rng: Rng, count: number): void {
  const s = store as unknown as StoreInternals;
  const g = store.graph;
  for (let k = 0; k < count; k++) {
    const edges = g.edges();
    if (rng.chance(0.4) && edges.length > 0) {
      s.dropEdge(rng.pick(edges));
    } else {
      const ids = g.nodes();
      let b = rng.pick(ids);
      if (rng.chance(0.3)) {
        b = `entity:new${k}`;
        if (!g.hasNode(b)) g.addNode(b, { type: 'entity', label: 'new', createdBy: null, attrs: {} });
      }
      const a = rng.pick(ids);
      s.putEdge(rng.chance(0.3) && edges.length > 0 ? rng.pick(edges) : `link:x${k}`, a, b, {
        kind: rng.pick(kinds), recordCase: rng.chance(0.1) ? null : `c${rng.int(0, 5)}`, jType: 'link', jId: `x${k}`, jLabel: 'changed', from: null, to: null,
        confidence: rng.pick([0.5, 1]), recordedBy: null,
      });
    }
  }
}

describe('compact adjacency', () => {
  it('has every node\'s edges in graphology\'s order, before and after changes', () => {
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const store = randomStore(rng, 300, 1500, 6);
      const check = () => {
        const adj = store.adjacency();
        store.graph.forEachNode((node) => {
          const i = adj.find(node);
          adj.row(i);
          const got: string[] = [];
          for (let k = adj.lo; k < adj.hi; k++) got.push(`${adj.ids[adj.nb[k]!]}|${adj.edgeKeys[adj.ed[k]!]}`);
          const want: string[] = [];
          store.graph.forEachEdge(node, (e, _a, s, t) => want.push(`${s === node ? t : s}|${e}`));
          expect(got).toEqual(want);
          expect(adj.degree(i)).toBe(want.length);
          const sorted = adj.sortedRow(i);
          if (sorted) {
            const viaSorted: string[] = [];
            const neighbours = new Set<number>();
            for (let k = adj.lo; k < adj.hi; k++) neighbours.add(adj.nb[k]!);
            for (const m of neighbours) adj.edgesTo(sorted[0], sorted[1], m, (e) => viaSorted.push(`${adj.ids[m]}|${adj.edgeKeys[e]}`));
            expect([...viaSorted].sort()).toEqual([...want].sort());
          }
        });
      };
      check();
      const before = store.adjacency();
      change(store, rng, 40);
      expect(store.adjacency()).toBe(before); // few changes: the same adjacency, dirty rows read from graphology
      expect(before.dirtyCount).toBeGreaterThan(0);
      check();
    }
  });

  it('neighbourhoods, paths and the whole projection equal the walks over graphology, with hidden cases and filters', () => {
    let pathsCompared = 0;
    for (const seed of [11, 12, 13, 14]) {
      const rng = createRng(seed);
      const cases = 6;
      const store = randomStore(rng, 250, 1200, cases);
      for (let round = 0; round < 2; round++) {
        if (round === 1) change(store, rng, 60);
        const ids = store.graph.nodes();
        for (const view of views(cases)) {
          for (const f of filters) {
            const w = walker(store, view, f);
            for (let q = 0; q < 12; q++) {
              const a = rng.pick(ids);
              const b = rng.pick(ids);
              for (const limit of [5, 40, 500]) {
                const n1 = safe(() => sortEdges(neighbourhood(w, a, 2, limit)));
                const n0 = safe(() => sortEdges(requireThen(w, a, () => oldNeighbourhood(w, a, 2, limit))));
                expect(n1).toEqual(n0);
              }
              const p1 = safe(() => shortestPaths(w, a, b, 8, 5));
              const p0 = safe(() => requireThen(w, a, () => requireThen(w, b, () => oldShortestPaths(w, a, b, 8, 5))));
              expect(p1).toEqual(p0);
              if (typeof p0 !== 'string' && p0.length !== null && p0.length > 1) pathsCompared++;
            }
            if (view.all) expect(projectionShape(projection(w, JSON.stringify(f) + round))).toEqual(projectionShape(oldProjection(w)));
          }
        }
      }
    }
    expect(pathsCompared).toBeGreaterThan(100);
  });
});

const safe = <T>(f: () => T): T | string => {
  try {
    return f();
  } catch (e) {
    return (e as Error).message;
  }
};

function requireThen<T>(w: Walk, node: string, f: () => T): T {
  // The same visibility check the queries make first (a 404 for what the view cannot see).
  neighbourhood(w, node, 0, 1);
  return f();
}

