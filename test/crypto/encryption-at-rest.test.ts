import { createCipheriv, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import { createFieldCrypto, keyIdOf } from '../../src/platform/crypto/field-crypto.ts';
import { plaintextLeft, sealPlaintext } from '../../src/platform/crypto/seal-at-start.ts';
import { reencryptIdentities } from '../../src/modules/victims/identity.reencrypt.ts';
import { getPerson, searchPersons } from '../../src/modules/persons/person.service.ts';

// Issue 8 item 6: ciphertext bound to its record and field; CNIC/passport and care records encrypted with
// keyed blind indexes; existing rows sealed at start; rotation covering every encrypted column.
const { engines } = await detectEngines();
const HARNESS_KEY = Buffer.alloc(32, 7); // the key test/support/harness.ts gives every test app

/** What the code before migration 0009 wrote: AES-256-GCM without associated data. */
function legacyEncrypt(key: Buffer, value: unknown): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

describe.each(engines)('encryption at rest on %s', (engine) => {
  let t: TestApp;
  let caseId: string;
  const victims: string[] = [];
  const persons: Array<{ id: string; cnic: string; passport: string }> = [];
  const call = async (user: Parameters<TestApp['call']>[0], method: Parameters<TestApp['call']>[1], url: string, body?: unknown, status = 200) => {
    const res = await t.call(user, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const rawRows = async (table: 'persons' | 'placements' | 'followups' | 'victim_identities') =>
    (await sql<{ j: string }>`SELECT row_to_json(x)::text AS j FROM ${sql.table(table)} x`.execute(t.ctx.db)).rows.map((r) => r.j).join('\n');

  beforeAll(async () => {
    t = await createTestApp(engine);
    caseId = (await call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Encryption test case', summary: 'synthetic', offenceCodes: ['PECA-22'] }, 201)).id;
    for (const [i, name] of ['Testchild Alpha', 'Testchild Beta'].entries()) {
      const v = await call('invA', 'POST', `/api/v1/cases/${caseId}/victims`, { gender: 'female', ageAtIdentification: 9 + i, identity: { fullName: name, address: `Invented Street ${i + 1}` } }, 201);
      victims.push(v.id);
      await call('supA', 'POST', `/api/v1/victims/${v.id}/assignments`, { userId: t.users.prot.id });
      await call('prot', 'POST', `/api/v1/victims/${v.id}/transitions`, { to: 'recovered', reason: 'recovered in a test' });
    }
    for (const [i, v] of victims.entries()) {
      const placed = await t.call('prot', 'POST', `/api/v1/victims/${v}/placements`, { kind: 'shelter', facility: `Imaginary Shelter ${i + 1}`, notes: `Placement note ${i + 1}` });
      expect(placed.statusCode, placed.body).toBeLessThan(300);
      const followed = await t.call('prot', 'POST', `/api/v1/victims/${v}/followups`, { kind: 'medical', dueAt: '2030-01-01T00:00:00Z', notes: `Followup note ${i + 1}` });
      expect(followed.statusCode, followed.body).toBeLessThan(300);
    }
    for (const [i, cnic] of ['35202-1234567-1', '35202-7654321-3'].entries()) {
      const passport = `TP00${i}9876`;
      const p = await call('invA', 'POST', '/api/v1/persons', { displayName: `Invented Person ${i + 1}`, cnic, passport }, 201);
      persons.push({ id: p.id, cnic, passport });
    }
  });
  afterAll(async () => t?.close());

  it('stores no plaintext CNIC, passport, facility or care notes (raw columns), and answers them to those allowed', async () => {
    const personText = await rawRows('persons');
    for (const p of persons) {
      expect(personText).not.toContain(p.cnic);
      expect(personText).not.toContain(p.cnic.replace(/-/g, ''));
      expect(personText).not.toContain(p.passport);
    }
    const raw = await t.ctx.db.selectFrom('persons').select(['cnic', 'passport', 'sealed', 'cnic_bidx']).where('id', 'in', persons.map((p) => p.id)).execute();
    expect(raw.every((r) => r.cnic === null && r.passport === null && r.sealed !== null && /^[0-9a-f]{64}$/.test(r.cnic_bidx!))).toBe(true);
    const care = `${await rawRows('placements')}\n${await rawRows('followups')}`;
    expect(care).not.toMatch(/Imaginary Shelter|Placement note|Followup note/);
    expect(await plaintextLeft(t.ctx)).toBe(0);

    const person = await call('invA', 'GET', `/api/v1/persons/${persons[0]!.id}`);
    expect(person).toMatchObject({ cnic: persons[0]!.cnic, passport: persons[0]!.passport });
    const found = await call('invA', 'GET', `/api/v1/persons?cnic=${persons[1]!.cnic}`);
    expect(found.items.map((p: { id: string; cnic: string }) => [p.id, p.cnic])).toEqual([[persons[1]!.id, persons[1]!.cnic]]);
    expect((await call('invA', 'GET', `/api/v1/persons?passport=${persons[0]!.passport}`)).items.map((p: { id: string }) => p.id)).toEqual([persons[0]!.id]);
    const victim = await call('prot', 'GET', `/api/v1/victims/${victims[0]}`);
    expect(victim.care.placements[0]).toMatchObject({ facility: 'Imaginary Shelter 1', notes: 'Placement note 1' });
    expect(victim.care.followups[0]).toMatchObject({ notes: 'Followup note 1' });
    expect(victim.currentPlacement.facility).toBe('Imaginary Shelter 1');
    // and an update keeps the other number
    expect((await t.call('invA', 'PATCH', `/api/v1/persons/${persons[0]!.id}`, { cnic: '35202-1111111-1' })).statusCode).toBeLessThan(300);
    const updated = await call('invA', 'GET', `/api/v1/persons/${persons[0]!.id}`);
    expect(updated).toMatchObject({ cnic: '35202-1111111-1', passport: persons[0]!.passport });
    persons[0]!.cnic = '35202-1111111-1';
    expect((await call('invA', 'GET', `/api/v1/persons?cnic=35202-1234567-1`)).total).toBe(0);
  });

  it('a ciphertext copied to another row is refused with a clear 409, audited, never decrypted as the other record', async () => {
    const [one, two] = victims as [string, string];
    const src = await t.ctx.db.selectFrom('victim_identities').select(['key_id', 'ciphertext']).where('victim_id', '=', one).executeTakeFirstOrThrow();
    const saved = await t.ctx.db.selectFrom('victim_identities').select(['ciphertext']).where('victim_id', '=', two).executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('victim_identities').set({ key_id: src.key_id, ciphertext: src.ciphertext }).where('victim_id', '=', two).execute();
    const res = await t.call('prot', 'GET', `/api/v1/victims/${two}/identity`);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/does not belong to this record/);
    expect(res.body).not.toContain('Testchild Alpha');
    // a write through the copied row is refused the same way, changing nothing
    const write = await t.call('prot', 'PATCH', `/api/v1/victims/${two}/identity`, { notes: 'x' });
    expect(write.statusCode).toBe(409);
    expect(Buffer.from((await t.ctx.db.selectFrom('victim_identities').select('ciphertext').where('victim_id', '=', two).executeTakeFirstOrThrow()).ciphertext).equals(Buffer.from(src.ciphertext))).toBe(true);
    const audits = await t.ctx.db.selectFrom('audit_log').select(['entity_id', 'details', 'actor_id']).where('action', '=', 'crypto.decrypt_refused').execute();
    expect(audits.filter((a) => a.entity_id === two)).toHaveLength(2);
    expect(audits[0]!.actor_id).toBe(t.users.prot.id);
    expect(JSON.stringify(audits)).not.toContain('Testchild');
    expect((await call('prot', 'GET', `/api/v1/victims/${one}/identity`)).fullName).toBe('Testchild Alpha');
    await t.ctx.db.updateTable('victim_identities').set({ ciphertext: saved.ciphertext }).where('victim_id', '=', two).execute();
    expect((await call('prot', 'GET', `/api/v1/victims/${two}/identity`)).fullName).toBe('Testchild Beta');

    // care records and identity numbers are bound the same way
    const [p1, p2] = await Promise.all(victims.map((v) => t.ctx.db.selectFrom('placements').select(['id', 'sealed', 'sealed_key_id']).where('victim_id', '=', v).executeTakeFirstOrThrow()));
    await t.ctx.db.updateTable('placements').set({ sealed: p1!.sealed }).where('id', '=', p2!.id).execute();
    expect((await t.call('prot', 'GET', `/api/v1/victims/${two}`)).statusCode).toBe(409);
    expect((await t.call('prot', 'GET', '/api/v1/victims?assigned=me')).statusCode).toBe(409);
    await t.ctx.db.updateTable('placements').set({ sealed: p2!.sealed }).where('id', '=', p2!.id).execute();
    expect((await t.call('prot', 'GET', `/api/v1/victims/${two}`)).json().care.placements[0].facility).toBe('Imaginary Shelter 2');

    const [a, b] = await Promise.all(persons.map((p) => t.ctx.db.selectFrom('persons').select(['id', 'sealed', 'sealed_key_id', 'cnic_bidx']).where('id', '=', p.id).executeTakeFirstOrThrow()));
    await t.ctx.db.updateTable('persons').set({ sealed: a!.sealed }).where('id', '=', b!.id).execute();
    const person = await t.call('invA', 'GET', `/api/v1/persons/${b!.id}`);
    expect(person.statusCode).toBe(409);
    expect(person.body).not.toContain(persons[0]!.cnic);
    await t.ctx.db.updateTable('persons').set({ sealed: b!.sealed }).where('id', '=', b!.id).execute();
    expect((await call('invA', 'GET', `/api/v1/persons/${b!.id}`)).cnic).toBe(persons[1]!.cnic);
  });

  it('seals rows written before the migration at start: legacy identities bound, plaintext numbers and care records encrypted, once, audited', async () => {
    const db = t.ctx.db;
    const legacyVictim = (await db.insertInto('victims').values({ pseudonym: 'V-2020-9001', state: 'recovered', recovered_at: '2020-01-02T00:00:00Z' }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('case_victims').values({ case_id: caseId, victim_id: legacyVictim }).execute();
    await db.insertInto('victim_assignments').values({ victim_id: legacyVictim, user_id: t.users.prot.id }).execute();
    await db.insertInto('victim_identities').values({ victim_id: legacyVictim, key_id: keyIdOf(HARNESS_KEY), ciphertext: legacyEncrypt(HARNESS_KEY, { fullName: 'Legacy Testchild' }), context_version: 1 }).execute();
    // Before the start-up step a legacy row is not read as bound: a clear refusal, not the data of another row.
    expect((await t.call('prot', 'GET', `/api/v1/victims/${legacyVictim}/identity`)).statusCode).toBe(409);
    const oldPerson = (await db.insertInto('persons').values({ display_name: 'Legacy Person', cnic: '61101-2345678-9', passport: 'LG1234567', created_by: t.users.invA.id }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('placements').values({ victim_id: legacyVictim, kind: 'family', facility: 'Legacy Family Home', started_at: '2020-01-03T00:00:00Z', notes: 'legacy placement note' }).execute();
    await db.insertInto('followups').values({ victim_id: legacyVictim, kind: 'legal', due_at: '2020-02-01T00:00:00Z', notes: 'legacy followup note' }).execute();
    expect(await plaintextLeft(t.ctx)).toBe(3);

    const report = await sealPlaintext(t.ctx, 1);
    expect(report).toEqual({ identitiesUpgraded: 1, identitiesNotUpgraded: 0, persons: 1, placements: 1, followups: 1 });
    expect(await plaintextLeft(t.ctx)).toBe(0);
    expect(await sealPlaintext(t.ctx)).toEqual({ identitiesUpgraded: 0, identitiesNotUpgraded: 0, persons: 0, placements: 0, followups: 0 });
    const all = `${await rawRows('persons')}\n${await rawRows('placements')}\n${await rawRows('followups')}`;
    expect(all).not.toMatch(/61101-2345678-9|6110123456789|LG1234567|Legacy Family Home|legacy placement note|legacy followup note/);
    expect((await db.selectFrom('victim_identities').select('context_version').where('victim_id', '=', legacyVictim).executeTakeFirstOrThrow()).context_version).toBe(2);

    expect((await call('prot', 'GET', `/api/v1/victims/${legacyVictim}/identity`)).fullName).toBe('Legacy Testchild');
    const detail = await call('prot', 'GET', `/api/v1/victims/${legacyVictim}`);
    expect(detail.care.placements[0]).toMatchObject({ facility: 'Legacy Family Home', notes: 'legacy placement note' });
    expect(detail.care.followups[0].notes).toBe('legacy followup note');
    expect(await call('invA', 'GET', `/api/v1/persons/${oldPerson}`)).toMatchObject({ cnic: '61101-2345678-9', passport: 'LG1234567' });
    expect((await call('invA', 'GET', '/api/v1/persons?cnic=61101-2345678-9')).items.map((p: { id: string }) => p.id)).toEqual([oldPerson]);

    const trail = await db.selectFrom('audit_log').select(['details', 'actor_name']).where('action', '=', 'crypto.seal').execute();
    expect(trail.map((e) => (e.details as { table: string }).table).sort()).toEqual(['followups', 'persons', 'placements', 'victim_identities']);
    expect(JSON.stringify(trail)).not.toMatch(/Legacy|61101|LG123/);
  });

  it('rotation re-encrypts every encrypted column and re-keys the blind indexes', async () => {
    const newKey = Buffer.alloc(32, 9);
    const during: ServiceContext = { ...t.ctx, crypto: createFieldCrypto([newKey, HARNESS_KEY]), actor: systemActor('test-rotation') };
    const asInv = (c: ServiceContext): ServiceContext => ({ ...c, actor: { id: t.users.invA.id, username: 'inva', displayName: 'inva', role: 'investigator', branchId: t.branchA, ip: null } });
    // Mid-rotation, look-ups find rows still indexed under the earlier key.
    expect((await searchPersons(asInv(during), { cnic: persons[1]!.cnic, limit: 10, offset: 0 } as never)).total).toBe(1);
    const bidxBefore = (await t.ctx.db.selectFrom('persons').select('cnic_bidx').where('id', '=', persons[1]!.id).executeTakeFirstOrThrow()).cnic_bidx;
    const result = await reencryptIdentities(during);
    expect(result.missing).toEqual([]);
    expect(result.reencrypted).toBeGreaterThanOrEqual(3 + 2 + 3 + 3);
    const keyIds = await sql<{ k: string }>`
      SELECT key_id AS k FROM victim_identities UNION SELECT sealed_key_id FROM persons WHERE sealed_key_id IS NOT NULL
      UNION SELECT sealed_key_id FROM placements UNION SELECT sealed_key_id FROM followups`.execute(t.ctx.db);
    expect(keyIds.rows.map((r) => r.k)).toEqual([keyIdOf(newKey)]);
    expect((await t.ctx.db.selectFrom('persons').select('cnic_bidx').where('id', '=', persons[1]!.id).executeTakeFirstOrThrow()).cnic_bidx).not.toBe(bidxBefore);
    // With the earlier key retired, everything reads and every look-up finds.
    const after: ServiceContext = { ...t.ctx, crypto: createFieldCrypto([newKey]), actor: systemActor('test-rotation') };
    expect((await searchPersons(asInv(after), { cnic: persons[1]!.cnic, limit: 10, offset: 0 } as never)).items.map((p) => p.id)).toEqual([persons[1]!.id]);
    expect((await searchPersons(asInv(after), { passport: persons[0]!.passport, limit: 10, offset: 0 } as never)).items.map((p) => p.id)).toEqual([persons[0]!.id]);
    expect((await getPerson(asInv(after), persons[0]!.id)).passport).toBe(persons[0]!.passport);
    const trail = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'data_key.reencrypt').execute();
    expect(new Set(trail.map((e) => (e.details as { table: string }).table))).toEqual(new Set(['victim_identities', 'persons', 'placements', 'followups', 'record_corrections']));
  });
});
