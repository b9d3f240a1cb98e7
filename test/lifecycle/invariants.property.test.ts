import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStatuses } from '../../src/modules/cases/case.lifecycle.ts';
import { accusedStatuses } from '../../src/modules/persons/accused.rules.ts';
import { createTestApp, type TestApp, type UserKey } from '../support/harness.ts';
import { checkInvariants } from './invariants.ts';

// Random sequences of officers' actions through the real API (PGlite): whatever is accepted or refused,
// after every action the records hold together (test/lifecycle/invariants.ts). A refusal must be a 4xx
// problem+json, never a 500. The run is bounded in time (about 40 s).

type Action =
  | { kind: 'case' }
  | { kind: 'transition'; c: number; to: string; user: UserKey }
  | { kind: 'status'; c: number; p: number; to: string; user: UserKey }
  | { kind: 'charge'; c: number; p: number }
  | { kind: 'hearing'; c: number; ahead: boolean }
  | { kind: 'verdict'; c: number; p: number; outcome: 'convicted' | 'acquitted' }
  | { kind: 'appeal'; c: number; v: number; side: 'prosecution' | 'defence' }
  | { kind: 'decide'; c: number; a: number; decision: 'allowed' | 'dismissed' | 'withdrawn' }
  | { kind: 'plan'; c: number; ahead: boolean }
  | { kind: 'approve'; c: number }
  | { kind: 'execute'; c: number; arrest: number };

// Few cases per run, so random sequences reach the court often.
const idx = fc.nat({ max: 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'case' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('transition' as const), c: idx, to: fc.oneof({ arbitrary: fc.constantFrom<string>(...caseStatuses), weight: 1 }, { arbitrary: fc.constant('next'), weight: 3 }), user: fc.constantFrom<UserKey>('invA', 'prosecutor') }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('status' as const), c: idx, p: fc.nat({ max: 1 }), to: fc.constantFrom(...accusedStatuses), user: fc.constantFrom<UserKey>('invA', 'prosecutor') }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('charge' as const), c: idx, p: fc.nat({ max: 1 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('hearing' as const), c: idx, ahead: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('verdict' as const), c: idx, p: fc.nat({ max: 1 }), outcome: fc.constantFrom('convicted' as const, 'acquitted' as const) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('appeal' as const), c: idx, v: fc.nat({ max: 1 }), side: fc.constantFrom('prosecution' as const, 'defence' as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('decide' as const), c: idx, a: fc.nat({ max: 2 }), decision: fc.constantFrom('allowed' as const, 'dismissed' as const, 'withdrawn' as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('plan' as const), c: idx, ahead: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('approve' as const), c: idx }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('execute' as const), c: idx, arrest: fc.nat({ max: 2 }) }), weight: 1 },
);

