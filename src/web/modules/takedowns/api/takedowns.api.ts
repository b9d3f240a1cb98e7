import type { z } from 'zod';
import type { createTakedownBody, takedownDetail, takedownReport, takedownStatusBody, takedownSummary, TakedownReport } from '../../../../modules/takedowns/takedown.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type TakedownSummary = z.infer<typeof takedownSummary>;
export type TakedownDetail = z.infer<typeof takedownDetail>;
export type { TakedownReport };
export type Report = z.infer<typeof takedownReport>;

export const fetchTakedowns = (q: { status?: string; due?: 'true'; limit?: number; offset?: number }) => api.get<Page<TakedownSummary>>('/takedowns', q);
export const fetchTakedown = (id: string) => api.get<TakedownDetail>(`/takedowns/${id}`);
export const fetchTakedownReport = () => api.get<Report>('/takedowns/report');
export const createTakedown = (caseId: string, body: z.input<typeof createTakedownBody>) => api.post<TakedownDetail>(`/cases/${caseId}/takedowns`, body);
export const changeTakedownStatus = (id: string, body: z.input<typeof takedownStatusBody>) => api.post<TakedownDetail>(`/takedowns/${id}/status`, body);
export const renoticeDue = () => api.post<{ sent: number; takedownIds: string[] }>('/takedowns/renotice');
