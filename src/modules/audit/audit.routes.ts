import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, type Api } from '../../platform/http/route-kit.ts';
import { auditEntry, listAuditQuery, verifyAuditBody, verifyAuditResult } from './audit.schema.ts';
import { listAudit, verifyAudit } from './audit.service.ts';

export async function auditRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['audit'];

  api.get('/audit', {
    config: { access: 'audit.read' },
    schema: { tags, summary: 'The audit trail, newest first by default; filter by actor, action (case.* for a family), entity and time. Reading it is audited.', querystring: listAuditQuery, response: { 200: pageOf(auditEntry) } },
  }, async (request) => listAudit(serviceContext(ctx, request), request.query));

  api.post('/audit/verify', {
    config: { access: 'audit.read' },
    schema: { tags, summary: 'Verify the keyed hash chain end to end, every signed checkpoint (kept outside the database) and optionally an anchor kept earlier; lists every bad entry with its kind. Audited.', body: verifyAuditBody, response: { 200: verifyAuditResult } },
  }, async (request) => verifyAudit(serviceContext(ctx, request), request.body?.anchor));
}
