import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { okResponse, pageOf, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import {
  adminUser, apiTokenInfo, branchStaff, createdToken, createTokenBody, createUserBody, listBranchesQuery, listUsersQuery,
  resetPasswordBody, teamLoad, teamOverviewQuery, tokenParams, updateUserBody,
} from './admin.schema.ts';
import { createUser, getUser, issueToken, listBranchStaff, listTokens, listUsers, resetMfa, resetPassword, revokeToken, teamOverview, updateUser } from './admin.service.ts';

// Administrator only (admin.users); every change is audited. No route here returns case content.
export async function adminRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['admin'];
  const access = 'admin.users' as const;

  api.get('/admin/users', {
    config: { access },
    schema: { tags, summary: 'Users: search by name, filter by role, branch, disabled', querystring: listUsersQuery, response: { 200: pageOf(adminUser) } },
  }, async (request) => listUsers(serviceContext(ctx, request), request.query));

  api.post('/admin/users', {
    config: { access },
    schema: { tags, summary: 'Create a user (investigators and supervisors need a branch, other roles have none)', body: createUserBody, response: { 201: adminUser } },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const id = await createUser(sctx, request.body);
    return reply.status(201).send(await getUser(sctx, id));
  });

  api.get('/admin/users/:id', {
    config: { access, scope: { 'params.id': 'user' } },
    schema: { tags, summary: 'One user', params: uuidParam, response: { 200: adminUser } },
  }, async (request) => getUser(serviceContext(ctx, request), request.params.id));

  api.patch('/admin/users/:id', {
    config: { access, scope: { 'params.id': 'user' } },
    schema: { tags, summary: 'Change display name, role, branch; disable or enable', params: uuidParam, body: updateUserBody, response: { 200: adminUser } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await updateUser(sctx, request.params.id, request.body);
    return getUser(sctx, request.params.id);
  });

  api.post('/admin/users/:id/password', {
    config: { access, scope: { 'params.id': 'user' } },
    schema: { tags, summary: 'Set a new password: the user must change it at the next sign-in; ends the user\'s sessions and revokes their API tokens', params: uuidParam, body: resetPasswordBody, response: { 200: okResponse } },
  }, async (request) => {
    await resetPassword(serviceContext(ctx, request), request.params.id, request.body.password);
    return { ok: true as const };
  });

  api.post('/admin/users/:id/mfa/reset', {
    config: { access, scope: { 'params.id': 'user' } },
    schema: { tags, summary: 'Switch the user\'s second factor off (lost phone): they enrol again at the next sign-in; their sessions end', params: uuidParam, response: { 200: okResponse } },
  }, async (request) => {
    await resetMfa(serviceContext(ctx, request), request.params.id);
    return { ok: true as const };
  });

  api.get('/admin/users/:id/tokens', {
    config: { access, scope: { 'params.id': 'user' } },
    schema: { tags, summary: 'The user\'s API tokens (never the token itself)', params: uuidParam, response: { 200: z.object({ items: z.array(apiTokenInfo) }) } },
  }, async (request) => listTokens(serviceContext(ctx, request), request.params.id));

  api.post('/admin/users/:id/tokens', {
    config: { access, scope: { 'params.id': 'user' } },
    schema: { tags, summary: 'Issue an API token for a service account (never for a person); the token is shown in this answer only', params: uuidParam, body: createTokenBody, response: { 201: createdToken } },
  }, async (request, reply) => reply.status(201).send(await issueToken(serviceContext(ctx, request), request.params.id, request.body)));

  api.delete('/admin/users/:id/tokens/:tokenId', {
    config: { access, scope: { 'params.id': 'user', 'params.tokenId': 'apiToken' } },
    schema: { tags, summary: 'Revoke an API token', params: tokenParams, response: { 200: okResponse } },
  }, async (request) => {
    await revokeToken(serviceContext(ctx, request), request.params.id, request.params.tokenId);
    return { ok: true as const };
  });

  api.get('/admin/branches', {
    config: { access },
    schema: { tags, summary: 'Branches with staff counts', querystring: listBranchesQuery, response: { 200: pageOf(branchStaff) } },
  }, async (request) => listBranchStaff(serviceContext(ctx, request), request.query));

  api.get('/admin/team-overview', {
    config: { access },
    schema: { tags, summary: 'How many cases each investigator, supervisor and prosecutor is on (counts only, no case content)', querystring: teamOverviewQuery, response: { 200: pageOf(teamLoad) } },
  }, async (request) => teamOverview(serviceContext(ctx, request), request.query));
}
