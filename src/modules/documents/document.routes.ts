import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import type { ScopeKind } from '../../platform/access/scopes.ts';
import { documentList, documentOut, downloadQuery, listQuery, uploadFields, type ownerKinds } from './document.schema.ts';

type DocumentOwnerKind = (typeof ownerKinds)[number];
import { addVersion, getDocument, listDocuments, openDownload, uploadDocument, type IncomingFile } from './document.service.ts';

// Documents attached to a record. Uploads are multipart/form-data (the fields first, then one file), streamed to
// a temporary file and checked before anything is kept; downloads are always attachments, never shown inline.

const owners: Array<{ path: string; kind: DocumentOwnerKind; scope: ScopeKind; what: string }> = [
  { path: 'cases', kind: 'case', scope: 'case', what: 'a case' },
  { path: 'persons', kind: 'person', scope: 'person', what: 'a person' },
  { path: 'operations', kind: 'operation', scope: 'operation', what: 'an operation' },
  { path: 'hearings', kind: 'hearing', scope: 'hearing', what: 'a hearing' },
  // The care record of a victim: only the protection officers assigned to the victim.
  { path: 'victims', kind: 'victim_care', scope: 'victimCare', what: "a victim's care record (assigned protection officer only)" },
];

const segment = (kind: DocumentOwnerKind) => (kind === 'victim_care' ? 'care-documents' : 'documents');

/** The form fields sent before the file, and the file itself (not yet read). */
async function readUpload(ctx: AppContext, request: FastifyRequest): Promise<{ fields: Record<string, string>; file: IncomingFile }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'send the document as multipart/form-data', [{ field: 'content-type', message: 'unsupported' }]);
  let part;
  try {
    part = await request.file({ limits: { fileSize: ctx.config.documentMaxBytes + 1, files: 1, fields: 10, fieldSize: 2000, parts: 11 } });
  } catch (err) {
    throw invalid('file', (err as Error).message.slice(0, 200));
  }
  if (!part) throw invalid('file', 'no file was sent');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    if (name === part.fieldname) continue;
    const v = Array.isArray(value) ? value[0] : value;
    if (v && v.type === 'field') fields[name] = String(v.value);
  }
  return { fields, file: { fileName: part.filename || 'document', stream: part.file } };
}

export async function documentRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['documents'];
  await api.register(async (instance) => {
    const scoped = instance as unknown as Api;
    // Only these routes read multipart bodies.
    await scoped.register(fastifyMultipart, { throwFileSizeLimit: true });

    for (const o of owners) {
      const owner = (id: string) => ({ kind: o.kind, id });
      scoped.get(`/${o.path}/:id/${segment(o.kind)}`, {
        config: { access: 'document.read', scope: { 'params.id': o.scope } },
        schema: { tags, summary: `Documents of ${o.what}, newest first, each with its versions and SHA-256`, params: uuidParam, querystring: listQuery, response: { 200: documentList } },
      }, async (request) => listDocuments(serviceContext(ctx, request), owner(request.params.id), request.query));

      scoped.post(`/${o.path}/:id/${segment(o.kind)}`, {
        config: { access: 'document.write', scope: { 'params.id': o.scope } },
        schema: {
          tags, params: uuidParam, response: { 201: documentOut },
          summary: `Upload a document to ${o.what}: multipart/form-data with the fields title, type, documentDate (optional) and then one file. PDF, pictures, plain text or office documents; a file matching a known-material hash set is refused and the attempt recorded`,
        },
      }, async (request, reply) => {
        const { fields, file } = await readUpload(ctx, request);
        const parsed = uploadFields.safeParse(fields);
        if (!parsed.success) {
          file.stream.resume();
          const issue = parsed.error.issues[0]!;
          if (issue.code === 'unrecognized_keys') throw invalid(issue.keys[0] ?? 'body', 'unknown field');
          throw invalid(issue.path.join('.') || 'body', issue.message);
        }
        return reply.status(201).send(await uploadDocument(serviceContext(ctx, request), owner(request.params.id), parsed.data, file));
      });
    }

    scoped.get('/documents/:id', {
      config: { access: 'document.read', scope: { 'params.id': 'document' } },
      schema: { tags, summary: 'One document with every version (newest first)', params: uuidParam, response: { 200: documentOut } },
    }, async (request) => getDocument(serviceContext(ctx, request), request.params.id));

    scoped.post('/documents/:id/versions', {
      config: { access: 'document.write', scope: { 'params.id': 'document' } },
      schema: { tags, summary: 'Upload a new version (multipart/form-data, one file); earlier versions stay available', params: uuidParam, response: { 201: documentOut } },
    }, async (request, reply) => {
      const { fields, file } = await readUpload(ctx, request);
      const extra = Object.keys(fields)[0];
      if (extra) {
        file.stream.resume();
        throw invalid(extra, 'unknown field');
      }
      return reply.status(201).send(await addVersion(serviceContext(ctx, request), request.params.id, file));
    });

    scoped.get('/documents/:id/download', {
      config: { access: 'document.read', scope: { 'params.id': 'document' } },
      schema: { tags, summary: 'Download a version (the newest unless ?version=N), checked against its SHA-256 first; always an attachment; every download is audited', params: uuidParam, querystring: downloadQuery, produces: ['application/octet-stream'] },
    }, async (request, reply) => {
      const d = await openDownload(serviceContext(ctx, request), request.params.id, request.query.version);
      const ascii = d.fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
      reply
        .header('content-type', d.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : d.mediaType)
        .header('content-length', String(d.size))
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'no-store')
        .header('repr-digest', `sha-256=:${Buffer.from(d.sha256, 'hex').toString('base64')}:`)
        .header('x-document-version', String(d.version));
      return reply.send(d.stream);
    });
  });
}
