import type { Writable } from 'node:stream';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction, auditRead, type AuditEvent } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { takeMatchLock } from '../media/ingest/match-lock.ts';
import { userIdOf } from '../../platform/access/actor.ts';
import { HashSetFormatError, writeHashSet, type HashEntry, type HashSetFormat } from './formats/index.ts';
import { escapeLike } from '../../platform/db/like.ts';

const BATCH = 2000;

export interface HashSetMeta {
  name: string;
  source: string;
  version?: string;
  description?: string;
  categoryScheme?: 'us' | 'uk' | 'custom';
}

export interface ImportProgress {
  entries: number;
}

/**
 * Imports a whole hash set in one transaction: either every entry is stored or none is, so a file that
 * turns out to be bad at line 9 million leaves nothing behind. Batched multi-row inserts keep it fast.
 */
export async function importHashSet(
  ctx: ServiceContext,
  meta: HashSetMeta,
  entries: AsyncIterable<HashEntry>,
  onProgress?: (p: ImportProgress) => void,
): Promise<{ id: string; entries: number }> {
  const exists = await ctx.db.selectFrom('hash_sets').select('id').where('name', '=', meta.name).executeTakeFirst();
  if (exists) throw conflict(`a hash set named "${meta.name}" exists`, 'name');
  return inTransaction(ctx, (tx, audit) => importHashSetInto(tx, audit, ctx, meta, entries, onProgress));
}

/** The import in the caller's transaction (a job's step commits it with its checkpoint). */
export async function importHashSetInto(
  tx: Tx,
  audit: (e: AuditEvent) => Promise<void>,
  ctx: ServiceContext,
  meta: HashSetMeta,
  entries: AsyncIterable<HashEntry>,
  onProgress?: (p: ImportProgress) => void,
): Promise<{ id: string; entries: number }> {
  try {
    // The check above is only a quick answer; this insert decides. A concurrent import of the same name waits
    // for the other to end and then inserts nothing: a clean 409, not a unique-index error.
    const set = await tx
      .insertInto('hash_sets')
      .values({ name: meta.name, source: meta.source, version: meta.version ?? '', description: meta.description ?? '', category_scheme: meta.categoryScheme ?? 'us', created_by: userIdOf(ctx.actor) })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!set) throw conflict(`a hash set named "${meta.name}" exists`, 'name');
    let count = 0;
    let batch: HashEntry[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await tx
        .insertInto('hash_set_entries')
        .values(batch.map((e) => ({
          hash_set_id: set.id, md5: e.md5 ?? null, sha1: e.sha1 ?? null, sha256: e.sha256 ?? null, pdq: e.pdq ?? null, pdq_quality: e.pdqQuality ?? null,
          photodna: e.photodna ?? null, category: e.category, series: e.series ?? null, media_id: e.mediaId ?? null, attributes: JSON.stringify(e.attributes),
        })))
        .execute();
      count += batch.length;
      batch = [];
      onProgress?.({ entries: count });
    };
    for await (const e of entries) {
      batch.push(e);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await tx.updateTable('hash_sets').set({ entry_count: count, updated_at: new Date() }).where('id', '=', set.id).execute();
    // Ordered with the ingests' batches (media/ingest/match-lock.ts): an ingest batch committed after this sees
    // the new set; one committed before it is found by the re-check that follows the import.
    await takeMatchLock(tx);
    await audit({ action: 'hashset.import', entityType: 'hash_set', entityId: set.id, details: { name: meta.name, source: meta.source, version: meta.version ?? '', entries: count } });
    return { id: set.id, entries: count };
  } catch (err) {
    if (err instanceof HashSetFormatError) throw invalid('file', err.message);
    throw err;
  }
}

export async function listHashSets(db: Db, page: { q?: string; limit: number; offset: number } = { limit: 1000, offset: 0 }) {
  let query = db.selectFrom('hash_sets');
  if (page.q) query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', `%${escapeLike(page.q!.toLowerCase())}%`));
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('name').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toHashSet), total: Number(total.n), limit: page.limit, offset: page.offset };
}

export async function getHashSet(db: Db, id: string) {
  const row = await db.selectFrom('hash_sets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('hash set');
  const categories = await db
    .selectFrom('hash_set_entries')
    .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('hash_set_id', '=', id)
    .groupBy('category')
    .orderBy('category')
    .execute();
  return { ...toHashSet(row), categories: categories.map((c) => ({ category: c.category, count: Number(c.n) })) };
}

type SetRow = { id: string; name: string; source: string; version: string; description: string; category_scheme: string; entry_count: number; created_at: Date; updated_at: Date };
const toHashSet = (r: SetRow) => ({
  id: r.id, name: r.name, source: r.source, version: r.version, description: r.description, categoryScheme: r.category_scheme,
  entryCount: r.entry_count, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

/** Streams a set's entries out of the database in pages, so an export of millions stays in constant memory. */
async function* entriesOf(db: Db, setId: string): AsyncGenerator<HashEntry> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('hash_set_entries').selectAll().where('hash_set_id', '=', setId).where('id', '>', after).orderBy('id').limit(5000).execute();
    for (const r of rows) {
      yield {
        md5: r.md5 ?? undefined, sha1: r.sha1 ?? undefined, sha256: r.sha256 ?? undefined, pdq: r.pdq ?? undefined, pdqQuality: r.pdq_quality ?? undefined,
        photodna: r.photodna ?? undefined, category: r.category, series: r.series ?? undefined, mediaId: r.media_id ?? undefined, attributes: r.attributes,
      };
      after = r.id;
    }
    if (rows.length < 5000) return;
  }
}

export async function exportHashSet(ctx: ServiceContext, id: string, format: HashSetFormat, out: Writable, opts: { includeAmaan?: boolean } = {}): Promise<number> {
  const set = await getHashSet(ctx.db, id);
  await auditRead(ctx, { action: 'hashset.export', entityType: 'hash_set', entityId: id, details: { name: set.name, format } });
  return writeHashSet(entriesOf(ctx.db, id), out, format, opts);
}

export async function deleteHashSet(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    // One statement decides and deletes: of two concurrent deletes one removes the set and is audited, the
    // other finds nothing (404) instead of auditing a delete that did not happen.
    const set = await tx.deleteFrom('hash_sets').where('id', '=', id).returning(['id', 'name']).executeTakeFirst();
    if (!set) throw notFound('hash set');
    await audit({ action: 'hashset.delete', entityType: 'hash_set', entityId: id, details: { name: set.name } });
  });
}
