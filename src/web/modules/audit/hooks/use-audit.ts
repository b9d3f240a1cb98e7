import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { fetchAudit, verifyAudit, type AuditQuery } from '../api/audit.api.ts';

export function useAuditTrail(q: AuditQuery) {
  return useQuery({ queryKey: ['audit', q], queryFn: () => fetchAudit(q), placeholderData: keepPreviousData });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: (anchor?: { seq: number; hash: string }) => verifyAudit(anchor) });
}
