import type { z } from 'zod';
import type { statsSummary, summaryQuery } from '../../../../modules/stats/stats.schema.ts';
import { api } from '../../../app/api-client.ts';

export type StatsSummary = z.infer<typeof statsSummary>;
export type SummaryQuery = Partial<z.output<typeof summaryQuery>>;

export const fetchSummary = (q: SummaryQuery) => api.get<StatsSummary>('/stats/summary', q);
