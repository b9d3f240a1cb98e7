import type { z } from 'zod';
import type { correctionEntry } from '../../../../modules/corrections/correction.schema.ts';
import type { updateCaseBody } from '../../../../modules/cases/case.schema.ts';
import type { updatePersonBody } from '../../../../modules/persons/person.schema.ts';
import type { updateOperationBody } from '../../../../modules/operations/operation.schema.ts';
import type { appealBody, decideAppealBody, updateHearingBody } from '../../../../modules/prosecution/prosecution.schema.ts';
import type { caseWarrants, createWarrantBody, updateWarrantBody } from '../../../../modules/warrants/warrant.schema.ts';
import type { offence, offenceBody } from '../../../../modules/reference/reference.schema.ts';
import { api, type Page } from '../../../app/api-client.ts';
import type { CaseDetail } from '../../cases/api/cases.api.ts';
import type { PersonDetail } from '../../persons/api/persons.api.ts';
import type { OperationDetail } from '../../operations/api/operations.api.ts';
import type { ProsecutionView } from '../../prosecution/api/prosecution.api.ts';

// Corrections of records (issue 10): the edits, and the earlier values each one keeps.
export type Correction = z.infer<typeof correctionEntry>;
export type CaseWarrants = z.infer<typeof caseWarrants>;
export type Warrant = CaseWarrants['items'][number];
export type OffenceFull = z.infer<typeof offence>;

export const fetchCaseCorrections = (caseId: string) => api.get<Page<Correction>>(`/cases/${caseId}/corrections`, { limit: 200 });
export const fetchPersonCorrections = (personId: string) => api.get<Page<Correction>>(`/persons/${personId}/corrections`, { limit: 200 });
/** One operation's corrections, read from its owning case's list (the operation's fields, officers, cases served). */
export const fetchOperationCorrections = async (caseId: string, operationId: string): Promise<Page<Correction>> => {
  const all = await api.get<Page<Correction>>(`/cases/${caseId}/corrections`, { kind: 'operation', limit: 200 });
  const items = all.items.filter((c) => c.recordId === operationId);
  return { ...all, items, total: items.length };
};
export const fetchOffenceCorrections = (code: string) => api.get<Page<Correction>>(`/offences/${code}/corrections`, { limit: 200 });

export const updateCase = (caseId: string, body: z.output<typeof updateCaseBody>) => api.patch<CaseDetail>(`/cases/${caseId}`, body);
export const updatePerson = (personId: string, body: z.output<typeof updatePersonBody>) => api.patch<PersonDetail>(`/persons/${personId}`, body);
export const updateOperation = (operationId: string, body: z.output<typeof updateOperationBody>) => api.patch<OperationDetail>(`/operations/${operationId}`, body);
export const updateHearing = (hearingId: string, body: z.output<typeof updateHearingBody>) => api.patch<ProsecutionView>(`/hearings/${hearingId}`, body);
export const fileAppeal = (verdictId: string, body: z.output<typeof appealBody>) => api.post<ProsecutionView>(`/verdicts/${verdictId}/appeals`, body);
export const decideAppeal = (appealId: string, body: z.output<typeof decideAppealBody>) => api.patch<ProsecutionView>(`/appeals/${appealId}`, body);

export const fetchWarrants = (caseId: string) => api.get<CaseWarrants>(`/cases/${caseId}/warrants`);
export const createWarrant = (caseId: string, personId: string, body: z.output<typeof createWarrantBody>) => api.post<CaseWarrants>(`/cases/${caseId}/persons/${personId}/warrants`, body);
export const updateWarrant = (warrantId: string, body: z.output<typeof updateWarrantBody>) => api.patch<CaseWarrants>(`/warrants/${warrantId}`, body);

export const linkVictimToCase = (caseId: string, victimId: string) => api.put<unknown>(`/cases/${caseId}/victims/${victimId}`);
export const fetchOffencesFull = () => api.get<Page<OffenceFull>>('/offences', { limit: 500 });
export const saveOffence = (code: string, body: z.output<typeof offenceBody>) => api.put<OffenceFull>(`/offences/${code}`, body);
