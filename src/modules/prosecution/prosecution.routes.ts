import type { AppContext } from '../../platform/context.ts';
import { serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { appealBody, chargeBody, decideAppealBody, hearingBody, prosecutionView, updateHearingBody, verdictBody } from './prosecution.schema.ts';
import { addCharge, addHearing, decideAppeal, fileAppeal, getProsecution, recordVerdict, updateHearing } from './prosecution.service.ts';

// Every write answers the case's whole prosecution record, so a form can redraw from one response.
export async function prosecutionRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['prosecution'];

  api.get('/cases/:id/prosecution', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Charges, hearings, verdicts with sentences, and appeals of a case', params: uuidParam, response: { 200: prosecutionView } },
  }, async (request) => getProsecution(serviceContext(ctx, request), request.params.id));

  api.post('/cases/:id/charges', {
    config: { access: 'prosecution.write', scope: { 'params.id': 'case', 'body.personId': 'person' } },
    schema: { tags, summary: 'Frame a charge against an accused of the case, under an offence of the catalogue', params: uuidParam, body: chargeBody, response: { 201: prosecutionView } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await addCharge(sctx, request.params.id, request.body);
    return reply.status(201).send(await getProsecution(sctx, request.params.id));
  });

  api.post('/cases/:id/hearings', {
    config: { access: 'prosecution.write', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Add a hearing (court, date, purpose; outcome once held)', params: uuidParam, body: hearingBody, response: { 201: prosecutionView } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await addHearing(sctx, request.params.id, request.body);
    return reply.status(201).send(await getProsecution(sctx, request.params.id));
  });

  api.patch('/hearings/:id', {
    config: { access: 'prosecution.write', scope: { 'params.id': 'hearing' } },
    schema: { tags, summary: 'Reschedule a hearing or record its outcome', params: uuidParam, body: updateHearingBody, response: { 200: prosecutionView } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    const caseId = await updateHearing(sctx, request.params.id, request.body);
    return getProsecution(sctx, caseId);
  });

  api.post('/cases/:id/verdicts', {
    config: { access: 'prosecution.write', scope: { 'params.id': 'case', 'body.personId': 'person' } },
    schema: {
      tags,
      summary: 'Record the verdict for a charged accused; a conviction may carry a sentence (years and months, at most 100 years) and a fine',
      params: uuidParam,
      body: verdictBody,
      response: { 201: prosecutionView },
    },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await recordVerdict(sctx, request.params.id, request.body);
    return reply.status(201).send(await getProsecution(sctx, request.params.id));
  });

  api.post('/verdicts/:id/appeals', {
    config: { access: 'prosecution.write', scope: { 'params.id': 'verdict' } },
    schema: { tags, summary: 'File an appeal against a verdict', params: uuidParam, body: appealBody, response: { 201: prosecutionView } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const caseId = await fileAppeal(sctx, request.params.id, request.body);
    return reply.status(201).send(await getProsecution(sctx, caseId));
  });

  api.patch('/appeals/:id', {
    config: { access: 'prosecution.write', scope: { 'params.id': 'appeal' } },
    schema: { tags, summary: 'Record the decision on a pending appeal', params: uuidParam, body: decideAppealBody, response: { 200: prosecutionView } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    const caseId = await decideAppeal(sctx, request.params.id, request.body);
    return getProsecution(sctx, caseId);
  });
}
