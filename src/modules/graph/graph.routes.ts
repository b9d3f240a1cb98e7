import type { AppContext } from '../../platform/context.ts';
import { serviceContext, type Api } from '../../platform/http/route-kit.ts';
import { unscoped } from '../../platform/access/route-access.ts';
import {
  centralQuery, centralResponse, communitiesQuery, communitiesResponse, componentQuery, componentResponse, componentsQuery, componentsResponse,
  exportQuery, linkedCasesQuery, linkedCasesResponse, neighbourhoodQuery, neighbourhoodResponse, pathQuery, pathResponse,
} from './graph.schema.ts';
import { graphCentral, graphCommunities, graphComponent, graphComponents, graphExport, graphLinkedCases, graphNeighbourhood, graphPath } from './graph.service.ts';

// The entity graph, read through the cases the caller may see (graph.access.ts): node ids are `<type>:<id>` in
// the query string, checked per query against the caller's view, so a node that does not exist and one the
// caller may not see give the same 404. No path parameters and no UUID fields to scope at the route.
export async function graphRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['graph'];
  const sctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(ctx, request);
  // Node ids are typed (`person:<uuid>`, `media:42`), not one kind of record: each is checked per query against
  // the caller's graph view (graph.access.ts), missing and hidden alike giving the same 404 "node not found".
  const checked = unscoped('a typed graph node id, checked per query against the caller\'s graph view (same 404 for missing and hidden)');
  const config = (...fields: string[]) => ({ access: 'graph.read' as const, scope: Object.fromEntries(fields.map((f) => [`query.${f}`, checked])) });

  api.get('/graph/neighbourhood', {
    config: config('node'),
    schema: { tags, summary: 'The nodes within n hops of a node and the edges between them, each with the record that justifies it; filters by node type, edge kind and observed period', querystring: neighbourhoodQuery, response: { 200: neighbourhoodResponse } },
  }, async (request) => graphNeighbourhood(sctx(request), request.query));

  api.get('/graph/path', {
    config: config('from', 'to'),
    schema: { tags, summary: 'The shortest paths between two nodes, through what you may see, with the record behind each hop', querystring: pathQuery, response: { 200: pathResponse } },
  }, async (request) => graphPath(sctx(request), request.query));

  api.get('/graph/components', {
    config: config(),
    schema: { tags, summary: 'Networks (connected components) of the graph you may see, largest first', querystring: componentsQuery, response: { 200: componentsResponse } },
  }, async (request) => graphComponents(sctx(request), request.query));

  api.get('/graph/component', {
    config: config('node'),
    schema: { tags, summary: 'The network holding a node, as a graph', querystring: componentQuery, response: { 200: componentResponse } },
  }, async (request) => graphComponent(sctx(request), request.query));

  api.get('/graph/communities', {
    config: config('node'),
    schema: { tags, summary: 'Communities (Louvain) of the graph you may see, or of the network of a node', querystring: communitiesQuery, response: { 200: communitiesResponse } },
  }, async (request) => graphCommunities(sctx(request), request.query));

  api.get('/graph/central', {
    config: config('node'),
    schema: { tags, summary: 'Key players by degree, betweenness or PageRank, in the network (or neighbourhood) of a node or all you may see', querystring: centralQuery, response: { 200: centralResponse } },
  }, async (request) => graphCentral(sctx(request), request.query));

  api.get('/graph/linked-cases', {
    config: config('case'),
    schema: { tags, summary: 'Cases linked to a case and why: the shared entity, person, victim pseudonym, hash set or media', querystring: linkedCasesQuery, response: { 200: linkedCasesResponse } },
  }, async (request) => graphLinkedCases(sctx(request), request.query));

  api.get('/graph/export', {
    config: config('node'),
    schema: { tags, summary: 'A neighbourhood or network as GraphML, GEXF (Gephi) or JSON; audited', querystring: exportQuery },
  }, async (request, reply) => {
    const file = await graphExport(sctx(request), request.query);
    const name = `graph-${request.query.node.replace(/[^A-Za-z0-9_-]/g, '_')}.${file.extension}`;
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${name}"`).send(file.body);
  });
}
