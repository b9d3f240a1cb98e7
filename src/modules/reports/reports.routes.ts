import type { AppContext } from '../../platform/context.ts';
import { serviceContext, type Api } from '../../platform/http/route-kit.ts';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueJob, stopQueueFor } from '../../platform/jobs/queue.ts';
import { figureAccess } from '../stats/figures/figures.rules.ts';
import { briefingQuery } from './reports.schema.ts';
import { briefingPreview } from './reports.service.ts';
import type { BriefingJobPayload } from './reports.jobs.ts';
import './reports.jobs.ts';

// The briefing's HTML preview: the published view (small counts suppressed) for anyone with stats.read,
// audited. The PDF is produced by `amaan report briefing`, or as a background job (POST /reports/briefing; the
// PDF is then fetched from GET /jobs/:id/output by the one who started it).
export async function reportRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.addHook('onClose', async () => stopQueueFor(ctx.db));
  api.post('/reports/briefing', {
    config: { access: 'stats.read' },
    schema: { tags: ['statistics'], summary: 'Produce the briefing PDF in the background (recorded as published, audited); poll the job, then fetch GET /jobs/:id/output', body: briefingQuery, response: { 202: z.object({ backgroundJobId: z.string() }) } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    if (figureAccess(sctx.actor).branchOnly !== null) throw new AppError('forbidden', 'the briefing covers the nation or a province; your figures are those of your branch');
    const payload: BriefingJobPayload = { from: request.body.from, to: request.body.to, ...(request.body.province ? { province: request.body.province } : {}), ...(request.body.lang ? { lang: request.body.lang } : {}) };
    return reply.status(202).send({ backgroundJobId: await enqueueJob(sctx, 'report.briefing', payload) });
  });

  api.get('/reports/briefing/preview', {
    config: { access: 'stats.read' },
    schema: { tags: ['statistics'], summary: 'HTML preview of the briefing report for a period (days in the agency time zone) and province; small counts suppressed; audited', querystring: briefingQuery },
  }, async (request, reply) => {
    const html = await briefingPreview(serviceContext(ctx, request), request.query);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(html);
  });
}
