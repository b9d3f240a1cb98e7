import type { z } from 'zod';
import type { caseEntitiesResponse, entityDetail, entitySummary, recordCommunicationBody, recordLinkBody, recordPaymentBody } from '../../../../modules/entities/entity.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type CaseEntities = z.infer<typeof caseEntitiesResponse>;
export type EntityDetail = z.infer<typeof entityDetail>;
export type EntitySummary = z.infer<typeof entitySummary>;

export const fetchCaseEntities = (caseId: string) => api.get<CaseEntities>(`/cases/${caseId}/entities`);
export const fetchEntity = (id: string) => api.get<EntityDetail>(`/entities/${id}`);
export const searchEntities = (q: { q?: string; kind?: string; limit?: number }) => api.get<Page<EntitySummary>>('/entities', q);
export const recordLink = (caseId: string, body: z.output<typeof recordLinkBody>) => api.post<CaseEntities>(`/cases/${caseId}/links`, body);
export const recordPayment = (caseId: string, body: z.output<typeof recordPaymentBody>) => api.post<CaseEntities>(`/cases/${caseId}/payments`, body);
export const recordCommunication = (caseId: string, body: z.output<typeof recordCommunicationBody>) => api.post<CaseEntities>(`/cases/${caseId}/communications`, body);
