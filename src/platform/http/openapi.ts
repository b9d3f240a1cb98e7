import type { RouteOptions } from 'fastify';

// The OpenAPI document platforms and NGOs build their clients from (issue 11, part 5). Everything a lint of the
// document (Redocly's recommended rules, run by test/platform/openapi.test.ts) asks of each operation is derived
// here from the route itself, so a new route complies without anyone remembering:
//   - operationId: the route's own `schema.operationId`, or one derived from method and path
//     (GET /api/v1/cases/:id/takedowns -> getCasesByIdTakedowns), stable and unique;
//   - its error answers, each `application/problem+json` with the shared ProblemDetails schema: 400 (every route:
//     the request target and its input are checked), 401 and 403 (every route that is not public), 404 (a record
//     named in the path or query, or a body field's record), 409 (changes), 413 and 415 (routes with a body),
//     429 (rate-limited routes), 503 (every route: the database busy);
//   - examples: a body schema's `.meta({ examples: [...] })` becomes named examples of the request body;
//   - OpenAPI 3.0 details zod's JSON Schema does not give (`nullable` beside `anyOf` moved into its branches,
//     `examples` keywords of schemas moved out where 3.0 has no place for them).

export interface OperationFacts {
  method: string;
  url: string;
  access: string | undefined;
  rateLimited: boolean;
  operationId?: string;
  /** Whether the route names records in its query or body (404/400 from the scope gate). */
  scopedFields: boolean;
}

/** Facts of every route, collected as routes are registered (app.ts adds the onRoute hook). */
export function routeFacts(route: RouteOptions): OperationFacts[] {
  const config = (route.config ?? {}) as { access?: string; rateLimit?: unknown; scope?: Record<string, unknown> };
  const schema = (route.schema ?? {}) as { operationId?: string };
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String).filter((m) => m !== 'HEAD');
  const scopedFields = Object.keys(config.scope ?? {}).some((k) => k.startsWith('query.') || k.startsWith('body.'));
  return methods.map((method) => ({ method, url: route.url, access: config.access, rateLimited: Boolean(config.rateLimit), operationId: schema.operationId, scopedFields }));
}

const camel = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

/** GET /api/v1/cases/:id/takedowns -> getCasesByIdTakedowns; stable as long as the route is. */
export function deriveOperationId(method: string, url: string): string {
  const parts = url.replace(/^\/api\/v1(?=\/|$)/, '').replace(/^\/api(?=\/|$)/, '').split('/').filter(Boolean).map((seg) => {
    if (seg.startsWith(':')) return `By${camel(seg.slice(1).replace(/\(.*$/, ''))}`;
    if (seg === '*') return 'Wildcard';
    return camel(seg);
  });
  return `${method.toLowerCase()}${parts.join('') || 'Root'}`;
}

/** find-my-way `:id` -> OpenAPI `{id}`. */
export const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, '{$1}');

export const problemDetailsSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. `errors` names each field that was refused (`body.provider`, `params.id`, `url`...).',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://amaan.invalid/problems/validation-failed' },
    title: { type: 'string', example: 'The request is not valid' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', example: 'body.provider: at least 2 characters' },
    code: {
      type: 'string',
      enum: ['validation_failed', 'malformed_body', 'body_too_large', 'unsupported_media_type', 'unauthenticated', 'forbidden', 'csrf_failed', 'sign_in_incomplete', 'not_found', 'conflict', 'illegal_transition', 'rate_limited', 'unavailable', 'internal'],
    },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string', example: 'body.provider' }, message: { type: 'string', example: 'at least 2 characters' } } },
    },
    correlationId: { type: 'string', description: 'Quote it to an administrator: it finds the request in the server log.' },
  },
} as const;

const problemAnswers: Record<string, string> = {
  400: 'The request is not valid: malformed target or body, or a field refused (named in `errors`)',
  401: 'Sign-in required: no session or token, or an expired one',
  403: 'Not permitted for your role, a missing CSRF token (cookie sessions), or sign-in unfinished',
  404: 'Not found: the record does not exist or is not one you may see (the two look the same)',
  409: 'Conflicts with the current state (a step not allowed now, a duplicate, a concurrent change)',
  413: 'The request body is too large',
  415: 'Unsupported content type: send application/json',
  429: 'Too many requests: try again later',
  503: 'The server is busy (no database connection free in time, or a statement timed out); nothing was stored: try again after the `Retry-After` seconds',
};

