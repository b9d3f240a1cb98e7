import { can } from '../../platform/access/permissions.ts';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { isSystemActor, userIdOf } from '../../platform/access/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { installationKeyOf, keyIdOfPublicKey } from './bundle.signing.ts';

// Trusted installations: the public keys whose signed case bundles this installation imports. Managed by
// administrators (API and `amaan keys trust add|list|remove`), every change audited. A table rather than a
// configuration variable: an agency adds a partner installation without a redeploy, and the trail shows
// who trusted which key when.

export const trustBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** The other installation's public key (SPKI PEM), as `amaan keys public` or GET /admin/installation-key prints it. */
  publicKey: z.string().trim().min(1).max(2000),
  /** Optional: the key id the sender read out, checked against the key (guards against a swapped file). */
  keyId: z.string().regex(/^[0-9a-f]{16}$/, '16 hex digits').optional(),
});
export const trustedInstallation = z.object({ keyId: z.string(), name: z.string(), publicKey: z.string(), addedAt: z.string(), addedBy: z.string().nullable() });
export const installationKeyInfo = z.object({ keyId: z.string(), publicKey: z.string() });
export const keyIdParam = z.strictObject({ keyId: z.string().regex(/^[0-9a-f]{16}$/, '16 hex digits') });

function requireAdmin(ctx: ServiceContext) {
  if (!isSystemActor(ctx.actor) && !can(ctx.actor.role, 'trust.manage')) throw forbidden('only an administrator manages trusted installations');
}

export function ownInstallationKey(ctx: ServiceContext): z.infer<typeof installationKeyInfo> {
  const key = installationKeyOf(ctx.config);
  return { keyId: key.keyId, publicKey: key.publicKeyPem };
}

export async function listTrusted(ctx: ServiceContext) {
  requireAdmin(ctx);
  const rows = await ctx.db.selectFrom('trusted_installations').leftJoin('users', 'users.id', 'trusted_installations.added_by')
    .select(['key_id', 'name', 'public_key_pem', 'added_at', 'users.username']).orderBy('added_at').orderBy('key_id').execute();
  return rows.map((r) => ({ keyId: r.key_id, name: r.name, publicKey: r.public_key_pem, addedAt: r.added_at.toISOString(), addedBy: r.username }));
}

export async function addTrusted(ctx: ServiceContext, input: z.infer<typeof trustBody>) {
  requireAdmin(ctx);
  const keyId = keyIdOfPublicKey(input.publicKey);
  if (!keyId) throw invalid('publicKey', 'not an Ed25519 public key in PEM (SPKI) form');
  if (input.keyId && input.keyId !== keyId) throw invalid('keyId', `the public key given has key id ${keyId}, not ${input.keyId}: check the file with the sender`);
  if (keyId === installationKeyOf(ctx.config).keyId) throw invalid('publicKey', 'this is this installation\'s own key: its bundles are trusted already');
  return inTransaction(ctx, async (tx, audit) => {
    const existing = await tx.selectFrom('trusted_installations').select('name').where('key_id', '=', keyId).forUpdate().executeTakeFirst();
    if (existing) throw conflict(`key ${keyId} is trusted already, as "${existing.name}"`, 'publicKey');
    const pem = input.publicKey.endsWith('\n') ? input.publicKey : `${input.publicKey}\n`;
    await tx.insertInto('trusted_installations').values({ key_id: keyId, name: input.name, public_key_pem: pem, added_by: userIdOf(ctx.actor) }).execute();
    await audit({ action: 'trust.add', entityType: 'trusted_installation', entityId: null, details: { keyId, name: input.name } });
    return { keyId, name: input.name, publicKey: pem, addedAt: new Date().toISOString(), addedBy: isSystemActor(ctx.actor) ? null : ctx.actor.username };
  });
}

export async function removeTrusted(ctx: ServiceContext, keyId: string): Promise<{ ok: true }> {
  requireAdmin(ctx);
  return inTransaction(ctx, async (tx, audit) => {
    const gone = await tx.deleteFrom('trusted_installations').where('key_id', '=', keyId).returning(['name']).executeTakeFirst();
    if (!gone) throw notFound('trusted installation');
    await audit({ action: 'trust.remove', entityType: 'trusted_installation', entityId: null, details: { keyId, name: gone.name } });
    return { ok: true as const };
  });
}
