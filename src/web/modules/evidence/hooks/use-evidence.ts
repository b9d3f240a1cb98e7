import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createEvidenceBody, transferBody } from '../../../../modules/evidence/evidence.schema.ts';
import { createEvidence, fetchCaseEvidence, fetchEvidence, transferEvidence } from '../api/evidence.api.ts';

export const evidenceKeys = {
  ofCase: (caseId: string) => ['evidence', 'case', caseId] as const,
  one: (id: string) => ['evidence', 'one', id] as const,
};

export function useCaseEvidence(caseId: string) {
  return useQuery({ queryKey: evidenceKeys.ofCase(caseId), queryFn: () => fetchCaseEvidence(caseId) });
}

export function useEvidence(id: string) {
  return useQuery({ queryKey: evidenceKeys.one(id), queryFn: () => fetchEvidence(id) });
}

export function useCreateEvidence(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof createEvidenceBody>) => createEvidence(caseId, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: evidenceKeys.ofCase(caseId) }),
  });
}

export function useTransferEvidence(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof transferBody>) => transferEvidence(id, body),
    onSuccess: (item) => {
      qc.setQueryData(evidenceKeys.one(id), item);
      void qc.invalidateQueries({ queryKey: evidenceKeys.ofCase(item.caseId) });
    },
  });
}
