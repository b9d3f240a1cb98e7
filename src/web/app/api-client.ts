// The one way the web app talks to the API: JSON in and out, the session cookie sent by the browser,
// the CSRF token on every change, and RFC 9457 problem+json turned into an ApiError with field messages.

export interface FieldErrors {
  [field: string]: string;
}

/** A field message's code and values (src/platform/http/field-messages.schema.ts), to show it in the officer's language. */
export interface FieldCode {
  code: string;
  params?: Record<string, string>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly correlationId?: string,
    readonly fieldCodes: Record<string, FieldCode> = {},
  ) {
    super(message);
  }
}

type ProblemBody = { code?: string; detail?: string; errors?: Array<{ field: string; message: string; code?: string; params?: Record<string, string> }>; correlationId?: string };

/** problem+json -> the ApiError forms read: each field's first message and its code. */
function problemError(status: number, problem: ProblemBody, statusText: string): ApiError {
  const fields: FieldErrors = {};
  const codes: Record<string, FieldCode> = {};
  for (const e of problem.errors ?? []) {
    const name = fieldName(e.field);
    if (name in fields) continue;
    fields[name] = e.message;
    if (e.code) codes[name] = { code: e.code, ...(e.params ? { params: e.params } : {}) };
  }
  return new ApiError(status, problem.code ?? 'error', problem.detail ?? statusText, fields, problem.correlationId, codes);
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
/** Changes with every sign-in and sign-out: a late 401 from an earlier session must not end the new one. */
let sessionGeneration = 0;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  sessionGeneration++;
}

/** Called when the server says the session is gone (expired or signed out elsewhere). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** "body.title" -> "title": forms name fields as the body does. */
export function fieldName(field: string): string {
  return field.replace(/^(body|querystring|params)\.?/, '');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function apiRequest<T>(method: Method, path: string, body?: unknown, init: { raw?: BodyInit; contentType?: string } = {}): Promise<T> {
  const generation = sessionGeneration;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (init.raw !== undefined) {
    payload = init.raw;
    headers['content-type'] = init.contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network_error');
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  const problem = (await res.json().catch(() => ({}))) as ProblemBody;
  if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me' && generation === sessionGeneration) onUnauthenticated?.();
  throw problemError(res.status, problem, res.statusText);
}

/**
 * A large upload with progress (XMLHttpRequest reports bytes sent; fetch does not). `onProgress` gets
 * bytes sent and the total; once the body is sent the server works, and the promise waits for its answer.
 */
export function uploadWithProgress<T>(path: string, body: Blob | FormData, onProgress: (sent: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    // A form (multipart) gets its content type, boundary included, from the browser.
    if (body instanceof Blob) xhr.setRequestHeader('content-type', body.type || 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body instanceof Blob ? body.size : e.loaded);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network_error'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // An empty or non-JSON answer: judged by the status alone.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      if (xhr.status === 401) onUnauthenticated?.();
      reject(problemError(xhr.status, (data ?? {}) as ProblemBody, xhr.statusText));
    };
    xhr.send(body);
  });
}

export const api = {
  get: <T>(path: string, query?: Query) => apiRequest<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A list whose total is counted only up to a bound (cases, persons): `totalExact` false means "more than total". */
export interface BoundedPage<T> extends Page<T> {
  totalExact: boolean;
}
