import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { addPerson, addVictim, openCase, setTeam } from '../operations/case-fixtures.ts';
import { bundleDigest } from '../../src/modules/bundles/bundle.service.ts';
import { installationKeyOf, signBundle } from '../../src/modules/bundles/bundle.signing.ts';
import type { CaseBundle } from '../../src/modules/bundles/bundle.schema.ts';
import { get, pdf, upload } from './document-support.ts';

// Case bundles carry the documents of the case, its operations and its hearings, each version with its bytes and
// SHA-256 under the bundle's signature; the import checks them and refuses a bundle whose file does not match.
const { engines } = await detectEngines();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(engines)('documents in case bundles on %s', (engine) => {
  let t: TestApp;
  let dataDir: string;
  let caseA: string;
  let bundle: CaseBundle;
  const files = { caseV1: pdf('bundle case v1'), caseV2: pdf('bundle case v2'), operation: pdf('bundle operation'), hearing: Buffer.from('Hearing order, synthetic text.\n') };
  const resign = (b: CaseBundle): CaseBundle => {
    const { digest: _d, signature: _s, ...rest } = b;
    return signBundle(installationKeyOf(t.ctx.config), { ...rest, digest: bundleDigest(rest as CaseBundle) });
  };
  const importB = (b: unknown) => t.call('supB', 'POST', `/api/v1/bundles/import?branchId=${t.branchB}`, b);
  const storedFiles = async () => {
    const root = join(dataDir, 'documents');
    let n = 0;
    for (const d of (await readdir(root).catch(() => [] as string[])).filter((x) => x !== '.incoming')) n += (await readdir(join(root, d))).length;
    return n;
  };
  const rows = async () => Number((await t.ctx.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(engine);
    dataDir = await mkdtemp(join(tmpdir(), 'amaan-documents-bundle-'));
    t.ctx.config.dataDir = dataDir;
    caseA = await openCase(t, 'Bundle documents case', 'invA');
    await setTeam(t, caseA, ['invA'], 'supA');
    const person = await addPerson(t, caseA, 'Bundle Accused');
    const victim = (await addVictim(t, caseA)).id;
    await t.call('supA', 'POST', `/api/v1/victims/${victim}/assignments`, { userId: t.users.prot.id });
    const op = (await t.call('invA', 'POST', `/api/v1/cases/${caseA}/operations`, { name: 'Bundle raid', plannedFor: '2026-01-05T05:00:00+05:00', place: 'Testpur' })).json().id as string;
    const hearing = (await t.ctx.db.insertInto('hearings').values({ case_id: caseA, court: 'Sessions Court Testpur', scheduled_for: new Date('2025-09-01T04:00:00Z'), purpose: 'bail', created_by: t.users.invA.id })
      .returning('id').executeTakeFirstOrThrow()).id;
    const doc = (await upload(t, 'invA', `/api/v1/cases/${caseA}/documents`, { title: 'FIR copy', type: 'fir_copy', documentDate: '2025-01-03' }, { name: 'fir.pdf', content: files.caseV1 })).json();
    expect((await upload(t, 'invA', `/api/v1/documents/${doc.id}/versions`, {}, { name: 'fir-2.pdf', content: files.caseV2 })).statusCode).toBe(201);
    expect((await upload(t, 'invA', `/api/v1/operations/${op}/documents`, { title: 'Raid warrant', type: 'warrant' }, { name: 'warrant.pdf', content: files.operation })).statusCode).toBe(201);
    expect((await upload(t, 'invA', `/api/v1/hearings/${hearing}/documents`, { title: 'Bail order', type: 'court_order' }, { name: 'order.txt', content: files.hearing })).statusCode).toBe(201);
    // Not carried: a person's document and a care document.
    expect((await upload(t, 'invA', `/api/v1/persons/${person}/documents`, { title: 'Person paper', type: 'other' }, { name: 'p.pdf', content: pdf('person') })).statusCode).toBe(201);
    expect((await upload(t, 'prot', `/api/v1/victims/${victim}/care-documents`, { title: 'Care paper', type: 'medical_report' }, { name: 'c.pdf', content: pdf('care') })).statusCode).toBe(201);
    const res = await t.call('invA', 'GET', `/api/v1/cases/${caseA}/export`);
    expect(res.statusCode, res.body).toBe(200);
    bundle = res.json();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exports the case, operation and hearing documents with every version and its SHA-256, signed', () => {
    const docs = bundle.documents ?? [];
    expect(docs.map((d) => [d.attachedTo, d.title, d.versions.length]).sort()).toEqual([['case', 'FIR copy', 2], ['hearing', 'Bail order', 1], ['operation', 'Raid warrant', 1]]);
    for (const d of docs) for (const v of d.versions) expect(sha256(Buffer.from(v.content, 'base64'))).toBe(v.sha256);
    expect(docs.find((d) => d.attachedTo === 'case')!.versions.map((v) => v.sha256)).toEqual([sha256(files.caseV1), sha256(files.caseV2)]);
    expect(docs.find((d) => d.attachedTo === 'hearing')!.hearingIndex).toBe(0);
    expect(JSON.stringify(bundle)).not.toContain('Care paper');
    expect(JSON.stringify(bundle)).not.toContain('Person paper');
    expect(bundle.signature).toBeTruthy();
  });

  it('imports the documents, each version checked, and serves the same bytes', async () => {
    const res = await importB(bundle);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().counts.documents).toBe(3);
    const newCase = res.json().caseId as string;
    const list = (await get(t, 'supB', `/api/v1/cases/${newCase}/documents`)).json();
    expect(list.items[0].versions.map((v: { sha256: string }) => v.sha256)).toEqual([sha256(files.caseV2), sha256(files.caseV1)]);
    const first = await get(t, 'supB', `/api/v1/documents/${list.items[0].id}/download?version=1`);
    expect(first.rawPayload.equals(files.caseV1)).toBe(true);
    const ops = (await t.call('supB', 'GET', `/api/v1/cases/${newCase}/operations`)).json().items;
    expect((await get(t, 'supB', `/api/v1/operations/${ops[0].id}/documents`)).json().items[0].title).toBe('Raid warrant');
  });

  it('refuses a bundle whose document does not match its SHA-256, naming it, and keeps nothing', async () => {
    const before = { rows: await rows(), files: await storedFiles() };
    const bad = structuredClone(bundle);
    bad.documents![0]!.versions[0]!.content = pdf('swapped in transit').toString('base64');
    const res = await importB(resign(bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('documents.0.versions.0.content');
    // Changing a document without re-signing breaks the signature instead.
    const unsigned = structuredClone(bundle);
    unsigned.documents![0]!.title = 'Altered';
    expect((await importB(unsigned)).statusCode).toBe(400);
    expect({ rows: await rows(), files: await storedFiles() }).toEqual(before);
  });

  it('refuses a bundled file that matches a hash set, and records it', async () => {
    const set = await t.ctx.db.insertInto('hash_sets').values({ name: `Bundle set ${engine}`, source: 'synthetic' }).returning('id').executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('hash_set_entries').values({ hash_set_id: set.id, sha256: sha256(files.operation), attributes: '{}' }).execute();
    const before = { rows: await rows(), files: await storedFiles() };
    const res = await importB(bundle);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toContain('cannot be kept as a document');
    expect({ rows: await rows(), files: await storedFiles() }).toEqual(before);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'document.refused').execute();
    expect(audit.some((a) => (a.details as { during?: string }).during === 'case import')).toBe(true);
    await t.ctx.db.deleteFrom('hash_set_entries').where('hash_set_id', '=', set.id).execute();
  });

  it('still imports a bundle without documents (older bundles)', async () => {
    const { documents: _gone, ...older } = structuredClone(bundle);
    const res = await importB(resign(older as CaseBundle));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().counts.documents).toBe(0);
  });

  it('refuses to export a case whose stored document no longer matches its SHA-256, and records it', async () => {
    const v = await t.ctx.db.selectFrom('document_versions').innerJoin('documents', 'documents.id', 'document_versions.document_id')
      .innerJoin('operations', 'operations.id', 'documents.operation_id').select('storage_key').where('operations.case_id', '=', caseA).executeTakeFirstOrThrow();
    await writeFile(join(dataDir, 'documents', v.storage_key.slice(0, 2), v.storage_key), pdf('altered on disk'));
    const res = await t.call('invA', 'GET', `/api/v1/cases/${caseA}/export`);
    expect(res.statusCode).toBe(409);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'document.integrity_failed').execute();
    expect(audit.some((a) => (a.details as { during?: string }).during === 'case export')).toBe(true);
  });
});
