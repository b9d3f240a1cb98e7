import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { createLegalRequestBody, legalFollowupBody, legalRequestDetail, legalRequestFigures, legalRequestSummary, listCaseLegalRequestsQuery, listLegalRequestsQuery } from './legal-request.schema.ts';
import { createLegalRequest, getLegalRequest, legalRequestFigures as figures, listCaseLegalRequests, listLegalRequests, recordFollowup } from './legal-request.service.ts';

export async function legalRequestRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['legal requests'];

  api.get('/legal-requests', {
    config: { access: 'case.read', scope: {} },
    schema: { tags, summary: 'Legal and cooperation requests of the cases you may read, open ones with the nearest deadline first', querystring: listLegalRequestsQuery, response: { 200: pageOf(legalRequestSummary) } },
  }, async (request) => listLegalRequests(serviceContext(ctx, request), request.query));

  api.get('/legal-requests/figures', {
    config: { access: 'case.read', scope: {} },
    schema: { tags, summary: 'How many requests are open, due soon, and lapsed (deadline passed while open), by kind', response: { 200: legalRequestFigures } },
  }, async (request) => figures(serviceContext(ctx, request)));

  api.get('/cases/:id/legal-requests', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Legal and cooperation requests of a case', params: uuidParam, querystring: listCaseLegalRequestsQuery, response: { 200: pageOf(legalRequestSummary) } },
  }, async (request) => listCaseLegalRequests(serviceContext(ctx, request), request.params.id, request.query));

  api.post('/cases/:id/legal-requests', {
    config: { access: 'legal_request.write', scope: { 'params.id': 'case', 'body.personId': 'person', 'body.entityId': 'entity' } },
    schema: {
      tags,
      summary: 'Record a preservation request, emergency disclosure request, production order, mutual legal assistance request or Interpol notice, with its deadline',
      params: uuidParam, body: createLegalRequestBody, response: { 201: legalRequestDetail },
    },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const id = await createLegalRequest(sctx, request.params.id, request.body);
    return reply.status(201).send(await getLegalRequest(sctx, id));
  });

  api.get('/legal-requests/:id', {
    config: { access: 'case.read', scope: { 'params.id': 'legalRequest' } },
    schema: { tags, summary: 'One request with its follow-ups and answer', params: uuidParam, response: { 200: legalRequestDetail } },
  }, async (request) => getLegalRequest(serviceContext(ctx, request), request.params.id));

  api.post('/legal-requests/:id/followups', {
    config: { access: 'legal_request.write', scope: { 'params.id': 'legalRequest' } },
    schema: { tags, summary: 'Record a follow-up, an extension (new deadline) or the answer (acknowledged, fulfilled, refused), or withdraw the request', params: uuidParam, body: legalFollowupBody, response: { 200: legalRequestDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await recordFollowup(sctx, request.params.id, request.body);
    return getLegalRequest(sctx, request.params.id);
  });
}
