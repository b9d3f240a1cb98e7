import { sql } from 'kysely';
import { userIdOf } from '../../platform/access/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { newReporterKey, reporterKeyHash } from '../../platform/auth/reporter-keys.ts';

// Reporting organisations and their keys (administrators; the CLI as the system). The token is answered once
// and stored only as its SHA-256. A key always expires (default a year, at most two).

const DAY = 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listOrganisations(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('tip_organisations').select([
    'tip_organisations.id', 'tip_organisations.name', 'tip_organisations.created_at',
    sql<string>`(SELECT count(*) FROM tips t WHERE t.organisation_id = tip_organisations.id)::text`.as('tips'),
    sql<string>`(SELECT count(*) FROM tip_keys k WHERE k.organisation_id = tip_organisations.id AND k.revoked_at IS NULL AND k.expires_at > now())::text`.as('keys'),
  ]).orderBy('tip_organisations.name').execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString(), tips: Number(r.tips), activeKeys: Number(r.keys) })) };
}

/** The organisation of this name, created when new. */
export async function ensureOrganisation(ctx: ServiceContext, name: string): Promise<{ id: string; name: string; created: boolean }> {
  const clean = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (clean.length < 2 || clean.length > 200) throw invalid('name', 'between 2 and 200 characters');
  return inTransaction(ctx, async (tx, audit) => {
    const inserted = await tx.insertInto('tip_organisations').values({ name: clean, created_by: userIdOf(ctx.actor) }).onConflict((oc) => oc.column('name').doNothing()).returning('id').executeTakeFirst();
    if (inserted) {
      await audit({ action: 'tip_organisation.create', entityType: 'tip_organisation', entityId: inserted.id, details: { name: clean } });
      return { id: inserted.id, name: clean, created: true };
    }
    const row = await tx.selectFrom('tip_organisations').select('id').where('name', '=', clean).executeTakeFirstOrThrow();
    return { id: row.id, name: clean, created: false };
  });
}

export async function listKeys(ctx: ServiceContext, organisationId?: string) {
  let q = ctx.db.selectFrom('tip_keys').innerJoin('tip_organisations', 'tip_organisations.id', 'tip_keys.organisation_id')
    .select(['tip_keys.id', 'tip_keys.organisation_id', 'tip_organisations.name', 'tip_keys.label', 'tip_keys.prefix', 'tip_keys.created_at', 'tip_keys.expires_at', 'tip_keys.revoked_at', 'tip_keys.last_used_at',
      sql<string>`(SELECT count(*) FROM tips t WHERE t.key_id = tip_keys.id)::text`.as('tips')]);
  if (organisationId) q = q.where('tip_keys.organisation_id', '=', organisationId);
  const rows = await q.orderBy('tip_organisations.name').orderBy('tip_keys.created_at', 'desc').execute();
  const now = Date.now();
  return {
    items: rows.map((k) => ({
      id: k.id, organisationId: k.organisation_id, organisation: k.name, label: k.label, prefix: k.prefix, createdAt: k.created_at.toISOString(), expiresAt: k.expires_at.toISOString(),
      revokedAt: iso(k.revoked_at), lastUsedAt: iso(k.last_used_at), tips: Number(k.tips), active: !k.revoked_at && k.expires_at.getTime() > now,
    })),
  };
}

/** A new key for an organisation; the token is in the answer and nowhere else. */
export async function createKey(ctx: ServiceContext, organisationId: string, input: { label?: string; expiresAt?: string }) {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(Date.now() + 365 * DAY);
  if (expiresAt.getTime() <= Date.now()) throw invalid('expiresAt', 'must be in the future');
  if (expiresAt.getTime() > Date.now() + 2 * 366 * DAY) throw invalid('expiresAt', 'at most two years ahead');
  const token = newReporterKey();
  return inTransaction(ctx, async (tx, audit) => {
    const org = await tx.selectFrom('tip_organisations').select(['id', 'name']).where('id', '=', organisationId).executeTakeFirst();
    if (!org) throw notFound('organisation');
    const row = await tx.insertInto('tip_keys').values({
      organisation_id: org.id, label: input.label ?? '', key_hash: reporterKeyHash(token), prefix: token.slice(0, 13), created_by: userIdOf(ctx.actor), expires_at: expiresAt,
    }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
    await audit({ action: 'tip_key.create', entityType: 'tip_key', entityId: row.id, details: { organisation: org.name, expiresAt: expiresAt.toISOString() } });
    return {
      id: row.id, organisationId: org.id, organisation: org.name, label: input.label ?? '', prefix: token.slice(0, 13), createdAt: row.created_at.toISOString(), expiresAt: expiresAt.toISOString(),
      revokedAt: null, lastUsedAt: null, tips: 0, active: true, token,
    };
  });
}

export async function revokeKey(ctx: ServiceContext, keyId: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const key = await tx.selectFrom('tip_keys').select(['id', 'revoked_at', 'organisation_id']).where('id', '=', keyId).forUpdate().executeTakeFirst();
    if (!key) throw notFound('key');
    if (key.revoked_at) throw conflict('the key is revoked already');
    await tx.updateTable('tip_keys').set({ revoked_at: new Date(), revoked_by: userIdOf(ctx.actor) }).where('id', '=', keyId).execute();
    await audit({ action: 'tip_key.revoke', entityType: 'tip_key', entityId: keyId, details: { organisationId: key.organisation_id } });
  });
}
