import type { AppContext } from '../../platform/context.ts';
import { serviceContext, type Api } from '../../platform/http/route-kit.ts';
import { briefingQuery } from './reports.schema.ts';
import { briefingPreview } from './reports.service.ts';

// The briefing's HTML preview: the published view (small counts suppressed) for anyone with stats.read,
// audited. The PDF itself is produced by `amaan report briefing`.
export async function reportRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get('/reports/briefing/preview', {
    config: { access: 'stats.read' },
    schema: { tags: ['statistics'], summary: 'HTML preview of the briefing report for a period (days in the agency time zone) and province; small counts suppressed; audited', querystring: briefingQuery },
  }, async (request, reply) => {
    const html = await briefingPreview(serviceContext(ctx, request), request.query);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(html);
  });
}
