import type { Actor } from '../../../platform/access/actor.ts';

// Who sees which figures, in one place (issue 12, part 4). Every role here already holds stats.read.
// - A supervisor sees their own branch only, exact (staff with the right to see those records).
// - Leadership's view is the one that leaves the agency (briefings, speeches): small counts suppressed.
// - Analysts (and the CLI, as the system) see exact national figures; they may ask for the published view.
export interface FigureAccess {
  /** The only branch the actor may see figures of, or null for all. */
  branchOnly: number | null;
  /** Whether the actor must get the suppressed (published) view. */
  publishedOnly: boolean;
  /** A supervisor without a branch has nothing to see. */
  refused: boolean;
}

export function figureAccess(actor: Actor): FigureAccess {
  if (actor.role === 'supervisor') return { branchOnly: actor.branchId, publishedOnly: false, refused: actor.branchId === null };
  return { branchOnly: null, publishedOnly: actor.role === 'leadership', refused: false };
}
