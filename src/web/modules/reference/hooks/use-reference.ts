import { useQuery } from '@tanstack/react-query';
import { fetchBranches, fetchOffences } from '../api/reference.api.ts';

// Reference data changes rarely: fetched once per session.
export function useBranches(enabled = true) {
  return useQuery({ queryKey: ['branches'], queryFn: fetchBranches, staleTime: Infinity, select: (p) => p.items, enabled });
}

export function useOffences(enabled = true) {
  return useQuery({ queryKey: ['offences'], queryFn: fetchOffences, staleTime: Infinity, select: (p) => p.items, enabled });
}

/** The provinces and territories that have branches, as the server spells them. */
export function useProvinces(enabled = true): string[] {
  const branches = useBranches(enabled);
  return [...new Set((branches.data ?? []).map((b) => b.province))].sort();
}
