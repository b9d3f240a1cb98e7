// Merging two person records into one, and undoing it exactly. The absorbed person's row is never deleted:
// it is marked merged_into the kept person, and every row that pointed at it (names, case roles, accused history, arrests, charges,
// verdicts, graph links, among them the person's identifiers (person uses/holds entity), bundle-import suggestions) is re-pointed at the
// kept person. What moved is stored in person_merges.moved: the keys of the rows re-pointed and, where the
// kept person already held the same fact (same case and role, same phone...), the whole row removed. An undo
// puts back every row as it was, or refuses with 409 when a later change makes that impossible.
import { sql, type RawBuilder } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { userIdOf } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { refreshIndexed } from './suggestion.service.ts';

/** A column that points at a person, and how to recognise a row the kept person already has. */
interface PersonPointer {
  table: string;
  column: string;
  /** Extra condition on the row (alias "x"), e.g. the node type of a link end. */
  where?: string;
  /** Columns naming one row (its primary key). */
  key: string[];
  /** Columns that, with `column`, make a unique fact: a row of the absorbed person equal on these to one of the kept person is removed (and stored). */
  same?: string[];
  /** Also removed (and stored): rows that would become a link from the kept person to itself. */
  selfLoop?: string;
}

/**
 * Every place a person id is stored, except the persons table itself and the resolution tables. The test
 * merge.service.test.ts compares this list with the foreign keys to persons in the schema.
 */
export const PERSON_POINTERS: PersonPointer[] = [
  { table: 'person_names', column: 'person_id', key: ['id'] },
  { table: 'case_persons', column: 'person_id', key: ['case_id', 'role'], same: ['case_id', 'role'] },
  { table: 'accused_status_history', column: 'person_id', key: ['id'] },
  { table: 'arrests', column: 'person_id', key: ['id'], same: ['case_id', 'arrested_at'] },
  { table: 'charges', column: 'person_id', key: ['id'], same: ['case_id', 'offence_code'] },
  { table: 'verdicts', column: 'person_id', key: ['id'] },
  // Later records about a person (warrants and red notices, documents, legal requests naming the suspect) follow them.
  { table: 'warrants', column: 'person_id', key: ['id'] },
  { table: 'documents', column: 'person_id', key: ['id'] },
  { table: 'legal_requests', column: 'person_id', key: ['id'] },
  { table: 'links', column: 'from_id', where: "x.from_type = 'person'", key: ['id'], same: ['kind', 'to_type', 'to_id', 'case_id', 'source_type', 'source_id'], selfLoop: "x.to_type = 'person'" },
  { table: 'links', column: 'to_id', where: "x.to_type = 'person'", key: ['id'], same: ['kind', 'from_type', 'from_id', 'case_id', 'source_type', 'source_id'], selfLoop: "x.from_type = 'person'" },
  { table: 'import_match_suggestions', column: 'new_id', where: "x.record_type = 'person'", key: ['id'], same: ['record_type', 'existing_id'] },
  { table: 'import_match_suggestions', column: 'existing_id', where: "x.record_type = 'person'", key: ['id'], same: ['record_type', 'new_id'] },
];

interface MovedTable { table: string; column: string; moved: Record<string, unknown>[]; removed: Record<string, unknown>[] }
interface Moved { pointers: MovedTable[]; primaryNames: number[] }

const raw = (s: string): RawBuilder<unknown> => sql.raw(s);
const keyJson = (p: PersonPointer, alias: string) => raw(`jsonb_build_object(${p.key.map((k) => `'${k}', ${alias}.${k}`).join(', ')})`);
const extra = (p: PersonPointer, alias: string) => (p.where ? raw(` AND ${p.where.replaceAll('x.', `${alias}.`)}`) : raw(''));

