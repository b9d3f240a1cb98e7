import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { addPerson, addVictim, openCase, setTeam, toTrial } from '../operations/case-fixtures.ts';
import { can, roles, type Permission } from '../../src/platform/access/permissions.ts';
import { scopes, scopeKinds, type ScopeKind } from '../../src/platform/access/scopes.ts';
import type { RouteInfo, ScopeTarget } from '../../src/platform/access/route-access.ts';
import type { Actor } from '../../src/platform/access/actor.ts';
import type { Role } from '../../src/platform/db/schema.ts';

// Every role against every route, with REAL records.
//
// For every route that takes an id (walked from app.routeTable, never listed by hand) and every role:
//  - a role without the route's permission gets 403, for a real record and for a missing id alike;
//  - a role with it gets, for a real record of the declared kind that it must NOT reach (another branch,
//    another team, a victim assigned to another officer, somebody else's job...), exactly the answer it gets
//    for an id that does not exist: same status, same problem body except the correlation id;
//  - where a role by design reaches EVERY record of a kind (the analyst and cases, the administrator and
//    users, every holder of hashset.read and hash sets) the table `reachesEverything` below says so, and the
//    test checks that the registry agrees and that the role does see the other branch's record;
//  - a role with the permission and a record it MAY see gets past the scope (not the scope's 404), so a
//    route declared with the wrong kind fails for its legitimate users.
// The same is done for every query and body field that names a record (`samples` gives a valid request).
//
// Why a new route cannot slip through: (1) a path parameter or UUID field without a declaration stops the app
// from starting (src/platform/access/route-access.test.ts); (2) a declaration `unscoped(...)` must be listed in
// `reviewedUnscoped` below, or the test fails; (3) a declared kind is tried here with a hidden record of that
// kind for every role, and with a visible one (a wrong kind refuses the legitimate caller, which fails);
// (4) a body or query field with a kind and no entry in `samples` fails the test. The check no longer depends
// on each service remembering to call requireCaseAccess: the route's declaration is enforced before the handler.
const { engines } = await detectEngines();

const reps: Record<Role, UserKey> = {
  investigator: 'invA', supervisor: 'supA', analyst: 'analyst', protection_officer: 'prot', prosecutor: 'prosecutor', leadership: 'leadership', administrator: 'admin', auditor: 'auditor',
};

/** Roles that reach every record of a kind by design (past the role gate). Everything else is need-to-know. */
const reachesEverything: Record<ScopeKind, Role[]> = {
  case: ['analyst'], person: ['analyst'], victim: ['analyst'], operation: ['analyst'], evidence: ['analyst'], hearing: ['analyst'], verdict: ['analyst'], appeal: ['analyst'],
  followup: ['analyst'], job: [], hashSet: ['investigator', 'supervisor', 'analyst'], user: ['administrator'], apiToken: ['administrator'],
  deconflictionAlert: [], notification: [],
  mergeSuggestion: ['analyst'],
  entity: ['analyst'], link: ['analyst'], payment: ['analyst'], communication: ['analyst'],
  warrant: ['analyst'],
  takedown: ['analyst'], legalRequest: ['analyst'],
  document: [], victimCare: [],
  tip: ['analyst'], tipOrganisation: ['administrator'], tipKey: ['administrator'],
};

/** Every declaration that opts out of scoping, reviewed: a new one fails this test until it is added here. */
const reviewedUnscoped = new Set([
  'PUT /api/v1/offences/:code params.code',
  'GET /api/v1/offences/:code params.code',
  'GET /api/v1/offences/:code/corrections params.code',
  'POST /api/v1/bundles/import body',
  'PATCH /api/v1/bundles/match-suggestions/:id params.id',
  'DELETE /api/v1/admin/trusted-installations/:keyId params.keyId',
  'GET /api/docs/static/* params.*',
  'GET /api/v1/graph/neighbourhood query.node',
  'GET /api/v1/graph/path query.from',
  'GET /api/v1/graph/path query.to',
  'GET /api/v1/graph/component query.node',
  'GET /api/v1/graph/communities query.node',
  'GET /api/v1/graph/central query.node',
  'GET /api/v1/graph/linked-cases query.case',
  'GET /api/v1/graph/export query.node',
  'GET /api/v1/admin/offices/:id params.id',
  'PATCH /api/v1/admin/offices/:id params.id',
  'GET /api/v1/figures/:id params.id',
  'GET /api/v1/tip-receipts/:receipt params.receipt',
  'PATCH /api/v1/tip-rules/:code params.code',
  'GET /api/v1/admin/offices/:id/corrections params.id',
  'GET /api/v1/dashboard/figures/:id params.id',
  'GET /api/v1/dashboard/figures/:id/map params.id',
  'GET /api/v1/dashboard/figures/:id/records params.id',
]);

