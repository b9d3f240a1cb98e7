import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { addPerson, openCase, setTeam } from '../operations/case-fixtures.ts';

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
    expect(v.ok, JSON.stringify(v.firstBad)).toBe(true);
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
});
