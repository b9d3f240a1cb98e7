import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchBranchStaff, fetchTeamOverview, fetchTokens, fetchUser, fetchUsers, type UserRole } from '../api/admin.api.ts';

export function useUsers(q: { q?: string; role?: UserRole; branchId?: number; offset?: number }) {
  return useQuery({ queryKey: ['admin', 'users', q], queryFn: () => fetchUsers({ ...q, limit: 25 }), placeholderData: keepPreviousData });
}

export function useAdminUser(id: string) {
  return useQuery({ queryKey: ['admin', 'user', id], queryFn: () => fetchUser(id) });
}

export function useTokens(id: string) {
  return useQuery({ queryKey: ['admin', 'tokens', id], queryFn: () => fetchTokens(id) });
}

export function useBranchStaff(province?: string, offset = 0) {
  return useQuery({ queryKey: ['admin', 'branches', province, offset], queryFn: () => fetchBranchStaff({ province, limit: 50, offset }), placeholderData: keepPreviousData });
}

export function useTeamOverview(q: { branchId?: number; role?: UserRole; offset?: number }) {
  return useQuery({ queryKey: ['admin', 'teams', q], queryFn: () => fetchTeamOverview({ ...q, limit: 50 }), placeholderData: keepPreviousData });
}

export function useRefreshAdmin() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['admin'] });
}
