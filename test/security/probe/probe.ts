import { randomUUID } from 'node:crypto';
import { rawRequest, type RawResponse } from './raw-http.ts';

// An attacker's probe of a running Amaan, signed in as every demo role. It needs no knowledge of the code:
// it reads the OpenAPI document, learns what each role may see from the role's own lists, and then asks
// for everything else. A finding is anything an attacker could use:
//   - a record outside the caller's lists reached (2xx), or answered differently from a missing one;
//   - a victim identity read by anyone but an assigned protection officer;
//   - a request-line trick (encoded letters, dot segments, absolute form...) getting past the role or CSRF checks;
//   - a 5xx, a stack trace, an error that is not problem+json, an API answer without Cache-Control: no-store;
//   - an API token minted for someone else, a forged X-Forwarded-For believed, a trail that no longer verifies.
// It writes only to records the caller must not reach (so a correct server changes nothing) and to the
// sign-in trail.

export interface ProbeUser {
  role: string;
  username: string;
  password: string;
}

export interface Finding {
  rule: string;
  who: string;
  request: string;
  status: number;
  note: string;
}

interface Session {
  user: ProbeUser;
  id: string;
  branchId: number | null;
  cookie: string;
  csrf: string;
}

interface Operation {
  method: string;
  /** e.g. /api/v1/cases/{id}/timeline */
  path: string;
  params: string[];
  bodySchema?: JsonSchema;
  security: boolean;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minItems?: number;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  pattern?: string;
};

/** The kind of record a path parameter names, from the segment before it. */
const KIND_BY_SEGMENT: Record<string, string> = {
  cases: 'case',
  persons: 'person',
  victims: 'victim',
  operations: 'operation',
  evidence: 'evidence',
  hearings: 'hearing',
  verdicts: 'verdict',
  appeals: 'appeal',
  charges: 'charge',
};

export interface ProbeResult {
  findings: Finding[];
  requests: number;
  roles: string[];
}

