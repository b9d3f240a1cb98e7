import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform } from '../../src/platform/bootstrap.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Role } from '../../src/platform/db/schema.ts';
import { loadDemoIfEmpty } from '../../src/demo/demo.loader.ts';
import { ensureWebBuild, webRoot } from './web-build.ts';

export interface DemoUser {
  role: Role;
  username: string;
  password: string;
}

export interface WebServer {
  url: string;
  ctx: AppContext;
  users: DemoUser[];
  /** The first demo user of a role. */
  user(role: Role): DemoUser;
  close(): Promise<void>;
}

/** The whole system in this process: in-memory PGlite, the demo dataset, the built web app, on a free loopback port. */
/** `demoMedia`: a folder for the demo media (as `serve --demo` writes under the data folder), which the API may then ingest from. */
export interface WebServerOptions {
  ingestRoot?: string;
  env?: Record<string, string>;
  demoMedia?: string;
}

export async function startWebServer(opts: WebServerOptions = {}): Promise<WebServer> {
  await ensureWebBuild();
  const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ...(opts.ingestRoot ? { AMAAN_INGEST_ROOTS: opts.ingestRoot } : {}), ...opts.env });
  const { ctx: started, database } = await startPlatform(config, { inMemory: true });
  const demo = await loadDemoIfEmpty(started, opts.demoMedia ? { mediaRoot: opts.demoMedia } : {});
  const ctx = demo.media ? { ...started, config: { ...started.config, demoIngestRoot: demo.media.root } } : started;
  const app = await buildApp(ctx, { webRoot });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const users = demo.users as DemoUser[];
  return {
    url: address,
    ctx,
    users,
    user(role) {
      const u = users.find((x) => x.role === role);
      if (!u) throw new Error(`the demo data has no ${role}`);
      return u;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
