import type { AppContext } from '../../platform/context.ts';
import { z } from 'zod';
import { serviceContext, type Api } from '../../platform/http/route-kit.ts';
import { enqueueJob, stopQueueFor } from '../../platform/jobs/queue.ts';
import './rollup/rollup.jobs.ts';
import { statsSummary, summaryQuery } from './stats.schema.ts';
import { summary } from './stats.service.ts';

export async function statsRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['statistics'];
  api.addHook('onClose', async () => stopQueueFor(ctx.db));

  // The administrator who edits the offence catalogue re-keys the pre-aggregations after it (`amaan stats rebuild`
  // as a job); until then the figures concerned read the exact SQL.
  api.post('/stats/rebuild', {
    config: { access: 'offence.write' },
    schema: { tags, summary: 'Rebuild the statistics pre-aggregations not keyed for the configured time zone and the current offence catalogue (as `amaan stats rebuild`), in the background; poll the job', response: { 202: z.object({ backgroundJobId: z.string() }) } },
  }, async (request, reply) => reply.status(202).send({ backgroundJobId: await enqueueJob(serviceContext(ctx, request), 'stats.rebuild', {}) }));

  api.get('/stats/summary', {
    config: { access: 'stats.read' },
    schema: {
      tags,
      summary: 'Headline figures computed from the records (aggregates only), by period, province and branch, beside the published figures; a supervisor sees only their branch',
      querystring: summaryQuery,
      response: { 200: statsSummary },
    },
  }, async (request) => summary(serviceContext(ctx, request), request.query));
}
