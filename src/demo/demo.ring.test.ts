import { bech32 } from '@scure/base';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectScript } from '../modules/persons/person.names.ts';
import { resolveAll } from '../modules/resolution/resolution-index.ts';
import type { ResolutionRecord } from '../modules/resolution/record.ts';
import { buildDemoDataset, type DemoDataset } from './demo.dataset.ts';
import { finishGraphRows, FORUM, imeiWithCheck, RING_DUPLICATE, RING_HANDLE, RING_WALLET, ringKey } from './demo.ring.ts';
import { demoTestInput } from './demo.test-input.ts';

// The Muzaffargarh ring in the demo rows (issue 9, "What it must show"), checked without a database: the
// graph records exist with their provenance, a chain of links the Muzaffargarh investigator may see runs
// from an arrested suspect to the ringleader's forum handle, a Lahore case shares identifiers with the
// Muzaffargarh case, and one man recorded twice under two spellings in two districts is proposed for merging.

type Row = Record<string, unknown>;
let demo: DemoDataset;
let rows: DemoDataset['rows'];
const byId = (list: Row[]) => new Map(list.map((r) => [String(r.id), r]));

beforeAll(() => {
  demo = buildDemoDataset(demoTestInput());
  rows = demo.rows;
});

/** Node -> neighbours over the graph records of the given cases (links, communication participants, payments). */
function adjacency(visibleCases: Set<string>) {
  const adj = new Map<string, Array<{ to: string; via: string }>>();
  const add = (a: string, b: string, via: string) => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      if (!adj.has(x)) adj.set(x, []);
      adj.get(x)!.push({ to: y, via });
    }
  };
  for (const l of rows.links) {
    if (l.case_id === null || !visibleCases.has(String(l.case_id))) continue;
    add(`${String(l.from_type)}:${String(l.from_id)}`, `${String(l.to_type)}:${String(l.to_id)}`, `link ${String(l.kind)}`);
  }
  const commCase = new Map(rows.communications.map((c) => [String(c.id), String(c.case_id)]));
  for (const p of rows.communication_participants) {
    if (!visibleCases.has(commCase.get(String(p.communication_id))!)) continue;
    add(`communication:${String(p.communication_id)}`, `entity:${String(p.entity_id)}`, `participant ${String(p.role)}`);
  }
  for (const p of rows.payments) if (visibleCases.has(String(p.case_id))) add(`entity:${String(p.from_entity_id)}`, `entity:${String(p.to_entity_id)}`, 'payment');
  return adj;
}

function shortestPath(adj: ReturnType<typeof adjacency>, from: string, to: string): Array<{ node: string; via: string | null }> | null {
  const prev = new Map<string, { node: string; via: string } | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const n = queue.shift()!;
    if (n === to) break;
    for (const e of adj.get(n) ?? []) {
      if (prev.has(e.to)) continue;
      prev.set(e.to, { node: n, via: e.via });
      queue.push(e.to);
    }
  }
  if (!prev.has(to)) return null;
  const path: Array<{ node: string; via: string | null }> = [];
  for (let n: string | undefined = to, via: string | null = null; n !== undefined; ) {
    const p = prev.get(n);
    path.unshift({ node: n, via });
    via = p?.via ?? null;
    n = p?.node;
  }
  return path;
}

