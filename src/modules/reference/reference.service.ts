import { z } from 'zod';
import type { AppContext, ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { advisoryXactLock, LOCK_CLASS } from '../../platform/db/advisory-lock.ts';
import { changesOf, recordCorrections } from '../corrections/correction.service.ts';
import { offenceFields, type ListBranchesQuery, type ListOffencesQuery, type OffenceInput } from './reference.schema.ts';

type OffenceRow = { code: string; law: string; section: string; title: string; min_years: number | null; max_years: number | null; fine_note: string | null; category: string; child_exploitation: boolean; source: string | null; status: string; verification: string | null; notes: string | null };
export const toOffence = (o: OffenceRow) => ({
  code: o.code, law: o.law, section: o.section, title: o.title, minYears: o.min_years, maxYears: o.max_years, fineNote: o.fine_note,
  category: o.category as z.infer<typeof offenceFields.category>, childExploitation: o.child_exploitation, source: o.source,
  status: o.status as z.infer<typeof offenceFields.status>, verification: o.verification, notes: o.notes,
});


export async function listBranches(ctx: AppContext, { province, q, limit, offset }: ListBranchesQuery) {
  let query = ctx.db.selectFrom('branches');
  if (province) query = query.where('province', '=', province);
  if (q) query = query.where((eb) => eb(eb.fn('lower', ['district']), 'like', `%${escapeLike(q.toLowerCase())}%`));
  const [rows, total] = await Promise.all([
    query.select(['id', 'code', 'district', 'province', 'division', 'population_2023']).orderBy('province').orderBy('district').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((b) => ({ id: b.id, code: b.code, district: b.district, province: b.province, division: b.division, population2023: b.population_2023 })), total: Number(total.n), limit, offset };
}

export async function listOffences(ctx: AppContext, { category, childExploitation, limit, offset }: ListOffencesQuery) {
  let query = ctx.db.selectFrom('offences');
  if (category) query = query.where('category', '=', category);
  if (childExploitation) query = query.where('child_exploitation', '=', childExploitation === 'true');
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('code').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toOffence), total: Number(total.n), limit, offset };
}

export async function getOffence(ctx: AppContext, code: string) {
  const row = await ctx.db.selectFrom('offences').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound('offence');
  return toOffence(row);
}

/** Corrects or adds an offence; the trail keeps the earlier value. */
export async function saveOffence(ctx: ServiceContext, code: string, b: OffenceInput) {
  const values = {
    law: b.law, section: b.section, title: b.title, min_years: b.minYears, max_years: b.maxYears, fine_note: b.fineNote, category: b.category,
    child_exploitation: b.childExploitation, source: b.source, status: b.status, verification: b.verification, notes: b.notes, updated_at: new Date(),
  };
  const row = await inTransaction(ctx, async (tx, audit) => {
    // "Is there one already?" is a question about a row that may not exist yet: one lock per code, so two
    // saves at once are one create and one update, never two creates.
    await advisoryXactLock(tx, LOCK_CLASS.offenceCode, code);
    const before = await tx.selectFrom('offences').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    const saved = await tx
      .insertInto('offences')
      .values({ code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    // A correction keeps the earlier value on the offence's corrections list.
    if (before) {
      const { code: _code, ...was } = toOffence(before);
      const { code: _c, ...now } = toOffence(saved);
      await recordCorrections(tx, ctx, { kind: 'offence', id: saved.code, caseId: null }, changesOf(was, now));
    }
    await audit({ action: before ? 'offence.update' : 'offence.create', entityType: 'offence', entityId: saved.code, details: { before: before ? toOffence(before) : null, after: toOffence(saved) } });
    return saved;
  });
  return toOffence(row);
}
