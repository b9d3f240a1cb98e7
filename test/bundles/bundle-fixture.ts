import type { TestApp } from '../support/harness.ts';
import { entityValues, identifierEntityKind, personLinkKind } from '../../src/modules/entities/entity.keys.ts';
import { identityContext } from '../../src/platform/crypto/sealed-fields.ts';
import { sealPlaintext } from '../../src/platform/crypto/seal-at-start.ts';

// A case with something in every table a bundle carries, written through the cases API where that is
// cheap and straight into the tables otherwise (the other modules are tested on their own). All benign,
// invented data.
export const IDENTITY_NAME = 'Zainab Invented-Identity';

export async function richCase(t: TestApp, firNumber: number): Promise<string> {
  const call = async (user: Parameters<TestApp['call']>[0], method: Parameters<TestApp['call']>[1], url: string, body?: unknown) => {
    const res = await t.call(user, method, url, body);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const caseId = (await call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Recreational-centre grooming ring (synthetic)', summary: 'Synthetic bundle test — خلاصہ', offenceCodes: ['PECA-22', 'PPC-377B'], reportedAt: '2025-05-19T08:00:00+05:00' })).id as string;
  await call('supA', 'PUT', `/api/v1/cases/${caseId}/team`, { members: [{ userId: t.users.invA.id, teamRole: 'lead' }, { userId: t.users.invA2.id, teamRole: 'member' }, { userId: t.users.prosecutor.id, teamRole: 'prosecutor' }] });
  await call('invA', 'POST', `/api/v1/cases/${caseId}/transitions`, { to: 'fir_registered', reason: 'cognizable offence', firNumber, at: '2025-05-20T09:00:00+05:00' });
  await call('invA', 'POST', `/api/v1/cases/${caseId}/timeline`, { kind: 'event', body: 'Preservation request sent to the platform', occurredAt: '2025-05-21T10:00:00+05:00' });
  await call('invA2', 'POST', `/api/v1/cases/${caseId}/timeline`, { body: 'نوٹ: گواہ سے رابطہ' });

  const db = t.ctx.db;
  const cnic = `3${String(firNumber).padStart(4, '0')}-1234567-1`;
  const ringleader = (await db.insertInto('persons').values({ display_name: 'Karl Example', gender: 'male', nationality: 'DE', passport: 'C01X00T47', estimated_age: 45, notes: 'foreign national, at large', created_by: t.users.invA.id, created_at: '2025-05-20T10:00:00Z' }).returning('id').executeTakeFirstOrThrow()).id;
  const local = (await db.insertInto('persons').values({ display_name: 'Muhammad Testname', gender: 'male', nationality: 'PK', cnic, date_of_birth: '1990-03-04', created_by: t.users.invA.id, created_at: '2025-05-20T10:01:00Z' }).returning('id').executeTakeFirstOrThrow()).id;
  const witness = (await db.insertInto('persons').values({ display_name: 'Ayesha Witness', gender: 'female', created_by: t.users.invA2.id, created_at: '2025-05-20T10:02:00Z' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('person_names').values([
    { person_id: ringleader, name: 'Karl Example', script: 'latin', kind: 'primary' },
    { person_id: local, name: 'Muhammad Testname', script: 'latin', kind: 'primary' },
    { person_id: local, name: 'محمد ٹیسٹ نام', script: 'urdu', kind: 'variant' },
    { person_id: local, name: 'Mohd Testname', script: 'latin', kind: 'alias' },
    { person_id: witness, name: 'Ayesha Witness', script: 'latin', kind: 'primary' },
  ]).execute();
  // Identifiers as the person form stores them: entities linked person --uses/holds--> entity, no case.
  for (const [personId, kind, value, platform] of [
    [ringleader, 'handle', 'karl_example_123', 'Telegram'],
    [local, 'phone', '+923001234567', null],
    [local, 'wallet', 'JC-0300-1234567', 'JazzCash'],
  ] as const) {
    const e = entityValues(identifierEntityKind[kind]!, value, platform, { unverified: true });
    const entity = await db.insertInto('entities').values({ kind: e.kind, key: e.key, display: e.display, platform: e.platform, attributes: JSON.stringify(e.attributes) }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('links').values({ kind: personLinkKind(e.kind), from_type: 'person', from_id: personId, to_type: 'entity', to_id: entity.id, source_type: 'person', source_id: personId }).execute();
  }
  await db.insertInto('case_persons').values([
    { case_id: caseId, person_id: ringleader, role: 'ringleader', accused_status: 'proclaimed_offender', foreign_warrant_requested: true, added_at: '2025-05-20T11:00:00Z' },
    { case_id: caseId, person_id: local, role: 'suspect', accused_status: 'judicial_remand', added_at: '2025-05-20T11:01:00Z' },
    { case_id: caseId, person_id: local, role: 'facilitator', accused_status: null, added_at: '2025-05-20T11:02:00Z' },
    { case_id: caseId, person_id: witness, role: 'witness', accused_status: null, added_at: '2025-05-20T11:03:00Z' },
  ]).execute();
  // Warrants one by one: a red notice for the ringleader abroad, an arrest warrant executed on the local man.
  await db.insertInto('warrants').values([
    { case_id: caseId, person_id: ringleader, kind: 'interpol_red_notice', status: 'issued', issued_on: '2025-05-21', country: 'DE', reference: 'A-0000/5-2025 (synthetic)', notes: 'requested through the NCB', created_by: t.users.invA.id, created_at: '2025-05-21T10:00:00Z', updated_at: '2025-05-21T10:00:00Z' },
    { case_id: caseId, person_id: local, kind: 'arrest_warrant', status: 'executed', issued_on: '2025-05-22', country: null, reference: null, notes: '', created_by: t.users.invA.id, created_at: '2025-05-22T10:00:00Z', updated_at: '2025-05-23T14:00:00Z' },
  ]).execute();
  await db.insertInto('accused_status_history').values([
    { case_id: caseId, person_id: local, from_status: 'at_large', to_status: 'arrested', reason: 'arrested in the raid', actor_id: t.users.invA.id, at: '2025-05-23T14:00:00Z' },
    { case_id: caseId, person_id: local, from_status: 'arrested', to_status: 'judicial_remand', reason: 'court order', actor_id: t.users.invA.id, at: '2025-05-25T09:00:00Z' },
  ]).execute();

  const victims = [];
  for (const [i, state] of (['recovered', 'placed'] as const).entries()) {
    const pseudonym = `V-2025-${String(8000 + firNumber * 10 + i).padStart(4, '0')}`;
    const v = (await db.insertInto('victims').values({ pseudonym, gender: i ? 'male' : 'female', age_at_identification: 8 + i, state, identified_at: '2025-05-10T00:00:00Z', recovered_at: '2025-05-23T15:00:00Z', placed_at: state === 'placed' ? '2025-05-24T00:00:00Z' : null }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('victim_identities').values({ victim_id: v, key_id: t.ctx.crypto.keyId, ciphertext: t.ctx.crypto.encryptJson({ fullName: `${IDENTITY_NAME} ${i}`, guardianContact: '0300-0000000' }, identityContext(v)), context_version: 2 }).execute();
    await db.insertInto('case_victims').values({ case_id: caseId, victim_id: v, added_at: '2025-05-23T16:00:00Z' }).execute();
    victims.push({ id: v, pseudonym });
  }

  const raid = (await db.insertInto('operations').values({ case_id: caseId, name: 'Raid on the recreational centre', status: 'executed', planned_for: '2025-05-23T06:00:00Z', place: 'Muzaffargarh', agencies: ['NCCIA', 'Punjab Police'], approved_by: t.users.supA.id, approved_at: '2025-05-22T12:00:00Z', executed_at: '2025-05-23T06:10:00Z', duration_minutes: 300, notes: 'five hours', created_by: t.users.invA.id, created_at: '2025-05-21T00:00:00Z' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('operations').values({ case_id: caseId, name: 'Second site (called off)', status: 'cancelled', planned_for: '2025-06-01T06:00:00Z', place: 'Kot Addu', created_by: t.users.invA.id, created_at: '2025-05-26T00:00:00Z', cancelled_at: '2025-05-30T00:00:00Z', cancelled_by: t.users.supA.id, cancel_reason: 'site vacated' }).execute();
  await db.insertInto('arrests').values({ case_id: caseId, person_id: local, operation_id: raid, arrested_at: '2025-05-23T08:00:00Z', place: 'centre', created_by: t.users.invA.id }).execute();
  for (const v of victims) await db.insertInto('rescues').values({ operation_id: raid, victim_id: v.id, rescued_at: '2025-05-23T09:00:00Z' }).execute();
  const phone = (await db.insertInto('evidence_items').values({ case_id: caseId, label: 'EV-1 phone', kind: 'phone', description: 'Android handset', operation_id: raid, seized_at: '2025-05-23T09:30:00Z', custodian_id: t.users.invA2.id, created_by: t.users.invA.id, created_at: '2025-05-23T10:00:00Z' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('custody_transfers').values([
    { evidence_id: phone, from_user_id: null, to_user_id: t.users.invA.id, reason: 'seized', at: '2025-05-23T09:30:00Z', recorded_by: t.users.invA.id },
    { evidence_id: phone, from_user_id: t.users.invA.id, to_user_id: t.users.invA2.id, reason: 'to the forensic desk', at: '2025-05-24T09:30:00Z', recorded_by: t.users.invA.id },
  ]).execute();
  await db.insertInto('evidence_items').values({ case_id: caseId, label: 'EV-2 ledger', kind: 'document', created_by: t.users.invA.id, created_at: '2025-05-24T10:00:00Z' }).execute();
  await db.insertInto('charges').values({ case_id: caseId, person_id: local, offence_code: 'PECA-22', court: 'Sessions Court Muzaffargarh', framed_at: '2025-08-01T00:00:00Z', created_by: t.users.prosecutor.id }).execute();
  await db.insertInto('hearings').values([
    { case_id: caseId, court: 'Sessions Court Muzaffargarh', scheduled_for: '2025-08-15T05:00:00Z', purpose: 'evidence', outcome: 'adjourned', created_by: t.users.prosecutor.id },
    { case_id: caseId, court: 'Sessions Court Muzaffargarh', scheduled_for: '2025-09-15T05:00:00Z', purpose: 'arguments', outcome: null, created_by: t.users.prosecutor.id },
  ]).execute();
  const verdict = (await db.insertInto('verdicts').values({ case_id: caseId, person_id: local, outcome: 'convicted', court: 'Sessions Court Muzaffargarh', decided_at: '2025-10-01T00:00:00Z', sentence_months: 84, fine_rupees: 500000, created_by: t.users.prosecutor.id }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('appeals').values({ verdict_id: verdict, court: 'Lahore High Court, Multan Bench', filed_at: '2025-10-20T00:00:00Z', filed_by: 'defence', status: 'pending', created_by: null }).execute();
  // Rows written straight into the tables hold CNIC/passport in plaintext: sealed as at every start.
  await sealPlaintext(t.ctx);
  return caseId;
}
