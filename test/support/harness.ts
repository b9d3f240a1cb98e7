import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/platform/config.ts';
import { migrateToLatest, openDatabase } from '../../src/platform/db/database.ts';
import { createFieldCrypto } from '../../src/platform/crypto/field-crypto.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import type { Api } from '../../src/platform/http/route-kit.ts';
import { seedReferenceData } from '../../src/modules/reference/reference.seed.ts';
import { createApiToken } from '../../src/platform/auth/auth.service.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { Role } from '../../src/platform/db/schema.ts';
import { createScratchDatabase, detectEngines, type EngineName } from './engines.ts';
import { generateKeyPairSync } from 'node:crypto';

export { detectEngines, type EngineName };

/** Fixed cast of users: two branches, so cross-branch and cross-team refusals can be tested. */
export const fixtureUsers = {
  invA: { role: 'investigator', branch: 'A' },
  invA2: { role: 'investigator', branch: 'A' },
  invB: { role: 'investigator', branch: 'B' },
  supA: { role: 'supervisor', branch: 'A' },
  supB: { role: 'supervisor', branch: 'B' },
  analyst: { role: 'analyst', branch: null },
  prot: { role: 'protection_officer', branch: null },
  prot2: { role: 'protection_officer', branch: null },
  prosecutor: { role: 'prosecutor', branch: null },
  leadership: { role: 'leadership', branch: null },
  admin: { role: 'administrator', branch: null },
  auditor: { role: 'auditor', branch: null },
} as const satisfies Record<string, { role: Role; branch: 'A' | 'B' | null }>;
export type UserKey = keyof typeof fixtureUsers;
export const FIXTURE_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  key: UserKey;
  id: string;
  username: string;
  role: Role;
  branchId: number | null;
  token: string;
}

export interface TestApp {
  engine: EngineName;
  app: Api;
  ctx: AppContext;
  branchA: number;
  branchB: number;
  users: Record<UserKey, TestUser>;
  /** Calls the API as a fixture user with a bearer token. */
  call(user: UserKey | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(engine: EngineName): Promise<TestApp> {
  const { postgresUrl } = await detectEngines();
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  if (engine === 'postgres') {
    if (!postgresUrl) throw new Error('PostgreSQL not available');
    scratch = await createScratchDatabase(postgresUrl);
  }
  const database = await openDatabase({ url: scratch?.url, poolSize: 4 });
  await migrateToLatest(database.db);
  await seedReferenceData(database.db);
  // Each test app is its own installation: its own bundle-signing key (never a key file in the work tree).
  const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const config = { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: scratch?.url, signingKey };
  const ctx: AppContext = { db: database.db, engine: database.engine, config, crypto: createFieldCrypto([Buffer.alloc(32, 7)]) };
  const branch = (district: string) => ctx.db.selectFrom('branches').select('id').where('district', '=', district).executeTakeFirstOrThrow();
  const branchA = (await branch('Muzaffargarh')).id;
  const branchB = (await branch('Lahore')).id;
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const users = {} as Record<UserKey, TestUser>;
  for (const [key, spec] of Object.entries(fixtureUsers) as Array<[UserKey, (typeof fixtureUsers)[UserKey]]>) {
    const branchId = spec.branch === 'A' ? branchA : spec.branch === 'B' ? branchB : null;
    const row = await ctx.db
      .insertInto('users')
      .values({ username: key.toLowerCase(), display_name: `Test ${key}`, role: spec.role, branch_id: branchId, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { token } = await createApiToken(ctx, row.id, 'test', systemActor('test-setup'));
    users[key] = { key, id: row.id, username: key.toLowerCase(), role: spec.role, branchId, token };
  }
  const app = await buildApp(ctx);
  return {
    engine,
    app,
    ctx,
    branchA,
    branchB,
    users,
    call(user, method, url, body) {
      return app.inject({
        method,
        url,
        headers: user ? { authorization: `Bearer ${users[user].token}` } : {},
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
    async close() {
      await app.close();
      await database.close();
      await scratch?.drop();
    },
  };
}
