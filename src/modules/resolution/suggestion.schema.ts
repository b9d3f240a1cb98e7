import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from '../../platform/http/schema-kit.ts';

// Duplicate-person suggestions: shapes shared by the routes and the web app (pure zod).
export const reasonSchema = z.object({
  field: z.enum(['prior', 'name', 'father', 'cnic', 'passport', 'phone', 'handle', 'wallet', 'dateOfBirth', 'district']),
  detail: z.string(),
  weight: z.number(),
});
export const suggestionStatus = z.enum(['open', 'merged', 'rejected']);

export const suggestionListQuery = z.strictObject({ status: suggestionStatus.default('open'), ...pageQuery });

const personRef = z.object({ id: z.uuid(), displayName: z.string() });
export const suggestionSummary = z.object({
  id: z.uuid(), status: suggestionStatus, source: z.enum(['incremental', 'batch', 'import']), score: z.number(), reasons: z.array(reasonSchema),
  a: personRef, b: personRef, scoredAt: isoDate, decidedAt: isoDate.nullable(),
});
export const suggestionPage = pageOf(suggestionSummary);

const side = z.object({
  id: z.uuid(), displayName: z.string(), gender: z.string().nullable(), dateOfBirth: z.string().nullable(), estimatedAge: z.number().int().nullable(),
  cnic: z.string().nullable(), passport: z.string().nullable(), mergedInto: z.uuid().nullable(),
  names: z.array(z.object({ name: z.string(), kind: z.string(), script: z.string() })),
  identifiers: z.array(z.object({ kind: z.string(), value: z.string(), platform: z.string().nullable() })),
  cases: z.array(z.object({ caseId: z.uuid(), title: z.string(), role: z.string() })),
});
export const suggestionDetail = z.object({
  id: z.uuid(), status: suggestionStatus, source: z.enum(['incremental', 'batch', 'import']), score: z.number(), threshold: z.number(), reasons: z.array(reasonSchema),
  scoredAt: isoDate, decidedAt: isoDate.nullable(), a: side, b: side,
  merge: z.object({ id: z.uuid(), keptId: z.uuid(), absorbedId: z.uuid(), mergedAt: isoDate, undoneAt: isoDate.nullable() }).nullable(),
});

export const mergeBody = z.strictObject({ keep: z.enum(['a', 'b'], { message: "must be 'a' or 'b': the person whose record is kept" }) });
export const mergeResult = z.object({ mergeId: z.uuid(), keptId: z.uuid(), absorbedId: z.uuid() });
