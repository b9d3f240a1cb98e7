import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { userIdOf } from '../../platform/access/actor.ts';
import { scopes, type ScopeKind } from '../../platform/access/scopes.ts';
import { auditRead, inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DocumentOwnerKind } from '../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { documentStorage, StorageIntegrityError, StorageNotFoundError } from '../../platform/storage/index.ts';
import { checkDocumentContent } from './document.content.ts';
import { checkDocumentPictures, type PictureCheck } from './document.pictures.ts';
import { documentVisibleTo } from './document.scope.ts';
import type { documentOut, uploadFields } from './document.schema.ts';

// Documents: the bytes go to the storage (src/platform/storage/), the database keeps who, what and the SHA-256.
// An upload is spooled to a private temporary file while its SHA-256, SHA-1 and MD5 are taken; its type is read
// from its content; it is compared with the known-material hash sets; only then is it written to the storage and
// recorded. A download reads the stored bytes through SHA-256 first and refuses them when they no longer match.

export interface Owner {
  kind: DocumentOwnerKind;
  id: string;
}
export interface IncomingFile {
  fileName: string;
  stream: Readable;
}
type DocumentOut = z.infer<typeof documentOut>;

const ownerColumn = { case: 'case_id', person: 'person_id', operation: 'operation_id', hearing: 'hearing_id', victim_care: 'victim_id' } as const;
const ownerScope: Record<DocumentOwnerKind, ScopeKind> = { case: 'case', person: 'person', operation: 'operation', hearing: 'hearing', victim_care: 'victimCare' };
/** The audit trail's entity type of each owner. */
const ownerEntity: Record<DocumentOwnerKind, string> = { case: 'case', person: 'person', operation: 'operation', hearing: 'hearing', victim_care: 'victim' };

/** The message for a file that matches a hash set: neutral on purpose (it says nothing of what matched). */
export const REFUSED_MESSAGE = 'this file cannot be kept as a document; seized material is recorded as evidence';

interface Spooled {
  dir: string;
  path: string;
  size: number;
  sha256: string;
  sha1: string;
  md5: string;
}

/** A file name safe to store and to send back: no folders, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001F\u007F"]/g, '').trim();
  return (base || 'document').slice(0, 255);
}

async function spool(ctx: ServiceContext, file: IncomingFile): Promise<Spooled> {
  const dir = await mkdtemp(join(tmpdir(), 'amaan-document-'));
  const path = join(dir, 'upload');
  const max = ctx.config.documentMaxBytes;
  const digests = { sha256: createHash('sha256'), sha1: createHash('sha1'), md5: createHash('md5') };
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > max) return done(tooLarge(max));
      for (const d of Object.values(digests)) d.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(file.stream, tap, createWriteStream(path, { mode: 0o600 }));
    if ((file.stream as { truncated?: boolean }).truncated) throw tooLarge(max);
  } catch (err) {
    file.stream.resume(); // let the rest of the request body drain
    await rm(dir, { recursive: true, force: true });
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(max);
    throw err;
  }
  return { dir, path, size, sha256: digests.sha256.digest('hex'), sha1: digests.sha1.digest('hex'), md5: digests.md5.digest('hex') };
}

const tooLarge = (max: number) => new AppError('body_too_large', `file: larger than the limit of ${Math.floor(max / 1_048_576)} MB`, [{ field: 'file', message: `larger than ${Math.floor(max / 1_048_576)} MB` }]);

/** Hash-set entries a file matches (by SHA-256, SHA-1 or MD5). */
export async function hashSetMatchesOf(db: Db, s: { sha256: string; sha1: string; md5: string }) {
  return db.selectFrom('hash_set_entries').select(['hash_set_id', 'md5', 'sha1', 'sha256'])
    .where((eb) => eb.or([eb('sha256', '=', s.sha256), eb('sha1', '=', s.sha1), eb('md5', '=', s.md5)]))
    .limit(20).execute();
}

/**
 * Checks a spooled upload (not empty, an accepted type, no hash-set match: refused and audited) and writes it to
 * the storage. Returns what the version row records.
 */
