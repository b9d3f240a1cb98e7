import { describe, expect, it } from 'vitest';
import { edgeKinds, nodeTypes, type GraphEdge, type GraphNode, type PathResponse } from '../../../modules/graph/graph.schema.ts';
import {
  apiFilters, applyFilters, dayToInstant, edgeHref, emptyGraph, hopForward, inPeriod, kindsPresent, mergeGraph, nodeFilterKey, nodeHref, nodeLabel,
  noFilters, parseNodeId, pathHops, toElements, withPath,
} from './graph-model.ts';

const node = (id: string, label: string, kind?: string, attributes: GraphNode['attributes'] = {}): GraphNode => ({ id, type: id.split(':')[0] as GraphNode['type'], label, kind, attributes });
const edge = (id: string, source: string, target: string, kind: GraphEdge['kind'], extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id, source, target, kind, caseIds: ['c1'], justification: { type: 'link', id: `l-${id}`, label: `link ${kind}` }, observedFrom: null, observedTo: null, confidence: 1, ...extra,
});

// A small ring: a suspect uses an account and a wallet; a viewer account paid the wallet; the ringleader uses the account's forum.
const suspect = node('person:p1', 'Shahid Iqbal');
const ringleader = node('person:p2', 'Klaus R.');
const handle = node('entity:e1', 'darkforum:kr_admin', 'account');
const wallet = node('entity:e2', '+923001234567', 'wallet');
const viewer = node('entity:e3', 'viewer_77', 'account');
const victim = node('victim:v1', 'V-2025-0001', undefined, { pseudonym: 'V-2025-0001' });
const caseNode = node('case:c1', 'Recreational facility');
const base = {
  nodes: [suspect, ringleader, handle, wallet, viewer, victim, caseNode],
  edges: [
    edge('a', 'person:p1', 'entity:e2', 'owns', { observedFrom: '2025-01-10T00:00:00Z', observedTo: '2025-03-01T00:00:00Z' }),
    edge('b', 'person:p2', 'entity:e1', 'uses'),
    edge('c', 'entity:e3', 'entity:e2', 'paid', { observedFrom: '2025-02-02T10:00:00Z', justification: { type: 'payment', id: 'pay1', label: 'payment 200 EUR' }, attributes: { evidenceId: 'ev1' } }),
    edge('d', 'person:p1', 'case:c1', 'in_case', { justification: { type: 'case_person', id: 'cp1', label: 'suspect in case' } }),
    edge('e', 'victim:v1', 'case:c1', 'victim_in', { justification: { type: 'case_victim', id: 'cv1', label: 'victim in case' } }),
  ],
};

describe('graph model: merging what the API returns', () => {
  it('adds nodes and edges, keeps what was there, and remembers which node was expanded', () => {
    const g1 = mergeGraph(emptyGraph(), { nodes: [suspect, wallet], edges: [base.edges[0]!] }, 'person:p1');
    const g2 = mergeGraph(g1, { nodes: [wallet, viewer], edges: [base.edges[2]!, base.edges[0]!] }, 'entity:e2');
    expect([...g2.nodes.keys()].sort()).toEqual(['entity:e2', 'entity:e3', 'person:p1']);
    expect([...g2.edges.keys()].sort()).toEqual(['a', 'c']);
    expect([...g2.expanded].sort()).toEqual(['entity:e2', 'person:p1']);
    // The earlier state is not changed in place (React compares by reference).
    expect(g1.nodes.size).toBe(2);
  });

  it('drops an edge whose end never arrived rather than drawing a dangling line', () => {
    const g = mergeGraph(emptyGraph(), { nodes: [suspect], edges: [base.edges[0]!] });
    expect(g.edges.size).toBe(0);
  });
});

