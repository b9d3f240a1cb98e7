import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { auditRead, type ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError, conflict, invalid } from '../../platform/http/errors.ts';
import { documentStorage, StorageNotFoundError } from '../../platform/storage/index.ts';
import type { CaseBundle } from '../bundles/bundle.schema.ts';
import { checkDocumentBytes } from './document.content.ts';
import { hashSetMatchesOf, REFUSED_MESSAGE } from './document.service.ts';
import { checkDocumentPictures } from './document.pictures.ts';

// Documents in case bundles (modules/bundles): the export carries the documents of the case, its operations and
// its hearings with every version's bytes and the SHA-256 recorded at upload (checked against the stored file
// first: a file that no longer matches stops the export); the bundle's signature covers them. The import checks
// each version's bytes against its SHA-256 and size, its kind and the hash sets, and stores the files before the
// import's transaction; if the import then fails, the stored files are removed again.

type BundleDocument = NonNullable<CaseBundle['documents']>[number];

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

export async function exportCaseDocuments(ctx: ServiceContext, caseId: string, operationIds: string[], hearingIds: string[]): Promise<BundleDocument[]> {
  const db = ctx.db;
  const docs = await db.selectFrom('documents').selectAll()
    .where((eb) => eb.or([
      eb('case_id', '=', caseId),
      ...(operationIds.length ? [eb('operation_id', 'in', operationIds)] : []),
      ...(hearingIds.length ? [eb('hearing_id', 'in', hearingIds)] : []),
    ]))
    .orderBy('created_at').orderBy('id').execute();
  if (!docs.length) return [];
  const versions = await db.selectFrom('document_versions').selectAll().where('document_id', 'in', docs.map((d) => d.id)).orderBy('version_no').execute();
  const userIds = [...new Set([...docs.map((d) => d.created_by), ...versions.map((v) => v.uploaded_by)].filter((u): u is string => u !== null))];
  const users = new Map((userIds.length ? await db.selectFrom('users').select(['id', 'username']).where('id', 'in', userIds).execute() : []).map((u) => [u.id, u.username]));
  const username = (id: string | null) => (id ? users.get(id) ?? null : null);
  const storage = documentStorage(ctx.config);
  const out: BundleDocument[] = [];
  for (const d of docs) {
    const own = versions.filter((v) => v.document_id === d.id);
    const exported: BundleDocument['versions'] = [];
    for (const v of own) {
      let bytes: Buffer | null = null;
      try {
        bytes = await readAll(await storage.get(v.storage_key));
      } catch (err) {
        if (!(err instanceof StorageNotFoundError)) throw err;
      }
      if (!bytes || sha('sha256', bytes) !== v.sha256) {
        await auditRead(ctx, { action: 'document.integrity_failed', entityType: 'document', entityId: d.id, details: { version: v.version_no, problem: bytes ? 'checksum_mismatch' : 'missing', expected: v.sha256, during: 'case export' } });
        throw conflict(`the stored file of document "${d.title}" (version ${v.version_no}) ${bytes ? 'no longer matches its SHA-256' : 'is missing'}; the case cannot be exported until an administrator restores it`, 'documents');
      }
      exported.push({ version: v.version_no, fileName: v.file_name, mediaType: v.media_type, size: Number(v.size_bytes), sha256: v.sha256, uploadedBy: username(v.uploaded_by), uploadedAt: v.uploaded_at.toISOString(), content: bytes.toString('base64') });
    }
    out.push({
      id: d.id,
      attachedTo: d.owner_kind === 'operation' ? 'operation' : d.owner_kind === 'hearing' ? 'hearing' : 'case',
      operationId: d.operation_id,
      hearingIndex: d.hearing_id === null ? null : hearingIds.indexOf(d.hearing_id),
      title: d.title,
      type: d.doc_type,
      documentDate: d.document_date,
      createdBy: username(d.created_by),
      createdAt: d.created_at.toISOString(),
      versions: exported,
    });
  }
  return out;
}

export interface StagedDocuments {
  /** Storage key and detected type of each version, by document index and version index. */
  files: Array<Array<{ key: string; mediaType: string }>>;
}

/**
 * Checks every version of every bundled document (bytes match the SHA-256 and size the bundle states; an
 * accepted kind of file; no hash-set match, which is refused with the neutral message and recorded) and
 * writes the files to the storage. Call `discardStaged` if the import then fails.
 */
