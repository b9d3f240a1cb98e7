// The whole-graph algorithms of the graph benchmark (bench/graph.bench.ts) in a worker thread, so that the main
// thread can stop one at its time cap: the analyst's projection comes as arrays (node ids, edge ends, weights, in
// the projection's own order), is rebuilt here once as the same graphology graph, and the algorithms are run on it
// one after the other with the calls the queries make (graph.queries.ts: central, communities, components); a
// message after the rebuild and after each algorithm.
import { parentPort, workerData } from 'node:worker_threads';
import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import { createRng } from '../src/platform/prng.ts';

const { algorithms, ids, src, dst, weight } = workerData as { algorithms: string[]; ids: string[]; src: Int32Array; dst: Int32Array; weight: Int32Array };
let t0 = performance.now();
const p = new UndirectedGraph<Record<string, never>, { weight: number }>({ allowSelfLoops: false });
for (const id of ids) p.addNode(id);
for (let e = 0; e < src.length; e++) p.addEdge(ids[src[e]!]!, ids[dst[e]!]!, { weight: weight[e]! });
parentPort!.postMessage({ step: 'rebuild', ms: performance.now() - t0 });
for (const algorithm of algorithms) {
  t0 = performance.now();
  let detail: Record<string, number> = {};
  if (algorithm === 'components') {
    const comps = connectedComponents(p);
    detail = { components: comps.length, largest: Math.max(...comps.map((c) => c.length)) };
  } else if (algorithm === 'degree') {
    degreeCentrality(p);
  } else if (algorithm === 'pagerank') {
    pagerank(p, { getEdgeWeight: 'weight' });
  } else if (algorithm === 'louvain') {
    const res = louvain.detailed(p, { getEdgeWeight: 'weight', resolution: 1, rng: createRng(1).next });
    detail = { communities: res.count, modularity: Math.round(res.modularity * 1000) / 1000 };
  } else {
    throw new Error(`no algorithm ${algorithm}`);
  }
  parentPort!.postMessage({ step: algorithm, ms: performance.now() - t0, ...detail });
}
