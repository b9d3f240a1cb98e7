import type { AppContext } from '../../platform/context.ts';
import { serviceContext, type Api } from '../../platform/http/route-kit.ts';
import { planAnswer, planFileQuery, planQuery } from './planning.schema.ts';
import { planFile, planScenarios } from './planning.service.ts';

// Capacity planning (issue 12 §6) over HTTP: the scenarios side by side as the published view, and the same as
// a file (CSV, XLSX, PDF) for a funding request. planning.read: leadership and analysts. Both audited.
export async function planningRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['statistics'];
  api.get('/planning/scenarios', {
    config: { access: 'planning.read' },
    schema: {
      tags, summary: 'Capacity planning: the scenarios side by side, per office and nationally, with every assumption; published view (small counts suppressed); audited',
      querystring: planQuery, response: { 200: planAnswer },
    },
  }, async (request) => planScenarios(serviceContext(ctx, request), request.query));

  api.get('/planning/scenarios/file', {
    config: { access: 'planning.read' },
    schema: {
      tags, summary: 'The scenario comparison as a published file: CSV (one table), XLSX (every table) or PDF (for a funding request); recorded as a publication and audited',
      querystring: planFileQuery,
    },
  }, async (request, reply) => {
    const file = await planFile(serviceContext(ctx, request), request.query);
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('x-amaan-report-id', file.reportId).send(file.bytes);
  });
}