describe('graph model: filters', () => {
  const g = mergeGraph(emptyGraph(), base, 'person:p1');

  it('names node kinds by type, and entities by their kind', () => {
    expect(nodeFilterKey(suspect)).toBe('person');
    expect(nodeFilterKey(wallet)).toBe('entity.wallet');
    expect(kindsPresent(g)).toEqual({
      nodeKinds: ['case', 'entity.account', 'entity.wallet', 'person', 'victim'],
      linkKinds: ['in_case', 'owns', 'paid', 'uses', 'victim_in'],
    });
  });

  it('hides a node kind with its edges, and nodes left alone by it', () => {
    const view = applyFilters(g, { ...noFilters(), hiddenNodeKinds: new Set(['entity.wallet']) });
    expect(view.nodes.map((n) => n.id).sort()).toEqual(['case:c1', 'entity:e1', 'person:p1', 'person:p2', 'victim:v1']);
    expect(view.edges.map((e) => e.id).sort()).toEqual(['b', 'd', 'e']);
  });

  it('hides a link kind; the expanded node and kept nodes stay even with no edge left', () => {
    const view = applyFilters(g, { ...noFilters(), hiddenLinkKinds: new Set(['owns', 'in_case']) }, new Set(['entity:e1']));
    expect(view.edges.map((e) => e.id).sort()).toEqual(['b', 'c', 'e']);
    expect(view.nodes.map((n) => n.id)).toContain('person:p1');
    expect(view.nodes.map((n) => n.id)).toContain('entity:e1');
  });

  it('keeps edges observed in the period and edges with no date', () => {
    expect(inPeriod({ observedFrom: null, observedTo: null }, '2030-01-01')).toBe(true);
    expect(inPeriod({ observedFrom: '2025-01-10T00:00:00Z', observedTo: '2025-03-01T00:00:00Z' }, '2025-02-01', '2025-02-10')).toBe(true);
    expect(inPeriod({ observedFrom: '2025-01-10T00:00:00Z', observedTo: '2025-03-01T00:00:00Z' }, '2025-03-02')).toBe(false);
    expect(inPeriod({ observedFrom: '2025-01-10T00:00:00Z', observedTo: null }, undefined, '2025-01-09')).toBe(false);
    // An open-ended observation counts on its first day.
    expect(inPeriod({ observedFrom: '2025-01-10T00:00:00Z', observedTo: null }, '2025-01-10', '2025-01-10')).toBe(true);
    // The wallet was owned until March; the payment was on 2 February: gone; undated edges stay.
    const view = applyFilters(g, { ...noFilters(), from: '2025-02-05' });
    expect(view.edges.map((e) => e.id).sort()).toEqual(['a', 'b', 'd', 'e']);
    expect(view.nodes.map((n) => n.id)).not.toContain('entity:e3');
  });

  it('draws a highlighted path whole even where the filters would hide part of it', () => {
    const filtered = applyFilters(g, { ...noFilters(), hiddenNodeKinds: new Set(['entity.wallet']) });
    const view = withPath(filtered, g, new Set(['person:p1', 'entity:e2', 'entity:e3']), new Set(['a', 'c']));
    expect(view.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['entity:e2', 'entity:e3']));
    expect(view.edges.map((e) => e.id)).toEqual(expect.arrayContaining(['a', 'c']));
    expect(new Set(view.nodes.map((n) => n.id)).size).toBe(view.nodes.length);
    expect(withPath(filtered, g, new Set(), new Set())).toBe(filtered);
  });

  it('passes the filters on to the path query: whole node types and edge kinds hidden, the period as instants', () => {
    const f = { hiddenNodeKinds: new Set(['victim', 'entity.wallet']), hiddenLinkKinds: new Set(['paid']), from: '2025-01-01', to: '2025-12-31' };
    const q = apiFilters(f, nodeTypes, edgeKinds);
    expect(q.nodeTypes!.split(',')).not.toContain('victim');
    // Hiding one entity kind does not hide every entity.
    expect(q.nodeTypes!.split(',')).toContain('entity');
    expect(q.edgeKinds!.split(',')).not.toContain('paid');
    expect(q.edgeKinds!.split(',')).toContain('uses');
    expect(q).toMatchObject({ observedFrom: '2025-01-01T00:00:00.000Z', observedTo: '2025-12-31T23:59:59.999Z' });
    expect(apiFilters(noFilters(), nodeTypes, edgeKinds)).toEqual({});
    expect(dayToInstant('2025-13', false)).toBeUndefined();
  });
});

