import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';

/**
 * The database a CLI test ran against, opened as its owner (PostgreSQL: the login role of DATABASE_URL,
 * the test server's superuser; PGlite: the data folder's own superuser session), not as the application
 * role: what a database administrator, or an intruder with their rights, could do.
 */
export function openOwnerDatabase(env: NodeJS.ProcessEnv): Promise<Database> {
  return env.DATABASE_URL ? openDatabase({ url: env.DATABASE_URL, poolSize: 1 }) : openDatabase({ dataDir: join(env.AMAAN_DATA_DIR!, 'pglite') });
}
