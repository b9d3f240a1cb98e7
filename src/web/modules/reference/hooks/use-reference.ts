import { useQuery } from '@tanstack/react-query';
import { fetchBranches, fetchOffences } from '../api/reference.api.ts';

// Reference data changes rarely: fetched once per session.
export function useBranches() {
  return useQuery({ queryKey: ['branches'], queryFn: fetchBranches, staleTime: Infinity, select: (p) => p.items });
}

export function useOffences() {
  return useQuery({ queryKey: ['offences'], queryFn: fetchOffences, staleTime: Infinity, select: (p) => p.items });
}

/** The provinces and territories that have branches, as the server spells them. */
export function useProvinces(): string[] {
  const branches = useBranches();
  return [...new Set((branches.data ?? []).map((b) => b.province))].sort();
}
