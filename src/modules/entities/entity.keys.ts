// One normalised key per kind of entity (DESIGN-9, issue 9): the same value typed anywhere (person form,
// case panel, bundle, import) reduces to the same (kind, key), so it is one row of `entities`.
// Pure functions, no database: each answers the key, how to show the value and the platform, or the reason
// the value is refused (shown to the user as a 400 naming the field).
import { base32, base58xmr, bech32, bech32m, createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2';
import { keccak_256, sha3_256 } from '@noble/hashes/sha3';
import { bytesToHex } from '@noble/hashes/utils';
import ipaddr from 'ipaddr.js';
import type { EntityKind } from '../../platform/db/schema.ts';
import { phoneKey } from '../resolution/identifiers.ts';

export const entityKinds = ['account', 'phone', 'email', 'bank_account', 'wallet', 'crypto_address', 'device', 'ip_address', 'organisation', 'place', 'other'] as const satisfies readonly EntityKind[];

export type EntityKeyResult = { ok: true; key: string; display: string; platform: string | null } | { ok: false; reason: string };

const ok = (key: string, display: string, platform: string | null): EntityKeyResult => ({ ok: true, key, display, platform });
const fail = (reason: string): EntityKeyResult => ({ ok: false, reason });

const MAX = 400;

/** Trimmed, NFKC, inner white space collapsed to one space. */
export function tidy(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A platform or provider name as a key part: lower-case, NFKC, collapsed spaces, known aliases folded. */
export function platformKey(platform: string | null | undefined): string | null {
  if (platform == null) return null;
  const p = tidy(platform).toLowerCase();
  if (!p) return null;
  return PLATFORM_ALIASES[p] ?? p;
}

const PLATFORM_ALIASES: Record<string, string> = {
  fb: 'facebook', 'facebook.com': 'facebook', ig: 'instagram', insta: 'instagram', 'instagram.com': 'instagram',
  x: 'twitter', 'x.com': 'twitter', 'twitter.com': 'twitter', tg: 'telegram', 't.me': 'telegram', 'telegram.org': 'telegram',
  wa: 'whatsapp', 'whats app': 'whatsapp', yt: 'youtube', 'youtube.com': 'youtube', 'tiktok.com': 'tiktok', 'tik tok': 'tiktok',
  'jazz cash': 'jazzcash', 'easy paisa': 'easypaisa', 'easy-paisa': 'easypaisa', btc: 'bitcoin', eth: 'ethereum', trx: 'tron', xmr: 'monero',
};

// ---------------------------------------------------------------------------------------------------------
// Accounts: platform + handle (without @, lower-case) or numeric account id; profile URLs reduce to the same.

/** Profile URL hosts and how to find the handle in the path. */
const PROFILE_HOSTS: Array<{ hosts: string[]; platform: string; handle: (segments: string[], url: URL) => string | null }> = [
  {
    hosts: ['facebook.com', 'fb.com', 'm.facebook.com', 'web.facebook.com', 'mbasic.facebook.com'], platform: 'facebook',
    handle: (s, url) => (s[0] === 'profile.php' ? url.searchParams.get('id') : s[0] === 'people' ? (s[2] ?? null) : (s[0] ?? null)),
  },
  { hosts: ['instagram.com'], platform: 'instagram', handle: (s) => s[0] ?? null },
  { hosts: ['twitter.com', 'x.com', 'mobile.twitter.com'], platform: 'twitter', handle: (s) => s[0] ?? null },
  { hosts: ['tiktok.com', 'vm.tiktok.com'], platform: 'tiktok', handle: (s) => s[0] ?? null },
  { hosts: ['t.me', 'telegram.me', 'telegram.dog'], platform: 'telegram', handle: (s) => s[0] ?? null },
  { hosts: ['youtube.com', 'm.youtube.com'], platform: 'youtube', handle: (s) => (s[0] === 'c' || s[0] === 'user' || s[0] === 'channel' ? (s[1] ?? null) : (s[0] ?? null)) },
  { hosts: ['reddit.com', 'old.reddit.com'], platform: 'reddit', handle: (s) => (s[0] === 'u' || s[0] === 'user' ? (s[1] ?? null) : null) },
  { hosts: ['github.com'], platform: 'github', handle: (s) => s[0] ?? null },
  { hosts: ['snapchat.com'], platform: 'snapchat', handle: (s) => (s[0] === 'add' ? (s[1] ?? null) : null) },
  { hosts: ['linkedin.com'], platform: 'linkedin', handle: (s) => (s[0] === 'in' ? (s[1] ?? null) : null) },
  { hosts: ['vk.com'], platform: 'vk', handle: (s) => s[0] ?? null },
];

/** The platform and handle of a profile URL of a common platform, or null when the value is no such URL. */
export function profileUrl(value: string): { platform: string; handle: string } | null {
  if (!/^(https?:\/\/)?([\w-]+\.)*[\w-]+\.[a-z]{2,}\//i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const site = PROFILE_HOSTS.find((p) => p.hosts.includes(host));
  if (!site) return null;
  const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const handle = site.handle(segments, url);
  return handle ? { platform: site.platform, handle: handle.replace(/^@+/, '') } : null;
}

function accountKey(value: string, platform: string | null): EntityKeyResult {
  const v = tidy(value);
  const fromUrl = profileUrl(v);
  let p = platformKey(platform);
  let handle: string;
  if (fromUrl) {
    if (p && p !== fromUrl.platform) return fail(`the profile URL is a ${fromUrl.platform} address, not ${p}`);
    p = fromUrl.platform;
    handle = fromUrl.handle;
  } else {
    // "telegram:@handle" when no platform is given.
    const m = p ? null : /^([A-Za-z][\w .-]{0,60}):\s*@?(\S+)$/.exec(v);
    if (m) {
      p = platformKey(m[1]!);
      handle = m[2]!;
    } else {
      handle = v.replace(/^@+/, '');
    }
  }
  if (!p) return fail('name the platform (Facebook, Telegram, a forum...) or give a profile URL');
  if (!handle) return fail('required');
  if (/\s/.test(handle)) return fail('a handle or account id has no spaces');
  const key = `${p}:${handle.toLowerCase()}`;
  if (key.length > MAX) return fail(`at most ${MAX} characters`);
  return ok(key, handle, p);
}

// ---------------------------------------------------------------------------------------------------------
// Phones, e-mail, mobile wallets.

function phone(value: string): EntityKeyResult {
  const v = tidy(value);
  if (!/^\+?[\d\s\-().]+$/.test(v)) return fail('may hold only digits, spaces, dashes, brackets and a leading +');
  const key = phoneKey(v);
  return key ? ok(key, key, null) : fail('not a phone number: give a Pakistani number such as 0300-1234567, or + and the country code');
}

function email(value: string): EntityKeyResult {
  const v = tidy(value).toLowerCase();
  if (v.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(v)) return fail('must be an e-mail address such as name@example.com');
  return ok(v, v, null);
}

function wallet(value: string, platform: string | null): EntityKeyResult {
  const v = tidy(value);
  const m = /^([A-Za-z][\w .-]{0,60}?)\s*:\s*(.+)$/.exec(v);
  const provider = platformKey(platform) ?? (m ? platformKey(m[1]!) : null);
  const number = m ? m[2]! : v;
  if (!provider) return fail('name the wallet provider (JazzCash, Easypaisa...)');
  const e164 = phoneKey(number);
  if (!e164) return fail('a mobile wallet is keyed by its phone number: give it as 0300-1234567 or + and the country code');
  return ok(`${provider}:${e164}`, e164, provider);
}

// ---------------------------------------------------------------------------------------------------------
// Bank accounts: IBAN with its mod-97 check; other account numbers per bank.

const IBAN_LENGTHS: Record<string, number> = {
  PK: 24, DE: 22, GB: 22, AE: 23, SA: 24, FR: 27, NL: 18, BE: 16, IT: 27, ES: 24, TR: 26, QA: 29, BH: 22, KW: 30, CH: 21, AT: 20, SE: 24, NO: 15, DK: 18, IE: 22,
};

/** ISO 13616 check: move the first four characters to the end, letters to numbers, remainder mod 97 is 1. */
export function ibanValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rem = n >= 10 ? (rem * 100 + n) % 97 : (rem * 10 + n) % 97;
  }
  return rem === 1;
}

function bankAccount(value: string, platform: string | null): EntityKeyResult {
  const compact = tidy(value).replace(/[\s\-.]/g, '').toUpperCase();
  if (/^[A-Z]{2}\d{2}/.test(compact)) {
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return fail('an IBAN is 2 letters, 2 check digits and up to 30 letters and digits');
    const expected = IBAN_LENGTHS[compact.slice(0, 2)];
    if (expected !== undefined && compact.length !== expected) return fail(`a ${compact.slice(0, 2)} IBAN has ${expected} characters`);
    if (!ibanValid(compact)) return fail('IBAN check digits do not match (mod-97): a character is mistyped');
    return ok(compact, compact.replace(/(.{4})/g, '$1 ').trim(), platformKey(platform));
  }
  const bank = platformKey(platform);
  if (!/^[A-Z0-9]{4,34}$/.test(compact)) return fail('give an IBAN (PK36SCBL0000001123456702) or an account number of letters and digits');
  if (!bank) return fail('an account number that is not an IBAN needs its bank (platform)');
  return ok(`${bank}:${compact}`, compact, bank);
}

// ---------------------------------------------------------------------------------------------------------
// Crypto addresses, each with its chain's checksum.

const b58check = createBase58check(sha256);

function tryDecode<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** EIP-55 mixed-case checksum form of a lower-case 0x address. */
export function eip55(lowerHex40: string): string {
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lowerHex40)));
  let out = '0x';
  for (let i = 0; i < 40; i++) out += parseInt(hash[i]!, 16) >= 8 ? lowerHex40[i]!.toUpperCase() : lowerHex40[i]!;
  return out;
}

