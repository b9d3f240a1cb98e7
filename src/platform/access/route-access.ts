import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { secretsEqual } from '../auth/passwords.ts';
import { signInStageMessages } from '../auth/auth-hooks.ts';
import { rolesWith, type Permission } from './permissions.ts';
import { scopeKinds, scopes, type ScopeKind } from './scopes.ts';

// Access is decided once, from the matched route's own declaration, never from the URL the client wrote:
//
//   config: {
//     access: 'victim.identity.write',          // who may call it at all (permissions.ts), 'authenticated' or 'public'
//     scope: { 'params.id': 'victim' },         // which of its parameters name which kind of record (scopes.ts)
//   }
//
// Scope keys: `params.<name>`, `query.<path>` or `body.<path>`, where <path> is field names joined by dots
// and `*` stands for every element of an array (`body.members.*.userId`, `body.arrestedPersonIds.*`).
// A value is a scope kind, or `unscoped('why')` for a parameter that names no record the caller could be
// refused (an offence code of the public catalogue, ids inside a bundle from another installation). An
// `unscoped` key covers everything under it (`body: unscoped(...)`).
//
// The app refuses to start (assertRouteDeclarations) when a route has no valid access rule, when a path
// parameter or a UUID field of its query or body is not declared, or when a declaration names a field the
// route does not have. At request time (installAccessControl):
//   onRequest     the request target must be canonical origin-form, or 400 (checkRequestTarget);
//   preValidation role gate and CSRF from routeOptions.config; then the path parameters' records: a record
//                 missing or out of scope is 404 "<kind> not found", identical either way, before the body
//                 is even validated;
//   preHandler    (after zod) the query and body fields' records: 404 naming the query field, or 400 naming
//                 the body field ("no such <kind> you may see"), again identical for missing and hidden.

export interface Unscoped {
  unscoped: string;
}
export type ScopeTarget = ScopeKind | Unscoped;
export type RouteScope = Record<string, ScopeTarget>;
export type RouteAccess = Permission | 'public' | 'authenticated' | 'reporting-organisation';

/** Declares that a parameter names no record the caller could be refused, and says why. */
export function unscoped(reason: string): Unscoped {
  if (reason.trim().length < 10) throw new Error('unscoped(): say why the parameter needs no scope');
  return { unscoped: reason };
}

const isUnscoped = (t: ScopeTarget | undefined): t is Unscoped => typeof t === 'object' && t !== null && typeof t.unscoped === 'string';

// ---------------------------------------------------------------------------------------------------------
// Request target: only canonical origin-form reaches the router.

/** Why this request target is refused, or null when it is canonical origin-form. */
export function checkRequestTarget(target: string): string | null {
  if (!target.startsWith('/')) return 'the request target must be a path (origin-form), not an absolute URL';
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return 'the path holds a character outside printable ASCII';
  }
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return 'the query holds a control character';
  }
  if (path.includes('%')) return 'the path holds a percent-encoded character';
  if (path.includes('\\')) return 'the path holds a backslash';
  if (path.includes('#')) return 'the path holds a fragment';
  if (path.includes('//')) return 'the path holds an empty segment (//)';
  if (path.split('/').some((s) => s === '.' || s === '..')) return 'the path holds a . or .. segment';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Start-up guard.

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  scope: RouteScope;
}

/** Path parameter names of a find-my-way route (`:id`, `:id(^\\d+)`, and `*` for a wildcard). */
export function pathParams(url: string): string[] {
  const names: string[] = [];
  for (const seg of url.split('/')) {
    for (const m of seg.matchAll(/:([A-Za-z0-9_]+)/g)) names.push(m[1]!);
    if (seg.includes('*')) names.push('*');
  }
  return names;
}

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}
const isZod = (s: unknown): s is ZodLike => typeof s === 'object' && s !== null && '_zod' in s;

function isUuid(def: Record<string, unknown>): boolean {
  if (def.type !== 'string') return false;
  if (def.format === 'uuid' || def.format === 'guid') return true;
  const checks = (def.checks as ZodLike[] | undefined) ?? [];
  return checks.some((c) => isZod(c) && (c._zod.def.format === 'uuid' || c._zod.def.format === 'guid'));
}

