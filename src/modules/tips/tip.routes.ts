import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { okResponse, pageOf, serviceContext, unscoped, uuidParam, type Api } from '../../platform/http/route-kit.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { structuralProblem } from './tip.normalise.ts';
import { sha256 } from '../../platform/auth/auth.service.ts';
import {
  attachTipBody, closeTipBody, convertTipBody, createOrganisationBody, createTipKeyBody, listTipsQuery, organisationView, publicTipAnswer, publicTipBody, receiptStatus,
  ruleParam, tipDecision, tipDetail, tipKeyCreated, tipKeyView, tipReceipt, tipReport, tipRulesAnswer, tipSummary, updateTipRuleBody,
} from './tip.schema.ts';
import { attachTip, closeTip, convertTip, getTip, listRules, listTips, readReceipt, receivePublicTip, receiveReport, rescoreOpenTips, routeTipTo, updateRule } from './tip.service.ts';
import { enqueueJob, stopQueueFor } from '../../platform/jobs/queue.ts';
import './tip.jobs.ts';
import { createKey, ensureOrganisation, listKeys, listOrganisations, revokeKey } from './tip-keys.service.ts';

// Refusals (problem+json) are described for every route by platform/http/openapi.ts.
const receiptParam = z.strictObject({ receipt: z.string().regex(/^TIP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'must be a receipt code TIP-XXXX-XXXX-XXXX') });

/** A report body is checked by the service (either shape, fields named), not by the route's schema. */
const acceptAsIs = () => (data: unknown) => ({ value: data });