function moneroValid(addr: string): boolean {
  const bytes = tryDecode(() => base58xmr.decode(addr));
  if (!bytes || bytes.length < 69) return false;
  const body = bytes.slice(0, -4);
  const check = keccak_256(body).slice(0, 4);
  return check.every((b, i) => b === bytes[bytes.length - 4 + i]);
}

function cryptoAddress(value: string, platform: string | null): EntityKeyResult {
  const v = tidy(value).replace(/^(bitcoin|ethereum|tron|monero):/i, '');
  const chain = platformKey(platform);
  const detected = detectChain(v);
  if (!detected.ok) return detected;
  if (chain && chain !== detected.platform && !(detected.platform === 'ethereum' && EVM_CHAINS.has(chain))) {
    return fail(`this is a ${detected.platform} address, not ${chain}`);
  }
  return detected.platform === 'ethereum' && chain ? ok(detected.key, detected.display, chain) : detected;
}

const EVM_CHAINS = new Set(['ethereum', 'bsc', 'binance smart chain', 'polygon', 'arbitrum', 'optimism', 'base', 'avalanche']);

function detectChain(v: string): EntityKeyResult {
  // Ethereum and EVM chains: 0x + 40 hex; mixed case must carry a valid EIP-55 checksum. Key lower-case.
  if (/^0x[0-9a-fA-F]{40}$/.test(v)) {
    const hex = v.slice(2);
    const lower = hex.toLowerCase();
    const mixed = hex !== lower && hex !== hex.toUpperCase();
    if (mixed && eip55(lower) !== v) return fail('Ethereum address checksum (EIP-55) does not match: a character is mistyped');
    return ok(`0x${lower}`, eip55(lower), 'ethereum');
  }
  // Bitcoin SegWit: bech32 (witness v0) or bech32m (v1+, Taproot). Key lower-case.
  if (/^(bc|tb)1/i.test(v)) {
    if (v !== v.toLowerCase() && v !== v.toUpperCase()) return fail('a bech32 address is all lower-case or all upper-case');
    const lower = v.toLowerCase() as `${string}1${string}`;
    const b32 = tryDecode(() => bech32.decode(lower, 90));
    const b32m = b32 ? null : tryDecode(() => bech32m.decode(lower, 90));
    const decoded = b32 ?? b32m;
    if (!decoded) return fail('Bitcoin bech32 address checksum does not match: a character is mistyped');
    const version = decoded.words[0];
    if (version === undefined || (version === 0) !== Boolean(b32)) return fail('Bitcoin SegWit v0 uses bech32, v1 and later bech32m: the checksum kind does not match');
    const program = tryDecode(() => bech32.fromWords(decoded.words.slice(1)));
    if (!program || program.length < 2 || program.length > 40 || (version === 0 && program.length !== 20 && program.length !== 32)) return fail('not a valid Bitcoin witness program');
    return ok(lower, lower, 'bitcoin');
  }
  // Monero: 95 characters (106 integrated), starting 4 or 8, Monero base58 with a keccak checksum. Key exact.
  if (/^[48][1-9A-HJ-NP-Za-km-z]{94}([1-9A-HJ-NP-Za-km-z]{11})?$/.test(v)) {
    return moneroValid(v) ? ok(v, v, 'monero') : fail('Monero address checksum does not match: a character is mistyped');
  }
  // Base58check: Bitcoin P2PKH/P2SH (versions 0x00, 0x05; testnet 0x6f, 0xc4) and TRON (0x41, starts with T).
  if (/^[1-9A-HJ-NP-Za-km-z]{25,40}$/.test(v)) {
    const payload = tryDecode(() => b58check.decode(v));
    if (!payload) return fail('base58check checksum does not match: a character is mistyped, or this is not a Bitcoin or TRON address');
    if (payload.length === 21 && payload[0] === 0x41 && v.startsWith('T')) return ok(v, v, 'tron');
    if (payload.length === 21 && [0x00, 0x05, 0x6f, 0xc4].includes(payload[0]!)) return ok(v, v, 'bitcoin');
    return fail('a base58check address of an unknown chain: only Bitcoin, Ethereum, TRON and Monero are checked');
  }
  return fail('not a Bitcoin, Ethereum, TRON or Monero address');
}

