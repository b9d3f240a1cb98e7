import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { assertRouteDeclarations, checkRequestTarget, installAccessControl, pathParams, routeDeclarationProblems, schemaPaths, unscoped } from './route-access.ts';

const uuid = z.uuid();
const route = (url: string, config: object | undefined, schema: object = {}) => ({ method: 'POST' as const, url, config, schema });

describe('start-up guard: every route declares access and the scope of every id it takes', () => {
  it('accepts a complete declaration', () => {
    expect(routeDeclarationProblems(route('/cases/:id/persons', { access: 'person.write', scope: { 'params.id': 'case', 'body.personId': 'person' } }, {
      params: z.strictObject({ id: uuid }), body: z.strictObject({ personId: uuid.optional(), role: z.string() }),
    }))).toEqual([]);
  });

  it('refuses a route without access, or with an access rule nobody holds', () => {
    expect(routeDeclarationProblems(route('/things', undefined))).toEqual(['declares no access rule (config.access)']);
    expect(routeDeclarationProblems(route('/things', { access: 'case.reed' }))[0]).toMatch(/unknown access rule/);
  });

  it('refuses a path parameter without a scope, whatever its type', () => {
    expect(routeDeclarationProblems(route('/victims/:id/identity', { access: 'victim.identity.write' }, { params: z.strictObject({ id: uuid }) })))
      .toEqual([expect.stringMatching(/path parameter :id has no scope/)]);
    expect(routeDeclarationProblems(route('/offences/:code', { access: 'offence.write' }, { params: z.strictObject({ code: z.string() }) })))
      .toEqual([expect.stringMatching(/path parameter :code has no scope/)]);
    expect(routeDeclarationProblems(route('/offences/:code', { access: 'offence.write', scope: { 'params.code': unscoped('reference data for every role') } }, { params: z.strictObject({ code: z.string() }) })))
      .toEqual([]);
  });

  it('refuses an undeclared UUID in the query or the body, however deep, and stale or mistyped declarations', () => {
    const body = z.strictObject({ members: z.array(z.strictObject({ userId: uuid, teamRole: z.string() })).max(5), ids: z.array(uuid).default([]), note: z.string().optional() });
    const problems = routeDeclarationProblems(route('/cases/:id/team', { access: 'case.team.manage', scope: { 'params.id': 'case', 'body.note': 'user', 'body.gone': 'case', 'params.id2': 'case' } }, {
      params: z.strictObject({ id: uuid }), querystring: z.strictObject({ caseId: uuid.optional() }), body,
    }));
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^query\.caseId is a UUID/),
      expect.stringMatching(/^body\.members\.\*\.userId is a UUID/),
      expect.stringMatching(/^body\.ids\.\* is a UUID/),
      expect.stringMatching(/body\.note'\] is a user but the field is not a UUID/),
      expect.stringMatching(/names body\.gone, which the route does not have/),
      expect.stringMatching(/names params\.id2, which the route does not have/),
    ]));
    expect(routeDeclarationProblems(route('/x/:id', { access: 'case.read', scope: { 'params.id': 'cases' } }, { params: z.strictObject({ id: uuid }) }))[0]).toMatch(/use one of case, person/);
    // An unscoped subtree covers every id inside it (a bundle from another installation).
    expect(routeDeclarationProblems(route('/bundles/import', { access: 'import.case', scope: { body: unscoped('foreign ids of another installation') } }, { body }))).toEqual([]);
  });

  it('refuses scope kinds on a public route (there is no caller to scope)', () => {
    expect(routeDeclarationProblems(route('/open/:id', { access: 'public', scope: { 'params.id': 'case' } }, { params: z.strictObject({ id: uuid }) }))[0]).toMatch(/public route/);
  });

  it('walks zod wrappers to the UUID leaves', () => {
    const paths = schemaPaths(z.strictObject({ a: uuid.nullable().optional(), b: z.array(z.string().uuid()), c: z.coerce.number() }), 'body');
    expect([...paths].filter(([, u]) => u).map(([p]) => p).sort()).toEqual(['body.a', 'body.b.*']);
    expect(pathParams('/a/:id/b/:otherId/*')).toEqual(['id', 'otherId', '*']);
  });

  it('stops a real app from starting when one route is added without a scope', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    const guard = installAccessControl(app, {} as AppContext);
    app.get('/declared/:id', { config: { access: 'case.read', scope: { 'params.id': 'case' } }, schema: { params: z.strictObject({ id: uuid }) } }, async () => ({}));
    app.get('/forgotten/:id', { config: { access: 'case.read' }, schema: { params: z.strictObject({ id: uuid }) } }, async () => ({}));
    app.get('/no-access', async () => ({}));
    await app.ready();
    expect(() => guard.assertDeclared()).toThrow(/GET \/forgotten\/:id: path parameter :id has no scope[\s\S]*GET \/no-access: declares no access rule/);
    await app.close();
    expect(() => assertRouteDeclarations([route('/ok', { access: 'case.read' })])).not.toThrow();
  });
});

describe('request targets: only canonical origin-form', () => {
  it.each([
    '/api/v1/cases', '/api/v1/cases?q=%D8%B2&limit=5', '/', '/assets/index-3f2a.js', "/api/v1/cases/1'OR'1'='1",
  ])('accepts %s', (target) => expect(checkRequestTarget(target)).toBeNull());
  it.each([
    ['http://host/api/v1/cases', /absolute/], ['*', /absolute/], ['/%61pi/v1/cases', /percent/], ['/api/v1/cases/%2e%2e/audit', /percent/],
    ['/api//v1', /empty segment/], ['//api/v1', /empty segment/], ['/api/./v1', /\. or \.\./], ['/api/v1/..', /\. or \.\./], ['/api\\v1', /backslash/],
    ['/api/v1/caf\u00e9', /printable ASCII/], ['/api/v1/ cases', /printable ASCII/], ['/api/v1/x#y', /fragment/],
  ])('refuses %s', (target, why) => expect(checkRequestTarget(target)).toMatch(why));
});
