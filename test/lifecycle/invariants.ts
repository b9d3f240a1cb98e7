import { expect } from 'vitest';
import { sql } from 'kysely';
import { caseStatuses, isCaseStatus } from '../../src/modules/cases/case.lifecycle.ts';
import { accusedStatuses } from '../../src/modules/persons/accused.rules.ts';
import { caseStatusAfterJudgment, isJudgmentStatus, outcomeAfterAppeal, type Outcome } from '../../src/modules/prosecution/judgment.rules.ts';
import type { TestApp } from '../support/harness.ts';

// The invariants the records keep whatever was done through the API: statuses legal, case and accused
// statuses agreeing with verdicts and appeals, history agreeing with current statuses, operations executed
// after approval and their plan, and the headline figures agreeing with the records.
export async function checkInvariants(t: TestApp, label = ''): Promise<void> {
  const db = t.ctx.db;
  const cases = await db.selectFrom('cases').select(['id', 'status']).execute();
  const links = await db.selectFrom('case_persons').select(['case_id', 'person_id', 'role', 'accused_status']).execute();
  const caseHistory = await db.selectFrom('case_status_history').select(['case_id', 'from_status', 'to_status']).orderBy('at').orderBy('id').execute();
  const accusedHistory = await db.selectFrom('accused_status_history').select(['case_id', 'person_id', 'from_status', 'to_status']).orderBy('id').execute();
  const verdicts = await db.selectFrom('verdicts').select(['id', 'case_id', 'person_id', 'outcome']).execute();
  const appeals = await db.selectFrom('appeals').select(['verdict_id', 'filed_by', 'status', 'decided_at', 'id']).orderBy('decided_at').orderBy('id').execute();

  const lastSpan = new Map((await db.selectFrom('case_status_spans').select(['case_id', 'status']).where(sql<boolean>`valid_to = 'infinity'`).execute()).map((r) => [r.case_id, r.status]));
  for (const c of cases) {
    expect(caseStatuses, `${label} case status`).toContain(c.status);
    // History: a chain from nothing to the current status.
    const h = caseHistory.filter((r) => r.case_id === c.id);
    expect(h.length, `${label} case history`).toBeGreaterThan(0);
    expect(h[0]!.from_status).toBeNull();
    for (let i = 1; i < h.length; i++) expect(h[i]!.from_status, `${label} case history chain`).toBe(h[i - 1]!.to_status);
    expect(h.at(-1)!.to_status, `${label} case history ends at the status`).toBe(c.status);
    // The status spans (migration 0037, kept by triggers) end in the same status, in force from then on.
    expect(lastSpan.get(c.id), `${label} case status span in force now`).toBe(c.status);
  }

  const accusedKey = (r: { case_id: string; person_id: string }) => `${r.case_id}/${r.person_id}`;
  const statusOf = new Map<string, string | null>();
  for (const l of links) {
    if (l.role === 'witness' || l.role === 'informant' || l.role === 'guardian') continue;
    if (l.accused_status !== null) expect(accusedStatuses, `${label} accused status`).toContain(l.accused_status);
    const seen = statusOf.get(accusedKey(l));
    // Every accused link of one person in one case holds one status.
    if (seen !== undefined) expect(l.accused_status, `${label} one status per accused`).toBe(seen);
    statusOf.set(accusedKey(l), l.accused_status);
  }
  for (const [key, status] of statusOf) {
    const h = accusedHistory.filter((r) => accusedKey(r) === key);
    if (!h.length) continue;
    for (let i = 1; i < h.length; i++) expect(h[i]!.from_status ?? 'at_large', `${label} accused history chain`).toBe(h[i - 1]!.to_status);
    expect(h.at(-1)!.to_status, `${label} accused history ends at the status`).toBe(status);
  }

  // Verdicts and appeals decide the accused's standing outcome, and the case follows from them.
  const standing = new Map<string, Outcome>();
  for (const v of verdicts) {
    let outcome: Outcome = v.outcome;
    for (const a of appeals.filter((x) => x.verdict_id === v.id && x.status !== 'pending')) outcome = outcomeAfterAppeal(outcome, a.filed_by, a.status as 'allowed' | 'dismissed' | 'withdrawn');
    standing.set(accusedKey(v), outcome);
    expect(statusOf.get(accusedKey(v)), `${label} accused status agrees with the verdict and appeals`).toBe(outcome);
  }
  for (const c of cases) {
    if (!isCaseStatus(c.status)) continue;
    const own = verdicts.filter((v) => v.case_id === c.id);
    if (!own.length) {
      expect(isJudgmentStatus(c.status), `${label} no verdict, no judgment status`).toBe(false);
      continue;
    }
    const pending = appeals.filter((a) => a.status === 'pending' && own.some((v) => v.id === a.verdict_id)).length;
    expect(c.status, `${label} case status follows its verdicts`).toBe(caseStatusAfterJudgment(own.map((v) => standing.get(accusedKey(v))!), pending));
  }

  // Operations: executed only after approval and not before their plan.
  const ops = await db.selectFrom('operations').select(['status', 'planned_for', 'approved_at', 'executed_at']).execute();
  for (const o of ops) {
    if (o.status !== 'executed') continue;
    expect(o.approved_at, `${label} executed operations were approved`).not.toBeNull();
    expect(o.executed_at!.getTime()).toBeGreaterThanOrEqual(o.approved_at!.getTime());
    expect(o.executed_at!.getTime()).toBeGreaterThanOrEqual(o.planned_for.getTime());
  }

  // Headline figures (national, all time) read the same records.
  const res = await t.call('analyst', 'GET', '/api/v1/stats/summary');
  expect(res.statusCode).toBe(200);
  const s = res.json();
  const convicted = new Set(verdicts.filter((v) => v.outcome === 'convicted').map((v) => v.person_id));
  expect(s.convictions.allOffences, `${label} persons convicted`).toBe(convicted.size);
  const arrests = await db.selectFrom('arrests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  expect(s.arrests.all, `${label} arrests`).toBe(Number(arrests.n));
  const byStatus = new Map<string, number>();
  for (const c of cases) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  for (const row of s.casesByStatus as Array<{ status: string; all: number }>) expect(row.all, `${label} cases at ${row.status}`).toBe(byStatus.get(row.status));
  // The example: persons convicted while no case stands at a judgment status.
  if (convicted.size > 0) {
    const judged = cases.filter((c) => isCaseStatus(c.status) && isJudgmentStatus(c.status)).length;
    expect(judged, `${label} a conviction puts its case at a judgment status`).toBeGreaterThan(0);
  }
}
