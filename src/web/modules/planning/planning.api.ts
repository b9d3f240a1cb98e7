import type { PlanAnswer } from '../../../modules/planning/planning.schema.ts';
import { api, withQuery } from '../../app/api-client.ts';

export type { PlanAnswer, PlanScenarioView, PlanUnit } from '../../../modules/planning/planning.schema.ts';

/** The inputs the page lets the reader change (the rest are the model's defaults, printed with the figures). */
export interface PlanInputs {
  from?: string;
  to?: string;
  staffFactor?: number;
  /** A fraction a year (0.25 = 25 %). */
  growth?: number;
  everyDistrict: boolean;
}

const query = (q: PlanInputs) => ({ ...q, everyDistrict: q.everyDistrict ? 'true' : 'false' });

export const fetchPlan = (q: PlanInputs) => api.get<PlanAnswer>('/planning/scenarios', query(q));

/** The published files are plain GET links (the PDF in the app's language): the browser downloads them with the session cookie; the server records and audits each. */
export const planFileHref = (q: PlanInputs, format: 'csv' | 'xlsx' | 'pdf', lang?: 'en' | 'ur') => `/api/v1${withQuery('/planning/scenarios/file', { ...query(q), format, ...(format === 'pdf' && lang ? { lang } : {}) })}`;
