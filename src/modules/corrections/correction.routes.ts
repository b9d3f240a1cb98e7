import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, unscoped, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { offenceCode } from '../reference/reference.schema.ts';
import { correctionEntry, correctionsQuery } from './correction.schema.ts';
import { listCaseCorrections, listOffenceCorrections, listPersonCorrections } from './correction.service.ts';

// The earlier values of corrected records, newest first.
export async function correctionRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['corrections'];
  api.get('/cases/:id/corrections', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Corrections of the case and of its operations, hearings and warrants, each with the earlier value', params: uuidParam, querystring: correctionsQuery, response: { 200: pageOf(correctionEntry) } },
  }, async (request) => listCaseCorrections(serviceContext(ctx, request), request.params.id, request.query));

  api.get('/persons/:id/corrections', {
    config: { access: 'person.read', scope: { 'params.id': 'person' } },
    schema: { tags, summary: 'Corrections of a person (names, identifiers, date of birth...), each with the earlier value', params: uuidParam, querystring: correctionsQuery, response: { 200: pageOf(correctionEntry) } },
  }, async (request) => listPersonCorrections(serviceContext(ctx, request), request.params.id, request.query));

  api.get('/offences/:code/corrections', {
    config: { access: 'reference.read', scope: { 'params.code': unscoped('an offence code of the catalogue, reference data every role reads') } },
    schema: { tags, summary: 'Corrections of an offence of the catalogue, each with the earlier value', params: offenceCode, querystring: correctionsQuery, response: { 200: pageOf(correctionEntry) } },
  }, async (request) => listOffenceCorrections(serviceContext(ctx, request), request.params.code, request.query));
}
