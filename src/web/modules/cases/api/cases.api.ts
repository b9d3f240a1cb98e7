import type { z } from 'zod';
import type { caseDetail, caseSummary, createCaseBody, noteBody, statusCounts, timelineEntry, transitionBody, listCasesQuery, teamBody } from '../../../../modules/cases/case.schema.ts';
import { api, type BoundedPage, type Page } from '../../../app/api-client.ts';

export type CaseSummary = z.infer<typeof caseSummary>;
export type CaseDetail = z.infer<typeof caseDetail>;
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type CaseListQuery = Partial<z.output<typeof listCasesQuery>>;

export const fetchCases = (q: CaseListQuery) => api.get<BoundedPage<CaseSummary>>('/cases', q);
export type StatusCounts = z.infer<typeof statusCounts>;
export const fetchStatusCounts = (branchId?: number) => api.get<StatusCounts>('/cases/status-counts', branchId ? { branchId } : {});
export const fetchCase = (id: string) => api.get<CaseDetail>(`/cases/${id}`);
export const createCase = (body: z.output<typeof createCaseBody>) => api.post<CaseDetail>('/cases', body);
export const transitionCase = (id: string, body: z.output<typeof transitionBody>) => api.post<CaseDetail>(`/cases/${id}/transitions`, body);
export const fetchTimeline = (id: string, offset = 0) => api.get<Page<TimelineEntry>>(`/cases/${id}/timeline`, { limit: 50, offset });
export const addTimelineEntry = (id: string, body: z.output<typeof noteBody>) => api.post<{ id: number }>(`/cases/${id}/timeline`, body);
export const setCaseTeam = (id: string, body: z.output<typeof teamBody>) => api.put<{ ok: true }>(`/cases/${id}/team`, body);
