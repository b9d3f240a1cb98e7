import type { z } from 'zod';
import type { statsSummary, summaryQuery } from '../../../../modules/stats/stats.schema.ts';
import type { briefingQuery } from '../../../../modules/reports/reports.schema.ts';
import { api } from '../../../app/api-client.ts';

export type StatsSummary = z.infer<typeof statsSummary>;
export type SummaryQuery = Partial<z.output<typeof summaryQuery>>;

export const fetchSummary = (q: SummaryQuery) => api.get<StatsSummary>('/stats/summary', q);

/** Starts the briefing PDF as a background job (POST /reports/briefing); followed through /jobs/:id. */
export const startBriefing = (body: BriefingBody) => api.post<{ backgroundJobId: string }>('/reports/briefing', body);
export type BriefingBody = z.output<typeof briefingQuery>;
/** The file a finished job produced, for the one who started it (the session cookie goes with the link). */
export const jobOutputUrl = (jobId: string) => `/api/v1/jobs/${encodeURIComponent(jobId)}/output`;
