import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { createEvidenceBody, evidenceDetail, evidenceSummary, listEvidenceQuery, transferBody } from './evidence.schema.ts';
import { createEvidence, getEvidence, listEvidence, transferEvidence } from './evidence.service.ts';

export async function evidenceRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['evidence'];

  api.get('/cases/:id/evidence', {
    config: { access: 'case.read', scope: { 'params.id': 'case', 'query.operationId': 'operation', 'query.custodianId': 'user' } },
    schema: { tags, summary: 'Evidence items of a case with their current custodian; filter by kind, operation, custodian or text', params: uuidParam, querystring: listEvidenceQuery, response: { 200: pageOf(evidenceSummary) } },
  }, async (request) => listEvidence(serviceContext(ctx, request), request.params.id, request.query));

  api.post('/cases/:id/evidence', {
    config: { access: 'evidence.write', scope: { 'params.id': 'case', 'body.operationId': 'operation', 'body.custodianId': 'user' } },
    schema: { tags, summary: 'Record an evidence item; its chain of custody starts with the first custodian', params: uuidParam, body: createEvidenceBody, response: { 201: evidenceDetail } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const id = await createEvidence(sctx, request.params.id, request.body);
    return reply.status(201).send(await getEvidence(sctx, id));
  });

  api.get('/evidence/:id', {
    config: { access: 'case.read', scope: { 'params.id': 'evidence' } },
    schema: { tags, summary: 'One evidence item with its full chain of custody', params: uuidParam, response: { 200: evidenceDetail } },
  }, async (request) => getEvidence(serviceContext(ctx, request), request.params.id));

  api.post('/evidence/:id/transfers', {
    config: { access: 'evidence.write', scope: { 'params.id': 'evidence', 'body.toUserId': 'user' } },
    schema: {
      tags,
      summary: 'Hand the item over: by the current custodian (or the branch supervisor), to a user who can see the case',
      params: uuidParam,
      body: transferBody,
      response: { 201: evidenceDetail },
    },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await transferEvidence(sctx, request.params.id, request.body);
    return reply.status(201).send(await getEvidence(sctx, request.params.id));
  });
}