async function accept(ctx: ServiceContext, s: Spooled, file: IncomingFile, subject: { entityType: string; entityId: string }) {
  if (s.size === 0) throw invalid('file', 'the file is empty');
  const content = await checkDocumentContent(s.path);
  if (!content.ok) throw new AppError('unsupported_media_type', 'file: this kind of file is not accepted (PDF, pictures, plain text or office documents only)', [{ field: 'file', message: 'not an accepted kind of file' }]);
  const matches = await hashSetMatchesOf(ctx.db, s);
  if (matches.length) {
    const matchedOn = [...new Set(matches.flatMap((m) => [m.sha256 === s.sha256 ? 'sha256' : null, m.sha1 === s.sha1 ? 'sha1' : null, m.md5 === s.md5 ? 'md5' : null].filter(Boolean)))];
    await auditRead(ctx, {
      action: 'document.refused', entityType: subject.entityType, entityId: subject.entityId,
      details: { reason: 'hash_set_match', matchedOn, hashSetIds: [...new Set(matches.map((m) => m.hash_set_id))], sha256: s.sha256, size: s.size, fileName: cleanFileName(file.fileName) },
    });
    throw new AppError('validation_failed', `file: ${REFUSED_MESSAGE}`, [{ field: 'file', message: REFUSED_MESSAGE }]);
  }
  // A picture (or a PDF's JPEGs) near a hash set's PDQ hash: the same refusal, recorded with the distance.
  const pictures: PictureCheck | null = await checkDocumentPictures(ctx.db, await readFile(s.path), content.mediaType);
  if (pictures?.matches.length) {
    await auditRead(ctx, {
      action: 'document.refused', entityType: subject.entityType, entityId: subject.entityId,
      details: {
        reason: 'hash_set_near_match', matchedOn: ['pdq'], distance: pictures.matches[0]!.distance, hashSetIds: [...new Set(pictures.matches.map((m) => m.ownerId))],
        sha256: s.sha256, size: s.size, mediaType: content.mediaType, fileName: cleanFileName(file.fileName),
      },
    });
    throw new AppError('validation_failed', `file: ${REFUSED_MESSAGE}`, [{ field: 'file', message: REFUSED_MESSAGE }]);
  }
  const stored = await documentStorage(ctx.config).put(createReadStream(s.path));
  if (stored.sha256 !== s.sha256 || stored.size !== s.size) {
    await documentStorage(ctx.config).delete(stored.key);
    throw new AppError('internal', 'the file changed while it was being stored; nothing was kept');
  }
  const perceptual = pictures ? { pictures: pictures.compared, ...(pictures.skipped.length ? { notCompared: pictures.skipped.slice(0, 10) } : {}) } : null;
  return { key: stored.key, mediaType: content.mediaType, fileName: cleanFileName(file.fileName), size: s.size, sha256: s.sha256, perceptual };
}

/** Runs `record` with the accepted file; on any failure the stored bytes are removed again. */
async function receive<T>(ctx: ServiceContext, file: IncomingFile, subject: { entityType: string; entityId: string }, record: (f: Awaited<ReturnType<typeof accept>>) => Promise<T>): Promise<T> {
  const s = await spool(ctx, file);
  try {
    const accepted = await accept(ctx, s, file, subject);
    try {
      return await record(accepted);
    } catch (err) {
      await documentStorage(ctx.config).delete(accepted.key);
      throw err;
    }
  } finally {
    await rm(s.dir, { recursive: true, force: true });
  }
}

/** Defence in depth: the route's scope checked the owner; the service checks it again. */
async function requireOwner(db: Db, ctx: ServiceContext, owner: Owner) {
  const kind = ownerScope[owner.kind];
  if (!(await scopes[kind].visible(db, ctx.actor, [owner.id])).has(owner.id)) throw notFound(scopes[kind].label);
}

