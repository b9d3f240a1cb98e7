import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { executeOperationBody, planOperationBody } from '../../../../modules/operations/operation.schema.ts';
import { approveOperation, cancelOperation, executeOperation, fetchCaseOperations, fetchOperation, planOperation, type OperationDetail } from '../api/operations.api.ts';

export const operationKeys = {
  ofCase: (caseId: string) => ['operations', 'case', caseId] as const,
  one: (id: string) => ['operations', 'one', id] as const,
};

export function useCaseOperations(caseId: string) {
  return useQuery({ queryKey: operationKeys.ofCase(caseId), queryFn: () => fetchCaseOperations(caseId) });
}

export function useOperation(id: string) {
  return useQuery({ queryKey: operationKeys.one(id), queryFn: () => fetchOperation(id) });
}

export function usePlanOperation(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof planOperationBody>) => planOperation(caseId, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: operationKeys.ofCase(caseId) }),
  });
}

/** Approve, execute and cancel all answer the updated operation. */
export function useOperationAction(id: string) {
  const qc = useQueryClient();
  const done = (op: OperationDetail) => {
    qc.setQueryData(operationKeys.one(id), op);
    void qc.invalidateQueries({ queryKey: operationKeys.ofCase(op.caseId) });
    void qc.invalidateQueries({ queryKey: ['cases'] });
    void qc.invalidateQueries({ queryKey: ['evidence'] });
  };
  return {
    approve: useMutation({ mutationFn: () => approveOperation(id), onSuccess: done }),
    execute: useMutation({ mutationFn: (body: z.output<typeof executeOperationBody>) => executeOperation(id, body), onSuccess: done }),
    cancel: useMutation({ mutationFn: (reason: string) => cancelOperation(id, reason), onSuccess: done }),
  };
}
