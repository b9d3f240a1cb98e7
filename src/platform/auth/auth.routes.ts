import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Api } from '../http/route-kit.ts';
import { actorOf, okResponse } from '../http/route-kit.ts';
import { login, logout, SESSION_COOKIE } from './auth.service.ts';
import { loginBody, sessionUser } from './auth.schema.ts';

export { loginBody };

export async function authRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.post('/auth/login', {
    config: {
      access: 'public',
      // Slows password guessing from one address.
      rateLimit: { max: ctx.config.env === 'production' ? 10 : 1000, timeWindow: '1 minute' },
    },
    schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie and returns the CSRF token', body: loginBody, response: { 200: z.object({ user: sessionUser, csrfToken: z.string() }) } },
  }, async (request, reply) => {
    const { user, sessionToken, csrfToken } = await login(ctx, request.body.username, request.body.password, request.ip ?? null);
    reply.setCookie(SESSION_COOKIE, sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.secureCookies,
      maxAge: ctx.config.sessionHours * 3600,
    });
    return { user, csrfToken };
  });

  api.get('/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: z.object({ user: sessionUser, csrfToken: z.string().nullable() }) } },
  }, async (request) => {
    const a = actorOf(request);
    return { user: { id: a.id, username: a.username, displayName: a.displayName, role: a.role, branchId: a.branchId }, csrfToken: request.csrfToken };
  });

  api.post('/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'End the session', response: { 200: okResponse } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(ctx, token, actorOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
}
