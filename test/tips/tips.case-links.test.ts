import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { typedClient, type TypedClient } from '../support/openapi-client.ts';
import type { paths } from '../support/openapi-types.ts';
import { amaanReport, organisationWithKey } from './support.ts';

type TipBody = paths['/api/v1/tips']['post']['requestBody']['content']['application/json'];

// Session 12 (issue 11, intake's cost): `tips_case` and `links_case` hold only rows with a case (migration 0050),
// and converting or attaching a tip reads its links by their ends among the tip's entities instead of by source
// alone. Neither may change an answer: every link triage recorded for the tip, and only those (not another tip's
// links between the same entities), is recorded again in the case; the rows of a case are found by case; the rows
// with no case are still found. And a report's SHA-256 is looked up by an index (tip_files_sha256) as its MD5,
// SHA-1 and PDQ are, with the same answer: the earlier report with that hash is related.
const { engines } = await detectEngines();

describe.each(engines)('a tip carried into a case, and reads by case, on %s', (engine) => {
  let t: TestApp;
  let platform: Awaited<ReturnType<typeof organisationWithKey>>;
  let supA: TypedClient;
  beforeAll(async () => {
    t = await createTestApp(engine);
    platform = await organisationWithKey(t, 'Case Links Platform');
    supA = typedClient(t.app, { token: t.users.supA.token });
  }, 60_000);
  afterAll(async () => t?.close());

  const file = async (body: TipBody) => {
    const res = await platform.client.POST('/api/v1/tips', { body });
    if (!res.data) throw new Error(JSON.stringify(res.error));
    return (await t.ctx.db.selectFrom('tips').select('id').where('receipt', '=', res.data.receipt).executeTakeFirstOrThrow()).id;
  };
  /** kind|from|to of the links with this tip as source, with no case or in the given case. */
  const linksOf = async (tipId: string, caseId: string | null) => (await t.ctx.db.selectFrom('links').select(['kind', 'from_type', 'from_id', 'to_type', 'to_id'])
    .where('source_type', '=', 'tip').where('source_id', '=', tipId).where('case_id', caseId === null ? 'is' : '=', caseId).execute())
    .map((l) => `${l.kind}|${l.from_type}:${l.from_id}|${l.to_type}:${l.to_id}`).sort();

  // Two reports naming the same people (the same hub account, phone, wallet and recipient): both get the same
  // links between the same entities, each with its own tip as source.
  const report = (n: number) => amaanReport({
    location: { phone: '066 2345678' },
    reported: [{ accounts: [{ platform: 'Telegram', handle: 'carry_hub_user' }], phones: ['0301-7650001'], wallets: [{ provider: 'JazzCash', number: '0301-7650002' }] }],
    recipient: { accounts: [{ platform: 'Telegram', handle: 'carry_child_shared' }, { platform: 'Telegram', handle: `carry_child_${n}` }] },
  });

  it('records again in the case every link triage recorded for the tip, and no other tip\'s links between the same entities', async () => {
    const first = await file(report(1));
    const second = await file(report(2));
    const before1 = await linksOf(first, null);
    const before2 = await linksOf(second, null);
    // uses (hub -> phone), holds (hub -> wallet), communicated (hub -> the recipient's first account), uses (that
    // account -> the recipient's second): four; the second report has the first three between the same entities.
    expect(before1.map((l) => l.split('|')[0]).sort()).toEqual(['communicated', 'holds', 'uses', 'uses']);
    expect(before2.filter((l) => before1.includes(l)).length).toBe(3);

    const converted = await supA.POST('/api/v1/tips/{id}/convert', { params: { path: { id: first } }, body: { title: 'Carried links' } });
    expect(converted.response.status).toBe(201);
    const caseId = converted.data!.caseId!;
    const inCase = await linksOf(first, caseId);
    const entities = (await t.ctx.db.selectFrom('tip_identifiers').select('entity_id').where('tip_id', '=', first).execute()).map((r) => r.entity_id);
    const appearsIn = [...new Set(entities)].map((e) => `appears_in|entity:${e}|case:${caseId}`);
    expect(inCase).toEqual([...before1, ...appearsIn].sort());
    // Triage's own links stay as they were, and the other report's are not carried (nor put in the case).
    expect(await linksOf(first, null)).toEqual(before1);
    expect(await linksOf(second, caseId)).toEqual([]);
    expect(await linksOf(second, null)).toEqual(before2);

    // Attached to the same case, the second report brings its own links (those between entities already in the
    // case as well: each link keeps its source).
    const attached = await supA.POST('/api/v1/tips/{id}/attach', { params: { path: { id: second } }, body: { caseId } });
    expect(attached.response.status).toBe(200);
    const entities2 = (await t.ctx.db.selectFrom('tip_identifiers').select('entity_id').where('tip_id', '=', second).execute()).map((r) => r.entity_id);
    expect(await linksOf(second, caseId)).toEqual([...before2, ...[...new Set(entities2)].map((e) => `appears_in|entity:${e}|case:${caseId}`)].sort());

    // Reads by case find the case's rows; reads of the rows with no case still find the others.
    const tipsOfCase = (await t.ctx.db.selectFrom('tips').select('id').where('case_id', '=', caseId).execute()).map((r) => r.id).sort();
    expect(tipsOfCase).toEqual([first, second].sort());
    const linksOfCase = Number((await t.ctx.db.selectFrom('links').select(sql<string>`count(*)`.as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n);
    expect(linksOfCase).toBe(inCase.length + (await linksOf(second, caseId)).length);
    const noCase = (await t.ctx.db.selectFrom('tips').select('id').where('case_id', 'is', null).execute()).map((r) => r.id);
    expect(noCase).not.toContain(first);
    const third = await file(report(3));
    expect((await t.ctx.db.selectFrom('tips').select('id').where('case_id', 'is', null).execute()).map((r) => r.id)).toContain(third);
    expect((await linksOf(third, null)).length).toBe(4);
  });

  it('relates two reports naming the same SHA-256, looked up by its index', async () => {
    const sha256 = 'ab'.repeat(32);
    const first = await file(amaanReport({ files: [{ name: 'one.jpg', sha256: sha256.toUpperCase() }] }));
    const second = await file(amaanReport({ files: [{ name: 'two.jpg', sha256 }] }));
    const relations = await t.ctx.db.selectFrom('tip_relations').select(['related_tip_id', 'reason', 'value']).where('tip_id', '=', second).execute();
    expect(relations).toEqual([{ related_tip_id: first, reason: 'hash', value: `sha256:${sha256}` }]);
    const plan = await t.ctx.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      return (await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT tip_id FROM tip_files WHERE sha256 = ANY(${[sha256]}::text[])`.execute(tx)).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('tip_files_sha256');
  });

  it('indexes only the tips and links that have a case, and reads a case\'s rows through them', async () => {
    const defs = (await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('tips_case', 'links_case') ORDER BY indexname`.execute(t.ctx.db)).rows;
    expect(defs.map((d) => d.indexname)).toEqual(['links_case', 'tips_case']);
    for (const d of defs) expect(d.indexdef).toMatch(/WHERE \(case_id IS NOT NULL\)$/);
    // A read of one case's rows may use them (the predicate is implied by case_id = $1).
    const plan = await t.ctx.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      const tipsPlan = (await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM tips WHERE case_id = ${'00000000-0000-4000-8000-000000000001'}::uuid`.execute(tx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      const linksPlan = (await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT id FROM links WHERE case_id = ${'00000000-0000-4000-8000-000000000001'}::uuid`.execute(tx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      return { tipsPlan, linksPlan };
    });
    expect(plan.tipsPlan).toContain('tips_case');
    expect(plan.linksPlan).toContain('links_case');
  });
});
