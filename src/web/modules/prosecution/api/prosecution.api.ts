import type { z } from 'zod';
import type { chargeBody, hearingBody, prosecutionView, verdictBody } from '../../../../modules/prosecution/prosecution.schema.ts';
import { api } from '../../../app/api-client.ts';

export type ProsecutionView = z.infer<typeof prosecutionView>;

export const fetchProsecution = (caseId: string) => api.get<ProsecutionView>(`/cases/${caseId}/prosecution`);
export const addCharge = (caseId: string, body: z.output<typeof chargeBody>) => api.post<ProsecutionView>(`/cases/${caseId}/charges`, body);
export const addHearing = (caseId: string, body: z.output<typeof hearingBody>) => api.post<ProsecutionView>(`/cases/${caseId}/hearings`, body);
export const addVerdict = (caseId: string, body: z.output<typeof verdictBody>) => api.post<ProsecutionView>(`/cases/${caseId}/verdicts`, body);
