import type { z } from 'zod';
import type { documentOut, documentTypes } from '../../../../modules/documents/document.schema.ts';
import { api, uploadWithProgress, type Page } from '../../../app/api-client.ts';

export type DocumentItem = z.infer<typeof documentOut>;
export type DocumentType = (typeof documentTypes)[number];

/** Where a record's documents live in the API: `/cases/:id/documents`, ..., `/victims/:id/care-documents`. */
export type DocumentOwner = { kind: 'case' | 'person' | 'operation' | 'hearing'; id: string } | { kind: 'victim_care'; id: string };

const plural = { case: 'cases', person: 'persons', operation: 'operations', hearing: 'hearings', victim_care: 'victims' } as const;
export const ownerPath = (o: DocumentOwner) => `/${plural[o.kind]}/${o.id}/${o.kind === 'victim_care' ? 'care-documents' : 'documents'}`;

// Each owner's path written out, so the screen check (test/web/screen-coverage.test.ts) sees every call.
export function fetchDocuments(o: DocumentOwner) {
  const q = { limit: 200 };
  switch (o.kind) {
    case 'case': return api.get<Page<DocumentItem>>(`/cases/${o.id}/documents`, q);
    case 'person': return api.get<Page<DocumentItem>>(`/persons/${o.id}/documents`, q);
    case 'operation': return api.get<Page<DocumentItem>>(`/operations/${o.id}/documents`, q);
    case 'hearing': return api.get<Page<DocumentItem>>(`/hearings/${o.id}/documents`, q);
    case 'victim_care': return api.get<Page<DocumentItem>>(`/victims/${o.id}/care-documents`, q);
  }
}

function uploadTo(o: DocumentOwner, form: FormData, onProgress: (sent: number, total: number) => void) {
  switch (o.kind) {
    case 'case': return uploadWithProgress<DocumentItem>(`/cases/${o.id}/documents`, form, onProgress);
    case 'person': return uploadWithProgress<DocumentItem>(`/persons/${o.id}/documents`, form, onProgress);
    case 'operation': return uploadWithProgress<DocumentItem>(`/operations/${o.id}/documents`, form, onProgress);
    case 'hearing': return uploadWithProgress<DocumentItem>(`/hearings/${o.id}/documents`, form, onProgress);
    case 'victim_care': return uploadWithProgress<DocumentItem>(`/victims/${o.id}/care-documents`, form, onProgress);
  }
}

export interface UploadInput {
  title: string;
  type: DocumentType;
  documentDate: string;
  file: File;
}

/** The fields go first, the file last: the server reads them in that order. */
export function uploadDocument(o: DocumentOwner, input: UploadInput, onProgress: (sent: number, total: number) => void) {
  const form = new FormData();
  form.append('title', input.title);
  form.append('type', input.type);
  if (input.documentDate) form.append('documentDate', input.documentDate);
  form.append('file', input.file, input.file.name);
  return uploadTo(o, form, onProgress);
}

export function uploadVersion(documentId: string, file: File, onProgress: (sent: number, total: number) => void) {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadWithProgress<DocumentItem>(`/documents/${documentId}/versions`, form, onProgress);
}

export const downloadUrl = (documentId: string, version: number) => `/api/v1/documents/${documentId}/download?version=${version}`;