// ---------------------------------------------------------------------------------------------------------
// Devices: IMEI with its Luhn check digit, or a serial number (per maker when given).

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function device(value: string, platform: string | null): EntityKeyResult {
  const v = tidy(value);
  const imei = /^(?:imei\s*:?\s*)?([\d\s\-/]+)$/i.exec(v);
  if (imei) {
    const digits = imei[1]!.replace(/\D/g, '');
    if (digits.length === 15) {
      if (!luhnValid(digits)) return fail('IMEI check digit (Luhn) does not match: a digit is mistyped');
      return ok(`imei:${digits}`, digits, platformKey(platform));
    }
    if (digits.length === 14 || digits.length === 16) return fail('an IMEI has 15 digits (the last is the check digit)');
  }
  const serial = v.replace(/^(?:serial|s\/n|sn)\s*:?\s*/i, '').replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{4,64}$/.test(serial)) return fail('give a 15-digit IMEI or a serial number of 4 to 64 letters and digits');
  const maker = platformKey(platform);
  return ok(maker ? `serial:${maker}:${serial}` : `serial:${serial}`, serial, maker);
}

// ---------------------------------------------------------------------------------------------------------
// Network addresses: IPv4, IPv6 (RFC 5952), Tor v3 onion service names.

/** A Tor v3 onion address (56 base32 characters + .onion) with its SHA3 checksum, lower-case, or null. */
export function onionKey(value: string): string | null {
  const v = value.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const m = /^(?:[a-z0-9-]+\.)*([a-z2-7]{56})\.onion$/.exec(v);
  if (!m) return null;
  const bytes = tryDecode(() => base32.decode(m[1]!.toUpperCase()));
  if (!bytes || bytes.length !== 35 || bytes[34] !== 3) return null;
  const pubkey = bytes.slice(0, 32);
  const check = sha3_256(new Uint8Array([...new TextEncoder().encode('.onion checksum'), ...pubkey, 3])).slice(0, 2);
  if (check[0] !== bytes[32] || check[1] !== bytes[33]) return null;
  return `${m[1]}.onion`;
}

