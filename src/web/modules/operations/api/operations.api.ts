import type { z } from 'zod';
import type { executeOperationBody, operationDetail, operationSummary, planOperationBody } from '../../../../modules/operations/operation.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type OperationSummary = z.infer<typeof operationSummary>;
export type OperationDetail = z.infer<typeof operationDetail>;
export type OperationStatus = OperationSummary['status'];

export const fetchCaseOperations = (caseId: string, status?: OperationStatus) => api.get<Page<OperationSummary>>(`/cases/${caseId}/operations`, { status, limit: 100 });
export const fetchOperation = (id: string) => api.get<OperationDetail>(`/operations/${id}`);
export const planOperation = (caseId: string, body: z.output<typeof planOperationBody>) => api.post<OperationDetail>(`/cases/${caseId}/operations`, body);
export const approveOperation = (id: string) => api.post<OperationDetail>(`/operations/${id}/approve`);
export const executeOperation = (id: string, body: z.output<typeof executeOperationBody>) => api.post<OperationDetail>(`/operations/${id}/execute`, body);
export const cancelOperation = (id: string, reason: string) => api.post<OperationDetail>(`/operations/${id}/cancel`, { reason });
