import type { AppContext } from '../../platform/context.ts';
import { z } from 'zod';
import { okResponse, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { enqueueJob, stopQueueFor } from '../../platform/jobs/queue.ts';
import './resolution.jobs.ts';
import { mergeBody, mergeResult, suggestionDetail, suggestionListQuery, suggestionPage } from './suggestion.schema.ts';
import { getSuggestion, listSuggestions } from './suggestion.service.ts';
import { mergeSuggestion, rejectSuggestion, undoMerge } from './merge.service.ts';

// Duplicate-person suggestions: read by anyone who may read persons (only pairs whose two persons they may
// both see), decided by analysts (person.merge).
export async function suggestionRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['persons'];
  api.addHook('onClose', async () => stopQueueFor(ctx.db));

  api.post('/person-suggestions/batch', {
    config: { access: 'person.merge' },
    schema: { tags, summary: 'Search every person against every other for duplicates, in the background (as `amaan resolve --all`); poll the job', response: { 202: z.object({ backgroundJobId: z.string() }) } },
  }, async (request, reply) => reply.status(202).send({ backgroundJobId: await enqueueJob(serviceContext(ctx, request), 'resolution.batch', {}) }));

  api.get('/person-suggestions', {
    config: { access: 'person.read' },
    schema: { tags, summary: 'Possible duplicate persons (both of whom you may see), best score first, with the reasons field by field', querystring: suggestionListQuery, response: { 200: suggestionPage } },
  }, async (request) => listSuggestions(serviceContext(ctx, request), request.query));

  api.get('/person-suggestions/:id', {
    config: { access: 'person.read', scope: { 'params.id': 'mergeSuggestion' } },
    schema: { tags, summary: 'One suggestion: the two persons side by side and how the score adds up', params: uuidParam, response: { 200: suggestionDetail } },
  }, async (request) => getSuggestion(serviceContext(ctx, request), request.params.id));

  api.post('/person-suggestions/:id/merge', {
    config: { access: 'person.merge', scope: { 'params.id': 'mergeSuggestion' } },
    schema: { tags, summary: 'Merge the two persons into the one kept; everything pointing at the other moves (undoable)', params: uuidParam, body: mergeBody, response: { 200: mergeResult } },
  }, async (request) => mergeSuggestion(serviceContext(ctx, request), request.params.id, request.body.keep));

  api.post('/person-suggestions/:id/reject', {
    config: { access: 'person.merge', scope: { 'params.id': 'mergeSuggestion' } },
    schema: { tags, summary: 'Mark the two persons as different people', params: uuidParam, response: { 200: okResponse } },
  }, async (request) => {
    await rejectSuggestion(serviceContext(ctx, request), request.params.id);
    return { ok: true as const };
  });

  api.post('/person-suggestions/:id/undo', {
    config: { access: 'person.merge', scope: { 'params.id': 'mergeSuggestion' } },
    schema: { tags, summary: 'Undo the merge made from this suggestion exactly (409 if later changes make that impossible)', params: uuidParam, response: { 200: mergeResult } },
  }, async (request) => undoMerge(serviceContext(ctx, request), request.params.id));
}
