import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { Config } from './config.ts';
import { CompiledQuery, sql } from 'kysely';
import { repairInterruptedLoad } from './db/index-builds.ts';
import { migrateToLatest, migrationStatus, openDatabase, type Database } from './db/database.ts';
import { keyFlowEvents } from './db/stat-flow-keys.ts';
import { createFieldCrypto, loadDataKey } from './crypto/field-crypto.ts';
import type { AppContext } from './context.ts';
import { seedReferenceData } from '../modules/reference/reference.seed.ts';
import { acquireDataLock } from './db/data-lock.ts';
import { LOCK_CLASS, withSessionLock } from './db/advisory-lock.ts';
import { APP_ROLE, currentRole, grantAppRoleTo, enterAppRole } from './db/app-role.ts';
import { loadAuditTrail } from './audit/audit-trail.ts';
import { ensureAuditGenesis } from './audit/audit.ts';
import { sealPlaintext, type SealReport } from './crypto/seal-at-start.ts';
import { attachKnownIndex } from '../modules/hashsets/known-index.ts';
import { markPhase } from './timing.ts';

export interface Started {
  ctx: AppContext;
  database: Database;
  migrated: string[];
  /** What the start-up sealing step encrypted (legacy identities bound, plaintext care records and numbers sealed). */
  sealed: SealReport;
}

/**
 * Opens the configured database, applies migrations and reference data as the owner role, then runs the
 * application as the restricted role (APP_ROLE) with the audit key installed on its database handle,
 * writes the trail's genesis entry when it has none, and builds the app context.
 */
export class MigrationsPendingError extends Error {
  constructor(readonly pending: string[]) {
    super(`the database lacks ${pending.length} migration(s) this version needs (${pending.join(', ')}): run \`amaan migrate\` with this version first (migrations are not applied at start in production; AMAAN_MIGRATE_ON_START)`);
  }
}

/**
 * Applies the pending migrations, if any. Kysely's migrator takes its lock and reads its tables even when there is
 * nothing to do (about half a second of CPU on PGlite, issue 14: the fixed cost of every CLI verb); one SELECT tells
 * first whether it has anything to do.
 */
async function migrateIfPending(db: Database['db']): Promise<string[]> {
  const status = await migrationStatus(db);
  return status.pending.length ? migrateToLatest(db) : [];
}

