import type { ServiceContext } from '../../platform/context.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import type { Tx } from '../../platform/db/database.ts';
import { can } from '../../platform/access/permissions.ts';
import { correctionContext, guardDecrypt } from '../../platform/crypto/sealed-fields.ts';
import type { CorrectedRecordKind } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import { requirePersonAccess } from '../persons/person.scope.ts';
import { firLabel } from '../cases/case.service.ts';
import type { CorrectionEntry, CorrectionsQuery } from './correction.schema.ts';

// Every correction keeps the earlier value: the services call recordCorrections in the transaction of the
// change (before the audit entry), one row per field whose value actually changed. A case's list shows the
// corrections of the case and of what hangs off it (operations, hearings, warrants); a person's and an
// offence's their own.

export interface FieldChange {
  field: string;
  /** As the list shows it to everyone who may read the record (masked for a sealed value). */
  before: unknown;
  after: unknown;
  /** Values kept in full only encrypted (a CNIC, a passport number): shown to readers allowed to see them. */
  sealed?: { before: unknown; after: unknown };
}

const norm = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
const same = (a: unknown, b: unknown) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));

/** The fields of `after` (only those given) whose value differs from `before`. */
export function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (!same(before[field], value)) out.push({ field, before: norm(before[field]), after: norm(value) });
  }
  return out;
}

export async function recordCorrections(
  tx: Tx,
  ctx: Pick<ServiceContext, 'actor'> & Partial<Pick<ServiceContext, 'crypto'>>,
  record: { kind: CorrectedRecordKind; id: string; caseId: string | null },
  changes: FieldChange[],
): Promise<void> {
  if (!changes.length) return;
  const rows = await tx.insertInto('record_corrections').values(changes.map((c) => ({
    case_id: record.caseId,
    record_kind: record.kind,
    record_id: record.id,
    field: c.field,
    before: JSON.stringify(norm(c.before)),
    after: JSON.stringify(norm(c.after)),
    actor_id: ctx.actor.id,
  }))).returning('id').execute();
  // A sealed value is bound to its own row (context record_corrections.sealed:<id>), so it cannot be moved.
  for (const [i, c] of changes.entries()) {
    if (!c.sealed) continue;
    if (!ctx.crypto) throw new Error('a sealed correction needs the field encryption');
    const id = String(rows[i]!.id);
    await tx.updateTable('record_corrections')
      .set({ sealed: ctx.crypto.encryptJson({ before: norm(c.sealed.before), after: norm(c.sealed.after) }, correctionContext(id)), sealed_key_id: ctx.crypto.keyId })
      .where('id', '=', rows[i]!.id).execute();
  }
}

/** Who reads a corrected CNIC or passport number in full (else the masked form): see permissions.ts. */
export function seesIdentifiersInFull(actor: Pick<ServiceContext['actor'], 'role'>): boolean {
  return can(actor.role, 'person.identifiers.full');
}

async function page(ctx: ServiceContext, where: { caseId?: string; kind?: CorrectedRecordKind; recordId?: string }, q: CorrectionsQuery) {
  let query = ctx.db.selectFrom('record_corrections');
  if (where.caseId) query = query.where('record_corrections.case_id', '=', where.caseId);
  if (where.kind) query = query.where('record_corrections.record_kind', '=', where.kind);
  if (where.recordId) query = query.where('record_corrections.record_id', '=', where.recordId);
  if (q.kind) query = query.where('record_corrections.record_kind', '=', q.kind);
  const [rows, total] = await Promise.all([
    query.leftJoin('users', 'users.id', 'record_corrections.actor_id')
      .select(['record_corrections.id', 'record_kind', 'record_id', 'field', 'before', 'after', 'users.display_name', 'at', 'record_corrections.sealed', 'record_corrections.sealed_key_id'])
      .orderBy('record_corrections.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const full = seesIdentifiersInFull(ctx.actor);
  const items: CorrectionEntry[] = rows.map((r) => {
    const open = full && r.sealed && r.sealed_key_id
      ? ctx.crypto.decryptJson<{ before: unknown; after: unknown }>(r.sealed_key_id, r.sealed, correctionContext(String(r.id)))
      : null;
    return {
      id: Number(r.id), recordKind: r.record_kind, recordId: r.record_id, field: r.field,
      before: open ? open.before : r.before, after: open ? open.after : r.after,
      ...(r.sealed ? { masked: !open } : {}),
      actor: r.display_name, at: r.at.toISOString(),
    };
  });
  await labelIds(ctx, items);
  return { items, total: Number(total.n), limit: q.limit, offset: q.offset };
}

/** Fields whose values are ids of other records, and what those ids name. */
const idFields = { officerIds: 'user', caseIds: 'case', districtId: 'district' } as const;

const idsIn = (v: unknown): string[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]).map(String);

/**
 * Puts a name beside every id an entry holds (officers by display name, districts by name, cases by FIR number
 * and title where the caller may read the case, else a neutral phrase that says nothing of it).
 */
async function labelIds(ctx: ServiceContext, items: CorrectionEntry[]): Promise<void> {
  const wanted = { user: new Set<string>(), case: new Set<string>(), district: new Set<string>() };
  for (const it of items) {
    const kind = idFields[it.field as keyof typeof idFields];
    if (kind) for (const id of [...idsIn(it.before), ...idsIn(it.after)]) wanted[kind].add(id);
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const users = [...wanted.user].filter((x) => uuid.test(x));
  const cases = [...wanted.case].filter((x) => uuid.test(x));
  const districts = [...wanted.district].map(Number).filter((x) => Number.isInteger(x));
  const names = {
    user: new Map((users.length ? await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', users).execute() : []).map((u) => [u.id, u.display_name])),
    case: new Map((cases.length
      ? await ctx.db.selectFrom('cases').select(['cases.id', 'cases.fir_number', 'cases.fir_year', 'cases.title']).where('cases.id', 'in', cases).where(caseVisibleTo(ctx.actor)).execute()
      : []).map((c) => [c.id, [firLabel(c), c.title].filter(Boolean).join(' ')])),
    district: new Map((districts.length ? await ctx.db.selectFrom('districts').select(['id', 'name']).where('id', 'in', districts).execute() : []).map((d) => [String(d.id), d.name])),
  };
  for (const it of items) {
    const kind = idFields[it.field as keyof typeof idFields];
    if (!kind) continue;
    const labels: Record<string, string> = {};
    for (const id of [...idsIn(it.before), ...idsIn(it.after)]) {
      const name = names[kind].get(id);
      if (name !== undefined) labels[id] = name; // absent: a record the caller may not read (the web app says so)
    }
    it.labels = labels;
  }
}

export async function listCaseCorrections(ctx: ServiceContext, caseId: string, q: CorrectionsQuery) {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  return page(ctx, { caseId }, q);
}

export async function listPersonCorrections(ctx: ServiceContext, personId: string, q: CorrectionsQuery) {
  await requirePersonAccess(ctx.db, ctx.actor, personId);
  return guardDecrypt(ctx, { type: 'person', id: personId }, () => page(ctx, { kind: 'person', recordId: personId }, { ...q, kind: undefined }));
}

export async function listOffenceCorrections(ctx: ServiceContext, code: string, q: CorrectionsQuery) {
  const o = await ctx.db.selectFrom('offences').select('code').where('code', '=', code).executeTakeFirst();
  if (!o) throw notFound('offence');
  return page(ctx, { kind: 'offence', recordId: code }, { ...q, kind: undefined });
}
