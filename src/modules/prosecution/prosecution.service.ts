import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.ts';
import type { Tx } from '../../platform/db/database.ts';
import { assertNotFuture } from '../evidence/evidence.service.ts';
import { accusedRoles, isCourtOutcome } from '../persons/accused.rules.ts';
import { findAccused, setAccusedStatus } from '../persons/accused.service.ts';
import { assertCaseEventDate } from '../cases/case-dates.ts';
import { MAX_YEARS_AHEAD, dateMessages } from '../cases/dates.rules.ts';
import { isCaseStatus, type CaseStatus } from '../cases/case.lifecycle.ts';
import { changesOf, recordCorrections } from '../corrections/correction.service.ts';
import { caseStatusAfterJudgment, checkAppealFiling, checkChargeAllowed, checkVerdictAllowed, outcomeAfterAppeal, type Outcome, type RuleCheck } from './judgment.rules.ts';
import { MAX_SENTENCE_MONTHS, type AppealInput, type ChargeInput, type DecideAppealInput, type HearingInput, type UpdateHearingInput, type VerdictInput } from './prosecution.schema.ts';
import { historyReason, recordCaseEvent } from '../cases/case-events.ts';
import type { EventCode, EventParams } from '../../platform/text/event-texts.schema.ts';

type ServerText = { code: EventCode; params: EventParams };

// Charges, hearings, verdicts and appeals of a case. Written by the prosecutor on the case team (the
// route needs prosecution.write; requireCaseAccess lets a prosecutor see only the cases whose team they
// are on); read by everyone who can see the case. The rules of judgment.rules.ts hold here: a charge and a
// verdict only while the case is in trial; a verdict, an appeal and its decision move the accused and the
// case together, in the transaction that records them, each step with its history row.

const SKEW_MS = 5 * 60_000;

function refuse(check: RuleCheck, field: string): void {
  if (!check.ok) throw new AppError('illegal_transition', check.reason, [{ field, message: check.reason }]);
}

function statusOf(c: { status: string }): CaseStatus {
  if (!isCaseStatus(c.status)) throw new AppError('internal', `case has unknown status ${c.status}`);
  return c.status;
}

/** Moves the case (locked by the caller) one step with its history row, when the step changes anything. */
async function moveCase(tx: Tx, actor: Actor, caseId: string, from: CaseStatus, to: CaseStatus, reason: ServerText, at: Date, field: string): Promise<void> {
  if (from === to) return;
  // The case's history stays in order: the step is not dated before the step it follows.
  const last = await tx.selectFrom('case_status_history').select('at').where('case_id', '=', caseId).orderBy('at', 'desc').limit(1).executeTakeFirst();
  if (last && at < last.at) throw invalid(field, dateMessages.beforePrevious);
  await tx.updateTable('cases').set({ status: to, updated_at: new Date() }).where('id', '=', caseId).execute();
  await tx.insertInto('case_status_history').values({ case_id: caseId, from_status: from, to_status: to, ...historyReason(reason.code, reason.params), actor_id: actor.id, at }).execute();
}

/**
 * The case's judgment status from what is recorded now: the standing outcome of every accused with a verdict
 * (their status, which only verdicts and appeals' decisions set) and the appeals still pending.
 */
async function applyJudgment(tx: Tx, actor: Actor, caseId: string, reason: ServerText, at: Date, field: string): Promise<void> {
  const c = await tx.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
  const withVerdict = await tx.selectFrom('verdicts').select('person_id').where('case_id', '=', caseId).execute();
  const accused = await findAccused(tx, caseId, withVerdict.map((v) => v.person_id));
  const outcomes = [...accused.values()].map((a) => a.status).filter(isCourtOutcome);
  const pending = await tx.selectFrom('appeals').innerJoin('verdicts', 'verdicts.id', 'appeals.verdict_id')
    .select((eb) => eb.fn.countAll<number>().as('n')).where('verdicts.case_id', '=', caseId).where('appeals.status', '=', 'pending').executeTakeFirstOrThrow();
  const to = caseStatusAfterJudgment(outcomes, Number(pending.n));
  if (to) await moveCase(tx, actor, caseId, statusOf(c), to, reason, at, field);
}

async function caseEvent(tx: Tx, actor: Actor, caseId: string, text: ServerText, at: Date) {
  await recordCaseEvent(tx, { caseId, kind: 'prosecution', text, occurredAt: at, actorId: actor.id });
  await tx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', caseId).execute();
}

