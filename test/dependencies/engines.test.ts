import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import semver from 'semver';

// The project runs on Node 20 (package.json "engines"). A runtime dependency that declares a newer Node may
// still work, but only by luck of what it calls; each such package is listed here with the reason it is known
// to work on the project's minimum, so a new one fails this test instead of failing a user's installation.
const KNOWN: Record<string, string> = {
  // ESM only (no CommonJS build): @fastify/cookie and light-my-request load it with require(), which Node
  // supports without a flag from 20.19 on (require(esm)); that is why the project's minimum is 20.19.
  'node_modules/cookie': 'require(esm), Node >= 20.19',
};

interface LockPackage { dev?: boolean; engines?: { node?: string } | string[] }

const project = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
const minimum = semver.minVersion(project.engines.node)!;

describe('runtime dependencies and the Node versions the project supports', () => {
  it('the project names a minimum Node 20 release', () => {
    expect(minimum.major).toBe(20);
  });

  it('every runtime dependency admits the minimum Node version, or is known to work on it and says why', () => {
    const refused: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      if (!path || pkg.dev || Array.isArray(pkg.engines)) continue;
      const range = pkg.engines?.node;
      if (!range || semver.satisfies(minimum, range)) continue;
      if (!KNOWN[path]) refused.push(`${path} (engines.node ${range})`);
    }
    expect(refused).toEqual([]);
  });

  it('the running Node can load the ESM-only packages the CommonJS ones require', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const cookie = require('cookie') as { stringifySetCookie?: unknown };
    expect(typeof cookie.stringifySetCookie).toBe('function');
  });
});
