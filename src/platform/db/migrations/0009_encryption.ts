import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Encryption bound to its record, sealed care records and identity numbers, signed case bundles.
//
// The migration cannot see the data key, so it only adds columns: the start-up step
// (src/platform/crypto/seal-at-start.ts) encrypts what is still in plaintext, in audited batches, and
// empties the plaintext columns; it is idempotent (a row is sealed once) and runs before the app serves.
// - victim_identities.context_version: 1 = written before this migration (AES-GCM without associated data),
//   2 = bound to `amaan:v2:victim_identities.ciphertext:<victim id>`. Start-up upgrades every 1 to 2.
// - persons.sealed: {cnic, passport} encrypted; cnic_bidx / passport_bidx keyed blind indexes (HMAC) for
//   exact look-ups. placements.sealed {facility, notes}, followups.sealed {notes}: where the child is and
//   what happened. sealed_key_id names the data key (rotation).
// - trusted_installations: public keys whose signed bundles this installation imports (administrators).
// - import_match_suggestions: a bundle record that may be a record already here, for review by someone
//   who may see both (never linked silently).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE victim_identities ADD COLUMN context_version smallint NOT NULL DEFAULT 1 CHECK (context_version IN (1, 2));
    ALTER TABLE victim_identities ALTER COLUMN context_version DROP DEFAULT;

    ALTER TABLE persons ADD COLUMN sealed bytea;
    ALTER TABLE persons ADD COLUMN sealed_key_id text;
    ALTER TABLE persons ADD COLUMN cnic_bidx text;
    ALTER TABLE persons ADD COLUMN passport_bidx text;
    ALTER TABLE persons ADD CONSTRAINT persons_sealed_key CHECK ((sealed IS NULL) = (sealed_key_id IS NULL));
    CREATE INDEX persons_cnic_bidx ON persons (cnic_bidx) WHERE cnic_bidx IS NOT NULL;
    CREATE INDEX persons_passport_bidx ON persons (passport_bidx) WHERE passport_bidx IS NOT NULL;

    ALTER TABLE placements ADD COLUMN sealed bytea;
    ALTER TABLE placements ADD COLUMN sealed_key_id text;
    ALTER TABLE placements ADD CONSTRAINT placements_sealed_key CHECK ((sealed IS NULL) = (sealed_key_id IS NULL));
    ALTER TABLE followups ADD COLUMN sealed bytea;
    ALTER TABLE followups ADD COLUMN sealed_key_id text;
    ALTER TABLE followups ADD CONSTRAINT followups_sealed_key CHECK ((sealed IS NULL) = (sealed_key_id IS NULL));
    CREATE INDEX persons_unsealed ON persons (id) WHERE sealed IS NULL AND (cnic IS NOT NULL OR passport IS NOT NULL);
    CREATE INDEX placements_unsealed ON placements (id) WHERE sealed IS NULL;
    CREATE INDEX followups_unsealed ON followups (id) WHERE sealed IS NULL;
    CREATE INDEX victim_identities_legacy ON victim_identities (victim_id) WHERE context_version = 1;

    CREATE TABLE trusted_installations (
      key_id text PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{16}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      public_key_pem text NOT NULL,
      added_by uuid REFERENCES users(id),
      added_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE import_match_suggestions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      record_type text NOT NULL CHECK (record_type IN ('person','victim')),
      new_id uuid NOT NULL,
      existing_id uuid NOT NULL,
      reason text NOT NULL CHECK (reason IN ('same_cnic','same_passport','same_victim_record')),
      bundle_digest text NOT NULL,
      signer_key_id text NOT NULL,
      imported_case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','confirmed','dismissed')),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      UNIQUE (record_type, new_id, existing_id)
    );
    CREATE INDEX import_match_suggestions_open ON import_match_suggestions (created_at) WHERE status = 'open';
  `);
}
