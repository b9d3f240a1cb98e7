import { api, type Page } from '../../../app/api-client.ts';

export interface Branch {
  id: number;
  code: string;
  district: string;
  province: string;
  division: string | null;
  population2023: number | null;
}

export interface Offence {
  code: string;
  law: string;
  section: string;
  title: string;
  category: string;
  childExploitation: boolean;
  minYears: number | null;
  maxYears: number | null;
}

export const fetchBranches = () => api.get<Page<Branch>>('/branches', { limit: 500 });
export const fetchOffences = () => api.get<Page<Offence>>('/offences', { limit: 500 });
