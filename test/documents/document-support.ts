import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../../src/platform/auth/auth.service.ts';
import { FIXTURE_PASSWORD, sessionOnlyUsers, type TestApp, type UserKey } from '../support/harness.ts';

// Multipart uploads for the document tests: the harness's t.call sends JSON only.

export interface FilePart {
  name: string;
  content: Buffer;
  /** What the browser would claim; the server ignores it and reads the content. */
  type?: string;
}

export function multipart(fields: Record<string, string>, file?: FilePart): { payload: Buffer; contentType: string } {
  const boundary = `----amaan-test-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const sessions = new WeakMap<TestApp, Map<UserKey, Record<string, string>>>();

async function authHeaders(t: TestApp, user: UserKey): Promise<Record<string, string>> {
  if (!sessionOnlyUsers.has(user)) return { authorization: `Bearer ${t.users[user].token}` };
  let byUser = sessions.get(t);
  if (!byUser) sessions.set(t, (byUser = new Map()));
  let headers = byUser.get(user);
  if (!headers) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: t.users[user].username, password: FIXTURE_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error(`sign-in of ${user} failed: ${res.body}`);
    headers = { cookie: `${SESSION_COOKIE}=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
    byUser.set(user, headers);
  }
  return headers;
}

export async function upload(t: TestApp, user: UserKey, url: string, fields: Record<string, string>, file?: FilePart): Promise<LightMyRequestResponse> {
  const body = multipart(fields, file);
  return t.app.inject({ method: 'POST', url, headers: { ...(await authHeaders(t, user)), 'content-type': body.contentType }, payload: body.payload });
}

export async function get(t: TestApp, user: UserKey, url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers: await authHeaders(t, user) });
}

/** A small PDF (synthetic, benign). */
export const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
