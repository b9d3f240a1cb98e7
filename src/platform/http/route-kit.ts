import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../access/actor.ts';
import type { AppContext, ServiceContext } from '../context.ts';
import { AppError } from './errors.ts';

export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

// Every route states who may call it (config.access) and which of its parameters name which records
// (config.scope); the app refuses to start otherwise. See src/platform/access/route-access.ts.
export { unscoped, type RouteAccess, type RouteScope } from '../access/route-access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    viaCookie: boolean;
    csrfToken: string | null;
  }
}

export function serviceContext(app: AppContext, request: FastifyRequest): ServiceContext {
  return { ...app, actor: actorOf(request) };
}

/** The signed-in caller; 401 (never a 500) if a route is somehow reached without one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'sign-in required');
  return request.actor;
}

// Shared schema pieces live in schema-kit.ts (pure: the web app imports them too).
export { boundedPageOf, isoDate, isoDay, okResponse, pageOf, pageQuery, uuidParam } from './schema-kit.ts';
