import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Api } from '../http/route-kit.ts';
import { okResponse, uuidParam } from '../http/route-kit.ts';
import { AppError } from '../http/errors.ts';
import { changeOwnPassword, login, logout, SESSION_COOKIE, sessionStages } from './auth.service.ts';
import {
  loginBody, mfaConfirmBody, mfaDisableBody, mfaEnrolAnswer, mfaEnrolBody, mfaStatusAnswer, mfaVerifyBody, ownTokenBody, ownTokenCreated, ownTokenInfo,
  passwordChangeBody, sessionAnswer,
} from './auth.schema.ts';
import { confirmEnrolment, disableOwnMfa, mfaStatus, startEnrolment, verifySecondFactor } from './mfa.service.ts';
import { createOwnToken, listOwnTokens, revokeOwnToken } from './tokens.service.ts';

export { loginBody };

export async function authRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['auth'];
  // Slows guessing from one address (the per-account lockout stops it for one account).
  const guessLimit = { max: ctx.config.env === 'production' ? 10 : 1000, timeWindow: '1 minute' };
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies, maxAge: ctx.config.sessionHours * 3600 });
  const actorOf = (request: { actor: import('../access/actor.ts').Actor | null }) => {
    if (!request.actor) throw new AppError('unauthenticated', 'sign-in required');
    return request.actor;
  };
  const enrolStages = { stages: ['enrol_required' as const] };

  api.post('/auth/login', {
    config: { access: 'public', rateLimit: guessLimit },
    schema: {
      tags,
      summary: 'Sign in; sets the session cookie and returns the CSRF token and what is left to do (stage: a code, a password change or MFA enrolment)',
      body: loginBody,
      response: { 200: sessionAnswer.extend({ csrfToken: z.string() }) },
    },
  }, async (request, reply) => {
    const { user, sessionToken, csrfToken, stage } = await login(ctx, request.body.username, request.body.password, request.ip ?? null);
    setSessionCookie(reply, sessionToken);
    return { user, csrfToken, stage, timeZone: ctx.config.timeZone };
  });

  api.get('/auth/me', {
    config: { access: 'authenticated', stages: [...sessionStages] },
    schema: { tags, summary: 'The signed-in user and the stage of the sign-in', response: { 200: sessionAnswer } },
  }, async (request) => {
    const a = actorOf(request);
    return { user: { id: a.id, username: a.username, displayName: a.displayName, role: a.role, branchId: a.branchId }, csrfToken: request.csrfToken, stage: request.sessionStage ?? 'full', timeZone: ctx.config.timeZone };
  });

  api.post('/auth/logout', {
    config: { access: 'authenticated', stages: [...sessionStages] },
    schema: { tags, summary: 'End the session', response: { 200: okResponse } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(ctx, token, actorOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  api.post('/auth/mfa/verify', {
    config: { access: 'authenticated', stages: ['mfa_required'], rateLimit: guessLimit },
    schema: { tags, summary: 'Second step of a sign-in: a code from the authenticator app or an unused recovery code; renews the session cookie and CSRF token', body: mfaVerifyBody, response: { 200: sessionAnswer.extend({ csrfToken: z.string(), recoveryCodesLeft: z.number().int().nullable() }) } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const token = request.cookies[SESSION_COOKIE];
    if (request.sessionStage !== 'mfa_required' || !token) throw new AppError('conflict', 'no second step is pending for this session');
    const done = await verifySecondFactor(ctx, actor, token, request.body);
    setSessionCookie(reply, done.sessionToken);
    // The stage after the code: a password still to change, or MFA... (MFA is on, so never enrolment).
    const mustChange = await ctx.db.selectFrom('users').select('must_change_password').where('id', '=', actor.id).executeTakeFirstOrThrow();
    return {
      user: { id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role, branchId: actor.branchId },
      csrfToken: done.csrfToken,
      stage: mustChange.must_change_password ? ('password_change_required' as const) : ('full' as const),
      recoveryCodesLeft: done.recoveryCodesLeft,
    };
  });

  api.get('/auth/mfa', {
    config: { access: 'authenticated', ...enrolStages },
    schema: { tags, summary: 'Whether my second factor is on, and how many recovery codes are left', response: { 200: mfaStatusAnswer } },
  }, async (request) => mfaStatus(ctx, actorOf(request).id));

  api.post('/auth/mfa/enrol', {
    config: { access: 'authenticated', ...enrolStages },
    schema: { tags, summary: 'Start enrolling an authenticator app: a new secret as a QR code and as text (replacing one that is on needs the password)', body: mfaEnrolBody, response: { 200: mfaEnrolAnswer } },
  }, async (request) => startEnrolment(ctx, actorOf(request), request.body.password));

  api.post('/auth/mfa/enrol/confirm', {
    config: { access: 'authenticated', ...enrolStages },
    schema: { tags, summary: 'Finish enrolling with the first code; answers the recovery codes, shown this once', body: mfaConfirmBody, response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) } },
  }, async (request) => confirmEnrolment(ctx, actorOf(request), request.body.code));

  api.post('/auth/mfa/disable', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Switch my second factor off (needs the password; where MFA is required, enrol again before anything else)', body: mfaDisableBody, response: { 200: okResponse } },
  }, async (request) => {
    await disableOwnMfa(ctx, actorOf(request), request.body.password);
    return { ok: true as const };
  });

  api.post('/auth/password', {
    config: { access: 'authenticated', stages: ['password_change_required'], rateLimit: guessLimit },
    schema: { tags, summary: 'Change my password (ends my other sessions)', body: passwordChangeBody, response: { 200: okResponse } },
  }, async (request) => {
    const actor = actorOf(request);
    if (actor.credential?.kind !== 'session') throw new AppError('forbidden', 'change your password from a signed-in session');
    await changeOwnPassword(ctx, actor, request.cookies[SESSION_COOKIE], request.body.currentPassword, request.body.newPassword);
    return { ok: true as const };
  });

  api.get('/auth/tokens', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'My API tokens (never the token itself)', response: { 200: z.object({ items: z.array(ownTokenInfo) }) } },
  }, async (request) => listOwnTokens(ctx, actorOf(request)));

  api.post('/auth/tokens', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Create an API token that acts as me; shown in this answer only (not for protection officers)', body: ownTokenBody, response: { 201: ownTokenCreated } },
  }, async (request, reply) => reply.status(201).send(await createOwnToken(ctx, actorOf(request), request.body)));

  api.delete('/auth/tokens/:id', {
    config: { access: 'authenticated', scope: { 'params.id': 'apiToken' } },
    schema: { tags, summary: 'Revoke one of my API tokens', params: uuidParam, response: { 200: okResponse } },
  }, async (request) => {
    await revokeOwnToken(ctx, actorOf(request), request.params.id);
    return { ok: true as const };
  });
}