/**
 * Every field path of a zod schema (`a`, `a.b`, `a.*`, `a.*.b`) with whether it is a UUID leaf: the fields
 * that can name a record of this installation.
 */
export function schemaPaths(schema: unknown, prefix: string, out = new Map<string, boolean>(), depth = 0): Map<string, boolean> {
  if (!isZod(schema) || depth > 30) return out;
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return schemaPaths(def.innerType, prefix, out, depth + 1);
    case 'pipe':
      schemaPaths(def.in, prefix, out, depth + 1);
      return schemaPaths(def.out, prefix, out, depth + 1);
    case 'lazy':
      return schemaPaths((def.getter as () => unknown)(), prefix, out, depth + 1);
    case 'union':
      for (const o of (def.options as unknown[]) ?? []) schemaPaths(o, prefix, out, depth + 1);
      return out;
    case 'intersection':
      schemaPaths(def.left, prefix, out, depth + 1);
      return schemaPaths(def.right, prefix, out, depth + 1);
    case 'object':
      out.set(prefix, out.get(prefix) ?? false);
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) schemaPaths(v, `${prefix}.${k}`, out, depth + 1);
      return out;
    case 'array':
      out.set(prefix, out.get(prefix) ?? false);
      return schemaPaths(def.element, `${prefix}.*`, out, depth + 1);
    case 'record':
      out.set(prefix, out.get(prefix) ?? false);
      return schemaPaths(def.valueType, `${prefix}.*`, out, depth + 1);
    default:
      out.set(prefix, (out.get(prefix) ?? false) || isUuid(def));
      return out;
  }
}

const validAccess = (a: unknown): a is RouteAccess =>
  a === 'public' || a === 'authenticated' || a === 'reporting-organisation' || (typeof a === 'string' && rolesWith(a as Permission).length > 0);

/** Everything wrong with one route's declaration; empty when it may be served. */
export function routeDeclarationProblems(route: Pick<RouteOptions, 'method' | 'url' | 'config' | 'schema'>): string[] {
  const problems: string[] = [];
  const config = (route.config ?? {}) as { access?: unknown; scope?: unknown };
  if (config.access === undefined) problems.push('declares no access rule (config.access)');
  else if (!validAccess(config.access)) problems.push(`declares an unknown access rule ${JSON.stringify(config.access)}`);
  const scope = (config.scope ?? {}) as Record<string, unknown>;
  if (typeof scope !== 'object' || Array.isArray(scope)) {
    problems.push('config.scope must be an object');
    return problems;
  }
  const schema = (route.schema ?? {}) as { params?: unknown; querystring?: unknown; body?: unknown };

  // What the route has: path parameters, and every field of its query and body (UUID leaves marked).
  const fields = new Map<string, boolean>();
  const paramSchema = isZod(schema.params) ? schemaPaths(schema.params, 'params') : new Map<string, boolean>();
  for (const name of pathParams(route.url)) fields.set(`params.${name}`, paramSchema.get(`params.${name}`) ?? false);
  schemaPaths(schema.querystring, 'query', fields);
  schemaPaths(schema.body, 'body', fields);

  const covered = (path: string) => {
    for (const [key, target] of Object.entries(scope)) {
      if (key === path) return true;
      if (isUnscoped(target as ScopeTarget) && path.startsWith(`${key}.`)) return true;
    }
    return false;
  };
  for (const name of pathParams(route.url)) {
    if (!covered(`params.${name}`)) problems.push(`path parameter :${name} has no scope: declare config.scope['params.${name}'] as a scope kind or unscoped('why')`);
  }
  for (const [path, uuid] of fields) {
    if (uuid && !path.startsWith('params.') && !covered(path)) problems.push(`${path} is a UUID that may name a record: declare config.scope['${path}'] as a scope kind or unscoped('why')`);
  }
  for (const [key, target] of Object.entries(scope)) {
    if (!fields.has(key) && key !== 'body' && key !== 'query') {
      problems.push(`config.scope names ${key}, which the route does not have`);
      continue;
    }
    if ((key === 'body' || key === 'query') && !fields.has(key)) problems.push(`config.scope names ${key}, which the route does not have`);
    if (isUnscoped(target as ScopeTarget)) continue;
    if (typeof target !== 'string' || !scopeKinds.includes(target as ScopeKind)) {
      problems.push(`config.scope['${key}'] is ${JSON.stringify(target)}: use one of ${scopeKinds.join(', ')} or unscoped('why')`);
      continue;
    }
    if (!fields.get(key)) problems.push(`config.scope['${key}'] is a ${target} but the field is not a UUID`);
    if (config.access === 'public' || config.access === 'reporting-organisation') problems.push(`config.scope['${key}']: a ${config.access} route has no user to scope`);
  }
  return problems;
}

