import { PassThrough, Readable } from 'node:stream';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { auditRead } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { actorOf, okResponse, pageOf, pageQuery, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { enqueueJob, getJob, stopQueueFor } from '../../platform/jobs/queue.ts';
import { jobStorage } from '../../platform/storage/index.ts';
import { hashSetFormats, type HashSetFormat } from './formats/index.ts';
import { deleteHashSet, exportHashSet, getHashSet, listHashSets } from './hashset.service.ts';
import type { HashSetImportPayload } from './hashset.jobs.ts';
import './hashset.jobs.ts';

const hashSet = z.object({ id: z.string(), name: z.string(), source: z.string(), version: z.string(), description: z.string(), categoryScheme: z.string(), entryCount: z.number(), createdAt: z.string(), updatedAt: z.string() });
const format = z.enum(hashSetFormats as [HashSetFormat, ...HashSetFormat[]]);
const MAX_UPLOAD = 2 * 1024 * 1024 * 1024;
const backgroundJob = z.object({
  id: z.string(), kind: z.string(), state: z.enum(['running', 'done', 'failed']), progress: z.object({ done: z.number(), total: z.number().nullable(), unit: z.string() }),
  result: z.unknown().optional(), error: z.string().optional(), startedAt: z.string(), finishedAt: z.string().optional(),
});

export async function hashSetRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['hash sets'];
  // Uploads arrive as raw bytes and are spooled to disk, never held in memory.
  // The queue started for this database (workers of this process) stops with the server.
  api.addHook('onClose', async () => stopQueueFor(ctx.db));
  api.addContentTypeParser(['application/octet-stream', 'text/csv', 'text/plain'], (_req, payload, done) => done(null, payload));

  api.get('/hash-sets', {
    config: { access: 'hashset.read' },
    schema: { tags, summary: 'Known-material hash sets', querystring: z.strictObject({ q: z.string().trim().max(200).optional(), ...pageQuery }), response: { 200: pageOf(hashSet) } },
  }, async (request) => listHashSets(ctx.db, request.query));

  api.get('/hash-sets/:id', {
    config: { access: 'hashset.read', scope: { 'params.id': 'hashSet' } },
    schema: { tags, summary: 'One hash set with entry counts per category', params: uuidParam, response: { 200: hashSet.extend({ categories: z.array(z.object({ category: z.string(), count: z.number() })) }) } },
  }, async (request) => getHashSet(ctx.db, request.params.id));

  api.post('/hash-sets/import', {
    config: { access: 'hashset.write' },
    bodyLimit: MAX_UPLOAD,
    schema: {
      tags, summary: 'Import a hash set (VICS JSON, ICSE CSV, plain CSV or a hash list) as the raw request body; runs in the background, poll the job',
      querystring: z.strictObject({ name: z.string().trim().min(1).max(200), source: z.string().trim().min(1).max(500), version: z.string().max(100).optional(), description: z.string().max(2000).optional(), format, categoryScheme: z.enum(['us', 'uk', 'custom']).default('us') }),
      response: { 202: z.object({ backgroundJobId: z.string() }) },
    },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const q = request.query;
    const body = request.body as NodeJS.ReadableStream | undefined;
    if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') throw new AppError('unsupported_media_type', 'send the file as application/octet-stream', [{ field: 'content-type', message: 'unsupported' }]);
    // The upload waits in the job storage for a worker (on this machine or another), which removes it.
    const stored = await jobStorage(ctx.config).put((body as Readable).pipe(new PassThrough()));
    const payload: HashSetImportPayload = { meta: { name: q.name, source: q.source, version: q.version, description: q.description, categoryScheme: q.categoryScheme }, format: q.format, file: stored.key };
    const id = await enqueueJob(sctx, 'hashset.import', payload);
    return reply.status(202).send({ backgroundJobId: id });
  });

  api.get('/jobs/:id', {
    config: { access: 'authenticated', scope: { 'params.id': 'job' } },
    schema: { tags: ['jobs'], summary: 'Progress of a background job you started', params: uuidParam, response: { 200: backgroundJob } },
  }, async (request) => {
    const job = await getJob(ctx.db, request.params.id, actorOf(request).id);
    if (!job) throw notFound('job');
    return job;
  });

  api.get('/jobs/:id/output', {
    config: { access: 'authenticated', scope: { 'params.id': 'job' } },
    schema: { tags: ['jobs'], summary: 'The file a finished job produced (the briefing PDF), for the one who started it; audited', params: uuidParam },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    const job = await getJob(ctx.db, request.params.id, actorOf(request).id);
    if (!job) throw notFound('job');
    const output = job.state === 'done' ? (job.result as { output?: { key: string; sha256: string; size: number; contentType: string; fileName: string } } | undefined)?.output : undefined;
    if (!output) throw new AppError('conflict', job.state === 'running' ? 'the job has not finished' : 'the job produced no file');
    const body = await jobStorage(ctx.config).get(output.key).catch(() => { throw notFound('job output'); });
    await auditRead(sctx, { action: 'job.output.read', entityType: 'background_job', entityId: job.id, details: { kind: job.kind, sha256: output.sha256 } });
    return reply.type(output.contentType).header('content-disposition', `attachment; filename="${output.fileName.replace(/[^\w.-]/g, '_')}"`).header('x-content-sha256', output.sha256).send(body);
  });

  api.get('/hash-sets/:id/export', {
    config: { access: 'hashset.write', scope: { 'params.id': 'hashSet' } },
    schema: { tags, summary: 'Export a hash set (audited)', params: uuidParam, querystring: z.strictObject({ format, amaan: z.enum(['true', 'false']).default('false') }) },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await getHashSet(ctx.db, request.params.id);
    const out = new PassThrough();
    const type = request.query.format === 'vics' ? 'application/json' : request.query.format.endsWith('-list') ? 'text/plain' : 'text/csv';
    reply.header('content-type', `${type}; charset=utf-8`).header('content-disposition', `attachment; filename="hashset-${request.params.id}.${request.query.format === 'vics' ? 'json' : request.query.format.endsWith('-list') ? 'txt' : 'csv'}"`);
    void exportHashSet(sctx, request.params.id, request.query.format, out, { includeAmaan: request.query.amaan === 'true' }).then(() => out.end(), (err) => out.destroy(err as Error));
    return reply.send(out);
  });

  api.delete('/hash-sets/:id', {
    config: { access: 'hashset.write', scope: { 'params.id': 'hashSet' } },
    schema: { tags, summary: 'Delete a hash set and its matches', params: uuidParam, response: { 200: okResponse } },
  }, async (request) => {
    await deleteHashSet(serviceContext(ctx, request), request.params.id);
    return { ok: true as const };
  });
}