describe('the Muzaffargarh ring in the demo dataset', () => {
  it('holds the facility, the forum handle, foreign viewers, live streams, payments and seized devices as records', () => {
    const entities = byId(rows.entities);
    const entity = (kind: string, key: string) => rows.entities.find((e) => e.kind === kind && e.key === key);
    const facility = entities.get(demo.ring.facilityEntityId)!;
    expect(facility).toMatchObject({ kind: 'organisation', display: 'Rangla Fun Club', platform: 'recreational facility' });
    const place = rows.links.find((l) => l.kind === 'located_at' && l.from_id === demo.ring.facilityEntityId)!;
    expect(entities.get(String(place.to_id))).toMatchObject({ kind: 'place', key: 'ward 9, muzaffargarh' });
    expect(entities.get(demo.ring.ringleaderHandleEntityId)).toMatchObject({ kind: 'account', key: ringKey('account', RING_HANDLE, FORUM).key, display: RING_HANDLE });
    expect(entities.get(demo.ring.walletEntityId)).toMatchObject({ kind: 'wallet', key: RING_WALLET, platform: 'jazzcash' });

    // Live streams: a host, foreign viewers and a payer each.
    const streams = rows.communications.filter((c) => c.kind === 'live_stream' && c.case_id === demo.ring.mzgCaseId);
    expect(streams.length).toBeGreaterThanOrEqual(3);
    const viewers = new Set<string>();
    for (const s of streams) {
      const parts = rows.communication_participants.filter((p) => p.communication_id === s.id);
      expect(parts.filter((p) => p.role === 'host')).toHaveLength(1);
      expect(parts.filter((p) => p.role === 'payer')).toHaveLength(1);
      for (const p of parts.filter((x) => x.role === 'viewer')) viewers.add(String(p.entity_id));
    }
    const countries = [...viewers].map((v) => (entities.get(v)!.attributes as { country?: string }).country);
    expect(countries.every((c) => c && c !== 'PK')).toBe(true);
    expect(new Set(countries).size).toBeGreaterThanOrEqual(3);

    // Payments from abroad into the mobile wallet and into the Bitcoin address (checksum-correct, invented).
    const payments = rows.payments.filter((p) => p.case_id === demo.ring.mzgCaseId);
    const foreign = (id: unknown) => (entities.get(String(id))!.attributes as { country?: string }).country !== undefined || entities.get(String(id))!.kind === 'crypto_address';
    expect(payments.some((p) => p.to_entity_id === demo.ring.walletEntityId && p.currency === 'PKR' && foreign(p.from_entity_id))).toBe(true);
    expect(payments.some((p) => p.to_entity_id === demo.ring.btcEntityId && p.currency === 'BTC')).toBe(true);
    for (const e of rows.entities.filter((x) => x.kind === 'crypto_address')) expect(bech32.decode(String(e.key) as `${string}1${string}`).prefix).toBe('bc');

    // Devices seized in Operation Khel Ghar, the phone with a Luhn-correct IMEI.
    const seized = rows.links.filter((l) => l.kind === 'seized_in' && l.to_type === 'operation' && l.to_id === demo.muzaffargarhOperationId);
    expect(seized.length).toBeGreaterThanOrEqual(2);
    const imei = seized.map((l) => entities.get(String(l.from_id))!).find((e) => /^imei:\d{15}$/.test(String(e.key)))!;
    expect(imei).toBeDefined();
    expect(imeiWithCheck(String(imei.display).slice(0, 14))).toBe(imei.display);
    expect(entity('device', String(imei.key))).toBe(imei);
  });

  it('gives every graph record its provenance and sound references, one entity per key', () => {
    const ids = (list: Row[]) => new Set(list.map((r) => String(r.id)));
    const nodes: Record<string, Set<string>> = {
      person: ids(rows.persons), entity: ids(rows.entities), case: ids(rows.cases), operation: ids(rows.operations), evidence: ids(rows.evidence_items),
      communication: ids(rows.communications), victim: ids(rows.victims),
    };
    const demoUsers = new Set(rows.users.filter((u) => u.is_demo === true).map((u) => String(u.id)));
    expect(rows.links.length).toBeGreaterThan(20);
    for (const l of rows.links) {
      expect(nodes[String(l.from_type)]!.has(String(l.from_id)), `${String(l.from_type)} ${String(l.from_id)}`).toBe(true);
      expect(nodes[String(l.to_type)]!.has(String(l.to_id)), `${String(l.to_type)} ${String(l.to_id)}`).toBe(true);
      if (l.source_type === 'case' || l.source_type === 'person' || l.source_type === 'migration') continue; // identifier links may carry no case
      expect(nodes.case!.has(String(l.case_id))).toBe(true);
      expect(['evidence', 'communication', 'payment', 'operation', 'case']).toContain(l.source_type);
      if (l.source_type === 'evidence') expect(nodes.evidence!.has(String(l.source_id))).toBe(true);
      if (l.source_type === 'communication') expect(nodes.communication!.has(String(l.source_id))).toBe(true);
      expect(demoUsers.has(String(l.recorded_by))).toBe(true);
      expect(Number(l.confidence)).toBeGreaterThan(0);
      expect(Number(l.confidence)).toBeLessThanOrEqual(1);
      if (l.observed_from && l.observed_to) expect(String(l.observed_to) >= String(l.observed_from)).toBe(true);
      for (const d of [l.observed_from, l.observed_to, l.recorded_at].filter(Boolean).map(String)) expect(d >= '2024-01-01' && d < '2025-06-04', d).toBe(true);
    }
    for (const p of rows.payments) {
      expect(nodes.entity!.has(String(p.from_entity_id)) && nodes.entity!.has(String(p.to_entity_id))).toBe(true);
      expect(p.from_entity_id).not.toBe(p.to_entity_id);
      expect(demoUsers.has(String(p.recorded_by))).toBe(true);
    }
    for (const p of rows.communication_participants) expect(nodes.entity!.has(String(p.entity_id))).toBe(true);
    const keys = rows.entities.map((e) => `${String(e.kind)} ${String(e.key)}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Invented values only: numbers in the unallocated 0399 range, the IP address in a documentation range.
    for (const e of rows.entities.filter((x) => x.kind === 'phone')) expect(e.key).toMatch(/^\+92399\d{7}$/);
    for (const e of rows.entities.filter((x) => x.kind === 'wallet')) expect(e.key).toMatch(/^[a-z]+:\+92399\d{7}$/);
    for (const e of rows.entities.filter((x) => x.kind === 'device')) expect(e.key).toMatch(/^(imei:\d{15}|serial:[A-Z0-9:a-z]+)$/);
    for (const e of rows.entities.filter((x) => x.kind === 'ip_address')) expect(e.key).toMatch(/^203\.0\.113\./);
  });

  it('links an arrested Muzaffargarh suspect to the ringleader\'s forum handle through records the Muzaffargarh investigator may see', () => {
    const inv = String(rows.users.find((u) => u.username === 'demo.investigator')!.id);
    const visible = new Set(rows.case_team.filter((m) => m.user_id === inv).map((m) => String(m.case_id)));
    expect(visible.has(demo.ring.mzgCaseId)).toBe(true);
    expect(visible.has(demo.ring.secondCaseId)).toBe(false);
    const arrested = rows.arrests.filter((a) => a.operation_id === demo.muzaffargarhOperationId).map((a) => String(a.person_id));
    expect(arrested).toContain(demo.ring.arrestedSuspectId);
    expect(arrested).toContain(demo.ring.operatorId);

    const adj = adjacency(visible);
    const handle = `entity:${demo.ring.ringleaderHandleEntityId}`;
    const path = shortestPath(adj, `person:${demo.ring.arrestedSuspectId}`, handle);
    expect(path, 'no path from the arrested uploader to the handle').not.toBeNull();
    expect(path!.length - 1).toBeLessThanOrEqual(3);
    const longer = shortestPath(adj, `person:${demo.ring.operatorId}`, handle);
    expect(longer, 'no path from the arrested operator to the handle').not.toBeNull();
    // And on to the ringleader himself.
    expect(shortestPath(adj, `person:${demo.ring.arrestedSuspectId}`, `person:${demo.ring.ringleaderPersonId}`)).not.toBeNull();
    // Every hop is a record of the Muzaffargarh case.
    const mzgOnly = adjacency(new Set([demo.ring.mzgCaseId]));
    expect(shortestPath(mzgOnly, `person:${demo.ring.arrestedSuspectId}`, handle)).toHaveLength(path!.length);
  });

  it('has a second case in another district that shares the forum handle and the wallet', () => {
    const cases = byId(rows.cases);
    const second = cases.get(demo.ring.secondCaseId)!;
    const mzgCase = cases.get(demo.ring.mzgCaseId)!;
    expect(second.branch_id).not.toBe(mzgCase.branch_id);
    const touched = (caseId: string) => {
      const s = new Set<string>();
      for (const l of rows.links.filter((x) => x.case_id === caseId)) for (const [t, id] of [[l.from_type, l.from_id], [l.to_type, l.to_id]]) if (t === 'entity') s.add(String(id));
      for (const p of rows.payments.filter((x) => x.case_id === caseId)) s.add(String(p.from_entity_id)).add(String(p.to_entity_id));
      const comms = new Set(rows.communications.filter((c) => c.case_id === caseId).map((c) => String(c.id)));
      for (const p of rows.communication_participants.filter((x) => comms.has(String(x.communication_id)))) s.add(String(p.entity_id));
      return s;
    };
    const a = touched(demo.ring.mzgCaseId);
    const b = touched(demo.ring.secondCaseId);
    const shared = [...b].filter((id) => a.has(id));
    expect(shared).toEqual(expect.arrayContaining([demo.ring.ringleaderHandleEntityId, demo.ring.walletEntityId]));
    // The Lahore accused is an arrested suspect of that case.
    expect(rows.arrests.some((x) => x.case_id === demo.ring.secondCaseId)).toBe(true);
  });

  it('records one man in two districts under two spellings, one in Urdu script, and resolution proposes them', () => {
    const { urduPersonId, latinPersonId } = demo.ring.mergePair;
    const persons = byId(rows.persons);
    const cases = byId(rows.cases);
    const branch = new Map(demoTestInput().branches.map((b) => [b.id, b.district]));
    const districtOf = (personId: string) => {
      const cp = rows.case_persons.find((x) => x.person_id === personId);
      return cp ? branch.get(Number(cases.get(String(cp.case_id))!.branch_id)) : undefined;
    };
    expect(persons.get(urduPersonId)!.display_name).toBe(RING_DUPLICATE.urdu);
    expect(detectScript(RING_DUPLICATE.urdu)).toBe('urdu');
    expect(persons.get(latinPersonId)!.display_name).toBe(RING_DUPLICATE.latin);
    expect(detectScript(RING_DUPLICATE.latin)).toBe('latin');
    expect(districtOf(urduPersonId)).toBe('Muzaffargarh');
    expect(districtOf(latinPersonId)).toBe('Lahore');
    expect(persons.get(urduPersonId)!.date_of_birth).toBe(persons.get(latinPersonId)!.date_of_birth);

    // Every demo person as a resolution record; the pair must be proposed.
    const namesOf = new Map<string, string[]>();
    for (const n of rows.person_names) namesOf.set(String(n.person_id), [...(namesOf.get(String(n.person_id)) ?? []), String(n.name)]);
    // Phones: from the persons' identifier rows while that table exists, and from person -> phone links.
    const phonesOf = new Map<string, string[]>();
    const addPhone = (person: unknown, value: unknown) => phonesOf.set(String(person), [...new Set([...(phonesOf.get(String(person)) ?? []), String(value)])]);
    const legacy = (rows as Partial<Record<string, Row[]>>).person_identifiers ?? [];
    for (const i of legacy.filter((x) => x.kind === 'phone')) addPhone(i.person_id, i.value);
    const phoneEntities = new Map(rows.entities.filter((e) => e.kind === 'phone').map((e) => [String(e.id), e.key]));
    for (const l of rows.links) if (l.from_type === 'person' && l.to_type === 'entity' && phoneEntities.has(String(l.to_id))) addPhone(l.from_id, phoneEntities.get(String(l.to_id)));
    expect(phonesOf.get(urduPersonId)).toEqual([RING_DUPLICATE.phone]);
    expect(phonesOf.get(latinPersonId)).toEqual([RING_DUPLICATE.phone]);
    const records: ResolutionRecord[] = rows.persons.map((p) => ({
      id: String(p.id), names: namesOf.get(String(p.id)) ?? [String(p.display_name)],
      ...(p.date_of_birth ? { dateOfBirth: String(p.date_of_birth) } : {}),
      ...(districtOf(String(p.id)) ? { district: districtOf(String(p.id))! } : {}),
      phones: phonesOf.get(String(p.id)) ?? [],
    }));
    const proposed = resolveAll(records);
    const pair = proposed.find((s) => new Set([s.a, s.b]).has(urduPersonId) && new Set([s.a, s.b]).has(latinPersonId));
    expect(pair, 'the two spellings are not proposed for merging').toBeDefined();
    expect(pair!.reasons.map((r) => r.field)).toEqual(expect.arrayContaining(['name', 'phone', 'dateOfBirth']));
    // It is the strongest suggestion either record gets.
    const best = (id: string) => Math.max(...proposed.filter((s) => s.a === id || s.b === id).map((s) => s.score));
    expect(pair!.score).toBe(best(urduPersonId));
    expect(pair!.score).toBe(best(latinPersonId));
  });

  it('finishes graph rows written elsewhere: one entity per key, links completed for the loader', () => {
    const empty = Object.fromEntries(Object.keys(rows).map((k) => [k, [] as Row[]])) as DemoDataset['rows'];
    const r = { ...empty, entities: [{ id: 'e1', kind: 'phone', key: '+923996000001' }, { id: 'e2', kind: 'phone', key: '+923996000001' }] as Row[] };
    r.links = [
      { kind: 'uses', from_type: 'person', from_id: 'p1', to_type: 'entity', to_id: 'e2', case_id: null, source_type: 'person', source_id: 'p1' },
      { kind: 'uses', from_type: 'person', from_id: 'p1', to_type: 'entity', to_id: 'e1', case_id: null, source_type: 'person', source_id: 'p1' },
    ];
    r.payments = [{ from_entity_id: 'e2', to_entity_id: 'e9' }];
    r.communication_participants = [{ communication_id: 'c1', entity_id: 'e1', role: 'viewer' }, { communication_id: 'c1', entity_id: 'e2', role: 'viewer' }];
    expect([...finishGraphRows(r)]).toEqual([['e2', 'e1']]);
    expect(r.entities.map((e) => e.id)).toEqual(['e1']);
    expect(r.links).toEqual([{ kind: 'uses', from_type: 'person', from_id: 'p1', to_type: 'entity', to_id: 'e1', case_id: null, source_type: 'person', source_id: 'p1', confidence: 1, notes: '', observed_from: null, observed_to: null }]);
    expect(r.payments[0]).toMatchObject({ from_entity_id: 'e1' });
    expect(r.communication_participants).toHaveLength(1);
    expect(r.entities[0]!.attributes).toEqual({});
  });
});