export async function addCharge(ctx: ServiceContext, caseId: string, input: ChargeInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    // Locked: the duplicate check below and the insert see the same charges.
    const c = await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    const caseStatus = statusOf(c);
    refuse(checkChargeAllowed(caseStatus), 'caseStatus');
    const framedAt = new Date(input.framedAt);
    await assertCaseEventDate(ctx, tx, caseId, 'framedAt', framedAt, { court: true });
    const accused = (await findAccused(tx, caseId, [input.personId])).get(input.personId);
    if (!accused) throw invalid('personId', 'only an accused person of this case can be charged');
    const offence = await tx.selectFrom('offences').select(['code', 'title']).where('code', '=', input.offenceCode).executeTakeFirst();
    if (!offence) throw invalid('offenceCode', `unknown offence code ${input.offenceCode}`);
    const dup = await tx.selectFrom('charges').select('id').where('case_id', '=', caseId).where('person_id', '=', input.personId).where('offence_code', '=', input.offenceCode).executeTakeFirst();
    if (dup) throw conflict(`${accused.displayName} is already charged under ${input.offenceCode} in this case`, 'offenceCode');
    const row = await tx
      .insertInto('charges')
      .values({ case_id: caseId, person_id: input.personId, offence_code: input.offenceCode, court: input.court, framed_at: framedAt, created_by: ctx.actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await caseEvent(tx, ctx.actor, caseId, { code: 'chargeFramed', params: { person: accused.displayName, offence: offence.code, offenceTitle: offence.title, court: input.court } }, framedAt);
    if (caseStatus === 'in_trial') await moveCase(tx, ctx.actor, caseId, caseStatus, 'charge_framed', { code: 'statusChargeFramed', params: { person: accused.displayName } }, framedAt, 'framedAt');
    await audit({ action: 'prosecution.charge', entityType: 'charge', entityId: row.id, details: { caseId, personId: input.personId, offenceCode: input.offenceCode, court: input.court, framedAt: input.framedAt } });
    return row.id;
  });
}

export async function addHearing(ctx: ServiceContext, caseId: string, input: HearingInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId);
    const scheduledFor = new Date(input.scheduledFor);
    await assertCaseEventDate(ctx, tx, caseId, 'scheduledFor', scheduledFor, { kind: 'scheduled', court: true, maxYearsAhead: MAX_YEARS_AHEAD.hearing });
    if (input.outcome !== undefined && scheduledFor.getTime() > Date.now() + SKEW_MS) throw invalid('outcome', 'the hearing has not taken place yet');
    const row = await tx
      .insertInto('hearings')
      .values({ case_id: caseId, court: input.court, scheduled_for: scheduledFor, purpose: input.purpose, outcome: input.outcome ?? null, created_by: ctx.actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({ action: 'prosecution.hearing.add', entityType: 'hearing', entityId: row.id, details: { caseId, court: input.court, scheduledFor: input.scheduledFor, purpose: input.purpose, hasOutcome: input.outcome !== undefined } });
    return row.id;
  });
}

export async function updateHearing(ctx: ServiceContext, id: string, input: UpdateHearingInput): Promise<string> {
  const changed = Object.keys(input).filter((k) => input[k as keyof UpdateHearingInput] !== undefined);
  if (!changed.length) throw invalid('body', 'nothing to change');
  return inTransaction(ctx, async (tx, audit) => {
    const visible = await tx.selectFrom('hearings').innerJoin('cases', 'cases.id', 'hearings.case_id').select(['hearings.id', 'hearings.case_id']).where('hearings.id', '=', id).where(caseVisibleTo(ctx.actor)).executeTakeFirst();
    if (!visible) throw notFound('hearing');
    // The case, then the hearing, locked before the hearing is read (the change merges into what is stored).
    await requireCaseAccess(tx, ctx.actor, visible.case_id, { lock: true });
    const h = await tx.selectFrom('hearings').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirstOrThrow();
    const scheduledFor = input.scheduledFor ? new Date(input.scheduledFor) : h.scheduled_for;
    if (input.scheduledFor) await assertCaseEventDate(ctx, tx, h.case_id, 'scheduledFor', scheduledFor, { kind: 'scheduled', court: true, maxYearsAhead: MAX_YEARS_AHEAD.hearing });
    const outcome = input.outcome === undefined ? h.outcome : input.outcome;
    if (outcome !== null && scheduledFor.getTime() > Date.now() + SKEW_MS) throw invalid('outcome', 'the hearing has not taken place yet');
    await tx
      .updateTable('hearings')
      .set({ court: input.court ?? h.court, scheduled_for: scheduledFor, purpose: input.purpose ?? h.purpose, outcome })
      .where('id', '=', id)
      .execute();
    if (input.outcome) await caseEvent(tx, ctx.actor, h.case_id, { code: 'hearingOutcome', params: { court: input.court ?? h.court, outcome: input.outcome } }, scheduledFor);
    // The earlier values stay readable on the case's corrections list.
    await recordCorrections(tx, ctx, { kind: 'hearing', id, caseId: h.case_id }, changesOf(
      { court: h.court, scheduledFor: h.scheduled_for, purpose: h.purpose, outcome: h.outcome },
      { court: input.court, scheduledFor: input.scheduledFor !== undefined ? scheduledFor : undefined, purpose: input.purpose, outcome: input.outcome },
    ));
    await audit({ action: 'prosecution.hearing.update', entityType: 'hearing', entityId: id, details: { caseId: h.case_id, changed } });
    return h.case_id;
  });
}

