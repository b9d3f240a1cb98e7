import type { AppContext } from '../../platform/context.ts';
import { boundedPageOf, okResponse, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import {
  accusedStatusBody, casePersonParams, casePersonsResponse, createPersonBody, linkPersonBody, personDetail, personSummary, searchPersonsQuery, updatePersonBody, warrantBody,
} from './person.schema.ts';
import { createPerson, getPerson, searchPersons, updatePerson } from './person.service.ts';
import { changeAccusedStatus, linkPerson, listCasePersons, setForeignWarrant } from './case-persons.service.ts';

export async function personRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['persons'];

  api.get('/persons', {
    config: { access: 'person.read' },
    schema: { tags, summary: 'Persons you may see: search by any name, alias or variant (spelling-tolerant), CNIC, passport, phone or handle', querystring: searchPersonsQuery, response: { 200: boundedPageOf(personSummary) } },
  }, async (request) => searchPersons(serviceContext(ctx, request), request.query));

  api.post('/persons', {
    config: { access: 'person.write' },
    schema: { tags, summary: 'Record a person: names in Latin or Urdu script, CNIC, passport, phones (E.164), online identifiers', body: createPersonBody, response: { 201: personDetail } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const id = await createPerson(sctx, request.body);
    return reply.status(201).send(await getPerson(sctx, id));
  });

  api.get('/persons/:id', {
    config: { access: 'person.read', scope: { 'params.id': 'person' } },
    schema: { tags, summary: 'One person with names, identifiers and the cases you may see, with roles', params: uuidParam, response: { 200: personDetail } },
  }, async (request) => getPerson(serviceContext(ctx, request), request.params.id));

  api.patch('/persons/:id', {
    config: { access: 'person.write', scope: { 'params.id': 'person' } },
    schema: { tags, summary: 'Edit a person; names, phones and identifiers are replaced when given', params: uuidParam, body: updatePersonBody, response: { 200: personDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await updatePerson(sctx, request.params.id, request.body);
    return getPerson(sctx, request.params.id);
  });

  api.get('/cases/:id/persons', {
    config: { access: 'case.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Persons and roles on a case (accused with status and history) and its victims by pseudonym', params: uuidParam, response: { 200: casePersonsResponse } },
  }, async (request) => listCasePersons(serviceContext(ctx, request), request.params.id));

  api.post('/cases/:id/persons', {
    config: { access: 'person.write', scope: { 'params.id': 'case', 'body.personId': 'person' } },
    schema: { tags, summary: 'Link an existing or a new person to the case in a role; accused start at large', params: uuidParam, body: linkPersonBody, response: { 201: casePersonsResponse } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await linkPerson(sctx, request.params.id, request.body);
    return reply.status(201).send(await listCasePersons(sctx, request.params.id));
  });

  api.post('/cases/:id/persons/:personId/status', {
    config: { access: 'case.transition', scope: { 'params.id': 'case', 'params.personId': 'person' } },
    schema: { tags, summary: 'Move an accused along arrest, remand, bail, verdict; an arrest is recorded as an arrest', params: casePersonParams, body: accusedStatusBody, response: { 200: casePersonsResponse } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await changeAccusedStatus(sctx, request.params.id, request.params.personId, request.body);
    return listCasePersons(sctx, request.params.id);
  });

  api.patch('/cases/:id/persons/:personId', {
    config: { access: 'person.write', scope: { 'params.id': 'case', 'params.personId': 'person' } },
    schema: { tags, summary: 'Set or withdraw the foreign warrant / red notice request for an accused', params: casePersonParams, body: warrantBody, response: { 200: okResponse } },
  }, async (request) => {
    await setForeignWarrant(serviceContext(ctx, request), request.params.id, request.params.personId, request.body);
    return { ok: true as const };
  });
}
