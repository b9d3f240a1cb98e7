import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import { auditRead } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { figureAccess } from '../stats/figures/figures.rules.ts';
import { recordPublication } from '../stats/figures/figures.service.ts';
import { gatherBriefing, type BriefingOptions } from './briefing.data.ts';
import { briefingHtml } from './briefing.html.ts';
import { briefingPdf } from './briefing.pdf.ts';
import { exportTable, toCsv, toXlsx, type ExportOptions } from './export.tables.ts';

// Producing what leaves the agency: the briefing (PDF, HTML preview) and table exports. Every product is
// audited; a published one is also recorded with its figures (published_reports, published_figures), so
// what was said stays on record whatever later edits of the offence catalogue do to a recomputation.
type Progress = (step: string, done: number, total: number) => void;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function produceBriefing(ctx: ServiceContext, opts: BriefingOptions, progress: Progress = () => undefined) {
  const steps = 9;
  let i = 0;
  const data = await gatherBriefing(ctx, opts, (step) => progress(step, ++i, steps));
  progress('writing the PDF', 7, steps);
  const pdf = await briefingPdf(data);
  progress('recording the publication', 8, steps);
  const reportId = await recordPublication(ctx, {
    kind: 'briefing', params: { from: opts.from, to: opts.to, province: opts.province ?? null, lang: opts.lang ?? 'en' }, from: opts.from, to: opts.to,
    catalogue: data.catalogue, figures: data.records, outputSha256: sha256(pdf),
  }, data.anchor);
  progress('done', steps, steps);
  return { pdf, data, reportId, sha256: sha256(pdf) };
}

/** The HTML preview (same data and suppression as the PDF); audited as a read, not recorded as published. */
export async function briefingPreview(ctx: ServiceContext, opts: BriefingOptions): Promise<string> {
  // The briefing covers a province or the nation: not for a role limited to its own branch's figures.
  if (figureAccess(ctx.actor).branchOnly !== null) throw new AppError('forbidden', 'the briefing covers the nation or a province; your figures are those of your branch');
  const data = await gatherBriefing(ctx, opts);
  await auditRead(ctx, { action: 'report.briefing.preview', entityType: 'report', entityId: null, details: { from: opts.from, to: opts.to, province: opts.province ?? null, lang: opts.lang ?? 'en', anchor: data.anchor } });
  return briefingHtml(data);
}

export async function produceExport(ctx: ServiceContext, name: string, format: 'csv' | 'xlsx', opts: ExportOptions, progress: Progress = () => undefined) {
  const table = exportTable(name);
  if (!table) throw notFound('table');
  progress('computing', 1, 3);
  const out = await table.build(ctx, opts);
  progress(`writing ${format}`, 2, 3);
  const bytes = format === 'csv' ? toCsv(out) : await toXlsx(name, out);
  const params = { table: name, format, from: opts.from ?? null, to: opts.to ?? null, province: opts.province ?? null };
  if (table.published && out.catalogue) {
    await recordPublication(ctx, { kind: 'export', params, from: opts.from ?? null, to: opts.to ?? null, catalogue: out.catalogue, figures: out.records, outputSha256: sha256(bytes) }, null);
  } else {
    await auditRead(ctx, { action: 'report.export.internal', entityType: 'report', entityId: null, details: { ...params, outputSha256: sha256(bytes) } });
  }
  progress('done', 3, 3);
  return { bytes, rows: out.rows.length, published: table.published, sha256: sha256(bytes) };
}
