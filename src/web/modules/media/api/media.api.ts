import { api, ApiError, type Page } from '../../../app/api-client.ts';

export interface MediaSummary {
  files: number;
  bytes: number;
  errors: number;
  /** Videos without vPDQ because video hashing was unavailable (no ffmpeg) where they were ingested. */
  videosUnhashed: number;
  errorsByCode: Record<string, number>;
  lowQuality: number;
  knownMaterial: number;
  byKind: Record<string, number>;
  categories: Array<{ hashSet: string; category: string; files: number }>;
  linkedCases: Array<{ caseId: string; title: string; firLabel: string | null; district: string; province: string; sharedFiles: number; matchTypes: string[] }>;
  jobs: Array<{ id: string; evidenceId: string; status: string; filesTotal: number | null; filesDone: number; filesFailed: number; videosUnhashed: number; startedAt: string | null; finishedAt: string | null }>;
}

/** Null when this server has no media triage API. */
export async function fetchMediaSummary(caseId: string): Promise<MediaSummary | null> {
  try {
    return await api.get<MediaSummary>(`/cases/${caseId}/media`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && err.message.startsWith('no route')) return null;
    throw err;
  }
}

export interface MediaFile {
  id: number;
  evidenceId: string;
  path: string;
  size: number;
  kind: string;
  mime: string | null;
  md5: string | null;
  sha256: string | null;
  pdq: string | null;
  pdqQuality: number | null;
  lowQuality: boolean;
  videoFrames: number | null;
  error: string | null;
  errorCode: string | null;
  matches: Array<{ type: string; distance: number; hashSet: string | null; category: string | null; otherCaseId: string | null; otherCaseHidden: boolean }>;
}

export type MediaFileStatus = 'matched' | 'known' | 'linked' | 'error' | 'low_quality' | 'new';

export const fetchMediaFiles = (caseId: string, q: { status?: MediaFileStatus; offset?: number }) => api.get<Page<MediaFile>>(`/cases/${caseId}/media/files`, { ...q, limit: 25 });

export const startIngest = (caseId: string, body: { evidenceId: string; path: string }) => api.post<{ backgroundJobId: string }>(`/cases/${caseId}/media/ingest`, body);

export interface IngestRoots {
  /** Folders this server may ingest from over the API; empty = server-side ingest is off. */
  roots: Array<{ path: string; demo: boolean }>;
  /** Under `amaan serve --demo`: the demo's seized-phone folder, offered in the form. */
  demoFolder: string | null;
}

export const fetchIngestRoots = () => api.get<IngestRoots>('/media/ingest-roots');
