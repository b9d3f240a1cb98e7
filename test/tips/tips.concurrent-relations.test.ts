import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveReport } from '../../src/modules/tips/tip.service.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { amaanReport, organisationWithKey } from './support.ts';

// Two reports sharing an identifier, a URL or a file hash, filed at the same instant in two transactions, are
// always related (tip.intake-batch.ts, relationLocks). Without the locks each transaction looks for the other
// before the other commits and both miss it. PostgreSQL only: PGlite has one session, so its transactions never
// overlap. An identifier already known (an entity that exists) is the case that matters: a new one would make the
// second transaction wait on the first one's entity row anyway.
const { engines } = await detectEngines();
const onPostgres = engines.filter((e) => e === 'postgres');

describe.each(onPostgres)('related reports filed concurrently on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { poolSize: 6 });
  }, 180_000);
  afterAll(async () => t?.close());

  it('relates two reports sharing a known account, a URL or an MD5, filed at once, in every round', async () => {
    const org = await organisationWithKey(t, 'Concurrent Platform');
    const reporter = { keyId: org.keyId, organisationId: org.organisationId, organisation: 'Concurrent Platform' };
    const file = (body: unknown) => receiveReport(t.ctx, { channel: 'api', reporter, ip: '198.51.100.9' }, body);
    const rounds = 40;
    const kinds = ['account', 'url', 'hash'] as const;
    const missed: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const kind = kinds[round % kinds.length]!;
      const tag = randomBytes(6).toString('hex');
      // The shared account is known before the round (a first report names it), as a recurring offender's is.
      const handle = `concurrent_${tag}`;
      if (kind === 'account') await file(amaanReport({ reported: [{ accounts: [{ platform: 'Telegram', handle }] }] }));
      const md5 = randomBytes(16).toString('hex');
      const shared = (i: number) => kind === 'account' ? { reported: [{ accounts: [{ platform: 'Telegram', handle }] }] }
        : kind === 'url' ? { urls: [`https://share.example.com/v/${tag}`] }
        : { files: [{ name: `same-${i}.jpg`, md5 }] };
      const bodies = [0, 1].map((i) => amaanReport({ reportId: `CR-${tag}-${i}`, ...shared(i) }));
      const [a, b] = await Promise.all(bodies.map(file));
      expect(a!.created && b!.created).toBe(true);
      const rel = await t.ctx.db.selectFrom('tip_relations').select(['tip_id', 'related_tip_id', 'reason'])
        .where((eb) => eb.or([
          eb.and([eb('tip_id', '=', a!.id), eb('related_tip_id', '=', b!.id)]),
          eb.and([eb('tip_id', '=', b!.id), eb('related_tip_id', '=', a!.id)]),
        ])).execute();
      if (rel.length !== 1) missed.push(`round ${round} (${kind}): ${rel.length} relation(s)`);
      else expect(rel[0]!.reason).toBe(kind);
    }
    expect(missed).toEqual([]);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  }, 300_000);

  it('files reports of many shared keys at once without a deadlock, each relating to all earlier ones', async () => {
    const org = await organisationWithKey(t, 'Crowded Platform');
    const reporter = { keyId: org.keyId, organisationId: org.organisationId, organisation: 'Crowded Platform' };
    const tag = randomBytes(6).toString('hex');
    // Twenty reports over the same five accounts and URLs in different orders: overlapping lock sets.
    const handles = Array.from({ length: 5 }, (_, i) => `crowd_${tag}_${i}`);
    const bodies = Array.from({ length: 20 }, (_, i) => {
      const order = [...handles.keys()].map((k) => (k * (i + 1) + i) % 5);
      return amaanReport({
        reportId: `CROWD-${tag}-${i}`,
        reported: [{ accounts: [...new Set(order)].map((k) => ({ platform: 'Telegram', handle: handles[k]! })) }],
        urls: [...new Set(order)].reverse().map((k) => `https://crowd.example.com/${tag}/${k}`),
      });
    });
    const results = await Promise.all(bodies.map((body) => receiveReport(t.ctx, { channel: 'api', reporter, ip: null }, body)));
    const ids = results.map((r) => r.id);
    const rel = await t.ctx.db.selectFrom('tip_relations').select(['tip_id', 'related_tip_id']).where('tip_id', 'in', ids).execute();
    const pairs = new Set(rel.map((r) => [r.tip_id, r.related_tip_id].sort().join('|')));
    // Every two of the twenty share an account (each names the last one), so every pair is related, one way only.
    expect(pairs.size).toBe((20 * 19) / 2);
    const directed = new Set(rel.map((r) => `${r.tip_id}|${r.related_tip_id}`));
    expect(rel.filter((r) => directed.has(`${r.related_tip_id}|${r.tip_id}`))).toEqual([]);
  }, 300_000);

  it('relates reports too large for a lock per key (the global lock), filed with small ones at once', async () => {
    const org = await organisationWithKey(t, 'Bulk Platform');
    const reporter = { keyId: org.keyId, organisationId: org.organisationId, organisation: 'Bulk Platform' };
    const tag = randomBytes(6).toString('hex');
    const many = (i: number) => Array.from({ length: 180 }, (_, k) => `https://bulk.example.com/${tag}/${i}/${k}`);
    // 180 URLs and 100 file hashes: more keys than a batch locks one by one.
    const files = () => Array.from({ length: 100 }, (_, k) => ({ name: `f${k}.jpg`, md5: randomBytes(16).toString('hex') }));
    const sharedUrl = `https://bulk.example.com/${tag}/shared`;
    const bodies = [
      amaanReport({ reportId: `BULK-${tag}-0`, urls: [...many(0), sharedUrl], files: files() }),
      amaanReport({ reportId: `BULK-${tag}-1`, urls: [...many(1), sharedUrl], files: files() }),
      amaanReport({ reportId: `BULK-${tag}-2`, urls: [sharedUrl] }),
      amaanReport({ reportId: `BULK-${tag}-3`, urls: [sharedUrl] }),
    ];
    const results = await Promise.all(bodies.map((body) => receiveReport(t.ctx, { channel: 'api', reporter, ip: null }, body)));
    const ids = results.map((r) => r.id);
    const rel = await t.ctx.db.selectFrom('tip_relations').select(['tip_id', 'related_tip_id']).where('tip_id', 'in', ids).where('reason', '=', 'url').execute();
    expect(new Set(rel.map((r) => [r.tip_id, r.related_tip_id].sort().join('|'))).size).toBe(6);
  }, 300_000);
});
