import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { followupContext, openSealed, placementContext } from '../../platform/crypto/sealed-fields.ts';

// Care records say where the child is and what happened: a placement's facility and notes, a follow-up's
// notes. They are stored encrypted (placements.sealed, followups.sealed, bound to the row), the plaintext
// columns kept empty; only an assigned protection officer reads them (victim.service.ts).
export interface PlacementSecret {
  facility: string;
  notes: string;
}
export interface FollowupSecret {
  notes: string;
}

export const sealPlacement = (crypto: FieldCrypto, id: string, v: PlacementSecret) => ({
  facility: '', notes: '', sealed: crypto.encryptJson(v, placementContext(id)), sealed_key_id: crypto.keyId,
});
export const sealFollowup = (crypto: FieldCrypto, id: string, v: FollowupSecret) => ({
  notes: '', sealed: crypto.encryptJson(v, followupContext(id)), sealed_key_id: crypto.keyId,
});

type Sealed = { id: string; sealed: Uint8Array | null; sealed_key_id: string | null };
export const openPlacement = (crypto: FieldCrypto, row: Sealed & { facility: string; notes: string }): PlacementSecret =>
  openSealed(crypto, 'placements', row, { facility: row.facility, notes: row.notes });
export const openFollowup = (crypto: FieldCrypto, row: Sealed & { notes: string }): FollowupSecret =>
  openSealed(crypto, 'followups', row, { notes: row.notes });
