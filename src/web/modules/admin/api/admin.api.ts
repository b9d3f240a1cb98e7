import type { z } from 'zod';
import type { adminUser, apiTokenInfo, branchStaff, createdToken, createTokenBody, createUserBody, teamLoad, updateUserBody, userRole } from '../../../../modules/admin/admin.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type AdminUser = z.infer<typeof adminUser>;
export type UserRole = z.infer<typeof userRole>;
export type ApiTokenInfo = z.infer<typeof apiTokenInfo>;
export type CreatedToken = z.infer<typeof createdToken>;
export type BranchStaff = z.infer<typeof branchStaff>;
export type TeamLoad = z.infer<typeof teamLoad>;

export const fetchUsers = (q: { q?: string; role?: UserRole; branchId?: number; limit?: number; offset?: number }) => api.get<Page<AdminUser>>('/admin/users', q);
export const fetchUser = (id: string) => api.get<AdminUser>(`/admin/users/${id}`);
export const createUser = (body: z.output<typeof createUserBody>) => api.post<AdminUser>('/admin/users', body);
export const updateUser = (id: string, body: z.output<typeof updateUserBody>) => api.patch<AdminUser>(`/admin/users/${id}`, body);
export const resetPassword = (id: string, password: string) => api.post<{ ok: true }>(`/admin/users/${id}/password`, { password });
export const resetMfa = (id: string) => api.post<{ ok: true }>(`/admin/users/${id}/mfa/reset`);
export const fetchTokens = (id: string) => api.get<{ items: ApiTokenInfo[] }>(`/admin/users/${id}/tokens`);
export const createToken = (id: string, body: z.output<typeof createTokenBody>) => api.post<CreatedToken>(`/admin/users/${id}/tokens`, body);
export const revokeToken = (id: string, tokenId: string) => api.delete<{ ok: true }>(`/admin/users/${id}/tokens/${tokenId}`);
export const fetchBranchStaff = (q: { province?: string; limit?: number; offset?: number }) => api.get<Page<BranchStaff>>('/admin/branches', q);
export const fetchTeamOverview = (q: { branchId?: number; role?: UserRole; limit?: number; offset?: number }) => api.get<Page<TeamLoad>>('/admin/team-overview', q);
