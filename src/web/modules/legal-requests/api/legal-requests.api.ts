import type { z } from 'zod';
import type { createLegalRequestBody, legalFollowupBody, legalRequestDetail, legalRequestFigures, legalRequestSummary } from '../../../../modules/requests/legal-request.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type LegalRequestSummary = z.infer<typeof legalRequestSummary>;
export type LegalRequestDetail = z.infer<typeof legalRequestDetail>;
export type LegalRequestFigures = z.infer<typeof legalRequestFigures>;

export const fetchLegalRequests = (q: { kind?: string; status?: string; lapsed?: 'true'; limit?: number; offset?: number }) => api.get<Page<LegalRequestSummary>>('/legal-requests', q);
export const fetchLegalRequest = (id: string) => api.get<LegalRequestDetail>(`/legal-requests/${id}`);
export const fetchLegalRequestFigures = () => api.get<LegalRequestFigures>('/legal-requests/figures');
export const createLegalRequest = (caseId: string, body: z.input<typeof createLegalRequestBody>) => api.post<LegalRequestDetail>(`/cases/${caseId}/legal-requests`, body);
export const recordFollowup = (id: string, body: z.input<typeof legalFollowupBody>) => api.post<LegalRequestDetail>(`/legal-requests/${id}/followups`, body);
