import type { z } from 'zod';
import type { auditEntry, listAuditQuery, verifyAuditResult } from '../../../../modules/audit/audit.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditQuery = Partial<z.output<typeof listAuditQuery>>;
export type VerifyResult = z.infer<typeof verifyAuditResult>;

export const fetchAudit = (q: AuditQuery) => api.get<Page<AuditEntry>>('/audit', q);
export const verifyAudit = (anchor?: { seq: number; hash: string }) => api.post<VerifyResult>('/audit/verify', anchor ? { anchor } : {});
