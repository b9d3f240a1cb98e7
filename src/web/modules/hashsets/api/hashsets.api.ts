import type { HashSetFormat as ServerFormat } from '../../../../modules/hashsets/formats/index.ts';
import { api, apiRequest, withQuery } from '../../../app/api-client.ts';

export interface HashSet {
  id: string;
  name: string;
  source: string;
  version: string;
  description: string;
  categoryScheme: string;
  entryCount: number;
  createdAt: string;
  updatedAt: string;
}

// The formats module reads files with Node streams, so its list is mirrored here and checked against its type.
export const hashSetFormats = ['vics', 'icse', 'csv', 'md5-list', 'sha1-list', 'sha256-list', 'pdq-list'] as const satisfies readonly ServerFormat[];
export type HashSetFormat = (typeof hashSetFormats)[number];

export const fetchHashSets = () => api.get<{ items: HashSet[] }>('/hash-sets');

/** The file goes up as the raw body; the import runs in the background and is followed through /jobs/:id. */
export const importHashSet = (file: File, q: { name: string; source: string; format: HashSetFormat; version?: string; description?: string }) =>
  apiRequest<{ backgroundJobId: string }>('POST', withQuery('/hash-sets/import', q), undefined, { raw: file, contentType: 'application/octet-stream' });

/** A plain GET link: the browser downloads the attachment with the session cookie (no CSRF token on reads). */
export const hashSetExportUrl = (id: string, format: HashSetFormat) => `/api/v1${withQuery(`/hash-sets/${id}/export`, { format })}`;

/** Deletes the set and the matches found with it. */
export const deleteHashSet = (id: string) => api.delete<{ ok: true }>(`/hash-sets/${id}`);
