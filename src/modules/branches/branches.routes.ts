import type { AppContext } from '../../platform/context.ts';
import { pageOf, serviceContext, unscoped, type Api } from '../../platform/http/route-kit.ts';
import { branchCorrection, branchCorrectionsQuery, createOfficeBody, district, listDistrictsQuery, listOfficesQuery, office, officeIdParam, updateOfficeBody } from './branches.schema.ts';
import { createOffice, getOffice, listBranchCorrections, listDistricts, listOffices, updateOffice } from './branches.service.ts';

const officeScope = { 'params.id': unscoped('a branch office: reference data, not a record of a case; only administrators reach these routes') };

// Districts (reference data every role reads) and branch offices (administrators: create, cover districts,
// staff posts; audited).
export async function branchRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['branches'];
  api.get('/districts', {
    config: { access: 'reference.read' },
    schema: { tags, summary: 'Districts (geography, 2023 census) and the branch covering each', querystring: listDistrictsQuery, response: { 200: pageOf(district) } },
  }, async (request) => listDistricts(ctx, request.query));

  api.get('/admin/offices', {
    config: { access: 'branch.manage' },
    schema: { tags, summary: 'Branch offices: seat, districts covered, staff posts sanctioned and filled', querystring: listOfficesQuery, response: { 200: pageOf(office) } },
  }, async (request) => listOffices(ctx, request.query));

  api.post('/admin/offices', {
    config: { access: 'branch.manage' },
    schema: { tags, summary: 'Create a branch office covering districts, with its staff posts (audited)', body: createOfficeBody, response: { 201: office } },
  }, async (request, reply) => reply.status(201).send(await createOffice(serviceContext(ctx, request), request.body)));

  api.get('/admin/offices/:id', {
    config: { access: 'branch.manage', scope: officeScope },
    schema: { tags, summary: 'One branch office', params: officeIdParam, response: { 200: office } },
  }, async (request) => getOffice(ctx, request.params.id));

  api.patch('/admin/offices/:id', {
    config: { access: 'branch.manage', scope: officeScope },
    schema: { tags, summary: 'Rename a branch, change the districts it covers or its staff posts (audited)', params: officeIdParam, body: updateOfficeBody, response: { 200: office } },
  }, async (request) => updateOffice(serviceContext(ctx, request), request.params.id, request.body));

  api.get('/admin/offices/:id/corrections', {
    config: { access: 'branch.manage', scope: officeScope },
    schema: { tags, summary: 'Changes of a branch office (name, districts covered, staff posts), each with the earlier value, newest first', params: officeIdParam, querystring: branchCorrectionsQuery, response: { 200: pageOf(branchCorrection) } },
  }, async (request) => listBranchCorrections(ctx, request.params.id, request.query));
}
