import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import {
  caseEntitiesResponse, entityDetail, entitySummary, recordCommunicationBody, recordEntityBody, recordLinkBody, recordPaymentBody, searchEntitiesQuery,
} from './entity.schema.ts';
import { getEntity, listCaseEntities, recordCommunication, recordEntity, recordLink, recordPayment, searchEntities } from './entity.service.ts';

// The entity graph's records: identifiers, links with provenance, payments, communications (issue 9).
export async function entityRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['entities'];

  api.get('/entities', {
    config: { access: 'graph.read' },
    schema: { tags, summary: 'Entities you may see; the typed value is normalised per kind first ("0300-1234567" finds +923001234567)', querystring: searchEntitiesQuery, response: { 200: pageOf(entitySummary) } },
  }, async (request) => searchEntities(serviceContext(ctx, request), request.query));

  api.post('/entities', {
    config: { access: 'entity.write' },
    schema: { tags, summary: 'Record an identifier by kind and value, or find it: the same value typed anywhere is one entity', body: recordEntityBody, response: { 200: entityDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    return getEntity(sctx, await recordEntity(sctx, request.body));
  });

  api.get('/entities/:id', {
    config: { access: 'graph.read', scope: { 'params.id': 'entity' } },
    schema: { tags, summary: 'One entity with everything you may see about it: links with provenance, cases, payments, communications', params: uuidParam, response: { 200: entityDetail } },
  }, async (request) => getEntity(serviceContext(ctx, request), request.params.id));

  api.get('/cases/:id/entities', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Identifiers and links of a case: its entities, links (with the identifiers of its persons), payments and communications', params: uuidParam, response: { 200: caseEntitiesResponse } },
  }, async (request) => listCaseEntities(serviceContext(ctx, request), request.params.id));

  api.post('/cases/:id/links', {
    config: { access: 'entity.write', scope: { 'params.id': 'case', 'body.evidenceId': 'evidence' } },
    schema: { tags, summary: 'Record a link between two nodes (an existing node you may see, or an identifier by value) with its provenance in this case', params: uuidParam, body: recordLinkBody, response: { 201: caseEntitiesResponse } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await recordLink(sctx, request.params.id, request.body);
    return reply.status(201).send(await listCaseEntities(sctx, request.params.id));
  });

  api.post('/cases/:id/payments', {
    config: { access: 'entity.write', scope: { 'params.id': 'case', 'body.evidenceId': 'evidence' } },
    schema: { tags, summary: 'Record a payment between two identifiers (wallet, account, crypto address); it is also a "paid" link', params: uuidParam, body: recordPaymentBody, response: { 201: caseEntitiesResponse } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await recordPayment(sctx, request.params.id, request.body);
    return reply.status(201).send(await listCaseEntities(sctx, request.params.id));
  });

  api.post('/cases/:id/communications', {
    config: { access: 'entity.write', scope: { 'params.id': 'case', 'body.evidenceId': 'evidence' } },
    schema: { tags, summary: 'Record a call, message exchange or live-stream session with its host, viewers and payers; each participant is also a link', params: uuidParam, body: recordCommunicationBody, response: { 201: caseEntitiesResponse } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await recordCommunication(sctx, request.params.id, request.body);
    return reply.status(201).send(await listCaseEntities(sctx, request.params.id));
  });
}
