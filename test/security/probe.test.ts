import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform } from '../../src/platform/bootstrap.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { loadDemoIfEmpty } from '../../src/demo/demo.loader.ts';
import type { Api } from '../../src/platform/http/route-kit.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { runProbe, type ProbeUser } from './probe/probe.ts';

// The attacker's probe (probe/probe.ts) against the whole system on a real socket, signed in as every demo
// role, on the demo dataset: it must find nothing. The same probe runs against `npm start` with
// `npx tsx test/security/probe/cli.ts http://localhost:3000`.
describe('attacker probe against the demo server', () => {
  let app: Api;
  let database: Database;
  let url: string;
  let users: ProbeUser[];
  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0' });
    const started = await startPlatform(config, { inMemory: true });
    database = started.database;
    users = (await loadDemoIfEmpty(started.ctx)).users as ProbeUser[];
    app = await buildApp(started.ctx);
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('finds nothing, signed in as every demo role', async () => {
    const result = await runProbe(url, users, { sample: 6 });
    expect(result.roles.sort()).toEqual([...new Set(users.map((u) => u.role))].sort());
    expect(result.requests).toBeGreaterThan(500);
    // Grouped by rule, a few examples each, so one noisy rule does not hide the others.
    const byRule = new Map<string, typeof result.findings>();
    for (const f of result.findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    const summary = [...byRule].flatMap(([rule, list]) => [
      `${rule}: ${list.length}`,
      ...list.slice(0, 4).map((f) => `  [${f.who}] ${f.request} -> ${f.status}: ${f.note}`),
    ]);
    expect(summary, `${result.findings.length} findings`).toEqual([]);
  }, 600_000);
});
