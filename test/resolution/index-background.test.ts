// The duplicate-person index is built in the background at `serve`/`worker` start: a person recorded while it is
// still being built is answered at once (never waits for the build), and still gets its merge suggestion once the
// index is ready; a merge made meanwhile is applied after the build too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { personIndex, personIndexSettled, personIndexStateOf, preloadPersonIndex } from '../../src/modules/resolution/suggestion.service.ts';
import { readiness } from '../../src/platform/http/ops.ts';

const { engines } = await detectEngines();

describe.each(engines)('duplicate-person index built in the background on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const res = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Synthetic background index case', summary: 'Synthetic test case', offenceCodes: ['PECA-22'] });
    expect(res.statusCode, res.body).toBe(201);
    caseA = res.json().id;
  }, 120_000);
  afterAll(async () => t?.close());

  const record = async (person: object) => {
    const started = performance.now();
    // A create that waited for the held build would never answer: fail clearly instead of timing out.
    const res = await Promise.race([
      t.call('invA', 'POST', `/api/v1/cases/${caseA}/persons`, { person, role: 'suspect' }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the create waited for the index')), 20_000)),
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.ctx.db.selectFrom('case_persons').innerJoin('persons', 'persons.id', 'case_persons.person_id').select('persons.id')
      .where('case_id', '=', caseA).where('persons.display_name', '=', (person as { displayName: string }).displayName).executeTakeFirstOrThrow();
    return { id: row.id, ms: performance.now() - started };
  };
  const suggestionsBetween = (x: string, y: string) => t.ctx.db.selectFrom('person_merge_suggestions').select(['id', 'status'])
    .where((eb) => eb.or([eb.and([eb('person_a', '=', x), eb('person_b', '=', y)]), eb.and([eb('person_a', '=', y), eb('person_b', '=', x)])])).execute();

  it('answers a create at once while the index is held, and scores the person once it is ready', async () => {
    // One person recorded before the server "starts": in the snapshot the background build reads.
    const before = await record({ displayName: 'Muhammad Asif Malik', dateOfBirth: '1987-03-14', phones: ['0300-1234567'] });
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const settled = preloadPersonIndex(t.ctx, { rebuild: true, gate });
    expect(personIndexStateOf(t.ctx.db)).toBe('loading');
    expect((await readiness(t.ctx)).checks.personIndex).toBe('loading');

    // Recorded while the build is held: answered, not yet scored.
    const during = await record({ displayName: 'محمد آصف', names: [{ name: 'Mohd Asif', kind: 'variant' }], dateOfBirth: '1987-03-14', phones: ['+92 300 1234567'] });
    const during2 = await record({ displayName: 'Zarghoon Khan Afridi', dateOfBirth: '1979-11-02', phones: ['0333-7654321'] });
    const twin = await record({ displayName: 'Zarghun Khan Afridi', dateOfBirth: '1979-11-02', phones: ['+92 333 7654321'] });
    expect(personIndexStateOf(t.ctx.db)).toBe('loading');
    expect(await suggestionsBetween(before.id, during.id)).toEqual([]);
    expect(await suggestionsBetween(during2.id, twin.id)).toEqual([]);

    release();
    await settled;
    await personIndexSettled(t.ctx.db);
    expect(personIndexStateOf(t.ctx.db)).toBe('ready');
    expect((await readiness(t.ctx)).checks.personIndex).toBe('ready');
    // Every person recorded meanwhile was scored: against the snapshot, and against each other.
    expect(await suggestionsBetween(before.id, during.id)).toHaveLength(1);
    expect(await suggestionsBetween(during2.id, twin.id)).toHaveLength(1);

    // Once ready, the index is kept current: a new person is scored on its own request, as before.
    const after = await record({ displayName: 'Mohammad Asif Malik', dateOfBirth: '1987-03-14', phones: ['03001234567'] });
    expect(await suggestionsBetween(before.id, after.id)).toHaveLength(1);
    expect(await suggestionsBetween(during.id, after.id)).toHaveLength(1);
  }, 120_000);

  it('keeps the queue in the database: persons queued by a process that dies before its index is ready are scored by the next', async () => {
    const first = await record({ displayName: 'Parveen Akhtar Qureshi', dateOfBirth: '1991-06-21', phones: ['0321-5550123'] });
    // This "process" holds its build forever (it dies before the index is ready).
    void preloadPersonIndex(t.ctx, { rebuild: true, gate: new Promise<void>(() => undefined) });
    const twin = await record({ displayName: 'Parvin Akhtar Qureshi', dateOfBirth: '1991-06-21', phones: ['+92 321 5550123'] });
    const queued = await t.ctx.db.selectFrom('person_score_queue').select(['person_id', 'source', 'queued_by']).execute();
    expect(queued).toEqual([{ person_id: twin.id, source: 'incremental', queued_by: t.users.invA.id }]);
    expect(await suggestionsBetween(first.id, twin.id)).toEqual([]);

    // The next process (another database handle: its own index) builds its index and scores what was left.
    await new Promise((r) => setTimeout(r, 20));
    const next = { ...t.ctx, db: t.ctx.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result }) };
    await preloadPersonIndex(next);
    await personIndexSettled(next.db);
    expect(await suggestionsBetween(first.id, twin.id)).toHaveLength(1);
    expect(await t.ctx.db.selectFrom('person_score_queue').select('person_id').execute()).toEqual([]);
    // Audited as scored on behalf of the person who recorded them.
    const entry = await t.ctx.db.selectFrom('audit_log').select(['actor_id', 'entity_id']).where('action', '=', 'person.duplicates.suggest').where('entity_id', '=', twin.id).executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(t.users.invA.id);
  }, 120_000);

  it('scores a queued person once when two processes drain the same queue (claimed FOR UPDATE SKIP LOCKED): one audit entry', async () => {
    await preloadPersonIndex(t.ctx, { rebuild: true }); // the process of the test before died with its index held
    await personIndexSettled(t.ctx.db);
    const first = await record({ displayName: 'Sumaira Bano Chaudhry', dateOfBirth: '1984-02-09', phones: ['0345-5550199'] });
    // Process A (the app's handle) starts, and records a person while its index is held: pending in A, and queued.
    let releaseA!: () => void;
    const settledA = preloadPersonIndex(t.ctx, { rebuild: true, gate: new Promise<void>((r) => { releaseA = r; }) });
    const twin = await record({ displayName: 'Sumera Bano Chaudhry', dateOfBirth: '1984-02-09', phones: ['+92 345 5550199'] });
    expect(await t.ctx.db.selectFrom('person_score_queue').select('person_id').execute()).toEqual([{ person_id: twin.id }]);
    // Process B (another handle) starts later: the row predates it, so B adopts the person as well.
    await new Promise((r) => setTimeout(r, 20));
    const b = { ...t.ctx, db: t.ctx.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result }) };
    let releaseB!: () => void;
    const settledB = preloadPersonIndex(b, { gate: new Promise<void>((r) => { releaseB = r; }) });
    // Both indexes become ready together and drain concurrently.
    releaseA();
    releaseB();
    await Promise.all([settledA, settledB, personIndexSettled(t.ctx.db), personIndexSettled(b.db)]);
    expect(await suggestionsBetween(first.id, twin.id)).toHaveLength(1);
    const entries = await t.ctx.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'person.duplicates.suggest').where('entity_id', '=', twin.id).execute();
    expect(entries).toEqual([{ actor_id: t.users.invA.id }]);
    expect(await t.ctx.db.selectFrom('person_score_queue').select('person_id').execute()).toEqual([]);
    // Both processes' indexes hold the person: a later look-alike recorded through either meets it.
    for (const ctx of [t.ctx, b]) {
      const index = await personIndex(ctx);
      expect(index.match({ id: 'probe', names: ['Sumaira Bano Chaudhry'], dateOfBirth: '1984-02-09', phones: ['03455550199'] }, { threshold: 0.5, limit: 5 }).map((s) => s.b === 'probe' ? s.a : s.b)).toContain(twin.id);
    }
  }, 120_000);
});
