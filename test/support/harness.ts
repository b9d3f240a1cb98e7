import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/platform/config.ts';
import { migrationStatus, openDatabase, type PoolSettings } from '../../src/platform/db/database.ts';
import { pgliteTemplate, postgresTemplate, prepareDatabase } from './db-template.ts';
import { createFieldCrypto } from '../../src/platform/crypto/field-crypto.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import type { Api } from '../../src/platform/http/route-kit.ts';
import { createApiToken, SESSION_COOKIE, sha256 } from '../../src/platform/auth/auth.service.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/platform/db/schema.ts';
import { createScratchDatabase, detectEngines, type EngineName } from './engines.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { APP_ROLE, enterAppRole } from '../../src/platform/db/app-role.ts';
import { loadAuditTrail } from '../../src/platform/audit/audit-trail.ts';
import { ensureAuditGenesis } from '../../src/platform/audit/audit.ts';
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
  /**
   * A bearer token the user issued for themselves. A protection officer's is a token from before issue 8
   * (protection officers may no longer hold one): the API refuses it, and t.call uses a session instead.
   */
  token: string;
}

/** Users the API serves only in a signed-in session (no API tokens): t.call signs them in and sends cookie + CSRF. */
export const sessionOnlyUsers: ReadonlySet<UserKey> = new Set<UserKey>(['prot', 'prot2']);

export interface TestApp {
  engine: EngineName;
  app: Api;
  ctx: AppContext;
  branchA: number;
  branchB: number;
  users: Record<UserKey, TestUser>;
  /** Runs work as the database owner (the migrations' role): what a database administrator could do. */
  asOwner<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /** Calls the API as a fixture user: with their bearer token, or for protection officers with a signed-in session. */
  call(user: UserKey | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** `poolSize`: PostgreSQL connections (default 4); concurrency tests raise it to run more transactions at once.
 * `pool`: the pool's waits and timeouts (PostgreSQL), as config.dbPool sets them in production. */
export async function createTestApp(engine: EngineName, opts: { poolSize?: number; pool?: PoolSettings } = {}): Promise<TestApp> {
  const { postgresUrl } = await detectEngines();
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  if (engine === 'postgres') {
    if (!postgresUrl) throw new Error('PostgreSQL not available');
    scratch = await createScratchDatabase(postgresUrl, undefined, postgresTemplate());
  }
  // As in startPlatform: migrations as the owner, the app as the restricted role with the audit key installed.
  // A copy of the run's template (db-template.ts) has had them already; without one, they run here.
  const snapshot = scratch ? undefined : pgliteTemplate();
  const owner = await openDatabase({ url: scratch?.url, poolSize: 2, loadDataDir: snapshot });
  const copied = scratch ? Boolean(postgresTemplate()) : Boolean(snapshot);
  // A copy must be of this code's migrations; if one were missing, the test would run on a wrong schema.
  if (copied && (await migrationStatus(owner.db)).pending.length) throw new Error('the test template lacks migrations of this checkout');
  if (!copied) await prepareDatabase(owner);
  const database = scratch ? await openDatabase({ url: scratch.url, poolSize: opts.poolSize ?? 4, role: APP_ROLE, ...(opts.pool ? { pool: opts.pool } : {}) }) : owner;
  if (!scratch) await enterAppRole(database);
  // Each test app is its own installation: its own bundle-signing key (never a key file in the work tree).
  const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const config = { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: scratch?.url, signingKey };
  // Checkpoints only when a test asks (trail.checkpoint()), so tests that restore rows stay deterministic.
  const trail = loadAuditTrail(config, { inMemory: true, checkpointDelayMs: 3_600_000 });
  const ctx: AppContext = { db: trail.attach(database.db), engine: database.engine, config, crypto: createFieldCrypto([Buffer.alloc(32, 7)]) };
  await ensureAuditGenesis(ctx.db);
  const asOwner = async <T,>(work: (db: Db) => Promise<T>): Promise<T> => {
    if (scratch) return work(owner.db);
    // PGlite has one session: step back to the owner and return to the app role afterwards (through the role
    // guard: a RESET ROLE sent as SQL would close the handle).
    return owner.roleGuard!.asOwner(() => work(owner.db));
  };
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
    const self = { id: row.id, username: key.toLowerCase(), displayName: `Test ${key}`, role: spec.role, branchId, ip: null };
    let token: string;
    if (sessionOnlyUsers.has(key)) {
      token = `amaan_${randomBytes(32).toString('base64url')}`;
      await ctx.db.insertInto('api_tokens').values({ user_id: row.id, name: 'from before issue 8', token_hash: sha256(token), expires_at: null, revoked_at: null, created_by: row.id }).execute();
    } else {
      token = (await createApiToken(ctx, row.id, 'test', self)).token;
    }
    users[key] = { key, id: row.id, username: key.toLowerCase(), role: spec.role, branchId, token };
  }
  const app = await buildApp(ctx);
  const sessions = new Map<UserKey, { cookie: string; csrf: string }>();
  const signIn = async (key: UserKey) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: users[key].username, password: FIXTURE_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (res.statusCode !== 200 || !cookie) return null; // disabled, say: the call goes out without credentials
    const session = { cookie: cookie.value, csrf: (res.json() as { csrfToken: string }).csrfToken };
    sessions.set(key, session);
    return session;
  };
  const inject = (method: Parameters<TestApp['call']>[1], url: string, body: unknown, headers: Record<string, string>) =>
    app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    engine,
    app,
    ctx,
    branchA,
    branchB,
    users,
    asOwner,
    async call(user, method, url, body) {
      if (!user || !sessionOnlyUsers.has(user)) return inject(method, url, body, user ? { authorization: `Bearer ${users[user].token}` } : {});
      const withSession = (s: { cookie: string; csrf: string } | null) => inject(method, url, body, s ? { cookie: `${SESSION_COOKIE}=${s.cookie}`, 'x-csrf-token': s.csrf } : {});
      const res = await withSession(sessions.get(user) ?? (await signIn(user)));
      // The session may have ended (role change, reset, sign-out in a test): sign in again once.
      return res.statusCode === 401 ? withSession(await signIn(user)) : res;
    },
    async close() {
      await app.close();
      await trail.close();
      await database.close();
      if (scratch) await owner.close();
      await scratch?.drop();
    },
  };
}
