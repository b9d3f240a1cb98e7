import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { alertView, decideBody, listAlertsQuery } from './deconfliction.schema.ts';
import { decideAlert, getAlert, listAlerts } from './deconfliction.service.ts';

export async function deconflictionRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['deconfliction'];

  api.get('/deconfliction/alerts', {
    config: { access: 'entity.write' },
    schema: { tags, summary: 'De-confliction alerts you recorded, were told of, or (supervisor) that concern your branch; each case shown only if you may read it', querystring: listAlertsQuery, response: { 200: pageOf(alertView) } },
  }, async (request) => listAlerts(serviceContext(ctx, request), request.query));

  api.get('/deconfliction/alerts/:id', {
    config: { access: 'entity.write', scope: { 'params.id': 'deconflictionAlert' } },
    schema: { tags, summary: 'One de-confliction alert as you may see it', params: uuidParam, response: { 200: alertView } },
  }, async (request) => getAlert(serviceContext(ctx, request), request.params.id));

  api.post('/deconfliction/alerts/:id/grant', {
    config: { access: 'case.team.manage', scope: { 'params.id': 'deconflictionAlert' } },
    schema: { tags, summary: 'Supervisor of the holding case\'s branch: put the recorder on that case\'s team', params: uuidParam, body: decideBody, response: { 200: alertView } },
  }, async (request) => decideAlert(serviceContext(ctx, request), request.params.id, 'grant', request.body.note));

  api.post('/deconfliction/alerts/:id/dismiss', {
    config: { access: 'case.team.manage', scope: { 'params.id': 'deconflictionAlert' } },
    schema: { tags, summary: 'Supervisor of the holding case\'s branch: close the alert without granting access', params: uuidParam, body: decideBody, response: { 200: alertView } },
  }, async (request) => decideAlert(serviceContext(ctx, request), request.params.id, 'dismiss', request.body.note));
}
