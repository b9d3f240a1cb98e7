import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import helmet from 'helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { accessGate, declareZone, installAccessControl, scopeGate, unscoped } from '../access/route-access.ts';
import { resolveApiToken, resolveSession, SESSION_COOKIE } from '../auth/auth.service.ts';
import { AppError, BUSY_RETRY_AFTER_S, databaseBusy, toProblem, type FieldError } from './errors.ts';
import type { Api } from './route-kit.ts';
import { registerModules } from '../../modules/index.ts';
import { serveWebApp } from './web-app.ts';
import { clientErrorHandler } from './client-error.ts';
import { frameworkErrorHandler, registerAuthHooks, trustProxyOption } from '../auth/auth-hooks.ts';
import { refuseLoneSurrogates } from './well-formed-input.ts';
import { completeDocument, factsByOperation, routeFacts, type OperationFacts } from './openapi.ts';
import { isReporterKey, resolveReporterKey } from '../auth/reporter-keys.ts';
import { registerOps, type AppMetrics } from './ops.ts';

export type { RouteInfo } from '../access/route-access.ts';

export interface BuildAppOptions {
  logger?: boolean;
  /** Serve the built web app from this folder (production build of src/web). */
  webRoot?: string;
  /** Count requests by route into these Prometheus metrics (served on their own listener: ops.ts). */
  metrics?: AppMetrics;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<Api> {
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    bodyLimit: ctx.config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('viaCookie', false);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('reporter', null);

  // Every route (API, documentation, web app) declares access and scope, or the app refuses to start;
  // a request target that is not canonical origin-form is refused before anything else (route-access.ts).
  const accessControl = installAccessControl(app as unknown as FastifyInstance, ctx);
  // What the OpenAPI document says of each operation (operationId, error answers) is derived from the route (openapi.ts).
  const operationFacts: OperationFacts[] = [];
  app.addHook('onRoute', (route) => {
    operationFacts.push(...routeFacts(route as never));
  });

  await app.register(fastifyCookie);
  // Security headers (helmet), its middleware built ONCE: @fastify/helmet built it anew for every request (parsing
  // the CSP directives each time), a measurable share of the server's CPU per tip (docs/benchmarks.md, "Tip intake:
  // fourth pass"). Same headers on every route; the routes that need another CSP set it on their reply.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: ctx.config.secureCookies,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
  // Counters in the database: the limits hold across every server process over it (rate-limit-store.ts).
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(ctx.db) as never });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Amaan API', version: '1', description: 'Case and intelligence system for child-exploitation investigations. Errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => completeDocument(structuredClone('openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject) as Record<string, unknown>, factsByOperation(operationFacts)) as never,
  });
  await app.register(async (docs) => {
    declareZone(docs as unknown as FastifyInstance, { access: 'public', scope: { 'params.*': unscoped('a file of the API documentation viewer, no record') } });
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  // Liveness and readiness for load balancers and orchestrators; request metrics when asked (ops.ts).
  registerOps(app as unknown as FastifyInstance, ctx, options.metrics);

  // Who is calling: a bearer token (API clients) or the session cookie (web app).
  app.addHook('onRequest', async (request) => {
    const auth = request.headers.authorization;
    const ip = request.ip ?? null;
    if (auth?.startsWith('Bearer ')) {
      // A reporting organisation's key (tip intake) is no user: it reaches only 'reporting-organisation' routes.
      if (isReporterKey(auth.slice(7).trim())) {
        request.reporter = await resolveReporterKey(ctx, auth.slice(7).trim(), ip);
        if (!request.reporter) throw new AppError('unauthenticated', 'invalid, revoked or expired key');
        return;
      }
      const resolved = await resolveApiToken(ctx, auth.slice(7).trim());
      if (!resolved) throw new AppError('unauthenticated', 'invalid or expired token');
      request.actor = { ...resolved.user, ip, credential: { kind: 'token', id: resolved.tokenId } };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await resolveSession(ctx, cookie);
      if (session) {
        request.actor = { ...session.user, ip, credential: { kind: 'session', id: session.sessionId } };
        request.viaCookie = true;
        request.csrfToken = session.csrfToken;
        request.sessionStage = session.stage;
      }
    }
  });

  // Role check and CSRF for cookie-authenticated changes, from the matched route's own config (never the
  // URL), then the records named by path parameters, before any handler or body work.
  app.addHook('preValidation', async (request) => {
    await accessGate(ctx, request);
    if (request.is404 || request.routeOptions.config.access === 'public') return;
    // PostgreSQL cannot store NUL in text: refuse it here, naming the field, rather than fail in SQL.
    const nul = findNul(request.body, 'body') ?? findNul(request.query, 'querystring');
    if (nul) throw new AppError('validation_failed', `${nul}: contains a NUL character`, [{ field: nul, message: 'contains a NUL character' }]);
  });
  // After zod validation: the records named by query and body fields.
  app.addHook('preHandler', async (request) => scopeGate(ctx, request));

  registerAuthHooks(app as unknown as Api, ctx);
  app.addHook('preValidation', refuseLoneSurrogates); // public routes (sign-in) included

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const problem = toProblem(classify(error), request.id);
    if (problem.status === 503) {
      // Overload is expected under peaks: logged without the stack, and the client told when to come back.
      request.log.warn({ correlationId: request.id, reason: error.message }, 'busy: answered 503');
      void reply.header('retry-after', String(BUSY_RETRY_AFTER_S));
    } else if (problem.status >= 500) request.log.error({ err: error, correlationId: request.id }, 'unhandled error');
    return reply.status(problem.status).type('application/problem+json').send(problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api')) {
      const problem = toProblem(new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`), request.id);
      return reply.status(404).type('application/problem+json').send(problem);
    }
    return reply.callNotFound();
  });

  await app.register(async (api) => registerModules(api as unknown as Api, ctx), { prefix: '/api/v1' });
  if (options.webRoot) await serveWebApp(app as unknown as Api, options.webRoot);

  await app.ready();
  accessControl.assertDeclared();
  return app as unknown as Api;
}

function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object' || depth > 20) return null;
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return null; // a raw upload stream
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const hit = findNul(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** Maps anything thrown to a catalogued error; unknown errors become a bare 500 with a correlation id. */
function classify(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fe = error as FastifyError & { validationContext?: string };
    const where = fe.validationContext ?? 'body';
    const errors: FieldError[] = (error.validation ?? []).map((issue) => {
      const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const params = issue.params as { keys?: string[] } | undefined;
      const keys = issue.keyword === 'unrecognized_keys' ? params?.keys ?? [] : [];
      if (keys.length) return { field: [where, path, keys.join(',')].filter(Boolean).join('.'), message: 'unknown field' };
      return { field: path ? `${where}.${path}` : where, message: issue.message ?? 'invalid' };
    });
    return new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'invalid request', errors);
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_body', 'the body is not valid JSON', [{ field: 'body', message: 'not valid JSON' }]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large', 'the request body exceeds the limit', [{ field: 'body', message: 'too large' }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'send application/json', [{ field: 'content-type', message: 'unsupported' }]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed_body', 'content-length does not match the body', [{ field: 'body', message: 'wrong length' }]);
    default:
      break;
  }
  if (fe.statusCode === 429) return new AppError('rate_limited', 'too many requests; try again later');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('validation_failed', fe.message.slice(0, 300));
  }
  // PostgreSQL constraint violations that slipped past validation: answer 409/400, never a 500.
  const pgCode = (error as { code?: string }).code;
  if (pgCode === '23505') return new AppError('conflict', 'a record with these values already exists');
  if (pgCode === '23503') return new AppError('validation_failed', 'a referenced record does not exist');
  // Serialization failure or deadlock: this request lost a race with a concurrent change and was rolled back.
  if (pgCode === '40001' || pgCode === '40P01') return new AppError('conflict', 'the record was changed by another request at the same time; nothing was stored, try again');
  const busy = databaseBusy(error);
  if (busy) return busy;
  if (pgCode === '23514' || pgCode === '22021' || pgCode === '22P05' || pgCode === '22P02' || pgCode === '22001' || pgCode === '22003' || pgCode === '22007' || pgCode === '22008') {
    return new AppError('validation_failed', 'a value is out of range or malformed');
  }
  return new AppError('internal', 'an internal error occurred; quote the correlation id to an administrator');
}
