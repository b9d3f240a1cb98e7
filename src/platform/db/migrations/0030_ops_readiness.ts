import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';
import { APP_ROLE } from '../app-role.ts';

// Production mode (issue 13, section 3): the application reads which migrations are applied, without changing them.
// `/ready` answers "not ready" while the database lacks a migration this version needs, and `amaan backup` (which
// runs as the application role) records the schema's migrations in its manifest. SELECT only: migrations still run
// as the owner, by `amaan migrate`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `GRANT SELECT ON kysely_migration TO ${APP_ROLE}`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `REVOKE SELECT ON kysely_migration FROM ${APP_ROLE}`);
}
