import type { OperationStatus } from '../../platform/db/schema.ts';

// An operation (raid) is planned by the case team, approved by the branch supervisor, then executed
// with its outcomes; until it is executed it can be called off. Executed and cancelled are final.
export const operationStatuses = ['planned', 'approved', 'executed', 'cancelled'] as const satisfies readonly OperationStatus[];

const next: Record<OperationStatus, readonly OperationStatus[]> = {
  planned: ['approved', 'cancelled'],
  approved: ['executed', 'cancelled'],
  executed: [],
  cancelled: [],
};

export type OperationAction = 'edit' | 'approve' | 'execute' | 'cancel';

export function nextOperationStatuses(from: OperationStatus): readonly OperationStatus[] {
  return next[from];
}

export type OperationCheck = { ok: true } | { ok: false; reason: string };

export function checkOperationTransition(from: OperationStatus, to: OperationStatus): OperationCheck {
  if (next[from].includes(to)) return { ok: true };
  if (to === 'executed' && from === 'planned') return { ok: false, reason: 'the operation must be approved by the branch supervisor before it is executed' };
  return { ok: false, reason: `an operation cannot go from ${from} to ${to}` };
}

/** What a caller may do to an operation now, for the page's buttons. */
export function allowedOperationActions(status: OperationStatus, who: { canWrite: boolean; isBranchSupervisor: boolean }): OperationAction[] {
  const actions: OperationAction[] = [];
  if (status === 'planned' && who.canWrite) actions.push('edit');
  if (status === 'planned' && who.isBranchSupervisor) actions.push('approve');
  if (status === 'approved' && who.canWrite) actions.push('execute');
  if ((status === 'planned' || status === 'approved') && who.canWrite) actions.push('cancel');
  return actions;
}
