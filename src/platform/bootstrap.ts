import { join } from 'node:path';
import type { Config } from './config.ts';
import { migrateToLatest, openDatabase, type Database } from './db/database.ts';
import { createFieldCrypto, loadDataKey } from './crypto/field-crypto.ts';
import type { AppContext } from './context.ts';
import { seedReferenceData } from '../modules/reference/reference.seed.ts';
import { acquireDataLock } from './db/data-lock.ts';
import { sealPlaintext, type SealReport } from './crypto/seal-at-start.ts';

export interface Started {
  ctx: AppContext;
  database: Database;
  migrated: string[];
  /** What the start-up sealing step encrypted (legacy identities bound, plaintext care records and numbers sealed). */
  sealed: SealReport;
}

/** Opens the configured database, applies migrations and reference data, and builds the app context. */
export async function startPlatform(config: Config, opts: { inMemory?: boolean } = {}): Promise<Started> {
  // The embedded engine allows one process per data folder: refuse clearly instead of corrupting it.
  const lock = !config.databaseUrl && !opts.inMemory ? acquireDataLock(config.dataDir) : null;
  let database: Database;
  try {
    database = await openDatabase({
      url: config.databaseUrl,
      dataDir: opts.inMemory ? undefined : join(config.dataDir, 'pglite'),
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  if (lock) {
    const close = database.close;
    database = { ...database, close: () => close().finally(() => lock.release()) };
  }
  try {
    const migrated = await migrateToLatest(database.db);
    await seedReferenceData(database.db);
    const key = loadDataKey(config.dataKey, opts.inMemory ? undefined : config.dataDir, config.keyDir);
    const ctx: AppContext = { db: database.db, engine: database.engine, config, crypto: createFieldCrypto([key, ...config.previousDataKeys.map((k) => Buffer.from(k, 'base64'))]) };
    const sealed = await sealPlaintext(ctx);
    return { ctx, database, migrated, sealed };
  } catch (err) {
    await database.close();
    throw err;
  }
}
