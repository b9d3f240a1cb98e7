import type { ServiceContext } from '../context.ts';
import { auditRead } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { DecryptionError, fieldContext, type FieldCrypto } from './field-crypto.ts';

// Every column that holds ctx.crypto output, in one place: the start-up sealing step, `amaan keys
// reencrypt` and the services use these contexts, so a ciphertext is bound to exactly one field of one row.
//   victim_identities.ciphertext  the victim's identity               (victim.identity.ts)
//   persons.sealed                {cnic, passport}                     (persons/person.sealed.ts)
//   placements.sealed             {facility, notes}                    (victims/care.sealed.ts)
//   followups.sealed              {notes}                              (victims/care.sealed.ts)
//   record_corrections.sealed     {before, after} of a CNIC/passport correction (corrections/correction.service.ts)
//   user_mfa.secret, pending_secret  TOTP secrets, context user_mfa.totp_secret (platform/auth/totp.ts)
// A new encrypted column is added here, to seal-at-start.ts and to the re-encryption in
// src/modules/victims/identity.reencrypt.ts.
export const identityContext = (victimId: string) => fieldContext('victim_identities', 'ciphertext', victimId);
export const personContext = (personId: string) => fieldContext('persons', 'sealed', personId);
export const placementContext = (placementId: string) => fieldContext('placements', 'sealed', placementId);
export const followupContext = (followupId: string) => fieldContext('followups', 'sealed', followupId);
export const correctionContext = (correctionId: string) => fieldContext('record_corrections', 'sealed', correctionId);

export type SealedTable = 'persons' | 'placements' | 'followups';
export const sealedContext: Record<SealedTable, (id: string) => string> = {
  persons: personContext,
  placements: placementContext,
  followups: followupContext,
};

/** Opens a sealed value; a row without one gives `fallback` (plaintext not yet sealed at start). */
export function openSealed<T>(crypto: FieldCrypto, table: SealedTable, row: { id: string; sealed: Uint8Array | null; sealed_key_id: string | null }, fallback: T): T {
  if (!row.sealed || !row.sealed_key_id) return fallback;
  return crypto.decryptJson<T>(row.sealed_key_id, row.sealed, sealedContext[table](row.id));
}

/** The API's answer to a stored value that does not authenticate for its record: 409, never a 500. */
export function undecryptable(err: DecryptionError): AppError {
  return new AppError('conflict', `a stored encrypted value does not belong to this record (it was altered or copied from another record, key ${err.keyId}); it was not read, and the refusal is in the audit trail`);
}

/**
 * Runs a read or a write; when a stored value fails to authenticate (a ciphertext copied from another row,
 * or altered), the refusal is audited (after any transaction of `work` rolled back) and the caller gets a
 * clear 409 instead of a 500. Nothing of the value is returned or logged.
 */
export async function guardDecrypt<T>(ctx: ServiceContext, entity: { type: string; id: string | null }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof DecryptionError)) throw err;
    await auditRead(ctx, { action: 'crypto.decrypt_refused', entityType: entity.type, entityId: entity.id, details: { context: err.context, keyId: err.keyId } });
    throw undecryptable(err);
  }
}