async function movePointer(tx: Tx, p: PersonPointer, from: string, to: string): Promise<MovedTable> {
  const t = sql.table(p.table), c = sql.ref(`x.${p.column}`), cy = sql.ref(`y.${p.column}`);
  const fromV = sql`${from}`, toV = sql`${to}`;
  let removed: Record<string, unknown>[] = [];
  const conds: RawBuilder<unknown>[] = [];
  if (p.same) {
    conds.push(sql`EXISTS (SELECT 1 FROM ${t} AS y WHERE ${cy} = ${toV}${extra(p, 'y')} AND ${raw(p.same.map((s) => `y.${s} IS NOT DISTINCT FROM x.${s}`).join(' AND '))})`);
  }
  if (p.selfLoop) {
    const other = p.column === 'from_id' ? 'to_id' : 'from_id';
    conds.push(sql`(${raw(p.selfLoop)} AND ${sql.ref(`x.${other}`)} = ${toV})`);
  }
  if (conds.length) {
    const res = await sql<{ row: Record<string, unknown> }>`DELETE FROM ${t} AS x WHERE ${c} = ${fromV}${extra(p, 'x')} AND (${sql.join(conds, sql` OR `)}) RETURNING to_jsonb(x) AS row`.execute(tx);
    removed = res.rows.map((r) => r.row);
  }
  const upd = await sql<{ key: Record<string, unknown> }>`UPDATE ${t} AS x SET ${sql.ref(p.column)} = ${toV} WHERE ${c} = ${fromV}${extra(p, 'x')} RETURNING ${keyJson(p, 'x')} AS key`.execute(tx);
  return { table: p.table, column: p.column, moved: upd.rows.map((r) => r.key), removed };
}

async function lockPair(tx: Tx, a: string, b: string) {
  // Both persons locked in one fixed order, so two merges of overlapping pairs cannot deadlock.
  const rows = await tx.selectFrom('persons').select(['id', 'merged_into']).where('id', 'in', [a, b]).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Merges the suggestion's two persons, keeping `keep` ('a' or 'b'); answers the merge id. */
export async function mergeSuggestion(ctx: ServiceContext, suggestionId: string, keep: 'a' | 'b'): Promise<{ mergeId: string; keptId: string; absorbedId: string }> {
  const result = await inTransaction(ctx, async (tx, audit) => {
    const s = await tx.selectFrom('person_merge_suggestions').selectAll().where('id', '=', suggestionId).forUpdate().executeTakeFirst();
    if (!s) throw notFound('suggestion');
    if (s.status !== 'open') throw conflict(`the suggestion is already ${s.status}`, 'status');
    const keptId = keep === 'a' ? s.person_a : s.person_b;
    const absorbedId = keep === 'a' ? s.person_b : s.person_a;
    const persons = await lockPair(tx, keptId, absorbedId);
    if (persons.get(keptId)?.merged_into || persons.get(absorbedId)?.merged_into) {
      throw conflict('one of the two persons was merged into another person since this suggestion was made', 'keep');
    }
    const primaryNames = (await tx.selectFrom('person_names').select('id').where('person_id', '=', absorbedId).where('kind', '=', 'primary').execute()).map((r) => Number(r.id));
    const pointers: MovedTable[] = [];
    for (const p of PERSON_POINTERS) pointers.push(await movePointer(tx, p, absorbedId, keptId));
    // The absorbed person's own name becomes an alias of the kept person.
    if (primaryNames.length) await tx.updateTable('person_names').set({ kind: 'alias' }).where('id', 'in', primaryNames).execute();
    await tx.updateTable('persons').set({ merged_into: keptId }).where('id', '=', absorbedId).execute();
    const moved: Moved = { pointers, primaryNames };
    const merge = await tx.insertInto('person_merges').values({ suggestion_id: s.id, kept_id: keptId, absorbed_id: absorbedId, moved: JSON.stringify(moved), merged_by: userIdOf(ctx.actor) })
      .returning('id').executeTakeFirstOrThrow();
    await tx.updateTable('person_merge_suggestions').set({ status: 'merged', decided_by: userIdOf(ctx.actor), decided_at: new Date() }).where('id', '=', s.id).execute();
    await audit({ action: 'person.merge', entityType: 'person', entityId: keptId, details: { mergeId: merge.id, suggestionId: s.id, absorbedId, score: s.score, moved: summary(moved) } });
    return { mergeId: merge.id, keptId, absorbedId };
  });
  await refreshIndexed(ctx, [result.keptId, result.absorbedId]);
  return result;
}

function summary(m: Moved): Record<string, { moved: number; removed: number }> {
  const out: Record<string, { moved: number; removed: number }> = {};
  for (const p of m.pointers) {
    if (!p.moved.length && !p.removed.length) continue;
    const k = `${p.table}.${p.column}`;
    out[k] = { moved: p.moved.length, removed: p.removed.length };
  }
  return out;
}

/** Rejects an open suggestion (the two are different people). */
export async function rejectSuggestion(ctx: ServiceContext, suggestionId: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const s = await tx.selectFrom('person_merge_suggestions').select(['id', 'status', 'person_a', 'person_b', 'score']).where('id', '=', suggestionId).forUpdate().executeTakeFirst();
    if (!s) throw notFound('suggestion');
    if (s.status !== 'open') throw conflict(`the suggestion is already ${s.status}`, 'status');
    await tx.updateTable('person_merge_suggestions').set({ status: 'rejected', decided_by: userIdOf(ctx.actor), decided_at: new Date() }).where('id', '=', s.id).execute();
    await audit({ action: 'person.merge.reject', entityType: 'person', entityId: s.person_a, details: { suggestionId: s.id, otherPersonId: s.person_b, score: s.score } });
  });
}