export async function runProbe(baseUrl: string, users: ProbeUser[], opts: { log?: (line: string) => void; sample?: number } = {}): Promise<ProbeResult> {
  const url = new URL(baseUrl);
  const host = url.hostname;
  const port = Number(url.port || 80);
  const log = opts.log ?? (() => {});
  const sample = opts.sample ?? 12;
  const findings: Finding[] = [];
  let requests = 0;

  const send = async (who: string, method: string, target: string, init: { session?: Session | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; csrf?: boolean } = {}) => {
    const headers: Record<string, string> = { accept: 'application/json', ...(init.headers ?? {}) };
    if (init.session) {
      headers.cookie = `amaan_session=${init.session.cookie}`;
      if (init.csrf !== false && method !== 'GET') headers['x-csrf-token'] = init.session.csrf;
    }
    const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    requests++;
    const res = await rawRequest(host, port, { method, target, headers, body });
    checkAnswer(who, `${method} ${target}`, res);
    return res;
  };
  const find = (rule: string, who: string, request: string, res: RawResponse | null, note: string) => {
    findings.push({ rule, who, request, status: res?.status ?? 0, note: note.slice(0, 300) });
  };

  // Every answer, whatever was asked.
  function checkAnswer(who: string, request: string, res: RawResponse) {
    const target = request.split(' ')[1] ?? '';
    if (res.status >= 500) find('server-error', who, request, res, res.body.slice(0, 200));
    if (/\n\s+at .+:\d+:\d+/.test(res.body) || /node:internal|\/src\/.+\.ts:\d+/.test(res.body)) find('stack-trace', who, request, res, 'answer contains a stack trace or source path');
    const isApi = target.includes('/api');
    if (isApi && res.status >= 400 && !(res.headers['content-type'] ?? '').includes('application/problem+json')) {
      find('not-problem-json', who, request, res, `content-type ${res.headers['content-type'] ?? '(none)'}`);
    }
    if (isApi && !/\/api\/(docs|openapi)/.test(target) && !(res.headers['cache-control'] ?? '').includes('no-store')) {
      find('cacheable', who, request, res, `cache-control ${res.headers['cache-control'] ?? '(none)'}`);
    }
  }

  const json = (res: RawResponse): Record<string, unknown> => {
    try {
      return JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const problemShape = (res: RawResponse) => {
    const p = json(res);
    return JSON.stringify({ status: res.status, code: p.code ?? null, title: p.title ?? null, detail: p.detail ?? null, errors: p.errors ?? null });
  };

  // --- Sign in as every role.
  const sessions: Session[] = [];
  for (const user of users) {
    const res = await send(user.role, 'POST', '/api/v1/auth/login', { body: { username: user.username, password: user.password } });
    const cookie = /amaan_session=([^;]+)/.exec(res.headers['set-cookie'] ?? '')?.[1];
    const body = json(res) as { user?: { id: string; branchId: number | null }; csrfToken?: string };
    if (res.status !== 200 || !cookie || !body.user || !body.csrfToken) {
      find('cannot-sign-in', user.role, 'POST /api/v1/auth/login', res, 'the probe could not sign in as this role (MFA pending or refused): its checks were not run');
      continue;
    }
    sessions.push({ user, id: body.user.id, branchId: body.user.branchId, cookie, csrf: body.csrfToken });
  }
  const as = (role: string) => sessions.find((s) => s.user.role === role) ?? null;

  // --- What the API offers.
  const docRes = await send('anonymous', 'GET', '/api/openapi.json');
  const doc = json(docRes) as { paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; security?: unknown[] }>> };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
        security: !(Array.isArray(op.security) && op.security.length === 0),
      });
    }
  }
  if (operations.length < 20) find('no-openapi', 'anonymous', 'GET /api/openapi.json', docRes, 'the probe found too few operations to test');
  log(`probe: ${sessions.length} roles signed in, ${operations.length} operations`);

  // --- What each role may see, from its own lists.
  const pageAll = async (s: Session, path: string, cap = 4000): Promise<Array<Record<string, unknown>>> => {
    const out: Array<Record<string, unknown>> = [];
    for (let offset = 0; offset < cap; offset += 200) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await send(s.user.role, 'GET', `${path}${sep}limit=200&offset=${offset}`, { session: s });
      if (res.status !== 200) break;
      const items = (json(res).items as Array<Record<string, unknown>>) ?? [];
      out.push(...items);
      if (items.length < 200) break;
    }
    return out;
  };
  const visible = new Map<string, Map<string, Set<string>>>(); // role -> kind -> ids
  const universe = new Map<string, Set<string>>(); // kind -> ids
  const caseOf = new Map<string, Set<string>>(); // sub-record id -> its case ids
  const add = (role: string, kind: string, id: string) => {
    if (!visible.has(role)) visible.set(role, new Map());
    const byKind = visible.get(role)!;
    if (!byKind.has(kind)) byKind.set(kind, new Set());
    byKind.get(kind)!.add(id);
    if (!universe.has(kind)) universe.set(kind, new Set());
    universe.get(kind)!.add(id);
  };
  const assigned = new Map<string, Set<string>>(); // protection officer -> victims assigned
  for (const s of sessions) {
    const role = s.user.role;
    for (const c of await pageAll(s, '/api/v1/cases')) add(role, 'case', String(c.id));
    for (const p of await pageAll(s, '/api/v1/persons')) add(role, 'person', String(p.id));
    for (const v of await pageAll(s, '/api/v1/victims')) add(role, 'victim', String(v.id));
    if (role === 'protection_officer') assigned.set(s.id, new Set((await pageAll(s, '/api/v1/victims?assigned=me')).map((v) => String(v.id))));
  }
  // Records hanging off cases, crawled as the role that sees most cases.
  const crawler = [...sessions].sort((a, b) => (visible.get(b.user.role)?.get('case')?.size ?? 0) - (visible.get(a.user.role)?.get('case')?.size ?? 0))[0];
  if (crawler) {
    const cases = [...(visible.get(crawler.user.role)?.get('case') ?? [])];
    for (const caseId of cases.slice(0, 400)) {
      const link = (kind: string, id: unknown) => {
        if (typeof id !== 'string') return;
        if (!universe.has(kind)) universe.set(kind, new Set());
        universe.get(kind)!.add(id);
        if (!caseOf.has(id)) caseOf.set(id, new Set());
        caseOf.get(id)!.add(caseId);
      };
      const ops = json(await send(crawler.user.role, 'GET', `/api/v1/cases/${caseId}/operations`, { session: crawler })).items as Array<{ id: string }> | undefined;
      for (const o of ops ?? []) link('operation', o.id);
      const ev = json(await send(crawler.user.role, 'GET', `/api/v1/cases/${caseId}/evidence`, { session: crawler })).items as Array<{ id: string }> | undefined;
      for (const e of ev ?? []) link('evidence', e.id);
      const pros = json(await send(crawler.user.role, 'GET', `/api/v1/cases/${caseId}/prosecution`, { session: crawler })) as Record<string, unknown>;
      for (const h of (pros.hearings as Array<{ id: string }> | undefined) ?? []) link('hearing', h.id);
      for (const c of (pros.charges as Array<{ id: string }> | undefined) ?? []) link('charge', c.id);
      for (const v of (pros.verdicts as Array<{ id: string; appeals?: Array<{ id: string }> }> | undefined) ?? []) {
        link('verdict', v.id);
        for (const a of v.appeals ?? []) link('appeal', a.id);
      }
    }
  }
  const sees = (role: string, kind: string, id: string): boolean => {
    const direct = visible.get(role)?.get(kind);
    if (kind === 'case' || kind === 'person' || kind === 'victim') return direct?.has(id) ?? false;
    const cases = caseOf.get(id);
    return [...(cases ?? [])].some((c) => visible.get(role)?.get('case')?.has(c));
  };
  log(`probe: universe ${[...universe].map(([k, v]) => `${k} ${v.size}`).join(', ')}`);

  // --- Role rules a list must follow: an investigator or prosecutor on the team, a supervisor in the branch.
  for (const s of sessions) {
    const role = s.user.role;
    if (!['investigator', 'prosecutor', 'supervisor'].includes(role)) continue;
    const ids = [...(visible.get(role)?.get('case') ?? [])].slice(0, sample);
    for (const id of ids) {
      const res = await send(role, 'GET', `/api/v1/cases/${id}`, { session: s });
      const c = json(res) as { branchId?: number; team?: Array<{ userId: string }> };
      if (res.status !== 200) {
        find('list-item-unreadable', role, `GET /api/v1/cases/${id}`, res, 'a case in the role\'s own list cannot be opened');
        continue;
      }
      if (role === 'supervisor' && c.branchId !== s.branchId) find('list-leak', role, `GET /api/v1/cases/${id}`, res, 'a supervisor\'s list holds another branch\'s case');
      if (role !== 'supervisor' && !(c.team ?? []).some((m) => m.userId === s.id)) find('list-leak', role, `GET /api/v1/cases/${id}`, res, 'the list holds a case whose team the caller is not on');
    }
  }

  // --- Every operation with an id, every role: a record the role must not reach answers as a missing one.
  const missingId = randomUUID();
  for (const op of operations) {
    if (!op.params.length || !op.path.startsWith('/api/v1/')) continue;
    const segments = op.path.split('/');
    const first = op.params[0]!;
    const kind = KIND_BY_SEGMENT[segments[segments.indexOf(`{${first}}`) - 1] ?? ''];
    if (!kind) continue;
    // Care records and the identity are for an assigned protection officer only, even where the victim is visible.
    const careOnly = kind === 'victim' && ((op.method === 'GET' && /\/identity$/.test(op.path)) || /\/(placements|followups)/.test(op.path));
    for (const s of sessions) {
      const role = s.user.role;
      const mine = assigned.get(s.id) ?? new Set<string>();
      const all = [...(universe.get(kind) ?? [])];
      const unseen = new Set(all.filter((id) => !sees(role, kind, id)));
      const unreachable = careOnly ? new Set(all.filter((id) => !mine.has(id))) : unseen;
      const candidates = all.filter((id) => unreachable.has(id) || unseen.has(id));
      if (!candidates.length) continue;
      const pick = spread(candidates, op.method === 'GET' ? sample : Math.min(4, sample));
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : exampleOf(op.bodySchema);
      const fill = (id: string) => op.path.replace(`{${first}}`, id).replace(/\{[^}]+\}/g, missingId);
      const missing = await send(role, op.method, fill(randomUUID()), { session: s, body });
      for (const id of pick) {
        const res = await send(role, op.method, fill(id), { session: s, body });
        const request = `${op.method} ${op.path} (${kind} ${id})`;
        if (res.status < 300 && unreachable.has(id)) find('hidden-reached', role, request, res, `a ${kind} outside the role's reach answered ${res.status}`);
        else if (unseen.has(id) && problemShape(res) !== problemShape(missing)) find('existence-leak', role, request, res, `hidden ${problemShape(res)} vs missing ${problemShape(missing)}`);
      }
    }
  }

  // --- Victim identities: only an assigned protection officer, ever.
  for (const s of sessions) {
    const mine = assigned.get(s.id) ?? new Set<string>();
    for (const id of spread([...(universe.get('victim') ?? [])], sample * 2)) {
      const res = await send(s.user.role, 'GET', `/api/v1/victims/${id}/identity`, { session: s });
      if (res.status === 200 && !mine.has(id)) find('identity-read', s.user.role, `GET /api/v1/victims/${id}/identity`, res, 'a child\'s identity was read by someone not assigned');
    }
  }

  // --- Anonymous: every operation that needs a credential refuses.
  for (const op of operations) {
    if (!op.security || !op.path.startsWith('/api/v1/')) continue;
    const res = await send('anonymous', op.method, op.path.replace(/\{[^}]+\}/g, missingId), { body: op.method === 'GET' || op.method === 'DELETE' ? undefined : exampleOf(op.bodySchema) });
    if (res.status < 300) find('anonymous-reached', 'anonymous', `${op.method} ${op.path}`, res, 'answered without a credential');
  }

  // --- Request-line tricks against routes a role may not use.
  const tricks = (path: string): string[] => {
    const rest = path.replace(/^\/api\/v1\//, '');
    return [
      `/%61pi/v1/${rest}`, `/api/v%31/${rest}`, `/api/v1/%${rest.charCodeAt(0).toString(16)}${rest.slice(1)}`, `/API/v1/${rest}`,
      `//api/v1/${rest}`, `/api//v1/${rest}`, `/api/v1/./${rest}`, `/api/v1/x/../${rest}`, `/api/v1/%2e%2e/v1/${rest}`,
      `/api/v1/${rest}/`, `/api/v1/${rest};x=1`, `/api/v1/${rest}%00`, `/api/v1/${rest}%20`, `/api\\v1\\${rest}`,
      `http://${host}:${port}/api/v1/${rest}`, `http://elsewhere.invalid/api/v1/${rest}`, `/api/v1/${rest}?%ff=1`,
    ];
  };
  const guarded = [
    { path: '/api/v1/audit', allowed: ['auditor'] },
    { path: '/api/v1/admin/users', allowed: ['administrator'] },
    { path: '/api/v1/stats/summary', allowed: ['supervisor', 'analyst', 'leadership'] },
  ];
  for (const g of guarded) {
    for (const s of [...sessions, null]) {
      const role = s?.user.role ?? 'anonymous';
      if (g.allowed.includes(role)) continue;
      for (const target of tricks(g.path)) {
        const res = await send(role, 'GET', target, { session: s });
        // The web app's shell (index.html for any client-side path, e.g. /API/v1/audit) carries no data.
        const shell = (res.headers['content-type'] ?? '').startsWith('text/html') && !res.body.includes('"items"');
        if (res.status < 300 && !shell) find('path-trick', role, `GET ${target}`, res, `reached ${g.path}, which the role may not use`);
      }
    }
  }
  // CSRF under the same tricks: a cookie without the header must never write.
  const writer = as('investigator');
  if (writer) {
    for (const target of tricks('/api/v1/cases')) {
      const res = await send('investigator', 'POST', target, { session: writer, csrf: false, body: { branchId: writer.branchId, title: 'CSRF probe', offenceCodes: ['PECA-22'] } });
      if (res.status < 300) find('csrf-bypass', 'investigator', `POST ${target}`, res, 'a cookie-authenticated write succeeded without the CSRF token');
    }
  }
  const unknown = await send('anonymous', 'GET', '/api/v1/no-such-route');
  if (unknown.status !== 404 && unknown.status !== 401) find('unknown-route', 'anonymous', 'GET /api/v1/no-such-route', unknown, 'expected 404 or 401');

  // --- Nobody acts as someone else: no token for another person.
  const admin = as('administrator');
  if (admin) {
    const people = await pageAll(admin, '/api/v1/admin/users');
    for (const target of people.filter((u) => u.id !== admin.id && !u.serviceAccount && !u.isServiceAccount).slice(0, 10)) {
      const res = await send('administrator', 'POST', `/api/v1/admin/users/${String(target.id)}/tokens`, { session: admin, body: { name: 'probe' } });
      if (res.status < 300) find('token-for-someone-else', 'administrator', `POST /api/v1/admin/users/{id}/tokens (${String(target.role)})`, res, 'an administrator minted an API token for another person');
    }
  }

  // --- A forged X-Forwarded-For is not believed, and hostile sign-in names do not break the trail.
  const forged = '203.0.113.77';
  const someone = users[0];
  if (someone) await send('anonymous', 'POST', '/api/v1/auth/login', { body: { username: someone.username, password: 'wrong-password' }, headers: { 'x-forwarded-for': forged } });
  await send('anonymous', 'POST', '/api/v1/auth/login', { rawBody: '{"username":"\\ud800x\\u202e","password":"x"}' });
  await send('anonymous', 'POST', '/api/v1/auth/login', { rawBody: '{"username":"\\udfff","password":"\\ud800"}' });
  const auditor = as('auditor');
  if (auditor) {
    const trail = await send('auditor', 'GET', '/api/v1/audit?limit=50', { session: auditor });
    if (trail.body.includes(forged)) find('forged-ip', 'anonymous', 'POST /api/v1/auth/login (x-forwarded-for)', trail, 'the trail recorded the forged address');
    const verify = await send('auditor', 'POST', '/api/v1/audit/verify', { session: auditor, body: {} });
    if (verify.status !== 200 || json(verify).ok !== true) find('trail-broken', 'auditor', 'POST /api/v1/audit/verify', verify, verify.body.slice(0, 200));
  }

  return { findings, requests, roles: sessions.map((s) => s.user.role) };
}

/** Up to n items spread over the list (first, last and between), so samples are not all from one corner. */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.floor((i * (items.length - 1)) / Math.max(1, n - 1))]!);
  return [...new Set(out)];
}

/** A small body that satisfies the schema's required fields, so refusals come from access, not validation. */
export function exampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return {};
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return exampleOf(alt.find((a) => a.type !== 'null') ?? alt[0], depth + 1);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = exampleOf(schema.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => exampleOf(schema.items, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date-time') return new Date(Date.now() - 86_400_000).toISOString();
      if (schema.format === 'date') return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      return 'probe'.padEnd(Math.min(schema.minLength ?? 5, schema.maxLength ?? 64), 'x');
    default:
      return {};
  }
}
