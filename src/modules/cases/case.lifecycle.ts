import type { Role } from '../../platform/db/schema.ts';

// The legal lifecycle of a case (seed/case-lifecycle.csv): complaint -> inquiry -> FIR -> investigation
// -> interim/final challan (s.173 CrPC) or cancellation -> trial -> charge -> evidence -> verdict -> appeal.
// Per-accused stages (arrest, remand, bail, proclaimed offender) live on the accused, not on the case.
export const caseStatuses = [
  'complaint_received',
  'inquiry_open',
  'inquiry_closed',
  'fir_registered',
  'under_investigation',
  'interim_challan',
  'challan_submitted',
  'cancelled_or_discharged',
  'in_trial',
  'charge_framed',
  'evidence',
  'convicted',
  'acquitted',
  'under_appeal',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

const next: Record<CaseStatus, readonly CaseStatus[]> = {
  complaint_received: ['inquiry_open', 'fir_registered'],
  inquiry_open: ['inquiry_closed', 'fir_registered'],
  inquiry_closed: [],
  fir_registered: ['under_investigation'],
  under_investigation: ['interim_challan', 'challan_submitted', 'cancelled_or_discharged'],
  interim_challan: ['challan_submitted', 'cancelled_or_discharged'],
  challan_submitted: ['in_trial'],
  cancelled_or_discharged: [],
  in_trial: ['charge_framed', 'acquitted'],
  charge_framed: ['evidence', 'convicted', 'acquitted'],
  evidence: ['convicted', 'acquitted'],
  convicted: ['under_appeal'],
  acquitted: ['under_appeal'],
  under_appeal: ['convicted', 'acquitted'],
};

// Police-side stages are moved by the investigation; court stages by the prosecution.
const courtStages: ReadonlySet<CaseStatus> = new Set(['in_trial', 'charge_framed', 'evidence', 'convicted', 'acquitted', 'under_appeal']);

export const statusesWithFir: ReadonlySet<CaseStatus> = new Set(
  caseStatuses.filter((s) => !['complaint_received', 'inquiry_open', 'inquiry_closed'].includes(s)),
);

export function isCaseStatus(s: string): s is CaseStatus {
  return (caseStatuses as readonly string[]).includes(s);
}

export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return next[from];
}

export function roleMayMoveTo(role: Role, to: CaseStatus): boolean {
  if (role === 'prosecutor') return courtStages.has(to);
  if (role === 'investigator' || role === 'supervisor') return !courtStages.has(to);
  return false;
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/**
 * Judgment statuses are reached only by recording what the court decided (a verdict, an appeal, its decision:
 * modules/prosecution/judgment.rules.ts), which moves the case and the accused together; never by hand.
 */
export const recordedOnlyStatuses: ReadonlySet<CaseStatus> = new Set(['convicted', 'acquitted', 'under_appeal']);

const label = (s: string) => s.replace(/_/g, ' ');

export function checkTransition(from: CaseStatus, to: CaseStatus, role: Role): TransitionCheck {
  if (recordedOnlyStatuses.has(to)) {
    return { ok: false, reason: to === 'under_appeal' ? 'file the appeal on the prosecution tab: it moves the case to under appeal' : 'record the verdict on the prosecution tab: it moves the case and the accused together' };
  }
  if (!next[from].includes(to)) return { ok: false, reason: `a case cannot go from ${label(from)} to ${label(to)}` };
  if (!roleMayMoveTo(role, to)) return { ok: false, reason: `a ${role} cannot move a case to ${label(to)}` };
  return { ok: true };
}

/** The steps this role may take from here by hand, for the case page's buttons. */
export function allowedNextSteps(from: CaseStatus, role: Role): CaseStatus[] {
  return next[from].filter((to) => roleMayMoveTo(role, to) && !recordedOnlyStatuses.has(to));
}
