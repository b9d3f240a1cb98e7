import { loadDemoTips } from './demo.tips.ts';
import { resolveAllPersons } from '../modules/resolution/suggestion.service.ts';
import { carryOverWarrantFlags } from '../modules/warrants/warrant.carry-over.ts';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../platform/context.ts';
import type { DB, Role } from '../platform/db/schema.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { systemActor } from '../platform/access/actor.ts';
import { bulkInsert } from './bulk-insert.ts';
import { buildDemoDataset, type DemoRows } from './demo.dataset.ts';
import { demoPassword, demoUsers } from './demo.figures.ts';
import { demoPasswordHashes } from './demo.passwords.ts';
import { CONTEXT_VERSION } from '../platform/crypto/field-crypto.ts';
import { identityContext } from '../platform/crypto/sealed-fields.ts';
import { sealPlaintext } from '../platform/crypto/seal-at-start.ts';
import { loadDemoMedia, type DemoMediaResult } from './demo.media.ts';
import { loadDemoRequests } from './demo.requests.ts';

export interface DemoResult {
  users: Array<{ role: Role; username: string; password: string }>;
  /** True when this call wrote the dataset; false when the database already held cases. */
  loaded: boolean;
  /** Rows written per table (empty when nothing was loaded). */
  counts: Record<string, number>;
  ms: number;
  /** The demo media folder and hash set (demo.media.ts), when DemoOptions.mediaRoot was given. */
  media?: DemoMediaResult;
}

export interface DemoOptions {
  onProgress?: (message: string) => void;
  /** Also write the demo media folder here and load its hash set (idempotent, also on a database loaded earlier). */
  mediaRoot?: string;
}

// Serialises concurrent loaders (two servers starting on one PostgreSQL) inside the load transaction.
const DEMO_LOCK_KEY = 7_261_205;

