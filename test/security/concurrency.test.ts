import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { addPerson, addVictim, openCase, setTeam, toTrial } from '../operations/case-fixtures.ts';
import { createApiToken } from '../../src/platform/auth/auth.service.ts';
import { systemActor } from '../../src/platform/access/actor.ts';

// Conflicting writes fired at once through the API. On PostgreSQL they run on parallel connections (the pool
// is raised so that every request of a burst holds its own); PGlite runs them one after another. Either way
// exactly the allowed number succeed, every other one is a clean problem+json refusal (409 "conflict" or
// "illegal transition", never a 500 or a leaked deadlock), and what is stored agrees with itself: the status is
// the last history entry, each history entry starts where the one before it ended, counts match the successes,
// and the audit chain verifies.

const { engines } = await detectEngines();
const ROUNDS = 4;
const BURST = 8;

type Res = LightMyRequestResponse;
const ok = (r: Res) => r.statusCode >= 200 && r.statusCode < 300;

/** Fires the calls together and splits the answers into successes and refusals. */
async function burst(calls: Array<() => Promise<Res>>): Promise<{ won: Res[]; lost: Res[] }> {
  const all = await Promise.all(calls.map((call) => call()));
  return { won: all.filter(ok), lost: all.filter((r) => !ok(r)) };
}

/** Every refusal is problem+json with one of the expected statuses (409 unless said otherwise). */
function expectCleanRefusals(lost: Res[], statuses: number[] = [409]) {
  for (const r of lost) {
    expect(statuses, `${r.statusCode} ${r.body}`).toContain(r.statusCode);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().detail).not.toMatch(/deadlock|serializ|could not/i);
  }
}

/** Each entry starts where the previous one ended. */
function expectChain(history: Array<{ from: string | null; to: string }>) {
  for (let i = 1; i < history.length; i++) expect(history[i]!.from, `history step ${i}`).toBe(history[i - 1]!.to);
}