/** Undoes the merge made from a suggestion: every row back as it was, or 409 with the reason. */
export async function undoMerge(ctx: ServiceContext, suggestionId: string): Promise<{ mergeId: string; keptId: string; absorbedId: string }> {
  const result = await inTransaction(ctx, async (tx, audit) => {
    const s = await tx.selectFrom('person_merge_suggestions').select(['id', 'status']).where('id', '=', suggestionId).forUpdate().executeTakeFirst();
    if (!s) throw notFound('suggestion');
    const m = await tx.selectFrom('person_merges').selectAll().where('suggestion_id', '=', suggestionId).where('undone_at', 'is', null).forUpdate().executeTakeFirst();
    if (s.status !== 'merged' || !m) throw conflict('the suggestion has no merge to undo', 'status');
    const persons = await lockPair(tx, m.kept_id, m.absorbed_id);
    if (persons.get(m.absorbed_id)?.merged_into !== m.kept_id) throw conflict('the absorbed person is no longer merged into the kept one');
    if (persons.get(m.kept_id)?.merged_into) {
      throw conflict('the kept person was merged into another person after this merge: undo that merge first');
    }
    const moved = m.moved as Moved;
    for (const p of [...moved.pointers].reverse()) {
      const spec = PERSON_POINTERS.find((x) => x.table === p.table && x.column === p.column);
      if (!spec) throw conflict(`cannot undo: ${p.table}.${p.column} is no longer known`);
      await restorePointer(tx, spec, p, m.absorbed_id, m.kept_id);
    }
    if (moved.primaryNames.length) await tx.updateTable('person_names').set({ kind: 'primary' }).where('id', 'in', moved.primaryNames).execute();
    await tx.updateTable('persons').set({ merged_into: null }).where('id', '=', m.absorbed_id).execute();
    await tx.updateTable('person_merges').set({ undone_by: userIdOf(ctx.actor), undone_at: new Date() }).where('id', '=', m.id).execute();
    await tx.updateTable('person_merge_suggestions').set({ status: 'open', decided_by: null, decided_at: null }).where('id', '=', s.id).execute();
    await audit({ action: 'person.merge.undo', entityType: 'person', entityId: m.kept_id, details: { mergeId: m.id, suggestionId: s.id, absorbedId: m.absorbed_id, restored: summary(moved) } });
    return { mergeId: m.id, keptId: m.kept_id, absorbedId: m.absorbed_id };
  });
  await refreshIndexed(ctx, [result.keptId, result.absorbedId]);
  return result;
}

async function restorePointer(tx: Tx, p: PersonPointer, moved: MovedTable, absorbedId: string, keptId: string): Promise<void> {
  const t = sql.table(p.table);
  const fromV = sql`${keptId}`, backV = sql`${absorbedId}`;
  for (let i = 0; i < moved.moved.length; i += 500) {
    const keys = moved.moved.slice(i, i + 500);
    const match = sql.join(keys.map((k) => sql`(${sql.join(p.key.map((c) => sql`${sql.ref(`x.${c}`)}::text = ${String(k[c])}`), sql` AND `)})`), sql` OR `);
    const res = await sql<{ one: number }>`UPDATE ${t} AS x SET ${sql.ref(p.column)} = ${backV} WHERE ${sql.ref(`x.${p.column}`)} = ${fromV}${extra(p, 'x')} AND (${match}) RETURNING 1 AS one`.execute(tx);
    if (res.rows.length !== keys.length) {
      throw conflict(`cannot undo exactly: ${keys.length - res.rows.length} ${p.table} row(s) moved by the merge were changed or deleted since`);
    }
  }
  for (const row of moved.removed) {
    const cols = Object.keys(row);
    try {
      await sql`INSERT INTO ${t} (${sql.join(cols.map((c) => sql.ref(c)))}) SELECT ${sql.join(cols.map((c) => sql.ref(`r.${c}`)))} FROM jsonb_populate_record(NULL::${t}, ${JSON.stringify(row)}::jsonb) AS r`.execute(tx);
    } catch (err) {
      throw conflict(`cannot undo exactly: a ${p.table} row removed by the merge cannot be put back (${err instanceof Error ? err.message.split('\n')[0] : 'conflict'})`);
    }
  }
}
