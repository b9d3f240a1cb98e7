import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { GraphStore } from '../../src/modules/graph/graph.store.ts';

const { engines } = await detectEngines();

// Sequence numbers of the change log are taken before commit: a change with a lower seq can become visible after
// one with a higher seq. The store must still apply it (several server processes share one database).
describe.each(engines.filter((e) => e === 'postgres'))('graph store change log on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('applies a change committed after a later one was already read', async () => {
    const db = t.ctx.db;
    const ent = async (key: string) => (await db.insertInto('entities').values({ kind: 'phone', key, display: key }).returning('id').executeTakeFirstOrThrow()).id;
    const a = await ent('+923000000001');
    const b = await ent('+923000000002');
    const c = await ent('+923000000003');
    const store = new GraphStore(db);
    await store.refresh();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const started = new Promise<void>((r) => (inserted = r));
    let slowId = '';
    // T1 takes its seq first and commits last.
    const slow = db.transaction().execute(async (tx) => {
      slowId = (await tx.insertInto('links').values({ kind: 'communicated', from_type: 'entity', from_id: a, to_type: 'entity', to_id: b, source_type: 'manual' }).returning('id').executeTakeFirstOrThrow()).id;
      inserted();
      await gate;
    });
    await started;
    const fast = (await db.insertInto('links').values({ kind: 'communicated', from_type: 'entity', from_id: b, to_type: 'entity', to_id: c, source_type: 'manual' }).returning('id').executeTakeFirstOrThrow()).id;
    await store.refresh();
    expect(store.graph.hasEdge(`link:${fast}`)).toBe(true);
    expect(store.graph.hasEdge(`link:${slowId}`)).toBe(false);
    release();
    await slow;
    await store.refresh();
    expect(store.graph.hasEdge(`link:${slowId}`)).toBe(true);
    // And once every transaction has ended, later refreshes stop re-reading old rows but still see new ones.
    const later = (await db.insertInto('links').values({ kind: 'communicated', from_type: 'entity', from_id: a, to_type: 'entity', to_id: c, source_type: 'manual' }).returning('id').executeTakeFirstOrThrow()).id;
    await store.refresh();
    await store.refresh();
    expect(store.graph.hasEdge(`link:${later}`)).toBe(true);
    expect(store.graph.size).toBe(3);
  });
});
