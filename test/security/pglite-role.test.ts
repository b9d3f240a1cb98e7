// PGlite runs as the bootstrap superuser (single-user mode), so SQL sent by the application could step out of the
// application role. The role guard (src/platform/db/pglite-role-guard.ts) closes the handle the moment a statement
// leaves it: nothing after that statement runs, and the owner's rights are never used.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform } from '../../src/platform/bootstrap.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { openDatabase, type Database, type Db } from '../../src/platform/db/database.ts';
import { APP_ROLE, enterAppRole } from '../../src/platform/db/app-role.ts';

const open: Database[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

async function platform(): Promise<{ ctx: AppContext; database: Database }> { // migrations, seeding, audit trail
  const started = await startPlatform(loadConfig({ NODE_ENV: 'test' }), { inMemory: true, migrate: true });
  open.push(started.database);
  return { ctx: started.ctx, database: started.database };
}

/** A bare embedded database opened as the platform opens it (same guard), with the application role: fast. */
async function bare(): Promise<{ ctx: { db: Db }; database: Database }> {
  const database = await openDatabase({});
  open.push(database);
  for (const statement of [`CREATE ROLE ${APP_ROLE} NOLOGIN`, 'CREATE TABLE audit_log (seq int)', `GRANT SELECT, INSERT ON audit_log TO ${APP_ROLE}`]) await sql.raw(statement).execute(database.db);
  await enterAppRole(database);
  return { ctx: { db: database.db }, database };
}

const whoAmI = async (ctx: { db: Db }) => (await sql<{ u: string }>`SELECT current_user::text AS u`.execute(ctx.db)).rows[0]!.u;

/** Each way back to the owner, as application SQL (one statement each; a transaction where it says so). */
const escapes: Array<[string, (ctx: { db: Db }) => Promise<unknown>]> = [
  ['RESET ROLE', (ctx) => sql`RESET ROLE`.execute(ctx.db)],
  ['SET ROLE postgres', (ctx) => sql`SET ROLE postgres`.execute(ctx.db)],
  ['SET SESSION AUTHORIZATION postgres', (ctx) => sql`SET SESSION AUTHORIZATION postgres`.execute(ctx.db)],
  ['RESET SESSION AUTHORIZATION', (ctx) => sql`RESET SESSION AUTHORIZATION`.execute(ctx.db)],
  ["set_config('role', ...)", (ctx) => sql`SELECT set_config('role', 'postgres', false)`.execute(ctx.db)],
  ["set_config('session_authorization', ...)", (ctx) => sql`SELECT set_config('session_authorization', 'postgres', false)`.execute(ctx.db)],
  ['a DO block running RESET ROLE', (ctx) => sql`DO $$ BEGIN EXECUTE 'RESET ' || 'ROLE'; END $$`.execute(ctx.db)],
  ['SET LOCAL ROLE in a transaction', (ctx) => ctx.db.transaction().execute(async (tx) => { await sql`SET LOCAL ROLE postgres`.execute(tx); })],
  ['a non-superuser role (pg_write_server_files)', (ctx) => sql`SET ROLE pg_write_server_files`.execute(ctx.db)],
];

describe('PGlite: application SQL cannot regain the owner role', () => {
  it('starts as amaan_app after migrations and seeding, and works normally', async () => {
    const { ctx } = await platform();
    expect(await whoAmI(ctx)).toBe('amaan_app');
    // migrations ran and reference data is seeded (as the owner, before the switch)
    expect(Number((await ctx.db.selectFrom('branches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(100);
    // ordinary work: a failed statement, a rolled-back transaction and a committed one leave the handle usable
    await expect(sql`SELECT 1 / 0`.execute(ctx.db)).rejects.toThrow(/division by zero/);
    await expect(ctx.db.transaction().execute(async (tx) => { await sql`SELECT 1`.execute(tx); await sql`SELECT no_such_column FROM branches`.execute(tx); })).rejects.toThrow(/no_such_column/);
    await ctx.db.transaction().execute(async (tx) => { await sql`SELECT 1`.execute(tx); });
    // the restricted role is still restricted: the audit trail cannot be emptied
    await expect(sql`TRUNCATE audit_log`.execute(ctx.db)).rejects.toThrow();
    expect(await whoAmI(ctx)).toBe('amaan_app');
    // and the way back to the owner is closed on the platform's own handle too
    await expect(sql`RESET ROLE`.execute(ctx.db)).rejects.toThrow(/left the application role/);
    await expect(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(ctx.db)).rejects.toThrow(/left the application role/);
  }, 120_000);

  it.each(escapes)('%s: refused, and nothing runs after it (not even as the owner)', async (_name, escape) => {
    const { ctx, database } = await bare();
    expect(await whoAmI(ctx)).toBe('amaan_app');
    await expect(escape(ctx)).rejects.toThrow(/left the application role/);
    expect(database.roleGuard?.broken).toMatch(/left the application role/);
    // the next statement, which would use the owner's rights, never reaches the database
    await expect(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(ctx.db)).rejects.toThrow(/left the application role/);
    await expect(whoAmI(ctx)).rejects.toThrow(/left the application role/);
  }, 60_000);
});
