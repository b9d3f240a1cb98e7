import { z } from 'zod';
import { isoDate } from '../../platform/http/schema-kit.ts';

// One set of schemas drives validation, the OpenAPI document and the web app's forms.
const uuid = z.uuid({ message: 'must be a UUID' });
const court = z.string().trim().min(3, 'at least 3 characters').max(300);
const offenceCode = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'unknown offence code');

/** Longest sentence the system records (life imprisonment in Pakistan is 25 years). */
export const MAX_SENTENCE_YEARS = 100;
export const MAX_SENTENCE_MONTHS = MAX_SENTENCE_YEARS * 12;

export const chargeBody = z.strictObject({
  personId: uuid,
  offenceCode,
  court,
  framedAt: isoDate,
});
export type ChargeInput = z.infer<typeof chargeBody>;

export const hearingBody = z.strictObject({
  court,
  scheduledFor: isoDate,
  purpose: z.string().trim().min(3, 'at least 3 characters').max(1000),
  /** What happened, once the hearing has taken place. */
  outcome: z.string().trim().min(1, 'required').max(5000).optional(),
});
export type HearingInput = z.infer<typeof hearingBody>;

export const updateHearingBody = z.strictObject({
  court: court.optional(),
  scheduledFor: isoDate.optional(),
  purpose: z.string().trim().min(3, 'at least 3 characters').max(1000).optional(),
  outcome: z.string().trim().min(1, 'required').max(5000).nullable().optional(),
});
export type UpdateHearingInput = z.infer<typeof updateHearingBody>;

export const sentence = z.strictObject({
  years: z.number().int().min(0).max(MAX_SENTENCE_YEARS, `at most ${MAX_SENTENCE_YEARS} years`),
  months: z.number().int().min(0).max(11, 'at most 11; count whole years in years'),
});

export const verdictBody = z.strictObject({
  personId: uuid,
  outcome: z.enum(['convicted', 'acquitted']),
  court,
  decidedAt: isoDate,
  /** Imprisonment, only on conviction; stored as months. */
  sentence: sentence.optional(),
  /** Fine in Pakistani rupees, only on conviction. */
  fineRupees: z.number().int().min(0).max(1_000_000_000_000).optional(),
});
export type VerdictInput = z.infer<typeof verdictBody>;

export const appealBody = z.strictObject({
  court,
  filedAt: isoDate,
  filedBy: z.enum(['prosecution', 'defence']),
});
export type AppealInput = z.infer<typeof appealBody>;

export const decideAppealBody = z.strictObject({
  status: z.enum(['allowed', 'dismissed', 'withdrawn']),
  decidedAt: isoDate,
});
export type DecideAppealInput = z.infer<typeof decideAppealBody>;

const personRef = z.object({ id: z.string(), displayName: z.string() });

export const chargeView = z.object({
  id: z.string(),
  person: personRef,
  offenceCode: z.string(),
  offenceTitle: z.string(),
  law: z.string(),
  section: z.string(),
  court: z.string(),
  framedAt: z.string(),
});

export const hearingView = z.object({
  id: z.string(),
  court: z.string(),
  scheduledFor: z.string(),
  purpose: z.string(),
  outcome: z.string().nullable(),
});

export const appealView = z.object({
  id: z.string(),
  verdictId: z.string(),
  court: z.string(),
  filedAt: z.string(),
  filedBy: z.enum(['prosecution', 'defence']),
  status: z.enum(['pending', 'allowed', 'dismissed', 'withdrawn']),
  decidedAt: z.string().nullable(),
});

export const verdictView = z.object({
  id: z.string(),
  person: personRef,
  outcome: z.enum(['convicted', 'acquitted']),
  court: z.string(),
  decidedAt: z.string(),
  sentenceMonths: z.number().nullable(),
  sentence: z.object({ years: z.number(), months: z.number() }).nullable(),
  fineRupees: z.number().nullable(),
  appeals: z.array(appealView),
});

export const prosecutionView = z.object({
  caseId: z.string(),
  charges: z.array(chargeView),
  hearings: z.array(hearingView),
  verdicts: z.array(verdictView),
  /** Accused of the case and their current status, for the forms. */
  accused: z.array(z.object({ id: z.string(), displayName: z.string(), status: z.string().nullable(), charged: z.boolean() })),
});
