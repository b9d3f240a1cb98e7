import { z } from 'zod';
import { isoDay, pageOf, pageQuery } from '../../platform/http/schema-kit.ts';

// Documents attached to a record: the fields sent beside the file (multipart form fields) and the answers.

export const documentTypes = ['fir_copy', 'statement', 'medical_report', 'court_order', 'warrant', 'correspondence', 'other'] as const;
export const ownerKinds = ['case', 'person', 'operation', 'hearing', 'victim_care'] as const;

/** The form fields of a first upload; they come before the file in the multipart body. */
export const uploadFields = z.strictObject({
  title: z.string().trim().min(1, 'give the document a title').max(300),
  type: z.enum(documentTypes),
  documentDate: isoDay.optional(),
});

export const versionOut = z.object({
  version: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});

export const documentOut = z.object({
  id: z.string(),
  ownerKind: z.enum(ownerKinds),
  ownerId: z.string(),
  title: z.string(),
  type: z.enum(documentTypes),
  documentDate: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Newest first. */
  versions: z.array(versionOut),
});

export const documentList = pageOf(documentOut);
export const listQuery = z.strictObject({ ...pageQuery });

export const downloadQuery = z.strictObject({
  /** A version number; the newest when absent. */
  version: z.coerce.number().int().min(1).max(100_000).optional(),
});
