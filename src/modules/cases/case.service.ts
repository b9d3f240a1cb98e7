import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { caseVisibleTo, requireCaseAccess, seesEveryCase, visibleCases } from '../../platform/access/case-scope.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Tx } from '../../platform/db/database.ts';
import { allowedNextSteps, caseStatuses, checkTransition, isCaseStatus, type CaseStatus } from './case.lifecycle.ts';
import { STATUS_COUNT_BOUND, type CreateCaseInput, type ListCasesQuery, type StatusCountsQuery } from './case.schema.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { boundedCount } from '../../platform/db/bounded-count.ts';
import { advisoryXactLock, LOCK_CLASS } from '../../platform/db/advisory-lock.ts';
import { assertDate, caseDates } from './case-dates.ts';
import { currentCasesPerStatus } from '../stats/rollup/stock.ts';
import { dateMessages } from './dates.rules.ts';
import { changesOf, recordCorrections } from '../corrections/correction.service.ts';
import { parseFir } from './case.schema.ts';
import { fieldMessages, renderMessage } from '../../platform/http/field-messages.schema.ts';
import { historyReason, officerReason, recordCaseEvent } from './case-events.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const firLabel = (c: { fir_number: number | null; fir_year: number | null; branch_code?: string }) =>
  c.fir_number === null ? null : `FIR ${c.fir_number}/${c.fir_year}`;

