import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';
import { graphReach } from '../../platform/access/graph-scope.ts';
import { forbidden } from '../../platform/http/errors.ts';
import type { EdgeAttrs, GraphStore, NodeAttrs } from './graph.store.ts';

// Who sees what in the graph (DESIGN-9), decided per query over the store's attributes. The visible case set is
// read once per query with the one case predicate (caseVisibleTo). An edge is visible when every case it comes
// from is visible; an edge from no case (a link recorded outside any case) when its from-node is a person the
// actor may see, or the actor recorded it. A node is visible through a visible edge, or by its own rule (a case
// or case-owned record of a visible case, a person or entity the actor recorded). Queries only ever traverse
// visible edges, so nothing hidden is returned, counted or hinted at.

export interface GraphView {
  all: boolean;
  cases: ReadonlySet<string>;
  userId: string | null;
  /** Identifies the view for caches (the same case set gives the same key). */
  key: string;
}

export const fullView: GraphView = { all: true, cases: new Set(), userId: null, key: 'all' };

export async function viewFor(ctx: ServiceContext): Promise<GraphView> {
  const reach = graphReach(ctx.actor);
  if (reach === 'none') throw forbidden('the graph is not open to your role');
  if (reach === 'all') return fullView;
  const rows = await ctx.db.selectFrom('cases').select('id').where(caseVisibleTo(ctx.actor)).execute();
  const ids = rows.map((r) => r.id).sort();
  const key = `u:${ctx.actor.id}:${createHash('sha256').update(ids.join(',')).digest('base64url').slice(0, 16)}`;
  return { all: false, cases: new Set(ids), userId: ctx.actor.id, key };
}

export function edgeVisible(store: GraphStore, view: GraphView, a: EdgeAttrs): boolean {
  if (view.all) return true;
  const c = a.caseIds;
  if (c.length > 0) {
    for (let i = 0; i < c.length; i++) if (!view.cases.has(c[i]!)) return false;
    return true;
  }
  if (a.recordedBy !== null && a.recordedBy === view.userId) return true;
  return a.source.startsWith('person:') && personVisible(store, view, a.source);
}

/** personVisibleTo in memory: recorded by the actor, or in a case the actor may see. */
function personVisible(store: GraphStore, view: GraphView, node: string): boolean {
  const g = store.graph;
  if (!g.hasNode(node)) return false;
  const attrs = g.getNodeAttributes(node);
  if (attrs.createdBy && attrs.createdBy === view.userId) return true;
  let seen = false;
  g.someEdge(node, (_e, a) => {
    if (a.jType === 'case_person' && view.cases.has(a.caseIds[0]!)) seen = true;
    return seen;
  });
  return seen;
}

export function nodeVisible(store: GraphStore, view: GraphView, node: string): boolean {
  const g = store.graph;
  if (!g.hasNode(node)) return false;
  if (view.all) return true;
  const attrs: NodeAttrs = g.getNodeAttributes(node);
  if (attrs.owner !== undefined) return view.cases.has(attrs.owner);
  if ((attrs.type === 'person' || attrs.type === 'entity') && attrs.createdBy && attrs.createdBy === view.userId) return true;
  return g.someEdge(node, (_e, a) => edgeVisible(store, view, a));
}
