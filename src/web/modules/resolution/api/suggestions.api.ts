import type { z } from 'zod';
import type { mergeResult, suggestionDetail, suggestionSummary } from '../../../../modules/resolution/suggestion.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type SuggestionSummary = z.infer<typeof suggestionSummary>;
export type SuggestionDetail = z.infer<typeof suggestionDetail>;
export type MergeResult = z.infer<typeof mergeResult>;
export type SuggestionStatus = SuggestionSummary['status'];

export const listSuggestions = (q: { status: SuggestionStatus; offset?: number; limit?: number }) => api.get<Page<SuggestionSummary>>('/person-suggestions', q);
export const fetchSuggestion = (id: string) => api.get<SuggestionDetail>(`/person-suggestions/${id}`);
export const mergeSuggestion = (id: string, keep: 'a' | 'b') => api.post<MergeResult>(`/person-suggestions/${id}/merge`, { keep });
export const rejectSuggestion = (id: string) => api.post<{ ok: true }>(`/person-suggestions/${id}/reject`);
export const undoMerge = (id: string) => api.post<MergeResult>(`/person-suggestions/${id}/undo`);
