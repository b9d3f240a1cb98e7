import type { AppContext } from '../../platform/context.ts';
import { okResponse, pageOf, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { z } from 'zod';
import {
  assignBody, assignmentParams, caseVictimParams, createVictimBody, followupBody, followupDoneBody, followupParams, identityBody, listVictimsQuery, placementBody,
  safeguardingAlerts, transitionBody, victimDetail, victimIdentity, victimSummary,
} from './victim.schema.ts';
import { createVictim, getVictim, linkVictim, listVictims } from './victim.service.ts';
import { readIdentity, updateIdentity } from './victim.identity.ts';
import { safeguardingAlerts as readSafeguardingAlerts } from './safeguarding.service.ts';
import { addFollowup, addPlacement, assignOfficer, completeFollowup, transitionVictim, unassignOfficer } from './victim.care.service.ts';

// Victims are shown by pseudonym everywhere; the identity has its own two routes, and only an assigned
// protection officer ever reads it.
export async function victimRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['victims'];
  const sctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(ctx, request);

  api.post('/cases/:id/victims', {
    config: { access: 'victim.write', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Register a victim on the case: a pseudonym V-YYYY-NNNN; the identity (optional) is stored encrypted and not shown back', params: uuidParam, body: createVictimBody, response: { 201: victimDetail } },
  }, async (request, reply) => {
    const id = await createVictim(sctx(request), request.params.id, request.body);
    return reply.status(201).send(await getVictim(sctx(request), id));
  });

  api.put('/cases/:id/victims/:victimId', {
    config: { access: 'victim.write', scope: { 'params.id': 'case', 'params.victimId': 'victim' } },
    schema: { tags, summary: 'Link a victim you may see to another case you may see', params: caseVictimParams, response: { 200: victimDetail } },
  }, async (request) => {
    await linkVictim(sctx(request), request.params.id, request.params.victimId);
    return getVictim(sctx(request), request.params.victimId);
  });

  api.get('/victims', {
    config: { access: 'victim.read', scope: { 'query.caseId': 'case' } },
    schema: { tags, summary: 'Victims you may see, by pseudonym; assigned=me is the protection officer\'s list with placement and next follow-up', querystring: listVictimsQuery, response: { 200: pageOf(victimSummary) } },
  }, async (request) => listVictims(sctx(request), request.query));

  api.get('/victims/safeguarding', {
    config: { access: 'victim.read' },
    schema: { tags, summary: 'Rescued children without a protection officer, and follow-ups past their date, among the victims you may see (by pseudonym)', response: { 200: safeguardingAlerts } },
  }, async (request) => readSafeguardingAlerts(sctx(request)));

  api.get('/victims/:id', {
    config: { access: 'victim.read', scope: { 'params.id': 'victim' } },
    schema: { tags, summary: 'One victim by pseudonym: state, history, officers; care records for the assigned protection officer', params: uuidParam, response: { 200: victimDetail } },
  }, async (request) => getVictim(sctx(request), request.params.id));

  api.get('/victims/:id/identity', {
    config: { access: 'victim.identity.read', scope: { 'params.id': 'victim' } },
    schema: { tags, summary: 'The identity, for an assigned protection officer only; every read is audited', params: uuidParam, response: { 200: victimIdentity } },
  }, async (request) => readIdentity(sctx(request), request.params.id));

  api.patch('/victims/:id/identity', {
    config: { access: 'victim.identity.write', scope: { 'params.id': 'victim' } },
    schema: { tags, summary: 'Record or correct the identity (investigation of the case or assigned protection officer); merged, never echoed', params: uuidParam, body: identityBody, response: { 200: z.object({ ok: z.literal(true), updatedAt: z.string() }) } },
  }, async (request) => ({ ok: true as const, ...(await updateIdentity(sctx(request), request.params.id, request.body)) }));

  api.post('/victims/:id/transitions', {
    config: { access: 'victim.safeguarding.write', scope: { 'params.id': 'victim' } },
    schema: { tags, summary: 'Safeguarding step: identified → recovered (investigation or officer) → placed → closed (assigned officer)', params: uuidParam, body: transitionBody, response: { 200: victimDetail } },
  }, async (request) => {
    await transitionVictim(sctx(request), request.params.id, request.body);
    return getVictim(sctx(request), request.params.id);
  });

  api.post('/victims/:id/assignments', {
    config: { access: 'case.team.manage', scope: { 'params.id': 'victim', 'body.userId': 'user' } },
    schema: { tags, summary: 'Assign a protection officer (supervisor of a branch with one of the victim\'s cases)', params: uuidParam, body: assignBody, response: { 200: victimDetail } },
  }, async (request) => {
    await assignOfficer(sctx(request), request.params.id, request.body.userId);
    return getVictim(sctx(request), request.params.id);
  });

  api.delete('/victims/:id/assignments/:userId', {
    config: { access: 'case.team.manage', scope: { 'params.id': 'victim', 'params.userId': 'user' } },
    schema: { tags, summary: 'Withdraw a protection officer\'s assignment', params: assignmentParams, response: { 200: okResponse } },
  }, async (request) => {
    await unassignOfficer(sctx(request), request.params.id, request.params.userId);
    return { ok: true as const };
  });

  api.post('/victims/:id/placements', {
    config: { access: 'victim.care.write', scope: { 'params.id': 'victim' } },
    schema: { tags, summary: 'Place the child (assigned officer): ends the open placement; a recovered child becomes placed', params: uuidParam, body: placementBody, response: { 201: victimDetail } },
  }, async (request, reply) => {
    await addPlacement(sctx(request), request.params.id, request.body);
    return reply.status(201).send(await getVictim(sctx(request), request.params.id));
  });

  api.post('/victims/:id/followups', {
    config: { access: 'victim.care.write', scope: { 'params.id': 'victim' } },
    schema: { tags, summary: 'Schedule a follow-up (assigned officer)', params: uuidParam, body: followupBody, response: { 201: victimDetail } },
  }, async (request, reply) => {
    await addFollowup(sctx(request), request.params.id, request.body);
    return reply.status(201).send(await getVictim(sctx(request), request.params.id));
  });

  api.post('/victims/:id/followups/:followupId/done', {
    config: { access: 'victim.care.write', scope: { 'params.id': 'victim', 'params.followupId': 'followup' } },
    schema: { tags, summary: 'Mark a follow-up done (assigned officer)', params: followupParams, body: followupDoneBody, response: { 200: victimDetail } },
  }, async (request) => {
    await completeFollowup(sctx(request), request.params.id, request.params.followupId, request.body);
    return getVictim(sctx(request), request.params.id);
  });
}
