import { mkdirSync } from 'node:fs';
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema.ts';
import { migrations } from './migrations/index.ts';
import { guardPgliteRole, type RoleGuard } from './pglite-role-guard.ts';

export type Engine = 'pglite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
  /** PostgreSQL: the pool's connections now (metrics); absent on PGlite. */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /** PGlite: keeps its one session in the application role once switched (pglite-role-guard.ts); absent on PostgreSQL. */
  roleGuard?: RoleGuard;
  /** PGlite: the whole data folder as an uncompressed tar (a snapshot `loadDataDir` starts from); absent on PostgreSQL. */
  dumpDataDir?: () => Promise<Blob>;
}

/** Pool settings for PostgreSQL (config.dbPool); defaults when absent. */
export interface PoolSettings {
  idleMs?: number;
  connectTimeoutMs?: number;
  /** statement_timeout of every connection, in milliseconds; 0 = none. */
  statementTimeoutMs?: number;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, the embedded PGlite engine is used. */
  url?: string;
  /** PGlite data folder; undefined means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL: every connection of the pool switches to this role first (SET ROLE); see app-role.ts. */
  role?: string;
  pool?: PoolSettings;
  /** PGlite: start from this data-folder snapshot (`dumpDataDir`) instead of an empty cluster (tests' migrated template). */
  loadDataDir?: Blob;
}

// Same JS types from both engines: int8/numeric as number, date as its 'YYYY-MM-DD' text.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const toNumber = (v: string) => Number(v);
const keepText = (v: string) => v;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8 || oid === NUMERIC) return toNumber;
        if (oid === DATE) return keepText;
        return pg.types.getTypeParser(oid, format);
      },
    };
    // The role is set in the connection's start-up packet: a connection that cannot take it is refused,
    // so no query ever runs as the login role.
    if (options.role && !/^[a-z_][a-z0-9_]*$/.test(options.role)) throw new Error(`bad role name ${options.role}`);
    let connectionString = options.url;
    let roleOption = {};
    if (options.role) {
      // Options given in the URL would replace ours: merge them into one.
      const u = new URL(options.url);
      const given = u.searchParams.get('options');
      u.searchParams.delete('options');
      connectionString = u.toString();
      roleOption = { options: `${given ? `${given} ` : ''}-c role=${options.role}` };
    }
    const settings = options.pool ?? {};
    const pool = new pg.Pool({
      connectionString,
      max: options.poolSize ?? 10,
      types,
      ...roleOption,
      idleTimeoutMillis: settings.idleMs ?? 30_000,
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 0,
      ...(settings.statementTimeoutMs ? { statement_timeout: settings.statementTimeoutMs } : {}),
    });
    // An idle connection closed by the server (restart, failover) must not crash the process: the pool
    // drops it and opens a new one on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
    // Fail fast with a clear message when the server is unreachable.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy(), poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  // pg_trgm backs the case title search index (migration 0005); loading it costs a few milliseconds.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ?? 'memory://', {
    // Timestamps read by node-postgres's parser on both engines: PGlite's own turns years 1-99 into 1901-1999
    // or 2001 (Date.UTC's two-digit years), so a date typed as year 0001 came back as 2001 without a word.
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepText, [TIMESTAMPTZ]: pg.types.getTypeParser(TIMESTAMPTZ), [TIMESTAMP]: pg.types.getTypeParser(TIMESTAMP) },
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const roleGuard = guardPgliteRole(pglite);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', close: () => db.destroy(), roleGuard, dumpDataDir: () => pglite.dumpDataDir('none') };
}

export interface MigrationStatus {
  /** Migrations of this version the database has not applied yet: the server must not serve on it. */
  pending: string[];
  /** Migrations the database has that this version does not know (a newer version migrated it): harmless, they only add. */
  newer: string[];
}

/** Which of this version's migrations the database lacks (read as the application role: migration 0030). */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  let applied: string[];
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    applied = rows.map((r) => r.name);
  } catch (err) {
    // No migration table yet (an empty database), or a role that may not read it (before 0030): nothing applied that we can see.
    if (['42P01', '42501'].includes((err as { code?: string }).code ?? '')) applied = [];
    else throw err;
  }
  const known = Object.keys(migrations);
  return { pending: known.filter((n) => !applied.includes(n)).sort(), newer: applied.filter((n) => !known.includes(n)).sort() };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Capabilities add migrations independently; their order among themselves does not matter.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
