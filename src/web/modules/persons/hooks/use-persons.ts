import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { accusedStatusBody, linkPersonBody } from '../../../../modules/persons/person.schema.ts';
import { changeAccusedStatus, fetchCasePersons, fetchPerson, linkPerson, searchPersons, type CasePersons } from '../api/persons.api.ts';

export const personKeys = {
  search: (q: object) => ['persons', 'search', q] as const,
  one: (id: string) => ['persons', 'one', id] as const,
  ofCase: (caseId: string) => ['persons', 'case', caseId] as const,
};

export function usePersonSearch(q: { q?: string; cnic?: string; phone?: string; handle?: string; offset?: number }, enabled = true) {
  return useQuery({ queryKey: personKeys.search(q), queryFn: () => searchPersons({ ...q, limit: 25 }), placeholderData: keepPreviousData, enabled });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: personKeys.one(id), queryFn: () => fetchPerson(id) });
}

/** Persons with roles on a case, and its victims by pseudonym. */
export function useCasePersons(caseId: string | undefined) {
  return useQuery({ queryKey: personKeys.ofCase(caseId ?? ''), queryFn: () => fetchCasePersons(caseId!), enabled: !!caseId });
}

function useStore(caseId: string) {
  const qc = useQueryClient();
  return (res: CasePersons) => {
    qc.setQueryData(personKeys.ofCase(caseId), res);
    void qc.invalidateQueries({ queryKey: ['persons', 'one'] });
    void qc.invalidateQueries({ queryKey: ['prosecution', caseId] });
    void qc.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
  };
}

export function useLinkPerson(caseId: string) {
  const store = useStore(caseId);
  return useMutation({ mutationFn: (body: z.output<typeof linkPersonBody>) => linkPerson(caseId, body), onSuccess: store });
}

export function useAccusedStatus(caseId: string, personId: string) {
  const store = useStore(caseId);
  return useMutation({ mutationFn: (body: z.output<typeof accusedStatusBody>) => changeAccusedStatus(caseId, personId, body), onSuccess: store });
}
