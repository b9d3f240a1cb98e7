import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { rolesWith, type Permission } from '../../src/platform/access/permissions.ts';
import { routeShape, webCalls } from './web-calls.ts';

// Every API operation a role may call has a screen that calls it, unless it is listed below as API-only with
// the reason. The routes are walked from the app's route table (never listed by hand) and the web app's calls
// read from its source (test/web/web-calls.ts): a new operation without a screen or an entry here fails.

/** "METHOD /api/v1/path" -> why no screen calls it. */
export const apiOnly: Record<string, string> = {
  'GET /api/v1/documents/:id': "one document's record, for integrations: the documents panels list a record's documents with every version",
  'GET /api/v1/admin/offices/:id': 'one office: the offices page reads the whole list with each office',
  'GET /api/v1/figures': 'the figure registry is read by the briefing and exports (amaan report); its dashboards (issue 12, part 3) are not built yet',
  'GET /api/v1/figures/:id': 'the figure registry is read by the briefing and exports (amaan report); its dashboards (issue 12, part 3) are not built yet',
  'GET /api/v1/reports/briefing/preview': 'the HTML preview of the briefing PDF (amaan report briefing); the web app produces the PDF itself as a background job (leadership home)',
  'GET /api/v1/offences/:code': 'one offence: the catalogue page reads the whole list (GET /offences); kept for integrations',
  'PATCH /api/v1/cases/:id/persons/:personId': 'the older single "foreign warrant requested" switch, kept for existing clients; the warrants screen replaces it (it writes a warrant too)',
  'GET /api/v1/admin/installation-key': 'installation trust for bundle exchange is set up from the command line (amaan keys)',
  'GET /api/v1/admin/trusted-installations': 'installation trust for bundle exchange is set up from the command line (amaan keys)',
  'POST /api/v1/admin/trusted-installations': 'installation trust for bundle exchange is set up from the command line (amaan keys)',
  'DELETE /api/v1/admin/trusted-installations/:keyId': 'installation trust for bundle exchange is set up from the command line (amaan keys)',
  'GET /api/v1/bundles/match-suggestions': 'import match suggestions are reviewed from the command line (amaan match); no screen yet',
  'PATCH /api/v1/bundles/match-suggestions/:id': 'import match suggestions are reviewed from the command line (amaan match); no screen yet',
  'GET /api/v1/graph/central': 'graph analytics for analysts\' tools and the CLI (amaan graph central); the graph page shows neighbourhoods and paths',
  'GET /api/v1/graph/communities': 'graph analytics for analysts\' tools and the CLI (amaan graph communities)',
  'GET /api/v1/graph/component': 'graph analytics for analysts\' tools and the CLI (amaan graph components)',
  'GET /api/v1/graph/components': 'graph analytics for analysts\' tools and the CLI (amaan graph components)',
  'GET /api/v1/graph/linked-cases': 'graph analytics for analysts\' tools and the CLI (amaan graph linked-cases)',
  'GET /api/v1/hash-sets/:id': 'one hash set: the hash-sets page reads the list, which carries every field',
  'GET /api/v1/deconfliction/alerts/:id': 'one alert: the alerts page reads the list, which carries every field',
  'POST /api/v1/stats/rebuild': 'maintenance after an edit of the offence catalogue or the time zone, as `amaan stats rebuild`; the figures stay exact meanwhile',
  'POST /api/v1/person-suggestions/batch': 'the duplicate search over every person as a job (amaan resolve --all); the suggestions page lists what it finds',
  'POST /api/v1/tip-rules/rescore': 'a bulk re-scoring of the open tips as a job; changing a rule on the rules page re-scores at once',
  'POST /api/v1/entities': 'an entity on its own (no case): recorded by integrations; screens record entities within a case or a person',
};

/** Access levels every signed-in user (or anyone) has: the role check does not apply. */
const open = new Set(['public', 'authenticated']);

function matches(webPath: string, routePath: string): boolean {
  const a = webPath.split('/');
  const b = routePath.split('/');
  // A web call's `${...}` segment (:_) stands for any segment, a route parameter or a literal chosen at run time.
  return a.length === b.length && a.every((s, i) => s === b[i] || s === ':_' || (b[i] === ':_' && s === ':_'));
}

const { engines } = await detectEngines();

describe('every API operation a role may call has a screen, or is API-only with a reason', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(engines[0]!); }, 240_000);
  afterAll(async () => t?.close());

  const calls = webCalls(new URL('../../src/web', import.meta.url).pathname);
  const routes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD' && !open.has(r.access));
  const covered = (method: string, url: string) => calls.some((c) => c.method === method && matches(c.path, routeShape(url)));

  it('reads the web app\'s calls', () => {
    expect(calls.length).toBeGreaterThan(50);
    expect(calls).toContainEqual(expect.objectContaining({ method: 'GET', path: '/cases/:_' }));
  });

  it('finds a screen or an API-only reason for every operation of every role', () => {
    const gaps: string[] = [];
    for (const r of routes()) {
      const key = `${r.method} ${r.url}`;
      const roles = rolesWith(r.access as Permission);
      if (!roles.length || covered(r.method, r.url)) continue;
      if (!apiOnly[key]?.trim()) gaps.push(`${key} (${r.access}: ${roles.join(', ')})`);
    }
    expect(gaps, 'operations without a screen: add one, or list them in apiOnly with the reason').toEqual([]);
  });

  it('keeps the API-only list honest: every entry is a live operation without a screen', () => {
    const live = new Map(routes().map((r) => [`${r.method} ${r.url}`, r]));
    const stale = Object.keys(apiOnly).filter((key) => {
      const r = live.get(key);
      return !r || covered(r.method, r.url);
    });
    expect(stale).toEqual([]);
  });

  it('would fail on a new operation without a screen', () => {
    const invented = { method: 'POST', url: '/api/v1/cases/:id/invented-thing', access: 'case.write' };
    expect(covered(invented.method, invented.url)).toBe(false);
    expect(apiOnly[`${invented.method} ${invented.url}`]).toBeUndefined();
  });
});
