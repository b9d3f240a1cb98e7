import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Api } from './route-kit.ts';
import { declareZone, unscoped } from '../access/route-access.ts';

// Serves the built web app: hashed assets cached for a year, index.html never cached, and every
// non-API path falls back to index.html so client-side routes survive a reload.
export async function serveWebApp(app: Api, root: string): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) return;
  await app.register(async (web) => {
    // The shell and its built assets hold no record: public, like the sign-in page they draw.
    declareZone(web as unknown as FastifyInstance, { access: 'public', scope: { 'params.*': unscoped('a client-side route of the web app shell, no record') } });
    await serveFiles(web as unknown as Api, root);
  });
}

async function serveFiles(app: Api, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    // The build writes .br and .gz beside each asset (vite.config.ts); sent when the browser accepts them.
    preCompressed: true,
    // Our own cache-control (below); send's default (max-age=0) would otherwise overwrite it.
    cacheControl: false,
    setHeaders(res, path) {
      if (path.includes(`${'/'}assets${'/'}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    // A missing asset (an old build's chunk) is a 404, not the app's page served as a script.
    if (request.url.startsWith('/api') || request.url.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
