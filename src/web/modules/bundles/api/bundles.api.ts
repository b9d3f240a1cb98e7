import type { z } from 'zod';
import type { importResult } from '../../../../modules/bundles/bundle.schema.ts';
import { uploadWithProgress } from '../../../app/api-client.ts';

export type ImportResult = z.infer<typeof importResult>;

/** Where the browser downloads a case bundle from (the server audits the export). */
export const exportUrl = (caseId: string) => `/api/v1/cases/${caseId}/export`;

export const importBundle = (branchId: number, file: Blob, onProgress: (sent: number, total: number) => void) =>
  uploadWithProgress<ImportResult>(`/bundles/import?branchId=${branchId}`, new Blob([file], { type: 'application/json' }), onProgress);