export async function startPlatform(config: Config, opts: { inMemory?: boolean; migrate?: boolean } = {}): Promise<Started> {
  const migrate = opts.migrate ?? config.migrateOnStart;
  // The embedded engine allows one process per data folder: refuse clearly instead of corrupting it.
  const lock = !config.databaseUrl && !opts.inMemory ? acquireDataLock(config.dataDir) : null;
  let database: Database | undefined;
  let migrated: string[];
  try {
    if (config.databaseUrl && !migrate) {
      // Production: `amaan migrate` applied the migrations (while the previous version kept serving: they only add);
      // this process only checks that none it needs is missing, and never holds the owner role.
      migrated = [];
      database = await openDatabase({ url: config.databaseUrl, role: APP_ROLE, poolSize: config.dbPool.max, pool: config.dbPool });
      markPhase('database open');
      const status = await migrationStatus(database.db);
      if (status.pending.length) throw new MigrationsPendingError(status.pending);
      markPhase('migration check');
    } else if (config.databaseUrl) {
      // Migrations as the owner (DATABASE_MIGRATION_URL, else DATABASE_URL's own role) on a connection of
      // their own, closed before the application's pool opens: no pooled connection ever keeps the owner role.
      const owner = await openDatabase({ url: config.databaseMigrationUrl ?? config.databaseUrl, poolSize: 1 });
      markPhase('database open (owner connection)');
      try {
        // A migration waiting for a table lock must not queue the serving version's queries behind it for long:
        // it gives up (and `amaan migrate` can be run again) rather than stall the application.
        if (opts.migrate) await sql`SET lock_timeout = '10s'`.execute(owner.db);
        // Processes starting together (two workers) take turns: the later one finds nothing left to do.
        migrated = await withSessionLock((text) => sql.raw(text).execute(owner.db), LOCK_CLASS.schemaSetup, 'migrate', async () => {
          const names = await migrateIfPending(owner.db);
          await seedReferenceData(owner.db);
          await keyFlowEvents(owner.db, config.timeZone);
          // A bulk load killed before its end left the tables without the indexes it dropped: build them now.
          // (The owner's pool has one connection: the lock and its release go to the same session.)
          await repairInterruptedLoad(<R,>(text: string, params?: unknown[]) => owner.db.executeQuery<R>(CompiledQuery.raw(text, params ?? [])), (line) => process.stderr.write(`${line}\n`));
          if (config.databaseMigrationUrl) {
            const appUser = decodeURIComponent(new URL(config.databaseUrl!).username) || process.env.PGUSER || userInfo().username;
            if (appUser !== (await currentRole(owner.db))) await grantAppRoleTo(owner.db, appUser);
          }
          return names;
        });
      } finally {
        await owner.close();
      }
      markPhase('migrations applied or checked, reference data');
      database = await openDatabase({ url: config.databaseUrl, role: APP_ROLE, poolSize: config.dbPool.max, pool: config.dbPool });
      markPhase('database open (application pool)');
    } else {
      database = await openDatabase({ dataDir: opts.inMemory ? undefined : join(config.dataDir, 'pglite') });
      markPhase('database open');
      if (migrate) {
        migrated = await migrateIfPending(database.db);
        await seedReferenceData(database.db);
        await keyFlowEvents(database.db, config.timeZone);
      } else {
        migrated = [];
        const status = await migrationStatus(database.db);
        if (status.pending.length) throw new MigrationsPendingError(status.pending);
      }
      markPhase(migrate ? 'migrations applied or checked, reference data' : 'migration check');
      await enterAppRole(database);
    }
  } catch (err) {
    await database?.close().catch(() => undefined);
    lock?.release();
    throw err;
  }
  // Read-only statistics and search may go to a replica (DATABASE_REPLICA_URL), as the application role.
  let replica: Database | undefined;
  if (config.databaseUrl && config.databaseReplicaUrl) {
    try {
      replica = await openDatabase({ url: config.databaseReplicaUrl, role: APP_ROLE, poolSize: config.dbPool.max, pool: config.dbPool });
    } catch (err) {
      await database.close().catch(() => undefined);
      lock?.release();
      throw err;
    }
  }
  const closeDb = database.close;
  const closeAll = () => closeDb().finally(() => replica?.close()).finally(() => lock?.release());
  try {
    const trail = loadAuditTrail(config, opts);
    const db = trail.attach(database.db);
    // The checkpoint still due is written before the database closes.
    database = { ...database, db, close: () => trail.close().finally(closeAll) };
    await ensureAuditGenesis(db);
    const key = loadDataKey(config.dataKey, opts.inMemory ? undefined : config.dataDir, config.keyDir);
    // The known-hash index keeps its file in the index folder (an in-memory database keeps it in memory only).
    if (!opts.inMemory) attachKnownIndex(db, { dir: config.indexDir });
    const ctx: AppContext = { db, engine: database.engine, config, crypto: createFieldCrypto([key, ...config.previousDataKeys.map((k) => Buffer.from(k, 'base64'))]) };
    if (replica) ctx.readDb = replica.db;
    const pools = { primary: database.poolStats, replica: replica?.poolStats };
    ctx.poolStats = () => Object.entries(pools).flatMap(([name, stats]) => (stats ? [{ name, ...stats() }] : []));
    // After the genesis entry (the trail's first): rows written before encryption, sealed once and audited.
    const sealed = await sealPlaintext(ctx);
    markPhase('audit trail, keys and start-up sealing');
    return { ctx, database, migrated, sealed };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
