// The visual graph's working state, kept apart from the drawing: what the API returned so far (merged as
// nodes are expanded), the filters the user set, and the cytoscape elements drawn from both. Pure functions,
// unit-tested without a browser (graph-model.test.ts).
import type { ElementDefinition } from 'cytoscape';
import type { ApiFilters, GraphEdge, GraphNode, NodeType, PathResponse } from './api/graph.api.ts';

export interface WorkingGraph {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  /** Nodes whose neighbours have been loaded. */
  expanded: Set<string>;
}

export const emptyGraph = (): WorkingGraph => ({ nodes: new Map(), edges: new Map(), expanded: new Set() });

/** Adds what the API returned to what is already drawn (expanding a node never removes anything). */
export function mergeGraph(g: WorkingGraph, add: { nodes: GraphNode[]; edges: GraphEdge[] }, expandedNode?: string): WorkingGraph {
  const nodes = new Map(g.nodes);
  const edges = new Map(g.edges);
  for (const n of add.nodes) nodes.set(n.id, { ...nodes.get(n.id), ...n });
  for (const e of add.edges) if (nodes.has(e.source) && nodes.has(e.target)) edges.set(e.id, e);
  const expanded = new Set(g.expanded);
  if (expandedNode) expanded.add(expandedNode);
  return { nodes, edges, expanded };
}

/** `person:5b1c…` -> type and id (media ids are integers, so the id stays text). */
export function parseNodeId(nodeId: string): { type: string; id: string } | null {
  const at = nodeId.indexOf(':');
  if (at <= 0 || at === nodeId.length - 1) return null;
  return { type: nodeId.slice(0, at), id: nodeId.slice(at + 1) };
}

/** What the node-kind filter offers for a node: its type, or for an entity its kind (phone, wallet…). */
export function nodeFilterKey(n: Pick<GraphNode, 'type' | 'kind'>): string {
  return n.type === 'entity' && n.kind ? `entity.${n.kind}` : n.type;
}

export interface GraphFilters {
  /** Node filter keys to hide (see nodeFilterKey). */
  hiddenNodeKinds: ReadonlySet<string>;
  /** Link kinds to hide. */
  hiddenLinkKinds: ReadonlySet<string>;
  /** Period, as YYYY-MM-DD (inclusive); an edge with no observed dates is always shown. */
  from?: string;
  to?: string;
}

export const noFilters = (): GraphFilters => ({ hiddenNodeKinds: new Set(), hiddenLinkKinds: new Set() });

/** Does an edge's observed period meet [from, to]? Dates are compared as UTC days. */
export function inPeriod(e: Pick<GraphEdge, 'observedFrom' | 'observedTo'>, from?: string, to?: string): boolean {
  const start = e.observedFrom ? e.observedFrom.slice(0, 10) : null;
  const end = e.observedTo ? e.observedTo.slice(0, 10) : start;
  if (!start && !end) return true;
  if (from && end && end < from) return false;
  if (to && start && start > to) return false;
  return true;
}

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * What is drawn under the filters: nodes of shown kinds, edges of shown kinds in the period between shown
 * nodes. A node left with no shown edge stays when it is the node the page opened on, or was expanded, or
 * is pinned (the user put it there), and goes otherwise.
 */
export function applyFilters(g: WorkingGraph, f: GraphFilters, keep: ReadonlySet<string> = new Set()): GraphView {
  const shownNode = (n: GraphNode) => !f.hiddenNodeKinds.has(nodeFilterKey(n));
  const candidates = new Map([...g.nodes].filter(([, n]) => shownNode(n)));
  const edges = [...g.edges.values()].filter((e) => candidates.has(e.source) && candidates.has(e.target) && !f.hiddenLinkKinds.has(e.kind) && inPeriod(e, f.from, f.to));
  const touched = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = [...candidates.values()].filter((n) => touched.has(n.id) || keep.has(n.id) || g.expanded.has(n.id));
  return { nodes, edges };
}

/**
 * The highlighted path is always drawn whole, whatever the filters: the path query already honoured the
 * filters it could (see apiFilters), and a path with a gap in it would be no answer.
 */
