import { useQuery } from '@tanstack/react-query';
import { api } from './api-client.ts';

export interface BackgroundJob {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed';
  progress: { done: number; total: number | null; unit: string };
  result?: unknown;
  error?: string;
  startedAt: string;
  finishedAt?: string;
}

/** Polls a background job (imports, ingest, reports) every half second until it ends. */
export function useJob(jobId: string | null) {
  return useQuery({
    queryKey: ['jobs', jobId],
    enabled: !!jobId,
    queryFn: () => api.get<BackgroundJob>(`/jobs/${jobId}`),
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 500),
  });
}
