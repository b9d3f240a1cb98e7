import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { typedClient, type TypedClient } from '../support/openapi-client.ts';
import type { paths } from '../support/openapi-types.ts';
import { amaanReport, organisationWithKey } from './support.ts';

type TipBody = paths['/api/v1/tips']['post']['requestBody']['content']['application/json'];

// Triage (issue 11, part 2): a referral in through the API, triaged, routed, converted to a case, its entities in
// the graph; duplicates linked; a hash-set match raising the priority; rules analysts adjust; who sees which tip.
const { engines } = await detectEngines();

describe.each(engines)('tip triage on %s', (engine) => {
  let t: TestApp;
  let platform: Awaited<ReturnType<typeof organisationWithKey>>;
  let analyst: TypedClient;
  let supA: TypedClient;
  let supB: TypedClient;
  const knownMd5 = 'aaaabbbbccccddddeeeeffff00001111';
  beforeAll(async () => {
    t = await createTestApp(engine);
    platform = await organisationWithKey(t, 'Triage Platform');
    analyst = typedClient(t.app, { token: t.users.analyst.token });
    supA = typedClient(t.app, { token: t.users.supA.token });
    supB = typedClient(t.app, { token: t.users.supB.token });
    // A hash set of known material (synthetic hash, no material).
    const set = await t.ctx.db.insertInto('hash_sets').values({ name: 'Synthetic known set', source: 'test' }).returning('id').executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('hash_set_entries').values({ hash_set_id: set.id, md5: knownMd5, category: '1' }).execute();
  }, 1_500_000);
  afterAll(async () => t?.close());

  const file = async (body: TipBody) => {
    const res = await platform.client.POST('/api/v1/tips', { body });
    if (!res.data) throw new Error(JSON.stringify(res.error));
    const row = await t.ctx.db.selectFrom('tips').select('id').where('receipt', '=', res.data.receipt).executeTakeFirstOrThrow();
    return row.id;
  };

  it('a referral in through the API is triaged, routed by landline area code, converted to a case, and its entities are in the graph', async () => {
    const id = await file(amaanReport({
      incident: { type: 'online enticement of children', at: '2026-03-02T08:00:00Z', summary: 'A user offered money for images.', annotations: ['sextortion', 'self_produced'] },
      location: { phone: '066 2345678' },
      reported: [{ name: 'Reported Person One', accounts: [{ platform: 'Telegram', handle: 'graph_hub_user' }], phones: ['0301-7654321'], ips: [{ address: '203.0.113.50' }], wallets: [{ provider: 'JazzCash', number: '0301-7654321' }] }],
      recipient: { accounts: [{ platform: 'Telegram', handle: 'graph_child_account' }] },
      files: [{ name: 'sent.jpg', md5: '1234567890abcdef1234567890abcdef', viewedByEsp: false }],
    }));
    const tip = (await supA.GET('/api/v1/tips/{id}', { params: { path: { id } } })).data!;
    expect(tip.branchId).toBe(t.branchA);
    expect(tip.routing.method).toBe('area_code');
    expect(tip.reasons.map((r) => r.rule)).toContain('sextortion_self_produced');
    // The branch's queue has it; the other branch's supervisor neither lists nor reads it.
    const queueA = await supA.GET('/api/v1/tips', { params: { query: { branch: t.branchA, status: 'new' } } });
    expect(queueA.data!.items.map((i) => i.id)).toContain(id);
    expect(queueA.data!.items[0]!.ageHours).toBeGreaterThanOrEqual(0);
    expect((await supB.GET('/api/v1/tips', {})).data!.items.map((i) => i.id)).not.toContain(id);
    expect((await supB.GET('/api/v1/tips/{id}', { params: { path: { id } } })).response.status).toBe(404);
    expect((await typedClient(t.app, { token: t.users.invA.token }).GET('/api/v1/tips', {})).response.status).toBe(403);
    expect((await supB.POST('/api/v1/tips/{id}/convert', { params: { path: { id } }, body: {} })).response.status).toBe(404);

    // A person already recorded in another case, with the same name and phone as the one the tip names.
    const earlier = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Earlier case', summary: 'x', offenceCodes: ['PECA-22'] })).json().id as string;
    const known = await t.call('invA', 'POST', `/api/v1/cases/${earlier}/persons`, { role: 'suspect', person: { displayName: 'Reported Person One', phones: ['0301-7654321'] } });
    expect(known.statusCode).toBe(201);

    const converted = await supA.POST('/api/v1/tips/{id}/convert', { params: { path: { id } }, body: { title: 'Sextortion referral from a platform' } });
    expect(converted.response.status).toBe(201);
    const caseId = converted.data!.caseId!;
    expect(converted.data).toMatchObject({ status: 'converted', files: 1 });
    expect(converted.data!.entities).toBeGreaterThanOrEqual(5);
    // A tip is dealt with once.
    expect((await supA.POST('/api/v1/tips/{id}/convert', { params: { path: { id } }, body: {} })).response.status).toBe(409);

    const c = await t.call('supA', 'GET', `/api/v1/cases/${caseId}`);
    expect(c.json()).toMatchObject({ branchId: t.branchA, title: 'Sextortion referral from a platform' });
    // Every identifier of the tip is an entity of the case, and the graph reaches them from the case.
    const ents = (await t.call('supA', 'GET', `/api/v1/cases/${caseId}/entities`)).json() as { entities: Array<{ kind: string; display: string }> };
    expect(ents.entities.map((e) => `${e.kind}:${e.display}`)).toEqual(expect.arrayContaining(['account:graph_hub_user', 'account:graph_child_account', 'ip_address:203.0.113.50', 'phone:+923017654321']));
    const graph = await t.call('supA', 'GET', `/api/v1/graph/neighbourhood?node=case:${caseId}&hops=2`);
    expect(graph.statusCode).toBe(200);
    const labels = (graph.json() as { nodes: Array<{ label: string }> }).nodes.map((n) => n.label);
    expect(labels).toEqual(expect.arrayContaining(['graph_hub_user', 'graph_child_account', '203.0.113.50']));
    // The person the tip names is a suspect of the new case, proposed as a duplicate of the earlier record, not merged.
    const persons = await t.ctx.db.selectFrom('persons').select('id').where('display_name', '=', 'Reported Person One').execute();
    expect(persons).toHaveLength(2);
    const suggestion = await t.ctx.db.selectFrom('person_merge_suggestions').select(['status']).where('person_a', 'in', persons.map((p) => p.id)).where('person_b', 'in', persons.map((p) => p.id)).executeTakeFirst();
    expect(suggestion?.status).toBe('open');
    // The file hashes are in the case's timeline.
    const timeline = (await t.call('supA', 'GET', `/api/v1/cases/${caseId}/timeline`)).json() as { items: Array<{ body: string }> };
    expect(timeline.items.map((i) => i.body).join('\n')).toContain('MD5 1234567890abcdef1234567890abcdef');
  });

  it('links a duplicate and related reports (same account, URL, hash)', async () => {
    const first = await file(amaanReport({ reported: [{ accounts: [{ platform: 'Snapchat', handle: 'dup_account_77' }] }], urls: ['https://share.example.com/v/77'] }));
    const second = await file(amaanReport({ reported: [{ accounts: [{ platform: 'Snapchat', handle: 'DUP_account_77' }] }] }));
    const third = await file(amaanReport({ urls: ['HTTPS://share.example.com/v/77/'] }));
    const detail = (await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: first } } })).data!;
    const related = new Map(detail.relatedTips.map((r) => [r.id, r.reasons.map((x) => x.reason)]));
    expect(related.get(second)).toEqual(['account']);
    expect(related.get(third)).toEqual(['url']);
    const s = (await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: second } } })).data!;
    expect(s.related).toBe(1);
    expect(s.reasons.map((r) => r.rule)).toContain('related_reports');
  });

  it('raises a report whose file hash is in a hash set, and analysts adjust the rule weights', async () => {
    const plain = await file(amaanReport({ files: [{ name: 'a.jpg', md5: 'ffffeeeeddddccccbbbbaaaa99998888' }] }));
    const known = await file(amaanReport({ files: [{ name: 'b.jpg', md5: knownMd5.toUpperCase() }] }));
    const k = (await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: known } } })).data!;
    const p = (await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: plain } } })).data!;
    expect(k.reasons.map((r) => r.rule)).toContain('known_material');
    expect(k.priority).toBeGreaterThan(p.priority);
    expect(k.files[0]!.matches).toEqual([{ kind: 'hash_set', label: 'Synthetic known set', caseId: null, by: 'md5' }]);

    // The rules are data: an analyst reads and changes a weight, and the open tips are re-scored.
    const rules = await analyst.GET('/api/v1/tip-rules');
    expect(rules.data!.items.find((r) => r.code === 'known_material')?.weight).toBe(50);
    expect((await supA.PATCH('/api/v1/tip-rules/{code}', { params: { path: { code: 'known_material' } }, body: { weight: 1 } })).response.status).toBe(403);
    const changed = await analyst.PATCH('/api/v1/tip-rules/{code}', { params: { path: { code: 'known_material' } }, body: { weight: 300 } });
    expect(changed.data!.items.find((r) => r.code === 'known_material')).toMatchObject({ weight: 300, updatedBy: 'Test analyst' });
    const after = (await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: known } } })).data!;
    expect(after.priority).toBe(k.priority - 50 + 300);
    const bad = await analyst.PATCH('/api/v1/tip-rules/{code}', { params: { path: { code: 'known_material' } }, body: { weight: 5000 } });
    expect(bad.response.status).toBe(400);
    // The queue puts it first.
    const queue = await analyst.GET('/api/v1/tips', { params: { query: { status: 'new' } } });
    expect(queue.data!.items[0]!.id).toBe(known);
  });

  it('routes by the district named, leaves the rest to an analyst, and attaches a tip to an existing case', async () => {
    const lahore = await file(amaanReport({ location: { district: 'lahore' } }));
    expect((await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: lahore } } })).data!.branchId).toBe(t.branchB);
    const nowhere = await file(amaanReport({ reported: [{ accounts: [{ platform: 'Discord', handle: 'attach_me_1' }], phones: ['0333-5550001'] }] }));
    const n = (await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: nowhere } } })).data!;
    expect(n.branchId).toBeNull();
    expect((await analyst.GET('/api/v1/tips', { params: { query: { branch: 'unrouted' } } })).data!.items.map((i) => i.id)).toContain(nowhere);
    // Converting needs a branch.
    const refused = await analyst.POST('/api/v1/tips/{id}/convert', { params: { path: { id: nowhere } }, body: {} });
    expect(refused.response.status).toBe(400);
    expect((refused.error as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('branchId');
    // Supervisor A may not attach to branch B's case; the analyst attaches it to a case of branch A.
    const caseB = (await t.call('invB', 'POST', '/api/v1/cases', { branchId: t.branchB, title: 'Existing case B', summary: 'x', offenceCodes: ['PECA-22'] })).json().id as string;
    const caseA = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Existing case A', summary: 'x', offenceCodes: ['PECA-22'] })).json().id as string;
    expect((await analyst.POST('/api/v1/tips/{id}/route', { params: { path: { id: nowhere } }, body: { branchId: t.branchA } })).response.status).toBe(200);
    const hidden = await supA.POST('/api/v1/tips/{id}/attach', { params: { path: { id: nowhere } }, body: { caseId: caseB } });
    expect(hidden.response.status).toBe(400);
    const attached = await supA.POST('/api/v1/tips/{id}/attach', { params: { path: { id: nowhere } }, body: { caseId: caseA } });
    expect(attached.response.status).toBe(200);
    expect(attached.data).toMatchObject({ caseId: caseA, status: 'attached', entities: 2 });
    const ents = (await t.call('invA', 'GET', `/api/v1/cases/${caseA}/entities`)).json() as { entities: Array<{ display: string }> };
    expect(ents.entities.map((e) => e.display)).toEqual(expect.arrayContaining(['attach_me_1', '+923335550001']));

    // A later report naming an identifier of that case is raised as "already in a case".
    const again = await file(amaanReport({ reported: [{ accounts: [{ platform: 'Discord', handle: 'attach_me_1' }] }] }));
    expect((await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: again } } })).data!.reasons.map((r) => r.rule)).toContain('known_in_case');
  });

  it('routes a report that gives only coordinates to the branch of the district holding them, and one at sea to no branch', async () => {
    // Amaan's shape: coordinates the reporter gives, in Lahore (branch B), nothing else about the place.
    const lahore = await file(amaanReport({ location: { latitude: 31.5204, longitude: 74.3587 } }));
    const l = (await supB.GET('/api/v1/tips/{id}', { params: { path: { id: lahore } } })).data!;
    expect(l.branchId).toBe(t.branchB);
    expect(l.routing.method).toBe('coordinates');
    expect(l.routing.detail).toContain('coordinates 31.5204, 74.3587 lie in Lahore');
    expect(l.routing.detail).not.toContain('estimate');
    // The CyberTipline shape: the platform's estimated location, in Muzaffargarh (branch A), said to be an estimate.
    const res = await platform.client.POST('/api/v1/tips', { body: {
      reportId: `CT-GEO-${Date.now()}`,
      incidentSummary: { incidentType: 'Online Enticement of Children for Sexual Acts' },
      personOrUserReported: [{ espService: 'Instagram', screenName: `geo_user_${Date.now()}`, estimatedLocation: { countryCode: 'PK', latitude: 30.0736, longitude: 71.1805 } }],
    } });
    expect(res.response.status).toBe(201);
    const ct = await t.ctx.db.selectFrom('tips').select('id').where('receipt', '=', res.data!.receipt).executeTakeFirstOrThrow();
    const m = (await supA.GET('/api/v1/tips/{id}', { params: { path: { id: ct.id } } })).data!;
    expect(m.branchId).toBe(t.branchA);
    expect(m.routing.method).toBe('coordinates');
    expect(m.routing.detail).toContain('the platform\'s estimated location');
    expect(m.routing.detail).toContain('also holds Kot Addu');
    // At sea: routed nowhere, and the detail says why.
    const sea = await file(amaanReport({ location: { latitude: 24.2, longitude: 66.6 } }));
    const s = (await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: sea } } })).data!;
    expect(s.branchId).toBeNull();
    expect(s.routing).toMatchObject({ method: 'none' });
    expect(s.routing.detail).toContain('outside every district of Pakistan (abroad or at sea)');
  });

  it('closes a tip saying why, and an investigator reads no tip', async () => {
    const id = await file(amaanReport({ location: { district: 'Muzaffargarh' } }));
    expect((await supA.POST('/api/v1/tips/{id}/close', { params: { path: { id } }, body: { reason: 'not a child: adult content' } })).data?.status).toBe('closed');
    const inv = typedClient(t.app, { token: t.users.invA.token });
    expect((await inv.GET('/api/v1/tips/{id}', { params: { path: { id } } })).response.status).toBe(403);
  });
});
