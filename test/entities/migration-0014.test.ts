import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/platform/db/database.ts';
import { migrations } from '../../src/platform/db/migrations/index.ts';
import { createScratchDatabase, detectEngines } from '../support/engines.ts';

// Migration 0014 moves every person_identifiers row into entities + links, on both engines: not one row lost,
// one entity per normalised value however many persons share it.
const { engines, postgresUrl } = await detectEngines();

describe.each(engines)('migration 0014 (person_identifiers -> entities and links) on %s', (engine) => {
  it('moves every row, shares one entity per value, keeps odd values as unverified entities, drops the table', async () => {
    const scratch = engine === 'postgres' ? await createScratchDatabase(postgresUrl!) : undefined;
    const { db, close } = await openDatabase({ url: scratch?.url, poolSize: 2 });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
      const to13 = await migrator.migrateTo('0013_entities');
      expect(to13.error).toBeUndefined();
      const person = async (name: string) => (await sql<{ id: string }>`INSERT INTO persons (display_name) VALUES (${name}) RETURNING id`.execute(db)).rows[0]!.id;
      const a = await person('Test Person One');
      const b = await person('Test Person Two');
      const c = await person('Test Person Three');
      const rows: Array<[string, string, string, string | null]> = [
        [a, 'phone', '0300-1234567', null],
        [b, 'phone', '+923001234567', null], // the same phone as a's: one entity, two links
        [c, 'phone', 'not a number', null], // odd: kept, unverified
        [a, 'email', 'One@Example.ORG', null],
        [b, 'email', 'one@example.org', null],
        [a, 'handle', '@Night_Owl', 'Telegram'],
        [b, 'handle', 'night_owl', 'telegram'],
        [c, 'handle', 'no_platform_given', null], // an account needs a platform: unverified
        [a, 'wallet', '0300-1234567', 'JazzCash'],
        [c, 'wallet', '03001234567', null], // no provider: unverified
        [a, 'bank_account', 'PK36 SCBL 0000 0011 2345 6702', null],
        [b, 'bank_account', 'PK36SCBL0000001123456703', null], // bad mod-97: unverified
        [a, 'crypto_address', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'Bitcoin'],
        [c, 'crypto_address', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', null],
        [a, 'device', '490154203237518', null],
        [b, 'other', '  Some   free text  ', null],
        [c, 'other', '   ', null], // empty after trimming: still a row
        [a, 'phone', '0300-1234567', null], // a duplicate row of the same person: two links, still one entity
      ];
      for (const [pid, kind, value, platform] of rows) {
        await sql`INSERT INTO person_identifiers (person_id, kind, value, platform) VALUES (${pid}, ${kind}, ${value}, ${platform})`.execute(db);
      }
      await migrateToLatest(db);

      const entities = (await sql<{ id: string; kind: string; key: string; attributes: unknown }>`SELECT id, kind, key, attributes FROM entities ORDER BY kind, key`.execute(db)).rows;
      const links = (await sql<{ kind: string; from_type: string; from_id: string; to_id: string; case_id: string | null; source_type: string }>`SELECT kind, from_type, from_id, to_id, case_id, source_type FROM links`.execute(db)).rows;
      expect(links).toHaveLength(rows.length);
      expect(links.every((l) => l.from_type === 'person' && l.case_id === null && l.source_type === 'migration')).toBe(true);
      const keyed = (kind: string, key: string) => entities.filter((e) => e.kind === kind && e.key === key);
      const phone = keyed('phone', '+923001234567');
      expect(phone).toHaveLength(1);
      const phoneLinks = links.filter((l) => l.to_id === phone[0]!.id);
      expect(phoneLinks.map((l) => l.from_id).sort()).toEqual([a, a, b].sort());
      expect(phoneLinks.every((l) => l.kind === 'uses')).toBe(true);
      expect(keyed('email', 'one@example.org')).toHaveLength(1);
      expect(keyed('account', 'telegram:night_owl')).toHaveLength(1);
      expect(keyed('wallet', 'jazzcash:+923001234567')).toHaveLength(1);
      expect(links.find((l) => l.to_id === keyed('wallet', 'jazzcash:+923001234567')[0]!.id)?.kind).toBe('holds');
      expect(keyed('bank_account', 'PK36SCBL0000001123456702')).toHaveLength(1);
      expect(keyed('crypto_address', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toHaveLength(1);
      expect(keyed('crypto_address', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toHaveLength(1);
      expect(keyed('device', 'imei:490154203237518')).toHaveLength(1);
      const attrs = (e: { attributes: unknown }) => (typeof e.attributes === 'string' ? JSON.parse(e.attributes) : e.attributes) as Record<string, unknown>;
      for (const [kind, key] of [['phone', 'not a number'], ['account', 'no_platform_given'], ['wallet', '03001234567'], ['bank_account', 'PK36SCBL0000001123456703'], ['other', '(empty)']]) {
        const e = keyed(kind!, key!);
        expect(e, `${kind} ${key}`).toHaveLength(1);
        expect(attrs(e[0]!).unverified, `${kind} ${key}`).toBe(true);
      }
      expect(keyed('other', 'Some free text')).toHaveLength(1);
      // 18 rows, 14 distinct values: every row a link, every distinct value one entity.
      expect(entities).toHaveLength(14);
      const gone = await sql<{ n: string | number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'person_identifiers'`.execute(db);
      expect(Number(gone.rows[0]!.n)).toBe(0);
    } finally {
      await close();
      await scratch?.drop();
    }
  }, 120_000);
});