export async function tipRoutes(api: Api, ctx: AppContext): Promise<void> {
  const tags = ['tips'];
  api.addHook('onClose', async () => stopQueueFor(ctx.db));
  const keyLimit = {
    max: ctx.config.tipsKeyPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => `tipkey:${sha256(String(req.headers.authorization ?? req.ip))}`,
  };
  const publicLimit = { max: ctx.config.tipsPublicPerHour, timeWindow: '1 hour' };

  // ---- Reporting organisations (their own key) --------------------------------------------------------
  api.post('/tips', {
    config: { access: 'reporting-organisation', rateLimit: keyLimit },
    bodyLimit: 256 * 1024,
    validatorCompiler: acceptAsIs,
    schema: {
      tags,
      summary: 'File one report (Amaan\'s shape or the CyberTipline shape); answers a receipt code. The same report again (same reportId, or the same content) answers the first receipt.',
      security: [{ bearer: [] }],
      body: tipReport,
      response: { 200: tipReceipt, 201: tipReceipt },
    },
  }, async (request, reply) => {
    const r = await receiveReport(ctx, { channel: 'api', reporter: request.reporter, ip: request.ip ?? null }, request.body);
    return reply.status(r.created ? 201 : 200).send({ receipt: r.receipt, created: r.created });
  });

  api.get('/tip-receipts/:receipt', {
    config: { access: 'reporting-organisation', rateLimit: keyLimit, scope: { 'params.receipt': unscoped('a receipt code, looked up among the calling organisation\'s own tips only') } },
    schema: { tags, summary: 'The state of one of the organisation\'s own reports, by its receipt code', security: [{ bearer: [] }], params: receiptParam, response: { 200: receiptStatus } },
  }, async (request) => {
    if (!request.reporter) throw new AppError('unauthenticated', 'send the reporting organisation key as a Bearer token');
    return readReceipt(ctx, request.reporter, request.ip ?? null, request.params.receipt);
  });

  // ---- The public, no account ---------------------------------------------------------------------------
  api.post('/tips/public', {
    config: { access: 'public', rateLimit: publicLimit },
    bodyLimit: 16 * 1024,
    // Public routes skip the app's NUL check: NUL, lone surrogates and bytes that were not UTF-8 refused here.
    preValidation: async (request) => {
      const bad = structuralProblem(request.body, 'body');
      if (bad) throw invalid(bad.field, bad.message);
    },
    schema: { tags, summary: 'Report what you saw, without an account (no files): answers a receipt code', security: [], body: publicTipBody, response: { 201: publicTipAnswer } },
  }, async (request, reply) => {
    const r = await receivePublicTip(ctx, request.body, request.ip ?? null);
    return reply.status(201).send({ receipt: r.receipt });
  });

  // ---- Analysts and supervisors -------------------------------------------------------------------------
  api.get('/tips', {
    config: { access: 'tip.read' },
    schema: { tags, summary: 'The tip queue: by priority, then the oldest first; a branch\'s (branch=<id>) or the unrouted (branch=unrouted)', querystring: listTipsQuery, response: { 200: pageOf(tipSummary) } },
  }, async (request) => listTips(serviceContext(ctx, request), request.query));

  api.get('/tips/:id', {
    config: { access: 'tip.read', scope: { 'params.id': 'tip' } },
    schema: { tags, summary: 'One tip: identifiers (as entities), URLs, files with their hash matches, related tips, priority reasons, routing, the report as received', params: uuidParam, response: { 200: tipDetail } },
  }, async (request) => getTip(serviceContext(ctx, request), request.params.id));

  api.post('/tips/:id/route', {
    config: { access: 'tip.triage', scope: { 'params.id': 'tip' } },
    schema: { tags, summary: 'Route (or re-route) a tip to a branch', params: uuidParam, body: z.strictObject({ branchId: z.number().int().min(1) }), response: { 200: tipDetail } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    await routeTipTo(sctx, request.params.id, request.body.branchId);
    return getTip(sctx, request.params.id);
  });

  api.post('/tips/:id/convert', {
    config: { access: 'tip.triage', scope: { 'params.id': 'tip' } },
    schema: { tags, summary: 'Open a case in the tip\'s branch from the tip: every identifier and file hash carried over', params: uuidParam, body: convertTipBody, response: { 201: tipDecision } },
  }, async (request, reply) => reply.status(201).send(await convertTip(serviceContext(ctx, request), request.params.id, request.body ?? {})));

  api.post('/tips/:id/attach', {
    config: { access: 'tip.triage', scope: { 'params.id': 'tip', 'body.caseId': 'case' } },
    schema: { tags, summary: 'Attach a tip to an existing case: every identifier and file hash carried over', params: uuidParam, body: attachTipBody, response: { 200: tipDecision } },
  }, async (request) => attachTip(serviceContext(ctx, request), request.params.id, request.body.caseId));

  api.post('/tips/:id/close', {
    config: { access: 'tip.triage', scope: { 'params.id': 'tip' } },
    schema: { tags, summary: 'Close a tip without a case, saying why', params: uuidParam, body: closeTipBody, response: { 200: tipDecision } },
  }, async (request) => closeTip(serviceContext(ctx, request), request.params.id, request.body.reason));

  api.get('/tip-rules', {
    config: { access: 'tip.read' },
    schema: { tags, summary: 'The priority rules and their weights', response: { 200: tipRulesAnswer } },
  }, async (request) => listRules(serviceContext(ctx, request)));

  api.post('/tip-rules/rescore', {
    config: { access: 'tip.rules' },
    schema: { tags, summary: 'Score every open tip again under the current rules, in the background; poll the job', response: { 202: z.object({ backgroundJobId: z.string() }) } },
  }, async (request, reply) => reply.status(202).send({ backgroundJobId: await enqueueJob(serviceContext(ctx, request), 'tips.rescore', {}) }));

  api.patch('/tip-rules/:code', {
    config: { access: 'tip.rules', scope: { 'params.code': unscoped('a rule code of the fixed list of priority rules, no record') } },
    schema: { tags, summary: 'Change a rule\'s weight or switch it on or off; the open tips are re-scored', params: ruleParam, body: updateTipRuleBody, response: { 200: tipRulesAnswer } },
  }, async (request) => {
    const sctx = serviceContext(ctx, request);
    const answer = await updateRule(sctx, request.params.code, request.body);
    await rescoreOpenTips(sctx);
    return answer;
  });

  // ---- Administrators: organisations and keys ------------------------------------------------------------
  api.get('/admin/tip-organisations', {
    config: { access: 'tip.keys' },
    schema: { tags, summary: 'Reporting organisations', response: { 200: z.object({ items: z.array(organisationView) }) } },
  }, async (request) => listOrganisations(serviceContext(ctx, request)));

  api.post('/admin/tip-organisations', {
    config: { access: 'tip.keys' },
    schema: { tags, summary: 'Add a reporting organisation (a platform or an NGO)', body: createOrganisationBody, response: { 201: z.object({ id: z.string(), name: z.string(), created: z.boolean() }) } },
  }, async (request, reply) => reply.status(201).send(await ensureOrganisation(serviceContext(ctx, request), request.body.name)));

  api.get('/admin/tip-keys', {
    config: { access: 'tip.keys' },
    schema: { tags, summary: 'Keys of the reporting organisations (never the tokens)', response: { 200: z.object({ items: z.array(tipKeyView) }) } },
  }, async (request) => listKeys(serviceContext(ctx, request)));

  api.post('/admin/tip-organisations/:id/keys', {
    config: { access: 'tip.keys', scope: { 'params.id': 'tipOrganisation' } },
    schema: { tags, summary: 'Issue a key to an organisation: the token is shown in this answer only', params: uuidParam, body: createTipKeyBody, response: { 201: tipKeyCreated } },
  }, async (request, reply) => reply.status(201).send(await createKey(serviceContext(ctx, request), request.params.id, request.body ?? {})));

  api.delete('/admin/tip-keys/:id', {
    config: { access: 'tip.keys', scope: { 'params.id': 'tipKey' } },
    schema: { tags, summary: 'Revoke a key: it stops working at once', params: uuidParam, response: { 200: okResponse } },
  }, async (request) => {
    await revokeKey(serviceContext(ctx, request), request.params.id);
    return { ok: true as const };
  });
}
