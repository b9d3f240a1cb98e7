import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { fieldContext } from '../crypto/field-crypto.ts';
import type { AppContext } from '../context.ts';

// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app reads it) through otpauth,
// a QR code of the otpauth:// URI through qrcode, and single-use recovery codes kept only as hashes.
export const TOTP_PERIOD = 30;
const TOTP_DIGITS = 6;
/** One step either side: a phone clock up to 30 s off still works. */
const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function totpFor(secretBase32: string, label = 'user'): TOTP {
  return new TOTP({ issuer: 'Amaan', label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

/** The QR code as a data: URL (an SVG image: the Content-Security-Policy allows data: images). */
export async function qrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** The time step a code is valid for, or null; a step at or before `lastStep` is a replay and refused. */
export function matchTotp(secretBase32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The code for a time (tests and the e2e test act as the authenticator app). */
export function totpCode(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: now });
}

// Recovery codes: 10 groups of "xxxxx-xxxxx" from an alphabet without look-alikes (50 bits each).
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 letters: no l, o, 0 or 1
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Salted with the user id, so one table of hashes cannot be matched across users. */
export function recoveryCodeHash(userId: string, code: string): string {
  return createHash('sha256').update(`amaan-recovery:${userId}:`).update(normaliseRecoveryCode(code)).digest('hex');
}

// The TOTP secret is stored with the app's field crypto. These two functions are the only place that
// seals and opens it, so binding the ciphertext to its record and field is a change here alone.
// Bound to the user and the field: a secret copied onto another user's row does not open.
const totpContext = (userId: string) => fieldContext('user_mfa', 'totp_secret', userId);

export function sealTotpSecret(ctx: AppContext, userId: string, secretBase32: string): { keyId: string; blob: Buffer } {
  return { keyId: ctx.crypto.keyId, blob: ctx.crypto.encryptJson(secretBase32, totpContext(userId)) };
}

export function openTotpSecret(ctx: AppContext, userId: string, keyId: string, blob: Uint8Array): string {
  return ctx.crypto.decryptJson<string>(keyId, blob, totpContext(userId));
}
