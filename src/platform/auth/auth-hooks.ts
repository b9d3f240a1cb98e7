import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError, toProblem } from '../http/errors.ts';
import type { Api } from '../http/route-kit.ts';
import { sweepSessions, type SessionStage } from './auth.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Sign-in steps (besides a full session) in which the route may be called; none = full sessions only. */
    stages?: SessionStage[];
  }
  interface FastifyRequest {
    /** The stage of the cookie session; null for bearer tokens and anonymous calls. */
    sessionStage: SessionStage | null;
  }
}

/**
 * AMAAN_TRUST_PROXY as Fastify's trustProxy: false (the socket address is the client), the proxies'
 * addresses/CIDRs, or a hop count (the nearest `hops` addresses are proxies, as proxy-addr counts them).
 */
export function trustProxyOption(setting: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting;
}

/** How often the server deletes expired and idle sessions. */
const SWEEP_MS = 5 * 60_000;

export const signInStageMessages: Record<Exclude<SessionStage, 'full'>, string> = {
  mfa_required: 'enter the code from your authenticator app (POST /api/v1/auth/mfa/verify) to finish signing in',
  password_change_required: 'your password was reset by an administrator: change it first (POST /api/v1/auth/password)',
  enrol_required: 'multi-factor authentication is required: enrol an authenticator app first (POST /api/v1/auth/mfa/enrol)',
};

function problem(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const p = toProblem(error, request.id);
  return reply.status(p.status).type('application/problem+json').send(p);
}

/**
 * Fastify's own errors raised before routing (a malformed URL, a failed async constraint) as problem+json;
 * passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrorHandler(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  if (error.code === 'FST_ERR_BAD_URL') return problem(reply, request, new AppError('validation_failed', 'the URL is malformed', [{ field: 'url', message: 'malformed (bad percent-encoding)' }]));
  return problem(reply, request, new AppError('validation_failed', 'the request could not be routed', [{ field: 'url', message: 'not routable' }]));
}

/**
 * Sign-in steps, no-store answers and the session sweep, registered by buildApp in one line (after the hook
 * that resolves the caller and before the routes).
 */
export function registerAuthHooks(app: Api, ctx: AppContext): void {
  app.decorateRequest('sessionStage', null);

  // An unknown /api route (or an unknown method on a known one) is a 404 problem before any access check.
  app.addHook('onRequest', async (request) => {
    if (request.is404 && request.url.startsWith('/api')) throw new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
  });

  // Nothing the API answers may be kept by a browser or proxy cache: identities, case content, tokens.
  // Refusals too (a request line refused before routing may name anything), and whatever set no policy of
  // its own; the web app's hashed assets keep the long cache they declare.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api') || reply.statusCode >= 400 || !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });

  let timer: NodeJS.Timeout | undefined;
  const sweep = async () => {
    try {
      await sweepSessions(ctx);
    } catch (err) {
      app.log.warn({ err }, 'session sweep failed');
    }
  };
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(() => void sweep(), SWEEP_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
