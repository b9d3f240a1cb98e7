import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { loadConfig, ConfigError } from '../platform/config.ts';
import { startPlatform } from '../platform/bootstrap.ts';
import { systemActor } from '../platform/access/actor.ts';
import type { ServiceContext } from '../platform/context.ts';
import { AppError } from '../platform/http/errors.ts';
import { CliError } from './cli-error.ts';
import { DataFolderInUseError } from '../platform/db/data-lock.ts';

/** True when the data folder holds an embedded database (PGlite writes PG_VERSION when it creates one). */
export const embeddedDatabaseExists = (dataDir: string) => existsSync(join(dataDir, 'pglite', 'PG_VERSION'));

/**
 * Opens the configured database (embedded data folder or DATABASE_URL) for one CLI verb, runs it as the
 * system actor named after the OS user, and closes the database however the verb ends. Only the verbs that
 * set up an installation (`migrate`, `demo load`, `user create`) pass `create`: every other verb refuses an
 * empty data folder instead of quietly starting a second, empty database beside the server's.
 */
export async function withPlatform<T>(work: (ctx: ServiceContext, info: { migrated: string[] }) => Promise<T>, opts: { create?: boolean; migrate?: boolean } = {}): Promise<T> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 2);
    throw err;
  }
  if (!config.databaseUrl && !opts.create && !embeddedDatabaseExists(config.dataDir)) {
    const where = process.env.AMAAN_DATA_DIR ? `AMAAN_DATA_DIR=${process.env.AMAAN_DATA_DIR}` : "AMAAN_DATA_DIR unset: the installation's data folder, the one `npm start` uses";
    throw new CliError(`no Amaan database in ${config.dataDir} (${where}); nothing was created. Start the server once (npm start) or run \`amaan migrate\`, or point AMAAN_DATA_DIR (or DATABASE_URL) at the database the server uses`, 2);
  }
  let started;
  try {
    started = await startPlatform(config, opts.migrate ? { migrate: true } : {});
  } catch (err) {
    if (err instanceof DataFolderInUseError) throw new CliError(err.message, 2);
    const msg = (err as Error).message ?? String(err);
    if (!config.databaseUrl && /lock|already|busy|EEXIST/i.test(msg)) {
      throw new CliError(`the data folder ${config.dataDir} is in use (is the server running?): ${msg}`, 2);
    }
    throw new CliError(`cannot open the database: ${msg}`, 2);
  }
  let osUser = 'unknown';
  try {
    osUser = userInfo().username;
  } catch {
    /* no passwd entry: keep 'unknown' */
  }
  const ctx: ServiceContext = { ...started.ctx, actor: systemActor(`cli:${osUser}`) };
  try {
    return await work(ctx, { migrated: started.migrated });
  } catch (err) {
    // Service errors carry a field and a message meant for people: show them as a usage error.
    if (err instanceof AppError) throw new CliError(err.message, err.code === 'not_found' ? 3 : 2);
    throw err;
  } finally {
    await started.database.close();
  }
}
