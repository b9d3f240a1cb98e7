import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/platform/db/database.ts';
import { migrations } from '../../src/platform/db/migrations/index.ts';
import { seedReferenceData } from '../../src/modules/reference/reference.seed.ts';
import { createScratchDatabase, detectEngines } from '../support/engines.ts';

// Migration 0031 reads the sentences written before codes once: the server's own lines get their code and values,
// an officer's words and unknown wordings keep code NULL (shown as written). Both engines.
const { engines, postgresUrl } = await detectEngines();

describe.each(engines)('migration 0031 (server sentences by code) on %s', (engine) => {
  it('backfills case_events, case_status_history and victim_state_history from the old sentences', async () => {
    const scratch = engine === 'postgres' ? await createScratchDatabase(postgresUrl!) : undefined;
    const { db, close } = await openDatabase({ url: scratch?.url, poolSize: 2 });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
      const to30 = await migrator.migrateTo('0030_ops_readiness');
      expect(to30.error).toBeUndefined();
      await seedReferenceData(db);
      const branch = (await sql<{ id: number }>`SELECT id FROM branches ORDER BY id LIMIT 1`.execute(db)).rows[0]!.id;
      const caseId = (await sql<{ id: string }>`INSERT INTO cases (branch_id, title, summary, status) VALUES (${branch}, 'Old case', 'synthetic', 'complaint_received') RETURNING id`.execute(db)).rows[0]!.id;
      const events: Array<[string, string]> = [
        ['operation', 'Operation Khel Ghar planned for 2025-05-23T04:00:00+05:00 at Testpur'],
        ['operation', 'Operation Khel Ghar executed (5 h): 2 arrested, 10 children rescued, 6 items seized'],
        ['person', 'Victim V-2025-0001: identified → recovered'],
        ['person', 'Nadir Test: at large → physical remand (court order)'],
        ['person', 'Qasim Test added as complicit family'],
        ['person', 'Nadir Test: interpol red notice requested (RN-1)'],
        ['evidence', 'Evidence item EV-1 (media_folder) recorded'],
        ['event', 'Takedown at Example Host Ltd removed: https://example.invalid/x'],
        ['event', 'preservation request sent to Example Platform; deadline 2025-06-01T00:00:00.000Z'],
        ['event', 'Tip T-1: 2 identifier(s), 1 reported file(s).\n- a.jpg, MD5 00'],
        ['prosecution', 'Nadir Test convicted by Sessions Court Testpur, sentenced to 7 years 0 months'],
        ['prosecution', 'Appeal at High Court Testpur dismissed'],
        ['note', 'Operation Khel Ghar approved'], // an officer's note: never coded
        ['event', 'Final report (challan) submitted.'], // demo narrative: no template
      ];
      for (const [kind, body] of events) await sql`INSERT INTO case_events (case_id, kind, body) VALUES (${caseId}, ${kind}, ${body})`.execute(db);
      await sql`INSERT INTO case_status_history (case_id, from_status, to_status, reason) VALUES (${caseId}, NULL, 'complaint_received', 'complaint received'), (${caseId}, 'complaint_received', 'fir_registered', 'FIR lodged')`.execute(db);
      const victimId = (await sql<{ id: string }>`INSERT INTO victims (pseudonym, state) VALUES ('V-2025-0001', 'placed') RETURNING id`.execute(db)).rows[0]!.id;
      await sql`INSERT INTO victim_state_history (victim_id, from_state, to_state, reason) VALUES (${victimId}, NULL, 'identified', 'identified'), (${victimId}, 'recovered', 'placed', 'placed (child protection bureau)'), (${victimId}, 'placed', 'closed', 'family reunited')`.execute(db);
      // Custody reasons (migration 0033): the server's two first-link reasons coded, an officer's left as written.
      const userId = (await sql<{ id: string }>`INSERT INTO users (username, display_name, role, password_hash) VALUES ('custodian.test', 'Custodian Test', 'investigator', 'x') RETURNING id`.execute(db)).rows[0]!.id;
      for (const [label, reason, from] of [['EV-OP', 'seized in operation Khel Ghar', null], ['EV-CLI', 'media imaged from /evidence/laptop 1', null], ['EV-OFF', 'seized in operation Khel Ghar', userId], ['EV-OWN', 'handed over at the station', null]] as const) {
        const evId = (await sql<{ id: string }>`INSERT INTO evidence_items (case_id, label, kind) VALUES (${caseId}, ${label}, 'phone') RETURNING id`.execute(db)).rows[0]!.id;
        await sql`INSERT INTO custody_transfers (evidence_id, from_user_id, to_user_id, reason) VALUES (${evId}, ${from}, ${userId}, ${reason})`.execute(db);
      }

      await migrateToLatest(db);

      const custody = (await sql<{ reason: string; code: string | null; params: unknown }>`SELECT reason, code, params FROM custody_transfers ORDER BY id`.execute(db)).rows;
      expect(custody.map((r) => [r.code, typeof r.params === 'string' ? JSON.parse(r.params) : r.params])).toEqual([
        ['custodySeizedInOperation', { name: 'Khel Ghar' }], ['custodyMediaImaged', { folder: '/evidence/laptop 1' }], [null, null], [null, null],
      ]);

      const params = (p: unknown) => (typeof p === 'string' ? JSON.parse(p) : p) as Record<string, string> | null;
      const rows = (await sql<{ body: string; code: string | null; params: unknown }>`SELECT body, code, params FROM case_events ORDER BY id`.execute(db)).rows.map((r) => ({ ...r, params: params(r.params) }));
      expect(rows.map((r) => r.code)).toEqual([
        'operationPlanned', 'operationExecuted', 'victimStep', 'accusedStep', 'personAdded', 'warrantRecordedReference', 'evidenceRecorded', 'takedownStep',
        'legalRequestSentDeadline', 'tipCarried', 'verdictConvictedSentenced', 'appealDecided', null, null,
      ]);
      expect(rows[0]!.params).toEqual({ name: 'Khel Ghar', at: '2025-05-23T04:00:00+05:00', place: 'Testpur' });
      expect(rows[3]!.params).toEqual({ person: 'Nadir Test', from: 'at_large', to: 'physical_remand', reason: 'court order' });
      expect(rows[4]!.params).toEqual({ person: 'Qasim Test', role: 'complicit_family' });
      expect(rows[5]!.params).toEqual({ person: 'Nadir Test', kind: 'interpol_red_notice', status: 'requested', reference: 'RN-1' });
      expect(rows[7]!.params).toEqual({ provider: 'Example Host Ltd', status: 'removed', target: 'https://example.invalid/x' });
      expect(rows[8]!.params).toEqual({ kind: 'preservation', recipient: 'Example Platform', deadline: '2025-06-01T00:00:00.000Z' });
      expect(rows[9]!.params).toEqual({ receipt: 'T-1', identifiers: '2', files: '1', details: '\n- a.jpg, MD5 00' });
      expect(rows[12]!.params).toBeNull();
      // Bodies are never rewritten.
      expect(rows.map((r) => r.body)).toEqual(events.map(([, b]) => b));

      const status = (await sql<{ code: string | null }>`SELECT code FROM case_status_history ORDER BY id`.execute(db)).rows.map((r) => r.code);
      expect(status).toEqual(['statusComplaintReceived', null]);
      const victim = (await sql<{ code: string | null; params: unknown }>`SELECT code, params FROM victim_state_history ORDER BY id`.execute(db)).rows;
      expect(victim.map((r) => r.code)).toEqual(['identified', 'placed', null]);
      expect(params(victim[1]!.params)).toEqual({ placement: 'child_protection_bureau' });
    } finally {
      await close();
      await scratch?.drop();
    }
  }, 180_000);
});
