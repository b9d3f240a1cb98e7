import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { boundedPageOf, okResponse, pageOf, pageQuery, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { caseDetail, caseSummary, createCaseBody, listCasesQuery, noteBody, statusCounts, statusCountsQuery, teamBody, timelineEntry, transitionBody, updateCaseBody } from './case.schema.ts';
import { addTimelineEntry, caseStatusCounts, createCase, getCase, listCases, listTimeline, setTeam, transitionCase, updateCase } from './case.service.ts';

export async function caseRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['cases'];

  api.get('/cases', {
    config: { access: 'case.read' },
    schema: { tags, summary: 'Cases you may see: search by title or FIR number, filter, page', querystring: listCasesQuery, response: { 200: boundedPageOf(caseSummary) } },
  }, async (request) => listCases(serviceContext(ctx, request), request.query));

  api.get('/cases/status-counts', {
    config: { access: 'case.read' },
    schema: { tags, summary: 'Cases you may see per status (each counted up to a bound), optionally of one branch', querystring: statusCountsQuery, response: { 200: statusCounts } },
  }, async (request) => caseStatusCounts(serviceContext(ctx, request), request.query));

  api.post('/cases', {
    config: { access: 'case.create' },
    schema: { tags, summary: 'Open a case (complaint received) in your branch', body: createCaseBody, response: { 201: caseDetail } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const id = await createCase(sctx, request.body);
    return reply.status(201).send(await getCase(sctx, id));
  });

  api.get('/cases/:id', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'One case with team, status history and the next steps open to you', params: uuidParam, response: { 200: caseDetail } },
  }, async (request) => getCase(serviceContext(ctx, request), request.params.id));

  api.patch('/cases/:id', {
    config: { access: 'case.write', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Edit title, summary or offences', params: uuidParam, body: updateCaseBody, response: { 200: caseDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await updateCase(sctx, request.params.id, request.body);
    return getCase(sctx, request.params.id);
  });

  api.post('/cases/:id/transitions', {
    config: { access: 'case.transition', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Move the case along its legal lifecycle; illegal steps are refused', params: uuidParam, body: transitionBody, response: { 200: caseDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await transitionCase(sctx, request.params.id, request.body);
    return getCase(sctx, request.params.id);
  });

  api.put('/cases/:id/team', {
    config: { access: 'case.team.manage', scope: { 'params.id': 'case', 'body.members.*.userId': 'user' } },
    schema: { tags, summary: 'Set the case team (branch supervisor)', params: uuidParam, body: teamBody, response: { 200: okResponse } },
  }, async (request) => {
    await setTeam(serviceContext(ctx, request), request.params.id, request.body.members);
    return { ok: true as const };
  });

  api.get('/cases/:id/timeline', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Notes and events, newest first', params: uuidParam, querystring: z.strictObject(pageQuery), response: { 200: pageOf(timelineEntry) } },
  }, async (request) => listTimeline(serviceContext(ctx, request), request.params.id, request.query));

  api.post('/cases/:id/timeline', {
    config: { access: 'case.write', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Add a note or an event to the timeline', params: uuidParam, body: noteBody, response: { 201: z.object({ id: z.number() }) } },
  }, async (request, reply) => {
    const id = await addTimelineEntry(serviceContext(ctx, request), request.params.id, request.body);
    return reply.status(201).send({ id });
  });
}
