// Synthetic data for the spine benchmark (bench/spine.bench.ts): N cases spread over every district branch
// with offences, team memberships and status history, written by jsonb bulk inserts; plus the users and API
// tokens the benchmark calls the server with. Seeded: the same N gives the same data.
import { sql } from 'kysely';
import { migrateToLatest, type Database } from '../src/platform/db/database.ts';
import { seedReferenceData } from '../src/modules/reference/reference.seed.ts';
import { createApiToken } from '../src/platform/auth/auth.service.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { bulkInsert } from '../src/demo/bulk-insert.ts';
import { createRng } from '../src/demo/prng.ts';
import { caseChannels, caseSubjects } from '../src/modules/generate/generate.words.ts';

export const SEED = 20260529;

const subjects = caseSubjects;
const channels = caseChannels;
const offenceSets = [['PECA-21-2', 'PPC-384'], ['PECA-22'], ['PECA-22A'], ['PECA-22B', 'PECA-22'], ['PECA-14', 'PPC-420'], ['PECA-14'], ['PECA-20', 'PPC-509'], ['PECA-24-1'], ['PECA-16'], ['PTPA-3-child'], ['PECA-21-2'], ['PECA-13', 'PPC-420']];
const statuses = ['complaint_received', 'inquiry_open', 'fir_registered', 'under_investigation', 'challan_submitted', 'in_trial', 'convicted', 'acquitted'];

/** Invented code words (one in ~2,000 per title), so a search can hit a handful of cases rather than thousands. */
function codeWords(n: number): string[] {
  const rng = createRng(SEED ^ 77);
  const syll = ['ka', 'lo', 'mi', 'ru', 'ta', 'ze', 'no', 'vi', 'sha', 'dor', 'pel', 'qin', 'bu', 'ha', 'je', 'xo'];
  const out = new Set<string>();
  while (out.size < n) out.add(Array.from({ length: 3 }, () => rng.pick(syll)).join('') + rng.pick(['', 'n', 'r', 'l']));
  return [...out];
}

export interface BenchUsers {
  investigator: { id: string; token: string };
  analyst: { id: string; token: string };
  investigatorCases: string[];
  anyCases: string[];
  rareWord: string;
  fir: string;
}

