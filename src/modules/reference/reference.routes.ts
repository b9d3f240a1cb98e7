import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, unscoped, type Api } from '../../platform/http/route-kit.ts';
import { branch, listBranchesQuery, listOffencesQuery, offence, offenceBody, offenceCode } from './reference.schema.ts';
import { getOffence, listBranches, listOffences, saveOffence } from './reference.service.ts';

export { offenceFields } from './reference.schema.ts';

const codeScope = { 'params.code': unscoped('an offence code of the catalogue, reference data every role reads') };

export async function referenceRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get('/branches', {
    config: { access: 'reference.read' },
    schema: { tags: ['reference'], summary: 'Branches (one per district)', querystring: listBranchesQuery, response: { 200: pageOf(branch) } },
  }, async (request) => listBranches(ctx, request.query));

  api.get('/offences', {
    config: { access: 'reference.read' },
    schema: { tags: ['reference'], summary: 'The offence catalogue (PECA 2016, PPC and child-protection laws)', querystring: listOffencesQuery, response: { 200: pageOf(offence) } },
  }, async (request) => listOffences(ctx, request.query));

  api.put('/offences/:code', {
    config: { access: 'offence.write', scope: codeScope },
    schema: { tags: ['reference'], summary: 'Correct or add an offence (administrator)', params: offenceCode, body: offenceBody, response: { 200: offence } },
  }, async (request) => saveOffence(serviceContext(ctx, request), request.params.code, request.body));

  api.get('/offences/:code', {
    config: { access: 'reference.read', scope: codeScope },
    schema: { tags: ['reference'], summary: 'One offence', params: offenceCode, response: { 200: offence } },
  }, async (request) => getOffence(ctx, request.params.code));
}