export async function listCases(ctx: ServiceContext, q: ListCasesQuery) {
  // The caller's cases, read from their own (team rows, branch), never by filtering all cases.
  let query = ctx.db
    .selectFrom(visibleCases(ctx.db, ctx.actor))
    .innerJoin('branches', 'branches.id', 'cases.branch_id');
  if (q.status) query = query.where('cases.status', '=', q.status);
  if (q.branchId) query = query.where('cases.branch_id', '=', q.branchId);
  if (q.province) query = query.where('branches.province', '=', q.province);
  if (q.firYear) query = query.where('cases.fir_year', '=', q.firYear);
  if (q.offence) {
    const code = q.offence;
    query = query.where((eb) => eb.exists(eb.selectFrom('case_offences').select(sql`1`.as('one')).whereRef('case_offences.case_id', '=', 'cases.id').where('case_offences.offence_code', '=', code)));
  }
  if (q.q) {
    const text = q.q;
    const fir = /^(?:fir\s*)?(\d{1,6})(?:\/(\d{4}))?$/i.exec(text);
    query = query.where((eb) => {
      const ors = [eb(eb.fn('lower', ['cases.title']), 'like', `%${escapeLike(text.toLowerCase())}%`)];
      if (fir) {
        const byNumber = eb('cases.fir_number', '=', Number(fir[1]));
        ors.push(fir[2] ? eb.and([byNumber, eb('cases.fir_year', '=', Number(fir[2]))]) : byNumber);
      }
      return eb.or(ors);
    });
  }
  const [rows, total] = await Promise.all([
    query
      .select(['cases.id', 'cases.title', 'cases.status', 'cases.fir_number', 'cases.fir_year', 'cases.branch_id', 'branches.district', 'branches.province', 'cases.reported_at', 'cases.updated_at'])
      .select((eb) => eb.fn.coalesce(
        eb.selectFrom('case_offences').select(sql<string[]>`array_agg(offence_code ORDER BY offence_code)`.as('codes')).whereRef('case_offences.case_id', '=', 'cases.id'),
        sql<string[]>`'{}'::text[]`,
      ).as('offence_codes'))
      .orderBy('cases.updated_at', 'desc')
      .orderBy('cases.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    boundedCount(ctx.db, query),
  ]);
  return { items: rows.map(toSummary), ...total, limit: q.limit, offset: q.offset };
}

/**
 * Cases per status among those the caller may see (optionally of one branch), each exact up to `bound` and flagged
 * beyond it, the cost bounded at national size. (The home page used to add the lists' totals, each capped at
 * 10,001: a branch with more than 10,000 cases in one status was undercounted.)
 * First one pass over the caller's cases, reading at most ONE_PASS + 1 of them: when they are no more (an
 * investigator's, most supervisors'), that pass grouped by status is the answer, every count exact. Otherwise one
 * statement with one bounded count per status (at most bound + 1 rows read each, through `cases_branch_status`).
 * (Per status alone, an investigator's 1,773 team cases were read once per status: 14 times.)
 */
export const STATUS_COUNT_ONE_PASS = 20_000;
export async function caseStatusCounts(ctx: ServiceContext, q: StatusCountsQuery, bound = STATUS_COUNT_BOUND, onePass = STATUS_COUNT_ONE_PASS) {
  const scope = () => {
    const visible = ctx.db.selectFrom(visibleCases(ctx.db, ctx.actor));
    return q.branchId ? visible.where('cases.branch_id', '=', q.branchId) : visible;
  };
  // Someone who sees every case (an analyst) is answered from the stock rollup's national count per status.
  const fromRollup = seesEveryCase(ctx.actor) ? await currentCasesPerStatus(ctx.db, q.branchId ?? null) : null;
  if (fromRollup) return boundedStatusCounts(fromRollup, bound);
  const firstPass = Math.min(onePass, bound);
  const grouped = await ctx.db
    .selectFrom(scope().select('cases.status').limit(firstPass + 1).as('v'))
    .select(['v.status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('v.status')
    .execute();
  let row: Record<string, string | number>;
  if (grouped.reduce((s, g) => s + Number(g.n), 0) <= firstPass) {
    row = Object.fromEntries(grouped.map((g) => [g.status, g.n]));
  } else {
    row = await ctx.db.selectNoFrom((eb) => caseStatuses.map((status) => {
      const inStatus = scope().select(sql<number>`1`.as('one')).where('cases.status', '=', status);
      return eb.selectFrom(inStatus.limit(bound + 1).as('b')).select((c) => c.fn.countAll<string>().as('n')).as(status);
    })).executeTakeFirstOrThrow() as Record<CaseStatus, string | number>;
  }
  return boundedStatusCounts(row, bound);
}

function boundedStatusCounts(row: Record<string, string | number>, bound: number) {
  const counts = caseStatuses.map((status) => {
    const n = Number(row[status] ?? 0);
    return { status, count: Math.min(n, bound), exact: n <= bound };
  });
  return { counts, total: counts.reduce((s, c) => s + c.count, 0), totalExact: counts.every((c) => c.exact), bound };
}

type SummaryRow = { id: string; title: string; status: string; fir_number: number | null; fir_year: number | null; branch_id: number; district: string; province: string; reported_at: Date; updated_at: Date; offence_codes: string[] | null };
function toSummary(r: SummaryRow) {
  return {
    id: r.id,
    title: r.title,
    status: r.status as CaseStatus,
    firNumber: r.fir_number,
    firYear: r.fir_year,
    firLabel: firLabel(r),
    branchId: r.branch_id,
    district: r.district,
    province: r.province,
    offenceCodes: r.offence_codes ?? [],
    reportedAt: r.reported_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function getCase(ctx: ServiceContext, id: string) {
  const base = await ctx.db
    .selectFrom('cases')
    .innerJoin('branches', 'branches.id', 'cases.branch_id')
    .selectAll('cases')
    .select(['branches.district', 'branches.province'])
    .select((eb) => eb.selectFrom('case_offences').select(sql<string[]>`array_agg(offence_code ORDER BY offence_code)`.as('codes')).whereRef('case_offences.case_id', '=', 'cases.id').as('offence_codes'))
    .where('cases.id', '=', id)
    .where(caseVisibleTo(ctx.actor))
    .executeTakeFirst();
  if (!base) throw notFound('case');
  const offenceDistrict = await ctx.db.selectFrom('districts').select(['id', 'name', 'province']).where('id', '=', base.district_id).executeTakeFirstOrThrow();
  const [team, history] = await Promise.all([
    ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select(['users.id', 'users.display_name', 'users.role', 'case_team.team_role']).where('case_team.case_id', '=', id).orderBy('users.display_name').execute(),
    ctx.db.selectFrom('case_status_history').leftJoin('users', 'users.id', 'case_status_history.actor_id').select(['from_status', 'to_status', 'reason', 'case_status_history.code', 'case_status_history.params', 'users.display_name', 'at']).where('case_id', '=', id).orderBy('at').orderBy('case_status_history.id').execute(),
  ]);
  const status = base.status as CaseStatus;
  return {
    ...toSummary(base),
    summary: base.summary,
    offenceDistrict,
    firRegisteredAt: iso(base.fir_registered_at),
    challanSubmittedAt: iso(base.challan_submitted_at),
    team: team.map((t) => ({ userId: t.id, displayName: t.display_name, role: t.role, teamRole: t.team_role })),
    history: history.map((h) => ({ from: h.from_status, to: h.to_status, reason: h.reason, code: h.code, params: h.params, actor: h.display_name, at: h.at.toISOString() })),
    allowedNextSteps: allowedNextSteps(status, ctx.actor.role),
  };
}

async function assertOffencesExist(tx: Tx, codes: string[]) {
  const found = await tx.selectFrom('offences').select('code').where('code', 'in', codes).execute();
  const known = new Set(found.map((f) => f.code));
  const missing = codes.filter((c) => !known.has(c));
  if (missing.length) throw invalid('offenceCodes', `unknown offence code(s): ${missing.join(', ')}`);
}

export async function createCase(ctx: ServiceContext, input: CreateCaseInput): Promise<string> {
  const { actor } = ctx;
  // Investigators and supervisors open cases in their own branch only.
  if (actor.branchId !== input.branchId) throw new AppError('forbidden', 'you can open cases only in your own branch', [{ field: 'branchId', message: 'not your branch' }]);
  const offenceCodes = [...new Set(input.offenceCodes)];
  if (input.reportedAt) assertDate(ctx, 'reportedAt', new Date(input.reportedAt), { kind: 'happened' });
  return inTransaction(ctx, async (tx, audit) => {
    const branch = await tx.selectFrom('branches').select('id').where('id', '=', input.branchId).executeTakeFirst();
    if (!branch) throw invalid('branchId', 'unknown branch');
    await assertOffencesExist(tx, offenceCodes);
    if (input.districtId !== undefined) await assertDistrictExists(tx, input.districtId);
    const reportedAt = input.reportedAt ? new Date(input.reportedAt) : new Date();
    const row = await tx
      .insertInto('cases')
      .values({ branch_id: input.branchId, title: input.title, summary: input.summary, status: 'complaint_received', reported_at: reportedAt, created_by: actor.id, ...(input.districtId !== undefined ? { district_id: input.districtId } : {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('case_offences').values(offenceCodes.map((code) => ({ case_id: row.id, offence_code: code }))).execute();
    await tx.insertInto('case_team').values({ case_id: row.id, user_id: actor.id, team_role: 'lead' }).execute();
    await tx.insertInto('case_status_history').values({ case_id: row.id, from_status: null, to_status: 'complaint_received', ...historyReason('statusComplaintReceived', {}), actor_id: actor.id, at: reportedAt }).execute();
    await audit({ action: 'case.create', entityType: 'case', entityId: row.id, details: { title: input.title, branchId: input.branchId, districtId: input.districtId ?? null, offenceCodes } });
    return row.id;
  });
}

/** The district where the offence happened must be one of the districts table (400 naming the field). */
async function assertDistrictExists(tx: Tx, districtId: number) {
  const found = await tx.selectFrom('districts').select('id').where('id', '=', districtId).executeTakeFirst();
  if (!found) throw invalid('districtId', 'unknown district');
}

export async function updateCase(ctx: ServiceContext, id: string, input: { title?: string; summary?: string; offenceCodes?: string[]; districtId?: number }): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    // Locked: two edits of the offence list must not interleave their delete and insert.
    await requireCaseAccess(tx, ctx.actor, id, { lock: true });
    const before = await tx.selectFrom('cases').select(['title', 'summary', 'district_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const beforeCodes = (await tx.selectFrom('case_offences').select('offence_code').where('case_id', '=', id).orderBy('offence_code').execute()).map((o) => o.offence_code);
    const codes = input.offenceCodes ? [...new Set(input.offenceCodes)].sort() : undefined;
    if (codes) await assertOffencesExist(tx, codes);
    if (input.districtId !== undefined) await assertDistrictExists(tx, input.districtId);
    const set: { title?: string; summary?: string; district_id?: number; updated_at: Date } = { updated_at: new Date() };
    if (input.title !== undefined) set.title = input.title;
    if (input.summary !== undefined) set.summary = input.summary;
    if (input.districtId !== undefined) set.district_id = input.districtId;
    await tx.updateTable('cases').set(set).where('id', '=', id).execute();
    if (codes) {
      await tx.deleteFrom('case_offences').where('case_id', '=', id).execute();
      await tx.insertInto('case_offences').values(codes.map((code) => ({ case_id: id, offence_code: code }))).execute();
    }
    // The earlier values stay readable on the case's corrections list.
    const changes = changesOf(
      { title: before.title, summary: before.summary, districtId: before.district_id, offenceCodes: beforeCodes },
      { title: input.title, summary: input.summary, districtId: input.districtId, offenceCodes: codes },
    );
    await recordCorrections(tx, ctx, { kind: 'case', id, caseId: id }, changes);
    await audit({ action: 'case.update', entityType: 'case', entityId: id, details: { changed: Object.keys(input), corrections: changes } });
  });
}

export async function transitionCase(ctx: ServiceContext, id: string, input: { to: CaseStatus; reason: string; firNumber?: number | string; at?: string }): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    // The row is locked before its status is read: two transitions of one case cannot both start from it.
    const current = await requireCaseAccess(tx, ctx.actor, id, { lock: true });
    const from = current.status;
    if (!isCaseStatus(from)) throw new AppError('internal', `case has unknown status ${from}`);
    const check = checkTransition(from, input.to, ctx.actor.role);
    if (!check.ok) throw new AppError('illegal_transition', check.reason, [{ field: 'to', message: check.reason }]);
    const at = input.at ? new Date(input.at) : new Date();
    // Dated when it happened: not in the future, not before the complaint nor the step before it.
    const last = await tx.selectFrom('case_status_history').select('at').where('case_id', '=', id).orderBy('at', 'desc').limit(1).executeTakeFirst();
    const dates = await caseDates(tx, id);
    assertDate(ctx, 'at', at, {
      kind: 'happened',
      notBefore: [{ at: dates.reportedAt, message: dateMessages.beforeComplaint }, last ? { at: last.at, message: dateMessages.beforePrevious } : null],
    });
    const set: Record<string, unknown> = { status: input.to, updated_at: new Date() };
    if (input.to === 'fir_registered') {
      const fir = input.firNumber === undefined ? null : parseFir(input.firNumber);
      if (!fir) throw invalid('firNumber', input.firNumber === undefined ? fieldMessages.firRequired : fieldMessages.firFormat);
      const year = at.getUTCFullYear();
      if (fir.year !== null && fir.year !== year) throw invalid('firNumber', renderMessage('firYear', { year }));
      const firNumber = fir.number;
      // Whether the number is free is a question about other cases: serialise it per branch and year.
      await advisoryXactLock(tx, LOCK_CLASS.firNumber, `${current.branch_id}:${year}`);
      const clash = await tx.selectFrom('cases').select('id').where('branch_id', '=', current.branch_id).where('fir_year', '=', year).where('fir_number', '=', firNumber).executeTakeFirst();
      if (clash) throw conflict(`FIR ${firNumber}/${year} already exists in this branch`, 'firNumber');
      Object.assign(set, { fir_number: firNumber, fir_year: year, fir_registered_at: at });
    } else if (input.firNumber !== undefined) {
      throw invalid('firNumber', fieldMessages.firOnlyOnRegistration);
    }
    if (input.to === 'challan_submitted') set.challan_submitted_at = at;
    await tx.updateTable('cases').set(set).where('id', '=', id).execute();
    await tx.insertInto('case_status_history').values({ case_id: id, from_status: from, to_status: input.to, ...officerReason(input.reason), actor_id: ctx.actor.id, at }).execute();
    await audit({ action: 'case.transition', entityType: 'case', entityId: id, details: { from, to: input.to, reason: input.reason, firNumber: input.firNumber === undefined ? undefined : parseFir(input.firNumber)?.number } });
  });
}

export async function setTeam(ctx: ServiceContext, id: string, members: Array<{ userId: string; teamRole: 'lead' | 'member' | 'prosecutor' }>): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    // Locked: two team changes must not interleave their delete and insert (the team would be a mixture).
    const c = await requireCaseAccess(tx, ctx.actor, id, { lock: true });
    if (ctx.actor.role !== 'supervisor' || ctx.actor.branchId !== c.branch_id) throw forbidden('only the branch supervisor assigns the team');
    const ids = [...new Set(members.map((m) => m.userId))];
    const users = ids.length ? await tx.selectFrom('users').select(['id', 'role', 'branch_id', 'disabled']).where('id', 'in', ids).execute() : [];
    for (const m of members) {
      const u = users.find((x) => x.id === m.userId);
      if (!u || u.disabled) throw invalid('members', `unknown user ${m.userId}`);
      const fits = m.teamRole === 'prosecutor' ? u.role === 'prosecutor' : (u.role === 'investigator' || u.role === 'supervisor') && u.branch_id === c.branch_id;
      if (!fits) throw invalid('members', `user ${m.userId} cannot be ${m.teamRole} on this case`);
    }
    await tx.deleteFrom('case_team').where('case_id', '=', id).execute();
    if (members.length) await tx.insertInto('case_team').values(members.map((m) => ({ case_id: id, user_id: m.userId, team_role: m.teamRole }))).execute();
    await audit({ action: 'case.team.set', entityType: 'case', entityId: id, details: { members } });
  });
}

export async function listTimeline(ctx: ServiceContext, id: string, page: { limit: number; offset: number }) {
  await requireCaseAccess(ctx.db, ctx.actor, id);
  const query = ctx.db.selectFrom('case_events').where('case_id', '=', id);
  const [rows, total] = await Promise.all([
    query.leftJoin('users', 'users.id', 'case_events.actor_id').select(['case_events.id', 'kind', 'body', 'case_events.code', 'case_events.params', 'occurred_at', 'users.display_name']).orderBy('occurred_at', 'desc').orderBy('case_events.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ id: r.id, kind: r.kind, body: r.body, code: r.code, params: r.params, occurredAt: r.occurred_at.toISOString(), actor: r.display_name })), total: Number(total.n), ...page };
}

export async function addTimelineEntry(ctx: ServiceContext, id: string, input: { kind: 'note' | 'event'; body: string; occurredAt?: string }): Promise<number> {
  if (ctx.actor.role === 'analyst') throw forbidden('analysts read cases but do not write to them');
  if (input.occurredAt) assertDate(ctx, 'occurredAt', new Date(input.occurredAt), { kind: 'happened' });
  return inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, id);
    const eventId = await recordCaseEvent(tx, { caseId: id, kind: input.kind, text: { officerText: input.body }, occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(), actorId: ctx.actor.id });
    await tx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', id).execute();
    await audit({ action: 'case.timeline.add', entityType: 'case', entityId: id, details: { eventId, kind: input.kind } });
    return eventId;
  });
}