export async function generate(database: Database, n: number): Promise<BenchUsers> {
  const db = database.db;
  await migrateToLatest(db);
  await seedReferenceData(db);
  const rng = createRng(SEED);
  const branches = await db.selectFrom('branches').select(['id', 'district']).orderBy('id').execute();
  const users: Array<Record<string, unknown>> = [];
  const investigatorsOf = new Map<number, string[]>();
  for (const b of branches) {
    const ids = [rng.uuid(), rng.uuid(), rng.uuid()];
    investigatorsOf.set(b.id, ids);
    ids.forEach((id, k) => users.push({ id, username: `bench.inv.${b.id}.${k}`, display_name: `Bench investigator ${b.id}/${k}`, role: 'investigator', branch_id: b.id, password_hash: '!' }));
    users.push({ id: rng.uuid(), username: `bench.sup.${b.id}`, display_name: `Bench supervisor ${b.id}`, role: 'supervisor', branch_id: b.id, password_hash: '!' });
  }
  const analystId = rng.uuid();
  users.push({ id: analystId, username: 'bench.analyst', display_name: 'Bench analyst', role: 'analyst', branch_id: null, password_hash: '!' });
  await bulkInsert(db, 'users', { id: 'uuid', username: 'text', display_name: 'text', role: 'text', branch_id: 'int', password_hash: 'text' }, users);

  const words = codeWords(Math.max(50, Math.round(n / 50)));
  const cases: Array<Record<string, unknown>> = [];
  const caseOffences: Array<Record<string, unknown>> = [];
  const team: Array<Record<string, unknown>> = [];
  const history: Array<Record<string, unknown>> = [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2025-06-01T00:00:00Z') - start;
  for (let i = 1; i <= n; i++) {
    const b = branches[Math.floor(rng.next() ** 1.6 * branches.length)]!; // some districts busier than others
    const id = rng.uuid();
    const status = rng.pick(statuses);
    const hasFir = statuses.indexOf(status) >= 2;
    const reported = new Date(start + rng.next() * span);
    const fir = hasFir ? new Date(reported.getTime() + rng.int(1, 20) * 86_400_000) : null;
    const updated = new Date((fir ?? reported).getTime() + rng.int(0, 60) * 86_400_000);
    cases.push({
      id, branch_id: b.id, title: `${rng.pick(subjects)} ${rng.pick(channels)}, ${rng.pick(words)} (${b.district})`, summary: 'Synthetic benchmark case.', status,
      fir_number: fir ? i : null, fir_year: fir ? fir.getUTCFullYear() : null, fir_registered_at: fir?.toISOString() ?? null, reported_at: reported.toISOString(),
      created_at: reported.toISOString(), updated_at: updated.toISOString(),
    });
    for (const code of rng.pick(offenceSets)) caseOffences.push({ case_id: id, offence_code: code });
    const inv = investigatorsOf.get(b.id)!;
    const lead = rng.pick(inv);
    team.push({ case_id: id, user_id: lead, team_role: 'lead' });
    if (rng.chance(0.3)) team.push({ case_id: id, user_id: inv.find((u) => u !== lead)!, team_role: 'member' });
    history.push({ case_id: id, from_status: null, to_status: 'complaint_received', reason: 'complaint received', actor_id: lead, at: reported.toISOString() });
    if (status !== 'complaint_received') history.push({ case_id: id, from_status: 'complaint_received', to_status: status, reason: 'benchmark', actor_id: lead, at: updated.toISOString() });
  }
  await db.transaction().execute(async (tx) => {
    await bulkInsert(tx, 'cases', { id: 'uuid', branch_id: 'int', title: 'text', summary: 'text', status: 'text', fir_number: 'int', fir_year: 'int', fir_registered_at: 'timestamptz', reported_at: 'timestamptz', created_at: 'timestamptz', updated_at: 'timestamptz' }, cases, 10_000);
    await bulkInsert(tx, 'case_offences', { case_id: 'uuid', offence_code: 'text' }, caseOffences, 20_000);
    await bulkInsert(tx, 'case_team', { case_id: 'uuid', user_id: 'uuid', team_role: 'text' }, team, 20_000);
    await bulkInsert(tx, 'case_status_history', { case_id: 'uuid', from_status: 'text', to_status: 'text', reason: 'text', actor_id: 'uuid', at: 'timestamptz' }, history, 20_000);
  });
  await sql`ANALYZE`.execute(db);

  // The busiest investigator of the busiest branch is the one searching (the worst case for their scope).
  const counts = new Map<string, number>();
  for (const t of team) counts.set(String(t.user_id), (counts.get(String(t.user_id)) ?? 0) + 1);
  const investigatorId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const ctx = { db, engine: database.engine, config: loadConfig({ NODE_ENV: 'development' }), crypto: createFieldCrypto([Buffer.alloc(32, 1)]) };
  const actor = systemActor('bench');
  const invToken = (await createApiToken(ctx, investigatorId, 'bench', actor)).token;
  const analystToken = (await createApiToken(ctx, analystId, 'bench', actor)).token;
  const investigatorCases = team.filter((t) => t.user_id === investigatorId).map((t) => String(t.case_id));
  const withFir = cases.find((c) => c.fir_number !== null && c.fir_number !== undefined)!;
  return {
    investigator: { id: investigatorId, token: invToken },
    analyst: { id: analystId, token: analystToken },
    investigatorCases,
    anyCases: cases.filter((_, i) => i % Math.max(1, Math.floor(n / 1000)) === 0).map((c) => String(c.id)),
    rareWord: words[7]!,
    fir: `FIR ${withFir.fir_number}/${withFir.fir_year}`,
  };
}
