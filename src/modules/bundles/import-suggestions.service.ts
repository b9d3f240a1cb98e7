import { sql } from 'kysely';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { userIdOf } from '../../platform/access/actor.ts';
import { pageOf, pageQuery } from '../../platform/http/route-kit.ts';
import { personVisibleTo } from '../persons/person.scope.ts';
import { victimVisibleTo } from '../victims/victim.scope.ts';

// Import match suggestions: a record created by a bundle import that may be a record already here (same
// CNIC or passport by blind index, or the same victim record id) which the importer could not see. Shown
// only to users who may see BOTH records (an analyst, typically), so the suggestion never tells anyone of a
// record they may not see. Reviewing marks it confirmed (the same person/child: merge by hand) or dismissed.

export const suggestionQuery = z.strictObject({ status: z.enum(['open', 'confirmed', 'dismissed']).optional(), ...pageQuery });
export const suggestionItem = z.object({
  id: z.string(),
  recordType: z.enum(['person', 'victim']),
  newId: z.string(),
  existingId: z.string(),
  reason: z.enum(['same_cnic', 'same_passport', 'same_victim_record']),
  bundleDigest: z.string(),
  signerKeyId: z.string(),
  importedCaseId: z.string().nullable(),
  status: z.enum(['open', 'confirmed', 'dismissed']),
  createdAt: z.string(),
});
export const suggestionPage = pageOf(suggestionItem);
export const decideBody = z.strictObject({ status: z.enum(['confirmed', 'dismissed']) });

/** Suggestions whose two records the actor may both see. */
function visibleSuggestions(ctx: ServiceContext) {
  const person = personVisibleTo(ctx.actor);
  const victim = victimVisibleTo(ctx.actor);
  return ctx.db.selectFrom('import_match_suggestions as s').where((eb) => eb.or([
    eb.and([
      eb('s.record_type', '=', 'person'),
      eb.exists(eb.selectFrom('persons').select(sql`1`.as('one')).whereRef('persons.id', '=', 's.new_id').where((w) => person(w as never))),
      eb.exists(eb.selectFrom('persons').select(sql`1`.as('one')).whereRef('persons.id', '=', 's.existing_id').where((w) => person(w as never))),
    ]),
    eb.and([
      eb('s.record_type', '=', 'victim'),
      eb.exists(eb.selectFrom('victims').select(sql`1`.as('one')).whereRef('victims.id', '=', 's.new_id').where((w) => victim(w as never))),
      eb.exists(eb.selectFrom('victims').select(sql`1`.as('one')).whereRef('victims.id', '=', 's.existing_id').where((w) => victim(w as never))),
    ]),
  ]));
}

export async function listSuggestions(ctx: ServiceContext, q: z.infer<typeof suggestionQuery>) {
  let query = visibleSuggestions(ctx);
  if (q.status) query = query.where('s.status', '=', q.status);
  const [rows, total] = await Promise.all([
    query.selectAll('s').orderBy('s.created_at', 'desc').orderBy('s.id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id, recordType: r.record_type, newId: r.new_id, existingId: r.existing_id, reason: r.reason, bundleDigest: r.bundle_digest,
      signerKeyId: r.signer_key_id, importedCaseId: r.imported_case_id, status: r.status, createdAt: r.created_at.toISOString(),
    })),
    total: Number(total.n), limit: q.limit, offset: q.offset,
  };
}

export async function decideSuggestion(ctx: ServiceContext, id: string, input: z.infer<typeof decideBody>): Promise<{ ok: true }> {
  const visible = await visibleSuggestions(ctx).select(['s.id', 's.status']).where('s.id', '=', id).executeTakeFirst();
  if (!visible) throw notFound('suggestion');
  return inTransaction(ctx, async (tx, audit) => {
    const row = await tx.selectFrom('import_match_suggestions').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.status !== 'open') throw conflict(`this suggestion is ${row.status} already`, 'status');
    await tx.updateTable('import_match_suggestions').set({ status: input.status, decided_by: userIdOf(ctx.actor), decided_at: new Date() }).where('id', '=', id).execute();
    await audit({ action: 'import.suggestion.decide', entityType: 'import_match_suggestion', entityId: id, details: { status: input.status } });
    return { ok: true as const };
  });
}
