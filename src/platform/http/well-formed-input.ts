import type { FastifyRequest } from 'fastify';
import { hasLoneSurrogate } from '../text/well-formed.ts';
import { AppError } from './errors.ts';

// A lone UTF-16 surrogate ("\ud800" in JSON) is not a character: PostgreSQL cannot store it (it would
// silently become U+FFFD) and anything hashed before storing would no longer match. Refused for every
// /api/v1 route, public ones (sign-in) included, with the field named.

/** The path of the first string or key holding a lone surrogate, or null. */
export function findLoneSurrogate(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : null;
  if (!value || typeof value !== 'object' || depth > 20) return null;
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return null; // a raw upload stream
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (hasLoneSurrogate(k)) return `${path}.${k}`;
    const hit = findLoneSurrogate(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** preValidation hook: 400 naming the field when the body, query or params hold a lone surrogate. */
export async function refuseLoneSurrogates(request: FastifyRequest): Promise<void> {
  if (!request.url.startsWith('/api/v1')) return;
  const hit = findLoneSurrogate(request.body, 'body') ?? findLoneSurrogate(request.query, 'querystring') ?? findLoneSurrogate(request.params, 'params');
  if (hit) throw new AppError('validation_failed', `${hit}: contains an unpaired surrogate (not a Unicode character)`, [{ field: hit, message: 'contains an unpaired surrogate (not a Unicode character)' }]);
}
