import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import type { Api } from '../../src/platform/http/route-kit.ts';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';

// The web app's routes (static files and the client-side fallback) go through the same declaration and gate
// as the API: declared public by their zone, canonical targets only, and the API behind them unchanged.
const { engines } = await detectEngines();

describe.each(engines)('web app routes on %s', (engine) => {
  let t: TestApp;
  let web: Api;
  let root: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    root = await mkdtemp(join(tmpdir(), 'amaan-web-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Amaan</title>');
    await writeFile(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
    web = await buildApp(t.ctx, { webRoot: root });
  });
  afterAll(async () => {
    await web?.close();
    await t?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('declares every web route public, serves the shell and assets, and keeps the API gated', async () => {
    const webRoutes = web.routeTable.filter((r) => !r.url.startsWith('/api'));
    expect(webRoutes.length).toBeGreaterThan(1);
    for (const r of webRoutes) expect(r.access, `${r.method} ${r.url}`).toBe('public');
    expect((await web.inject({ url: '/' })).statusCode).toBe(200);
    expect((await web.inject({ url: '/cases/6f1c2b9e-4d3a-4c5b-9e8f-0a1b2c3d4e5f' })).body).toContain('<title>Amaan</title>');
    expect((await web.inject({ url: '/assets/app-1a2b.js' })).statusCode).toBe(200);
    expect((await web.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await web.inject({ url: '/api/v1/cases' })).statusCode).toBe(401);
    const encoded = await web.inject({ url: '/%61ssets/app-1a2b.js' });
    expect(encoded.statusCode).toBe(400);
    expect(encoded.json().errors[0].field).toBe('url');
  });
});
