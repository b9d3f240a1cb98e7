import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { openSealed, personContext } from '../../platform/crypto/sealed-fields.ts';

// A person's identity numbers (CNIC, passport) are stored encrypted in persons.sealed, bound to the row,
// never in the plaintext columns (kept NULL). Exact look-ups (search, bundle import matching) compare keyed
// blind indexes: HMAC-SHA256 of the normalised number under a key derived from the data key by HKDF.
export interface PersonNumbers {
  cnic: string | null;
  passport: string | null;
}

/** CNIC by its 13 digits (dashes and spaces ignored). */
export const normaliseCnic = (cnic: string) => cnic.replace(/[^0-9]/g, '');
/** Passport by capital letters and digits. */
export const normalisePassport = (passport: string) => passport.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const cnicIndexes = (crypto: FieldCrypto, cnic: string) => crypto.blindIndexes('cnic', normaliseCnic(cnic));
export const passportIndexes = (crypto: FieldCrypto, passport: string) => crypto.blindIndexes('passport', normalisePassport(passport));

/** The column values for a person's numbers: plaintext columns NULL, ciphertext and blind indexes set. */
export function sealPersonNumbers(crypto: FieldCrypto, personId: string, n: PersonNumbers) {
  const cnic = n.cnic ?? null;
  const passport = n.passport ?? null;
  if (cnic === null && passport === null) return { cnic: null, passport: null, sealed: null, sealed_key_id: null, cnic_bidx: null, passport_bidx: null };
  return {
    cnic: null,
    passport: null,
    sealed: crypto.encryptJson({ cnic, passport } satisfies PersonNumbers, personContext(personId)),
    sealed_key_id: crypto.keyId,
    cnic_bidx: cnic === null ? null : crypto.blindIndex('cnic', normaliseCnic(cnic)),
    passport_bidx: passport === null ? null : crypto.blindIndex('passport', normalisePassport(passport)),
  };
}

type Row = { id: string; cnic: string | null; passport: string | null; sealed: Uint8Array | null; sealed_key_id: string | null };

/** The numbers of a person row (the sealed value; the plaintext columns only before the start-up sealing). */
export function openPersonNumbers(crypto: FieldCrypto, row: Row): PersonNumbers {
  const n = openSealed<PersonNumbers>(crypto, 'persons', row, { cnic: row.cnic, passport: row.passport });
  return { cnic: n.cnic ?? null, passport: n.passport ?? null };
}
