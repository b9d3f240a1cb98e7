import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { recordCommunicationBody, recordLinkBody, recordPaymentBody } from '../../../../modules/entities/entity.schema.ts';
import { fetchCaseEntities, fetchEntity, recordCommunication, recordLink, recordPayment, type CaseEntities } from '../api/entities.api.ts';

export const entityKeys = {
  ofCase: (caseId: string) => ['entities', 'case', caseId] as const,
  one: (id: string) => ['entities', 'one', id] as const,
};

export function useCaseEntities(caseId: string) {
  return useQuery({ queryKey: entityKeys.ofCase(caseId), queryFn: () => fetchCaseEntities(caseId) });
}

export function useEntity(id: string) {
  return useQuery({ queryKey: entityKeys.one(id), queryFn: () => fetchEntity(id) });
}

function useStore(caseId: string) {
  const qc = useQueryClient();
  return (res: CaseEntities) => {
    qc.setQueryData(entityKeys.ofCase(caseId), res);
    void qc.invalidateQueries({ queryKey: ['entities', 'one'] });
    void qc.invalidateQueries({ queryKey: ['persons', 'one'] });
  };
}

export function useRecordLink(caseId: string) {
  const store = useStore(caseId);
  return useMutation({ mutationFn: (body: z.output<typeof recordLinkBody>) => recordLink(caseId, body), onSuccess: store });
}

export function useRecordPayment(caseId: string) {
  const store = useStore(caseId);
  return useMutation({ mutationFn: (body: z.output<typeof recordPaymentBody>) => recordPayment(caseId, body), onSuccess: store });
}

export function useRecordCommunication(caseId: string) {
  const store = useStore(caseId);
  return useMutation({ mutationFn: (body: z.output<typeof recordCommunicationBody>) => recordCommunication(caseId, body), onSuccess: store });
}