/** PostgreSQL type per column, for the jsonb bulk insert. Keys are checked against schema.ts. */
type Columns<T extends keyof DB> = Partial<Record<keyof DB[T] & string, string>>;
const demoColumns: { [T in keyof DemoRows]: Columns<T> } = {
  users: { id: 'uuid', username: 'text', display_name: 'text', role: 'text', branch_id: 'int', password_hash: 'text', is_demo: 'boolean', created_at: 'timestamptz' },
  cases: {
    id: 'uuid', branch_id: 'int', title: 'text', summary: 'text', status: 'text', fir_number: 'int', fir_year: 'int', fir_registered_at: 'timestamptz',
    challan_submitted_at: 'timestamptz', reported_at: 'timestamptz', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  case_offences: { case_id: 'uuid', offence_code: 'text' },
  case_team: { case_id: 'uuid', user_id: 'uuid', team_role: 'text', added_at: 'timestamptz' },
  case_status_history: { case_id: 'uuid', from_status: 'text', to_status: 'text', reason: 'text', actor_id: 'uuid', at: 'timestamptz' },
  case_events: { case_id: 'uuid', kind: 'text', body: 'text', occurred_at: 'timestamptz', actor_id: 'uuid', created_at: 'timestamptz' },
  persons: {
    id: 'uuid', display_name: 'text', gender: 'text', date_of_birth: 'date', estimated_age: 'int', nationality: 'text', notes: 'text', created_by: 'uuid',
    created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  person_names: { person_id: 'uuid', name: 'text', script: 'text', kind: 'text', name_key: 'text' },
  case_persons: { case_id: 'uuid', person_id: 'uuid', role: 'text', accused_status: 'text', foreign_warrant_requested: 'boolean', added_at: 'timestamptz' },
  accused_status_history: { case_id: 'uuid', person_id: 'uuid', from_status: 'text', to_status: 'text', reason: 'text', actor_id: 'uuid', at: 'timestamptz' },
  victims: {
    id: 'uuid', pseudonym: 'text', gender: 'text', age_at_identification: 'int', state: 'text', identified_at: 'timestamptz', recovered_at: 'timestamptz',
    placed_at: 'timestamptz', closed_at: 'timestamptz', created_by: 'uuid', created_at: 'timestamptz',
  },
  victim_state_history: { victim_id: 'uuid', from_state: 'text', to_state: 'text', reason: 'text', actor_id: 'uuid', at: 'timestamptz' },
  victim_identities: { victim_id: 'uuid', key_id: 'text', ciphertext: 'bytea', context_version: 'int', updated_at: 'timestamptz' },
  case_victims: { case_id: 'uuid', victim_id: 'uuid', added_at: 'timestamptz' },
  victim_assignments: { victim_id: 'uuid', user_id: 'uuid', assigned_at: 'timestamptz' },
  placements: { id: 'uuid', victim_id: 'uuid', kind: 'text', facility: 'text', started_at: 'timestamptz', ended_at: 'timestamptz', notes: 'text', created_by: 'uuid' },
  followups: { id: 'uuid', victim_id: 'uuid', due_at: 'timestamptz', done_at: 'timestamptz', kind: 'text', notes: 'text', created_by: 'uuid' },
  operations: {
    id: 'uuid', case_id: 'uuid', name: 'text', status: 'text', planned_for: 'timestamptz', place: 'text', agencies: 'text[]', approved_by: 'uuid',
    approved_at: 'timestamptz', executed_at: 'timestamptz', duration_minutes: 'int', notes: 'text', created_by: 'uuid', created_at: 'timestamptz',
    cancelled_at: 'timestamptz', cancelled_by: 'uuid', cancel_reason: 'text', updated_at: 'timestamptz',
  },
  arrests: { id: 'uuid', case_id: 'uuid', person_id: 'uuid', operation_id: 'uuid', arrested_at: 'timestamptz', place: 'text', created_by: 'uuid' },
  rescues: { id: 'uuid', operation_id: 'uuid', victim_id: 'uuid', rescued_at: 'timestamptz' },
  evidence_items: {
    id: 'uuid', case_id: 'uuid', label: 'text', kind: 'text', description: 'text', operation_id: 'uuid', seized_at: 'timestamptz', custodian_id: 'uuid',
    created_by: 'uuid', created_at: 'timestamptz',
  },
  custody_transfers: { evidence_id: 'uuid', from_user_id: 'uuid', to_user_id: 'uuid', reason: 'text', at: 'timestamptz', recorded_by: 'uuid' },
  charges: { id: 'uuid', case_id: 'uuid', person_id: 'uuid', offence_code: 'text', court: 'text', framed_at: 'timestamptz', created_by: 'uuid' },
  hearings: { id: 'uuid', case_id: 'uuid', court: 'text', scheduled_for: 'timestamptz', purpose: 'text', outcome: 'text', created_by: 'uuid' },
  verdicts: {
    id: 'uuid', case_id: 'uuid', person_id: 'uuid', outcome: 'text', court: 'text', decided_at: 'timestamptz', sentence_months: 'int', fine_rupees: 'bigint',
    created_by: 'uuid',
  },
  appeals: { id: 'uuid', verdict_id: 'uuid', court: 'text', filed_at: 'timestamptz', filed_by: 'text', status: 'text', decided_at: 'timestamptz', created_by: 'uuid' },
  entities: { id: 'uuid', kind: 'text', key: 'text', display: 'text', platform: 'text', attributes: 'jsonb', created_by: 'uuid', created_at: 'timestamptz' },
  communications: {
    id: 'uuid', case_id: 'uuid', kind: 'text', platform: 'text', started_at: 'timestamptz', ended_at: 'timestamptz', notes: 'text', evidence_id: 'uuid',
    recorded_by: 'uuid', recorded_at: 'timestamptz',
  },
  communication_participants: { communication_id: 'uuid', entity_id: 'uuid', role: 'text' },
  payments: {
    id: 'uuid', case_id: 'uuid', from_entity_id: 'uuid', to_entity_id: 'uuid', amount: 'numeric', currency: 'text', paid_at: 'timestamptz', reference: 'text',
    evidence_id: 'uuid', recorded_by: 'uuid', recorded_at: 'timestamptz',
  },
  links: {
    id: 'uuid', kind: 'text', from_type: 'text', from_id: 'text', to_type: 'text', to_id: 'text', case_id: 'uuid', source_type: 'text', source_id: 'text',
    observed_from: 'timestamptz', observed_to: 'timestamptz', confidence: 'real', notes: 'text', recorded_by: 'uuid', recorded_at: 'timestamptz',
  },
};

/** Parents before children, so foreign keys hold at every statement. */
const demoInsertOrder: Array<keyof DemoRows> = [
  'users', 'cases', 'case_offences', 'case_team', 'case_status_history', 'case_events', 'persons', 'person_names', 'case_persons',
  'accused_status_history', 'victims', 'victim_identities', 'case_victims', 'victim_assignments', 'victim_state_history', 'placements', 'followups', 'operations', 'arrests',
  'rescues', 'evidence_items', 'custody_transfers', 'charges', 'hearings', 'verdicts', 'appeals',
  'entities', 'communications', 'communication_participants', 'payments', 'links',
];

async function caseCount(db: AppContext['db']): Promise<number> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A short fingerprint of a stored password hash. The load records one per demo account in its audit entry;
 * an account whose hash still has it still has the documented password. This answers "may the password be
 * printed again?" at start without running argon2 eight times (hundreds of milliseconds).
 */
const fingerprint = (passwordHash: string) => createHash('sha256').update(passwordHash).digest('hex').slice(0, 16);

/** Demo sign-ins whose documented password is still the one set by the load (printed at every start). */
async function unchangedDemoSignIns(ctx: AppContext): Promise<DemoResult['users']> {
  const load = await ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'demo.load').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const recorded = (load?.details as { accounts?: Record<string, string> } | undefined)?.accounts ?? {};
  const found = await ctx.db.selectFrom('users').select(['username', 'password_hash']).where('is_demo', '=', true).where('disabled', '=', false)
    .where('username', 'in', demoUsers.map((u) => u.username)).execute();
  const ok = new Set(found.filter((u) => recorded[u.username] === fingerprint(u.password_hash)).map((u) => u.username));
  return demoUsers.filter((u) => ok.has(u.username)).map((u) => ({ role: u.role, username: u.username, password: demoPassword(u.username) }));
}

/**
 * Loads the synthetic demo dataset (src/demo/demo.figures.ts describes it) when the database holds no case
 * yet: users are not looked at, so a database with accounts but no casework still gets the demo. Everything
 * goes in one transaction with one `demo.load` audit entry; a second call changes nothing. Never loads
 * when NODE_ENV=production.
 */
export async function loadDemoIfEmpty(ctx: AppContext, opts: DemoOptions = {}): Promise<DemoResult> {
  const result = await loadDemoDataset(ctx, opts);
  if (opts.mediaRoot && ctx.config.env !== 'production') result.media = await loadDemoMedia(ctx, opts.mediaRoot, opts.onProgress);
  return result;
}

async function loadDemoDataset(ctx: AppContext, opts: DemoOptions): Promise<DemoResult> {
  const t0 = performance.now();
  const say = (m: string) => opts.onProgress?.(m);
  const done = (users: DemoResult['users'], loaded: boolean, counts: Record<string, number> = {}): DemoResult => ({ users, loaded, counts, ms: Math.round(performance.now() - t0) });
  if (ctx.config.env === 'production') {
    say('not loaded: NODE_ENV=production');
    return done([], false);
  }
  if ((await caseCount(ctx.db)) > 0) {
    say('database already holds cases; demo dataset not loaded');
    return done(await unchangedDemoSignIns(ctx), false);
  }

  // Reference data the dataset hangs on; the demo password hashes are precomputed (demo.passwords.ts).
  const [branches, offences, hashes] = await Promise.all([
    ctx.db.selectFrom('branches').select(['id', 'district', 'province', 'population_2023']).orderBy('id').execute(),
    ctx.db.selectFrom('offences').select(['code', 'child_exploitation']).execute(),
    Promise.all(demoUsers.map(async (u) => [u.username, demoPasswordHashes[u.username] ?? (await hashPassword(demoPassword(u.username)))] as const)),
  ]);
  const dataset = buildDemoDataset({
    branches: branches.map((b) => ({ id: b.id, district: b.district, province: b.province, population: b.population_2023 })),
    offences: new Map(offences.map((o) => [o.code, o.child_exploitation])),
    passwordHashes: new Map(hashes),
    encryptIdentity: (victimId, identity) => ({ keyId: ctx.crypto.keyId, ciphertext: ctx.crypto.encryptJson(identity, identityContext(victimId)), contextVersion: CONTEXT_VERSION }),
  });
  say(`dataset built (${dataset.rows.cases.length} cases, ${dataset.rows.victims.length} victims) in ${Math.round(performance.now() - t0)} ms`);

  const counts: Record<string, number> = {};
  // The system loads the demo: its one trail entry is written by inTransaction like any other change.
  const loaded = await inTransaction({ ...ctx, actor: systemActor('demo-loader') }, async (tx, audit) => {
    await sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`.execute(tx);
    if ((await caseCount(tx)) > 0) return false; // another process loaded it meanwhile
    // Demo accounts left from an earlier load (casework since deleted) are taken over, not duplicated.
    const usernames = dataset.rows.users.map((u) => String(u.username));
    const existing = await tx.selectFrom('users').select(['id', 'username', 'is_demo']).where('username', 'in', usernames).execute();
    const foreign = existing.filter((u) => !u.is_demo);
    if (foreign.length) throw new Error(`demo dataset not loaded: non-demo accounts use demo usernames (${foreign.map((u) => u.username).join(', ')})`);
    if (existing.length) {
      const byName = new Map(existing.map((u) => [u.username, u.id]));
      const remap = new Map<unknown, string>();
      for (const u of dataset.rows.users) if (byName.has(String(u.username))) remap.set(u.id, byName.get(String(u.username))!);
      for (const table of demoInsertOrder) for (const row of dataset.rows[table]) for (const k in row) if (remap.has(row[k])) row[k] = remap.get(row[k]);
      for (const u of dataset.rows.users.filter((r) => byName.has(String(r.username)))) {
        await tx.updateTable('users').set({ display_name: String(u.display_name), role: u.role as Role, branch_id: (u.branch_id as number | null) ?? null, password_hash: String(u.password_hash), disabled: false }).where('id', '=', String(u.id)).execute();
      }
      dataset.rows.users = dataset.rows.users.filter((u) => !byName.has(String(u.username)));
    }
    for (const table of demoInsertOrder) {
      counts[table] = await bulkInsert(tx, table, demoColumns[table] as Record<string, string>, dataset.rows[table]);
    }
    // The demo's "foreign warrant requested" marks become warrants, as migration 0018 did for existing rows.
    await carryOverWarrantFlags(tx);
    say(`${counts.cases} cases, ${counts.persons} persons, ${counts.victims} victims, ${counts.arrests} arrests, ${counts.users} users written`);
    await audit({
      action: 'demo.load', entityType: 'system', entityId: null,
      details: { synthetic: true, muzaffargarhCaseId: dataset.muzaffargarhCaseId, rows: counts, accounts: Object.fromEntries(hashes.map(([u, h]) => [u, fingerprint(h)])) },
    });
    return true;
  });
  if (!loaded) {
    say('database already holds cases; demo dataset not loaded');
    return done(await unchangedDemoSignIns(ctx), false);
  }
  // Care records were written as plaintext in bulk: sealed now, as at every start.
  await sealPlaintext(ctx);
  await loadDemoRequests(ctx, dataset); // takedowns of the footage, preservation and Interpol requests (demo.requests.ts)
  // Likely duplicates among the demo persons (the man recorded in two districts, once in Urdu script) are
  // proposed as they would be had each been typed in: one batch over the persons just written.
  const resolved = await resolveAllPersons({ ...ctx, actor: systemActor('demo-loader') });
  say(`${resolved.stored} possible duplicate persons proposed`);
  say(`${await loadDemoTips(ctx, dataset.muzaffargarhCaseId, counts)} tips (the referrals of the Muzaffargarh case and the queue)`);
  say(`loaded in ${Math.round(performance.now() - t0)} ms`);
  return done(dataset.users, true, counts);
}
