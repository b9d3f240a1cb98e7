import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/http/route-kit.ts';

// The audit trail as the auditor reads it. Filters are exact except `action`, which takes a trailing `*`
// for a family of actions (`case.*`).
export const listAuditQuery = z.strictObject({
  actor: z.string().trim().min(1).max(100).optional().describe('actor name (as recorded) or actor id'),
  action: z.string().trim().regex(/^[a-z0-9_.]+\*?$/i, 'letters, digits, dots and underscores, optionally ending in *').max(100).optional(),
  entityType: z.string().trim().min(1).max(60).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageQuery,
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

export const verifyAuditBody = z
  .strictObject({
    /** A head recorded earlier (seq and hash, e.g. printed by a previous verify and kept off-line): catches a trail rewritten or cut back behind it. */
    anchor: z.strictObject({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest') }).optional(),
  })
  .nullish();

export const verifyAuditResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string(),
  headSeq: z.number().int().nullable(),
  firstBad: z
    .object({
      seq: z.number().int(),
      problem: z.enum(['hash_mismatch', 'chain_broken', 'anchor_missing', 'anchor_mismatch']),
      action: z.string().nullable(),
      at: z.string().nullable(),
      actorName: z.string().nullable(),
    })
    .nullable(),
});
export type VerifyAuditResult = z.infer<typeof verifyAuditResult>;
