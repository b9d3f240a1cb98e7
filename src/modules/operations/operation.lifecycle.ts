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
  if (to === 'executed' && from === 'planned') return { ok: false, reason: operationMessages.notApproved };
  return { ok: false, reason: `an operation cannot go from ${from} to ${to}` };
}

export const operationMessages = {
  notApproved: 'the operation must be approved by the branch supervisor before it is executed',
  notYet: 'the operation is planned for later: its execution can be recorded from the planned time',
  beforeApproval: 'cannot be before the operation was approved',
  beforePlanned: 'cannot be before the time the operation was planned for',
} as const;

/** When an operation is executed: after its approval and not before its planned time (null when fine). */
// Compared to the minute: officers type times to the minute, so an execution recorded in the minute of its
// approval (approved 10:30:45, executed "10:30") is not "before" it.
const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000);

export function checkExecutionTime(executedAt: Date, op: { plannedFor: Date; approvedAt: Date | null }): string | null {
  if (op.approvedAt && minuteOf(executedAt) < minuteOf(op.approvedAt)) return operationMessages.beforeApproval;
  if (minuteOf(executedAt) < minuteOf(op.plannedFor)) return operationMessages.beforePlanned;
  return null;
}

/** Why the execution cannot be recorded now (null when it can), for the page to say instead of a form. */
export function executeBlockedReason(status: OperationStatus, plannedFor: Date, now: Date = new Date()): string | null {
  if (status === 'planned') return operationMessages.notApproved;
  if (status !== 'approved') return null;
  if (now < plannedFor) return operationMessages.notYet;
  return null;
}

/** What a caller may do to an operation now, for the page's buttons. */
export function allowedOperationActions(status: OperationStatus, who: { canWrite: boolean; isBranchSupervisor: boolean }, timing?: { plannedFor: Date; now?: Date }): OperationAction[] {
  const actions: OperationAction[] = [];
  if (status === 'planned' && who.canWrite) actions.push('edit');
  if (status === 'planned' && who.isBranchSupervisor) actions.push('approve');
  if (status === 'approved' && who.canWrite && !(timing && executeBlockedReason(status, timing.plannedFor, timing.now))) actions.push('execute');
  if ((status === 'planned' || status === 'approved') && who.canWrite) actions.push('cancel');
  return actions;
}
