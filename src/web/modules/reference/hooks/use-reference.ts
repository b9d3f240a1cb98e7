import { useQuery } from '@tanstack/react-query';
import { fetchBranches, fetchOffences } from '../api/reference.api.ts';

// Reference data changes rarely: fetched once per session.
export function useBranches() {
  return useQuery({ queryKey: ['branches'], queryFn: fetchBranches, staleTime: Infinity, select: (p) => p.items });
}

export function useOffences() {
  return useQuery({ queryKey: ['offences'], queryFn: fetchOffences, staleTime: Infinity, select: (p) => p.items });
}

export const provinces = ['Punjab', 'Sindh', 'Khyber Pakhtunkhwa', 'Balochistan', 'Islamabad Capital Territory', 'Gilgit-Baltistan', 'Azad Jammu and Kashmir'];
