import { useQuery } from '@tanstack/react-query';
import { fetchStatusCounts } from '../../cases/api/cases.api.ts';

/**
 * Cases per status among those the user may see: one request (GET /cases/status-counts), each status counted up
 * to the server's bound; a count that reached it is not exact (shown as "N+"), and neither is the total then.
 */
export function useStatusCounts(branchId?: number) {
  const result = useQuery({ queryKey: ['cases', 'status-counts', branchId ?? null], queryFn: () => fetchStatusCounts(branchId) });
  const counts = result.data?.counts ?? [];
  return { counts, loading: result.isPending, total: result.data?.total ?? 0, totalExact: result.data?.totalExact ?? true };
}
