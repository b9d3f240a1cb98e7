import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { addPerson, addVictim, openCase, setTeam } from '../operations/case-fixtures.ts';
import { get, pdf, upload } from './document-support.ts';

const { engines } = await detectEngines();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(engines)('documents on %s', (engine) => {
  let t: TestApp;
  let dataDir: string;
  let caseA: string;
  let caseB: string;
  let personA: string;
  let victimA: string;
  let operationA: string;
  let hearingA: string;
  const storedFiles = async () => {
    const root = join(dataDir, 'documents');
    const subs = (await readdir(root).catch(() => [] as string[])).filter((d) => d !== '.incoming');
    let n = 0;
    for (const d of subs) n += (await readdir(join(root, d))).length;
    return n;
  };
  const audits = async (action: string) => t.ctx.db.selectFrom('audit_log').select(['entity_id', 'details', 'actor_name']).where('action', '=', action).orderBy('seq').execute();
  const docCount = async () => Number((await t.ctx.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(engine);
    dataDir = await mkdtemp(join(tmpdir(), 'amaan-documents-test-'));
    t.ctx.config.dataDir = dataDir; // the storage lives in <data folder>/documents
    caseA = await openCase(t, 'Documents case A', 'invA');
    await setTeam(t, caseA, ['invA', 'prosecutor'], 'supA');
    caseB = await openCase(t, 'Documents case B', 'invB');
    personA = await addPerson(t, caseA, 'Documents Accused A');
    victimA = (await addVictim(t, caseA)).id;
    const assigned = await t.call('supA', 'POST', `/api/v1/victims/${victimA}/assignments`, { userId: t.users.prot.id });
    expect(assigned.statusCode).toBe(200);
    const op = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/operations`, { name: 'Documents raid', plannedFor: '2026-01-05T05:00:00+05:00', place: 'Testpur market' });
    operationA = op.json().id;
    hearingA = (await t.ctx.db.insertInto('hearings').values({ case_id: caseA, court: 'Sessions Court Testpur', scheduled_for: new Date('2025-09-01T04:00:00Z'), purpose: 'framing of charges', created_by: t.users.prosecutor.id })
      .returning('id').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uploads a document with its SHA-256, keeps versions, and serves each version as an audited attachment', async () => {
    const v1 = pdf('FIR copy version one');
    const res = await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'FIR 123/2025 copy', type: 'fir_copy', documentDate: '2025-01-03' }, { name: 'fir-123.pdf', content: v1, type: 'text/html' });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ ownerKind: 'case', ownerId: caseA, title: 'FIR 123/2025 copy', type: 'fir_copy', documentDate: '2025-01-03', createdBy: 'Test invA' });
    // The type is read from the content, not from the claimed text/html.
    expect(doc.versions).toEqual([expect.objectContaining({ version: 1, fileName: 'fir-123.pdf', mediaType: 'application/pdf', size: v1.length, sha256: sha256(v1) })]);

    const v2 = pdf('FIR copy version two, certified');
    const again = await upload(t, 'prosecutor', `/api/v1/documents/${doc.id}/versions`, {}, { name: 'fir-123-certified.pdf', content: v2 });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().versions.map((v: { version: number; sha256: string }) => [v.version, v.sha256])).toEqual([[2, sha256(v2)], [1, sha256(v1)]]);

    const list = await get(t, 'analyst', `/api/v1/cases/${caseA}/documents`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(list.json().items[0].versions).toHaveLength(2);

    const newest = await get(t, 'invA', `/api/v1/documents/${doc.id}/download`);
    expect(newest.statusCode, newest.body).toBe(200);
    expect(newest.rawPayload.equals(v2)).toBe(true);
    expect(newest.headers['content-disposition']).toMatch(/^attachment; filename="fir-123-certified\.pdf"/);
    expect(newest.headers['x-content-type-options']).toBe('nosniff');
    expect(newest.headers['content-security-policy']).toContain('sandbox');
    expect(newest.headers['content-type']).toBe('application/pdf');
    expect(newest.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256(v2), 'hex').toString('base64')}:`);
    const first = await get(t, 'analyst', `/api/v1/documents/${doc.id}/download?version=1`);
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(v1)).toBe(true);
    const missing = await get(t, 'invA', `/api/v1/documents/${doc.id}/download?version=7`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().errors[0].field).toBe('version');

    const downloads = await audits('document.download');
    expect(downloads.map((a) => [a.entity_id, a.actor_name, (a.details as { version: number }).version])).toEqual([[doc.id, 'inva', 2], [doc.id, 'analyst', 1]]);
    expect((await audits('document.upload')).length).toBe(1);
    expect((await audits('document.version')).length).toBe(1);
  });

  it('attaches documents to a person, an operation and a hearing, reached through their case', async () => {
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 200, g: 180, b: 40 } } }).png().toBuffer();
    for (const [url, name] of [[`/api/v1/persons/${personA}/documents`, 'person'], [`/api/v1/operations/${operationA}/documents`, 'operation'], [`/api/v1/hearings/${hearingA}/documents`, 'hearing']] as const) {
      const res = await upload(t, 'invA', url, { title: `Paper of the ${name}`, type: name === 'hearing' ? 'court_order' : 'correspondence' }, { name: `${name}.png`, content: png });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ ownerKind: name, versions: [{ mediaType: 'image/png' }] });
      expect((await get(t, 'invA', url)).json().total).toBe(1);
      // Another branch's investigator: the owner is out of reach, exactly like a missing one.
      const other = await get(t, 'invB', url);
      expect(other.statusCode).toBe(404);
      expect((await upload(t, 'invB', url, { title: 'x', type: 'other' }, { name: 'x.png', content: png })).statusCode).toBe(404);
      expect((await get(t, 'invB', `/api/v1/documents/${res.json().id}/download`)).statusCode).toBe(404);
    }
  });

  it('refuses a document of a case the caller may not reach, and answers as for a missing one', async () => {
    const res = await upload(t, 'invB', `/api/v1/cases/${caseA}/documents`, { title: 'Not mine', type: 'other' }, { name: 'a.pdf', content: pdf('x') });
    const missing = await upload(t, 'invB', `/api/v1/cases/${randomUUID()}/documents`, { title: 'Not mine', type: 'other' }, { name: 'a.pdf', content: pdf('x') });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe(missing.json().detail);
    const mine = await upload(t, 'invB', `/api/v1/cases/${caseB}/documents`, { title: 'Branch B paper', type: 'statement' }, { name: 'b.pdf', content: pdf('branch B') });
    expect(mine.statusCode).toBe(201);
    for (const user of ['invA', 'prosecutor', 'prot', 'supA'] as const) {
      expect((await get(t, user, `/api/v1/documents/${mine.json().id}`)).statusCode, user).toBe(404);
      expect((await get(t, user, `/api/v1/documents/${mine.json().id}/download`)).statusCode, user).toBe(404);
    }
    expect((await get(t, 'supB', `/api/v1/documents/${mine.json().id}/download`)).statusCode).toBe(200);
    // Roles without documents: 403 before anything else.
    for (const user of ['leadership', 'admin', 'auditor'] as const) expect((await get(t, user, `/api/v1/cases/${caseA}/documents`)).statusCode, user).toBe(403);
  });

  it('keeps care documents for the assigned protection officer only', async () => {
    const url = `/api/v1/victims/${victimA}/care-documents`;
    const res = await upload(t, 'prot', url, { title: 'Medical examination report', type: 'medical_report', documentDate: '2025-02-01' }, { name: 'medical.txt', content: Buffer.from('Synthetic medical note: examined, no injuries recorded.\n') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().versions[0].mediaType).toBe('text/plain');
    expect((await get(t, 'prot', url)).json().total).toBe(1);
    const dl = await get(t, 'prot', `/api/v1/documents/${res.json().id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('text/plain; charset=utf-8');
    // The case team, the supervisor, the analyst and another protection officer: as if it did not exist.
    for (const user of ['invA', 'supA', 'analyst', 'prosecutor', 'prot2'] as const) {
      expect((await get(t, user, url)).statusCode, user).toBe(404);
      expect((await get(t, user, `/api/v1/documents/${res.json().id}`)).statusCode, user).toBe(404);
      expect((await get(t, user, `/api/v1/documents/${res.json().id}/download`)).statusCode, user).toBe(404);
    }
    expect((await upload(t, 'invA', url, { title: 'x', type: 'other' }, { name: 'x.txt', content: Buffer.from('x') })).statusCode).toBe(404);
    // Nor does it show among the case's documents.
    expect((await get(t, 'invA', `/api/v1/cases/${caseA}/documents`)).body).not.toContain(res.json().id);
  });

  it('refuses a file that matches a hash set with a neutral message, stores nothing and records the attempt', async () => {
    const known = Buffer.from('%PDF-1.4\n% synthetic known-file stand-in for the hash-set test\n%%EOF\n');
    const set = await t.ctx.db.insertInto('hash_sets').values({ name: `Documents test set ${engine}`, source: 'synthetic' }).returning('id').executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('hash_set_entries').values({ hash_set_id: set.id, md5: createHash('md5').update(known).digest('hex'), attributes: '{}' }).execute();
    const before = { docs: await docCount(), files: await storedFiles() };
    const res = await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'Looks like a statement', type: 'statement' }, { name: 'statement.pdf', content: known });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'file', message: expect.stringContaining('cannot be kept as a document') }]);
    expect(res.body).not.toContain(set.id);
    expect(res.body.toLowerCase()).not.toContain('hash');
    expect({ docs: await docCount(), files: await storedFiles() }).toEqual(before);
    const refused = await audits('document.refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ entity_id: caseA, actor_name: 'inva', details: { reason: 'hash_set_match', matchedOn: ['md5'], hashSetIds: [set.id], sha256: sha256(known) } });
    // A new version is checked the same way.
    const doc = (await get(t, 'invA', `/api/v1/cases/${caseA}/documents`)).json().items[0];
    const asVersion = await upload(t, 'invA', `/api/v1/documents/${doc.id}/versions`, {}, { name: 'v.pdf', content: known });
    expect(asVersion.statusCode).toBe(400);
    expect(await audits('document.refused')).toHaveLength(2);
  });

  it('refuses programs, web pages, SVG and scripts by their content, whatever their name, and empty or oversized files', async () => {
    const url = `/api/v1/cases/${caseA}/documents`;
    const before = { docs: await docCount(), files: await storedFiles() };
    const bad: Array<[string, Buffer]> = [
      ['report.pdf', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)])], // an ELF program
      ['letter.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)])],
      ['notes.txt', Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
      ['picture.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ['run.txt', Buffer.from('#!/bin/sh\necho synthetic\n')],
      ['archive.docx', Buffer.from('PK\u0003\u0004 not really an office file, just a zip header')],
    ];
    for (const [name, content] of bad) {
      const res = await upload(t, 'invA', url, { title: 'Should not be kept', type: 'other' }, { name, content });
      expect([400, 415], `${name}: ${res.body}`).toContain(res.statusCode);
      expect(res.json().errors[0].field, name).toBe('file');
    }
    const empty = await upload(t, 'invA', url, { title: 'Empty', type: 'other' }, { name: 'empty.pdf', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    const limit = t.ctx.config.documentMaxBytes;
    t.ctx.config.documentMaxBytes = 4096;
    try {
      const big = await upload(t, 'invA', url, { title: 'Too big', type: 'other' }, { name: 'big.txt', content: Buffer.alloc(5000, 'a') });
      expect(big.statusCode, big.body).toBe(413);
      expect(big.json().errors[0].field).toBe('file');
    } finally {
      t.ctx.config.documentMaxBytes = limit;
    }
    expect({ docs: await docCount(), files: await storedFiles() }).toEqual(before);
  });

  it('refuses bad fields naming them, and a body that is not multipart', async () => {
    const url = `/api/v1/cases/${caseA}/documents`;
    const before = await docCount();
    const cases: Array<[Record<string, string>, string]> = [
      [{ type: 'other' }, 'title'],
      [{ title: 'x', type: 'love_letter' }, 'type'],
      [{ title: 'x', type: 'other', documentDate: '2025-13-40' }, 'documentDate'],
      [{ title: 'x', type: 'other', colour: 'red' }, 'colour'],
    ];
    for (const [fields, field] of cases) {
      const res = await upload(t, 'invA', url, fields, { name: 'a.pdf', content: pdf('fields') });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    const noFile = await upload(t, 'invA', url, { title: 'x', type: 'other' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors[0].field).toBe('file');
    const json = await t.call('invA', 'POST', url, { title: 'x', type: 'other' });
    expect(json.statusCode).toBe(415);
    expect(await docCount()).toBe(before);
  });

  it('refuses and records a download whose stored file no longer matches its SHA-256, or is gone', async () => {
    const content = pdf('statement to be tampered with');
    const res = await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'Witness statement', type: 'statement' }, { name: 'statement.pdf', content });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const key = (await t.ctx.db.selectFrom('document_versions').select('storage_key').where('document_id', '=', id).executeTakeFirstOrThrow()).storage_key;
    const path = join(dataDir, 'documents', key.slice(0, 2), key);
    await writeFile(path, pdf('statement, altered on disk'));
    const tampered = await get(t, 'invA', `/api/v1/documents/${id}/download`);
    expect(tampered.statusCode).toBe(409);
    expect(tampered.json().errors[0].field).toBe('sha256');
    const failed = await audits('document.integrity_failed');
    expect(failed.at(-1)).toMatchObject({ entity_id: id, details: { problem: 'checksum_mismatch', expected: sha256(content) } });
    expect((await audits('document.download')).some((a) => a.entity_id === id)).toBe(false);
    await rm(path);
    const gone = await get(t, 'invA', `/api/v1/documents/${id}/download`);
    expect(gone.statusCode).toBe(409);
    expect((await audits('document.integrity_failed')).at(-1)).toMatchObject({ entity_id: id, details: { problem: 'missing' } });
  });
});
