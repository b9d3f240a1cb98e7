import { useQuery } from '@tanstack/react-query';
import { api, ApiError, type Page } from '../../../app/api-client.ts';

export interface AccusedCandidate {
  id: string;
  displayName: string;
  status: string | null;
}
export interface VictimCandidate {
  id: string;
  pseudonym: string;
}

const accusedRoles = new Set(['suspect', 'ringleader', 'facilitator', 'complicit_family']);

/** An optional list: empty when the server does not offer it (yet). */
async function optional<T>(load: () => Promise<T[]>): Promise<T[]> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return [];
    throw err;
  }
}

/** Who can be arrested (the case's accused) and rescued (the case's victims, by pseudonym) in an operation. */
export function useOutcomeCandidates(caseId: string | undefined) {
  const accused = useQuery({
    queryKey: ['persons', 'case', caseId, 'accused'],
    enabled: !!caseId,
    queryFn: () =>
      optional(async () => {
        // The prosecution record lists the case's accused with their current status.
        try {
          const view = await api.get<{ accused: AccusedCandidate[] }>(`/cases/${caseId}/prosecution`);
          return view.accused.map((a) => ({ id: a.id, displayName: a.displayName, status: a.status }));
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 404 && err.message.startsWith('no route'))) throw err;
        }
        const page = await api.get<Page<{ personId?: string; id?: string; displayName: string; role: string; accusedStatus?: string | null }>>(`/cases/${caseId}/persons`, { limit: 200 });
        const seen = new Map<string, AccusedCandidate>();
        for (const p of page.items) {
          const id = p.personId ?? p.id ?? '';
          if (accusedRoles.has(p.role) && !seen.has(id)) seen.set(id, { id, displayName: p.displayName, status: p.accusedStatus ?? null });
        }
        return [...seen.values()];
      }),
  });
  const victims = useQuery({
    queryKey: ['victims', 'case', caseId],
    enabled: !!caseId,
    queryFn: () =>
      optional(async () => {
        const page = await api.get<Page<{ id: string; pseudonym: string }>>(`/cases/${caseId}/victims`, { limit: 200 });
        return page.items.map((v) => ({ id: v.id, pseudonym: v.pseudonym }));
      }),
  });
  return { accused, victims };
}
