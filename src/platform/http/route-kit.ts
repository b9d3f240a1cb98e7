import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
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

// Shared schema pieces: every list pages the same way and answers the same shape.
export const uuidParam = z.strictObject({ id: z.uuid({ message: 'must be a UUID' }) });
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}
export const okResponse = z.object({ ok: z.literal(true) });
export const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' });
export const isoDay = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
