import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSafeguardingAlerts, fetchIdentity, fetchVictim, fetchVictims, withdrawOfficer, type VictimDetail, type VictimState } from '../api/victims.api.ts';

export const victimKeys = {
  list: (q: object) => ['victims', 'list', q] as const,
  one: (id: string) => ['victims', 'one', id] as const,
  identity: (id: string) => ['victims', 'identity', id] as const,
};

export function useVictimList(q: { assigned?: 'me'; state?: VictimState; q?: string; offset?: number }) {
  return useQuery({ queryKey: victimKeys.list(q), queryFn: () => fetchVictims({ ...q, limit: 25 }), placeholderData: keepPreviousData });
}

export function useVictim(id: string) {
  return useQuery({ queryKey: victimKeys.one(id), queryFn: () => fetchVictim(id) });
}

/** Only asked for by the assigned protection officer; never cached beyond the page. */
export function useVictimIdentity(id: string, enabled: boolean) {
  return useQuery({ queryKey: victimKeys.identity(id), queryFn: () => fetchIdentity(id), enabled, gcTime: 0, staleTime: Infinity });
}

/** Care writes answer the whole victim: store it and refresh the lists. */
export function useVictimWrite<B>(id: string, write: (id: string, body: B) => Promise<VictimDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => write(id, body),
    onSuccess: (v) => {
      qc.setQueryData(victimKeys.one(id), v);
      void qc.invalidateQueries({ queryKey: ['victims', 'list'] });
      void qc.invalidateQueries({ queryKey: ['persons', 'case'] });
    },
  });
}

/** Withdrawing answers no body: refresh the victim instead. */
export function useWithdrawOfficer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => withdrawOfficer(id, userId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: victimKeys.one(id) });
      void qc.invalidateQueries({ queryKey: ['victims', 'list'] });
    },
  });
}

export function useSafeguardingAlerts() {
  return useQuery({ queryKey: ['victims', 'safeguarding'], queryFn: fetchSafeguardingAlerts, staleTime: 30_000 });
}
