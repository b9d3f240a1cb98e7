import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { typedClient, type TypedClient } from '../support/openapi-client.ts';
import { amaanReport, intakeCounts, organisationWithKey } from './support.ts';

// Intake over the API (issue 11, part 1), through the client typed by the app's OpenAPI document.
const { engines } = await detectEngines();

describe.each(engines)('tip intake on %s', (engine) => {
  let t: TestApp;
  let platform: Awaited<ReturnType<typeof organisationWithKey>>;
  let ngo: Awaited<ReturnType<typeof organisationWithKey>>;
  let analyst: TypedClient;
  beforeAll(async () => {
    t = await createTestApp(engine);
    platform = await organisationWithKey(t, 'Example Platform Inc.');
    ngo = await organisationWithKey(t, 'Child Safety NGO');
    analyst = typedClient(t.app, { token: t.users.analyst.token });
  }, 1_500_000);
  afterAll(async () => t?.close());

  it('files a report in Amaan\'s shape, answers a receipt, and the same report again is the same tip', async () => {
    const report = amaanReport({ location: { district: 'Muzaffargarh' }, reported: [{ accounts: [{ platform: 'Telegram', handle: 'intake_once' }], phones: ['0300-1234567'], ips: [{ address: '203.0.113.7', event: 'Login', at: '2026-03-01T09:00:00Z' }] }] });
    const first = await platform.client.POST('/api/v1/tips', { body: report });
    expect(first.response.status).toBe(201);
    expect(first.data?.receipt).toMatch(/^TIP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(first.data?.created).toBe(true);
    const before = await intakeCounts(t);
    const again = await platform.client.POST('/api/v1/tips', { body: { ...report, incident: { ...report.incident, summary: 'corrected text, same report id' } } });
    expect(again.response.status).toBe(200);
    expect(again.data).toEqual({ receipt: first.data!.receipt, created: false });
    const after = await intakeCounts(t);
    expect(after.tips).toBe(before.tips);
    expect(after.audits).toBe(before.audits + 1); // the repeat is audited too

    // Without a report id, the same content (fields in another order) is the same report.
    const { reportId: _omit, ...noId } = amaanReport();
    const a = await platform.client.POST('/api/v1/tips', { body: noId });
    const reordered = Object.fromEntries(Object.entries(noId).reverse()) as typeof noId;
    const b = await platform.client.POST('/api/v1/tips', { body: reordered });
    expect(b.data?.receipt).toBe(a.data?.receipt);
    // Another organisation's report with the same id is another tip.
    const other = await ngo.client.POST('/api/v1/tips', { body: report });
    expect(other.response.status).toBe(201);
    expect(other.data?.receipt).not.toBe(first.data!.receipt);

    // The organisation reads its own receipt; another organisation's receipt is "not found".
    const own = await platform.client.GET('/api/v1/tip-receipts/{receipt}', { params: { path: { receipt: first.data!.receipt } } });
    expect(own.data?.status).toBe('received');
    const foreign = await ngo.client.GET('/api/v1/tip-receipts/{receipt}', { params: { path: { receipt: first.data!.receipt } } });
    expect(foreign.response.status).toBe(404);
  });

  it('files a CyberTipline report, keeping every field it does not map, and its identifiers become entities', async () => {
    const report = {
      reportId: 'CT-77001',
      incidentSummary: { incidentType: 'Child Pornography (possession, manufacture, and distribution)', escalateToHighPriority: 'Y' as const, incidentDateTime: '2026-02-10T18:30:00Z', annotations: { sextortion: false, minorToMinorInteraction: false } },
      internetDetails: [{ webPageIncident: { url: ['https://files.example.net/album/991'], thirdPartyHostedContent: true } }],
      reporter: { reportingPerson: { firstName: 'Trust', lastName: 'Safety', email: ['ts@platform.example'] }, companyTemplate: 'standard' },
      personOrUserReported: [{
        espService: 'Instagram', screenName: 'ct_reported_user', displayName: ['CT User'], profileUrl: ['https://instagram.com/ct_reported_user'],
        ipCaptureEvent: [{ ipAddress: '198.51.100.23', eventName: 'Upload', dateTime: '2026-02-10T18:29:00Z', possibleProxy: false, port: 44321 }],
        deviceId: [{ idType: 'IMEI', idValue: '490154203237518' }],
        estimatedLocation: { city: 'Muzaffargarh', region: 'Punjab', countryCode: 'PK', verified: false },
        priorCTReports: ['5551001'],
      }],
      intendedRecipient: [{ espService: 'Instagram', screenName: 'ct_recipient_child' }],
      files: [{ fileName: 'IMG_0001.jpg', fileViewedByEsp: true, exifViewedByEsp: false, publiclyAvailable: false, industryClassification: 'B2' as const, originalFileHash: [{ hashType: 'MD5', value: '0123456789abcdef0123456789abcdef' }, { hashType: 'SHA1', value: '0123456789abcdef0123456789abcdef01234567' }], fileAnnotations: { liveStreaming: true, possibleSelfProduction: false } }],
      espSpecificField: { anything: ['kept', 1, null] },
    };
    const res = await platform.client.POST('/api/v1/tips', { body: report });
    expect(res.response.status).toBe(201);
    const queue = await analyst.GET('/api/v1/tips', { params: { query: { limit: 200 } } });
    const item = queue.data!.items.find((i) => i.receipt === res.data!.receipt)!;
    expect(item.format).toBe('cybertipline');
    expect(item.escalate).toBe(true);
    const detail = (await analyst.GET('/api/v1/tips/{id}', { params: { path: { id: item.id } } })).data!;
    expect(detail.raw).toEqual(report);
    expect(detail.branch).toBe('Muzaffargarh');
    expect(detail.annotations).toContain('live_streaming');
    expect(detail.files[0]).toMatchObject({ name: 'IMG_0001.jpg', md5: '0123456789abcdef0123456789abcdef', viewedByEsp: true, classification: 'B2' });
    expect(detail.urls).toEqual(['https://files.example.net/album/991']);
    const kinds = detail.identifiers.map((i) => `${i.role}:${i.kind}:${i.display}`).sort();
    expect(kinds).toEqual(expect.arrayContaining(['reported:account:ct_reported_user', 'reported:ip_address:198.51.100.23', 'reported:device:490154203237518', 'recipient:account:ct_recipient_child']));
    // One entity per account however it was given (screen name and profile URL).
    expect(detail.identifiers.filter((i) => i.display === 'ct_reported_user')).toHaveLength(1);
    expect(detail.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['child_in_danger', 'live_streaming']));
  });

  describe('refuses bad input with a 4xx naming the field, and stores nothing', () => {
    const raw = (payload: string | Buffer, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/v1/tips', payload, headers: { authorization: `Bearer ${platform.token}`, 'content-type': 'application/json', ...headers } });
    const cases: Array<[string, () => Promise<{ statusCode: number; json(): unknown }>, number, string | RegExp]> = [
      ['malformed JSON', () => raw('{"incident": {"type": "x"'), 400, 'body'],
      ['an empty body', () => raw(''), 400, 'body'],
      ['an array instead of one report', () => raw(JSON.stringify([amaanReport()])), 400, 'body'],
      ['an oversized body', () => raw(JSON.stringify(amaanReport({ incident: { type: 'x', summary: 'a'.repeat(300_000) } }))), 413, 'body'],
      ['a huge field', () => raw(JSON.stringify(amaanReport({ incident: { type: 'x', summary: 'a'.repeat(20_001) } }))), 400, 'body.incident.summary'],
      ['deep nesting', () => {
        let deep: unknown = 'bottom';
        for (let i = 0; i < 40; i++) deep = { a: deep };
        return raw(JSON.stringify(amaanReport({ extra: { nest: deep } })));
      }, 400, /^body\.extra\.nest(\.a)+$/],
      ['a lone surrogate', () => raw(JSON.stringify(amaanReport()).replace('Synthetic', 'Synthetic \\ud800')), 400, 'body.incident.summary'],
      ['bytes that are not UTF-8', () => raw(Buffer.concat([Buffer.from(JSON.stringify(amaanReport()).split('Synthetic')[0]!), Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(amaanReport()).split('Synthetic')[1]!)])), 400, 'body.incident.summary'],
      ['a NUL character', () => raw(JSON.stringify(amaanReport()).replace('Synthetic', 'Synthetic\\u0000')), 400, 'body.incident.summary'],
      ['an injection string as a phone', () => raw(JSON.stringify(amaanReport({ reported: [{ phones: ["0300'); DROP TABLE tips; --"] }] }))), 400, 'body.reported.0.phones.0'],
      ['an injection string as an IP address', () => raw(JSON.stringify(amaanReport({ reported: [{ ips: [{ address: '1.2.3.4 OR 1=1' }] }] }))), 400, 'body.reported.0.ips.0.address'],
      ['script as a URL', () => raw(JSON.stringify(amaanReport({ urls: ['javascript:alert(1)'] }))), 400, 'body.urls.0'],
      ['a hash that is not hexadecimal', () => raw(JSON.stringify(amaanReport({ files: [{ name: 'x.jpg', md5: "' OR '1'='1" }] }))), 400, 'body.files.0.md5'],
      ['a wrong type', () => raw(JSON.stringify(amaanReport({ incident: { type: 'x', escalate: 'maybe' } }))), 400, 'body.incident.escalate'],
      ['a number where a list goes', () => raw(JSON.stringify(amaanReport({ files: 7 }))), 400, 'body.files'],
      ['an unknown field in Amaan\'s shape', () => raw(JSON.stringify(amaanReport({ sneaky: true }))), 400, 'body.sneaky'],
      ['a CyberTipline report with a bad IP event', () => raw(JSON.stringify({ incidentSummary: { incidentType: 'x' }, personOrUserReported: [{ espService: 'X', screenName: 'y', ipCaptureEvent: [{ ipAddress: 'not-an-ip' }] }] })), 400, 'body.personOrUserReported.0.ipCaptureEvent.0.ipAddress'],
      ['a CyberTipline report with a wrong hash', () => raw(JSON.stringify({ incidentSummary: { incidentType: 'x' }, files: [{ fileName: 'a', originalFileHash: [{ hashType: 'MD5', value: 'zz' }] }] })), 400, 'body.files.0.originalFileHash.0.value'],
      ['an incident in the future', () => raw(JSON.stringify(amaanReport({ incident: { type: 'x', at: '2999-01-01T00:00:00Z' } }))), 400, 'body.incident.at'],
    ];
    it.each(cases)('%s', async (_label, send, status, field) => {
      const before = await intakeCounts(t);
      const res = await send();
      expect(res.statusCode).toBe(status);
      const problem = res.json() as { errors?: Array<{ field: string }>; status: number };
      expect(problem.status).toBe(status);
      const fields = (problem.errors ?? []).map((e) => e.field);
      if (typeof field === 'string') expect(fields).toContain(field);
      else expect(fields.some((f) => field.test(f)), fields.join(',')).toBe(true);
      const after = await intakeCounts(t);
      expect({ ...after, audits: 0 }).toEqual({ ...before, audits: 0 });
    });

    it('stores text that only looks like an injection as plain text', async () => {
      const text = "Robert'); DROP TABLE tips;-- <script>alert(1)</script>";
      const res = await platform.client.POST('/api/v1/tips', { body: amaanReport({ incident: { type: 'x', summary: text } }) });
      expect(res.response.status).toBe(201);
      const row = await t.ctx.db.selectFrom('tips').select('summary').where('receipt', '=', res.data!.receipt).executeTakeFirstOrThrow();
      expect(row.summary).toBe(text);
    });
  });

  describe('keys', () => {
    it('refuses a revoked key, an expired key, no key, and a user\'s token; a key reaches nothing else', async () => {
      const revoked = await organisationWithKey(t, 'Revoked Platform');
      const admin = typedClient(t.app, { token: t.users.admin.token });
      expect((await admin.DELETE('/api/v1/admin/tip-keys/{id}', { params: { path: { id: revoked.keyId } } })).response.status).toBe(200);
      const before = await intakeCounts(t);
      const r1 = await revoked.client.POST('/api/v1/tips', { body: amaanReport() });
      expect(r1.response.status).toBe(401);

      const expired = await organisationWithKey(t, 'Expired Platform');
      await t.ctx.db.updateTable('tip_keys').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expired.keyId).execute();
      const r2 = await expired.client.POST('/api/v1/tips', { body: amaanReport() });
      expect(r2.response.status).toBe(401);

      const anonymous = typedClient(t.app);
      expect((await anonymous.POST('/api/v1/tips', { body: amaanReport() })).response.status).toBe(401);
      const user = typedClient(t.app, { token: t.users.analyst.token });
      expect((await user.POST('/api/v1/tips', { body: amaanReport() })).response.status).toBe(403);
      expect({ ...(await intakeCounts(t)), audits: 0 }).toEqual({ ...before, audits: 0 });

      // The refused known keys are in the trail.
      const refusals = await t.ctx.db.selectFrom('audit_log').select(['entity_id', 'details']).where('action', '=', 'tip_key.refused').execute();
      expect(refusals.map((r) => r.entity_id)).toEqual(expect.arrayContaining([revoked.keyId, expired.keyId]));

      // A reporting organisation's key is no user: the queue, cases, anything else answers 401.
      for (const url of ['/api/v1/tips', '/api/v1/cases', '/api/v1/auth/me']) {
        const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${platform.token}` } });
        expect(res.statusCode, url).toBe(401);
      }
      // Keys are an administrator's: nobody else lists or makes them.
      expect((await user.GET('/api/v1/admin/tip-keys')).response.status).toBe(403);
      const keys = await admin.GET('/api/v1/admin/tip-keys');
      expect(JSON.stringify(keys.data)).not.toContain(platform.token);
      expect(keys.data!.items.find((k) => k.id === revoked.keyId)?.active).toBe(false);
    });

    it('audits every use of a key', async () => {
      const res = await platform.client.POST('/api/v1/tips', { body: amaanReport() });
      const tip = await t.ctx.db.selectFrom('tips').select('id').where('receipt', '=', res.data!.receipt).executeTakeFirstOrThrow();
      const entry = await t.ctx.db.selectFrom('audit_log').select(['actor_name', 'details']).where('action', '=', 'tip.receive').where('entity_id', '=', tip.id).executeTakeFirstOrThrow();
      expect(entry.actor_name).toBe('organisation:Example Platform Inc.');
      expect(entry.details).toMatchObject({ keyId: platform.keyId, organisation: 'Example Platform Inc.' });
    });
  });

  describe('the public form', () => {
    const form = { incident: 'grooming' as const, where: 'Alipur', district: 'Muzaffargarh', urls: ['https://chat.example.org/room/12'], whatTheySaw: 'An adult asked a child in a game chat for pictures.', language: 'ur' as const };
    it('files a report without an account and answers only a receipt code', async () => {
      const client = typedClient(t.app, { ip: '192.0.2.10' });
      const res = await client.POST('/api/v1/tips/public', { body: form });
      expect(res.response.status).toBe(201);
      expect(Object.keys(res.data!)).toEqual(['receipt']);
      const row = await t.ctx.db.selectFrom('tips').select(['channel', 'branch_id', 'organisation_id']).where('receipt', '=', res.data!.receipt).executeTakeFirstOrThrow();
      expect(row).toEqual({ channel: 'public', branch_id: t.branchA, organisation_id: null });
    });

    it('refuses files, unknown fields and oversized reports, naming the field', async () => {
      const client = typedClient(t.app, { ip: '192.0.2.11' });
      const before = await intakeCounts(t);
      const withFile = await t.app.inject({ method: 'POST', url: '/api/v1/tips/public', payload: { ...form, file: 'data:image/jpeg;base64,AAAA' }, remoteAddress: '192.0.2.11' });
      expect(withFile.statusCode).toBe(400);
      expect(withFile.json().errors[0].field).toBe('body.file');
      const big = await client.POST('/api/v1/tips/public', { body: { ...form, whatTheySaw: 'x'.repeat(20_000) } });
      expect(big.response.status).toBe(413);
      const long = await client.POST('/api/v1/tips/public', { body: { ...form, whatTheySaw: 'x'.repeat(5001) } });
      expect(long.response.status).toBe(400);
      expect((long.error as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('body.whatTheySaw');
      const nul = await t.app.inject({ method: 'POST', url: '/api/v1/tips/public', payload: JSON.stringify({ ...form, whatTheySaw: 'abc\u0000defghijkl' }), headers: { 'content-type': 'application/json' }, remoteAddress: '192.0.2.11' });
      expect(nul.statusCode).toBe(400);
      expect(nul.json().errors[0].field).toBe('body.whatTheySaw');
      expect({ ...(await intakeCounts(t)), audits: 0 }).toEqual({ ...before, audits: 0 });
    });

    it('is rate-limited per address', async () => {
      const client = typedClient(t.app, { ip: '192.0.2.99' });
      const limit = t.ctx.config.tipsPublicPerHour;
      for (let i = 0; i < limit; i++) {
        const res = await client.POST('/api/v1/tips/public', { body: { ...form, whatTheySaw: `Report number ${i} of what I saw online.` } });
        expect(res.response.status).toBe(201);
      }
      const over = await client.POST('/api/v1/tips/public', { body: { ...form, whatTheySaw: 'One report too many from this address.' } });
      expect(over.response.status).toBe(429);
      expect(over.response.headers.get('content-type')).toContain('application/problem+json');
      // Another address is not held back.
      const other = await typedClient(t.app, { ip: '192.0.2.100' }).POST('/api/v1/tips/public', { body: { ...form, whatTheySaw: 'A report from somebody else entirely.' } });
      expect(other.response.status).toBe(201);
    });
  });
});
