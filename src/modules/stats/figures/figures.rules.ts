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
  /**
   * Dashboards (dashboard.read): investigators and prosecutors see figures over the cases they may read
   * (their teams' cases, case-scope.ts), exact, so each count equals the list behind it.
   */
  casesOnly: boolean;
}

export function figureAccess(actor: Actor): FigureAccess {
  if (actor.role === 'supervisor') return { branchOnly: actor.branchId, publishedOnly: false, refused: actor.branchId === null, casesOnly: false };
  if (actor.role === 'investigator' || actor.role === 'prosecutor') return { branchOnly: null, publishedOnly: false, refused: false, casesOnly: true };
  return { branchOnly: null, publishedOnly: actor.role === 'leadership', refused: false, casesOnly: false };
}

/**
 * Drill-down from a figure to the records behind it: only for an exact view (never the published one, whose
 * suppressed cells a list would reveal) and only for a role that reads cases; the list itself goes through
 * caseVisibleTo again. Leadership, whose view is the published one, never drills down.
 */
export function mayDrillDown(actor: Actor, published: boolean): boolean {
  if (published) return false;
  return actor.role === 'analyst' || actor.role === 'supervisor' || actor.role === 'investigator' || actor.role === 'prosecutor';
}
