import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { createTakedownBody, listCaseTakedownsQuery, listTakedownsQuery, renoticeResult, takedownDetail, takedownReport, takedownStatusBody, takedownSummary } from './takedown.schema.ts';
import { changeTakedownStatus, createTakedown, getTakedown, listCaseTakedowns, listTakedowns, sendDueNotices, takedownReport as report } from './takedown.service.ts';

export async function takedownRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['takedowns'];

  api.get('/takedowns', {
    config: { access: 'case.read', scope: {} },
    schema: { tags, summary: 'Takedowns of the cases you may read; `due=true` lists those whose next notice is due', querystring: listTakedownsQuery, response: { 200: pageOf(takedownSummary) } },
  }, async (request) => listTakedowns(serviceContext(ctx, request), request.query));

  api.get('/takedowns/report', {
    config: { access: 'case.read', scope: {} },
    schema: { tags, summary: 'Accountability report: per provider, takedowns asked, removed, refused, still up, and hours to removal (median, 90th percentile)', response: { 200: takedownReport } },
  }, async (request) => report(serviceContext(ctx, request)));

  api.post('/takedowns/renotice', {
    config: { access: 'takedown.write', scope: {} },
    schema: { tags, summary: 'Send (record) every repeat notice that is due now, in the cases you may read; the server also does this every few minutes', response: { 200: renoticeResult } },
  }, async (request) => sendDueNotices(serviceContext(ctx, request)));

  api.get('/cases/:id/takedowns', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Takedowns of a case', params: uuidParam, querystring: listCaseTakedownsQuery, response: { 200: pageOf(takedownSummary) } },
  }, async (request) => listCaseTakedowns(serviceContext(ctx, request), request.params.id, request.query));

  api.post('/cases/:id/takedowns', {
    config: { access: 'takedown.write', scope: { 'params.id': 'case', 'body.entityId': 'entity' } },
    schema: { tags, summary: 'Ask a platform or host to remove a URL, an onion service or an account; re-noticed on schedule until removed', params: uuidParam, body: createTakedownBody, response: { 201: takedownDetail } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const id = await createTakedown(sctx, request.params.id, request.body);
    return reply.status(201).send(await getTakedown(sctx, id));
  });

  api.get('/takedowns/:id', {
    config: { access: 'case.read', scope: { 'params.id': 'takedown' } },
    schema: { tags, summary: 'One takedown with its status history and every notice sent', params: uuidParam, response: { 200: takedownDetail } },
  }, async (request) => getTakedown(serviceContext(ctx, request), request.params.id));

  api.post('/takedowns/:id/status', {
    config: { access: 'takedown.write', scope: { 'params.id': 'takedown' } },
    schema: { tags, summary: 'Record the provider\'s answer or what was found: acknowledged, removed, refused, reappeared', params: uuidParam, body: takedownStatusBody, response: { 200: takedownDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await changeTakedownStatus(sctx, request.params.id, request.body);
    return getTakedown(sctx, request.params.id);
  });
}
