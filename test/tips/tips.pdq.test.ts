import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { typedClient, type TypedClient } from '../support/openapi-client.ts';
import { TESTDATA } from '../support/media-fixtures.ts';
import { hashImageFile } from '../../src/pdq/decode.ts';
import { DEFAULT_PDQ_THRESHOLD } from '../../src/modules/media/match-settings.ts';
import { amaanReport, organisationWithKey } from './support.ts';

// Issue 11, triage: a reported file whose PDQ hash is within the media-matching radius of a hash-set entry or of
// any case's picture is a match for priority, as an exact MD5 or SHA-1 is. The pictures are benign photographs of
// street scenes from the shared PDQ test set; the "reported" hashes are of slightly altered copies.
const { engines } = await detectEngines();

const photo = (name: string) => readFileSync(join(TESTDATA, 'images/labelme-subset', name));
const alteredPdq = async (img: Buffer) =>
  (await hashImageFile(await sharp(img).resize({ width: Math.round((await sharp(img).metadata()).width! * 0.9) }).modulate({ brightness: 1.05 }).jpeg({ quality: 80 }).toBuffer())).hash;
/** A hash at exactly `d` bits from `hex` (the first d bits flipped). */
const flip = (hex: string, d: number) => {
  const bits = [...hex].map((c) => parseInt(c, 16).toString(2).padStart(4, '0')).join('').split('');
  for (let i = 0; i < d; i++) bits[i] = bits[i] === '1' ? '0' : '1';
  return bits.join('').match(/.{4}/g)!.map((b) => parseInt(b, 2).toString(16)).join('');
};

describe.each(engines)('PDQ near-matches at tip intake on %s', (engine) => {
  let t: TestApp;
  let platform: Awaited<ReturnType<typeof organisationWithKey>>;
  let analyst: TypedClient;
  let setHash: string;
  let mediaHash: string;
  let caseId: string;
  let mediaId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    platform = await organisationWithKey(t, `PDQ Platform ${engine}`);
    analyst = typedClient(t.app, { token: t.users.analyst.token });
    setHash = (await hashImageFile(photo('q0746.jpg'))).hash;
    mediaHash = (await hashImageFile(photo('q2821.jpg'))).hash;
    const set = await t.ctx.db.insertInto('hash_sets').values({ name: 'Synthetic PDQ set', source: 'test' }).returning('id').executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('hash_set_entries').values({ hash_set_id: set.id, pdq: setHash, pdq_quality: 100, category: '1' }).execute();
    // A picture seized in a case (its row as ingest writes it).
    caseId = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Seized phone', offenceCodes: ['PECA-22'] })).json().id as string;
    const evidence = await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Phone image', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow();
    const job = await t.ctx.db.insertInto('ingest_jobs').values({ case_id: caseId, evidence_id: evidence.id, root_path: '/seized/phone', status: 'done', files_done: 1 }).returning('id').executeTakeFirstOrThrow();
    mediaId = Number((await t.ctx.db.insertInto('media_files').values({ job_id: job.id, evidence_id: evidence.id, case_id: caseId, rel_path: 'DCIM/a.jpg', size: 1000, media_kind: 'image', pdq: mediaHash, pdq_quality: 100, low_quality: false })
      .returning('id').executeTakeFirstOrThrow()).id);
  }, 120_000);
  afterAll(async () => t?.close());

  const file = async (pdq: string) => {
    const res = await platform.client.POST('/api/v1/tips', { body: amaanReport({ files: [{ name: 'shared.jpg', pdq }] }) });
    if (!res.data) throw new Error(JSON.stringify(res.error));
    const row = await t.ctx.db.selectFrom('tips').select('id').where('receipt', '=', res.data.receipt).executeTakeFirstOrThrow();
    return (await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: row.id } } })).data!;
  };

  it('raises a report whose file is an altered copy of a hash-set picture, with the distance', async () => {
    const reported = await alteredPdq(photo('q0746.jpg'));
    const plain = await file(await alteredPdq(photo('q0122.jpg')));
    const near = await file(reported);
    expect(plain.files[0]!.matches).toEqual([]);
    expect(plain.reasons.map((r) => r.rule)).not.toContain('known_material');
    const m = near.files[0]!.matches;
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ kind: 'hash_set', label: 'Synthetic PDQ set', caseId: null, by: 'pdq' });
    expect(m[0]!.distance).toBeGreaterThan(0);
    expect(m[0]!.distance).toBeLessThanOrEqual(DEFAULT_PDQ_THRESHOLD);
    expect(near.reasons.map((r) => r.rule)).toContain('known_material');
    expect(near.priority).toBeGreaterThan(plain.priority);
  });

  it('matches a case\'s seized picture within the radius and not beyond it, the exact hash at distance 0', async () => {
    const inside = await file(flip(mediaHash, DEFAULT_PDQ_THRESHOLD));
    expect(inside.files[0]!.matches).toEqual([{ kind: 'case_media', label: `media file ${mediaId}`, caseId, by: 'pdq', distance: DEFAULT_PDQ_THRESHOLD }]);
    expect(inside.reasons.map((r) => r.rule)).toContain('case_media_match');
    const outside = await file(flip(mediaHash, DEFAULT_PDQ_THRESHOLD + 1));
    expect(outside.files[0]!.matches).toEqual([]);
    expect(outside.reasons.map((r) => r.rule)).not.toContain('case_media_match');
    const same = await file(mediaHash.toUpperCase());
    expect(same.files[0]!.matches).toEqual([{ kind: 'case_media', label: `media file ${mediaId}`, caseId, by: 'pdq', distance: 0 }]);
  });

  it('sees media ingested after the first tip, and not media deleted since', async () => {
    const later = flip(mediaHash, 128);
    const job = await t.ctx.db.selectFrom('ingest_jobs').select(['id', 'evidence_id']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    const row = await t.ctx.db.insertInto('media_files').values({ job_id: job.id, evidence_id: job.evidence_id, case_id: caseId, rel_path: 'DCIM/b.jpg', size: 1000, media_kind: 'image', pdq: later, pdq_quality: 90, low_quality: false })
      .returning('id').executeTakeFirstOrThrow();
    await sql`UPDATE ingest_jobs SET files_done = files_done + 1 WHERE id = ${job.id}`.execute(t.ctx.db);
    expect((await file(flip(later, 3))).files[0]!.matches).toEqual([{ kind: 'case_media', label: `media file ${row.id}`, caseId, by: 'pdq', distance: 3 }]);
    await t.ctx.db.deleteFrom('media_files').where('id', '=', row.id).execute();
    expect((await file(flip(later, 3))).files[0]!.matches).toEqual([]);
  });
});
