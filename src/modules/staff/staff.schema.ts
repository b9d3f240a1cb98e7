import { z } from 'zod';
import { pageQuery } from '../../platform/http/schema-kit.ts';

// The staff directory: only what a supervisor needs to pick a case team or a victim's protection officer.
// Never usernames, password data, tokens or account state.
export const staffRoles = ['investigator', 'supervisor', 'prosecutor', 'protection_officer'] as const;
export const staffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRole>;

export const listStaffQuery = z.strictObject({
  role: staffRole.optional().describe('investigators and supervisors: your branch only; prosecutors and protection officers belong to no branch'),
  branchId: z.coerce.number().int().positive().optional().describe('narrows branch staff; only your own branch answers anyone'),
  q: z.string().trim().max(100).optional().describe('part of the display name'),
  ...pageQuery,
});
export type ListStaffQuery = z.infer<typeof listStaffQuery>;

export const staffMember = z.object({
  id: z.string(),
  displayName: z.string(),
  role: staffRole,
  branchId: z.number().nullable(),
  district: z.string().nullable(),
});
export type StaffMember = z.infer<typeof staffMember>;
