import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { WarrantKind, WarrantStatus } from '../../platform/db/schema.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { assertCaseEventDate } from '../cases/case-dates.ts';
import { findAccused } from '../persons/accused.service.ts';
import { accusedRoles } from '../persons/accused.rules.ts';
import { changesOf, recordCorrections } from '../corrections/correction.service.ts';
import { finalStatuses, foreignKinds, type CreateWarrantInput, type UpdateWarrantInput, type WarrantView } from './warrant.schema.ts';
import { recordCaseEvent } from '../cases/case-events.ts';

// Warrants and notices of an accused person on a case. Written by whoever may write the case's persons, read
// by whoever may read the case; every correction keeps the earlier value (record_corrections). The old single
// flag case_persons.foreign_warrant_requested follows the warrants: set while a foreign warrant or notice is
// requested or issued.


type Row = { id: string; case_id: string; person_id: string; display_name: string; kind: WarrantKind; status: WarrantStatus; issued_on: string | null; country: string | null; reference: string | null; notes: string; created_at: Date; updated_at: Date };
const toView = (r: Row): WarrantView => ({
  id: r.id, caseId: r.case_id, personId: r.person_id, personName: r.display_name, kind: r.kind, status: r.status, issuedOn: r.issued_on, country: r.country,
  reference: r.reference, notes: r.notes, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

function selectWarrants(db: Db | Tx) {
  return db.selectFrom('warrants').innerJoin('persons', 'persons.id', 'warrants.person_id')
    .select(['warrants.id', 'warrants.case_id', 'warrants.person_id', 'persons.display_name', 'warrants.kind', 'warrants.status', 'warrants.issued_on', 'warrants.country', 'warrants.reference', 'warrants.notes', 'warrants.created_at', 'warrants.updated_at']);
}

/** Keeps case_persons.foreign_warrant_requested in step with the person's warrants on the case. */
export async function syncWarrantFlag(tx: Tx, caseId: string, personId: string): Promise<void> {
  const active = await tx.selectFrom('warrants').select('id').where('case_id', '=', caseId).where('person_id', '=', personId)
    .where('kind', 'in', [...foreignKinds] as WarrantKind[]).where('status', 'in', ['requested', 'issued']).limit(1).executeTakeFirst();
  await tx.updateTable('case_persons').set({ foreign_warrant_requested: Boolean(active) })
    .where('case_id', '=', caseId).where('person_id', '=', personId).where('role', 'in', [...accusedRoles]).execute();
}

/** The old "foreign warrant / red notice requested" switch, written as warrants (used by the older endpoints). */
export async function setForeignRequest(tx: Tx, actor: Actor, caseId: string, personId: string, requested: boolean): Promise<void> {
  const active = await tx.selectFrom('warrants').select('id').where('case_id', '=', caseId).where('person_id', '=', personId)
    .where('kind', 'in', [...foreignKinds] as WarrantKind[]).where('status', 'in', ['requested', 'issued']).execute();
  if (requested && !active.length) {
    await tx.insertInto('warrants').values({ case_id: caseId, person_id: personId, kind: 'foreign_request', status: 'requested', created_by: actor.id }).execute();
  }
  if (!requested && active.length) {
    const ids = active.map((a) => a.id);
    for (const id of ids) await recordCorrections(tx, { actor }, { kind: 'warrant', id, caseId }, [{ field: 'status', before: 'requested', after: 'withdrawn' }]);
    await tx.updateTable('warrants').set({ status: 'withdrawn', updated_at: new Date() }).where('id', 'in', ids).execute();
  }
  await syncWarrantFlag(tx, caseId, personId);
}

function checkShape(w: { kind: string; status: string; issuedOn?: string | null; country?: string | null }) {
  if ((w.status === 'issued' || w.status === 'executed') && !w.issuedOn) throw invalid('issuedOn', 'required once the warrant is issued');
  if (w.kind === 'foreign_arrest_warrant' && !w.country) throw invalid('country', 'required for a foreign arrest warrant');
}

async function checkIssuedOn(ctx: ServiceContext, tx: Tx, caseId: string, issuedOn: string | null | undefined) {
  if (issuedOn) await assertCaseEventDate(ctx, tx, caseId, 'issuedOn', new Date(`${issuedOn}T00:00:00+05:00`));
}

export async function listWarrants(ctx: ServiceContext, caseId: string): Promise<{ items: WarrantView[] }> {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  const rows = await selectWarrants(ctx.db).where('warrants.case_id', '=', caseId).orderBy('persons.display_name').orderBy('warrants.created_at').orderBy('warrants.id').execute();
  return { items: rows.map(toView) };
}

export async function createWarrant(ctx: ServiceContext, caseId: string, personId: string, input: CreateWarrantInput): Promise<string> {
  checkShape(input);
  return inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    const accused = (await findAccused(tx, caseId, [personId], { lock: true })).get(personId);
    if (!accused) throw notFound('accused person on this case');
    await checkIssuedOn(ctx, tx, caseId, input.issuedOn);
    const row = await tx.insertInto('warrants').values({
      case_id: caseId, person_id: personId, kind: input.kind, status: input.status, issued_on: input.issuedOn ?? null, country: input.country ?? null,
      reference: input.reference ?? null, notes: input.notes, created_by: ctx.actor.id,
    }).returning('id').executeTakeFirstOrThrow();
    await syncWarrantFlag(tx, caseId, personId);
    await recordCaseEvent(tx, {
      caseId, kind: 'person', occurredAt: new Date(), actorId: ctx.actor.id,
      text: input.reference
        ? { code: 'warrantRecordedReference', params: { person: accused.displayName, kind: input.kind, status: input.status, reference: input.reference } }
        : { code: 'warrantRecorded', params: { person: accused.displayName, kind: input.kind, status: input.status } },
    });
    await tx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', caseId).execute();
    await audit({ action: 'case.person.warrant.create', entityType: 'warrant', entityId: row.id, details: { caseId, personId, kind: input.kind, status: input.status, issuedOn: input.issuedOn, country: input.country, reference: input.reference } });
    return row.id;
  });
}

