import { z } from 'zod';
import { isoDate } from '../../platform/http/schema-kit.ts';

// Requests and answers of the graph queries (issue 9): shared by the routes, the CLI and the web app's graph page.
// A node id is `<type>:<id>` (entity:5b1c..., media:42). Every edge carries the case ids it comes from and the
// record that justifies it; only edges the caller may see are ever traversed or returned (graph.access.ts).

export const nodeTypes = ['person', 'entity', 'case', 'victim', 'operation', 'evidence', 'media', 'communication', 'hash_set'] as const;
export type GraphNodeType = (typeof nodeTypes)[number];

/**
 * Edge kinds: the link kinds of migration 0013, plus the edges the graph derives from other records:
 * `paid` (payments), `host`/`viewer`/`payer`/`sender`/`recipient`/`participant` (communication participants),
 * `in_case` (person in a case, with the role as the edge's `role`), `victim_in` (victim in a case), `shares_media`
 * (the same media in two cases), `matches_known` (a case's media matched a hash set).
 */
export const edgeKinds = [
  'uses', 'owns', 'holds', 'paid', 'family_of', 'associate_of', 'member_of', 'works_at', 'located_at', 'viewed',
  'hosted', 'communicated', 'seized_in', 'found_on', 'appears_in', 'same_as', 'other',
  'host', 'viewer', 'payer', 'sender', 'recipient', 'participant',
  'in_case', 'victim_in', 'shares_media', 'matches_known',
] as const;
export type GraphEdgeKind = (typeof edgeKinds)[number];

/** Record types that justify an edge. */
export const justificationTypes = ['link', 'payment', 'communication', 'case_person', 'case_victim', 'media_match'] as const;

const nodeIdPattern = new RegExp(`^(${nodeTypes.join('|')}):[A-Za-z0-9_-]{1,64}$`);
export const nodeId = z.string().trim().regex(nodeIdPattern, 'must be a node id <type>:<id>, e.g. entity:5b1c... or media:42')
  .meta({ example: 'person:3f0c1a52-8a5e-4d55-9d4c-6f8f1f7f0a11' });

/** A comma-separated list in a query string (`nodeTypes=person,entity`), or repeated parameters. */
function listOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.enum(values)).min(1).max(values.length),
  );
}

/** Filters shared by every query: which node types and edge kinds to traverse, and the observed period. */
const filters = {
  /** Only traverse to nodes of these types (the start and end nodes are always allowed). */
  nodeTypes: listOf(nodeTypes).optional(),
  /** Only traverse edges of these kinds. */
  edgeKinds: listOf(edgeKinds).optional(),
  /** Only edges observed (or paid, or held) at some time on or after this instant; edges with no date are kept. */
  observedFrom: isoDate.optional(),
  /** Only edges observed at some time on or before this instant; edges with no date are kept. */
  observedTo: isoDate.optional(),
};