function ipAddress(value: string): EntityKeyResult {
  const v = tidy(value);
  if (/\.onion(\/.*)?$/i.test(v)) {
    const onion = onionKey(v);
    return onion ? ok(onion, onion, 'tor') : fail('not a valid Tor v3 onion address (56 characters and a checksum)');
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(v)) {
    const a = ipaddr.IPv4.parse(v).toString();
    return ok(a, a, null);
  }
  if (ipaddr.IPv6.isValid(v) && v.includes(':')) {
    const parsed = ipaddr.IPv6.parse(v);
    // An IPv4-mapped IPv6 address is that IPv4 address.
    if (parsed.isIPv4MappedAddress()) {
      const a = parsed.toIPv4Address().toString();
      return ok(a, a, null);
    }
    const a = parsed.toRFC5952String();
    return ok(a, a, null);
  }
  return fail('must be an IPv4 address (203.0.113.7), an IPv6 address or a .onion address');
}

// ---------------------------------------------------------------------------------------------------------
// Names of organisations and places; anything else.

function name(value: string, platform: string | null): EntityKeyResult {
  const display = tidy(value);
  if (!display) return fail('required');
  if (display.length > MAX) return fail(`at most ${MAX} characters`);
  return ok(display.toLowerCase(), display, platformKey(platform));
}

