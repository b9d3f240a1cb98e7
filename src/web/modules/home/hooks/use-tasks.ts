import { useQueries } from '@tanstack/react-query';
import type { CaseSummary } from '../../cases/api/cases.api.ts';
import { fetchCaseOperations, type OperationSummary } from '../../operations/api/operations.api.ts';

export interface Task {
  key: string;
  kind: 'registerFir' | 'submitChallan' | 'execute' | 'approve' | 'trial';
  to: string;
  params: Record<string, string>;
  when: string;
}

const ACTIVE = new Set(['complaint_received', 'inquiry_open', 'fir_registered', 'under_investigation', 'interim_challan']);
const TRIAL = new Set(['challan_submitted', 'in_trial', 'charge_framed', 'evidence', 'under_appeal']);

/**
 * Work waiting for the user, derived from the cases they can see: FIRs to register, challans to submit,
 * operations to approve (supervisors) or to record (investigators), trials to follow (prosecutors).
 */
export function useTasks(cases: CaseSummary[] | undefined, mode: 'investigator' | 'supervisor' | 'prosecutor') {
  const active = (cases ?? []).filter((c) => ACTIVE.has(c.status)).slice(0, 15);
  const wanted = mode === 'supervisor' ? 'planned' : 'approved';
  const ops = useQueries({
    queries: mode === 'prosecutor' ? [] : active.map((c) => ({ queryKey: ['operations', 'case', c.id, wanted], queryFn: () => fetchCaseOperations(c.id, wanted) })),
  });
  const tasks: Task[] = [];
  for (const c of cases ?? []) {
    if (mode === 'investigator' && (c.status === 'complaint_received' || c.status === 'inquiry_open')) tasks.push({ key: `fir-${c.id}`, kind: 'registerFir', to: `/cases/${c.id}`, params: { title: c.title }, when: c.updatedAt });
    if (mode === 'investigator' && c.status === 'under_investigation') tasks.push({ key: `challan-${c.id}`, kind: 'submitChallan', to: `/cases/${c.id}`, params: { title: c.title }, when: c.updatedAt });
    if (mode === 'prosecutor' && TRIAL.has(c.status)) tasks.push({ key: `trial-${c.id}`, kind: 'trial', to: `/cases/${c.id}/prosecution`, params: { title: c.title }, when: c.updatedAt });
  }
  for (const q of ops) {
    for (const o of (q.data?.items ?? []) as OperationSummary[]) {
      tasks.push({ key: `op-${o.id}`, kind: mode === 'supervisor' ? 'approve' : 'execute', to: `/operations/${o.id}`, params: { name: o.name }, when: o.plannedFor });
    }
  }
  return { tasks, loading: ops.some((q) => q.isPending) };
}
