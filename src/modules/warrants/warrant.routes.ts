import type { AppContext } from '../../platform/context.ts';
import { serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { casePersonParams } from '../persons/person.schema.ts';
import { caseWarrants, createWarrantBody, updateWarrantBody } from './warrant.schema.ts';
import { createWarrant, listWarrants, updateWarrant } from './warrant.service.ts';

// Every write answers the case's warrants, so the page can redraw from one response.
export async function warrantRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['warrants'];
  api.get('/cases/:id/warrants', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Warrants, proclamations and red notices of the accused of a case', params: uuidParam, response: { 200: caseWarrants } },
  }, async (request) => listWarrants(serviceContext(ctx, request), request.params.id));

  api.post('/cases/:id/persons/:personId/warrants', {
    config: { access: 'person.write', scope: { 'params.id': 'case', 'params.personId': 'person' } },
    schema: { tags, summary: 'Record a warrant or notice against an accused of the case: kind, status, date, country, reference', params: casePersonParams, body: createWarrantBody, response: { 201: caseWarrants } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await createWarrant(sctx, request.params.id, request.params.personId, request.body);
    return reply.status(201).send(await listWarrants(sctx, request.params.id));
  });

  api.patch('/warrants/:id', {
    config: { access: 'person.write', scope: { 'params.id': 'warrant' } },
    schema: { tags, summary: 'Correct a warrant or move it on (issued, executed, withdrawn...); the earlier values are kept', params: uuidParam, body: updateWarrantBody, response: { 200: caseWarrants } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    const caseId = await updateWarrant(sctx, request.params.id, request.body);
    return listWarrants(sctx, caseId);
  });
}
