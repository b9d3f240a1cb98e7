import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { approveOperationBody, cancelOperationBody, executeOperationBody, listOperationsQuery, operationDetail, operationSummary, planOperationBody, updateOperationBody } from './operation.schema.ts';
import { approveOperation, cancelOperation, executeOperation, getOperation, listOperations, planOperation, updateOperation } from './operation.service.ts';

export async function operationRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['operations'];

  api.get('/cases/:id/operations', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Operations (raids) of a case with outcome counts, newest planned first', params: uuidParam, querystring: listOperationsQuery, response: { 200: pageOf(operationSummary) } },
  }, async (request) => listOperations(serviceContext(ctx, request), request.params.id, request.query));

  api.post('/cases/:id/operations', {
    config: { access: 'operation.write', scope: { 'params.id': 'case', 'body.officerIds.*': 'user', 'body.caseIds.*': 'case' } },
    schema: { tags, summary: 'Plan an operation: name, date-time, place, participating agencies', params: uuidParam, body: planOperationBody, response: { 201: operationDetail } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const id = await planOperation(sctx, request.params.id, request.body);
    return reply.status(201).send(await getOperation(sctx, id));
  });

  api.get('/operations/:id', {
    config: { access: 'case.read', scope: { 'params.id': 'operation' } },
    schema: { tags, summary: 'One operation with its outcomes: arrested by name, rescued children by pseudonym, seized items', params: uuidParam, response: { 200: operationDetail } },
  }, async (request) => getOperation(serviceContext(ctx, request), request.params.id));

  api.patch('/operations/:id', {
    config: { access: 'operation.write', scope: { 'params.id': 'operation', 'body.officerIds.*': 'user', 'body.caseIds.*': 'case' } },
    schema: { tags, summary: 'Change a planned operation (before approval): date, place, officers taking part, the further cases it serves; the earlier values are kept', params: uuidParam, body: updateOperationBody, response: { 200: operationDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await updateOperation(sctx, request.params.id, request.body);
    return getOperation(sctx, request.params.id);
  });

  api.post('/operations/:id/approve', {
    config: { access: 'operation.approve', scope: { 'params.id': 'operation' } },
    schema: { tags, summary: 'Approve a planned operation (supervisor of the case branch); `at` dates an approval given earlier', params: uuidParam, body: approveOperationBody, response: { 200: operationDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await approveOperation(sctx, request.params.id, request.body ?? {});
    return getOperation(sctx, request.params.id);
  });

  api.post('/operations/:id/execute', {
    config: { access: 'operation.write', scope: { 'params.id': 'operation', 'body.arrestedPersonIds.*': 'person', 'body.rescuedVictimIds.*': 'victim', 'body.seizedItems.*.custodianId': 'user' } },
    schema: {
      tags,
      summary: 'Record an approved operation as executed with its arrests, rescues and seizures: all stored or none',
      params: uuidParam,
      body: executeOperationBody,
      response: { 200: operationDetail },
    },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await executeOperation(sctx, request.params.id, request.body);
    return getOperation(sctx, request.params.id);
  });

  api.post('/operations/:id/cancel', {
    config: { access: 'operation.write', scope: { 'params.id': 'operation' } },
    schema: { tags, summary: 'Call off a planned or approved operation, saying why', params: uuidParam, body: cancelOperationBody, response: { 200: operationDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await cancelOperation(sctx, request.params.id, request.body.reason);
    return getOperation(sctx, request.params.id);
  });
}
