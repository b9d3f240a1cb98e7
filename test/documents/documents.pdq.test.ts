import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { syntheticImage, TESTDATA } from '../support/media-fixtures.ts';
import { openCase } from '../operations/case-fixtures.ts';
import { hashImageFile } from '../../src/pdq/decode.ts';
import { DEFAULT_PDQ_THRESHOLD } from '../../src/modules/media/match-settings.ts';
import { pdfJpegStreams } from '../../src/modules/documents/document.pictures.ts';
import { upload } from './document-support.ts';

// Issue 10, item 4: a document is not a place for seized media. Beyond exact digests, a picture near a hash set's
// PDQ hash (an altered copy: resized, re-encoded, brightened) is refused and the attempt recorded, also when it
// sits inside a PDF as a JPEG. The pictures are benign photographs of street scenes from the shared PDQ test set and generated colour fields.
const { engines } = await detectEngines();

const hamming = (a: string, b: string) => {
  let d = 0;
  for (let i = 0; i < 64; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) { d += x & 1; x >>>= 1; }
  }
  return d;
};

/** A slightly altered copy: a tenth smaller, brighter, saved again as JPEG (new bytes and digests, the same picture). */
const alter = async (img: Buffer) => sharp(img).resize({ width: Math.round((await sharp(img).metadata()).width! * 0.9) }).modulate({ brightness: 1.05 }).jpeg({ quality: 80 }).toBuffer();
/** Benign photographs of the shared PDQ test set (LabelMe scenes, good PDQ quality). */
const photo = (name: string) => readFileSync(join(TESTDATA, 'images/labelme-subset', name));

function pdfWithPicture(jpeg: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', compress: true });
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.text('Scanned statement (synthetic).');
    doc.image(jpeg, 50, 100, { width: 300 });
    doc.end();
  });
}

describe('the JPEGs inside a PDF', () => {
  it('are found as stored (DCTDecode streams) and nothing else is taken for one', async () => {
    const jpeg = await syntheticImage(3, 320, 240, 'jpeg');
    const streams = pdfJpegStreams(await pdfWithPicture(jpeg));
    expect(streams).toHaveLength(1);
    expect(Buffer.compare(streams[0]!, jpeg)).toBe(0);
    expect(pdfJpegStreams(await pdfWithPicture(photo('q0746.jpg')))).toHaveLength(1);
    expect(pdfJpegStreams(Buffer.from('%PDF-1.4\n1 0 obj<</Length 3>>stream\nabc\nendstream endobj\n%%EOF'))).toEqual([]);
  });
});

describe.each(engines)('documents near a hash set picture on %s', (engine) => {
  let t: TestApp;
  let dataDir: string;
  let caseA: string;
  let setId: string;
  let known: Buffer;
  let knownPdq: string;
  const audits = async (action: string) => t.ctx.db.selectFrom('audit_log').select(['entity_id', 'details']).where('action', '=', action).orderBy('seq').execute();
  const docCount = async () => Number((await t.ctx.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(engine);
    dataDir = await mkdtemp(join(tmpdir(), 'amaan-documents-pdq-'));
    t.ctx.config.dataDir = dataDir;
    caseA = await openCase(t, 'Documents PDQ case', 'invA');
    known = photo('q0746.jpg');
    knownPdq = (await hashImageFile(known)).hash;
    // A hash set that knows the picture by its PDQ hash only (no digest of the file uploaded below).
    setId = (await t.ctx.db.insertInto('hash_sets').values({ name: `PDQ set ${engine}`, source: 'synthetic' }).returning('id').executeTakeFirstOrThrow()).id;
    await t.ctx.db.insertInto('hash_set_entries').values({ hash_set_id: setId, pdq: knownPdq, pdq_quality: 100, attributes: '{}' }).execute();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses an altered copy of a known picture, with the neutral message, and records the attempt with the distance', async () => {
    const copy = await alter(known);
    const d = hamming((await hashImageFile(copy)).hash, knownPdq);
    expect(d).toBeGreaterThan(0); // not the same hash: only the perceptual check can catch it
    expect(d).toBeLessThanOrEqual(DEFAULT_PDQ_THRESHOLD);
    const before = await docCount();
    const res = await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'Photo of the scene', type: 'other' }, { name: 'scene.jpg', content: copy });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ field: 'file', message: expect.stringContaining('cannot be kept as a document') }]);
    expect(res.body).not.toContain(setId);
    expect(await docCount()).toBe(before);
    const refused = await audits('document.refused');
    expect(refused.at(-1)).toMatchObject({ entity_id: caseA, details: { reason: 'hash_set_near_match', matchedOn: ['pdq'], distance: d, hashSetIds: [setId] } });
  });

  it('refuses a PDF carrying the altered picture as a JPEG', async () => {
    const before = (await audits('document.refused')).length;
    const res = await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'Scanned statement', type: 'statement' }, { name: 'statement.pdf', content: await pdfWithPicture(await alter(known)) });
    expect(res.statusCode, res.body).toBe(400);
    const refused = await audits('document.refused');
    expect(refused).toHaveLength(before + 1);
    expect(refused.at(-1)).toMatchObject({ details: { reason: 'hash_set_near_match', mediaType: 'application/pdf', hashSetIds: [setId] } });
  });

  it('accepts an unrelated picture and a PDF with one, and records that they were compared', async () => {
    const other = photo('q0122.jpg');
    expect(hamming((await hashImageFile(other)).hash, knownPdq)).toBeGreaterThan(DEFAULT_PDQ_THRESHOLD);
    const res = await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'Map of the area', type: 'other' }, { name: 'map.jpg', content: other });
    expect(res.statusCode, res.body).toBe(201);
    const inPdf = await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'Site plan', type: 'other' }, { name: 'plan.pdf', content: await pdfWithPicture(other) });
    expect(inPdf.statusCode, inPdf.body).toBe(201);
    const uploads = await audits('document.upload');
    expect(uploads.at(-2)).toMatchObject({ details: { mediaType: 'image/jpeg', perceptual: { pictures: 1 } } });
    expect(uploads.at(-1)).toMatchObject({ details: { mediaType: 'application/pdf', perceptual: { pictures: 1 } } });
  });

  it('sees a hash set imported after the first upload (the known index is brought up to date)', async () => {
    const later = photo('q2821.jpg');
    const set2 = (await t.ctx.db.insertInto('hash_sets').values({ name: `PDQ set later ${engine}`, source: 'synthetic' }).returning('id').executeTakeFirstOrThrow()).id;
    await t.ctx.db.insertInto('hash_set_entries').values({ hash_set_id: set2, pdq: (await hashImageFile(later)).hash, attributes: '{}' }).execute();
    const res = await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'Another photo', type: 'other' }, { name: 'later.jpg', content: await alter(later) });
    expect(res.statusCode, res.body).toBe(400);
    expect((await audits('document.refused')).at(-1)).toMatchObject({ details: { reason: 'hash_set_near_match', hashSetIds: [set2] } });
    // A deleted hash set no longer refuses anything, though its hashes were in the index.
    await t.ctx.db.deleteFrom('hash_sets').where('id', '=', set2).execute();
    const again = await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'Another photo', type: 'other' }, { name: 'later.jpg', content: await alter(later) });
    expect(again.statusCode, again.body).toBe(201);
  });
});
