import type { AccusedStatus, CasePersonRole, Role } from '../../platform/db/schema.ts';

// The custody and court path of one accused person in one case (CrPC): arrest, production before the
// magistrate, physical remand (police custody, only straight after arrest), judicial remand (jail), bail,
// proclamation as an offender (s.87 CrPC) when absconding, verdict, and appeal. A person never given a
// status is treated as at large.
export const casePersonRoles = ['suspect', 'ringleader', 'facilitator', 'guardian', 'complicit_family', 'witness', 'informant'] as const satisfies readonly CasePersonRole[];
export const accusedRoles = ['suspect', 'ringleader', 'facilitator', 'complicit_family'] as const satisfies readonly CasePersonRole[];
export const accusedStatuses = ['at_large', 'arrested', 'physical_remand', 'judicial_remand', 'on_bail', 'proclaimed_offender', 'convicted', 'acquitted'] as const satisfies readonly AccusedStatus[];

export function isAccusedRole(role: CasePersonRole): boolean {
  return (accusedRoles as readonly CasePersonRole[]).includes(role);
}

const next: Record<AccusedStatus, readonly AccusedStatus[]> = {
  at_large: ['arrested', 'proclaimed_offender'],
  proclaimed_offender: ['arrested'],
  // Released (s.169 CrPC) or escaped: at large again.
  arrested: ['physical_remand', 'judicial_remand', 'on_bail', 'at_large'],
  physical_remand: ['judicial_remand', 'on_bail', 'at_large'],
  judicial_remand: ['on_bail', 'convicted', 'acquitted', 'at_large'],
  // Bail cancelled (re-arrest or back to jail), absconding, or the verdict.
  on_bail: ['arrested', 'judicial_remand', 'proclaimed_offender', 'convicted', 'acquitted'],
  // Appeals: acquitted on appeal, sentence suspended on bail, or an acquittal reversed.
  convicted: ['acquitted', 'on_bail'],
  acquitted: ['convicted'],
};

/** Verdicts and what follows them are the prosecution's to record; custody stages the investigation's. */
const courtOutcomes: ReadonlySet<AccusedStatus> = new Set(['convicted', 'acquitted']);

export function nextAccusedStatuses(from: AccusedStatus | null): readonly AccusedStatus[] {
  return next[from ?? 'at_large'];
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** Whether the move itself is sensible, whoever makes it. */
export function checkAccusedMove(from: AccusedStatus | null, to: AccusedStatus): TransitionCheck {
  const current = from ?? 'at_large';
  if (current === to) return { ok: false, reason: `the person is already ${label(to)}` };
  if (!next[current].includes(to)) return { ok: false, reason: `an accused cannot go from ${label(current)} to ${label(to)}` };
  return { ok: true };
}

export function roleMayRecord(role: Role, from: AccusedStatus | null, to: AccusedStatus): boolean {
  const court = courtOutcomes.has(to) || (from !== null && courtOutcomes.has(from));
  if (role === 'prosecutor') return court;
  if (role === 'investigator' || role === 'supervisor') return !court;
  return false;
}

/**
 * A status change entered by hand (the accused status dialog). Convicted and acquitted are never entered by
 * hand: recording the verdict or an appeal's decision sets them, with the case's status, in one transaction
 * (modules/prosecution/judgment.rules.ts); after a verdict only an appeal's decision changes the status.
 */
export function checkAccusedTransition(from: AccusedStatus | null, to: AccusedStatus, role: Role): TransitionCheck {
  if (from !== null && courtOutcomes.has(from)) return { ok: false, reason: `the person is ${label(from)} by the court's verdict; only an appeal's decision changes that` };
  if (courtOutcomes.has(to)) return { ok: false, reason: 'record the verdict on the prosecution tab: it sets convicted or acquitted and moves the case' };
  const move = checkAccusedMove(from, to);
  if (!move.ok) return move;
  if (!roleMayRecord(role, from, to)) return { ok: false, reason: `a ${role} cannot record ${label(to)}` };
  return { ok: true };
}

/** The statuses this role may record next by hand, for the buttons on the case page. */
export function allowedAccusedSteps(from: AccusedStatus | null, role: Role): AccusedStatus[] {
  return nextAccusedStatuses(from).filter((to) => checkAccusedTransition(from, to, role).ok);
}

/** A verdict's outcome, the accused statuses only the court's records set. */
export function isCourtOutcome(s: AccusedStatus | null): s is 'convicted' | 'acquitted' {
  return s !== null && courtOutcomes.has(s);
}

function label(s: AccusedStatus): string {
  return s.replace(/_/g, ' ');
}