describe('graph model: cytoscape elements', () => {
  const g = mergeGraph(emptyGraph(), base, 'person:p1');

  it('draws every node with its type and kind as classes, pinned nodes locked, and the path marked', () => {
    const els = toElements(applyFilters(g, noFilters()), { pinned: new Set(['entity:e2']), pathNodes: new Set(['person:p1', 'entity:e2']), pathEdges: new Set(['a']), focus: 'person:p1', pathFrom: 'person:p1', pathTo: 'entity:e2' }, g);
    const byId = new Map(els.map((e) => [e.data.id, e]));
    expect(els.filter((e) => e.group === 'nodes')).toHaveLength(7);
    expect(els.filter((e) => e.group === 'edges')).toHaveLength(5);
    expect(byId.get('entity:e2')).toMatchObject({ locked: true, data: { label: '+923001234567', type: 'entity', kind: 'wallet' } });
    expect(byId.get('entity:e2')!.classes).toBe('t-entity k-wallet pinned path-end on-path');
    expect(byId.get('person:p1')!.classes).toBe('t-person focus expanded path-end on-path');
    expect(byId.get('entity:e3')!.classes).toContain('off-path');
    expect(byId.get('a')).toMatchObject({ data: { source: 'person:p1', target: 'entity:e2', kind: 'owns', label: 'owns' }, classes: 'l-owns on-path' });
    expect(byId.get('c')!.classes).toBe('l-paid off-path');
  });

  it('marks nothing on or off a path when there is none', () => {
    const els = toElements(applyFilters(g, noFilters()), { pinned: new Set(), pathNodes: new Set(), pathEdges: new Set() });
    expect(els.every((e) => !/path/.test(String(e.classes ?? '')))).toBe(true);
  });

  it('labels a victim by pseudonym only', () => {
    expect(nodeLabel(victim)).toBe('V-2025-0001');
    // Whatever label came with it, the pseudonym attribute wins.
    expect(nodeLabel({ ...victim, label: 'something else' })).toBe('V-2025-0001');
    const els = toElements(applyFilters(g, noFilters()), { pinned: new Set(), pathNodes: new Set(), pathEdges: new Set() });
    expect(els.find((e) => e.data.id === 'victim:v1')!.data.label).toBe('V-2025-0001');
  });
});

describe('graph model: the record behind a node or edge, and paths', () => {
  it('opens the page of a person, case, victim, operation or evidence item; media and entities have none', () => {
    expect(parseNodeId('media:42')).toEqual({ type: 'media', id: '42' });
    expect(parseNodeId('nonsense')).toBeNull();
    expect(nodeHref(suspect)).toBe('/persons/p1');
    expect(nodeHref(caseNode)).toBe('/cases/c1');
    expect(nodeHref(victim)).toBe('/victims/v1');
    expect(nodeHref({ id: 'evidence:x9' })).toBe('/evidence/x9');
    expect(nodeHref({ id: 'media:42' })).toBeNull();
  });

  it('opens the evidence item behind an edge, else the part of its case that holds the record', () => {
    expect(edgeHref(base.edges[2]!)).toBe('/evidence/ev1');
    expect(edgeHref({ ...base.edges[0]!, attributes: { sourceType: 'evidence', sourceId: 'ev7' } })).toBe('/evidence/ev7');
    expect(edgeHref({ ...base.edges[0]!, attributes: { sourceType: 'operation', sourceId: 'op1' } })).toBe('/operations/op1');
    // A source with no page of its own (a bundle, an import): the case.
    expect(edgeHref({ ...base.edges[0]!, attributes: { sourceType: 'bundle', sourceId: 'b1' } })).toBe('/cases/c1');
    expect(edgeHref(base.edges[3]!)).toBe('/cases/c1/persons');
    expect(edgeHref(base.edges[0]!)).toBe('/cases/c1');
    expect(edgeHref({ ...base.edges[0]!, justification: { type: 'media_match', id: 'm', label: '' } })).toBe('/cases/c1/media');
    // A link entered on a person form outside any case: the person's page.
    expect(edgeHref({ ...base.edges[0]!, caseIds: [] })).toBe('/persons/p1');
    expect(edgeHref({ ...base.edges[2]!, caseIds: [], attributes: {} })).toBeNull();
  });

  it('lists the hops of a path in walking order with the edge of each, whichever way it was recorded', () => {
    const res: PathResponse = {
      from: 'person:p1', to: 'entity:e3', length: 2, nodes: [suspect, wallet, viewer], edges: [base.edges[0]!, base.edges[2]!],
      paths: [{ nodes: ['person:p1', 'entity:e2', 'entity:e3'], edges: ['a', 'c'] }],
    };
    const hops = pathHops(res);
    expect(hops.map((h) => [h.from.label, h.edge.kind, h.to.label])).toEqual([['Shahid Iqbal', 'owns', '+923001234567'], ['+923001234567', 'paid', 'viewer_77']]);
    expect(hops.map(hopForward)).toEqual([true, false]);
    expect(hops[1]!.edge.justification.label).toBe('payment 200 EUR');
    expect(pathHops({ ...res, paths: [] })).toEqual([]);
  });
});
