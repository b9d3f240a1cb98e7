import { codeMessage } from './field-messages.schema.ts';

// The error catalogue: every error a service may raise has a stable code, mapped to HTTP once, here.
export type ErrorCode =
  | 'validation_failed'
  | 'malformed_body'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'sign_in_incomplete'
  | 'not_found'
  | 'conflict'
  | 'illegal_transition'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface FieldError {
  field: string;
  message: string;
  /** The message's code (field-messages.schema.ts): the web app shows it in the officer's language. */
  code?: string;
  /** Values the message carries ("at least {{min}} characters"). */
  params?: Record<string, string>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'not permitted for your role') => new AppError('forbidden', message);
export const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]);
export const conflict = (message: string, field?: string) =>
  new AppError('conflict', message, field ? [{ field, message }] : []);

export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
      return 400;
    case 'malformed_body':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'csrf_failed':
      return 403;
    case 'sign_in_incomplete':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'illegal_transition':
      return 409;
    case 'body_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
    default: {
      const unmapped: never = code;
      return unmapped;
    }
  }
}

const titles: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  malformed_body: 'The request body could not be parsed',
  body_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not permitted',
  csrf_failed: 'Missing or wrong CSRF token',
  sign_in_incomplete: 'Finish signing in first',
  not_found: 'Not found',
  conflict: 'Conflict with the current state',
  illegal_transition: 'Transition not allowed',
  rate_limited: 'Too many requests',
  unavailable: 'The service is busy',
  internal: 'Internal error',
};

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  correlationId?: string;
}

export function toProblem(err: AppError, correlationId?: string): Problem {
  const status = httpStatus(err.code);
  return {
    type: `https://amaan.invalid/problems/${err.code.replace(/_/g, '-')}`,
    title: titles[err.code],
    status,
    detail: err.message,
    code: err.code,
    ...(err.errors.length ? { errors: err.errors.map(withCode) } : {}),
    ...(correlationId ? { correlationId } : {}),
  };
}

/** A field error with its message's code, in the officer's words when a schema still used a developer's. */
function withCode(e: FieldError): FieldError {
  if (e.code) return e;
  const coded = codeMessage(e.message);
  return coded ? { ...e, message: coded.message, code: coded.code, ...(coded.params ? { params: coded.params } : {}) } : e;
}

/** Seconds a client should wait before trying again after a 503 (the Retry-After header). */
export const BUSY_RETRY_AFTER_S = 2;

// PostgreSQL error codes that mean "overloaded or briefly unavailable", not "this request is wrong":
// 57014 query_canceled (statement_timeout), 55P03 lock_not_available (lock_timeout), 53300 too_many_connections,
// 57P03 cannot_connect_now (server starting or shutting down), 53400 configuration_limit_exceeded.
const BUSY_PG_CODES = new Set(['57014', '55P03', '53300', '57P03', '53400']);
// node-postgres's pool gives up waiting for a connection (connectionTimeoutMillis) with a plain Error: its message
// is the only mark (pg-pool 3.x).
const BUSY_POOL_MESSAGES = ['timeout exceeded when trying to connect', 'Connection terminated due to connection timeout'];

/**
 * A database error that means the server is overloaded (pool exhausted, statement or lock timeout): the request
 * was not wrong and nothing was stored (the transaction rolled back), so it is answered 503 with Retry-After
 * rather than 500. Null for anything else.
 */
export function databaseBusy(error: unknown): AppError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && BUSY_PG_CODES.has(code)) {
    return new AppError('unavailable', code === '55P03' ? 'the record is busy with another change; nothing was stored, try again shortly' : 'the database is busy; nothing was stored, try again shortly');
  }
  if (BUSY_POOL_MESSAGES.some((m) => error.message.includes(m))) return new AppError('unavailable', 'the server is busy (no database connection free); nothing was stored, try again shortly');
  return null;
}
