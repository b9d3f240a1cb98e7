import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { deriveOperationId } from '../../src/platform/http/openapi.ts';

// The API document platforms build clients from (issue 11, part 5): lint clean under Redocly's recommended rules
// (the pinned @redocly/cli, run offline from node_modules), and every operation complete: an operationId, unique,
// and its problem+json error answers described with the shared ProblemDetails schema. The document is generated,
// so this fails for any route the generation misses, not only for the routes that exist today.
const { engines } = await detectEngines();
const redocly = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

type Operation = { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>; requestBody?: unknown };

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: { servers?: unknown[]; info: { license?: { name: string } }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  beforeAll(async () => {
    t = await createTestApp(engines[0]!);
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => t?.close());

  const operations = () => Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ where: `${m.toUpperCase()} ${path}`, op: item[m]! })));

  it('has servers, a licence and the shared ProblemDetails schema', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.info.license?.name).toBe('Apache-2.0');
    expect(doc.components.schemas.ProblemDetails).toBeTruthy();
  });

  it('gives every operation a unique operationId and its problem+json 4xx answers', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(100);
    const ids = new Set<string>();
    for (const { where, op } of ops) {
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(ids.has(op.operationId!), `${where}: operationId ${op.operationId} used twice`).toBe(false);
      ids.add(op.operationId!);
      const problems = Object.entries(op.responses ?? {}).filter(([status]) => /^4\d\d$/.test(status));
      expect(problems.length, `${where} describes no 4xx answer`).toBeGreaterThan(0);
      for (const [status, answer] of problems) {
        expect(answer.content?.['application/problem+json']?.schema?.$ref, `${where} ${status}`).toBe('#/components/schemas/ProblemDetails');
      }
      expect(op.responses?.['400'], `${where} 400`).toBeTruthy();
    }
    // What is derived follows the route: a record in the path may be 404, a change may conflict, a body may be too large.
    const create = doc.paths['/api/v1/cases/{id}/takedowns']!.post!;
    expect(Object.keys(create.responses!).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '503']);
    expect(Object.keys(doc.paths['/api/v1/takedowns']!.get!.responses!).sort()).toEqual(['200', '400', '401', '403', '503']);
    expect(doc.paths['/api/v1/auth/login']!.post!.responses!['429']).toBeTruthy();
    // Any route may find the database busy (pool exhausted, statement timeout): 503 with Retry-After.
    expect(doc.paths['/api/v1/auth/login']!.post!.responses!['503']).toBeTruthy();
    expect(doc.paths['/api/v1/auth/login']!.post!.responses!['401']).toBeUndefined();
  });

  it('carries examples of the intake shapes', () => {
    const media = (doc.paths['/api/v1/cases/{id}/takedowns']!.post!.requestBody as { content: Record<string, { examples?: Record<string, unknown> }> }).content['application/json']!;
    expect(Object.keys(media.examples ?? {}).length).toBeGreaterThan(0);
  });

  it('derives stable operationIds from method and path', () => {
    expect(deriveOperationId('GET', '/api/v1/cases/:id/takedowns')).toBe('getCasesByIdTakedowns');
    expect(deriveOperationId('POST', '/api/v1/legal-requests/:id/followups')).toBe('postLegalRequestsByIdFollowups');
    expect(deriveOperationId('GET', '/api/v1/person-suggestions')).toBe('getPersonSuggestions');
  });

  it('is lint clean under Redocly\'s recommended rules (offline)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'amaan-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc, null, 1));
      const r = spawnSync(process.execPath, [redocly, 'lint', '--extends', 'recommended', '--format', 'stylish', '--max-problems', '50', file], {
        encoding: 'utf8', timeout: 120_000, cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      });
      const out = `${r.stdout}\n${r.stderr}`;
      expect(r.status, out.slice(-4000)).toBe(0);
      expect(out).toContain('Your API description is valid');
      expect(out).not.toMatch(/\d+ warnings?\b|^\s*\d+:\d+\s+warning/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
