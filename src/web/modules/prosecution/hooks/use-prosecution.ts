import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchProsecution, type ProsecutionView } from '../api/prosecution.api.ts';

export const prosecutionKey = (caseId: string) => ['prosecution', caseId] as const;

export function useProsecution(caseId: string) {
  return useQuery({ queryKey: prosecutionKey(caseId), queryFn: () => fetchProsecution(caseId) });
}

/** Every prosecution write answers the whole record: store it as is. */
export function useProsecutionWrite<B>(caseId: string, write: (caseId: string, body: B) => Promise<ProsecutionView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => write(caseId, body),
    onSuccess: (view) => {
      qc.setQueryData(prosecutionKey(caseId), view);
      void qc.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
    },
  });
}
