import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { loadDemoIfEmpty, type DemoResult } from '../../src/demo/demo.loader.ts';

// The Muzaffargarh ring of the demo, loaded into the graph tables of migration 0013 on both engines: the
// rows arrive with their types (jsonb attributes, numeric amounts, real confidences), and a recursive query
// over the Muzaffargarh case's own records finds the chain from the arrested uploader to the ringleader's
// forum handle. Records are found by their invented names, as a later test or a demo user would.
const { engines } = await detectEngines();

describe.each(engines)('the demo ring in the database (%s)', (engine) => {
  let t: TestApp;
  let demo: DemoResult;

  beforeAll(async () => {
    t = await createTestApp(engine);
    demo = await loadDemoIfEmpty(t.ctx);
  });
  afterAll(async () => t?.close());

  it('writes the graph tables with their column types', async () => {
    expect(demo.loaded).toBe(true);
    const db = t.ctx.db;
    for (const table of ['entities', 'links', 'payments', 'communications', 'communication_participants'] as const) {
      const n = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(n, table).toBe(demo.counts[table]);
      expect(n, table).toBeGreaterThan(0);
    }
    const viewer = await db.selectFrom('entities').select(['key', 'attributes', 'platform']).where('kind', '=', 'account').where('display', '=', 'nordlicht_44').executeTakeFirstOrThrow();
    expect(viewer.attributes).toEqual({ country: 'DE' });
    const btc = await db.selectFrom('payments').select(['amount', 'currency']).where('currency', '=', 'BTC').orderBy('paid_at').executeTakeFirstOrThrow();
    expect(Number(btc.amount)).toBeCloseTo(0.0061, 8);
    const stream = await db.selectFrom('communications').innerJoin('communication_participants as p', 'p.communication_id', 'communications.id')
      .select(['p.role', (eb) => eb.fn.countAll().as('n')]).where('communications.kind', '=', 'live_stream').groupBy('p.role').execute();
    expect(new Set(stream.map((s) => s.role))).toEqual(new Set(['host', 'viewer', 'payer']));
    const link = await db.selectFrom('links').select(['confidence', 'observed_from', 'recorded_by']).where('kind', '=', 'same_as').executeTakeFirstOrThrow();
    expect(link.confidence).toBeCloseTo(0.7, 5);
    expect(link.recorded_by).not.toBeNull();
  });

  it('finds the chain from the arrested uploader to the ringleader\'s forum handle within the Muzaffargarh case', async () => {
    const db = t.ctx.db;
    const suspect = await db.selectFrom('persons').innerJoin('arrests', 'arrests.person_id', 'persons.id').innerJoin('operations', 'operations.id', 'arrests.operation_id')
      .select(['persons.id', 'arrests.case_id']).where('persons.display_name', '=', 'Shafqat Laghari').where('operations.name', '=', 'Operation Khel Ghar').executeTakeFirstOrThrow();
    const handle = await db.selectFrom('entities').select('id').where('kind', '=', 'account').where('display', '=', 'schattenmann_77').executeTakeFirstOrThrow();
    // Edges of one case: its links (both ways), its communications' participants, its payments.
    const { rows } = await sql<{ hops: number; path: string[] }>`
      WITH RECURSIVE edge(a, b) AS (
        SELECT from_type || ':' || from_id, to_type || ':' || to_id FROM links WHERE case_id = ${suspect.case_id}
        UNION ALL SELECT to_type || ':' || to_id, from_type || ':' || from_id FROM links WHERE case_id = ${suspect.case_id}
        UNION ALL SELECT 'communication:' || c.id, 'entity:' || p.entity_id FROM communications c JOIN communication_participants p ON p.communication_id = c.id WHERE c.case_id = ${suspect.case_id}
        UNION ALL SELECT 'entity:' || p.entity_id, 'communication:' || c.id FROM communications c JOIN communication_participants p ON p.communication_id = c.id WHERE c.case_id = ${suspect.case_id}
        UNION ALL SELECT 'entity:' || from_entity_id, 'entity:' || to_entity_id FROM payments WHERE case_id = ${suspect.case_id}
        UNION ALL SELECT 'entity:' || to_entity_id, 'entity:' || from_entity_id FROM payments WHERE case_id = ${suspect.case_id}
      ), walk(node, hops, path) AS (
        SELECT ${`person:${suspect.id}`}::text, 0, ARRAY[${`person:${suspect.id}`}::text]
        UNION ALL
        SELECT e.b, w.hops + 1, w.path || e.b FROM walk w JOIN edge e ON e.a = w.node WHERE w.hops < 3 AND NOT e.b = ANY(w.path)
      )
      SELECT hops, path FROM walk WHERE node = ${`entity:${handle.id}`} ORDER BY hops LIMIT 1`.execute(db);
    expect(rows, 'no chain within 3 hops').toHaveLength(1);
    expect(rows[0]!.path[0]).toBe(`person:${suspect.id}`);
    expect(rows[0]!.path.at(-1)).toBe(`entity:${handle.id}`);
  });

  it('holds the man recorded twice, in Urdu script in Muzaffargarh and in Latin script in Lahore, with one phone and birth date', async () => {
    const db = t.ctx.db;
    // The phone as a graph link of each case (person -> phone entity), recorded by each case's team.
    const found = await db.selectFrom('persons').innerJoin('case_persons', 'case_persons.person_id', 'persons.id').innerJoin('cases', 'cases.id', 'case_persons.case_id')
      .innerJoin('branches', 'branches.id', 'cases.branch_id')
      .innerJoin('links', (j) => j.on('links.from_type', '=', 'person').onRef('links.from_id', '=', sql<string>`persons.id::text`).onRef('links.case_id', '=', 'cases.id'))
      .innerJoin('entities as e', (j) => j.onRef(sql<string>`e.id::text`, '=', 'links.to_id').on('links.to_type', '=', 'entity').on('e.kind', '=', 'phone'))
      .select(['persons.display_name', 'persons.date_of_birth', 'branches.district', 'e.key as value'])
      .where('persons.display_name', 'in', ['محمد رفیق بھٹہ', 'Mohd Rafiq Bhutta']).orderBy('branches.district').execute();
    expect(found.map((f) => [f.display_name, f.district])).toEqual([['Mohd Rafiq Bhutta', 'Lahore'], ['محمد رفیق بھٹہ', 'Muzaffargarh']]);
    expect(new Set(found.map((f) => f.value)).size).toBe(1);
    expect(found.every((f) => f.date_of_birth !== null)).toBe(true);
    expect(new Set(found.map((f) => String(f.date_of_birth))).size).toBe(1);
  });

  it('proposes the man recorded twice for merging, with reasons an analyst can read', async () => {
    const page = (await t.call('analyst', 'GET', '/api/v1/person-suggestions?limit=100')).json();
    const pair = page.items.find((x: { a: { displayName: string }; b: { displayName: string } }) =>
      [x.a.displayName, x.b.displayName].sort().join(' | ') === ['Mohd Rafiq Bhutta', 'محمد رفیق بھٹہ'].sort().join(' | '));
    expect(pair).toBeTruthy();
    expect(pair.status).toBe('open');
    expect(pair.reasons.length).toBeGreaterThan(1);
  });

  it('finds, through the graph API, the path from the arrested uploader to the ringleader through shared identifiers, each hop with its record', async () => {
    const db = t.ctx.db;
    const person = async (name: string) => (await db.selectFrom('persons').select('id').where('display_name', '=', name).executeTakeFirstOrThrow()).id;
    const from = `person:${await person('Shafqat Laghari')}`;
    const to = `person:${await person('Anselm Krötzberger')}`;
    // Without the "in the same case" edges: the answer must go through the records that tie them (accounts, messages).
    const kinds = ['uses', 'owns', 'holds', 'paid', 'viewed', 'hosted', 'communicated', 'found_on', 'seized_in', 'same_as', 'sender', 'recipient', 'participant', 'host', 'viewer', 'payer'];
    const res = await t.call('analyst', 'GET', `/api/v1/graph/path?from=${from}&to=${to}&${kinds.map((k) => `edgeKinds=${k}`).join('&')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.length).not.toBeNull();
    expect(body.length).toBeLessThanOrEqual(6);
    const path = body.paths[0];
    const byId = new Map(body.edges.map((e: { id: string }) => [e.id, e]));
    for (const e of path.edges) expect((byId.get(e) as { justification: { label: string } }).justification.label).toBeTruthy();
    // Every node on the path is a person or an identifier entity: no case stands in for the evidence.
    expect(path.nodes.every((n: string) => n.startsWith('person:') || n.startsWith('entity:'))).toBe(true);
    expect(path.nodes.some((n: string) => n.startsWith('entity:'))).toBe(true);
  });
});
