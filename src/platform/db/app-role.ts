import { sql } from 'kysely';
import type { Database, Db } from './database.ts';

// The application runs as a role that owns nothing (migration 0007): it may read and write the data but
// only INSERT and SELECT the audit trail, and cannot disable or drop the trail's triggers. Migrations
// run as the role DATABASE_URL (or DATABASE_MIGRATION_URL) connects as; then every connection of the
// application's pool runs SET ROLE to this role (PostgreSQL), or the single PGlite session does.
export const APP_ROLE = 'amaan_app';

export const SET_APP_ROLE = `SET ROLE ${APP_ROLE}`;

/** PGlite: its one session switches to the application role (after migrations). Benchmarks' raw handles only. */
export async function switchToAppRole(db: Db): Promise<void> {
  await sql.raw(SET_APP_ROLE).execute(db);
}

/**
 * PGlite: its one session switches to the application role after migrations, and stays in it: a statement that
 * leaves it (RESET ROLE, SET ROLE, SET SESSION AUTHORIZATION, set_config('role', ...)) closes the handle
 * (pglite-role-guard.ts).
 */
export async function enterAppRole(database: Database): Promise<void> {
  await switchToAppRole(database.db);
  database.roleGuard?.pin(APP_ROLE);
}

/** The role the session runs as now (current_user). */
export async function currentRole(db: Db): Promise<string> {
  const { rows } = await sql<{ r: string }>`SELECT current_user AS r`.execute(db);
  return rows[0]!.r;
}

/** Lets the application's login role (when migrations connect as another) switch to the application role. */
export async function grantAppRoleTo(db: Db, loginRole: string): Promise<void> {
  await sql.raw(`GRANT ${APP_ROLE} TO "${loginRole.replace(/"/g, '""')}"`).execute(db);
}
