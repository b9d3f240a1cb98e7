import { api, type Page } from '../../../app/api-client.ts';
import type { TakedownSummary } from '../../takedowns/api/takedowns.api.ts';
import type { LegalRequestSummary } from '../../legal-requests/api/legal-requests.api.ts';

// The case page's takedowns and legal-requests tabs: the case's own lists (creating one goes through the
// takedowns and legal-requests modules' calls).
export const fetchCaseTakedowns = (caseId: string, q: { limit?: number; offset?: number } = {}) => api.get<Page<TakedownSummary>>(`/cases/${caseId}/takedowns`, q);
export const fetchCaseLegalRequests = (caseId: string, q: { limit?: number; offset?: number } = {}) => api.get<Page<LegalRequestSummary>>(`/cases/${caseId}/legal-requests`, q);
