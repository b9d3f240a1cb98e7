import type { z } from 'zod';
import type { organisationView, publicTipAnswer, tipDecision, tipDetail, tipKeyCreated, tipKeyView, tipRule, tipSummary, PublicTipInput, TipRuleCode } from '../../../../modules/tips/tip.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type TipSummary = z.infer<typeof tipSummary>;
export type TipDetail = z.infer<typeof tipDetail>;
export type TipDecision = z.infer<typeof tipDecision>;
export type TipRule = z.infer<typeof tipRule>;
export type Organisation = z.infer<typeof organisationView>;
export type TipKey = z.infer<typeof tipKeyView>;
export type TipKeyCreated = z.infer<typeof tipKeyCreated>;

export const listTips = (q: { status?: string; branch?: string; offset?: number; limit?: number }) => api.get<Page<TipSummary>>('/tips', q);
export const fetchTip = (id: string) => api.get<TipDetail>(`/tips/${id}`);
export const routeTip = (id: string, branchId: number) => api.post<TipDetail>(`/tips/${id}/route`, { branchId });
export const convertTip = (id: string, body: { title?: string }) => api.post<TipDecision>(`/tips/${id}/convert`, body);
export const attachTip = (id: string, caseId: string) => api.post<TipDecision>(`/tips/${id}/attach`, { caseId });
export const closeTip = (id: string, reason: string) => api.post<TipDecision>(`/tips/${id}/close`, { reason });
export const listRules = () => api.get<{ items: TipRule[] }>('/tip-rules');
export const updateRule = (code: TipRuleCode, body: { weight?: number; enabled?: boolean }) => api.patch<{ items: TipRule[] }>(`/tip-rules/${code}`, body);
export const fileReport = (body: PublicTipInput) => api.post<z.infer<typeof publicTipAnswer>>('/tips/public', body);
export const listOrganisations = () => api.get<{ items: Organisation[] }>('/admin/tip-organisations');
export const createOrganisation = (name: string) => api.post<{ id: string; name: string; created: boolean }>('/admin/tip-organisations', { name });
export const listKeys = () => api.get<{ items: TipKey[] }>('/admin/tip-keys');
export const createKey = (organisationId: string, label: string) => api.post<TipKeyCreated>(`/admin/tip-organisations/${organisationId}/keys`, { label });
export const revokeKey = (id: string) => api.delete<{ ok: true }>(`/admin/tip-keys/${id}`);
