// Which dates are plausible, per kind of field: the one place these rules live, read by the services (which
// refuse with 400 naming the field) and by the web app (whose i18n strings translate the same messages).
// Nothing is ever rewritten: a date the rules refuse is refused with its reason, beside its field.
//
// - happened: something that has taken place (a complaint, an arrest, a verdict): not in the future.
// - scheduled: something planned (an operation, a hearing): may be ahead, but not absurdly far.
// - every record's date: not before the agency's earliest year (AMAAN_EARLIEST_YEAR, default 1947: the
//   agency keeps no records of events before Pakistan's founding; an agency digitising older files sets it).
// - events of a case: not before the complaint was received; court events not before the FIR.

export const DEFAULT_EARLIEST_YEAR = 1947;
/** Clocks of the officer's device and the server may differ by a few minutes. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** How far ahead a planned operation or a hearing may be put. */
export const MAX_YEARS_AHEAD = { operation: 2, hearing: 5 } as const;

export type DateKind = 'happened' | 'scheduled';

export interface DateAnchor {
  at: Date;
  /** The message when the date is before the anchor. */
  message: string;
}

/** Plain-word messages; the web app has each in English and Urdu (i18n `messages`). */
export const dateMessages = {
  future: 'cannot be in the future',
  beforeEarliest: (year: number) => `cannot be before ${year}`,
  tooFarAhead: (years: number) => `cannot be more than ${years} years ahead`,
  beforeComplaint: 'cannot be before the complaint was received',
  beforeFir: 'cannot be before the FIR was registered',
  beforeApproval: 'cannot be before the operation was approved',
  beforePlanned: 'cannot be before the time the operation was planned for',
  beforePrevious: 'cannot be before the previous status change',
  invalid: 'is not a date',
} as const;

export interface DateRule {
  kind: DateKind;
  earliestYear: number;
  /** For scheduled dates: at most this many years after now. */
  maxYearsAhead?: number;
  /** Dates this one may not precede, checked in order. */
  notBefore?: ReadonlyArray<DateAnchor | null | undefined>;
  now?: Date;
}

/** The reason a date is refused, or null when it is plausible. */
export function checkDate(at: Date, rule: DateRule): string | null {
  if (Number.isNaN(at.getTime())) return dateMessages.invalid;
  const now = rule.now ?? new Date();
  if (at.getUTCFullYear() < rule.earliestYear) return dateMessages.beforeEarliest(rule.earliestYear);
  if (rule.kind === 'happened' && at.getTime() > now.getTime() + CLOCK_SKEW_MS) return dateMessages.future;
  if (rule.kind === 'scheduled' && rule.maxYearsAhead !== undefined) {
    const limit = new Date(now);
    limit.setUTCFullYear(limit.getUTCFullYear() + rule.maxYearsAhead);
    if (at > limit) return dateMessages.tooFarAhead(rule.maxYearsAhead);
  }
  for (const anchor of rule.notBefore ?? []) {
    if (anchor && at.getTime() < anchor.at.getTime()) return anchor.message;
  }
  return null;
}

/** The anchors of an event of a case: its complaint, and for court events its FIR. */
export function caseAnchors(c: { reportedAt: Date; firRegisteredAt: Date | null }, court = false): DateAnchor[] {
  const anchors: DateAnchor[] = [{ at: c.reportedAt, message: dateMessages.beforeComplaint }];
  if (court && c.firRegisteredAt) anchors.push({ at: c.firRegisteredAt, message: dateMessages.beforeFir });
  return anchors;
}

/** A date of birth: not in the future, not before 1900. */
export function checkBirthDate(day: string, now = new Date()): string | null {
  const at = new Date(`${day}T00:00:00Z`);
  return checkDate(at, { kind: 'happened', earliestYear: 1900, now });
}
