import type { z } from 'zod';
import type { accusedStatusBody, casePersonsResponse, createPersonBody, linkPersonBody, personDetail, personSummary, searchPersonsQuery } from '../../../../modules/persons/person.schema.ts';
import { api, type BoundedPage } from '../../../app/api-client.ts';

export type PersonSummary = z.infer<typeof personSummary>;
export type PersonDetail = z.infer<typeof personDetail>;
export type CasePersons = z.infer<typeof casePersonsResponse>;
export type CasePerson = CasePersons['persons'][number];
export type PersonSearch = Partial<z.input<typeof searchPersonsQuery>>;

export const searchPersons = (q: { q?: string; cnic?: string; phone?: string; handle?: string; limit?: number; offset?: number }) => api.get<BoundedPage<PersonSummary>>('/persons', q);
export const fetchPerson = (id: string) => api.get<PersonDetail>(`/persons/${id}`);
export const createPerson = (body: z.output<typeof createPersonBody>) => api.post<PersonDetail>('/persons', body);
export const fetchCasePersons = (caseId: string) => api.get<CasePersons>(`/cases/${caseId}/persons`);
export const linkPerson = (caseId: string, body: z.output<typeof linkPersonBody>) => api.post<CasePersons>(`/cases/${caseId}/persons`, body);
export const changeAccusedStatus = (caseId: string, personId: string, body: z.output<typeof accusedStatusBody>) => api.post<CasePersons>(`/cases/${caseId}/persons/${personId}/status`, body);
