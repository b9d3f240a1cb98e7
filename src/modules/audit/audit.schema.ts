import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/http/schema-kit.ts';

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
  /** The session (hash prefix) or API token (id) the entry was made with; system for the CLI and the server itself; null on entries from before credentials were recorded. */
  credentialKind: z.enum(['session', 'token', 'system']).nullable(),
  credentialId: z.string().nullable(),
  /** 1: unkeyed entry from an earlier version; 2: keyed (HMAC-SHA256) entry. */
  v: z.number().int(),
  prevHash: z.string(),
  hash: z.string(),
});

export const verifyAuditBody = z
  .strictObject({
    /** A head recorded earlier (seq and hash, e.g. printed by a previous verify and kept off-line): catches a trail rewritten or cut back behind it. */
    anchor: z.strictObject({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest') }).optional(),
  })
  .nullish();

export const auditProblemKinds = ['edited', 'chain_broken', 'missing', 'reordered', 'checkpoint_mismatch', 'cut_back', 'empty', 'no_genesis'] as const;

export const auditProblem = z.object({
  kind: z.enum(auditProblemKinds),
  /** The entry concerned (the first of a missing run); null for the trail as a whole. */
  seq: z.number().int().nullable(),
  detail: z.string(),
  /** The entry as stored now, when it is there (as stored: show with visibleText). */
  action: z.string().nullable(),
  at: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type AuditProblemView = z.infer<typeof auditProblem>;

export const verifyAuditResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  legacyEntries: z.number().int(),
  headHash: z.string(),
  headSeq: z.number().int().nullable(),
  checkpoints: z.object({ count: z.number().int(), latestSeq: z.number().int().nullable(), latestAt: z.string().nullable() }),
  /** Every bad entry (up to 10,000; problemCount counts them all), in trail order, then checkpoint findings. */
  problems: z.array(auditProblem),
  problemCount: z.number().int(),
});
export type VerifyAuditResult = z.infer<typeof verifyAuditResult>;