describe('lifecycle invariants under random sequences of actions (PGlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  }, 120_000);
  afterAll(async () => t?.close());

  it('keeps statuses, history, verdicts, operations and figures in agreement after every action', async () => {
    const court = 'Sessions Court Lahore (synthetic)';
    let runs = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(action, { minLength: 10, maxLength: 40 }), async (startInTrial, actions) => {
        runs++;
        // Each run has its own cases; time moves forward six hours per action from early 2025.
        const cases: Array<{ id: string; persons: string[] }> = [];
        let clock = Date.parse('2025-02-01T06:00:00Z') + runs * 3 * 86_400_000 % (300 * 86_400_000);
        const tick = () => new Date((clock += 6 * 3_600_000)).toISOString();
        const pick = <T,>(xs: T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
        const call = async (user: UserKey, method: 'POST' | 'PATCH' | 'PUT', url: string, body?: object) => {
          const res = await t.call(user, method, url, body);
          expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} -> ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
          else accepted++;
          return res;
        };
        const newCase = async () => {
          const res = await call('invA', 'POST', '/api/v1/cases', { branchId: t.users.invA.branchId, title: `Random case ${runs}-${cases.length}`, offenceCodes: ['PECA-22'], reportedAt: '2025-01-15T10:00:00Z' });
          const id = res.json().id as string;
          await call('supA', 'PUT', `/api/v1/cases/${id}/team`, { members: [{ userId: t.users.invA.id, teamRole: 'lead' }, { userId: t.users.prosecutor.id, teamRole: 'prosecutor' }] });
          const persons: string[] = [];
          for (const name of ['Random Accused One', 'Random Accused Two']) {
            const link = await call('invA', 'POST', `/api/v1/cases/${id}/persons`, { person: { displayName: `${name} ${runs}` }, role: 'suspect' });
            persons.push(link.json().persons.find((p: { displayName: string }) => p.displayName.startsWith(name)).personId);
          }
          cases.push({ id, persons });
        };
        await newCase();
        if (startInTrial) {
          // Half the runs start with the first case already before the trial court.
          for (const [user, to] of [['invA', 'fir_registered'], ['invA', 'under_investigation'], ['invA', 'challan_submitted'], ['prosecutor', 'in_trial']] as const) {
            await call(user, 'POST', `/api/v1/cases/${cases[0]!.id}/transitions`, { to, reason: 'to trial', at: tick(), ...(to === 'fir_registered' ? { firNumber: 900_000 + runs } : {}) });
          }
        }
        for (const a of actions) {
          if (a.kind === 'case') {
            await newCase();
            continue;
          }
          const c = pick(cases, a.c)!;
          const at = tick();
          switch (a.kind) {
            case 'transition': {
              // Mostly the next step forward (by the role it belongs to), sometimes any status at all.
              let to = a.to;
              let user = a.user;
              if (to === 'next') {
                const now = (await t.ctx.db.selectFrom('cases').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status;
                const path = ['complaint_received', 'fir_registered', 'under_investigation', 'challan_submitted', 'in_trial', 'charge_framed', 'evidence'];
                to = path[path.indexOf(now) + 1] ?? 'evidence';
                user = ['in_trial', 'charge_framed', 'evidence'].includes(to) ? 'prosecutor' : 'invA';
              }
              await call(user, 'POST', `/api/v1/cases/${c.id}/transitions`, { to, reason: 'random step', at, ...(to === 'fir_registered' ? { firNumber: 100_000 + ((runs * 97 + cases.indexOf(c) * 13 + accepted) % 800_000) } : {}) });
              break;
            }
            case 'status':
              await call(a.user, 'POST', `/api/v1/cases/${c.id}/persons/${pick(c.persons, a.p)}/status`, { to: a.to, reason: 'random status', at });
              break;
            case 'charge':
              await call('prosecutor', 'POST', `/api/v1/cases/${c.id}/charges`, { personId: pick(c.persons, a.p), offenceCode: 'PECA-22', court, framedAt: at });
              break;
            case 'hearing':
              await call('prosecutor', 'POST', `/api/v1/cases/${c.id}/hearings`, { court, scheduledFor: a.ahead ? '2027-03-01T09:00:00Z' : at, purpose: 'random hearing' });
              break;
            case 'verdict':
              await call('prosecutor', 'POST', `/api/v1/cases/${c.id}/verdicts`, { personId: pick(c.persons, a.p), outcome: a.outcome, court, decidedAt: at });
              break;
            case 'appeal': {
              const view = (await t.call('prosecutor', 'GET', `/api/v1/cases/${c.id}/prosecution`)).json();
              const v = pick(view.verdicts ?? [], a.v) as { id: string } | undefined;
              if (v) await call('prosecutor', 'POST', `/api/v1/verdicts/${v.id}/appeals`, { court: 'High Court (synthetic)', filedAt: at, filedBy: a.side });
              break;
            }
            case 'decide': {
              const view = (await t.call('prosecutor', 'GET', `/api/v1/cases/${c.id}/prosecution`)).json();
              const all = (view.verdicts ?? []).flatMap((v: { appeals: Array<{ id: string }> }) => v.appeals);
              const ap = pick(all, a.a) as { id: string } | undefined;
              if (ap) await call('prosecutor', 'PATCH', `/api/v1/appeals/${ap.id}`, { status: a.decision, decidedAt: at });
              break;
            }
            case 'plan':
              await call('invA', 'POST', `/api/v1/cases/${c.id}/operations`, { name: `Operation R${runs}`, plannedFor: a.ahead ? new Date(clock + 86_400_000).toISOString() : at, place: 'Synthetic place', agencies: [] });
              break;
            case 'approve':
            case 'execute': {
              const list = (await t.call('invA', 'GET', `/api/v1/cases/${c.id}/operations`)).json().items as Array<{ id: string; status: string }>;
              const want = a.kind === 'approve' ? 'planned' : 'approved';
              const op = list.find((o) => o.status === want) ?? list[0];
              if (!op) break;
              if (a.kind === 'approve') await call('supA', 'POST', `/api/v1/operations/${op.id}/approve`, { at });
              else await call('invA', 'POST', `/api/v1/operations/${op.id}/execute`, { executedAt: at, durationMinutes: 60, arrestedPersonIds: a.arrest < 2 ? [c.persons[a.arrest]] : [], rescuedVictimIds: [], seizedItems: [] });
              break;
            }
          }
          await checkInvariants(t, `after ${a.kind}`);
        }
      }),
      { numRuns: 200, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: false, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
    );
    expect(runs).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(10);
    // The runs reached the court: verdicts, appeals and executed operations were recorded and checked.
    const count = async (table: 'verdicts' | 'appeals' | 'arrests') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    console.info(`lifecycle invariants: ${runs} runs, ${accepted} accepted actions, ${await count('verdicts')} verdicts, ${await count('appeals')} appeals, ${await count('arrests')} arrests`);
    expect(await count('verdicts')).toBeGreaterThan(0);
  }, 180_000);
});
