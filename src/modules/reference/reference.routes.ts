import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pageOf, pageQuery, serviceContext, unscoped, type Api } from '../../platform/http/route-kit.ts';
import { escapeLike } from '../../platform/db/like.ts';

const branch = z.object({
  id: z.number().int(),
  code: z.string(),
  district: z.string(),
  province: z.string(),
  division: z.string().nullable(),
  population2023: z.number().nullable(),
});

export const offenceFields = {
  law: z.string().trim().min(1).max(300),
  section: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(300),
  minYears: z.number().min(0).max(100).nullable(),
  maxYears: z.number().min(0).max(100).nullable(),
  fineNote: z.string().max(500).nullable(),
  category: z.enum(['sexual_exploitation', 'trafficking', 'abduction', 'cyber_harassment', 'financial_fraud', 'other']),
  childExploitation: z.boolean(),
  source: z.string().max(1000).nullable(),
  status: z.enum(['in_force', 'proposed', 'repealed', 'uncertain']),
  verification: z.string().max(1000).nullable(),
  notes: z.string().max(2000).nullable(),
};
const offence = z.object({ code: z.string(), ...offenceFields });
const offenceCode = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and dashes') });

type OffenceRow = { code: string; law: string; section: string; title: string; min_years: number | null; max_years: number | null; fine_note: string | null; category: string; child_exploitation: boolean; source: string | null; status: string; verification: string | null; notes: string | null };
const toOffence = (o: OffenceRow) => ({
  code: o.code, law: o.law, section: o.section, title: o.title, minYears: o.min_years, maxYears: o.max_years, fineNote: o.fine_note,
  category: o.category as z.infer<typeof offenceFields.category>, childExploitation: o.child_exploitation, source: o.source,
  status: o.status as z.infer<typeof offenceFields.status>, verification: o.verification, notes: o.notes,
});

export async function referenceRoutes(api: Api, ctx: AppContext): Promise<void> {
  api.get('/branches', {
    config: { access: 'reference.read' },
    schema: {
      tags: ['reference'], summary: 'Branches (one per district)',
      querystring: z.strictObject({ province: z.string().max(100).optional(), q: z.string().max(100).optional(), ...pageQuery, limit: z.coerce.number().int().min(1).max(500).default(500) }),
      response: { 200: pageOf(branch) },
    },
  }, async (request) => {
    const { province, q, limit, offset } = request.query;
    let query = ctx.db.selectFrom('branches');
    if (province) query = query.where('province', '=', province);
    if (q) query = query.where((eb) => eb(eb.fn('lower', ['district']), 'like', `%${escapeLike(q.toLowerCase())}%`));
    const [rows, total] = await Promise.all([
      query.select(['id', 'code', 'district', 'province', 'division', 'population_2023']).orderBy('province').orderBy('district').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((b) => ({ id: b.id, code: b.code, district: b.district, province: b.province, division: b.division, population2023: b.population_2023 })), total: Number(total.n), limit, offset };
  });

  api.get('/offences', {
    config: { access: 'reference.read' },
    schema: {
      tags: ['reference'], summary: 'The offence catalogue (PECA 2016, PPC and child-protection laws)',
      querystring: z.strictObject({ category: offenceFields.category.optional(), childExploitation: z.enum(['true', 'false']).optional(), ...pageQuery, limit: z.coerce.number().int().min(1).max(500).default(500) }),
      response: { 200: pageOf(offence) },
    },
  }, async (request) => {
    const { category, childExploitation, limit, offset } = request.query;
    let query = ctx.db.selectFrom('offences');
    if (category) query = query.where('category', '=', category);
    if (childExploitation) query = query.where('child_exploitation', '=', childExploitation === 'true');
    const [rows, total] = await Promise.all([
      query.selectAll().orderBy('code').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toOffence), total: Number(total.n), limit, offset };
  });

  api.put('/offences/:code', {
    config: { access: 'offence.write', scope: { 'params.code': unscoped('an offence code of the catalogue, reference data every role reads') } },
    schema: { tags: ['reference'], summary: 'Correct or add an offence (administrator)', params: offenceCode, body: z.strictObject(offenceFields), response: { 200: offence } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    const b = request.body;
    const values = {
      law: b.law, section: b.section, title: b.title, min_years: b.minYears, max_years: b.maxYears, fine_note: b.fineNote, category: b.category,
      child_exploitation: b.childExploitation, source: b.source, status: b.status, verification: b.verification, notes: b.notes, updated_at: new Date(),
    };
    const row = await inTransaction(sctx, async (tx, audit) => {
      const before = await tx.selectFrom('offences').selectAll().where('code', '=', request.params.code).executeTakeFirst();
      const saved = await tx
        .insertInto('offences')
        .values({ code: request.params.code, ...values })
        .onConflict((oc) => oc.column('code').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({ action: before ? 'offence.update' : 'offence.create', entityType: 'offence', entityId: saved.code, details: { before: before ? toOffence(before) : null, after: toOffence(saved) } });
      return saved;
    });
    return toOffence(row);
  });

  api.get('/offences/:code', {
    config: { access: 'reference.read', scope: { 'params.code': unscoped('an offence code of the catalogue, reference data every role reads') } },
    schema: { tags: ['reference'], summary: 'One offence', params: offenceCode, response: { 200: offence } },
  }, async (request) => {
    const row = await ctx.db.selectFrom('offences').selectAll().where('code', '=', request.params.code).executeTakeFirst();
    if (!row) throw notFound('offence');
    return toOffence(row);
  });
}
