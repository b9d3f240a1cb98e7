import type { AppContext } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { createApiToken } from './auth.service.ts';

// Self-service API tokens: a user lists, creates and revokes tokens that act as themselves, and nobody
// else's. A token cannot mint another token (creation needs a signed-in session), and protection officers
// get none (createApiToken refuses them; the resolver ignores any they still have).
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listOwnTokens(app: AppContext, actor: Actor) {
  const rows = await app.db.selectFrom('api_tokens').select(['id', 'name', 'created_at', 'expires_at', 'revoked_at']).where('user_id', '=', actor.id).orderBy('created_at', 'desc').orderBy('id').execute();
  const now = Date.now();
  return {
    items: rows.map((t) => ({
      id: t.id, name: t.name, createdAt: t.created_at.toISOString(), expiresAt: iso(t.expires_at), revokedAt: iso(t.revoked_at),
      active: !t.revoked_at && (!t.expires_at || t.expires_at.getTime() > now),
    })),
  };
}

export async function createOwnToken(app: AppContext, actor: Actor, input: { name: string; expiresAt?: string }) {
  if (actor.credential?.kind !== 'session') throw new AppError('forbidden', 'create API tokens from a signed-in session, not with another token');
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : undefined;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw invalid('expiresAt', 'must be in the future');
  const { id, token } = await createApiToken(app, actor.id, input.name, actor, expiresAt);
  return { id, name: input.name, token, expiresAt: iso(expiresAt ?? null) };
}

export async function revokeOwnToken(app: AppContext, actor: Actor, tokenId: string): Promise<void> {
  await app.db.transaction().execute(async (tx) => {
    const token = await tx.selectFrom('api_tokens').select(['id', 'name', 'revoked_at']).where('id', '=', tokenId).where('user_id', '=', actor.id).forUpdate().executeTakeFirst();
    if (!token) throw notFound('token');
    if (token.revoked_at) return;
    await tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', tokenId).execute();
    await appendAudit(tx, { actorId: actor.id, actorName: actor.username, action: 'api_token.revoke', entityType: 'user', entityId: actor.id, ip: actor.ip, credential: actor.credential, details: { tokenId, name: token.name } });
  });
}
