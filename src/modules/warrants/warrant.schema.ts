import { z } from 'zod';
import { isoDay } from '../../platform/http/schema-kit.ts';

// A suspect's warrants and notices, one by one (issue 10): an arrest warrant, a proclamation, an Interpol red
// notice... with its date, country, reference and status. "foreign_request" is an older record carried over
// from the single "foreign warrant / red notice requested" mark, whose kind was never recorded.
export const warrantKinds = ['arrest_warrant', 'non_bailable_warrant', 'proclamation', 'foreign_arrest_warrant', 'interpol_red_notice', 'interpol_diffusion', 'foreign_request'] as const;
export const warrantStatuses = ['requested', 'issued', 'executed', 'withdrawn', 'cancelled'] as const;
/** Kinds that ask another country (or Interpol) to find the suspect: these keep the old flag set. */
export const foreignKinds: ReadonlySet<string> = new Set(['foreign_arrest_warrant', 'interpol_red_notice', 'interpol_diffusion', 'foreign_request']);
/** Statuses after which the status no longer changes. */
export const finalStatuses: ReadonlySet<string> = new Set(['executed', 'withdrawn', 'cancelled']);

export const warrantKind = z.enum(warrantKinds);
export const warrantStatus = z.enum(warrantStatuses);
const country = z.string().trim().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as PK or AE').transform((s) => s.toUpperCase());
const reference = z.string().trim().min(1, 'required').max(100, 'at most 100 characters');
const notes = z.string().trim().max(2000, 'at most 2000 characters');

export const createWarrantBody = z.strictObject({
  kind: warrantKind,
  status: warrantStatus.default('requested'),
  /** When it was issued (required once issued). */
  issuedOn: isoDay.optional(),
  /** The country that issued it or is asked to act (ISO alpha-2). */
  country: country.optional(),
  /** The court's or Interpol's reference number. */
  reference: reference.optional(),
  notes: notes.default(''),
});
export type CreateWarrantInput = z.infer<typeof createWarrantBody>;

/** Fields left out stay; null clears. Every change keeps the earlier value in the case's corrections. */
export const updateWarrantBody = z.strictObject({
  kind: warrantKind.optional(),
  status: warrantStatus.optional(),
  issuedOn: isoDay.nullable().optional(),
  country: country.nullable().optional(),
  reference: reference.nullable().optional(),
  notes: notes.optional(),
});
export type UpdateWarrantInput = z.infer<typeof updateWarrantBody>;

export const warrantView = z.object({
  id: z.string(),
  caseId: z.string(),
  personId: z.string(),
  personName: z.string(),
  kind: warrantKind,
  status: warrantStatus,
  issuedOn: z.string().nullable(),
  country: z.string().nullable(),
  reference: z.string().nullable(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WarrantView = z.infer<typeof warrantView>;

export const caseWarrants = z.object({ items: z.array(warrantView) });
