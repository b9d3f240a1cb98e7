import { useQuery } from '@tanstack/react-query';
import { fetchStaff, type StaffQuery } from '../api/staff.api.ts';

export function useStaff(q: StaffQuery, enabled = true) {
  return useQuery({ queryKey: ['staff', q], queryFn: () => fetchStaff({ limit: 200, ...q }), enabled, staleTime: 60_000 });
}
