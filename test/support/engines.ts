import pg from 'pg';

// Every data-layer test runs on both engines. PostgreSQL comes from TEST_DATABASE_URL (set by .ci/run);
// on a laptop without one we try the usual local server and skip PostgreSQL only if none answers.
// In CI (CI=true) an unreachable server fails the run instead of skipping.
export type EngineName = 'pglite' | 'postgres';
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

let cached: Promise<{ engines: EngineName[]; postgresUrl?: string }> | undefined;

export function detectEngines() {
  cached ??= (async () => {
    const url = process.env.TEST_DATABASE_URL || DEFAULT_URL;
    if (await reachable(url)) return { engines: ['pglite', 'postgres'] as EngineName[], postgresUrl: url };
    if (process.env.CI || process.env.TEST_DATABASE_URL) throw new Error(`PostgreSQL test server not reachable at ${url}`);
    console.warn(`[tests] no PostgreSQL at ${url}: PostgreSQL variants skipped on this machine`);
    return { engines: ['pglite'] as EngineName[] };
  })();
  return cached;
}

/** One statement on the test server in a connection of its own (CREATE and DROP DATABASE cannot run in a pool's). */
export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the test server and returns its URL, its name and a drop function (the name starts
 * with `prefix`, by default AMAAN_TEST_DB_PREFIX or amaan_t); a copy of `template` when one is named. */
export async function createScratchDatabase(adminUrl: string, prefix = (process.env.AMAAN_TEST_DB_PREFIX ?? 'amaan_t').replace(/_$/, ''), template?: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`bad database name prefix ${prefix}`);
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  if (template && !/^[a-z_][a-z0-9_]*$/.test(template)) throw new Error(`bad template database name ${template}`);
  await adminQuery(adminUrl, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A scratch database on PostgreSQL (url and drop), or none on PGlite (the embedded data folder is used). */
export async function scratchDatabaseFor(engine: EngineName, postgresUrl: string | undefined): Promise<{ url?: string; drop?: () => Promise<void> }> {
  return engine === 'postgres' ? createScratchDatabase(postgresUrl!) : {};
}
