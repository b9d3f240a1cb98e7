import { randomInt, randomUUID } from 'node:crypto';
import type { AccusedStatus, CasePersonRole, SafeguardingState } from '../../src/platform/db/schema.ts';
import type { TestApp, UserKey } from '../support/harness.ts';

// Set-up shared by the operations, evidence and prosecution tests. Cases go through the API; persons and
// victims are written straight to their tables (their own modules are tested elsewhere), with invented,
// benign names.

export async function openCase(t: TestApp, title = 'Synthetic gaming-chat exploitation case', user: UserKey = 'invA'): Promise<string> {
  const branchId = t.users[user].branchId!;
  // Reported early in 2025, so the events the tests date in 2025 are not before the complaint.
  const res = await t.call(user, 'POST', '/api/v1/cases', { branchId, title, summary: 'Synthetic test case', offenceCodes: ['PECA-22', 'PPC-377B'], reportedAt: REPORTED_AT });
  if (res.statusCode !== 201) throw new Error(`openCase: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export const REPORTED_AT = '2025-01-02T10:00:00+05:00';

/**
 * Takes a case through FIR, investigation and challan (the investigator) to trial (the prosecutor, who must
 * be on the team), each step dated in January 2025: charges and verdicts are recorded only in trial.
 */
export async function toTrial(t: TestApp, caseId: string, investigator: UserKey = 'invA', prosecutor: UserKey = 'prosecutor'): Promise<void> {
  const steps: Array<[UserKey, string, string, object?]> = [
    [investigator, 'fir_registered', '2025-01-03T10:00:00+05:00', { firNumber: randomInt(1, 1_000_000) }],
    [investigator, 'under_investigation', '2025-01-04T10:00:00+05:00'],
    [investigator, 'challan_submitted', '2025-01-20T10:00:00+05:00'],
    [prosecutor, 'in_trial', '2025-01-25T10:00:00+05:00'],
  ];
  for (const [user, to, at, extra] of steps) {
    const res = await t.call(user, 'POST', `/api/v1/cases/${caseId}/transitions`, { to, reason: `test step to ${to}`, at, ...extra });
    if (res.statusCode !== 200 && res.statusCode !== 204) throw new Error(`toTrial ${to}: ${res.statusCode} ${res.body}`);
  }
}

/** Puts these users on the case team (the branch supervisor sets it; the first user leads). */
export async function setTeam(t: TestApp, caseId: string, members: UserKey[], supervisor: UserKey = 'supA'): Promise<void> {
  const body = { members: members.map((k, i) => ({ userId: t.users[k].id, teamRole: k === 'prosecutor' ? 'prosecutor' : i === 0 ? 'lead' : 'member' })) };
  const res = await t.call(supervisor, 'PUT', `/api/v1/cases/${caseId}/team`, body);
  if (res.statusCode !== 200) throw new Error(`setTeam: ${res.statusCode} ${res.body}`);
}

export async function addPerson(t: TestApp, caseId: string, name: string, role: CasePersonRole = 'suspect', status: AccusedStatus | null = 'at_large'): Promise<string> {
  const p = await t.ctx.db.insertInto('persons').values({ display_name: name, gender: 'male' }).returning('id').executeTakeFirstOrThrow();
  await t.ctx.db.insertInto('case_persons').values({ case_id: caseId, person_id: p.id, role, accused_status: role === 'witness' ? null : status }).execute();
  return p.id;
}

export async function addVictim(t: TestApp, caseId: string, state: SafeguardingState = 'identified'): Promise<{ id: string; pseudonym: string }> {
  // The pseudonym format the victims module keeps (V-YYYY-NNNN...).
  const pseudonym = `V-2025-${String(randomInt(10_000_000, 100_000_000))}`;
  const v = await t.ctx.db
    .insertInto('victims')
    .values({ pseudonym, gender: 'female', age_at_identification: 9, state, recovered_at: state === 'identified' ? null : new Date('2025-01-01T00:00:00Z') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.ctx.db.insertInto('case_victims').values({ case_id: caseId, victim_id: v.id }).execute();
  return { id: v.id, pseudonym };
}

type Counted = 'operations' | 'arrests' | 'rescues' | 'evidence_items' | 'custody_transfers' | 'accused_status_history' | 'victim_state_history' | 'audit_log' | 'charges' | 'hearings' | 'verdicts' | 'appeals' | 'case_events';

/** Row counts of the tables a write may touch, to prove a refused write stored nothing. */
export async function countRows(t: TestApp, tables: Counted[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const r = await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

export const ALL_COUNTED: Counted[] = ['operations', 'arrests', 'rescues', 'evidence_items', 'custody_transfers', 'accused_status_history', 'victim_state_history', 'audit_log', 'charges', 'hearings', 'verdicts', 'appeals', 'case_events'];

export const randomId = () => randomUUID();