export function withPath(view: GraphView, g: WorkingGraph, pathNodes: ReadonlySet<string>, pathEdges: ReadonlySet<string>): GraphView {
  if (pathNodes.size === 0) return view;
  const nodeIds = new Set(view.nodes.map((n) => n.id));
  const edgeIds = new Set(view.edges.map((e) => e.id));
  const nodes = [...view.nodes, ...[...pathNodes].filter((id) => !nodeIds.has(id) && g.nodes.has(id)).map((id) => g.nodes.get(id)!)];
  const edges = [...view.edges, ...[...pathEdges].filter((id) => !edgeIds.has(id) && g.edges.has(id)).map((id) => g.edges.get(id)!)];
  return { nodes, edges };
}

/** The kinds present in the loaded graph, for the filter checkboxes (sorted, stable). */
export function kindsPresent(g: WorkingGraph): { nodeKinds: string[]; linkKinds: string[] } {
  return {
    nodeKinds: [...new Set([...g.nodes.values()].map(nodeFilterKey))].sort(),
    linkKinds: [...new Set([...g.edges.values()].map((e) => e.kind))].sort(),
  };
}

/** The label drawn for a node: a victim only ever by pseudonym (the API sends nothing else for one). */
export function nodeLabel(n: GraphNode): string {
  if (n.type === 'victim') {
    const pseudonym = n.attributes?.pseudonym;
    return typeof pseudonym === 'string' && pseudonym ? pseudonym : n.label;
  }
  return n.label;
}

export interface DrawState {
  pinned: ReadonlySet<string>;
  /** Node ids and edge ids of the highlighted path. */
  pathNodes: ReadonlySet<string>;
  pathEdges: ReadonlySet<string>;
  /** The node the page opened on. */
  focus?: string;
  /** The ends chosen for a path. */
  pathFrom?: string;
  pathTo?: string;
}

/** Cytoscape elements for a view: data plus classes the stylesheet (graph-style.ts) draws. */
export function toElements(view: GraphView, s: DrawState, g?: WorkingGraph, edgeLabel: (e: GraphEdge) => string = (e) => e.kind): ElementDefinition[] {
  const hasPath = s.pathNodes.size > 0;
  const nodeEls: ElementDefinition[] = view.nodes.map((n) => {
    const classes = [`t-${n.type}`];
    if (n.type === 'entity' && n.kind) classes.push(`k-${n.kind}`);
    if (s.pinned.has(n.id)) classes.push('pinned');
    if (s.focus === n.id) classes.push('focus');
    if (g?.expanded.has(n.id)) classes.push('expanded');
    if (s.pathFrom === n.id || s.pathTo === n.id) classes.push('path-end');
    if (hasPath) classes.push(s.pathNodes.has(n.id) ? 'on-path' : 'off-path');
    return { group: 'nodes', data: { id: n.id, label: nodeLabel(n), type: n.type, kind: n.kind ?? '' }, classes: classes.join(' '), locked: s.pinned.has(n.id) };
  });
  const edgeEls: ElementDefinition[] = view.edges.map((e) => {
    const classes = [`l-${e.kind}`];
    if (hasPath) classes.push(s.pathEdges.has(e.id) ? 'on-path' : 'off-path');
    return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, kind: e.kind, label: edgeLabel(e) }, classes: classes.join(' ') };
  });
  return [...nodeEls, ...edgeEls];
}

/** The page behind a node, or null when it has none the web app shows (media is never shown). */
export function nodeHref(n: Pick<GraphNode, 'id'>): string | null {
  const p = parseNodeId(n.id);
  if (!p) return null;
  switch (p.type) {
    case 'person':
      return `/persons/${p.id}`;
    case 'case':
      return `/cases/${p.id}`;
    case 'victim':
      return `/victims/${p.id}`;
    case 'operation':
      return `/operations/${p.id}`;
    case 'evidence':
      return `/evidence/${p.id}`;
    default:
      return null;
  }
}

