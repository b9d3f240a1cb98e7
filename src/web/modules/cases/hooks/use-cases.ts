import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { noteBody, teamBody, transitionBody } from '../../../../modules/cases/case.schema.ts';
import { addTimelineEntry, fetchCase, fetchCases, fetchTimeline, setCaseTeam, transitionCase, type CaseListQuery } from '../api/cases.api.ts';

export const caseKeys = {
  list: (q: CaseListQuery) => ['cases', 'list', q] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  timeline: (id: string) => ['cases', 'timeline', id] as const,
};

export function useCaseList(q: CaseListQuery, enabled = true) {
  return useQuery({ queryKey: caseKeys.list(q), queryFn: () => fetchCases(q), placeholderData: keepPreviousData, enabled });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: () => fetchCase(id), enabled: !!id });
}

export function useTimeline(id: string) {
  return useQuery({ queryKey: caseKeys.timeline(id), queryFn: () => fetchTimeline(id) });
}

export function useTransitionCase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof transitionBody>) => transitionCase(id, body),
    onSuccess: (detail) => {
      qc.setQueryData(caseKeys.one(id), detail);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      void qc.invalidateQueries({ queryKey: caseKeys.timeline(id) });
    },
  });
}

export function useAddTimelineEntry(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof noteBody>) => addTimelineEntry(id, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: caseKeys.timeline(id) }),
  });
}

export function useSetCaseTeam(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof teamBody>) => setCaseTeam(id, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: caseKeys.one(id) });
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}
