import type { z } from 'zod';
import type { branchCorrection, createOfficeBody, district, office, updateOfficeBody } from '../../../modules/branches/branches.schema.ts';
import { api, type Page } from '../../app/api-client.ts';

export type Office = z.infer<typeof office>;
export type District = z.infer<typeof district>;

export const fetchOffices = (q: { province?: string; q?: string; limit?: number; offset?: number }) => api.get<Page<Office>>('/admin/offices', q);
export const fetchDistricts = (q: { province?: string; limit?: number; offset?: number }) => api.get<Page<District>>('/districts', q);
export const createOffice = (body: z.input<typeof createOfficeBody>) => api.post<Office>('/admin/offices', body);
export const updateOffice = (id: number, body: z.input<typeof updateOfficeBody>) => api.patch<Office>(`/admin/offices/${id}`, body);
export type BranchCorrection = z.infer<typeof branchCorrection>;
export const fetchOfficeCorrections = (id: number) => api.get<Page<BranchCorrection>>(`/admin/offices/${id}/corrections`, { limit: 200 });
