import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { bundleDigest } from '../../src/modules/bundles/bundle.service.ts';
import { installationKeyOf, signBundle } from '../../src/modules/bundles/bundle.signing.ts';
import { caseBundle, type CaseBundle } from '../../src/modules/bundles/bundle.schema.ts';
import { IDENTITY_NAME, richCase } from './bundle-fixture.ts';

const { engines } = await detectEngines();

/** The bundle with the source's ids replaced by what they point at, and arrays in a stable order. */
export function normalise(b: CaseBundle): unknown {
  const person = new Map(b.persons.map((p) => [p.id, p.cnic ?? p.displayName]));
  const victim = new Map(b.victims.map((v) => [v.id, v.pseudonym]));
  const operation = new Map(b.operations.map((o) => [o.id, o.name]));
  const swap = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((v) => swap(v)).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([k]) => k !== 'id')
          .map(([k, v]) => [k, swap(v, k)]),
      );
    }
    if (typeof value === 'string') {
      if (key === 'personId') return person.get(value);
      if (key === 'victimId') return victim.get(value);
      if (key === 'operationId') return operation.get(value);
    }
    return value;
  };
  // The team is not carried over (a bundle cannot name officers): compared apart.
  const { exportedAt: _a, exportedBy: _b, digest: _c, source: _d, signature: _e, team: _f, ...rest } = b;
  return swap(rest);
}

