import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, fixtureUsers, type TestApp, type UserKey } from '../support/harness.ts';
import { can, roles, type Permission } from '../../src/platform/access/permissions.ts';

// Every role against every endpoint. Two layers are checked: the role gate (403 for a role without the
// permission, before any body is read) and need-to-know (404 for objects outside the caller's scope,
// so an id cannot be probed). The expected table below is written by hand for the main endpoints, so a
// change to the permission table that widens access fails here.
const { engines } = await detectEngines();
const RANDOM_ID = '6f1c2b9e-4d3a-4c5b-9e8f-0a1b2c3d4e5f';

function fill(url: string): string {
  return url.replace(/:code/g, 'PECA-22').replace(/:[A-Za-z]+/g, RANDOM_ID);
}

const expectedAllowed: Record<string, Array<(typeof fixtureUsers)[UserKey]['role']>> = {
  'GET /api/v1/cases': ['investigator', 'supervisor', 'analyst', 'prosecutor'],
  'POST /api/v1/cases': ['investigator', 'supervisor'],
  'POST /api/v1/cases/:id/transitions': ['investigator', 'supervisor', 'prosecutor'],
  'PUT /api/v1/cases/:id/team': ['supervisor'],
  'GET /api/v1/staff': ['supervisor'],
  'GET /api/v1/cases/:id/media': ['investigator', 'supervisor', 'analyst', 'prosecutor'],
  'POST /api/v1/hash-sets/import': ['analyst'],
  'PUT /api/v1/offences/:code': ['administrator'],
  'POST /api/v1/admin/trusted-installations': ['administrator'],
  'GET /api/v1/bundles/match-suggestions': ['investigator', 'supervisor', 'analyst', 'prosecutor'],
  'GET /api/v1/offences': ['investigator', 'supervisor', 'analyst', 'protection_officer', 'prosecutor', 'leadership', 'administrator', 'auditor'],
};

describe.each(engines)('RBAC matrix on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('every /api/v1 route declares an access rule and refuses anonymous callers', async () => {
    expect(t.app.routeTable.length).toBeGreaterThan(20);
    for (const r of t.app.routeTable) {
      expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
      if (r.access === 'public') continue;
      const res = await t.call(null, r.method as 'GET', fill(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url} anonymous`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses each role every endpoint its permissions do not grant, and lets the others past the gate', async () => {
    const checked: string[] = [];
    for (const r of t.app.routeTable) {
      if (r.access === 'public' || r.access === 'authenticated') continue;
      for (const key of Object.keys(fixtureUsers) as UserKey[]) {
        const role = fixtureUsers[key].role;
        const res = await t.call(key, r.method as 'GET', fill(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const allowed = can(role, r.access as Permission);
        if (!allowed) {
          expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
          expect(res.json().code).toBe('forbidden');
        } else {
          // Past the role gate: an empty body is invalid, a random id is unknown; never a 5xx.
          expect(res.statusCode, `${role} ${r.method} ${r.url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        }
        checked.push(`${role} ${r.method} ${r.url}`);
      }
    }
    expect(checked.length).toBeGreaterThan(100);
  });

  it('matches the hand-written table for the main endpoints', () => {
    for (const [route, allowedRoles] of Object.entries(expectedAllowed)) {
      const [method, url] = route.split(' ');
      const r = t.app.routeTable.find((x) => x.method === method && x.url === url);
      expect(r, route).toBeTruthy();
      const actual = roles.filter((role) => r!.access === 'authenticated' || can(role, r!.access as Permission));
      expect([...actual].sort(), route).toEqual([...allowedRoles].sort());
    }
  });

  it('answers a guessed id outside the caller scope exactly like a missing one', async () => {
    const id = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Scope probe', offenceCodes: ['PECA-22'] })).json().id;
    for (const url of [`/api/v1/cases/${id}`, `/api/v1/cases/${id}/timeline`, `/api/v1/cases/${id}/media`]) {
      const hidden = await t.call('invB', 'GET', url);
      const missing = await t.call('invB', 'GET', url.replace(id, RANDOM_ID));
      expect(hidden.statusCode, url).toBe(404);
      expect(missing.statusCode, url).toBe(404);
      expect(hidden.json().detail).toBe(missing.json().detail);
    }
  });
});
