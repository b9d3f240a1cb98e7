import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Sign-in hardening (issue 8): service accounts (API tokens only, never a password), a forced password
// change after an administrator's reset, per-account lockout with back-off, TOTP multi-factor
// authentication with single-use recovery codes, sessions that know whether their second step is done
// and when they were last used (idle timeout), and API tokens that record who issued them.
//
// Every API token issued before this migration was minted by an administrator or the CLI for someone
// else (there was no self-service): they are revoked here, and the resolver honours only tokens a user
// issued for themselves or tokens of a service account.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE users ADD COLUMN is_service_account boolean NOT NULL DEFAULT false;
    ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
    ALTER TABLE users ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0);
    ALTER TABLE users ADD COLUMN locked_until timestamptz;
    ALTER TABLE users ADD CONSTRAINT users_service_account_role CHECK (NOT is_service_account OR role NOT IN ('protection_officer','administrator'));

    ALTER TABLE sessions ADD COLUMN mfa_pending boolean NOT NULL DEFAULT false;
    ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE INDEX sessions_expires ON sessions (expires_at);

    ALTER TABLE api_tokens ADD COLUMN created_by uuid REFERENCES users(id) ON DELETE SET NULL;
    UPDATE api_tokens SET revoked_at = now() WHERE revoked_at IS NULL;

    CREATE TABLE user_mfa (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      secret bytea,
      secret_key_id text,
      enabled_at timestamptz,
      last_step bigint,
      pending_secret bytea,
      pending_key_id text,
      pending_created_at timestamptz,
      CHECK ((secret IS NULL) = (secret_key_id IS NULL) AND (secret IS NULL) = (enabled_at IS NULL)),
      CHECK ((pending_secret IS NULL) = (pending_key_id IS NULL))
    );

    CREATE TABLE mfa_recovery_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      UNIQUE (user_id, code_hash)
    )
  `);
}
