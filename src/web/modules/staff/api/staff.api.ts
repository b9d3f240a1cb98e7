import type { z } from 'zod';
import type { listStaffQuery, staffMember } from '../../../../modules/staff/staff.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';

export type StaffMember = z.infer<typeof staffMember>;
export type StaffQuery = Partial<z.output<typeof listStaffQuery>>;

/** The staff a branch supervisor may pick (own branch investigators, prosecutors, protection officers). */
export const fetchStaff = (q: StaffQuery) => api.get<Page<StaffMember>>('/staff', q);
