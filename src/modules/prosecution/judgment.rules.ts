import type { CaseStatus } from '../cases/case.lifecycle.ts';

// What a verdict, an appeal and an appeal's decision do to the case and to the accused (CrPC): the one place
// these rules live, read by the prosecution service (which enforces them in the same transaction as the
// record) and by the web app (which disables the forms with the same reason).
//
// - Charges are framed, and verdicts recorded, only while the trial court holds the case (in trial, charge
//   framed, evidence). A judgment covering several accused is entered person by person, so a verdict may
//   also be entered while the case already stands at convicted or acquitted, never while it is under appeal.
// - The case's judgment status follows from the accused's standing outcomes: under appeal while any appeal
//   is pending, otherwise convicted when anyone stands convicted, otherwise acquitted. Nobody moves a case
//   to convicted, acquitted or under appeal by hand.
// - The defence appeals a conviction; the prosecution an acquittal (or a conviction, for the sentence).
//   An allowed defence appeal acquits; an allowed prosecution appeal against an acquittal convicts; a
//   dismissed or withdrawn appeal leaves the outcome standing.

export type Outcome = 'convicted' | 'acquitted';
export type AppealSide = 'prosecution' | 'defence';
export type AppealDecision = 'allowed' | 'dismissed' | 'withdrawn';

/** The trial court holds the case: charges may be framed. */
export const trialStatuses: readonly CaseStatus[] = ['in_trial', 'charge_framed', 'evidence'];
/** Statuses reached only by recording a verdict or an appeal, never by a manual step. */
export const judgmentStatuses: readonly CaseStatus[] = ['convicted', 'acquitted', 'under_appeal'];

export type RuleCheck = { ok: true } | { ok: false; reason: string };

const statusLabel = (s: string) => s.replace(/_/g, ' ');

export function checkChargeAllowed(caseStatus: CaseStatus): RuleCheck {
  if (trialStatuses.includes(caseStatus)) return { ok: true };
  return { ok: false, reason: `charges are framed only while the case is in trial; this case is at ${statusLabel(caseStatus)}` };
}

export function checkVerdictAllowed(caseStatus: CaseStatus): RuleCheck {
  if (trialStatuses.includes(caseStatus) || caseStatus === 'convicted' || caseStatus === 'acquitted') return { ok: true };
  if (caseStatus === 'under_appeal') return { ok: false, reason: 'the case is under appeal: the appeal court decides now, record its decision on the appeal' };
  return { ok: false, reason: `a verdict is recorded only once the case is in trial; this case is at ${statusLabel(caseStatus)}` };
}

/** A case status that only records move to. */
export function isJudgmentStatus(s: CaseStatus): boolean {
  return judgmentStatuses.includes(s);
}

/** Why a manual step to this status is refused (null when it is a status the officers move by hand). */
export function judgmentStatusReason(to: CaseStatus): string | null {
  if (to === 'convicted' || to === 'acquitted') return 'record the verdict on the prosecution tab: it moves the case and the accused together';
  if (to === 'under_appeal') return 'file the appeal against the verdict on the prosecution tab: it moves the case';
  return null;
}

export function checkAppealFiling(standing: Outcome, side: AppealSide): RuleCheck {
  if (side === 'defence' && standing === 'acquitted') return { ok: false, reason: 'the defence appeals only against a conviction' };
  return { ok: true };
}

/** The accused's standing outcome once an appeal is decided. */
export function outcomeAfterAppeal(standing: Outcome, side: AppealSide, decision: AppealDecision): Outcome {
  if (decision !== 'allowed') return standing;
  if (side === 'defence') return 'acquitted';
  // The prosecution's appeal allowed: an acquittal reversed, or a conviction upheld with a heavier sentence.
  return 'convicted';
}

/**
 * The case's status after a judgment or appeal is recorded, from the standing outcomes of every accused with
 * a verdict and the number of pending appeals; null when nobody has a verdict (the case stays where it is).
 */
export function caseStatusAfterJudgment(outcomes: readonly Outcome[], pendingAppeals: number): CaseStatus | null {
  if (!outcomes.length) return null;
  if (pendingAppeals > 0) return 'under_appeal';
  return outcomes.includes('convicted') ? 'convicted' : 'acquitted';
}
