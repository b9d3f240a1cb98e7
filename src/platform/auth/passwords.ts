import { timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';

// argon2id with OWASP's second recommended setting (19 MiB, 2 passes, 1 lane).
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's score 0-4: below 3 (fewer than 10^8 guesses) is common or built from common pieces. */
const MIN_SCORE = 3;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// zxcvbn-ts with its common dictionaries (the leaked-password list "passwords-common" and diceware words).
let estimator: ZxcvbnFactory | undefined;
function strength(password: string, userInputs: string[]) {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...zxcvbnCommon.dictionary }, graphs: zxcvbnCommon.adjacencyGraphs });
  // The estimate is quadratic in length; the first 100 characters decide whether it is common.
  return estimator.check(password.slice(0, 100), userInputs);
}

/**
 * Rules for new passwords: long enough to resist guessing, short enough to bound hashing work, and not a
 * common password or one built from common pieces and the user's own name (zxcvbn-ts dictionaries).
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const result = strength(password, userInputs.filter(Boolean));
  if (result.score < MIN_SCORE) return 'is too common or too easy to guess: use a longer phrase of unrelated words';
  return null;
}

/** Compares two secrets in constant time (for equal lengths; a length difference is not secret). */
export function secretsEqual(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