function other(value: string, platform: string | null): EntityKeyResult {
  const display = tidy(value);
  if (!display) return fail('required');
  if (display.length > MAX) return fail(`at most ${MAX} characters`);
  const onion = onionKey(display);
  if (onion) return ok(onion, onion, 'tor');
  const p = platformKey(platform);
  return ok(p ? `${p}:${display}` : display, display, p);
}

/** The entity key of a value of a kind (and, for accounts, wallets, banks and devices, its platform). */
export function entityKey(kind: EntityKind, value: string, platform?: string | null): EntityKeyResult {
  if (typeof value !== 'string' || !value.trim()) return fail('required');
  if (value.length > 1000) return fail('at most 1000 characters');
  const p = platform ?? null;
  switch (kind) {
    case 'phone': return phone(value);
    case 'email': return email(value);
    case 'account': return accountKey(value, p);
    case 'wallet': return wallet(value, p);
    case 'bank_account': return bankAccount(value, p);
    case 'crypto_address': return cryptoAddress(value, p);
    case 'device': return device(value, p);
    case 'ip_address': return ipAddress(value);
    case 'organisation':
    case 'place': return name(value, p);
    case 'other': return other(value, p);
    default: {
      const unknown: never = kind;
      return fail(`unknown kind ${String(unknown)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Identifiers of the person form (and of person_identifiers before migration 0014) as entities.

/** The entity kind of a person-form identifier kind (an online handle is an account). */
export const identifierEntityKind: Record<string, EntityKind> = {
  phone: 'phone', email: 'email', handle: 'account', account: 'account', bank_account: 'bank_account', wallet: 'wallet', crypto_address: 'crypto_address', device: 'device',
  ip_address: 'ip_address', other: 'other',
};

/** The person-form identifier kind of an entity kind (the web form still says "handle"). */
export const entityIdentifierKind = (kind: EntityKind): string => (kind === 'account' ? 'handle' : kind);

/** How a person is linked to an identifier: payment identifiers are held, the rest used. */
export const personLinkKind = (kind: EntityKind): 'holds' | 'uses' => (kind === 'bank_account' || kind === 'wallet' || kind === 'crypto_address' ? 'holds' : 'uses');

export interface EntityValues { kind: EntityKind; key: string; display: string; platform: string | null; attributes: Record<string, unknown> }

/**
 * The entity row of a value; a value that does not normalise is still kept (imports, bundles, migration):
 * keyed by its trimmed text (with the platform when given) and marked `{ unverified: true, reason }`.
 */
export function entityValues(kind: EntityKind, value: string, platform: string | null | undefined, opts: { unverified: true }): EntityValues;
export function entityValues(kind: EntityKind, value: string, platform: string | null | undefined, opts?: { unverified?: boolean }): EntityValues | { ok: false; reason: string };
export function entityValues(kind: EntityKind, value: string, platform: string | null | undefined, opts: { unverified?: boolean } = {}): EntityValues | { ok: false; reason: string } {
  const r = entityKey(kind, value, platform ?? null);
  if (r.ok) return { kind, key: r.key, display: r.display, platform: r.platform, attributes: kind === 'wallet' ? { phone: r.display } : {} };
  if (!opts.unverified) return r;
  const display = (tidy(String(value ?? '')) || '(empty)').slice(0, MAX);
  const p = platform ? tidy(platform).toLowerCase() || null : null;
  return { kind, key: (p ? `${p}:${display}` : display).slice(0, MAX), display, platform: p, attributes: { unverified: true, reason: r.reason } };
}
