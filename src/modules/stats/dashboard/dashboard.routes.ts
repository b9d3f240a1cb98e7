import type { AppContext } from '../../../platform/context.ts';
import { serviceContext, unscoped, type Api } from '../../../platform/http/route-kit.ts';
import { figureAnswer as answerSchema, figureIdParam, figureQuery } from '../figures/figures.schema.ts';
import { figureAnswer } from '../figures/figures.service.ts';
import { drillAnswer, drillQuery, mapAnswer, mapQuery } from './dashboard.schema.ts';
import { districtMap, drillDown } from './dashboard.service.ts';

// Dashboards (issue 12, part 3): the registry's figures in the reader's own view (dashboard.read), the
// district map, and the records behind a figure for readers allowed to see them (case-scope.ts).
export async function dashboardRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['statistics'];
  const figureId = unscoped('a figure id of the registry, not a record');

  api.get('/dashboard/figures/:id', {
    config: { access: 'dashboard.read', scope: { 'params.id': figureId } },
    schema: {
      tags, summary: "One figure in the reader's view: a supervisor's branch, an investigator's or prosecutor's own cases, leadership's published view; says whether the records behind it may be listed",
      params: figureIdParam, querystring: figureQuery, response: { 200: answerSchema },
    },
  }, async (request) => figureAnswer(serviceContext(ctx, request), request.params.id, request.query));

  api.get('/dashboard/figures/:id/map', {
    config: { access: 'dashboard.read', scope: { 'params.id': figureId } },
    schema: {
      tags, summary: 'One figure by district of the offence, joined to the district outline; lists the districts the outline lacks',
      params: figureIdParam, querystring: mapQuery, response: { 200: mapAnswer },
    },
  }, async (request) => districtMap(serviceContext(ctx, request), request.params.id, request.query));

  api.get('/dashboard/figures/:id/records', {
    config: { access: 'dashboard.read', scope: { 'params.id': figureId } },
    schema: {
      tags, summary: 'The cases behind one cell of a figure (drill-down), only those the reader may see; never for the published view',
      params: figureIdParam, querystring: drillQuery, response: { 200: drillAnswer },
    },
  }, async (request) => drillDown(serviceContext(ctx, request), request.params.id, request.query));
}
