import type { Actor } from './actor.ts';
import { isSystemActor } from './actor.ts';
import { can } from './permissions.ts';

/**
 * How much of the entity graph an actor may traverse (DESIGN-9, "who sees what"): an analyst every node and
 * edge; investigators, supervisors and prosecutors what the cases they may see (caseVisibleTo) and the no-case
 * rules let them; every other role nothing. The CLI's system actor is the operator on the server: everything
 * (the `amaan graph --as <user>` option narrows it to one user's view).
 */
export function graphReach(actor: Actor): 'all' | 'cases' | 'none' {
  if (isSystemActor(actor)) return 'all';
  if (!can(actor.role, 'graph.read')) return 'none';
  return actor.role === 'analyst' ? 'all' : 'cases';
}
