import type { ServiceContext } from '../../platform/context.ts';
import { auditRead, inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { requireVictimAccess } from './victim.scope.ts';
import { CONTEXT_VERSION } from '../../platform/crypto/field-crypto.ts';
import { guardDecrypt, identityContext } from '../../platform/crypto/sealed-fields.ts';
import { identityFields, type IdentityInput } from './victim.schema.ts';

// A victim's identity: one AES-256-GCM blob in victim_identities (ctx.crypto, key id beside it for
// rotation), bound to the victim's row (identityContext): a blob copied to another child's row is refused. Written by the investigation on the victim's case or by an assigned protection officer, and
// never echoed back to the writer; read only by an assigned protection officer, every read audited.
type Identity = Partial<Record<(typeof identityFields)[number], string>>;

/** Merges `input` into the stored identity (null clears a field) and re-encrypts with the current key. */
export async function writeIdentity(tx: Tx, ctx: ServiceContext, victimId: string, input: IdentityInput): Promise<string[]> {
  const stored = await tx.selectFrom('victim_identities').select(['key_id', 'ciphertext', 'context_version']).where('victim_id', '=', victimId).forUpdate().executeTakeFirst();
  const identity: Identity = stored ? openIdentity(ctx, victimId, stored) : {};
  const changed: string[] = [];
  for (const field of identityFields) {
    const v = input[field];
    if (v === undefined) continue;
    changed.push(field);
    if (v === null) delete identity[field];
    else identity[field] = v;
  }
  const values = { key_id: ctx.crypto.keyId, ciphertext: ctx.crypto.encryptJson(identity, identityContext(victimId)), context_version: CONTEXT_VERSION, updated_at: new Date() };
  await tx.insertInto('victim_identities').values({ victim_id: victimId, ...values }).onConflict((oc) => oc.column('victim_id').doUpdateSet(values)).execute();
  return changed;
}

/** Only bound values are read here; legacy (v1) values are upgraded at start (seal-at-start.ts). */
function openIdentity(ctx: ServiceContext, victimId: string, stored: { key_id: string; ciphertext: Uint8Array; context_version: number }): Identity {
  return ctx.crypto.decryptJson<Identity>(stored.key_id, stored.ciphertext, identityContext(victimId));
}

export async function updateIdentity(ctx: ServiceContext, victimId: string, input: IdentityInput): Promise<{ updatedAt: string }> {
  return guardDecrypt(ctx, { type: 'victim', id: victimId }, () => inTransaction(ctx, async (tx, audit) => {
    const { standing } = await requireVictimAccess(tx, ctx.actor, victimId, { lock: true });
    const investigation = (standing.role === 'investigator' || standing.role === 'supervisor') && standing.onCase;
    if (!investigation && !standing.assigned) throw forbidden('only the investigation of the case or an assigned protection officer records the identity');
    const changed = await writeIdentity(tx, ctx, victimId, input);
    // Field names only: the trail itself must never hold the identity.
    await audit({ action: 'victim.identity.write', entityType: 'victim', entityId: victimId, details: { fields: changed } });
    return { updatedAt: new Date().toISOString() };
  }));
}

/** The identity, for an assigned protection officer only; the read is in the audit trail before it is returned. */
export async function readIdentity(ctx: ServiceContext, victimId: string) {
  return guardDecrypt(ctx, { type: 'victim', id: victimId }, () => readIdentityUnguarded(ctx, victimId));
}

async function readIdentityUnguarded(ctx: ServiceContext, victimId: string) {
  const { victim, standing } = await requireVictimAccess(ctx.db, ctx.actor, victimId);
  if (!standing.assigned) throw notFound('victim');
  const stored = await ctx.db.selectFrom('victim_identities').select(['key_id', 'ciphertext', 'context_version', 'updated_at']).where('victim_id', '=', victimId).executeTakeFirst();
  const identity: Identity = stored ? openIdentity(ctx, victimId, stored) : {};
  await auditRead(ctx, { action: 'victim.identity.read', entityType: 'victim', entityId: victimId, details: { pseudonym: victim.pseudonym } });
  const field = (f: (typeof identityFields)[number]) => identity[f] ?? null;
  return {
    victimId,
    pseudonym: victim.pseudonym,
    fullName: field('fullName'),
    urduName: field('urduName'),
    dateOfBirth: field('dateOfBirth'),
    guardianName: field('guardianName'),
    guardianContact: field('guardianContact'),
    address: field('address'),
    cnicOrBForm: field('cnicOrBForm'),
    notes: field('notes'),
    updatedAt: stored ? stored.updated_at.toISOString() : null,
  };
}