export async function recordVerdict(ctx: ServiceContext, caseId: string, input: VerdictInput): Promise<string> {
  // The rules that need no database come first.
  const convicted = input.outcome === 'convicted';
  if (!convicted && input.sentence) throw invalid('sentence', 'a sentence is given only on conviction');
  if (!convicted && input.fineRupees !== undefined) throw invalid('fineRupees', 'a fine is imposed only on conviction');
  const sentenceMonths = input.sentence ? input.sentence.years * 12 + input.sentence.months : null;
  if (sentenceMonths !== null && sentenceMonths > MAX_SENTENCE_MONTHS) throw invalid('sentence', 'a sentence is at most 100 years');
  const decidedAt = new Date(input.decidedAt);
  assertNotFuture('decidedAt', decidedAt);
  return inTransaction(ctx, async (tx, audit) => {
    // Locked before the duplicate check and the accused's status are read: one verdict per person, and the
    // status history starts from the status the verdict replaces.
    const c = await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    refuse(checkVerdictAllowed(statusOf(c)), 'outcome');
    const charges = await tx.selectFrom('charges').select(['framed_at']).where('case_id', '=', caseId).where('person_id', '=', input.personId).execute();
    if (!charges.length) throw invalid('personId', 'a verdict is recorded only for a person charged in this case');
    const firstFramed = charges.reduce((min, c) => (c.framed_at < min ? c.framed_at : min), charges[0]!.framed_at);
    if (decidedAt < firstFramed) throw invalid('decidedAt', 'must not be before the charge was framed');
    const dup = await tx.selectFrom('verdicts').select('id').where('case_id', '=', caseId).where('person_id', '=', input.personId).executeTakeFirst();
    if (dup) throw conflict('a verdict is already recorded for this person in this case; an appeal changes it', 'personId');
    const person = await tx.selectFrom('persons').select('display_name').where('id', '=', input.personId).executeTakeFirstOrThrow();
    // The verdict is the court's fact: it is recorded whatever custody stage was last entered for the person.
    const accused = (await findAccused(tx, caseId, [input.personId], { lock: true })).get(input.personId);
    const row = await tx
      .insertInto('verdicts')
      .values({
        case_id: caseId, person_id: input.personId, outcome: input.outcome, court: input.court, decided_at: decidedAt,
        sentence_months: sentenceMonths, fine_rupees: convicted ? input.fineRupees ?? null : null, created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setAccusedStatus(tx, ctx.actor, { caseId, personId: input.personId, from: accused?.status ?? null, to: input.outcome, reason: `${input.outcome} by ${input.court}`, at: decidedAt });
    const said = { person: person.display_name, court: input.court };
    const event: ServerText = input.outcome === 'acquitted' ? { code: 'verdictAcquitted', params: said }
      : input.sentence ? { code: 'verdictConvictedSentenced', params: { ...said, years: input.sentence.years, months: input.sentence.months } }
      : { code: 'verdictConvicted', params: said };
    await caseEvent(tx, ctx.actor, caseId, event, decidedAt);
    await applyJudgment(tx, ctx.actor, caseId, { code: input.outcome === 'acquitted' ? 'statusJudgmentAcquitted' : 'statusJudgmentConvicted', params: said }, decidedAt, 'decidedAt');
    await audit({
      action: 'prosecution.verdict',
      entityType: 'verdict',
      entityId: row.id,
      details: { caseId, personId: input.personId, outcome: input.outcome, court: input.court, decidedAt: input.decidedAt, sentenceMonths, fineRupees: input.fineRupees ?? null },
    });
    return row.id;
  });
}

export async function fileAppeal(ctx: ServiceContext, verdictId: string, input: AppealInput): Promise<string> {
  const filedAt = new Date(input.filedAt);
  assertNotFuture('filedAt', filedAt);
  return inTransaction(ctx, async (tx, audit) => {
    const v = await tx
      .selectFrom('verdicts').innerJoin('cases', 'cases.id', 'verdicts.case_id')
      .select(['verdicts.id', 'verdicts.case_id', 'verdicts.decided_at', 'verdicts.person_id', 'verdicts.outcome'])
      .where('verdicts.id', '=', verdictId).where(caseVisibleTo(ctx.actor)).executeTakeFirst();
    if (!v) throw notFound('verdict');
    // Locked before the pending-appeal check: two appeals by the same side cannot both find none pending.
    await requireCaseAccess(tx, ctx.actor, v.case_id, { lock: true });
    if (filedAt < v.decided_at) throw invalid('filedAt', 'an appeal is filed after the verdict');
    const standing = (await findAccused(tx, v.case_id, [v.person_id], { lock: true })).get(v.person_id)?.status;
    refuse(checkAppealFiling(isCourtOutcome(standing ?? null) ? (standing as Outcome) : v.outcome, input.filedBy), 'filedBy');
    const pending = await tx.selectFrom('appeals').select('id').where('verdict_id', '=', verdictId).where('filed_by', '=', input.filedBy).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw conflict(`the ${input.filedBy} already has an appeal pending against this verdict`, 'filedBy');
    const row = await tx
      .insertInto('appeals')
      .values({ verdict_id: verdictId, court: input.court, filed_at: filedAt, filed_by: input.filedBy, status: 'pending', created_by: ctx.actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await caseEvent(tx, ctx.actor, v.case_id, { code: 'appealFiled', params: { side: input.filedBy, court: input.court } }, filedAt);
    await applyJudgment(tx, ctx.actor, v.case_id, { code: 'statusAppealFiled', params: { side: input.filedBy, court: input.court } }, filedAt, 'filedAt');
    await audit({ action: 'prosecution.appeal.file', entityType: 'appeal', entityId: row.id, details: { caseId: v.case_id, verdictId, court: input.court, filedBy: input.filedBy, filedAt: input.filedAt } });
    return v.case_id;
  });
}

export async function decideAppeal(ctx: ServiceContext, appealId: string, input: DecideAppealInput): Promise<string> {
  const decidedAt = new Date(input.decidedAt);
  assertNotFuture('decidedAt', decidedAt);
  return inTransaction(ctx, async (tx, audit) => {
    const visible = await tx
      .selectFrom('appeals').innerJoin('verdicts', 'verdicts.id', 'appeals.verdict_id').innerJoin('cases', 'cases.id', 'verdicts.case_id')
      .select(['appeals.id', 'verdicts.case_id', 'verdicts.person_id', 'verdicts.outcome'])
      .where('appeals.id', '=', appealId).where(caseVisibleTo(ctx.actor)).executeTakeFirst();
    if (!visible) throw notFound('appeal');
    await requireCaseAccess(tx, ctx.actor, visible.case_id, { lock: true });
    const a = await tx.selectFrom('appeals').selectAll().where('id', '=', appealId).forNoKeyUpdate().executeTakeFirstOrThrow();
    if (a.status !== 'pending') throw new AppError('illegal_transition', `the appeal is already ${a.status}`, [{ field: 'status', message: `already ${a.status}` }]);
    if (decidedAt < a.filed_at) throw invalid('decidedAt', 'must not be before the appeal was filed');
    await tx.updateTable('appeals').set({ status: input.status, decided_at: decidedAt }).where('id', '=', appealId).execute();
    // The accused's standing outcome follows the decision (history row), then the case follows the accused.
    const accused = (await findAccused(tx, visible.case_id, [visible.person_id], { lock: true })).get(visible.person_id);
    const standing: Outcome = isCourtOutcome(accused?.status ?? null) ? (accused!.status as Outcome) : visible.outcome;
    const after = outcomeAfterAppeal(standing, a.filed_by, input.status);
    if (accused && after !== accused.status) {
      await setAccusedStatus(tx, ctx.actor, { caseId: visible.case_id, personId: visible.person_id, from: accused.status, to: after, reason: `${after} on appeal by ${a.court}`, at: decidedAt });
    }
    await caseEvent(tx, ctx.actor, visible.case_id, { code: 'appealDecided', params: { court: a.court, status: input.status } }, decidedAt);
    await applyJudgment(tx, ctx.actor, visible.case_id, { code: 'statusAppealDecided', params: { court: a.court, status: input.status } }, decidedAt, 'decidedAt');
    await audit({ action: 'prosecution.appeal.decide', entityType: 'appeal', entityId: appealId, details: { caseId: visible.case_id, status: input.status, decidedAt: input.decidedAt } });
    return visible.case_id;
  });
}

export async function getProsecution(ctx: ServiceContext, caseId: string) {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  const [charges, hearings, verdicts, appeals, accused] = await Promise.all([
    ctx.db.selectFrom('charges')
      .innerJoin('persons', 'persons.id', 'charges.person_id')
      .innerJoin('offences', 'offences.code', 'charges.offence_code')
      .select(['charges.id', 'charges.person_id', 'persons.display_name', 'charges.offence_code', 'offences.title', 'offences.law', 'offences.section', 'charges.court', 'charges.framed_at'])
      .where('charges.case_id', '=', caseId)
      .orderBy('charges.framed_at').orderBy('persons.display_name').orderBy('charges.offence_code')
      .execute(),
    ctx.db.selectFrom('hearings').selectAll().where('case_id', '=', caseId).orderBy('scheduled_for').orderBy('id').execute(),
    ctx.db.selectFrom('verdicts').innerJoin('persons', 'persons.id', 'verdicts.person_id')
      .selectAll('verdicts').select('persons.display_name')
      .where('verdicts.case_id', '=', caseId)
      .orderBy('verdicts.decided_at').orderBy('persons.display_name')
      .execute(),
    ctx.db.selectFrom('appeals').innerJoin('verdicts', 'verdicts.id', 'appeals.verdict_id')
      .selectAll('appeals')
      .where('verdicts.case_id', '=', caseId)
      .orderBy('appeals.filed_at').orderBy('appeals.id')
      .execute(),
    ctx.db.selectFrom('case_persons').innerJoin('persons', 'persons.id', 'case_persons.person_id')
      .select(['persons.id', 'persons.display_name', 'case_persons.accused_status'])
      .where('case_persons.case_id', '=', caseId).where('case_persons.role', 'in', [...accusedRoles])
      .orderBy('persons.display_name')
      .execute(),
  ]);
  const charged = new Set(charges.map((c) => c.person_id));
  const accusedById = new Map<string, { id: string; displayName: string; status: string | null; charged: boolean }>();
  for (const a of accused) {
    const seen = accusedById.get(a.id);
    if (!seen || (seen.status === null && a.accused_status !== null)) accusedById.set(a.id, { id: a.id, displayName: a.display_name, status: a.accused_status, charged: charged.has(a.id) });
  }
  return {
    caseId,
    charges: charges.map((c) => ({
      id: c.id, person: { id: c.person_id, displayName: c.display_name }, offenceCode: c.offence_code, offenceTitle: c.title, law: c.law, section: c.section, court: c.court, framedAt: c.framed_at.toISOString(),
    })),
    hearings: hearings.map((h) => ({ id: h.id, court: h.court, scheduledFor: h.scheduled_for.toISOString(), purpose: h.purpose, outcome: h.outcome })),
    verdicts: verdicts.map((v) => ({
      id: v.id,
      person: { id: v.person_id, displayName: v.display_name },
      outcome: v.outcome,
      court: v.court,
      decidedAt: v.decided_at.toISOString(),
      sentenceMonths: v.sentence_months,
      sentence: v.sentence_months === null ? null : { years: Math.floor(v.sentence_months / 12), months: v.sentence_months % 12 },
      fineRupees: v.fine_rupees,
      appeals: appeals.filter((a) => a.verdict_id === v.id).map((a) => ({
        id: a.id, verdictId: a.verdict_id, court: a.court, filedAt: a.filed_at.toISOString(), filedBy: a.filed_by, status: a.status, decidedAt: a.decided_at ? a.decided_at.toISOString() : null,
      })),
    })),
    accused: [...accusedById.values()],
  };
}
