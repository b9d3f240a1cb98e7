import type { z } from 'zod';
import type { figureAnswer } from '../../../modules/stats/figures/figures.schema.ts';
import type { drillAnswer, mapAnswer } from '../../../modules/stats/dashboard/dashboard.schema.ts';
import { api } from '../../app/api-client.ts';

export type FigureAnswer = z.infer<typeof figureAnswer>;
export type MapAnswer = z.infer<typeof mapAnswer>;
export type DrillAnswer = z.infer<typeof drillAnswer>;

/** Area and period of a dashboard view (the server narrows it to what the reader may see). */
export interface DashboardScope {
  from?: string;
  to?: string;
  province?: string;
  districtId?: number;
  branchId?: number;
}

export const fetchDashboardFigure = (id: string, q: DashboardScope & { groupBy: string }) => api.get<FigureAnswer>(`/dashboard/figures/${id}`, { ...q });
export const fetchDistrictMap = (id: string, q: DashboardScope) => api.get<MapAnswer>(`/dashboard/figures/${id}/map`, { ...q });
export const fetchDrillDown = (id: string, q: DashboardScope & { groupBy: string; group?: string; part?: string; limit: number; offset: number }) =>
  api.get<DrillAnswer>(`/dashboard/figures/${id}/records`, { ...q });
