import type { Role, SafeguardingState } from '../../platform/db/schema.ts';

// Safeguarding of one child: identified -> recovered (rescued, in the agency's hands) -> placed (with the
// Child Protection Bureau, the family or a shelter; needs an open placement) -> closed. Closing is possible
// from any earlier state (a case that ends without placement). The investigation may mark a child
// recovered; placing and closing are care decisions of the assigned protection officer.
export const victimStates = ['identified', 'recovered', 'placed', 'closed'] as const satisfies readonly SafeguardingState[];

const next: Record<SafeguardingState, readonly SafeguardingState[]> = {
  identified: ['recovered', 'closed'],
  recovered: ['placed', 'closed'],
  placed: ['closed'],
  closed: [],
};

/** Where the actor stands towards this victim. */
export interface Standing {
  role: Role;
  /** A protection officer assigned to the victim. */
  assigned: boolean;
  /** May see a case the victim is linked to. */
  onCase: boolean;
}

export function mayMoveTo(to: SafeguardingState, who: Standing): boolean {
  if (who.assigned && who.role === 'protection_officer') return true;
  if (to === 'recovered') return who.onCase && (who.role === 'investigator' || who.role === 'supervisor');
  return false;
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

export function checkVictimTransition(from: SafeguardingState, to: SafeguardingState, who: Standing, hasOpenPlacement: boolean): TransitionCheck {
  if (!next[from].includes(to)) return { ok: false, reason: `a victim cannot go from ${from} to ${to}` };
  if (!mayMoveTo(to, who)) return { ok: false, reason: to === 'recovered' ? `a ${who.role} cannot mark this victim recovered` : `only the assigned protection officer can mark a victim ${to}` };
  if (to === 'placed' && !hasOpenPlacement) return { ok: false, reason: 'record the placement first' };
  return { ok: true };
}

export function nextVictimStates(from: SafeguardingState): readonly SafeguardingState[] {
  return next[from];
}

/** The steps open to this actor now, for the victim page's buttons. */
export function allowedVictimSteps(from: SafeguardingState, who: Standing, hasOpenPlacement: boolean): SafeguardingState[] {
  return next[from].filter((to) => checkVictimTransition(from, to, who, hasOpenPlacement).ok);
}

/** The timestamp column a state sets. */
export const stateTimestamp = { recovered: 'recovered_at', placed: 'placed_at', closed: 'closed_at' } as const;
