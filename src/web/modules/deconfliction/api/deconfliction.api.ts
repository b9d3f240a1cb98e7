import type { z } from 'zod';
import type { alertView, AlertStatus } from '../../../../modules/deconfliction/deconfliction.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type DeconflictionAlert = z.infer<typeof alertView>;

export const fetchAlerts = (q: { status?: AlertStatus; limit?: number; offset?: number }) => api.get<Page<DeconflictionAlert>>('/deconfliction/alerts', q);
export const decideAlert = (id: string, decision: 'grant' | 'dismiss', note: string) =>
  api.post<DeconflictionAlert>(`/deconfliction/alerts/${id}/${decision}`, note.trim() ? { note: note.trim() } : {});