export async function updateWarrant(ctx: ServiceContext, id: string, input: UpdateWarrantInput): Promise<string> {
  const given = Object.keys(input).filter((k) => input[k as keyof UpdateWarrantInput] !== undefined);
  if (!given.length) throw invalid('body', 'nothing to change');
  return inTransaction(ctx, async (tx, audit) => {
    const visible = await tx.selectFrom('warrants').innerJoin('cases', 'cases.id', 'warrants.case_id').select(['warrants.case_id']).where('warrants.id', '=', id).where(caseVisibleTo(ctx.actor)).executeTakeFirst();
    if (!visible) throw notFound('warrant');
    // The case, then the warrant, locked before the warrant is read.
    await requireCaseAccess(tx, ctx.actor, visible.case_id, { lock: true });
    const w = await tx.selectFrom('warrants').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirstOrThrow();
    if (input.status !== undefined && input.status !== w.status && finalStatuses.has(w.status)) {
      throw new AppError('illegal_transition', `the warrant is already ${w.status}`, [{ field: 'status', message: `already ${w.status}` }]);
    }
    const next = {
      kind: input.kind ?? w.kind,
      status: input.status ?? w.status,
      issuedOn: input.issuedOn !== undefined ? input.issuedOn : w.issued_on,
      country: input.country !== undefined ? input.country : w.country,
      reference: input.reference !== undefined ? input.reference : w.reference,
      notes: input.notes ?? w.notes,
    };
    checkShape(next);
    if (input.issuedOn) await checkIssuedOn(ctx, tx, w.case_id, input.issuedOn);
    await tx.updateTable('warrants').set({ kind: next.kind, status: next.status, issued_on: next.issuedOn, country: next.country, reference: next.reference, notes: next.notes, updated_at: new Date() }).where('id', '=', id).execute();
    const changes = changesOf({ kind: w.kind, status: w.status, issuedOn: w.issued_on, country: w.country, reference: w.reference, notes: w.notes }, input);
    await recordCorrections(tx, ctx, { kind: 'warrant', id, caseId: w.case_id }, changes);
    await syncWarrantFlag(tx, w.case_id, w.person_id);
    await audit({ action: 'case.person.warrant.update', entityType: 'warrant', entityId: id, details: { caseId: w.case_id, personId: w.person_id, corrections: changes } });
    return w.case_id;
  });
}