const strip = (res: LightMyRequestResponse) => {
  const body = res.json() as Record<string, unknown>;
  delete body.correlationId;
  return body;
};
const fill = (url: string, values: Record<string, string>) => url.replace(/:([A-Za-z]+)/g, (_m, name: string) => values[name] ?? `<${name}?>`);
const kindOf = (t: ScopeTarget | undefined): ScopeKind | null => (typeof t === 'string' ? t : null);
const bodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : {});

describe.each(engines)('RBAC and need-to-know matrix on %s', (engine) => {
  let t: TestApp;
  /** Records of branch A that each role's representative may see (the case team is invA and the prosecutor). */
  const visible = {} as Record<ScopeKind, string>;
  /** Records of branch B that none of the representatives may see, unless it reaches everything. */
  const hidden = {} as Record<ScopeKind, string>;
  const ownJob = {} as Record<Role, string>;
  const ownNotification = {} as Record<Role, string>;
  const visibleUser = (role: Role) => (role === 'investigator' || role === 'supervisor' ? t.users.invA2.id : t.users.prot.id);
  const visibleFor = (role: Role, kind: ScopeKind) => (kind === 'job' ? ownJob[role] : kind === 'notification' ? ownNotification[role] : kind === 'user' ? visibleUser(role) : visible[kind]);
  const actorFor = (role: Role): Actor => {
    const u = t.users[reps[role]];
    return { id: u.id, username: u.username, displayName: u.username, role: u.role, branchId: u.branchId, ip: null };
  };
  const call = (role: Role, method: string, url: string, body?: unknown) => t.call(reps[role], method as 'GET', url, body);
  const ok = async (res: Promise<LightMyRequestResponse>, status = 201) => {
    const r = await res;
    if (r.statusCode !== status) throw new Error(`fixture: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const court = 'Sessions Court Testpur';

  async function world(side: 'A' | 'B') {
    const inv: UserKey = side === 'A' ? 'invA' : 'invB';
    const sup: UserKey = side === 'A' ? 'supA' : 'supB';
    const out = {} as Record<ScopeKind, string>;
    out.case = await openCase(t, `Need-to-know case ${side}`, inv);
    await setTeam(t, out.case, [inv, 'prosecutor'], sup);
    await toTrial(t, out.case, inv); // charges, verdicts and appeals below need the case in trial
    out.person = await addPerson(t, out.case, `Matrix Accused ${side}`, 'ringleader', 'judicial_remand');
    const twin = await addPerson(t, out.case, `Matrix Accused ${side} Twin`, 'suspect', 'at_large');
    const [pa, pb] = out.person < twin ? [out.person, twin] : [twin, out.person];
    out.mergeSuggestion = (await t.ctx.db.insertInto('person_merge_suggestions').values({ person_a: pa, person_b: pb, score: 5, reasons: '[]', source: 'batch' })
      .onConflict((oc) => oc.columns(['person_a', 'person_b']).doUpdateSet({ score: 5 })).returning('id').executeTakeFirstOrThrow()).id;
    out.victim = (await addVictim(t, out.case)).id;
    await ok(t.call(sup, 'POST', `/api/v1/victims/${out.victim}/assignments`, { userId: t.users[side === 'A' ? 'prot' : 'prot2'].id }), 200);
    out.followup = (await t.ctx.db.insertInto('followups').values({ victim_id: out.victim, due_at: new Date('2030-01-01T00:00:00Z'), kind: 'medical' }).returning('id').executeTakeFirstOrThrow()).id;
    out.operation = (await ok(t.call(inv, 'POST', `/api/v1/cases/${out.case}/operations`, { name: `Operation ${side}`, plannedFor: '2026-01-05T05:00:00+05:00', place: 'Testpur market' }))).id;
    out.warrant = (await ok(t.call(inv, 'POST', `/api/v1/cases/${out.case}/persons/${out.person}/warrants`, { kind: 'arrest_warrant', status: 'requested' }))).items[0].id;
    out.evidence = (await ok(t.call(inv, 'POST', `/api/v1/cases/${out.case}/evidence`, { label: `EV-${side}`, kind: 'phone' }))).id;
    const hearing = await ok(t.call('prosecutor', 'POST', `/api/v1/cases/${out.case}/hearings`, { court, scheduledFor: '2025-09-01T09:00:00+05:00', purpose: 'framing of charges' }));
    out.hearing = hearing.hearings[0].id;
    await ok(t.call('prosecutor', 'POST', `/api/v1/cases/${out.case}/charges`, { personId: out.person, offenceCode: 'PPC-377B', court, framedAt: '2025-08-01T10:00:00+05:00' }));
    const verdict = await ok(t.call('prosecutor', 'POST', `/api/v1/cases/${out.case}/verdicts`, { personId: out.person, outcome: 'acquitted', court, decidedAt: '2025-10-01T10:00:00+05:00' }));
    out.verdict = verdict.verdicts[0].id;
    const appeal = await ok(t.call('prosecutor', 'POST', `/api/v1/verdicts/${out.verdict}/appeals`, { court: 'High Court Testpur', filedAt: '2025-10-20T10:00:00+05:00', filedBy: 'prosecution' }));
    out.appeal = appeal.verdicts[0].appeals?.[0]?.id ?? appeal.appeals?.[0]?.id;
    // The entity graph: a payment and a live stream of this case (their entities and links come with them).
    const panel = await ok(t.call(inv, 'POST', `/api/v1/cases/${out.case}/payments`, {
      from: { kind: 'account', value: `matrix_payer_${side}`, platform: 'Matrix Pay' }, to: { kind: 'account', value: `matrix_payee_${side}`, platform: 'Matrix Pay' },
      amount: '10', currency: 'EUR', paidAt: '2025-04-01T20:00:00Z',
    }));
    out.payment = panel.payments[0].id;
    out.entity = panel.payments[0].from.id;
    out.link = panel.links[0].id;
    const streamed = await ok(t.call(inv, 'POST', `/api/v1/cases/${out.case}/communications`, {
      kind: 'live_stream', startedAt: '2025-04-01T19:00:00Z', participants: [{ role: 'host', entity: { kind: 'account', value: `matrix_host_${side}`, platform: 'Matrix Stream' } }],
    }));
    out.communication = streamed.communications[0].id;
    // Takedowns and legal requests hang off the case.
    out.takedown = (await ok(t.call(inv, 'POST', `/api/v1/cases/${out.case}/takedowns`, { targetKind: 'url', target: `https://host.example/matrix-${side}`, provider: 'Matrix Host', requestedAt: '2025-06-01T10:00:00Z' }))).id;
    out.legalRequest = (await ok(t.call(inv, 'POST', `/api/v1/cases/${out.case}/legal-requests`, { kind: 'preservation', recipient: 'Matrix Platform', subject: `records of matrix_host_${side}`, sentAt: '2025-06-01T10:00:00Z' }))).id;
    // Branch B's prosecutor leaves the team: the prosecutor representative must not see the hidden world.
    if (side === 'B') await setTeam(t, out.case, [inv], sup);
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    Object.assign(visible, await world('A'));
    Object.assign(hidden, await world('B'));
    visible.hashSet = (await t.ctx.db.insertInto('hash_sets').values({ name: 'Matrix test set', source: 'synthetic' }).returning('id').executeTakeFirstOrThrow()).id;
    hidden.hashSet = (await t.ctx.db.insertInto('hash_sets').values({ name: 'Matrix other set', source: 'synthetic' }).returning('id').executeTakeFirstOrThrow()).id;
    hidden.user = t.users.invB.id;
    visible.apiToken = (await t.ctx.db.selectFrom('api_tokens').select('id').where('user_id', '=', t.users.admin.id).executeTakeFirstOrThrow()).id;
    hidden.apiToken = (await t.ctx.db.selectFrom('api_tokens').select('id').where('user_id', '=', t.users.invB.id).executeTakeFirstOrThrow()).id;
    // Background jobs are rows (migration 0029): one finished job per representative, one of invA2's.
    const doneJob = async (owner: string) => (await t.ctx.db.insertInto('background_jobs')
      .values({ kind: 'test.matrix', owner_id: owner, actor: '{}', payload: 'null', unit: 'steps', state: 'done', result: '"done"', progress_total: null, error: null, queue_job_id: null, worker: null, heartbeat_at: null, started_at: null, finished_at: new Date() })
      .returning('id').executeTakeFirstOrThrow()).id;
    for (const role of roles) ownJob[role] = await doneJob(t.users[reps[role]].id);
    hidden.job = await doneJob(t.users.invA2.id);
    // De-confliction: an alert invA raised from the visible case about the hidden one (invA and supA reach it);
    // one between two cases of branch B raised by invB (no representative reaches it). Notifications: each
    // representative's own, and one of invB's.
    const entity = (await t.ctx.db.insertInto('entities').values({ kind: 'phone', key: '+923001234567', display: '+92 300 1234567' }).returning('id').executeTakeFirstOrThrow()).id;
    const otherB = await openCase(t, 'Need-to-know case B2', 'invB');
    const alert = (values: { recorder_case_id: string; holder_case_id: string; triggered_by: string }) =>
      t.ctx.db.insertInto('deconfliction_alerts').values({ entity_id: entity, ...values }).returning('id').executeTakeFirstOrThrow();
    visible.deconflictionAlert = (await alert({ recorder_case_id: visible.case, holder_case_id: hidden.case, triggered_by: t.users.invA.id })).id;
    hidden.deconflictionAlert = (await alert({ recorder_case_id: otherB, holder_case_id: hidden.case, triggered_by: t.users.invB.id })).id;
    const notification = (userId: string) => t.ctx.db.insertInto('notifications').values({ user_id: userId, kind: 'deconfliction.alert', alert_id: null, side: null }).returning('id').executeTakeFirstOrThrow();
    for (const role of roles) ownNotification[role] = (await notification(t.users[reps[role]].id)).id;
    hidden.notification = (await notification(t.users.invB.id)).id;
    // Documents: a case document of branch A; a care document of branch B's victim (no representative reaches
    // it: the analyst reaches every case document, never a care document). Rows only: no file is needed here.
    const doc = async (values: { owner_kind: 'case'; case_id: string } | { owner_kind: 'victim_care'; victim_id: string }) =>
      (await t.ctx.db.insertInto('documents').values({ ...values, title: 'Matrix document', doc_type: 'other' }).returning('id').executeTakeFirstOrThrow()).id;
    visible.document = await doc({ owner_kind: 'case', case_id: visible.case });
    hidden.document = await doc({ owner_kind: 'victim_care', victim_id: hidden.victim });
    visible.victimCare = visible.victim;
    hidden.victimCare = hidden.victim;
    // Tips: one routed to each branch; reporting organisations and keys (administrators reach all).
    const tip = async (side: 'A' | 'B') => (await t.ctx.db.insertInto('tips').values({
      receipt: `TIP-MTRX-000${side}-0000`, channel: 'api', format: 'amaan', organisation_id: null, key_id: null, external_id: null, idempotency_key: `matrix:${side}`,
      location: '{}', annotations: '[]', routing: '{}', priority_reasons: '[]', raw: '{}', branch_id: side === 'A' ? t.branchA : t.branchB,
    }).returning('id').executeTakeFirstOrThrow()).id;
    visible.tip = await tip('A');
    hidden.tip = await tip('B');
    const org = async (name: string) => (await t.ctx.db.insertInto('tip_organisations').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
    visible.tipOrganisation = await org('Matrix Platform A');
    hidden.tipOrganisation = await org('Matrix Platform B');
    const key = async (organisation_id: string, n: string) => (await t.ctx.db.insertInto('tip_keys').values({ organisation_id, key_hash: `matrix-${n}`, prefix: 'amaantip_mtx', expires_at: new Date(Date.now() + 86_400_000) }).returning('id').executeTakeFirstOrThrow()).id;
    visible.tipKey = await key(visible.tipOrganisation, 'a');
    hidden.tipKey = await key(hidden.tipOrganisation, 'b');
    for (const kind of scopeKinds) {
      if (kind !== 'job' && kind !== 'user' && kind !== 'notification') expect(visible[kind], `visible ${kind}`).toBeTruthy();
      expect(hidden[kind], `hidden ${kind}`).toBeTruthy();
    }
  }, 120_000);
  afterAll(async () => t?.close());

  const routesWithIds = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && Object.keys(r.scope).some((k) => k.startsWith('params.')));
  const allowed = (role: Role, r: RouteInfo) => r.access === 'authenticated' || (r.access !== 'public' && can(role, r.access as Permission));

  it('the expectations table of "reaches every record" matches the scope registry, and those roles do reach the other branch', async () => {
    for (const kind of scopeKinds) {
      expect([...scopes[kind].reachesAll].sort(), kind).toEqual([...reachesEverything[kind]].sort());
      for (const role of roles) {
        const seen = await scopes[kind].visible(t.ctx.db, actorFor(role), [hidden[kind]]);
        expect(seen.has(hidden[kind]), `${role} ${kind}`).toBe(reachesEverything[kind].includes(role));
      }
    }
  });

  it('every opt-out of scoping is one reviewed here', () => {
    const found: string[] = [];
    for (const r of t.app.routeTable) {
      for (const [key, target] of Object.entries(r.scope)) if (kindOf(target) === null) found.push(`${r.method} ${r.url} ${key}`);
    }
    expect(found.filter((f) => !reviewedUnscoped.has(f))).toEqual([]);
  });

  it('refuses anonymous callers on every route that is not public, and every route declares access', async () => {
    expect(t.app.routeTable.length).toBeGreaterThan(60);
    for (const r of t.app.routeTable) {
      expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
      if (r.access === 'public') continue;
      const res = await t.call(null, r.method as 'GET', fill(r.url, new Proxy({}, { get: () => randomUUID() })), bodyFor(r.method));
      expect(res.statusCode, `${r.method} ${r.url} anonymous`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers a record out of scope exactly like a missing one, on every route with an id, for every role', async () => {
    const tried: string[] = [];
    for (const r of routesWithIds()) {
      const params = Object.entries(r.scope).filter(([k, v]) => k.startsWith('params.') && kindOf(v)).map(([k, v]) => [k.slice(7), kindOf(v)!] as const);
      for (const role of roles) {
        const base = Object.fromEntries(params.map(([name, kind]) => [name, visibleFor(role, kind)]));
        for (const [name, kind] of params) {
          const where = `${role} ${r.method} ${r.url} :${name} (${kind})`;
          const hiddenRes = await call(role, r.method, fill(r.url, { ...base, [name]: hidden[kind] }), bodyFor(r.method));
          const missingRes = await call(role, r.method, fill(r.url, { ...base, [name]: randomUUID() }), bodyFor(r.method));
          if (!allowed(role, r)) {
            expect(hiddenRes.statusCode, where).toBe(403);
            expect(missingRes.statusCode, where).toBe(403);
            expect(strip(hiddenRes), where).toEqual(strip(missingRes));
          } else if (reachesEverything[kind].includes(role)) {
            // By design (table above, checked against the registry): the role reaches the other branch's record.
            expect(hiddenRes.statusCode, where).toBeLessThan(500);
          } else {
            expect(hiddenRes.statusCode, `${where}: ${hiddenRes.body.slice(0, 200)}`).toBe(404);
            expect(hiddenRes.headers['content-type'], where).toContain('application/problem+json');
            expect(strip(hiddenRes), where).toEqual(strip(missingRes));
          }
          tried.push(where);
        }
      }
    }
    expect(tried.length).toBeGreaterThan(300);
  }, 600_000);

  /** A valid request for each route whose query or body names records; `id` is the record under test. */
  const samples: Record<string, (role: Role, field: string, id: string) => { url: string; body?: unknown }> = {
    'GET /api/v1/cases/:id/evidence': (_r, f, id) => ({ url: `/api/v1/cases/${visible.case}/evidence?${f.slice(6)}=${id}` }),
    'POST /api/v1/cases/:id/evidence': (_r, f, id) => ({ url: `/api/v1/cases/${visible.case}/evidence`, body: { label: `EV-${randomUUID().slice(0, 8)}`, kind: 'phone', [f.slice(5)]: id } }),
    'POST /api/v1/evidence/:id/transfers': (_r, _f, id) => ({ url: `/api/v1/evidence/${visible.evidence}/transfers`, body: { toUserId: id, reason: 'hand over for analysis' } }),
    'PUT /api/v1/cases/:id/team': (_r, _f, id) => ({ url: `/api/v1/cases/${visible.case}/team`, body: { members: [{ userId: t.users.invA.id, teamRole: 'lead' }, { userId: id, teamRole: 'member' }] } }),
    'GET /api/v1/cases/:id/media/files': (_r, _f, id) => ({ url: `/api/v1/cases/${visible.case}/media/files?evidenceId=${id}` }),
    'POST /api/v1/cases/:id/media/ingest': (_r, _f, id) => ({ url: `/api/v1/cases/${visible.case}/media/ingest`, body: { evidenceId: id, path: '/nonexistent-folder' } }),
    'POST /api/v1/operations/:id/execute': (_r, f, id) => ({
      url: `/api/v1/operations/${visible.operation}/execute`,
      body: f === 'body.seizedItems.*.custodianId'
        ? { executedAt: '2026-01-05T08:00:00+05:00', durationMinutes: 60, seizedItems: [{ label: 'EV-seized', kind: 'phone', custodianId: id }] }
        : { executedAt: '2026-01-05T08:00:00+05:00', durationMinutes: 60, [f.slice(5, -2)]: [id] },
    }),
    'POST /api/v1/cases/:id/operations': (_r, f, id) => ({ url: `/api/v1/cases/${visible.case}/operations`, body: { name: 'Operation sample', plannedFor: '2026-01-05T05:00:00+05:00', place: 'Testpur market', [f.slice(5, -2)]: [id] } }),
    'PATCH /api/v1/operations/:id': (_r, f, id) => ({ url: `/api/v1/operations/${visible.operation}`, body: { [f.slice(5, -2)]: [id] } }),
    'POST /api/v1/cases/:id/persons': (_r, _f, id) => ({ url: `/api/v1/cases/${visible.case}/persons`, body: { personId: id, role: 'witness' } }),
    'POST /api/v1/cases/:id/charges': (_r, _f, id) => ({ url: `/api/v1/cases/${visible.case}/charges`, body: { personId: id, offenceCode: 'PECA-22', court, framedAt: '2025-08-01T10:00:00+05:00' } }),
    'POST /api/v1/cases/:id/verdicts': (_r, _f, id) => ({ url: `/api/v1/cases/${visible.case}/verdicts`, body: { personId: id, outcome: 'acquitted', court, decidedAt: '2025-10-01T10:00:00+05:00' } }),
    'GET /api/v1/victims': (_r, _f, id) => ({ url: `/api/v1/victims?caseId=${id}` }),
    'POST /api/v1/victims/:id/assignments': (_r, _f, id) => ({ url: `/api/v1/victims/${visible.victim}/assignments`, body: { userId: id } }),
    'POST /api/v1/cases/:id/links': (_r, _f, id) => ({ url: `/api/v1/cases/${visible.case}/links`, body: { kind: 'uses', from: { kind: 'account', value: 'sample_a', platform: 'x' }, to: { kind: 'account', value: 'sample_b', platform: 'x' }, evidenceId: id } }),
    'POST /api/v1/cases/:id/payments': (_r, _f, id) => ({
      url: `/api/v1/cases/${visible.case}/payments`,
      body: { from: { kind: 'account', value: 'sample_a', platform: 'x' }, to: { kind: 'account', value: 'sample_b', platform: 'x' }, amount: '1', currency: 'EUR', paidAt: '2025-01-01T00:00:00Z', evidenceId: id },
    }),
    'POST /api/v1/cases/:id/takedowns': (_r, _f, id) => ({ url: `/api/v1/cases/${visible.case}/takedowns`, body: { targetKind: 'account', entityId: id, provider: 'Matrix Host', requestedAt: '2025-06-01T10:00:00Z' } }),
    'POST /api/v1/cases/:id/legal-requests': (_r, f, id) => ({
      url: `/api/v1/cases/${visible.case}/legal-requests`,
      body: { kind: 'interpol_notice', interpolColour: 'red', recipient: 'Interpol NCB', subject: 'the suspect', sentAt: '2025-06-01T10:00:00Z', [f.slice(5)]: id },
    }),
    'POST /api/v1/cases/:id/communications': (_r, _f, id) => ({
      url: `/api/v1/cases/${visible.case}/communications`,
      body: { kind: 'call', startedAt: '2025-01-01T00:00:00Z', participants: [{ role: 'sender', entity: { kind: 'account', value: 'sample_a', platform: 'x' } }], evidenceId: id },
    }),
    'POST /api/v1/tips/:id/attach': (_r, _f, id) => ({ url: `/api/v1/tips/${visible.tip}/attach`, body: { caseId: id } }),
  };

  it('answers a record out of scope named in a query or body field exactly like a missing one', async () => {
    let named = 0;
    for (const r of t.app.routeTable) {
      const fields = Object.entries(r.scope).filter(([k, v]) => !k.startsWith('params.') && kindOf(v)).map(([k, v]) => [k, kindOf(v)!] as const);
      if (!fields.length) continue;
      const sample = samples[`${r.method} ${r.url}`];
      expect(sample, `${r.method} ${r.url} names records in ${fields.map(([k]) => k).join(', ')}: add a sample request`).toBeTruthy();
      for (const [field, kind] of fields) {
        for (const role of roles) {
          if (!allowed(role, r) || reachesEverything[kind].includes(role)) continue;
          const where = `${role} ${r.method} ${r.url} ${field} (${kind})`;
          const h = sample(role, field, hidden[kind]);
          const m = sample(role, field, randomUUID());
          const hiddenRes = await call(role, r.method, h.url, h.body);
          const missingRes = await call(role, r.method, m.url, m.body);
          expect([400, 404], `${where}: ${hiddenRes.body.slice(0, 200)}`).toContain(hiddenRes.statusCode);
          expect(strip(hiddenRes), where).toEqual(strip(missingRes));
          // The role's representative sees branch A's records: then it is the field itself that is refused.
          const seesPath = (await scopes.case.visible(t.ctx.db, actorFor(role), [visible.case])).has(visible.case) || r.url.startsWith('/api/v1/victims');
          if (seesPath && role !== 'protection_officer') {
            const concrete = field.split('.').slice(1).map((p) => (p === '*' ? (r.url.endsWith('/team') ? '1' : '0') : p)).join('.');
            expect(hiddenRes.json().errors?.map((e: { field: string }) => e.field), where).toContain(concrete);
            named++;
          }
        }
      }
    }
    expect(named).toBeGreaterThan(15);
  }, 300_000);

  it('lets a role past the scope for a record it may see (a wrong kind would refuse the legitimate caller)', async () => {
    // DELETEs last: they may change what the others see.
    const ordered = [...routesWithIds()].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const r of ordered) {
      const params = Object.entries(r.scope).filter(([k, v]) => k.startsWith('params.') && kindOf(v)).map(([k, v]) => [k.slice(7), kindOf(v)!] as const);
      for (const role of roles) {
        if (!allowed(role, r) || params.some(([, kind]) => reachesEverything[kind].includes(role))) continue;
        const values = Object.fromEntries(params.map(([name, kind]) => [name, visibleFor(role, kind)]));
        const canSee = await Promise.all(params.map(async ([name, kind]) => (await scopes[kind].visible(t.ctx.db, actorFor(role), [values[name]!])).has(values[name]!)));
        if (!canSee.every(Boolean)) continue; // e.g. a protection officer and cases: nothing of that kind to see
        const res = await call(role, r.method, fill(r.url, values), bodyFor(r.method));
        const labels = params.map(([, kind]) => `${scopes[kind].label} not found`);
        expect(res.statusCode, `${role} ${r.method} ${r.url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode === 404) expect(labels, `${role} ${r.method} ${r.url} refused a record it may see: ${res.body}`).not.toContain(res.json().detail);
      }
    }
  }, 300_000);

  it('never lists a hidden record in a list or search', async () => {
    const lists = [
      '/api/v1/cases?limit=200', '/api/v1/persons?limit=200', '/api/v1/persons?q=Matrix', '/api/v1/victims?limit=200', '/api/v1/victims?assigned=me',
      `/api/v1/cases/${visible.case}/operations`, `/api/v1/cases/${visible.case}/evidence`, `/api/v1/cases/${visible.case}/media`, `/api/v1/cases/${visible.case}/media/files`,
      `/api/v1/cases/${visible.case}/persons`, `/api/v1/cases/${visible.case}/prosecution`, `/api/v1/cases/${visible.case}/timeline`, `/api/v1/victims/${visible.victim}`,
      '/api/v1/staff?limit=200', '/api/v1/stats/summary', '/api/v1/entities?limit=200', '/api/v1/entities?q=matrix', `/api/v1/cases/${visible.case}/entities`,
      '/api/v1/notifications?limit=200', '/api/v1/deconfliction/alerts?limit=200',
    ];
    let checked = 0;
    for (const role of roles) {
      for (const url of lists) {
        const res = await call(role, 'GET', url);
        expect(res.statusCode, `${role} ${url}`).toBeLessThan(500);
        if (res.statusCode !== 200) continue;
        for (const kind of scopeKinds) {
          if (reachesEverything[kind].includes(role) || kind === 'hashSet') continue;
          // A care record is named by its victim's id: a role that reaches every victim lists that id as the victim.
          if (kind === 'victimCare' && reachesEverything.victim.includes(role)) continue;
          expect(res.body.includes(hidden[kind]), `${role} ${url} lists the hidden ${kind}`).toBe(false);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  }, 120_000);

  it('matches the hand-written table for the main endpoints', () => {
    const expectedAllowed: Record<string, Role[]> = {
      'GET /api/v1/cases': ['investigator', 'supervisor', 'analyst', 'prosecutor'],
      'POST /api/v1/cases': ['investigator', 'supervisor'],
      'POST /api/v1/cases/:id/transitions': ['investigator', 'supervisor', 'prosecutor'],
      'PUT /api/v1/cases/:id/team': ['supervisor'],
      'GET /api/v1/staff': ['supervisor'],
      'GET /api/v1/cases/:id/media': ['investigator', 'supervisor', 'analyst', 'prosecutor'],
      'POST /api/v1/hash-sets/import': ['analyst'],
      'PUT /api/v1/offences/:code': ['administrator'],
      'GET /api/v1/offences': ['investigator', 'supervisor', 'analyst', 'protection_officer', 'prosecutor', 'leadership', 'administrator', 'auditor'],
      'POST /api/v1/admin/trusted-installations': ['administrator'],
      'GET /api/v1/bundles/match-suggestions': ['investigator', 'supervisor', 'analyst', 'prosecutor'],
      'GET /api/v1/victims/:id/identity': ['protection_officer'],
      // Writes of a child's record: the investigation of the case and the assigned protection officer only.
      'PATCH /api/v1/victims/:id/identity': ['investigator', 'supervisor', 'protection_officer'],
      'POST /api/v1/victims/:id/transitions': ['investigator', 'supervisor', 'protection_officer'],
      'POST /api/v1/admin/users/:id/tokens': ['administrator'],
    };
    for (const [route, allowedRoles] of Object.entries(expectedAllowed)) {
      const [method, url] = route.split(' ');
      const r = t.app.routeTable.find((x) => x.method === method && x.url === url);
      expect(r, route).toBeTruthy();
      expect(roles.filter((role) => allowed(role, r!)).sort(), route).toEqual([...allowedRoles].sort());
    }
  });

  it('refuses each role every endpoint its permissions do not grant, before reading the body', async () => {
    let refused = 0;
    for (const r of t.app.routeTable) {
      if (r.access === 'public' || r.access === 'authenticated') continue;
      for (const role of roles) {
        if (can(role, r.access as Permission)) continue;
        const res = await call(role, r.method, fill(r.url, new Proxy({}, { get: () => randomUUID() })), bodyFor(r.method));
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.json().code).toBe('forbidden');
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(200);
  }, 300_000);
});
