import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireCaseAccess } from '../../platform/access/case-scope.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pageQuery, serviceContext, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { enqueueJob, stopQueueFor } from '../../platform/jobs/queue.ts';
import type { MediaIngestPayload } from './media.jobs.ts';
import './media.jobs.ts';
import { listMediaFiles, mediaSummary } from './media.service.ts';
import { ingestRootsView, resolveIngestPath } from './ingest-roots.ts';

const mediaKind = z.enum(['image', 'video', 'document', 'archive', 'other', 'symlink', 'unreadable']);
const job = z.object({
  id: z.string(), evidenceId: z.string(), rootPath: z.string(), status: z.string(), filesTotal: z.number().nullable(), bytesTotal: z.number().nullable(),
  filesDone: z.number(), bytesDone: z.number(), filesFailed: z.number(), videosUnhashed: z.number(), error: z.string().nullable(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
});
const summary = z.object({
  files: z.number(), bytes: z.number(), errors: z.number(), videosUnhashed: z.number(), errorsByCode: z.record(z.string(), z.number()), lowQuality: z.number(), knownMaterial: z.number(),
  byKind: z.record(z.string(), z.number()),
  categories: z.array(z.object({ hashSet: z.string(), category: z.string(), files: z.number() })),
  linkedCases: z.array(z.object({ caseId: z.string(), title: z.string(), firLabel: z.string().nullable(), district: z.string(), province: z.string(), sharedFiles: z.number(), matchTypes: z.array(z.string()) })),
  jobs: z.array(job),
});
const mediaFile = z.object({
  id: z.number(), evidenceId: z.string(), path: z.string(), size: z.number(), kind: z.string(), mime: z.string().nullable(), modifiedAt: z.string().nullable(),
  md5: z.string().nullable(), sha1: z.string().nullable(), sha256: z.string().nullable(), pdq: z.string().nullable(), pdqQuality: z.number().nullable(),
  lowQuality: z.boolean(), videoFrames: z.number().nullable(), error: z.string().nullable(), errorCode: z.string().nullable(),
  matches: z.array(z.object({ type: z.string(), distance: z.number(), hashSet: z.string().nullable(), category: z.string().nullable(), series: z.string().nullable(), otherCaseId: z.string().nullable(), otherCaseHidden: z.boolean() })),
});

export async function mediaRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['media triage'];
  api.addHook('onClose', async () => stopQueueFor(ctx.db));

  api.get('/cases/:id/media', {
    config: { access: 'media.read', scope: { 'params.id': 'case' } },
    schema: { tags, summary: 'Triage summary: counts, known-material categories, linked cases, ingest jobs (never the material)', params: uuidParam, response: { 200: summary } },
  }, async (request) => mediaSummary(serviceContext(ctx, request), request.params.id));

  api.get('/cases/:id/media/files', {
    config: { access: 'media.read', scope: { 'params.id': 'case', 'query.evidenceId': 'evidence' } },
    schema: {
      tags, summary: 'Ingested files with digests, PDQ and matches', params: uuidParam,
      querystring: z.strictObject({ kind: mediaKind.optional(), status: z.enum(['matched', 'known', 'linked', 'error', 'low_quality', 'new']).optional(), evidenceId: z.uuid().optional(), ...pageQuery }),
      response: { 200: z.object({ items: z.array(mediaFile), total: z.number(), limit: z.number(), offset: z.number() }) },
    },
  }, async (request) => listMediaFiles(serviceContext(ctx, request), request.params.id, request.query));

  api.get('/media/ingest-roots', {
    config: { access: 'media.ingest' },
    schema: {
      tags, summary: 'Folders this server may ingest from over the API (AMAAN_INGEST_ROOTS, and the demo media folder under `serve --demo`); empty = API ingest off',
      response: { 200: z.object({ roots: z.array(z.object({ path: z.string(), demo: z.boolean() })), demoFolder: z.string().nullable() }) },
    },
  }, async () => ingestRootsView(ctx.config));

  api.post('/cases/:id/media/ingest', {
    config: { access: 'media.ingest', scope: { 'params.id': 'case', 'body.evidenceId': 'evidence' } },
    schema: {
      tags, summary: 'Ingest a folder or mounted image on the server (under AMAAN_INGEST_ROOTS, or the demo media folder) in the background', params: uuidParam,
      body: z.strictObject({ evidenceId: z.uuid(), path: z.string().min(1).max(4096), threshold: z.number().int().min(0).max(128).default(31) }),
      response: { 202: z.object({ backgroundJobId: z.string() }) },
    },
  }, async (request, reply) => {
    const sctx = serviceContext(ctx, request);
    await requireCaseAccess(ctx.db, sctx.actor, request.params.id);
    const path = await resolveIngestPath(ctx.config, request.body.path);
    const evidence = await ctx.db.selectFrom('evidence_items').select('case_id').where('id', '=', request.body.evidenceId).executeTakeFirst();
    if (!evidence || evidence.case_id !== request.params.id) throw notFound('evidence item');
    const payload: MediaIngestPayload = { caseId: request.params.id, evidenceId: request.body.evidenceId, root: path, threshold: request.body.threshold };
    return reply.status(202).send({ backgroundJobId: await enqueueJob(sctx, 'media.ingest', payload) });
  });
}