export async function uploadDocument(ctx: ServiceContext, owner: Owner, fields: z.infer<typeof uploadFields>, file: IncomingFile): Promise<DocumentOut> {
  await requireOwner(ctx.db, ctx, owner);
  const id = await receive(ctx, file, { entityType: ownerEntity[owner.kind], entityId: owner.id }, (f) => inTransaction(ctx, async (tx, audit) => {
    const doc = await tx.insertInto('documents').values({
      owner_kind: owner.kind, [ownerColumn[owner.kind]]: owner.id, title: fields.title, doc_type: fields.type, document_date: fields.documentDate ?? null, created_by: userIdOf(ctx.actor),
    }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('document_versions').values({
      document_id: doc.id, version_no: 1, file_name: f.fileName, media_type: f.mediaType, size_bytes: f.size, sha256: f.sha256, storage_key: f.key, uploaded_by: userIdOf(ctx.actor),
    }).execute();
    await audit({ action: 'document.upload', entityType: 'document', entityId: doc.id, details: { owner: owner.kind, ownerId: owner.id, type: fields.type, version: 1, sha256: f.sha256, size: f.size, mediaType: f.mediaType, ...(f.perceptual ? { perceptual: f.perceptual } : {}) } });
    return doc.id;
  }));
  return getDocument(ctx, id);
}

export async function addVersion(ctx: ServiceContext, documentId: string, file: IncomingFile): Promise<DocumentOut> {
  await requireDocument(ctx.db, ctx, documentId);
  await receive(ctx, file, { entityType: 'document', entityId: documentId }, (f) => inTransaction(ctx, async (tx, audit) => {
    // The document row is locked so two uploads at once get consecutive numbers.
    await tx.selectFrom('documents').select('id').where('id', '=', documentId).forNoKeyUpdate().executeTakeFirstOrThrow();
    const last = await tx.selectFrom('document_versions').select((eb) => eb.fn.max('version_no').as('n')).where('document_id', '=', documentId).executeTakeFirst();
    const version = Number(last?.n ?? 0) + 1;
    await tx.insertInto('document_versions').values({
      document_id: documentId, version_no: version, file_name: f.fileName, media_type: f.mediaType, size_bytes: f.size, sha256: f.sha256, storage_key: f.key, uploaded_by: userIdOf(ctx.actor),
    }).execute();
    await audit({ action: 'document.version', entityType: 'document', entityId: documentId, details: { version, sha256: f.sha256, size: f.size, mediaType: f.mediaType, ...(f.perceptual ? { perceptual: f.perceptual } : {}) } });
  }));
  return getDocument(ctx, documentId);
}

async function requireDocument(db: Db, ctx: ServiceContext, documentId: string) {
  const doc = await db.selectFrom('documents').selectAll('documents').where('documents.id', '=', documentId).where(documentVisibleTo(ctx.actor)).executeTakeFirst();
  if (!doc) throw notFound('document');
  return doc;
}

type DocumentRow = Awaited<ReturnType<typeof requireDocument>>;

async function present(db: Db, docs: DocumentRow[]): Promise<DocumentOut[]> {
  if (!docs.length) return [];
  const versions = await db.selectFrom('document_versions').leftJoin('users', 'users.id', 'document_versions.uploaded_by')
    .select(['document_versions.document_id', 'version_no', 'file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_at', 'users.display_name as uploader'])
    .where('document_id', 'in', docs.map((d) => d.id)).orderBy('version_no', 'desc').execute();
  const creators = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(docs.map((d) => d.created_by).filter((u): u is string => u !== null)), '00000000-0000-0000-0000-000000000000']).execute();
  const creatorName = new Map(creators.map((u) => [u.id, u.display_name]));
  return docs.map((d) => ({
    id: d.id,
    ownerKind: d.owner_kind,
    ownerId: (d.case_id ?? d.person_id ?? d.operation_id ?? d.hearing_id ?? d.victim_id)!,
    title: d.title,
    type: d.doc_type,
    documentDate: d.document_date,
    createdAt: d.created_at.toISOString(),
    createdBy: d.created_by ? creatorName.get(d.created_by) ?? null : null,
    versions: versions.filter((v) => v.document_id === d.id).map((v) => ({
      version: v.version_no, fileName: v.file_name, mediaType: v.media_type, size: Number(v.size_bytes), sha256: v.sha256, uploadedAt: v.uploaded_at.toISOString(), uploadedBy: v.uploader ?? null,
    })),
  }));
}

