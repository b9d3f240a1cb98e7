import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveReport } from '../../src/modules/tips/tip.service.ts';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { amaanReport, organisationWithKey } from './support.ts';

// tip_relations names two tips; migration 0046 keeps that true with statement-level triggers instead of two
// foreign keys checked row by row: a relation naming a tip that does not exist is refused (foreign_key_violation),
// a tip deleted takes its relations with it both ways, and a relation written while a tip is being deleted either
// goes with it or is refused (PostgreSQL: two sessions).
const { engines } = await detectEngines();

async function twoRelated(t: TestApp, name: string) {
  const org = await organisationWithKey(t, name);
  const reporter = { keyId: org.keyId, organisationId: org.organisationId, organisation: name };
  const handle = `integrity_${randomBytes(6).toString('hex')}`;
  const file = (id: string) => receiveReport(t.ctx, { channel: 'api', reporter, ip: '198.51.100.7' }, amaanReport({ reportId: id, reported: [{ accounts: [{ platform: 'Telegram', handle }] }] }));
  const a = await file(`INT-${handle}-a`);
  const b = await file(`INT-${handle}-b`);
  const c = await file(`INT-${handle}-c`);
  return { a: a.id, b: b.id, c: c.id };
}

const relationsOf = (t: TestApp, id: string) => t.ctx.db.selectFrom('tip_relations').select(['tip_id', 'related_tip_id'])
  .where((eb) => eb.or([eb('tip_id', '=', id), eb('related_tip_id', '=', id)])).execute();

describe.each(engines)('tip relations name existing tips on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { poolSize: 4 });
  }, 180_000);
  afterAll(async () => t?.close());

  it('refuses a relation naming a tip that does not exist, on insert and on update, and writes nothing', async () => {
    const { a, b } = await twoRelated(t, 'Integrity Platform 1');
    const before = (await relationsOf(t, b)).length;
    expect(before).toBe(2); // b -> a, c -> b
    const missing = randomUUID();
    const insert = (tipId: string, relatedId: string) => sql`INSERT INTO tip_relations (tip_id, related_tip_id, reason, value) VALUES (${tipId}, ${relatedId}, 'url', 'x')`.execute(t.ctx.db);
    await expect(insert(b, missing)).rejects.toMatchObject({ code: '23503' });
    await expect(insert(missing, a)).rejects.toMatchObject({ code: '23503' });
    // Several rows in one statement, one of them bad: none is kept.
    await expect(sql`INSERT INTO tip_relations (tip_id, related_tip_id, reason, value) VALUES (${b}, ${a}, 'url', 'y'), (${b}, ${missing}, 'url', 'z')`.execute(t.ctx.db))
      .rejects.toMatchObject({ code: '23503' });
    await expect(sql`UPDATE tip_relations SET related_tip_id = ${missing} WHERE tip_id = ${b}`.execute(t.ctx.db)).rejects.toMatchObject({ code: '23503' });
    expect((await relationsOf(t, b)).length).toBe(before);
    // A relation between existing tips is accepted.
    await insert(b, a);
    expect((await relationsOf(t, b)).length).toBe(before + 1);
  });

  it('deletes a tip\'s relations both ways with the tip, and no others', async () => {
    const { a, b, c } = await twoRelated(t, 'Integrity Platform 2');
    expect((await relationsOf(t, b)).map((r) => [r.tip_id, r.related_tip_id]).sort()).toEqual([[b, a], [c, b]].sort());
    await t.ctx.db.deleteFrom('tips').where('id', '=', b).execute();
    expect(await relationsOf(t, b)).toEqual([]);
    expect((await relationsOf(t, a)).map((r) => [r.tip_id, r.related_tip_id])).toEqual([[c, a]]);
  });
});

describe.each(engines.filter((e) => e === 'postgres'))('tip relations and a concurrent deletion on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { poolSize: 4 });
  }, 180_000);
  afterAll(async () => t?.close());

  const settledWithin = async (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

  it('a deletion waits for a relation being written, then takes it too', async () => {
    const { a, b } = await twoRelated(t, 'Integrity Platform 3');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const inserted = new Promise<void>((r) => (written = r));
    const writer = t.ctx.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO tip_relations (tip_id, related_tip_id, reason, value) VALUES (${b}, ${a}, 'url', 'concurrent')`.execute(tx);
      written();
      await held;
    });
    await inserted;
    const deletion = t.ctx.db.deleteFrom('tips').where('id', '=', a).execute();
    expect(await settledWithin(deletion, 500)).toBe(false); // waits for the writer
    release();
    await writer;
    await deletion;
    expect(await relationsOf(t, a)).toEqual([]);
  });

  it('a relation written while its tip is being deleted waits, then is refused', async () => {
    const { a, b } = await twoRelated(t, 'Integrity Platform 4');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let deleted!: () => void;
    const gone = new Promise<void>((r) => (deleted = r));
    const deleter = t.ctx.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('tips').where('id', '=', a).execute();
      deleted();
      await held;
    });
    await gone;
    const write = sql`INSERT INTO tip_relations (tip_id, related_tip_id, reason, value) VALUES (${b}, ${a}, 'url', 'late')`.execute(t.ctx.db);
    expect(await settledWithin(write, 500)).toBe(false); // waits for the deletion
    release();
    await deleter;
    await expect(write).rejects.toMatchObject({ code: '23503' });
    expect(await relationsOf(t, a)).toEqual([]);
  });
});
