import type { AppContext } from '../../platform/context.ts';
import { serviceContext, uuidParam, unscoped, type Api } from '../../platform/http/route-kit.ts';
import { caseBundle, importQuery, importResult } from './bundle.schema.ts';
import { exportCase, importBundle } from './bundle.service.ts';

const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

export async function bundleRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['bundles'];

  api.get('/cases/:id/export', {
    config: { access: 'export.case', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Export the case with everything on it as a JSON case bundle (victims by pseudonym only; audited as an export)', params: uuidParam },
  }, async (request, reply) => {
    const bundle = await exportCase(serviceContext(ctx, request), request.params.id);
    const name = bundle.case.firNumber !== null ? `fir-${bundle.case.firNumber}-${bundle.case.firYear}-${bundle.source.branchCode}` : `case-${bundle.case.id}`;
    reply.header('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.amaan.json"`);
    reply.header('cache-control', 'no-store');
    return reply.type('application/json').send(JSON.stringify(bundle));
  });

  api.post('/bundles/import', {
    config: { access: 'import.case', scope: { body: unscoped('a case bundle from another installation: its ids are foreign, replaced by new ones, never looked up here') } },
    bodyLimit: Math.max(IMPORT_BODY_LIMIT, ctx.config.bodyLimitBytes),
    schema: { tags, summary: 'Import a case bundle into a branch, all or nothing (new ids; persons matched by CNIC; users by username)', querystring: importQuery, body: caseBundle, response: { 201: importResult } },
  }, async (request, reply) => reply.status(201).send(await importBundle(serviceContext(ctx, request), request.query.branchId, request.body)));
}
