import type { z } from 'zod';
import type { safeguardingAlerts, assignBody, createVictimBody, followupBody, identityBody, placementBody, transitionBody, victimDetail, victimIdentity, victimSummary } from '../../../../modules/victims/victim.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type VictimSummary = z.infer<typeof victimSummary>;
export type VictimDetail = z.infer<typeof victimDetail>;
export type VictimIdentity = z.infer<typeof victimIdentity>;
export type VictimState = VictimSummary['state'];

export const fetchVictims = (q: { assigned?: 'me'; state?: VictimState; q?: string; limit?: number; offset?: number }) => api.get<Page<VictimSummary>>('/victims', q);
export const fetchVictim = (id: string) => api.get<VictimDetail>(`/victims/${id}`);
/** Every read of an identity is written to the audit trail by the server. */
export const fetchIdentity = (id: string) => api.get<VictimIdentity>(`/victims/${id}/identity`);
export const updateIdentity = (id: string, body: z.output<typeof identityBody>) => api.patch<{ ok: true; updatedAt: string }>(`/victims/${id}/identity`, body);
export const transitionVictim = (id: string, body: z.output<typeof transitionBody>) => api.post<VictimDetail>(`/victims/${id}/transitions`, body);
export const addPlacement = (id: string, body: z.output<typeof placementBody>) => api.post<VictimDetail>(`/victims/${id}/placements`, body);
export const addFollowup = (id: string, body: z.output<typeof followupBody>) => api.post<VictimDetail>(`/victims/${id}/followups`, body);
export const completeFollowup = (id: string, followupId: string, notes?: string) => api.post<VictimDetail>(`/victims/${id}/followups/${followupId}/done`, notes ? { notes } : {});
export const createVictim = (caseId: string, body: z.output<typeof createVictimBody>) => api.post<VictimDetail>(`/cases/${caseId}/victims`, body);
export const assignOfficer = (id: string, body: z.output<typeof assignBody>) => api.post<VictimDetail>(`/victims/${id}/assignments`, body);
export const withdrawOfficer = (id: string, userId: string) => api.delete<{ ok: true }>(`/victims/${id}/assignments/${userId}`);

/** Rescued children without a protection officer, and follow-ups past their date (victims you may see). */
export type SafeguardingAlerts = z.infer<typeof safeguardingAlerts>;
export const fetchSafeguardingAlerts = () => api.get<SafeguardingAlerts>('/victims/safeguarding');