describe.each(engines)('concurrent conflicting writes on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { poolSize: BURST + 4 });
  }, 60_000);
  afterAll(async () => t?.close());

  async function expectAuditChainOk() {
    const v = await verifyAuditChain(t.ctx.db);
    expect(v.ok, JSON.stringify(v.problems.slice(0, 5))).toBe(true);
  }
  const auditCount = async (action: string, entityId: string) =>
    Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).where('entity_id', '=', entityId).executeTakeFirstOrThrow()).n);
  const transition = (user: UserKey, caseId: string, to: string, extra: object = {}) => () =>
    t.call(user, 'POST', `/api/v1/cases/${caseId}/transitions`, { to, reason: `parallel move to ${to}`, ...extra });

  it('case transitions: one winner from each state, the status is the last history entry', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const caseId = await openCase(t, `Race transition case ${round}`);
      // The same step eight times at once: one wins, seven find the case already moved.
      const first = await burst(Array.from({ length: BURST }, () => transition('invA', caseId, 'inquiry_open')));
      expect(first.won).toHaveLength(1);
      expectCleanRefusals(first.lost);
      // Different targets from the same state, each excluding the others (closing the inquiry is final; a
      // registered FIR cannot be closed as an inquiry): exactly one wins.
      const second = await burst(Array.from({ length: BURST }, (_, i) =>
        i % 2 ? transition('invA', caseId, 'inquiry_closed') : transition('invA', caseId, 'fir_registered', { firNumber: 5000 + round * 100 + i })));
      expect(second.won).toHaveLength(1);
      expectCleanRefusals(second.lost);

      const detail = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}`)).json();
      expect(detail.history).toHaveLength(3);
      expectChain(detail.history);
      expect(detail.history.at(-1).to).toBe(detail.status);
      expect(detail.status).toBe(second.won[0]!.json().status);
      expect(await auditCount('case.transition', caseId)).toBe(2);
    }
    await expectAuditChainOk();
  });

  it('FIR registration: one number, one case, whichever cases race for it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const cases = [];
      for (let i = 0; i < BURST; i++) cases.push(await openCase(t, `Race FIR case ${round}.${i}`));
      const firNumber = 7000 + round;
      const res = await burst(cases.map((id) => transition('invA', id, 'fir_registered', { firNumber })));
      expect(res.won).toHaveLength(1);
      expectCleanRefusals(res.lost);
      for (const r of res.lost) expect(r.json().errors?.[0]?.field).toBe('firNumber');
      const holders = await t.ctx.db.selectFrom('cases').select('id').where('branch_id', '=', t.branchA).where('fir_number', '=', firNumber).execute();
      expect(holders).toHaveLength(1);
      // The losers are untouched: still a complaint, one history entry.
      for (const id of cases.filter((c) => c !== holders[0]!.id)) {
        const d = (await t.call('invA', 'GET', `/api/v1/cases/${id}`)).json();
        expect(d.status).toBe('complaint_received');
        expect(d.history).toHaveLength(1);
      }
    }
    await expectAuditChainOk();
  });

  it('team changes: the team is exactly one of the teams asked for, never a mixture', async () => {
    const candidates: UserKey[][] = [['invA'], ['invA', 'invA2'], ['invA', 'supA'], ['invA', 'invA2', 'supA'], ['invA2'], ['supA', 'invA2']];
    for (let round = 0; round < ROUNDS; round++) {
      const caseId = await openCase(t, `Race team case ${round}`);
      const res = await burst(Array.from({ length: BURST }, (_, i) => () => {
        const members = candidates[i % candidates.length]!.map((k, j) => ({ userId: t.users[k].id, teamRole: j === 0 ? 'lead' : 'member' }));
        return t.call('supA', 'PUT', `/api/v1/cases/${caseId}/team`, { members });
      }));
      expectCleanRefusals(res.lost);
      const team = await t.ctx.db.selectFrom('case_team').select(['user_id', 'team_role']).where('case_id', '=', caseId).orderBy('user_id').execute();
      const asked = candidates.map((keys) => keys.map((k, j) => ({ user_id: t.users[k].id, team_role: j === 0 ? 'lead' : 'member' })).sort((a, b) => a.user_id.localeCompare(b.user_id)));
      expect(asked).toContainEqual(team);
      expect(await auditCount('case.team.set', caseId)).toBe(res.won.length);
    }
    await expectAuditChainOk();
  });

  it('accused status: one arrest of the same person at once, one history step', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const caseId = await openCase(t, `Race accused case ${round}`);
      const personId = await addPerson(t, caseId, `Test Accused Race ${round}`, 'suspect', 'at_large');
      const res = await burst(Array.from({ length: BURST }, (_, i) => () =>
        t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons/${personId}/status`, {
          to: 'arrested', reason: 'parallel status change', at: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
        })));
      expect(res.won).toHaveLength(1);
      expectCleanRefusals(res.lost);
      const history = await t.ctx.db.selectFrom('accused_status_history').select(['from_status as from', 'to_status as to']).where('case_id', '=', caseId).where('person_id', '=', personId).orderBy('id').execute();
      expect(history).toHaveLength(1);
      expect(history[0]!.from).toBe('at_large');
      const link = await t.ctx.db.selectFrom('case_persons').select('accused_status').where('case_id', '=', caseId).where('person_id', '=', personId).executeTakeFirstOrThrow();
      expect(link.accused_status).toBe(history[0]!.to);
      const arrests = await t.ctx.db.selectFrom('arrests').select('id').where('case_id', '=', caseId).execute();
      expect(arrests).toHaveLength(link.accused_status === 'arrested' ? 1 : 0);
    }
    await expectAuditChainOk();
  });

  const plan = { name: 'Operation Race', plannedFor: '2025-05-23T04:00:00+05:00', place: 'Synthetic compound, Muzaffargarh', agencies: ['NCCIA Cyber Crime Wing'] };
  // Approved before the raid (an approval given "now" would come after the execution's date and be refused).
  const approval = { at: '2025-05-22T18:00:00+05:00' };
  const execution = (extra: object = {}) => ({ executedAt: '2025-05-23T09:00:00+05:00', durationMinutes: 120, ...extra });

  it('operations: one of many executions and cancellations of one operation wins, with its arrests and rescues once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const caseId = await openCase(t, `Race operation case ${round}`);
      const accused = await addPerson(t, caseId, `Test Accused Op ${round}`, 'suspect', 'at_large');
      const victim = await addVictim(t, caseId);
      const op = (await t.call('invA', 'POST', `/api/v1/cases/${caseId}/operations`, plan)).json().id as string;
      // Approvals race too: one approves, the rest find it approved.
      const approvals = await burst(Array.from({ length: 4 }, () => () => t.call('supA', 'POST', `/api/v1/operations/${op}/approve`, approval)));
      expect(approvals.won).toHaveLength(1);
      expectCleanRefusals(approvals.lost);
      const res = await burst(Array.from({ length: BURST }, (_, i) => () => (i % 4 === 3
        ? t.call('invA', 'POST', `/api/v1/operations/${op}/cancel`, { reason: 'called off in parallel' })
        : t.call('invA', 'POST', `/api/v1/operations/${op}/execute`, execution({
          arrestedPersonIds: [accused], rescuedVictimIds: [victim.id], seizedItems: [{ label: `Race phone ${round}.${i}`, kind: 'phone' }],
        })))));
      expect(res.won).toHaveLength(1);
      expectCleanRefusals(res.lost);
      const detail = (await t.call('invA', 'GET', `/api/v1/operations/${op}`)).json();
      const executed = detail.status === 'executed';
      expect(detail.status).toBe(executed ? 'executed' : 'cancelled');
      expect(detail.counts).toEqual(executed ? { arrests: 1, rescues: 1, seizures: 1 } : { arrests: 0, rescues: 0, seizures: 0 });
      const accusedHistory = await t.ctx.db.selectFrom('accused_status_history').select('to_status').where('person_id', '=', accused).execute();
      expect(accusedHistory).toHaveLength(executed ? 1 : 0);
      const victimHistory = await t.ctx.db.selectFrom('victim_state_history').select(['from_state', 'to_state']).where('victim_id', '=', victim.id).execute();
      expect(victimHistory).toEqual(executed ? [{ from_state: 'identified', to_state: 'recovered' }] : []);
      expect(await auditCount(executed ? 'operation.execute' : 'operation.cancel', op)).toBe(1);
    }
    await expectAuditChainOk();
  });

  it('mixed writers on one case at once (execution, timeline, accused status, evidence, transitions): no deadlock, no 500', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const caseId = await openCase(t, `Race mixed case ${round}`);
      const arrested = await addPerson(t, caseId, `Test Accused Mixed ${round}`, 'suspect', 'at_large');
      const other = await addPerson(t, caseId, `Test Accused Other ${round}`, 'suspect', 'at_large');
      const op = (await t.call('invA', 'POST', `/api/v1/cases/${caseId}/operations`, plan)).json().id as string;
      expect((await t.call('supA', 'POST', `/api/v1/operations/${op}/approve`, approval)).statusCode).toBe(200);
      const res = await Promise.all([
        t.call('invA', 'POST', `/api/v1/operations/${op}/execute`, execution({ arrestedPersonIds: [arrested], seizedItems: [{ label: `Mixed laptop ${round}`, kind: 'computer' }] })),
        ...Array.from({ length: 3 }, (_, i) => t.call('invA', 'POST', `/api/v1/cases/${caseId}/timeline`, { kind: 'note', body: `parallel note ${i}` })),
        t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons/${other}/status`, { to: 'proclaimed_offender', reason: 'absconding, parallel' }),
        t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, { label: `Mixed drive ${round}`, kind: 'storage' }),
        t.call('invA', 'POST', `/api/v1/cases/${caseId}/transitions`, { to: 'inquiry_open', reason: 'parallel with the raid' }),
        t.call('invA', 'PATCH', `/api/v1/cases/${caseId}`, { summary: `edited in parallel ${round}` }),
      ]);
      for (const r of res) expect(r.statusCode, r.body).toBeLessThan(300);
      const detail = (await t.call('invA', 'GET', `/api/v1/operations/${op}`)).json();
      expect(detail.counts).toEqual({ arrests: 1, rescues: 0, seizures: 1 });
    }
    await expectAuditChainOk();
  });

  it('custody: hand-overs from one holder at once move the item once; the chain always links up', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const caseId = await openCase(t, `Race custody case ${round}`);
      await setTeam(t, caseId, ['invA', 'invA2']);
      const item = (await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, { label: `Race handset ${round}`, kind: 'phone' })).json().id as string;
      // The holder hands over to two people at once, several times: only the first hand-over is theirs to make.
      const mine = await burst(Array.from({ length: BURST }, (_, i) => () =>
        t.call('invA', 'POST', `/api/v1/evidence/${item}/transfers`, { toUserId: (i % 2 ? t.users.invA2 : t.users.supA).id, reason: 'parallel hand-over' })));
      expect(mine.won).toHaveLength(1);
      expectCleanRefusals(mine.lost, [403]);
      // The branch supervisor may move it from whoever holds it: every move succeeds unless it names the holder.
      const sup = await burst(Array.from({ length: BURST }, (_, i) => () =>
        t.call('supA', 'POST', `/api/v1/evidence/${item}/transfers`, { toUserId: [t.users.invA, t.users.invA2, t.users.supA][i % 3]!.id, reason: 'supervisor re-assigns' })));
      expectCleanRefusals(sup.lost, [400]);
      const chain = await t.ctx.db.selectFrom('custody_transfers').select(['from_user_id', 'to_user_id']).where('evidence_id', '=', item).orderBy('id').execute();
      expect(chain).toHaveLength(1 + 1 + sup.won.length);
      for (let i = 1; i < chain.length; i++) expect(chain[i]!.from_user_id).toBe(chain[i - 1]!.to_user_id);
      const holder = await t.ctx.db.selectFrom('evidence_items').select('custodian_id').where('id', '=', item).executeTakeFirstOrThrow();
      expect(holder.custodian_id).toBe(chain.at(-1)!.to_user_id);
      expect(await auditCount('evidence.transfer', item)).toBe(1 + sup.won.length);
    }
    await expectAuditChainOk();
  });

  it('prosecution: one verdict per accused, one pending appeal per side, one decision per appeal', async () => {
    const court = 'Sessions Court Muzaffargarh';
    for (let round = 0; round < ROUNDS; round++) {
      const caseId = await openCase(t, `Race verdict case ${round}`);
      await setTeam(t, caseId, ['invA', 'prosecutor']);
      await toTrial(t, caseId); // charges and verdicts only while the trial court holds the case
      const accused = await addPerson(t, caseId, `Test Accused Court ${round}`, 'suspect', 'judicial_remand');
      expect((await t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, { personId: accused, offenceCode: 'PPC-377B', court, framedAt: '2025-08-01T10:00:00+05:00' })).statusCode).toBe(201);
      const charges = await burst(Array.from({ length: 4 }, () => () =>
        t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/charges`, { personId: accused, offenceCode: 'PECA-22', court, framedAt: '2025-08-01T10:00:00+05:00' })));
      expect(charges.won, JSON.stringify(charges.lost.map((r) => r.body).slice(0, 2))).toHaveLength(1);
      expectCleanRefusals(charges.lost);
      const verdicts = await burst(Array.from({ length: BURST }, (_, i) => () =>
        t.call('prosecutor', 'POST', `/api/v1/cases/${caseId}/verdicts`, { personId: accused, outcome: i % 2 ? 'acquitted' : 'convicted', court, decidedAt: '2026-02-10T10:00:00+05:00' })));
      expect(verdicts.won, JSON.stringify(verdicts.lost.map((r) => r.body).slice(0, 2))).toHaveLength(1);
      expectCleanRefusals(verdicts.lost);
      const stored = await t.ctx.db.selectFrom('verdicts').select(['id', 'outcome']).where('case_id', '=', caseId).execute();
      expect(stored).toHaveLength(1);
      const history = await t.ctx.db.selectFrom('accused_status_history').select(['from_status', 'to_status']).where('person_id', '=', accused).execute();
      expect(history).toEqual([{ from_status: 'judicial_remand', to_status: stored[0]!.outcome }]);
      const link = await t.ctx.db.selectFrom('case_persons').select('accused_status').where('person_id', '=', accused).executeTakeFirstOrThrow();
      expect(link.accused_status).toBe(stored[0]!.outcome);

      const appeals = await burst(Array.from({ length: BURST }, () => () =>
        t.call('prosecutor', 'POST', `/api/v1/verdicts/${stored[0]!.id}/appeals`, { court: 'Lahore High Court', filedAt: '2026-03-01T10:00:00+05:00', filedBy: stored[0]!.outcome === 'convicted' ? 'defence' : 'prosecution' })));
      // The defence appeals a conviction, the prosecution an acquittal (whichever verdict won the race).
      expect(appeals.won, JSON.stringify(appeals.lost.map((r) => r.body).slice(0, 2))).toHaveLength(1);
      expectCleanRefusals(appeals.lost);
      const pending = await t.ctx.db.selectFrom('appeals').select('id').where('verdict_id', '=', stored[0]!.id).where('status', '=', 'pending').execute();
      expect(pending).toHaveLength(1);
      const decisions = await burst(Array.from({ length: BURST }, (_, i) => () =>
        t.call('prosecutor', 'PATCH', `/api/v1/appeals/${pending[0]!.id}`, { status: i % 2 ? 'allowed' : 'dismissed', decidedAt: '2026-06-01T10:00:00+05:00' })));
      expect(decisions.won).toHaveLength(1);
      expectCleanRefusals(decisions.lost);
      expect(await auditCount('prosecution.appeal.decide', pending[0]!.id)).toBe(1);
    }
    await expectAuditChainOk();
  });

  it('safeguarding: one transition from a state, one completion of a follow-up, distinct pseudonyms', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const caseId = await openCase(t, `Race victim case ${round}`);
      // Registrations at once each get their own pseudonym.
      const created = await burst(Array.from({ length: 4 }, () => () => t.call('invA', 'POST', `/api/v1/cases/${caseId}/victims`, { gender: 'female', ageAtIdentification: 10 })));
      expect(created.won).toHaveLength(4);
      expect(new Set(created.won.map((r) => r.json().pseudonym)).size).toBe(4);
      const victimId = created.won[0]!.json().id as string;
      const assigned = await burst(Array.from({ length: 4 }, () => () => t.call('supA', 'POST', `/api/v1/victims/${victimId}/assignments`, { userId: t.users.prot.id })));
      expect(assigned.won).toHaveLength(1);
      expectCleanRefusals(assigned.lost);
      // Recovered by several people at once (and closed by the officer): one move from "identified".
      const moves = await burst(Array.from({ length: BURST }, (_, i) => () => (i === BURST - 1
        ? t.call('prot', 'POST', `/api/v1/victims/${victimId}/transitions`, { to: 'closed', reason: 'closed in parallel' })
        : t.call(i % 2 ? 'invA' : 'prot', 'POST', `/api/v1/victims/${victimId}/transitions`, { to: 'recovered', reason: 'recovered in parallel' }))));
      expect(moves.won.length).toBeGreaterThanOrEqual(1);
      expectCleanRefusals(moves.lost);
      const v = (await t.call('prot', 'GET', `/api/v1/victims/${victimId}`)).json();
      expectChain(v.history);
      expect(v.history.at(-1).to).toBe(v.state);
      expect(v.history).toHaveLength(1 + moves.won.length);
      // recovered -> closed is the only way two can succeed: then the close came second.
      if (moves.won.length === 2) expect(v.history.map((h: { to: string }) => h.to)).toEqual(['identified', 'recovered', 'closed']);
      expect(moves.won.length).toBeLessThanOrEqual(2);

      const victim2 = created.won[1]!.json().id as string;
      expect((await t.call('supA', 'POST', `/api/v1/victims/${victim2}/assignments`, { userId: t.users.prot.id })).statusCode).toBeLessThan(300);
      const withFollowup = (await t.call('prot', 'POST', `/api/v1/victims/${victim2}/followups`, { kind: 'home_visit', dueAt: '2026-01-15T10:00:00+05:00' })).json();
      const followupId = withFollowup.care.followups[0].id as string;
      const done = await burst(Array.from({ length: BURST }, (_, i) => () =>
        t.call('prot', 'POST', `/api/v1/victims/${victim2}/followups/${followupId}/done`, { notes: `visit ${i} done` })));
      expect(done.won).toHaveLength(1);
      expectCleanRefusals(done.lost);
      expect(await auditCount('victim.followup.done', victim2)).toBe(1);

      // Identity fields written by several people at once are merged, none lost (each write re-reads the
      // stored identity under the victim's lock).
      const fields = ['fullName', 'guardianName', 'guardianContact', 'address', 'notes'] as const;
      const writes = await burst(fields.map((f, i) => () => t.call(i % 2 ? 'invA' : 'prot', 'PATCH', `/api/v1/victims/${victim2}/identity`, { [f]: `Synthetic ${f} ${round}` })));
      expect(writes.won).toHaveLength(fields.length);
      const identity = (await t.call('prot', 'GET', `/api/v1/victims/${victim2}/identity`)).json();
      for (const f of fields) expect(identity[f]).toBe(`Synthetic ${f} ${round}`);

      // Placements at once: each ends the one before it; exactly one stays open; one move to "placed".
      expect((await t.call('prot', 'POST', `/api/v1/victims/${victim2}/transitions`, { to: 'recovered', reason: 'recovered' })).statusCode).toBe(200);
      const placed = await burst(Array.from({ length: 4 }, (_, i) => () =>
        t.call('prot', 'POST', `/api/v1/victims/${victim2}/placements`, { kind: 'shelter', facility: `Synthetic shelter ${i}` })));
      expectCleanRefusals(placed.lost, [400, 409]);
      expect(placed.won.length).toBeGreaterThanOrEqual(1);
      const placements = await t.ctx.db.selectFrom('placements').select(['started_at', 'ended_at']).where('victim_id', '=', victim2).orderBy('started_at').orderBy('id').execute();
      expect(placements).toHaveLength(placed.won.length);
      expect(placements.filter((p) => p.ended_at === null)).toHaveLength(1);
      const states = await t.ctx.db.selectFrom('victim_state_history').select('to_state').where('victim_id', '=', victim2).orderBy('id').execute();
      expect(states.map((h) => h.to_state)).toEqual(['identified', 'recovered', 'placed']);
    }
    await expectAuditChainOk();
  });

  it('hash-set delete: one delete succeeds and is audited once, the rest find nothing', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const set = await t.ctx.db.insertInto('hash_sets').values({ name: `Race set ${round}`, source: 'synthetic', version: '1', description: '', category_scheme: 'us' }).returning('id').executeTakeFirstOrThrow();
      const res = await burst(Array.from({ length: BURST }, () => () => t.call('analyst', 'DELETE', `/api/v1/hash-sets/${set.id}`)));
      expect(res.won).toHaveLength(1);
      expectCleanRefusals(res.lost, [404]);
      expect(await auditCount('hashset.delete', set.id)).toBe(1);
    }
    await expectAuditChainOk();
  });

  it('administrators disabling each other at once never leave none enabled', async () => {
    const other = await t.call('admin', 'POST', '/api/v1/admin/users', { username: 'race_admin', displayName: 'Test Race Admin', role: 'administrator', password: 'another correct horse battery' });
    expect(other.statusCode, other.body).toBe(201);
    const otherId = other.json().id as string;
    // A token acts only as the user who creates it: the other administrator issues their own.
    const { token } = await createApiToken(t.ctx, otherId, 'race', { ...systemActor('race_admin'), id: otherId });
    const asOther = (method: 'PATCH', url: string, body: object) => t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload: body });
    for (let round = 0; round < ROUNDS; round++) {
      const res = await burst([
        () => t.call('admin', 'PATCH', `/api/v1/admin/users/${otherId}`, { disabled: true }),
        () => asOther('PATCH', `/api/v1/admin/users/${t.users.admin.id}`, { disabled: true }),
      ]);
      expect(res.won).toHaveLength(1);
      // The loser is refused as the last administrator (409) or, already disabled, not let in at all (401).
      expectCleanRefusals(res.lost, [401, 409]);
      const enabled = await t.ctx.db.selectFrom('users').select('id').where('role', '=', 'administrator').where('disabled', '=', false).execute();
      expect(enabled).toHaveLength(1);
      await t.ctx.db.updateTable('users').set({ disabled: false }).where('id', 'in', [otherId, t.users.admin.id]).execute();
    }
    await expectAuditChainOk();
  });

  it.skipIf(engine !== 'postgres')('a deadlock that PostgreSQL still detects is answered 409 "try again", not 500', async () => {
    const caseId = await openCase(t, 'Race deadlock case');
    // A second connection takes the audit chain's lock, lets the request lock the case row (its timeline entry
    // touches the case) and queue for the chain, then asks for the case row itself: a cycle. The request has
    // waited longest, so its server process finds the deadlock and aborts it (40P01).
    const other = new pg.Client({ connectionString: t.ctx.config.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`SET LOCAL deadlock_timeout = '60s'`);
      await other.query('SELECT pg_advisory_xact_lock(7261001)');
      const pending = t.call('invA', 'POST', `/api/v1/cases/${caseId}/timeline`, { kind: 'note', body: 'written while the chain is held' });
      for (let i = 0; i < 200; i++) {
        const { rows } = await other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND pid <> pg_backend_pid()`);
        if (rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
      const res = await pending;
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'conflict' });
      expect(res.json().detail).toMatch(/try again/);
    } finally {
      await other.query('ROLLBACK').catch(() => {});
      await other.end();
    }
    // Nothing of the aborted request was stored.
    const tl = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/timeline`)).json();
    expect(tl.total).toBe(0);
    await expectAuditChainOk();
  });

  /**
   * Runs `request` while a second connection holds the user's row locked with the account disabled (and its
   * sessions deleted) but not yet committed, then commits once the request is waiting for that row: the
   * request read the user before the disable and must not act on what it read.
   */
  async function duringUncommittedDisable(userId: string, request: () => Promise<Res>): Promise<Res> {
    const other = new pg.Client({ connectionString: t.ctx.config.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
      await other.query('UPDATE users SET disabled = true WHERE id = $1', [userId]);
      await other.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
      const pending = request();
      for (let i = 0; i < 400; i++) {
        const { rows } = await other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`);
        if (rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.query('COMMIT');
      return await pending;
    } finally {
      await other.query('ROLLBACK').catch(() => {});
      await other.end();
    }
  }

  it.skipIf(engine !== 'postgres')('a sign-in or a token issued while the account is being disabled leaves no session or token behind', async () => {
    const password = 'a long synthetic passphrase for races';
    const mk = async (username: string) => {
      const res = await t.call('admin', 'POST', '/api/v1/admin/users', { username, displayName: `Test ${username}`, role: 'analyst', password });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const signIn = await mk('race_signin');
    const res = await duringUncommittedDisable(signIn, () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'race_signin', password } }));
    expect(res.statusCode, res.body).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await t.ctx.db.selectFrom('sessions').select('token_hash').where('user_id', '=', signIn).execute()).toEqual([]);

    // Administrators issue tokens only to service accounts.
    const made = await t.call('admin', 'POST', '/api/v1/admin/users', { username: 'race_token', displayName: 'Test race_token', role: 'analyst', serviceAccount: true });
    expect(made.statusCode, made.body).toBe(201);
    const tokenUser = made.json().id as string;
    const issued = await duringUncommittedDisable(tokenUser, () => t.call('admin', 'POST', `/api/v1/admin/users/${tokenUser}/tokens`, { name: 'issued during disable' }));
    expect(issued.statusCode, issued.body).toBe(409);
    expect(issued.headers['content-type']).toContain('application/problem+json');
    expect(await t.ctx.db.selectFrom('api_tokens').select('id').where('user_id', '=', tokenUser).execute()).toEqual([]);
    await expectAuditChainOk();
  });
});