/** Throws, naming every bad route, unless every route declares access and scope completely. */
export function assertRouteDeclarations(routes: Iterable<Pick<RouteOptions, 'method' | 'url' | 'config' | 'schema'>>): void {
  const bad: string[] = [];
  for (const r of routes) {
    const method = (Array.isArray(r.method) ? r.method : [r.method]).join(',');
    for (const p of routeDeclarationProblems(r)) bad.push(`${method} ${r.url}: ${p}`);
  }
  if (bad.length) throw new Error(`routes with an incomplete access declaration:\n  ${bad.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------------------
// At request time.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every route with its declaration; tests walk it to check each role against each endpoint. */
export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
  scope: RouteScope;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    scope?: RouteScope;
  }
}

/**
 * Gives every route a plugin registers (documentation, static files) the same declaration, unless the
 * route states its own. Call inside the plugin's own encapsulated context, before registering it.
 */
export function declareZone(zone: FastifyInstance, declaration: { access: RouteAccess; scope?: RouteScope }): void {
  zone.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: RouteAccess; scope?: RouteScope };
    // The zone's scope keys apply to the routes that have those path parameters (`params.*` to wildcards).
    const has = new Set(pathParams(route.url).map((n) => `params.${n}`));
    const zoneScope = Object.fromEntries(Object.entries(declaration.scope ?? {}).filter(([k]) => !k.startsWith('params.') || has.has(k)));
    route.config = { ...config, access: config.access ?? declaration.access, scope: config.scope ?? zoneScope } as typeof route.config;
  });
}

/** The identical refusal for a record that is missing or out of the caller's scope. */
function refusal(kind: ScopeKind, where: 'params' | 'query' | 'body', field: string): AppError {
  const { label } = scopes[kind];
  const message = `no such ${label} you may see`;
  if (where === 'params') {
    // A second path parameter is named, so the caller knows which of the two ids was not found.
    const err = notFound(label);
    if (field !== 'id') err.errors.push({ field, message });
    return err;
  }
  if (where === 'query') return new AppError('not_found', `${label} not found`, [{ field, message }]);
  return new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]);
}

/** Values at a declared path with the concrete field name of each (`members.0.userId`). */
function valuesAt(root: unknown, path: string[], at: string[] = []): Array<{ field: string; value: unknown }> {
  if (!path.length) return root === undefined || root === null ? [] : [{ field: at.join('.'), value: root }];
  if (root === undefined || root === null || typeof root !== 'object') return [];
  const [head, ...rest] = path;
  if (head === '*') {
    if (!Array.isArray(root)) return [];
    return root.flatMap((v, i) => valuesAt(v, rest, [...at, String(i)]));
  }
  return valuesAt((root as Record<string, unknown>)[head!], rest, [...at, head!]);
}

async function resolveScope(ctx: AppContext, request: FastifyRequest, where: 'params' | 'query' | 'body', source: unknown): Promise<void> {
  const scope = request.routeOptions.config.scope;
  if (!scope || !request.actor) return;
  const wanted: Array<{ kind: ScopeKind; field: string; id: string }> = [];
  for (const [key, target] of Object.entries(scope)) {
    if (isUnscoped(target)) continue;
    const [head, ...path] = key.split('.');
    if (head !== where) continue;
    for (const { field, value } of valuesAt(source, path)) wanted.push({ kind: target, field, id: String(value) });
  }
  if (!wanted.length) return;
  const byKind = new Map<ScopeKind, Set<string>>();
  for (const w of wanted) byKind.set(w.kind, (byKind.get(w.kind) ?? new Set()).add(w.id));
  const seen = new Map<ScopeKind, Set<string>>();
  for (const [kind, set] of byKind) seen.set(kind, await scopes[kind].visible(ctx.db, request.actor, [...set]));
  const miss = wanted.find((w) => !seen.get(w.kind)!.has(w.id));
  if (miss) throw refusal(miss.kind, where, miss.field);
}

/**
 * Installs the route collector, the start-up guard, the request-target check and the access hooks.
 * Call before any route is registered; `onRequestAuth` runs between the target check and the gate.
 */
export function installAccessControl(app: FastifyInstance, _ctx: AppContext): { assertDeclared(): void } {
  const routes: RouteOptions[] = [];
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  // Read at start-up, after every onRoute hook (zones) has had its say: the options object is shared.
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });

  app.addHook('onRequest', async (request) => {
    const problem = checkRequestTarget(request.raw.url ?? '');
    if (problem) throw new AppError('validation_failed', `url: ${problem}`, [{ field: 'url', message: problem }]);
  });

  return {
    assertDeclared() {
      assertRouteDeclarations(routes);
      for (const r of routes) {
        const methods = (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD');
        const config = r.config as { access: RouteAccess; scope?: RouteScope };
        for (const method of methods) routeTable.push({ method: String(method), url: r.url, access: config.access, scope: config.scope ?? {} });
      }
    },
  };
}

/** preValidation: the role gate and CSRF from the matched route's own config, then path-parameter scope. */
export async function accessGate(ctx: AppContext, request: FastifyRequest): Promise<void> {
  if (request.is404) return; // no route matched: the not-found handler answers
  const { access, scope } = request.routeOptions.config;
  if (!access) throw new AppError('forbidden', 'route declares no access rule');
  if (access === 'public') return;
  // Tip intake: a reporting organisation's key (platform/auth/reporter-keys.ts), never a user's credential.
  if (access === 'reporting-organisation') {
    if (request.actor) throw new AppError('forbidden', 'this route takes a reporting organisation\'s key, not a user\'s credential');
    if (!request.reporter) throw new AppError('unauthenticated', 'send the reporting organisation key as a Bearer token');
    return;
  }
  if (!request.actor) throw new AppError('unauthenticated', 'sign-in required');
  // A session whose sign-in is unfinished (code to enter, password to change, MFA to enrol) reaches only the
  // routes that finish it, before anything about records can be learnt.
  const stage = request.sessionStage;
  if (stage && stage !== 'full' && !request.routeOptions.config.stages?.includes(stage)) throw new AppError('sign_in_incomplete', signInStageMessages[stage]);
  if (request.viaCookie && UNSAFE.has(request.method) && !secretsEqual(String(request.headers['x-csrf-token'] ?? ''), request.csrfToken)) {
    throw new AppError('csrf_failed', 'send the x-csrf-token header given at sign-in');
  }
  if (access !== 'authenticated' && !rolesWith(access).includes(request.actor.role)) {
    throw new AppError('forbidden', `your role (${request.actor.role}) may not do this`);
  }
  if (!scope) return;
  // Path parameters are resolved before the body is validated, so a hidden record answers exactly like a
  // missing one whatever the body holds. The route's own zod schema checks the ids first; if they are not
  // valid, validation answers 400 naming them.
  const paramsSchema = request.routeOptions.schema?.params as { safeParse?: (v: unknown) => { success: boolean; data?: unknown } } | undefined;
  if (!Object.keys(scope).some((k) => k.startsWith('params.'))) return;
  const parsed = paramsSchema?.safeParse?.(request.params);
  if (!parsed?.success) return;
  await resolveScope(ctx, request, 'params', parsed.data);
}

/** preHandler (after zod validation): the records named by query and body fields. */
export async function scopeGate(ctx: AppContext, request: FastifyRequest): Promise<void> {
  if (request.is404 || !request.routeOptions.config.scope) return;
  await resolveScope(ctx, request, 'query', request.query);
  await resolveScope(ctx, request, 'body', request.body);
}
