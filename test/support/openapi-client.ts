import createClient from 'openapi-fetch';
import type { Api } from '../../src/platform/http/route-kit.ts';
import type { paths } from './openapi-types.ts';

// A client typed by the app's OpenAPI document (openapi-fetch over the generated types), talking to the app
// in-process (Fastify inject): request and answer shapes are the document's, so tests that use it break when
// the document drifts from what they send and read.

export type TypedClient = ReturnType<typeof createClient<paths>>;

export function typedClient(app: Api, opts: { token?: string; ip?: string } = {}): TypedClient {
  const fetch = async (input: Request): Promise<Response> => {
    const url = new URL(input.url);
    const headers: Record<string, string> = {};
    input.headers.forEach((v, k) => {
      headers[k] = v;
    });
    const body = input.body ? Buffer.from(await input.arrayBuffer()) : undefined;
    const res = await app.inject({ method: input.method as 'GET', url: `${url.pathname}${url.search}`, headers, ...(body ? { payload: body } : {}), ...(opts.ip ? { remoteAddress: opts.ip } : {}) });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    return new Response(res.statusCode === 204 || res.rawPayload.length === 0 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: out });
  };
  return createClient<paths>({ baseUrl: 'http://amaan.test', fetch, headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {} });
}
