import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';
import { APP_ROLE } from '../app-role.ts';

// An audit trail that survives its own database (issue 8):
// - entries versioned: v = 1 for the unkeyed SHA-256 entries of earlier versions, v = 2 for keyed
//   entries (HMAC-SHA256 under a key outside the database) whose canonical JSON is stored verbatim in
//   `body`, so what was hashed is exactly what is stored; each names the credential that made it;
// - TRUNCATE refused by a trigger (UPDATE and DELETE already are, 0001);
// - the application's own role (amaan_app): it reads and writes the data, but may only INSERT and SELECT
//   the trail, and owns nothing, so it cannot drop or disable the triggers. Migrations run as the owner;
//   the application switches to this role on every connection (src/platform/db/app-role.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE audit_log ADD COLUMN v smallint NOT NULL DEFAULT 1;
    ALTER TABLE audit_log ALTER COLUMN v DROP DEFAULT;
    ALTER TABLE audit_log ADD COLUMN body text;
    ALTER TABLE audit_log ADD COLUMN credential_kind text;
    ALTER TABLE audit_log ADD COLUMN credential_id text;
    ALTER TABLE audit_log ADD CONSTRAINT audit_log_v CHECK (v = 1 OR (v = 2 AND body IS NOT NULL))
  `);
  await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);

  // The role is shared by every database of the server (roles are per cluster); the grants are per database.
  await sql.raw(`DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`).execute(db);
  // The owner (the role running migrations) may switch to it.
  await sql.raw(`GRANT ${APP_ROLE} TO CURRENT_USER`).execute(db);
  await runDdl(db, `
    GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
    REVOKE ALL ON audit_log FROM ${APP_ROLE};
    GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE};
    REVOKE ALL ON kysely_migration, kysely_migration_lock FROM ${APP_ROLE};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APP_ROLE}
  `);
}