export const neighbourhoodQuery = z.strictObject({
  node: nodeId,
  hops: z.coerce.number().int().min(1).max(4).default(2),
  ...filters,
  /** At most this many nodes (nearest first); `truncated` says when more were reachable. */
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type NeighbourhoodQuery = z.infer<typeof neighbourhoodQuery>;

export const pathQuery = z.strictObject({
  from: nodeId,
  to: nodeId,
  /** Longest path looked for, in hops. */
  maxHops: z.coerce.number().int().min(1).max(12).default(8),
  /** How many shortest paths (all of the same, shortest, length) to return at most. */
  limit: z.coerce.number().int().min(1).max(20).default(5),
  ...filters,
});
export type PathQuery = z.infer<typeof pathQuery>;

export const componentsQuery = z.strictObject({
  ...filters,
  /** Only networks of at least this many nodes. */
  minSize: z.coerce.number().int().min(1).max(1_000_000).default(2),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ComponentsQuery = z.infer<typeof componentsQuery>;

/** The network (connected component) holding one node, as a graph. */
export const componentQuery = z.strictObject({
  node: nodeId,
  ...filters,
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});
export type ComponentQuery = z.infer<typeof componentQuery>;

export const communitiesQuery = z.strictObject({
  /** Communities of the network holding this node (default: of every network the caller may see). */
  node: nodeId.optional(),
  ...filters,
  /** Louvain resolution: above 1 finds more, smaller communities. */
  resolution: z.coerce.number().min(0.1).max(10).default(1),
  minSize: z.coerce.number().int().min(1).max(1_000_000).default(2),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Fix the random order Louvain visits nodes in, for repeatable answers. */
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
});
export type CommunitiesQuery = z.infer<typeof communitiesQuery>;

export const centralityMeasures = ['degree', 'betweenness', 'pagerank'] as const;
export const centralQuery = z.strictObject({
  measure: z.enum(centralityMeasures).default('betweenness'),
  /** Rank within the network of this node (or its neighbourhood of `hops` when given); default all the caller sees. */
  node: nodeId.optional(),
  hops: z.coerce.number().int().min(1).max(6).optional(),
  ...filters,
  /** Rank only these node types (all types still carry paths between them). */
  rankTypes: listOf(nodeTypes).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type CentralQuery = z.infer<typeof centralQuery>;

export const linkedCasesQuery = z.strictObject({
  case: nodeId.refine((v) => v.startsWith('case:'), 'must be a case node id case:<uuid>'),
  ...filters,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type LinkedCasesQuery = z.infer<typeof linkedCasesQuery>;

export const exportFormats = ['graphml', 'gexf', 'json'] as const;
/** A neighbourhood (node + hops) or, with `component=true`, the whole network of the node. */
export const exportQuery = z.strictObject({
  node: nodeId,
  format: z.enum(exportFormats).default('json'),
  hops: z.coerce.number().int().min(1).max(4).default(2),
  component: z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean()).default(false),
  ...filters,
  limit: z.coerce.number().int().min(1).max(20000).default(5000),
});
export type ExportQuery = z.infer<typeof exportQuery>;

// ---- answers ----

const attrValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const graphNode = z.object({
  id: z.string(),
  type: z.enum(nodeTypes),
  /** What to show: a person's name, an entity's display value, a case title, a victim's pseudonym (never identity). */
  label: z.string(),
  /** Entity kind (phone, account, wallet...), evidence kind, media kind, communication kind, case status. */
  kind: z.string().optional(),
  attributes: z.record(z.string(), attrValue),
});
export type GraphNode = z.infer<typeof graphNode>;

export const justification = z.object({
  /** The record behind the edge: link, payment, communication, case_person, case_victim, media_match. */
  type: z.enum(justificationTypes),
  id: z.string(),
  /** A short human description: "link uses (case FIR 12/2025)", "payment 200 EUR on 2025-03-02". */
  label: z.string(),
});

export const graphEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: z.enum(edgeKinds),
  /** Cases this edge comes from (empty for a link recorded outside any case). */
  caseIds: z.array(z.string()),
  justification,
  observedFrom: z.string().nullable(),
  observedTo: z.string().nullable(),
  confidence: z.number(),
  /** Extra facts: a person's role in the case, payment amount and currency, media match type. */
  attributes: z.record(z.string(), attrValue).optional(),
});
export type GraphEdge = z.infer<typeof graphEdge>;

export const graphResponse = z.object({
  nodes: z.array(graphNode),
  edges: z.array(graphEdge),
});
export type GraphResponse = z.infer<typeof graphResponse>;

export const neighbourhoodResponse = graphResponse.extend({
  /** The start node. */
  root: z.string(),
  /** Hops from the start node, per node id. */
  depth: z.record(z.string(), z.number().int()),
  /** More nodes were reachable than `limit`. */
  truncated: z.boolean(),
});
export type NeighbourhoodResponse = z.infer<typeof neighbourhoodResponse>;

export const pathResponse = graphResponse.extend({
  from: z.string(),
  to: z.string(),
  /** Each path: its node ids in order and the id of the edge taken at each hop (edges[i] joins nodes[i], nodes[i+1]). */
  paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) })),
  /** Hops of the shortest path; null when no path within maxHops through what the caller may see. */
  length: z.number().int().nullable(),
});
export type PathResponse = z.infer<typeof pathResponse>;

const nodeRef = z.object({ id: z.string(), type: z.enum(nodeTypes), label: z.string(), kind: z.string().optional() });
export type NodeRef = z.infer<typeof nodeRef>;

export const componentsResponse = z.object({
  items: z.array(z.object({
    /** Stable within one answer only. */
    index: z.number().int(),
    size: z.number().int(),
    edgeCount: z.number().int(),
    /** Counts per node type. */
    types: z.record(z.string(), z.number().int()),
    /** Its best-connected nodes (by degree). */
    top: z.array(nodeRef),
  })),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ComponentsResponse = z.infer<typeof componentsResponse>;

export const componentResponse = graphResponse.extend({ root: z.string(), size: z.number().int(), truncated: z.boolean() });
export type ComponentResponse = z.infer<typeof componentResponse>;

export const communitiesResponse = z.object({
  /** Louvain modularity of the partition. */
  modularity: z.number(),
  /** Nodes partitioned. */
  nodeCount: z.number().int(),
  items: z.array(z.object({
    community: z.number().int(),
    size: z.number().int(),
    types: z.record(z.string(), z.number().int()),
    top: z.array(nodeRef),
  })),
  total: z.number().int(),
});
export type CommunitiesResponse = z.infer<typeof communitiesResponse>;

export const centralResponse = z.object({
  measure: z.enum(centralityMeasures),
  /** Nodes of the subgraph ranked. */
  nodeCount: z.number().int(),
  items: z.array(nodeRef.extend({ score: z.number(), degree: z.number().int() })),
});
export type CentralResponse = z.infer<typeof centralResponse>;

export const linkedCasesResponse = z.object({
  case: nodeRef,
  items: z.array(z.object({
    case: nodeRef,
    /** Shared nodes (an entity, a person, a victim by pseudonym, a hash set) or direct edges (shared media). */
    via: z.array(z.object({
      node: nodeRef.nullable(),
      /** The edges, from each case's side, that make the link. */
      edges: z.array(graphEdge),
    })),
    /** How many distinct shared nodes or direct edges. */
    strength: z.number().int(),
  })),
  total: z.number().int(),
});
export type LinkedCasesResponse = z.infer<typeof linkedCasesResponse>;
