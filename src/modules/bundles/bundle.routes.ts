import type { AppContext } from '../../platform/context.ts';
import { okResponse, pageOf, serviceContext, uuidParam, unscoped, type Api } from '../../platform/http/route-kit.ts';
import { addTrusted, installationKeyInfo, keyIdParam, listTrusted, ownInstallationKey, removeTrusted, trustBody, trustedInstallation } from './trust.service.ts';
import { decideBody, decideSuggestion, listSuggestions, suggestionPage, suggestionQuery } from './import-suggestions.service.ts';
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

  api.get('/bundles/match-suggestions', {
    config: { access: 'person.read' },
    schema: { tags, summary: 'Import match suggestions whose two records you may both see (an imported record that may be one already here)', querystring: suggestionQuery, response: { 200: suggestionPage } },
  }, async (request) => listSuggestions(serviceContext(ctx, request), request.query));

  api.patch('/bundles/match-suggestions/:id', {
    config: { access: 'person.read', scope: { 'params.id': unscoped('a match suggestion: the service answers 404 unless the caller may see both of its records') } },
    schema: { tags, summary: 'Mark an import match suggestion confirmed (the same record: merge by hand) or dismissed', params: uuidParam, body: decideBody, response: { 200: okResponse } },
  }, async (request) => decideSuggestion(serviceContext(ctx, request), request.params.id, request.body));

  const admin = ['admin'];
  api.get('/admin/installation-key', {
    config: { access: 'trust.manage' },
    schema: { tags: admin, summary: "This installation's bundle-signing public key and key id, to give to installations that import its bundles", response: { 200: installationKeyInfo } },
  }, async (request) => ownInstallationKey(serviceContext(ctx, request)));

  api.get('/admin/trusted-installations', {
    config: { access: 'trust.manage' },
    schema: { tags: admin, summary: 'Installations whose signed case bundles this installation imports', response: { 200: pageOf(trustedInstallation) } },
  }, async (request) => {
    const items = await listTrusted(serviceContext(ctx, request));
    return { items, total: items.length, limit: items.length, offset: 0 };
  });

  api.post('/admin/trusted-installations', {
    config: { access: 'trust.manage' },
    schema: { tags: admin, summary: "Trust another installation's bundle-signing public key (audited)", body: trustBody, response: { 201: trustedInstallation } },
  }, async (request, reply) => reply.status(201).send(await addTrusted(serviceContext(ctx, request), request.body)));

  api.delete('/admin/trusted-installations/:keyId', {
    config: { access: 'trust.manage', scope: { 'params.keyId': unscoped('the key id of a trusted installation: configuration, not a record of a case') } },
    schema: { tags: admin, summary: 'Stop trusting an installation (audited); its bundles are refused from now on', params: keyIdParam, response: { 200: okResponse } },
  }, async (request) => removeTrusted(serviceContext(ctx, request), request.params.keyId));
}
