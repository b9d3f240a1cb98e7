import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { addVictim, openCase } from '../operations/case-fixtures.ts';
import { runSchedules } from '../../src/modules/takedowns/schedules.ts';

const { engines } = await detectEngines();

type Note = { id: string; kind: string; readAt: string | null; safeguarding?: { victimId: string; pseudonym: string; followupId: string | null; dueAt: string | null; resolvedAt: string | null } | null };

// Issue 10, item 6: a rescued child without a protection officer is a notification to the supervisor(s) of the
// child's branch until an officer is assigned; a follow-up gone overdue is told once. A supervisor of another
// branch is never told.
describe.each(engines)('safeguarding flags on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  let caseB: string;
  let rescued: { id: string; pseudonym: string };
  const DAY = 86_400_000;
  const notes = async (user: UserKey) => {
    const res = await t.call(user, 'GET', '/api/v1/notifications?limit=100');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Note[]; unread: number };
    return { unread: body.unread, items: body.items.filter((n) => n.kind.startsWith('safeguarding.')) };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    caseA = await openCase(t, 'Safeguarding flags case A', 'invA');
    caseB = await openCase(t, 'Safeguarding flags case B', 'invB');
  }, 60_000);
  afterAll(async () => t?.close());

  it('a child rescued in an operation is flagged to the branch supervisor, not to another branch\'s', async () => {
    rescued = await addVictim(t, caseA);
    const op = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/operations`, { name: 'Operation Invented Dawn', plannedFor: '2025-05-23T04:00:00+05:00', place: 'Synthetic place', agencies: ['Punjab Police'] });
    expect(op.statusCode, op.body).toBe(201);
    expect((await t.call('supA', 'POST', `/api/v1/operations/${op.json().id}/approve`, { at: '2025-05-22T18:00:00+05:00' })).statusCode).toBe(200);
    expect((await notes('supA')).items).toEqual([]);
    const ex = await t.call('invA', 'POST', `/api/v1/operations/${op.json().id}/execute`, { executedAt: '2025-05-23T09:00:00+05:00', durationMinutes: 60, arrestedPersonIds: [], rescuedVictimIds: [rescued.id], seizedItems: [] });
    expect(ex.statusCode, ex.body).toBe(200);

    const a = await notes('supA');
    expect(a.items).toHaveLength(1);
    expect(a.items[0]).toMatchObject({ kind: 'safeguarding.unassigned', readAt: null, safeguarding: { victimId: rescued.id, pseudonym: rescued.pseudonym, followupId: null, resolvedAt: null } });
    expect(a.unread).toBeGreaterThanOrEqual(1);
    // Another branch's supervisor: nothing, and nothing of the child.
    const b = await notes('supB');
    expect(b.items).toEqual([]);
    const rowsB = await t.ctx.db.selectFrom('notifications').select('id').where('user_id', '=', t.users.supB.id).where('victim_id', '=', rescued.id).execute();
    expect(rowsB).toEqual([]);
    // The schedule does not tell the supervisor twice.
    await runSchedules(t.ctx);
    expect((await notes('supA')).items).toHaveLength(1);
  });

  it('assigning an officer resolves the flag; unassigning the last officer raises it again', async () => {
    const assign = await t.call('supA', 'POST', `/api/v1/victims/${rescued.id}/assignments`, { userId: t.users.prot.id });
    expect(assign.statusCode, assign.body).toBe(200);
    const [resolved] = (await notes('supA')).items;
    expect(resolved!.safeguarding!.resolvedAt).not.toBeNull();
    expect(resolved!.readAt).not.toBeNull();
    // The schedule leaves a resolved flag resolved while an officer is assigned.
    await runSchedules(t.ctx);
    expect((await notes('supA')).items[0]!.safeguarding!.resolvedAt).not.toBeNull();

    const un = await t.call('supA', 'DELETE', `/api/v1/victims/${rescued.id}/assignments/${t.users.prot.id}`);
    expect(un.statusCode, un.body).toBeLessThan(300);
    const reopened = (await notes('supA')).items;
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ readAt: null, safeguarding: { resolvedAt: null } });
    expect((await t.call('supA', 'POST', `/api/v1/victims/${rescued.id}/assignments`, { userId: t.users.prot.id })).statusCode).toBe(200);
  });

  it('a follow-up gone overdue is told to the branch supervisor once, found by the schedule, and resolved when done', async () => {
    const now = Date.now();
    const add = await t.call('prot', 'POST', `/api/v1/victims/${rescued.id}/followups`, { kind: 'medical', dueAt: new Date(now + 2 * DAY).toISOString() });
    expect(add.statusCode, add.body).toBe(201);
    const followupId = (await t.ctx.db.selectFrom('followups').select('id').where('victim_id', '=', rescued.id).executeTakeFirstOrThrow()).id;
    await runSchedules(t.ctx, new Date(now + DAY));
    expect((await notes('supA')).items.filter((n) => n.kind === 'safeguarding.overdue')).toEqual([]);
    // Two days later it is overdue: one notification, however often the schedule runs.
    await runSchedules(t.ctx, new Date(now + 3 * DAY));
    await runSchedules(t.ctx, new Date(now + 4 * DAY));
    const overdue = (await notes('supA')).items.filter((n) => n.kind === 'safeguarding.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ readAt: null, safeguarding: { victimId: rescued.id, followupId, resolvedAt: null } });
    expect((await notes('supB')).items).toEqual([]);

    const done = await t.call('prot', 'POST', `/api/v1/victims/${rescued.id}/followups/${followupId}/done`, {});
    expect(done.statusCode, done.body).toBeLessThan(300);
    const after = (await notes('supA')).items.filter((n) => n.kind === 'safeguarding.overdue');
    expect(after[0]!.safeguarding!.resolvedAt).not.toBeNull();
  });

  it('a child recovered by a safeguarding step is flagged to their own branch\'s supervisor only', async () => {
    const v = await t.call('invB', 'POST', `/api/v1/cases/${caseB}/victims`, { gender: 'male', ageAtIdentification: 12, identifiedAt: new Date(Date.now() - 10 * DAY).toISOString() });
    expect(v.statusCode, v.body).toBe(201);
    expect((await notes('supB')).items).toEqual([]);
    const step = await t.call('invB', 'POST', `/api/v1/victims/${v.json().id}/transitions`, { to: 'recovered', reason: 'recovered by the team', at: new Date(Date.now() - DAY).toISOString() });
    expect(step.statusCode, step.body).toBe(200);
    expect((await notes('supB')).items.map((n) => n.safeguarding?.victimId)).toEqual([v.json().id]);
    expect((await notes('supA')).items.some((n) => n.safeguarding?.victimId === v.json().id)).toBe(false);
  });
});
