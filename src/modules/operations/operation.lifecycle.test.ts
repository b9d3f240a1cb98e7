import { describe, expect, it } from 'vitest';
import { allowedOperationActions, checkExecutionTime, checkOperationTransition, nextOperationStatuses, operationStatuses } from './operation.lifecycle.ts';

describe('operation lifecycle', () => {
  it('goes planned -> approved -> executed', () => {
    expect(checkOperationTransition('planned', 'approved')).toEqual({ ok: true });
    expect(checkOperationTransition('approved', 'executed')).toEqual({ ok: true });
  });

  it('refuses executing before approval, and says why', () => {
    const check = checkOperationTransition('planned', 'executed');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(/approved/);
  });

  it('cancels only before execution; executed and cancelled are final', () => {
    expect(checkOperationTransition('planned', 'cancelled').ok).toBe(true);
    expect(checkOperationTransition('approved', 'cancelled').ok).toBe(true);
    expect(checkOperationTransition('executed', 'cancelled').ok).toBe(false);
    expect(nextOperationStatuses('executed')).toEqual([]);
    expect(nextOperationStatuses('cancelled')).toEqual([]);
    for (const s of operationStatuses) expect(checkOperationTransition('cancelled', s).ok).toBe(false);
  });

  it('never approves twice or goes backwards', () => {
    expect(checkOperationTransition('approved', 'approved').ok).toBe(false);
    expect(checkOperationTransition('approved', 'planned').ok).toBe(false);
    expect(checkOperationTransition('executed', 'approved').ok).toBe(false);
  });

  it('offers approval only to the branch supervisor', () => {
    expect(allowedOperationActions('planned', { canWrite: true, isBranchSupervisor: false })).toEqual(['edit', 'cancel']);
    expect(allowedOperationActions('planned', { canWrite: true, isBranchSupervisor: true })).toEqual(['edit', 'approve', 'cancel']);
    expect(allowedOperationActions('approved', { canWrite: true, isBranchSupervisor: false })).toEqual(['execute', 'cancel']);
    expect(allowedOperationActions('approved', { canWrite: false, isBranchSupervisor: false })).toEqual([]);
    expect(allowedOperationActions('executed', { canWrite: true, isBranchSupervisor: true })).toEqual([]);
  });
});

describe('checkExecutionTime', () => {
  const plannedFor = new Date('2025-05-23T04:00:00+05:00');
  const approvedAt = new Date('2025-05-23T10:30:45+05:00');
  it('refuses an execution before the approval or the plan, to the minute an officer types', () => {
    expect(checkExecutionTime(new Date('2025-05-23T10:29:00+05:00'), { plannedFor, approvedAt })).not.toBeNull();
    expect(checkExecutionTime(new Date('2025-05-23T03:59:00+05:00'), { plannedFor, approvedAt: null })).not.toBeNull();
  });
  it('accepts an execution typed in the minute of its approval (the form has no seconds)', () => {
    expect(checkExecutionTime(new Date('2025-05-23T10:30:00+05:00'), { plannedFor, approvedAt })).toBeNull();
    expect(checkExecutionTime(new Date('2025-05-23T04:00:00+05:00'), { plannedFor, approvedAt: null })).toBeNull();
  });
});