/** The error answers a route can give, from what it is. */
export function problemStatuses(facts: OperationFacts | undefined, op: { parameters?: Array<{ in?: string }>; requestBody?: unknown }, path: string): string[] {
  const out = new Set<string>(['400']);
  if (facts?.access !== 'public') {
    out.add('401');
    out.add('403');
  }
  const unsafe = facts ? ['POST', 'PUT', 'PATCH', 'DELETE'].includes(facts.method) : false;
  if (path.includes('{') || facts?.scopedFields) out.add('404');
  if (unsafe) out.add('409');
  if (op.requestBody || unsafe) {
    out.add('413');
    out.add('415');
  }
  if (facts?.rateLimited) out.add('429');
  // Every route reads or writes the database: under overload any of them may answer 503.
  out.add('503');
  return [...out].sort();
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** OpenAPI 3.0 fixes for schemas as zod writes them (JSON Schema 2020-12 flavoured). */
function fixSchema(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(fixSchema);
    return;
  }
  if (!isObj(node)) return;
  // `nullable` needs a `type` beside it in 3.0: move it into each branch of an anyOf/oneOf.
  if (node.nullable === true && node.type === undefined) {
    const branches = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
    if (Array.isArray(branches)) {
      for (const b of branches) if (isObj(b) && b.type !== undefined) b.nullable = true;
      delete node.nullable;
    }
  }
  for (const v of Object.values(node)) fixSchema(v);
}

/** Moves a schema's `examples` (JSON Schema) to the media type's named examples (OpenAPI 3.0). */
function liftExamples(media: Json): void {
  const schema = media.schema;
  if (!isObj(schema) || !Array.isArray(schema.examples)) return;
  const examples = schema.examples as unknown[];
  delete schema.examples;
  media.examples = Object.fromEntries(examples.map((value, i) => [`example${i + 1}`, { summary: `Example ${i + 1}`, value }]));
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The whole document after generation: servers, licence, shared problem schema, and every operation completed. */
export function completeDocument(doc: Json, facts: ReadonlyMap<string, OperationFacts>): Json {
  doc.servers = [{ url: '/', description: 'This Amaan installation (the API is under /api/v1)' }];
  const info = (doc.info ?? {}) as Json;
  info.license = { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' };
  doc.info = info;
  const components = (doc.components ?? {}) as Json;
  components.schemas = { ...((components.schemas ?? {}) as Json), ProblemDetails: problemDetailsSchema };
  doc.components = components;
  const used = new Set<string>();
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const f = facts.get(`${method.toUpperCase()} ${path}`);
      let id = typeof op.operationId === 'string' && op.operationId ? op.operationId : f?.operationId ?? deriveOperationId(method, path.replace(/\{([^}]+)\}/g, ':$1'));
      for (let n = 2; used.has(id); n++) id = `${id.replace(/\d+$/, '')}${n}`;
      used.add(id);
      op.operationId = id;
      const responses = (op.responses ?? {}) as Json;
      for (const status of problemStatuses(f, op as { parameters?: Array<{ in?: string }>; requestBody?: unknown }, path)) {
        if (responses[status]) continue;
        responses[status] = { description: problemAnswers[status], content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } };
      }
      op.responses = responses;
      const body = op.requestBody;
      if (isObj(body) && isObj(body.content)) for (const media of Object.values(body.content)) if (isObj(media)) liftExamples(media);
    }
  }
  fixSchema(doc.paths);
  fixSchema(components.schemas);
  return doc;
}

/** `METHOD /openapi/{path}` keys for the facts of a route table. */
export function factsByOperation(all: Iterable<OperationFacts>): Map<string, OperationFacts> {
  return new Map([...all].map((f) => [`${f.method} ${openapiPath(f.url)}`, f]));
}
