import { useQueries } from '@tanstack/react-query';
import { caseStatuses, type CaseStatus } from '../../../../modules/cases/case.lifecycle.ts';
import { fetchCases } from '../../cases/api/cases.api.ts';

/** Cases per status among those the user may see: one count query per status (limit 1, total only). */
export function useStatusCounts(branchId?: number) {
  const results = useQueries({
    queries: caseStatuses.map((status) => ({
      queryKey: ['cases', 'count', status, branchId ?? null],
      queryFn: () => fetchCases({ status, branchId, limit: 1, offset: 0 }),
    })),
  });
  const counts = caseStatuses.map((status, i) => ({ status, count: results[i].data?.total ?? 0 })) as Array<{ status: CaseStatus; count: number }>;
  return { counts, loading: results.some((r) => r.isPending), total: counts.reduce((s, c) => s + c.count, 0) };
}