describe.each(engines)('case bundles on %s', (engine) => {
  let t: TestApp;
  let caseId: string;
  let bundle: CaseBundle;
  beforeAll(async () => {
    t = await createTestApp(engine);
    caseId = await richCase(t, 23);
  });
  afterAll(async () => t?.close());

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of ['cases', 'persons', 'person_names', 'victims', 'case_victims', 'operations', 'evidence_items', 'custody_transfers', 'verdicts', 'appeals', 'case_events', 'audit_log'] as const) {
      out[table] = Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    }
    return out;
  };
  const importAs = (user: UserKey, branchId: number, body: unknown) => t.call(user, 'POST', `/api/v1/bundles/import?branchId=${branchId}`, body);

  it('exports the whole case as a versioned, digested bundle, audited, with victims by pseudonym only', async () => {
    const res = await t.call('invA', 'GET', `/api/v1/cases/${caseId}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="fir-23-\d{4}-.+\.amaan\.json"/);
    bundle = res.json();
    expect(caseBundle.safeParse(bundle).success).toBe(true);
    expect(bundle).toMatchObject({ format: 'amaan.case-bundle', version: 2, exportedBy: 'inva' });
    expect(bundle.digest).toBe(bundleDigest(bundle));
    expect(bundle.signature).toMatchObject({ algorithm: 'ed25519', keyId: installationKeyOf(t.ctx.config).keyId });
    expect(bundle.case).toMatchObject({ title: 'Recreational-centre grooming ring (synthetic)', status: 'fir_registered', firNumber: 23 });
    expect(bundle.offences).toEqual(['PECA-22', 'PPC-377B']);
    expect(bundle.team.map((m) => `${m.username}:${m.teamRole}`).sort()).toEqual(['inva2:member', 'inva:lead', 'prosecutor:prosecutor']);
    expect(bundle.statusHistory.map((h) => h.to)).toEqual(['complaint_received', 'fir_registered']);
    expect(bundle.timeline).toHaveLength(2);
    expect(bundle.persons).toHaveLength(3);
    expect(bundle.persons.find((p) => p.cnic)!.names.map((n) => n.name)).toContain('محمد ٹیسٹ نام');
    expect(bundle.personRoles).toHaveLength(4);
    expect(bundle.accusedHistory).toHaveLength(2);
    expect(bundle.victims.map((v) => v.state).sort()).toEqual(['placed', 'recovered']);
    expect(bundle.operations.map((o) => o.status).sort()).toEqual(['cancelled', 'executed']);
    expect([bundle.arrests.length, bundle.rescues.length, bundle.evidence.length, bundle.charges.length, bundle.hearings.length, bundle.verdicts.length]).toEqual([1, 2, 2, 1, 2, 1]);
    expect(bundle.evidence.find((e) => e.label === 'EV-1 phone')!.custody.map((c) => c.to)).toEqual(['inva', 'inva2']);
    expect(bundle.verdicts[0]!.appeals).toHaveLength(1);
    // Warrants travel one by one (kind, status, date, country, reference), not as the old single flag.
    expect(bundle.warrants!.map((w) => `${w.kind}:${w.status}:${w.country ?? '-'}:${w.createdBy}`).sort()).toEqual(['arrest_warrant:executed:-:inva', 'interpol_red_notice:issued:DE:inva']);
    // Never an identity: not the name, not the field names, not the ciphertext.
    expect(res.body).not.toContain(IDENTITY_NAME);
    expect(res.body).not.toMatch(/fullName|guardian|ciphertext|identity"/i);
    for (const v of bundle.victims) expect(Object.keys(v).sort()).toEqual(['addedAt', 'ageAtIdentification', 'closedAt', 'gender', 'id', 'identifiedAt', 'placedAt', 'pseudonym', 'recoveredAt', 'state']);
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.export').where('entity_id', '=', caseId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!).toMatchObject({ actor_id: t.users.invA.id, details: expect.objectContaining({ digest: bundle.digest }) });
  });

  it('lets only those who see the case export it', async () => {
    for (const user of ['supA', 'analyst'] as const) expect((await t.call(user, 'GET', `/api/v1/cases/${caseId}/export`)).statusCode, user).toBe(200);
    for (const user of ['invB', 'supB'] as const) expect((await t.call(user, 'GET', `/api/v1/cases/${caseId}/export`)).statusCode, user).toBe(404);
    for (const user of ['admin', 'auditor', 'leadership', 'prot', 'prosecutor'] as const) expect((await t.call(user, 'GET', `/api/v1/cases/${caseId}/export`)).statusCode, user).toBe(403);
  });

  it('round-trips: imported into another branch, the case exports to the same normalised bundle', async () => {
    const before = await counts();
    const res = await importAs('supB', t.branchB, bundle);
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json();
    // supB sees neither branch A's CNIC holder nor its children: new records, nothing linked, nothing told.
    expect(result).toMatchObject({ branchId: t.branchB, firLabel: 'FIR 23/2025', personsMatchedByCnic: 0, victimsLinked: 0, signer: { name: 'this installation' } });
    expect(result.teamNotApplied.map((m: { username: string }) => m.username).sort()).toEqual(['inva', 'inva2', 'prosecutor']);
    expect(result.caseId).not.toBe(caseId);
    expect(result.counts).toMatchObject({ persons: 3, victims: 2, operations: 2, evidence: 2, custody: 2, appeals: 1 });
    const after = await counts();
    expect(after.cases - before.cases).toBe(1);
    expect(after.persons - before.persons).toBe(3);
    expect(after.victims - before.victims).toBe(2);
    expect(after.case_victims - before.case_victims).toBe(2);
    // No team from the bundle: the branch assigns its own.
    expect(await t.ctx.db.selectFrom('case_team').select('user_id').where('case_id', '=', result.caseId).execute()).toEqual([]);

    const again = (await t.call('supB', 'GET', `/api/v1/cases/${result.caseId}/export`)).json() as CaseBundle;
    expect(again.case.id).toBe(result.caseId);
    expect(again.team).toEqual([]);
    const renamed = new Map(result.pseudonymsChanged.map((p: { from: string; to: string }) => [p.to, p.from]));
    for (const v of again.victims) v.pseudonym = (renamed.get(v.pseudonym) as string | undefined) ?? v.pseudonym;
    expect(normalise(again)).toEqual(normalise(bundle));
    // The warrants came across as they were: no extra one made from the ringleader's old flag.
    expect(await t.ctx.db.selectFrom('warrants').select(['kind', 'status', 'reference']).where('case_id', '=', result.caseId).orderBy('kind').execute()).toEqual([
      { kind: 'arrest_warrant', status: 'executed', reference: null },
      { kind: 'interpol_red_notice', status: 'issued', reference: 'A-0000/5-2025 (synthetic)' },
    ]);
    // Identifiers are entities: the imported persons are linked (source 'bundle') to the SAME entity rows as the
    // originals — one entity per value across form and bundle — and the persons are not merged.
    const bundled = await t.ctx.db.selectFrom('links').select('to_id').where('source_type', '=', 'bundle').where('source_id', '=', result.caseId).execute();
    const original = await t.ctx.db.selectFrom('links').select('to_id').where('source_type', '=', 'person').where('from_id', 'in', bundle.persons.map((p) => p.id)).execute();
    expect(bundled).toHaveLength(3);
    expect(new Set(bundled.map((l) => l.to_id))).toEqual(new Set(original.map((l) => l.to_id)));
    // The analyst, who sees both, is offered the matches: the CNIC holder and both children.
    const suggestions = (await t.call('analyst', 'GET', '/api/v1/bundles/match-suggestions?status=open')).json();
    expect(suggestions.items.filter((x: { importedCaseId: string }) => x.importedCaseId === result.caseId).map((x: { reason: string }) => x.reason).sort()).toEqual(['same_cnic', 'same_passport', 'same_victim_record', 'same_victim_record']);
    expect((await t.call('supB', 'GET', '/api/v1/bundles/match-suggestions')).json().total).toBe(0);
    // The import is on the trail, with its source.
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.import').where('entity_id', '=', result.caseId).executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(t.users.supB.id);
    expect(audit.details).toMatchObject({ sourceCaseId: caseId, digest: bundle.digest });
    // Imported names are searchable like any other (the spelling-tolerant key is computed on import).
    const keys = await t.ctx.db.selectFrom('person_names').select('name_key').where('name', '=', 'Ayesha Witness').execute();
    expect(keys.some((k) => k.name_key.length > 0)).toBe(true);
  });

  it('into another installation: new victim records without identities, taken pseudonyms renumbered', async () => {
    const other = await createTestApp(engine);
    try {
      // Refused until an administrator of the receiving installation trusts the sender's key.
      const refused = await other.call('admin', 'POST', `/api/v1/bundles/import?branchId=${other.branchA}`, bundle);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].field).toBe('signature.keyId');
      expect(refused.json().detail).toMatch(/does not trust/);
      const pub = (await t.call('admin', 'GET', '/api/v1/admin/installation-key')).json();
      const trusted = await other.call('admin', 'POST', '/api/v1/admin/trusted-installations', { name: 'Test source installation', publicKey: pub.publicKey, keyId: pub.keyId });
      expect(trusted.statusCode, trusted.body).toBe(201);
      const taken = bundle.victims[0]!.pseudonym;
      await other.ctx.db.insertInto('victims').values({ pseudonym: taken, gender: 'unknown' }).execute();
      const res = await other.call('admin', 'POST', `/api/v1/bundles/import?branchId=${other.branchA}`, bundle);
      expect(res.statusCode, res.body).toBe(201);
      const result = res.json();
      expect(result).toMatchObject({ personsMatchedByCnic: 0, victimsLinked: 0 });
      expect(result.signer.name).toBe('Test source installation');
      expect(result.pseudonymsChanged).toEqual([{ from: taken, to: expect.stringMatching(/^V-2025-\d{4,}$/) }]);
      const victims = await other.ctx.db.selectFrom('case_victims').innerJoin('victims', 'victims.id', 'case_victims.victim_id').select(['victims.id', 'victims.pseudonym']).where('case_id', '=', result.caseId).execute();
      expect(victims).toHaveLength(2);
      const identities = await other.ctx.db.selectFrom('victim_identities').select('victim_id').where('victim_id', 'in', victims.map((v) => v.id)).execute();
      expect(identities).toEqual([]);
      const history = await other.ctx.db.selectFrom('victim_state_history').select(['to_state', 'reason']).where('victim_id', 'in', victims.map((v) => v.id)).execute();
      expect(history).toHaveLength(2);
      const again = (await other.call('supA', 'GET', `/api/v1/cases/${result.caseId}/export`)).json() as CaseBundle;
      const renamed = again.victims.find((v) => v.pseudonym === result.pseudonymsChanged[0].to)!;
      renamed.pseudonym = taken;
      expect(normalise(again)).toEqual(normalise(bundle));
      expect(again.signature!.keyId).toBe(installationKeyOf(other.ctx.config).keyId);
    } finally {
      await other.close();
    }
  }, 180_000); // starts a second installation (migrations, seed): slow on a busy machine

  const withDigest = (b: Omit<CaseBundle, 'digest'>) => ({ ...b, digest: bundleDigest(b as CaseBundle) });
  /** Re-signed by this installation: for refusals that must get past the signature check. */
  const resigned = (b: Omit<CaseBundle, 'digest'>) => signBundle(installationKeyOf(t.ctx.config), { ...withDigest(b), signature: undefined });
  const strangerKey = installationKeyOf({ keyDir: '/nonexistent', signingKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });

  const refusals: Array<[string, (b: CaseBundle) => unknown, number, string]> = [
    ['altered content (signature no longer matches)', (b) => ({ ...b, case: { ...b.case, title: 'Quietly renamed' } }), 400, 'signature'],
    ['altered content with the digest recomputed', (b) => withDigest({ ...b, persons: b.persons.map((p) => ({ ...p, notes: 'planted' })) }), 400, 'signature'],
    ['no signature', (b) => ({ ...b, signature: undefined }), 400, 'signature'],
    ['a signature by an unknown key', (b) => signBundle(strangerKey, { ...b, signature: undefined }), 400, 'signature.keyId'],
    ['a signature naming this installation but made by another key', (b) => {
      const forged = signBundle(strangerKey, { ...b, signature: undefined } as Record<string, unknown>);
      return { ...forged, signature: { algorithm: 'ed25519', keyId: b.signature!.keyId, publicKey: b.signature!.publicKey, value: forged.signature.value } };
    }, 400, 'signature'],
    ['an unsigned version 1 bundle', (b) => ({ ...b, version: 1, signature: undefined }), 400, 'body.version'],
    ['a victim identity smuggled in', (b) => ({ ...b, victims: b.victims.map((v) => ({ ...v, fullName: 'Someone' })) }), 400, 'body.victims.0.fullName'],
    ['a dangling person reference', (b) => ({ ...b, arrests: [{ ...b.arrests[0]!, personId: '6f1c2b9e-4d3a-4c5b-9e8f-0a1b2c3d4e5f' }] }), 400, 'body.arrests.0.personId'],
    ['a bad CNIC', (b) => ({ ...b, persons: b.persons.map((p) => (p.cnic ? { ...p, cnic: '12345' } : p)) }), 400, 'body.persons.1.cnic'],
    ['another format', (b) => ({ ...b, format: 'something-else' }), 400, 'body.format'],
    ['a future version', (b) => ({ ...b, version: 3 }), 400, 'body.version'],
    ['an executed operation without its time', (b) => ({ ...b, operations: b.operations.map((o) => ({ ...o, executedAt: null })) }), 400, 'body.operations.0.executedAt'],
    ['not an object', () => [1, 2, 3], 400, 'body'],
  ];
  it.each(refusals)('refuses %s with 400 naming the field, storing nothing', async (_name, tamper, status, field) => {
    const before = await counts();
    const res = await importAs('admin', t.branchB, tamper(structuredClone(bundle)));
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });


  it('refuses unknown users and unknown offences by name, storing nothing', async () => {
    const before = await counts();
    const fresh = { ...bundle, case: { ...bundle.case, firNumber: 777 } };
    const users = await importAs('admin', t.branchB, resigned({ ...fresh, team: [...bundle.team, { username: 'ghost.officer', teamRole: 'member', addedAt: bundle.case.createdAt }], hearings: bundle.hearings.map((h) => ({ ...h, createdBy: 'nobody.here' })) }));
    expect(users.statusCode).toBe(400);
    expect(users.json().errors[0]).toEqual({ field: 'usernames', message: expect.stringContaining('nobody.here') });
    expect(users.json().detail).not.toContain('ghost.officer'); // the team is not applied, so not needed here
    const offences = await importAs('admin', t.branchB, resigned({ ...fresh, offences: [...bundle.offences, 'NOPE-999'] }));
    expect(offences.statusCode).toBe(400);
    expect(offences.json().errors[0].field).toBe('offences');
    expect(offences.json().detail).toContain('NOPE-999');
    expect(await counts()).toEqual(before);
  });

  it('refuses a FIR number already taken in the target branch, storing nothing', async () => {
    const before = await counts();
    const res = await importAs('supA', t.branchA, bundle);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('case.firNumber');
    expect(res.json().detail).toMatch(/FIR 23\/2025 already exists in Muzaffargarh/);
    expect(await counts()).toEqual(before);
  });

  it('lets supervisors import only into their own branch, and other roles not at all', async () => {
    const res = await importAs('supA', t.branchB, bundle);
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].field).toBe('branchId');
    for (const user of ['invA', 'analyst', 'auditor', 'prot', 'prosecutor', 'leadership'] as const) expect((await importAs(user, t.branchA, bundle)).statusCode, user).toBe(403);
    expect((await importAs('admin', 999_999, resigned({ ...bundle, case: { ...bundle.case, firNumber: 999, firYear: 2025 } }))).statusCode).toBe(400);
  });
});
