import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { loadDemoIfEmpty } from '../../src/demo/demo.loader.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import { produceBriefing, produceExport } from '../../src/modules/reports/reports.service.ts';
import { computeFigure, currentCatalogue, earlierPublications, storedCatalogue } from '../../src/modules/stats/figures/figures.service.ts';
import { figureById, type FigureParams } from '../../src/modules/stats/figures/registry.ts';

// The briefing and the exports on the demo dataset (issue 12, part 5): the PDF's own text is read back. The
// expected national figures are the published ones (178 FIRs, 198 arrests, 14 convicted at 4 to 10 years)
// and the Muzaffargarh raid of 23 May 2025 (2 arrests, 10 children rescued, 6 placed with the Child
// Protection Bureau), written out here, never read from the demo's constants.
const { engines } = await detectEngines();

const pdfText = async (pdf: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
};

describe.each(engines)('briefing report and exports on the demo dataset (%s)', (engine) => {
  let t: TestApp;
  let ctx: ServiceContext;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await loadDemoIfEmpty(t.ctx);
    ctx = { ...t.ctx, actor: systemActor('cli:test') };
  });
  afterAll(async () => t?.close());

  it('the national figures and the Muzaffargarh operation appear in the PDF, with the audit anchor; the publication is recorded', async () => {
    const steps: string[] = [];
    const r = await produceBriefing(ctx, { from: '2024-01-01', to: '2025-06-03' }, (s) => steps.push(s));
    expect(steps.length).toBeGreaterThanOrEqual(6);
    expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(r.pdf);
    expect(text).toMatch(/178 FIRs registered \(child exploitation\)/);
    expect(text).toMatch(/198 Arrests/);
    expect(text).toMatch(/14 Persons convicted \(sentences of 4 to 10 years\)/);
    expect(text).toMatch(/Operation of the period: Muzaffargarh, 2025-05-23/);
    expect(text).toMatch(/Arrests 2 /);
    expect(text).toMatch(/Children rescued 10 /);
    expect(text).toMatch(/placed with the Child Protection Bureau 6 /);
    expect(text).toMatch(/returned to their families 4 /);
    expect(text).toMatch(/5 hours/);
    expect(text).toMatch(/all reported cases: 3,364/);
    expect(text).toContain('https://tribune.com.pk/story/2544335/our-vulnerable-children-1');
    expect(text).toMatch(/CyberTipline reports attributed to Pakistan: 1,158,390/);
    // The anchor printed is the chain head before the report's own entry.
    expect(r.data.anchor).not.toBeNull();
    expect(text).toContain(`hash ${r.data.anchor!.hash}`);
    const entry = await t.ctx.db.selectFrom('audit_log').select(['seq', 'action', 'entity_id', 'details']).where('action', '=', 'report.briefing').executeTakeFirstOrThrow();
    expect(Number(entry.seq)).toBe(r.data.anchor!.seq + 1);
    expect(entry.entity_id).toBe(r.reportId);
    const report = await t.ctx.db.selectFrom('published_reports').selectAll().where('id', '=', r.reportId).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ kind: 'briefing', time_zone: 'Asia/Karachi', output_sha256: r.sha256, audit_head_hash: r.data.anchor!.hash });
    const published = await earlierPublications(t.ctx.db, 'firs', '2024-01-01', '2025-06-03');
    expect(published.find((p) => p.grouping === 'none')?.rows[0]?.values.n).toBe(178);
    // Small counts never leave: no "<5"-sized number printed in the province table's suppressed cells.
    expect(r.data.areas.rows.flat().every((c) => !/^[1-4]$/.test(c))).toBe(true);
    expect(r.data.trends.rows.flat().every((c) => !/^[1-4]$/.test(c))).toBe(true);
  });

  it('editing the offence catalogue does not rewrite what was published; the stored catalogue recomputes it', async () => {
    const before = await currentCatalogue(t.ctx.db);
    const published = await earlierPublications(t.ctx.db, 'firs', '2024-01-01', '2025-06-03');
    expect(published.length).toBeGreaterThan(0);
    // An administrator un-flags PPC-377B (sodomy / child pornography section) as child exploitation.
    const offence = (await t.call('admin', 'GET', '/api/v1/offences/PPC-377B')).json() as Record<string, unknown>;
    const { code: _code, ...body } = offence;
    const put = await t.call('admin', 'PUT', '/api/v1/offences/PPC-377B', { ...body, childExploitation: false });
    expect(put.statusCode, put.body).toBe(200);
    const after = await currentCatalogue(t.ctx.db);
    expect(after.version).not.toBe(before.version);
    const p = (catalogue: FigureParams['catalogue']): FigureParams => ({ from: '2024-01-01', to: '2025-06-03', timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue });
    const now = (await computeFigure(t.ctx.db, figureById('firs')!, p(after)))[0]?.values.n;
    // What was published stays; the catalogue it was computed with is stored and gives the same 178 again.
    const again = await earlierPublications(t.ctx.db, 'firs', '2024-01-01', '2025-06-03');
    expect(again).toEqual(published);
    const stored = await storedCatalogue(t.ctx.db, published[0]!.catalogueVersion);
    expect(stored?.version).toBe(before.version);
    expect((await computeFigure(t.ctx.db, figureById('firs')!, p(stored!)))[0]?.values.n).toBe(178);
    expect(typeof now).toBe('number');
    // The published rows cannot be changed, even by the application's own database role.
    await expect(t.ctx.db.updateTable('published_figures').set({ figure_version: 2 }).execute()).rejects.toThrow(/append-only/);
    await t.call('admin', 'PUT', '/api/v1/offences/PPC-377B', { ...body, childExploitation: true });
  });

  it('exports a published table as CSV (suppressed) and XLSX, and an internal table; every export audited', async () => {
    const csv = await produceExport(ctx, 'firs_by_province', 'csv', { to: '2025-06-03' });
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('province,n');
    expect(lines.at(-1)).toBe('total,178');
    for (const l of lines.slice(1)) expect(l.split(',')[1]).toMatch(/^(0|<5|x|[5-9]|\d{2,})$/);
    const xlsx = await produceExport(ctx, 'firs_by_district', 'xlsx', { to: '2025-06-03' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('firs_by_district')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'district', 'n']);
    const cells: unknown[] = [];
    ws.eachRow((row, i) => {
      if (i > 1) cells.push(row.getCell(2).value);
    });
    expect(cells).toContain('<5');
    expect(cells.at(-1)).toBe(178);
    expect(wb.getWorksheet('notes')!.getRow(3).getCell(1).value).toMatch(/"<5"/);
    const internal = await produceExport(ctx, 'districts', 'csv', {});
    expect(internal.rows).toBe(180);
    const audits = await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['report.export', 'report.export.internal']).execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['report.export', 'report.export', 'report.export.internal']);
  });

  it('the HTML preview: the same figures for leadership, audited; refused to a branch supervisor and to roles without statistics', async () => {
    const res = await t.call('leadership', 'GET', '/api/v1/reports/briefing/preview?from=2024-01-01&to=2025-06-03');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/data-figure="firs"><b>178<\/b>/);
    expect(res.body).toMatch(/data-figure="arrests"><b>198<\/b>/);
    expect(res.body).toMatch(/sentences of 4 to 10 years/);
    expect(res.body).toMatch(/Operation of the period: Muzaffargarh, 2025-05-23/);
    expect(res.body).not.toMatch(/<script/i);
    expect(await t.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'report.briefing.preview').execute()).toHaveLength(1);
    expect((await t.call('supA', 'GET', '/api/v1/reports/briefing/preview?from=2024-01-01&to=2025-06-03')).statusCode).toBe(403);
    for (const u of ['invA', 'admin', 'auditor', 'prosecutor'] as const) expect((await t.call(u, 'GET', '/api/v1/reports/briefing/preview?from=2024-01-01&to=2025-06-03')).statusCode, u).toBe(403);
    const bad = await t.call('leadership', 'GET', '/api/v1/reports/briefing/preview?from=2025-06-03&to=2024-01-01');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/"to"|querystring.to/);
    const province = await t.call('leadership', 'GET', '/api/v1/reports/briefing/preview?from=2024-01-01&to=2025-06-03&province=Atlantis');
    expect(province.statusCode).toBe(400);
  });

  it('the figures API on the demo: exact for an analyst, suppressed for leadership', async () => {
    const exact = (await t.call('analyst', 'GET', '/api/v1/figures/firs?groupBy=district')).json() as { published: boolean; rows: Array<{ group: string; values: { n: number | null } }> };
    expect(exact.published).toBe(false);
    expect(exact.rows.reduce((s, r) => s + (r.values.n ?? 0), 0)).toBe(178);
    expect(exact.rows.some((r) => (r.values.n ?? 0) >= 1 && (r.values.n ?? 0) <= 4)).toBe(true);
    const pub = (await t.call('leadership', 'GET', '/api/v1/figures/firs?groupBy=district')).json() as { published: boolean; rows: Array<{ group: string; values: { n: number | null }; display: { n: string } }> };
    expect(pub.published).toBe(true);
    expect(pub.rows.some((r) => r.values.n !== null && r.values.n >= 1 && r.values.n <= 4)).toBe(false);
    expect(pub.rows.find((r) => r.group === 'total')?.display.n).toBe('178');
    const sentences = (await t.call('leadership', 'GET', '/api/v1/figures/sentences')).json() as { rows: Array<{ part: string; values: Record<string, number | null> }> };
    expect(sentences.rows.find((r) => r.part === 'all')?.values).toMatchObject({ n: 14, min_months: 48, max_months: 120 });
    const arrests = (await t.call('analyst', 'GET', '/api/v1/figures/arrests?to=2025-06-03')).json() as { rows: Array<{ values: { n: number } }> };
    expect(arrests.rows[0]!.values.n).toBe(198);
    const own = await t.call('supA', 'GET', `/api/v1/figures/firs?branchId=${t.branchB}`);
    expect(own.statusCode).toBe(403);
    expect((await t.call('invA', 'GET', '/api/v1/figures/firs')).statusCode).toBe(403);
    expect((await t.call('analyst', 'GET', '/api/v1/figures/nothing_here')).statusCode).toBe(404);
    expect((await t.call('analyst', 'GET', '/api/v1/figures/firs?category=Robbery')).statusCode).toBe(400);
  });
});
