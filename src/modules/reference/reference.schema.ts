import { z } from 'zod';
import { pageQuery } from '../../platform/http/schema-kit.ts';

// Reference data every role reads: branches and the offence catalogue (edited by administrators).
export const branch = z.object({
  id: z.number().int(),
  code: z.string(),
  district: z.string(),
  province: z.string(),
  division: z.string().nullable(),
  population2023: z.number().nullable(),
});

export const offenceFields = {
  law: z.string().trim().min(1).max(300),
  section: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(300),
  minYears: z.number().min(0).max(100).nullable(),
  maxYears: z.number().min(0).max(100).nullable(),
  fineNote: z.string().max(500).nullable(),
  category: z.enum(['sexual_exploitation', 'trafficking', 'abduction', 'cyber_harassment', 'financial_fraud', 'other']),
  childExploitation: z.boolean(),
  source: z.string().max(1000).nullable(),
  status: z.enum(['in_force', 'proposed', 'repealed', 'uncertain']),
  verification: z.string().max(1000).nullable(),
  notes: z.string().max(2000).nullable(),
};
export const offence = z.object({ code: z.string(), ...offenceFields });
export const offenceCode = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and dashes') });

export const listBranchesQuery = z.strictObject({ province: z.string().max(100).optional(), q: z.string().max(100).optional(), ...pageQuery, limit: z.coerce.number().int().min(1).max(500).default(500) });
export type ListBranchesQuery = z.infer<typeof listBranchesQuery>;
export const listOffencesQuery = z.strictObject({ category: offenceFields.category.optional(), childExploitation: z.enum(['true', 'false']).optional(), ...pageQuery, limit: z.coerce.number().int().min(1).max(500).default(500) });
export type ListOffencesQuery = z.infer<typeof listOffencesQuery>;
export const offenceBody = z.strictObject(offenceFields);
export type OffenceInput = z.infer<typeof offenceBody>;
