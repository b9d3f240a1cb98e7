import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchSummary, type SummaryQuery } from '../api/stats.api.ts';

export function useStatsSummary(q: SummaryQuery = {}) {
  return useQuery({ queryKey: ['stats', 'summary', q], queryFn: () => fetchSummary(q), placeholderData: keepPreviousData, staleTime: 60_000 });
}
