import type { AppContext } from '../../platform/context.ts';
import { serviceContext, type Api } from '../../platform/http/route-kit.ts';
import { statsSummary, summaryQuery } from './stats.schema.ts';
import { summary } from './stats.service.ts';

export async function statsRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['statistics'];

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
