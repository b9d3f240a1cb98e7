import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseGexf } from 'graphology-gexf';
import { MultiDirectedGraph } from 'graphology';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { GraphStore } from '../../src/modules/graph/graph.store.ts';

const { engines } = await detectEngines();

// A small ring across two branches: the local suspect (case A, branch A) owns a mobile wallet; the foreign
// ringleader (case B, branch B) uses a forum handle that paid that wallet (a payment recorded in case B). Only
// case B's records join the suspect to the ringleader, so an investigator of case A must not find that path,
// nor learn that the ringleader or case B exist. A viewer account paid the wallet in case A (a path invA may see).
describe.each(engines)('graph queries and access on %s', (engine) => {
  let t: TestApp;
  const ids = {} as Record<string, string>;
  const IDENTITY = 'Zainab Invented-Testname';

  const openCase = async (user: UserKey, branchId: number, title: string) => {
    const res = await t.call(user, 'POST', '/api/v1/cases', { branchId, title, summary: 'Synthetic graph test case', offenceCodes: ['PECA-22'] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const person = async (name: string, caseId: string, role: string) => {
    const p = await t.ctx.db.insertInto('persons').values({ display_name: name }).returning('id').executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('case_persons').values({ case_id: caseId, person_id: p.id, role: role as 'suspect' }).execute();
    return p.id;
  };
  const entity = async (kind: 'wallet' | 'account', key: string, display: string, platform: string) =>
    (await t.ctx.db.insertInto('entities').values({ kind, key, display, platform }).returning('id').executeTakeFirstOrThrow()).id;
  const link = async (kind: 'owns' | 'uses' | 'associate_of', from: string, to: string, caseId: string | null, extra: Record<string, unknown> = {}) =>
    (await t.ctx.db.insertInto('links').values({ kind, from_type: from.split(':')[0] as 'person', from_id: from.split(':')[1]!, to_type: to.split(':')[0] as 'entity', to_id: to.split(':')[1]!, case_id: caseId, source_type: 'manual', ...extra }).returning('id').executeTakeFirstOrThrow()).id;
  const get = async (user: UserKey, url: string) => t.call(user, 'GET', `/api/v1/graph/${url}`);

  beforeAll(async () => {
    t = await createTestApp(engine);
    ids.caseA = await openCase('invA', t.branchA, 'Muzaffargarh facility case');
    ids.caseB = await openCase('invB', t.branchB, 'Lahore forum case');
    ids.suspect = await person('Local Suspect Testname', ids.caseA, 'suspect');
    ids.ringleader = await person('Foreign Ringleader Testname', ids.caseB, 'ringleader');
    ids.wallet = await entity('wallet', 'jazzcash:+923001112223', '+92 300 1112223', 'JazzCash');
    ids.handle = await entity('account', 'darkforum:ringleader_x', 'ringleader_x', 'darkforum');
    ids.viewer = await entity('account', 'streamsite:viewer42', 'viewer42', 'streamsite');
    ids.owns = await link('owns', `person:${ids.suspect}`, `entity:${ids.wallet}`, ids.caseA, { observed_from: new Date('2025-01-10T00:00:00Z') });
    ids.uses = await link('uses', `person:${ids.ringleader}`, `entity:${ids.handle}`, ids.caseB);
    ids.payB = (await t.ctx.db.insertInto('payments').values({ case_id: ids.caseB, from_entity_id: ids.handle, to_entity_id: ids.wallet, amount: 250, currency: 'EUR', paid_at: new Date('2025-03-02T10:00:00Z'), reference: 'stream 3' }).returning('id').executeTakeFirstOrThrow()).id;
    ids.payA = (await t.ctx.db.insertInto('payments').values({ case_id: ids.caseA, from_entity_id: ids.viewer, to_entity_id: ids.wallet, amount: 40, currency: 'USD', paid_at: new Date('2025-02-01T10:00:00Z') }).returning('id').executeTakeFirstOrThrow()).id;
    const v = await t.call('invA', 'POST', `/api/v1/cases/${ids.caseA}/victims`, { gender: 'female', ageAtIdentification: 12, identity: { fullName: IDENTITY, urduName: 'زینب', guardianName: 'Guardian Testname', guardianContact: '0300-0000000', address: 'Invented Street 1' } });
    expect(v.statusCode, v.body).toBe(201);
    ids.victim = v.json().id;
    ids.pseudonym = v.json().pseudonym;
  });
  afterAll(async () => t?.close());

  it('finds the path from the local suspect to the foreign ringleader, with the record behind each hop (analyst)', async () => {
    const res = await get('analyst', `path?from=person:${ids.suspect}&to=person:${ids.ringleader}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.length).toBe(3);
    expect(r.paths[0].nodes).toEqual([`person:${ids.suspect}`, `entity:${ids.wallet}`, `entity:${ids.handle}`, `person:${ids.ringleader}`]);
    const hops = r.paths[0].edges.map((e: string) => r.edges.find((x: { id: string }) => x.id === e));
    expect(hops.map((h: { kind: string }) => h.kind)).toEqual(['owns', 'paid', 'uses']);
    expect(hops[1]).toMatchObject({ source: `entity:${ids.handle}`, target: `entity:${ids.wallet}`, caseIds: [ids.caseB], justification: { type: 'payment', id: ids.payB } });
    expect(hops[1].justification.label).toContain('250 EUR on 2025-03-02');
    expect(hops[0].justification).toMatchObject({ type: 'link', id: ids.owns });
  });

  it('an investigator of case A finds no path through case B, and cannot tell the ringleader or case B exist', async () => {
    const hidden = await get('invA', `path?from=person:${ids.suspect}&to=person:${ids.ringleader}`);
    const missing = await get('invA', `path?from=person:${ids.suspect}&to=person:00000000-0000-4000-8000-000000000000`);
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const strip = (b: Record<string, unknown>) => ({ ...b, correlationId: undefined });
    expect(strip(hidden.json())).toEqual(strip(missing.json()));
    // Its own view of the wallet: the suspect, its case, the viewer that paid it; nothing of case B.
    const n = await get('invA', `neighbourhood?node=entity:${ids.wallet}&hops=3`);
    expect(n.statusCode).toBe(200);
    const body = n.body;
    for (const secret of [ids.handle, ids.ringleader, ids.caseB, ids.payB, 'ringleader_x', 'Lahore forum case']) expect(body).not.toContain(secret);
    expect(n.json().nodes.map((x: { id: string }) => x.id).sort()).toEqual([`case:${ids.caseA}`, `entity:${ids.viewer}`, `entity:${ids.wallet}`, `person:${ids.suspect}`, `victim:${ids.victim}`].sort());
    expect(n.json().truncated).toBe(false);
    // A visible path still works: the viewer account that paid the suspect's wallet.
    const p = await get('invA', `path?from=person:${ids.suspect}&to=entity:${ids.viewer}`);
    expect(p.json().length).toBe(2);
    // The ringleader's own node, case B's node: the same 404 as nothing.
    expect((await get('invA', `neighbourhood?node=person:${ids.ringleader}`)).statusCode).toBe(404);
    expect((await get('invA', `neighbourhood?node=case:${ids.caseB}`)).statusCode).toBe(404);
    // Counts do not leak either: the wallet's network has the same size whatever case B holds.
    const comps = (await get('invA', 'components')).json();
    expect(comps.items.reduce((s: number, c: { size: number }) => s + c.size, 0)).toBe(5);
    expect(JSON.stringify(comps)).not.toContain(ids.handle);
    const linked = (await get('invA', `linked-cases?case=case:${ids.caseA}`)).json();
    expect(linked.total).toBe(0);
    const central = (await get('invA', 'central?measure=degree')).json();
    expect(central.nodeCount).toBe(5);
  });

  it('a supervisor of branch B sees case B\'s side, not branch A\'s', async () => {
    const n = (await get('supB', `neighbourhood?node=entity:${ids.wallet}&hops=2`)).json();
    expect(n.nodes.map((x: { id: string }) => x.id).sort()).toEqual([`entity:${ids.handle}`, `entity:${ids.wallet}`, `person:${ids.ringleader}`].sort());
    expect((await get('supB', `neighbourhood?node=person:${ids.suspect}`)).statusCode).toBe(404);
  });

  it('cases linked to a case, and why: through the shared wallet (analyst)', async () => {
    const r = (await get('analyst', `linked-cases?case=case:${ids.caseA}`)).json();
    expect(r.total).toBe(1);
    expect(r.items[0].case.id).toBe(`case:${ids.caseB}`);
    expect(r.items[0].via.map((v: { node: { id: string } | null }) => v.node?.id)).toEqual([`entity:${ids.wallet}`]);
    expect(r.items[0].via[0].edges.map((e: { justification: { id: string } }) => e.justification.id).sort()).toEqual([ids.owns, ids.payA, ids.payB].sort());
  });

  it('victims appear by pseudonym only, never an identity field', async () => {
    const n = await get('invA', `neighbourhood?node=case:${ids.caseA}&hops=1`);
    const victim = n.json().nodes.find((x: { id: string }) => x.id === `victim:${ids.victim}`);
    expect(victim).toMatchObject({ type: 'victim', label: ids.pseudonym, attributes: {} });
    for (const secret of [IDENTITY, 'زینب', 'Guardian Testname', 'Invented Street']) expect(n.body).not.toContain(secret);
    const all = await get('analyst', `export?node=case:${ids.caseA}&format=json&component=true`);
    expect(all.body).toContain(ids.pseudonym);
    expect(all.body).not.toContain(IDENTITY);
  });

  it('filters by node type, edge kind and observed period', async () => {
    const onlyPaid = (await get('analyst', `neighbourhood?node=entity:${ids.wallet}&edgeKinds=paid`)).json();
    expect(onlyPaid.nodes.map((x: { id: string }) => x.id).sort()).toEqual([`entity:${ids.handle}`, `entity:${ids.viewer}`, `entity:${ids.wallet}`].sort());
    const march = (await get('analyst', `neighbourhood?node=entity:${ids.wallet}&hops=1&observedFrom=2025-03-01T00:00:00Z`)).json();
    // The February payment falls out; the undated and later records stay.
    expect(march.nodes.map((x: { id: string }) => x.id)).not.toContain(`entity:${ids.viewer}`);
    expect(march.nodes.map((x: { id: string }) => x.id)).toContain(`entity:${ids.handle}`);
    const persons = (await get('analyst', `path?from=person:${ids.suspect}&to=person:${ids.ringleader}&nodeTypes=person,case`)).json();
    expect(persons.length).toBeNull();
    const bad = await get('analyst', 'neighbourhood?node=nobody&hops=9');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('node');
  });

  it('networks, communities and key players (analyst)', async () => {
    const comps = (await get('analyst', 'components')).json();
    expect(comps.items[0].size).toBe(8);
    expect(comps.items[0].types).toMatchObject({ person: 2, entity: 3, case: 2, victim: 1 });
    const comms = await get('analyst', `communities?node=person:${ids.suspect}`);
    expect(comms.statusCode, comms.body).toBe(200);
    expect(comms.json().items.reduce((s: number, c: { size: number }) => s + c.size, 0)).toBe(8);
    const bt = (await get('analyst', `central?measure=betweenness&node=person:${ids.suspect}&rankTypes=entity`)).json();
    expect(bt.items[0].id).toBe(`entity:${ids.wallet}`);
    const pr = (await get('analyst', 'central?measure=pagerank&limit=3')).json();
    expect(pr.items).toHaveLength(3);
  });

  it('exports GraphML and GEXF that read back, and audits the export', async () => {
    const gml = await get('analyst', `export?node=person:${ids.suspect}&format=graphml&hops=3`);
    expect(gml.statusCode).toBe(200);
    expect(gml.headers['content-type']).toContain('graphml');
    const g1 = parseGraphml(MultiDirectedGraph, gml.body);
    expect(g1.hasNode(`person:${ids.ringleader}`)).toBe(true);
    expect(g1.getNodeAttribute(`entity:${ids.handle}`, 'label')).toBe('ringleader_x');
    const gexf = await get('analyst', `export?node=person:${ids.suspect}&format=gexf&component=true`);
    const g2 = parseGexf(MultiDirectedGraph, gexf.body);
    expect(g2.order).toBe(8);
    expect(g2.size).toBe(7);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'graph.export').orderBy('seq').execute();
    // The JSON export of the victims test, then these two.
    expect(audit.length).toBe(3);
    expect(audit.map((a) => (typeof a.details === 'string' ? JSON.parse(a.details) : a.details).format)).toEqual(['json', 'graphml', 'gexf']);
  });

  it('is not open to leadership, administrators, auditors or protection officers', async () => {
    for (const user of ['leadership', 'admin', 'auditor', 'prot'] as const) {
      expect((await get(user, `neighbourhood?node=entity:${ids.wallet}`)).statusCode, user).toBe(403);
    }
  });

  it('the same media in two cases and known-material hits become case edges, kept current (no media paths shown)', async () => {
    const db = t.ctx.db;
    const mediaIn = async (caseId: string, name: string) => {
      const ev = await db.insertInto('evidence_items').values({ case_id: caseId, label: `Phone ${name}`, kind: 'phone' }).returning('id').executeTakeFirstOrThrow();
      const job = await db.insertInto('ingest_jobs').values({ case_id: caseId, evidence_id: ev.id, root_path: '/mnt/invented' }).returning('id').executeTakeFirstOrThrow();
      return (await db.insertInto('media_files').values({ job_id: job.id, evidence_id: ev.id, case_id: caseId, rel_path: `DCIM/secret-${name}.jpg`, size: 10, media_kind: 'image', sha256: 'ab'.repeat(32) }).returning('id').executeTakeFirstOrThrow()).id;
    };
    const mA = await mediaIn(ids.caseA, 'a');
    const mB = await mediaIn(ids.caseB, 'b');
    const set = await db.insertInto('hash_sets').values({ name: 'Invented known set', source: 'test' }).returning('id').executeTakeFirstOrThrow();
    const entry = await db.insertInto('hash_set_entries').values({ hash_set_id: set.id, sha256: 'ab'.repeat(32), attributes: '{}' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('media_matches').values([
      { media_file_id: mA, other_media_file_id: mB, match_type: 'sha256' },
      { media_file_id: mA, hash_set_entry_id: entry.id, match_type: 'sha256' },
      { media_file_id: mB, hash_set_entry_id: entry.id, match_type: 'sha256' },
    ]).execute();
    const r = (await get('analyst', `linked-cases?case=case:${ids.caseA}`)).json();
    const b = r.items.find((i: { case: { id: string } }) => i.case.id === `case:${ids.caseB}`);
    const direct = b.via.find((v: { node: unknown }) => v.node === null);
    expect(direct.edges[0]).toMatchObject({ kind: 'shares_media', caseIds: [ids.caseA, ids.caseB].sort(), justification: { type: 'media_match' } });
    expect(b.via.map((v: { node: { id: string } | null }) => v.node?.id)).toContain(`hash_set:${set.id}`);
    // invA sees its case's hit on the set, not that case B shares it, nor the shared media.
    const n = await get('invA', `neighbourhood?node=case:${ids.caseA}&hops=2`);
    const known = n.json().edges.find((e: { kind: string }) => e.kind === 'matches_known');
    expect(known).toMatchObject({ source: `case:${ids.caseA}`, target: `hash_set:${set.id}`, attributes: { files: 1 } });
    expect(n.body).not.toContain(ids.caseB);
    expect(n.body).not.toContain('secret-');
    expect((await get('invA', `linked-cases?case=case:${ids.caseA}`)).json().total).toBe(0);
    // Deleting the cross-case match removes the direct edge.
    await db.deleteFrom('media_matches').where('media_file_id', '=', mA).where('other_media_file_id', '=', mB).execute();
    const after = (await get('analyst', `linked-cases?case=case:${ids.caseA}`)).json();
    const b2 = after.items.find((i: { case: { id: string } }) => i.case.id === `case:${ids.caseB}`);
    expect(b2.via.some((v: { node: unknown }) => v.node === null)).toBe(false);
  });

  it('stays current as records change, without restart, in this process and another', async () => {
    const other = new GraphStore(t.ctx.db);
    await other.refresh();
    expect(other.graph.hasNode(`entity:${ids.viewer}`)).toBe(true);
    // invA records that the viewer account is used by a person of case A: the path appears at once.
    const p2 = await person('Second Local Testname', ids.caseA, 'facilitator');
    // (through the case and the suspect's wallet, at first)
    expect((await get('invA', `path?from=person:${p2}&to=entity:${ids.viewer}`)).json().length).toBe(4);
    const l = await link('uses', `person:${p2}`, `entity:${ids.viewer}`, ids.caseA);
    const r = (await get('invA', `path?from=person:${p2}&to=entity:${ids.viewer}`)).json();
    expect(r.paths).toEqual([{ nodes: [`person:${p2}`, `entity:${ids.viewer}`], edges: [`link:${l}`] }]);
    // The other process's store (another server, the CLI) catches up from the change log.
    await other.refresh();
    expect(other.graph.hasEdge(`link:${l}`)).toBe(true);
    // A deleted link and a renamed entity are followed too.
    await t.ctx.db.deleteFrom('links').where('id', '=', l).execute();
    await t.ctx.db.updateTable('entities').set({ display: 'viewer42 (renamed)' }).where('id', '=', ids.viewer).execute();
    expect((await get('invA', `path?from=person:${p2}&to=entity:${ids.viewer}`)).json().length).toBe(4);
    await other.refresh();
    expect(other.graph.hasEdge(`link:${l}`)).toBe(false);
    expect(other.graph.getNodeAttribute(`entity:${ids.viewer}`, 'label')).toBe('viewer42 (renamed)');
    // A person added to case B becomes invisible to invA with every edge of theirs from case B.
    await t.ctx.db.insertInto('case_persons').values({ case_id: ids.caseB, person_id: p2, role: 'facilitator' }).execute();
    const n = (await get('invA', `neighbourhood?node=person:${p2}`)).json();
    expect(n.nodes.map((x: { id: string }) => x.id)).not.toContain(`case:${ids.caseB}`);
    const a = (await get('analyst', `neighbourhood?node=person:${p2}&hops=1`)).json();
    expect(a.nodes.map((x: { id: string }) => x.id)).toContain(`case:${ids.caseB}`);
  });
});
