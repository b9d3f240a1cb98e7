import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { migrateToLatest, openDatabase, type Database } from '../../src/platform/db/database.ts';
import { keyFlowEvents } from '../../src/platform/db/stat-flow-keys.ts';
import { seedReferenceData } from '../../src/modules/reference/reference.seed.ts';
import { adminQuery } from './engines.ts';

// A migrated, seeded database is what almost every integration test starts from, and making one is most of a
// test app's cost: on PGlite an initdb of the embedded cluster plus every migration, on PostgreSQL every
// migration. The suite's global set-up makes one of each per run (the same steps createTestApp took, from this
// checkout's own migrations), and each test app starts from a copy: PGlite from the data folder's snapshot,
// PostgreSQL by CREATE DATABASE ... TEMPLATE. Nothing is kept between runs, so a template can never be older
// than the code under test.

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data-folder snapshot (tar file) of the migrated, seeded database, or '' when none was made. */
    pgliteTemplateFile: string;
    /** The PostgreSQL database to copy for a migrated, seeded one, or '' when none was made. */
    postgresTemplate: string;
  }
}

/** What createTestApp did before its app-specific steps: migrations, reference data, the flow figures' keys. */
export async function prepareDatabase(owner: Database): Promise<void> {
  await migrateToLatest(owner.db);
  await seedReferenceData(owner.db);
  // As startPlatform: the flow figures' events keyed to the zone and the catalogue just seeded.
  await keyFlowEvents(owner.db, loadConfig({ NODE_ENV: 'test' }).timeZone);
}

function provided(key: 'pgliteTemplateFile' | 'postgresTemplate'): string {
  try {
    return inject(key) ?? '';
  } catch {
    return ''; // outside a vitest worker (a script reusing the harness): no template, the steps run instead
  }
}

/** The PGlite snapshot to start from, if the run made one. */
export function pgliteTemplate(): Blob | undefined {
  const file = provided('pgliteTemplateFile');
  return file ? new Blob([readFileSync(file)]) : undefined;
}

/** The PostgreSQL template database's name, if the run made one. */
export function postgresTemplate(): string | undefined {
  return provided('postgresTemplate') || undefined;
}

export interface Templates {
  pgliteTemplateFile: string;
  postgresTemplate: string;
  remove(): Promise<void>;
}

/** Makes both templates (PostgreSQL only when `postgresUrl` is given). For the suite's global set-up. */
export async function buildTemplates(postgresUrl: string | undefined): Promise<Templates> {
  const dir = mkdtempSync(join(tmpdir(), 'amaan-test-template-'));
  const pgliteTemplateFile = join(dir, 'pglite.tar');
  const embedded = await openDatabase({});
  try {
    await prepareDatabase(embedded);
    writeFileSync(pgliteTemplateFile, Buffer.from(await (await embedded.dumpDataDir!()).arrayBuffer()));
  } finally {
    await embedded.close();
  }
  let postgresTemplateName = '';
  if (postgresUrl) {
    postgresTemplateName = `amaan_tpl_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(postgresUrl, `CREATE DATABASE ${postgresTemplateName}`);
    const u = new URL(postgresUrl);
    u.pathname = `/${postgresTemplateName}`;
    const owner = await openDatabase({ url: u.toString(), poolSize: 1 });
    try {
      await prepareDatabase(owner);
    } finally {
      await owner.close(); // no session may stay connected to a template that is copied
    }
  }
  return {
    pgliteTemplateFile,
    postgresTemplate: postgresTemplateName,
    remove: async () => {
      rmSync(dir, { recursive: true, force: true });
      if (postgresTemplateName) await adminQuery(postgresUrl!, `DROP DATABASE IF EXISTS ${postgresTemplateName} WITH (FORCE)`);
    },
  };
}
