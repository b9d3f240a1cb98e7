import { auditRead, type ServiceContext } from '../../platform/context.ts';
import { viewFor, type GraphView } from './graph.access.ts';
import { graphStoreFor, type GraphStore } from './graph.store.ts';
import { central, communities, component, components, linkedCases, neighbourhood, shortestPaths, walker, type Filters } from './graph.queries.ts';
import { toGexf, toGraphml } from './graph.export.ts';
import type {
  CentralQuery, CentralResponse, CommunitiesQuery, CommunitiesResponse, ComponentQuery, ComponentResponse, ComponentsQuery, ComponentsResponse,
  ExportQuery, GraphResponse, LinkedCasesQuery, LinkedCasesResponse, NeighbourhoodQuery, NeighbourhoodResponse, PathQuery, PathResponse,
} from './graph.schema.ts';

// Graph queries for one actor: the store is brought up to date with the change log, the actor's view (the cases
// they may see) is read, and the query runs over visible edges only (graph.access.ts, graph.queries.ts).

const filtersOf = (q: Filters): Filters => ({ nodeTypes: q.nodeTypes, edgeKinds: q.edgeKinds, observedFrom: q.observedFrom, observedTo: q.observedTo });

async function prepare(ctx: ServiceContext): Promise<{ store: GraphStore; view: GraphView }> {
  const view = await viewFor(ctx);
  const store = await graphStoreFor(ctx.db);
  return { store, view };
}

export async function graphNeighbourhood(ctx: ServiceContext, q: NeighbourhoodQuery): Promise<NeighbourhoodResponse> {
  const { store, view } = await prepare(ctx);
  return neighbourhood(walker(store, view, filtersOf(q)), q.node, q.hops, q.limit);
}

export async function graphPath(ctx: ServiceContext, q: PathQuery): Promise<PathResponse> {
  const { store, view } = await prepare(ctx);
  return shortestPaths(walker(store, view, filtersOf(q)), q.from, q.to, q.maxHops, q.limit);
}

export async function graphComponents(ctx: ServiceContext, q: ComponentsQuery): Promise<ComponentsResponse> {
  const { store, view } = await prepare(ctx);
  return components(walker(store, view, filtersOf(q)), filtersOf(q), q.minSize, q.limit, q.offset);
}

export async function graphComponent(ctx: ServiceContext, q: ComponentQuery): Promise<ComponentResponse> {
  const { store, view } = await prepare(ctx);
  return component(walker(store, view, filtersOf(q)), q.node, q.limit);
}

export async function graphCommunities(ctx: ServiceContext, q: CommunitiesQuery): Promise<CommunitiesResponse> {
  const { store, view } = await prepare(ctx);
  return communities(walker(store, view, filtersOf(q)), filtersOf(q), q);
}

export async function graphCentral(ctx: ServiceContext, q: CentralQuery): Promise<CentralResponse> {
  const { store, view } = await prepare(ctx);
  return central(walker(store, view, filtersOf(q)), filtersOf(q), q);
}

export async function graphLinkedCases(ctx: ServiceContext, q: LinkedCasesQuery): Promise<LinkedCasesResponse> {
  const { store, view } = await prepare(ctx);
  return linkedCases(walker(store, view, filtersOf(q)), q.case, q.limit);
}

export interface ExportFile {
  contentType: string;
  extension: string;
  body: string;
  nodes: number;
  edges: number;
}

export async function graphExport(ctx: ServiceContext, q: ExportQuery): Promise<ExportFile> {
  const { store, view } = await prepare(ctx);
  const w = walker(store, view, filtersOf(q));
  const g: GraphResponse = q.component ? component(w, q.node, q.limit) : neighbourhood(w, q.node, q.hops, q.limit);
  const graph = { nodes: g.nodes, edges: g.edges };
  const counts = { nodes: graph.nodes.length, edges: graph.edges.length };
  // What left the system, and through whose view: the trail names the node, the extent and the format.
  await auditRead(ctx, { action: 'graph.export', entityType: q.node.slice(0, q.node.indexOf(':')), entityId: q.node.slice(q.node.indexOf(':') + 1), details: { node: q.node, format: q.format, component: q.component, hops: q.component ? null : q.hops, ...counts } });
  if (q.format === 'gexf') return { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', body: toGexf(graph), ...counts };
  if (q.format === 'graphml') return { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', body: toGraphml(graph), ...counts };
  return { contentType: 'application/json; charset=utf-8', extension: 'json', body: `${JSON.stringify(graph, null, 2)}\n`, ...counts };
}