export async function stageBundleDocuments(ctx: ServiceContext, b: CaseBundle): Promise<StagedDocuments> {
  const staged: StagedDocuments = { files: [] };
  const storage = documentStorage(ctx.config);
  try {
    for (const [i, d] of (b.documents ?? []).entries()) {
      const files: StagedDocuments['files'][number] = [];
      staged.files.push(files);
      for (const [j, v] of d.versions.entries()) {
        const field = `documents.${i}.versions.${j}.content`;
        const bytes = Buffer.from(v.content, 'base64');
        if (bytes.length !== v.size || sha('sha256', bytes) !== v.sha256) throw invalid(field, 'the file does not match the SHA-256 and size recorded for it');
        if (bytes.length > ctx.config.documentMaxBytes) throw new AppError('body_too_large', `${field}: larger than the document limit`, [{ field, message: 'larger than the document limit' }]);
        const kind = await checkDocumentBytes(bytes);
        if (!kind.ok) throw new AppError('unsupported_media_type', `${field}: not an accepted kind of file`, [{ field, message: 'not an accepted kind of file' }]);
        const matches = await hashSetMatchesOf(ctx.db, { sha256: v.sha256, sha1: sha('sha1', bytes), md5: sha('md5', bytes) });
        if (matches.length) {
          await auditRead(ctx, {
            action: 'document.refused', entityType: 'case', entityId: null,
            details: { reason: 'hash_set_match', during: 'case import', bundleDigest: b.digest, sourceCaseId: b.source.caseId, sha256: v.sha256, hashSetIds: [...new Set(matches.map((m) => m.hash_set_id))] },
          });
          throw invalid(field, REFUSED_MESSAGE);
        }
        const pictures = await checkDocumentPictures(ctx.db, bytes, kind.mediaType);
        if (pictures?.matches.length) {
          await auditRead(ctx, {
            action: 'document.refused', entityType: 'case', entityId: null,
            details: { reason: 'hash_set_near_match', during: 'case import', bundleDigest: b.digest, sourceCaseId: b.source.caseId, sha256: v.sha256, distance: pictures.matches[0]!.distance, hashSetIds: [...new Set(pictures.matches.map((m) => m.ownerId))] },
          });
          throw invalid(field, REFUSED_MESSAGE);
        }
        const stored = await storage.put(Readable.from([bytes]));
        files.push({ key: stored.key, mediaType: kind.mediaType });
        if (stored.sha256 !== v.sha256) throw new AppError('internal', 'a bundled document changed while it was being stored; nothing was kept');
      }
    }
  } catch (err) {
    await discardStaged(ctx, staged);
    throw err;
  }
  return staged;
}

export async function discardStaged(ctx: ServiceContext, staged: StagedDocuments): Promise<void> {
  const storage = documentStorage(ctx.config);
  for (const file of staged.files.flat()) await storage.delete(file.key);
}

/** Inside the import's transaction: the rows of the staged documents, attached to the new case's records. */
export async function insertBundleDocuments(
  tx: Tx,
  b: CaseBundle,
  staged: StagedDocuments,
  to: { caseId: string; operation: (id: string) => string; hearingIds: string[]; userOf: (name: string | null) => string | null },
): Promise<number> {
  let count = 0;
  for (const [i, d] of (b.documents ?? []).entries()) {
    const owner = d.attachedTo === 'operation' ? { owner_kind: 'operation' as const, operation_id: to.operation(d.operationId!) }
      : d.attachedTo === 'hearing' ? { owner_kind: 'hearing' as const, hearing_id: to.hearingIds[d.hearingIndex!]! }
        : { owner_kind: 'case' as const, case_id: to.caseId };
    const { id } = await tx.insertInto('documents').values({ ...owner, title: d.title, doc_type: d.type, document_date: d.documentDate, created_by: to.userOf(d.createdBy), created_at: d.createdAt })
      .returning('id').executeTakeFirstOrThrow();
    for (const [j, v] of d.versions.entries()) {
      const file = staged.files[i]![j]!;
      await tx.insertInto('document_versions').values({
        document_id: id, version_no: v.version, file_name: v.fileName, media_type: file.mediaType, size_bytes: v.size, sha256: v.sha256, storage_key: file.key, uploaded_by: to.userOf(v.uploadedBy), uploaded_at: v.uploadedAt,
      }).execute();
    }
    count++;
  }
  return count;
}