export async function getDocument(ctx: ServiceContext, documentId: string): Promise<DocumentOut> {
  const doc = await requireDocument(ctx.db, ctx, documentId);
  return (await present(ctx.db, [doc]))[0]!;
}

export async function listDocuments(ctx: ServiceContext, owner: Owner, page: { limit: number; offset: number }) {
  await requireOwner(ctx.db, ctx, owner);
  const column = `documents.${ownerColumn[owner.kind]}` as const;
  const base = ctx.db.selectFrom('documents').where(column, '=', owner.id).where('documents.owner_kind', '=', owner.kind).where(documentVisibleTo(ctx.actor));
  const [rows, total] = await Promise.all([
    base.selectAll('documents').orderBy('documents.created_at', 'desc').orderBy('documents.id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await present(ctx.db, rows), total: Number(total.n), limit: page.limit, offset: page.offset };
}

export interface Download {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  version: number;
  stream: Readable;
}

/** SHA-256 of a whole stream. */
async function digestOf(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(stream, new Writable({ write(chunk: Buffer, _enc, done) { hash.update(chunk); done(); } }));
  return hash.digest('hex');
}

/**
 * A version's bytes for download, checked against the SHA-256 taken at upload before a byte is sent (a
 * mismatch or a missing file is refused and audited), and checked again while they are sent: if they change
 * in between, the transfer is cut off rather than completed. Every download is audited.
 */
export async function openDownload(ctx: ServiceContext, documentId: string, versionNo?: number): Promise<Download> {
  await requireDocument(ctx.db, ctx, documentId);
  let q = ctx.db.selectFrom('document_versions').selectAll().where('document_id', '=', documentId);
  q = versionNo === undefined ? q.orderBy('version_no', 'desc').limit(1) : q.where('version_no', '=', versionNo);
  const v = await q.executeTakeFirst();
  if (!v) {
    const err = notFound('version');
    err.errors.push({ field: 'version', message: 'no such version of this document' });
    throw err;
  }
  const storage = documentStorage(ctx.config);
  const refuse = async (problem: 'missing' | 'checksum_mismatch', actual?: string) => {
    await auditRead(ctx, { action: 'document.integrity_failed', entityType: 'document', entityId: documentId, details: { version: v.version_no, problem, expected: v.sha256, ...(actual ? { actual } : {}) } });
    return conflict(problem === 'missing'
      ? 'the stored file of this document is missing; it cannot be served (recorded for the administrator)'
      : 'the stored file no longer matches the checksum taken at upload; it is not served (recorded for the administrator)', 'sha256');
  };
  let actual: string;
  try {
    actual = await digestOf(await storage.get(v.storage_key));
  } catch (err) {
    if (err instanceof StorageNotFoundError) throw await refuse('missing');
    if (err instanceof StorageIntegrityError) throw await refuse('checksum_mismatch');
    throw err;
  }
  if (actual !== v.sha256) throw await refuse('checksum_mismatch', actual);
  await auditRead(ctx, { action: 'document.download', entityType: 'document', entityId: documentId, details: { version: v.version_no, sha256: v.sha256, size: Number(v.size_bytes) } });
  const hash = createHash('sha256');
  const verify = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(hash.digest('hex') === v.sha256 ? null : new Error(`document ${documentId} v${v.version_no} changed while it was sent`));
    },
  });
  const source = await storage.get(v.storage_key);
  source.on('error', (err) => verify.destroy(err));
  return { fileName: v.file_name, mediaType: v.media_type, size: Number(v.size_bytes), sha256: v.sha256, version: v.version_no, stream: source.pipe(verify) };
}

/** Readable from bytes (tests, bundles). */
export const streamOf = (bytes: Buffer): Readable => Readable.from([bytes]);
