import { useSearchParams } from 'react-router';
import { caseStatuses, type CaseStatus } from '../../../../modules/cases/case.lifecycle.ts';
import type { CaseListQuery } from '../api/cases.api.ts';

const PAGE = 25;

/** The case list's search, filters and page live in the URL, so back, reload and links keep them. */
export function useCaseFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const query: CaseListQuery = {
    q: params.get('q') || undefined,
    status: status && (caseStatuses as readonly string[]).includes(status) ? (status as CaseStatus) : undefined,
    province: params.get('province') || undefined,
    offence: params.get('offence') || undefined,
    firYear: params.get('firYear') ? Number(params.get('firYear')) : undefined,
    limit: PAGE,
    offset: Number(params.get('offset') ?? 0) || 0,
  };
  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };
  return { query, update, raw: params };
}
