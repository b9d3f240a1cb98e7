import { describe, expect, it } from 'vitest';
import { roleBranchProblem } from './admin.service.ts';
import { createUserBody, userRoles } from './admin.schema.ts';

describe('user rules', () => {
  it('gives investigators and supervisors exactly one branch and every other role none', () => {
    for (const role of userRoles) {
      const branchRole = role === 'investigator' || role === 'supervisor';
      expect(roleBranchProblem(role, 7) === null, role).toBe(branchRole);
      expect(roleBranchProblem(role, null) === null, role).toBe(!branchRole);
      expect(roleBranchProblem(role, undefined)?.field ?? null).toBe(branchRole ? 'branchId' : null);
    }
  });

  it('takes lower-case usernames only and never an is_demo flag', () => {
    const base = { displayName: 'Someone', role: 'analyst', password: 'x' };
    expect(createUserBody.safeParse({ ...base, username: 'demo.analyst2' }).success).toBe(true);
    for (const username of ['Admin', 'ab', '1abc', 'a b c', "o'brien", 'x'.repeat(41)]) expect(createUserBody.safeParse({ ...base, username }).success, username).toBe(false);
    expect(createUserBody.safeParse({ ...base, username: 'abc', isDemo: true }).success).toBe(false);
  });
});
