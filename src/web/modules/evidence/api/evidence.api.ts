import type { z } from 'zod';
import type { createEvidenceBody, evidenceDetail, evidenceSummary, transferBody } from '../../../../modules/evidence/evidence.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type EvidenceSummary = z.infer<typeof evidenceSummary>;
export type EvidenceDetail = z.infer<typeof evidenceDetail>;

export const fetchCaseEvidence = (caseId: string, offset = 0) => api.get<Page<EvidenceSummary>>(`/cases/${caseId}/evidence`, { limit: 50, offset });
export const fetchEvidence = (id: string) => api.get<EvidenceDetail>(`/evidence/${id}`);
export const createEvidence = (caseId: string, body: z.output<typeof createEvidenceBody>) => api.post<EvidenceDetail>(`/cases/${caseId}/evidence`, body);
export const transferEvidence = (id: string, body: z.output<typeof transferBody>) => api.post<EvidenceDetail>(`/evidence/${id}/transfers`, body);
