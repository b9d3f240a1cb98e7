import type { LegalFollowupKind, LegalRequestStatus } from '../../platform/db/schema.ts';

// What may be recorded on a request in each status (pure: the service enforces, the web app shows).
// Open requests (sent, acknowledged) take follow-ups, extensions and their answer; a closed one only notes.
const allowed: Record<LegalRequestStatus, readonly LegalFollowupKind[]> = {
  sent: ['follow_up', 'extension', 'acknowledged', 'fulfilled', 'refused', 'withdrawn'],
  acknowledged: ['follow_up', 'extension', 'fulfilled', 'refused', 'withdrawn'],
  fulfilled: ['follow_up'],
  refused: ['follow_up'],
  withdrawn: ['follow_up'],
};

export const allowedFollowups = (status: LegalRequestStatus): LegalFollowupKind[] => [...allowed[status]];
export const isOpenRequest = (status: LegalRequestStatus) => status === 'sent' || status === 'acknowledged';

/** The status a follow-up leads to (a plain follow-up or an extension keeps it). */
export function statusAfter(status: LegalRequestStatus, kind: LegalFollowupKind): LegalRequestStatus {
  return kind === 'follow_up' || kind === 'extension' ? status : kind;
}

/** Open and past its deadline: the data may be gone, the request lapsed. */
export function isLapsed(r: { status: LegalRequestStatus; deadlineAt: Date | null }, now: Date): boolean {
  return isOpenRequest(r.status) && r.deadlineAt !== null && r.deadlineAt <= now;
}

/** Default expiry of a preservation request without a typed deadline: 90 days (18 U.S.C. § 2703(f)). */
export const PRESERVATION_DAYS = 90;