/** A string attribute of a node or edge, if it has one. */
function attr(a: Record<string, unknown> | undefined, key: string): string | null {
  const v = a?.[key];
  return typeof v === 'string' && v ? v : null;
}

/**
 * The record behind an edge: the evidence item or source record it rests on when it names one (attributes
 * evidenceId, or sourceType + sourceId), else the part of the case page
 * that holds the record (the persons and victims of a case, its media, the case itself for a link, payment or
 * communication), else for a link recorded outside any case the person whose form recorded it.
 */
export function edgeHref(e: Pick<GraphEdge, 'caseIds' | 'justification' | 'attributes' | 'source'>): string | null {
  const evidence = attr(e.attributes, 'evidenceId');
  if (evidence) return `/evidence/${evidence}`;
  // A link names its source record (the evidence item, operation, person form or case that established it).
  const sourceId = attr(e.attributes, 'sourceId');
  const sourcePage: Record<string, string> = { evidence: 'evidence', operation: 'operations', person: 'persons', case: 'cases' };
  const page = sourcePage[attr(e.attributes, 'sourceType') ?? ''];
  if (sourceId && page) return `/${page}/${sourceId}`;
  const caseId = e.caseIds[0];
  if (caseId) {
    switch (e.justification.type) {
      case 'case_person':
      case 'case_victim':
        return `/cases/${caseId}/persons`;
      case 'media_match':
        return `/cases/${caseId}/media`;
      default:
        return `/cases/${caseId}`;
    }
  }
  const from = parseNodeId(e.source);
  return from?.type === 'person' ? `/persons/${from.id}` : null;
}

export interface PathHop {
  from: GraphNode;
  edge: GraphEdge;
  to: GraphNode;
}

/**
 * One path of a path answer as hops in walking order, each with the edge taken and the record behind it.
 * Edges are stored in either direction; a hop reads from the node reached so far to the next.
 */
export function pathHops(res: Pick<PathResponse, 'nodes' | 'edges' | 'paths'>, index = 0): PathHop[] {
  const path = res.paths[index];
  if (!path) return [];
  const nodes = new Map(res.nodes.map((n) => [n.id, n]));
  const edges = new Map(res.edges.map((e) => [e.id, e]));
  const hops: PathHop[] = [];
  for (let i = 0; i < path.edges.length; i++) {
    const from = nodes.get(path.nodes[i]!);
    const to = nodes.get(path.nodes[i + 1]!);
    const edge = edges.get(path.edges[i]!);
    if (!from || !to || !edge) return [];
    hops.push({ from, edge, to });
  }
  return hops;
}

/** Does the edge point the way the path walks (from -> to), or against it? */
export const hopForward = (h: PathHop) => h.edge.source === h.from.id;

/** Day (YYYY-MM-DD, the date input's value) -> the instant the API takes: start or end of that day in UTC. */
export function dayToInstant(day: string | undefined, end: boolean): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return end ? `${day}T23:59:59.999Z` : `${day}T00:00:00.000Z`;
}

/**
 * The filters as the path query takes them, so a path only goes where the graph is drawn: node types all of
 * whose kinds are hidden are left out (an entity kind alone cannot be left out server-side: a path through a
 * hidden entity kind is still drawn, with its nodes), hidden edge kinds are left out, the period is passed on.
 */
export function apiFilters(f: GraphFilters, allNodeTypes: readonly string[], allEdgeKinds: readonly string[]): ApiFilters {
  const out: ApiFilters = {};
  const hiddenTypes = allNodeTypes.filter((t) => f.hiddenNodeKinds.has(t));
  if (hiddenTypes.length) out.nodeTypes = allNodeTypes.filter((t) => !f.hiddenNodeKinds.has(t)).join(',');
  if (f.hiddenLinkKinds.size) out.edgeKinds = allEdgeKinds.filter((k) => !f.hiddenLinkKinds.has(k)).join(',');
  const from = dayToInstant(f.from, false);
  const to = dayToInstant(f.to, true);
  if (from) out.observedFrom = from;
  if (to) out.observedTo = to;
  return out;
}

export type { NodeType };
