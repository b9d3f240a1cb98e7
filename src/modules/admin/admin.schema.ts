import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/http/schema-kit.ts';
import type { Role } from '../../platform/db/schema.ts';

// Administration: users, API tokens, branches and team load. Nothing here carries case content.
// Password rules (length) are checked by the service with passwordProblem() so this file stays importable
// by the web app's forms.
export const userRoles = ['investigator', 'supervisor', 'analyst', 'protection_officer', 'prosecutor', 'leadership', 'administrator', 'auditor'] as const satisfies readonly Role[];
/** Roles that belong to a branch; every other role has none. */
export const branchRoles: ReadonlySet<Role> = new Set<Role>(['investigator', 'supervisor']);

export const userRole = z.enum(userRoles);
export const username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,39}$/, '3 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter');
const displayName = z.string().trim().min(2, 'at least 2 characters').max(100);
const password = z.string().min(1, 'required').max(1000);
const branchId = z.number().int().positive();

export const createUserBody = z
  .strictObject({
    username,
    displayName,
    role: userRole,
    branchId: branchId.nullable().optional(),
    /** Required for people; a service account has none (it only ever uses API tokens). */
    password: password.optional(),
    /** An account for platform intake or a script: API tokens from an administrator, never a password sign-in. */
    serviceAccount: z.boolean().optional(),
  })
  .superRefine((b, issue) => {
    if (b.serviceAccount && b.password !== undefined) issue.addIssue({ code: 'custom', path: ['password'], message: 'a service account has no password' });
    if (!b.serviceAccount && b.password === undefined) issue.addIssue({ code: 'custom', path: ['password'], message: 'required' });
  });
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .strictObject({
    displayName: displayName.optional(),
    role: userRole.optional(),
    branchId: branchId.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change' });
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.strictObject({ password });

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('part of the username or display name'),
  role: userRole.optional(),
  branchId: z.coerce.number().int().positive().optional(),
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQuery,
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const adminUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: userRole,
  branchId: z.number().nullable(),
  district: z.string().nullable(),
  disabled: z.boolean(),
  isDemo: z.boolean(),
  serviceAccount: z.boolean(),
  mfaEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  activeTokens: z.number().int(),
  createdAt: z.string(),
});

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'required').max(100),
  expiresAt: isoDate.optional(),
});

export const tokenParams = z.strictObject({ id: z.uuid({ message: 'must be a UUID' }), tokenId: z.uuid({ message: 'must be a UUID' }) });

export const apiTokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  active: z.boolean(),
});

export const createdToken = z.object({
  id: z.string(),
  name: z.string(),
  /** Shown once: only its hash is stored. */
  token: z.string(),
  expiresAt: z.string().nullable(),
});

export const listBranchesQuery = z.strictObject({
  province: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const branchStaff = z.object({
  id: z.number().int(),
  code: z.string(),
  district: z.string(),
  province: z.string(),
  division: z.string().nullable(),
  staff: z.number().int(),
  enabledStaff: z.number().int(),
  investigators: z.number().int(),
  supervisors: z.number().int(),
});

export const teamOverviewQuery = z.strictObject({
  branchId: z.coerce.number().int().positive().optional(),
  role: userRole.optional(),
  ...pageQuery,
});

export const teamLoad = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: userRole,
  branchId: z.number().nullable(),
  disabled: z.boolean(),
  /** Cases whose team the user is on (counts only: no case is named). */
  cases: z.number().int(),
  asLead: z.number().int(),
});
