// Text as PostgreSQL will store it. A JavaScript string may hold lone UTF-16 surrogates (not Unicode
// scalar values) and NUL; PostgreSQL text holds neither (it stores U+FFFD for a lone surrogate given
// through a UTF-8 encoder, and refuses NUL). Whatever is hashed or signed must first be made exactly what
// will be stored, so the stored row and its hash can never disagree.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_G = new RegExp(LONE_SURROGATE.source, 'g');

/** True when the string has a lone (unpaired) surrogate. */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** Lone surrogates and NUL replaced by U+FFFD (the replacement character): storable, same length. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE_G, '\uFFFD').replace(/\u0000/g, '\uFFFD');
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Any value turned into the plain JSON tree it will be stored as: toJSON applied (dates), undefined
 * members dropped, non-finite numbers null, -0 as 0, bigints as decimal strings, every string and key
 * well-formed (two keys that become equal: the later wins, as in jsonb). Cycles and depth over 64 refused.
 */
export function toStoredJson(value: unknown, depth = 0): JsonValue {
  if (depth > 64) throw new Error('value nested too deeply to store');
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return wellFormed(value);
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return null; // functions, symbols: as JSON.stringify does
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return toStoredJson(withJson.toJSON(), depth + 1);
  if (Array.isArray(value)) return value.map((v) => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : toStoredJson(v, depth + 1)));
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    const key = wellFormed(k);
    delete out[key]; // a later duplicate takes the place, not only the value
    out[key] = toStoredJson(v, depth + 1);
  }
  return out;
}

/**
 * Canonical JSON: keys sorted by UTF-16 code units, no spaces, numbers as JavaScript prints them. Given a
 * tree from toStoredJson, equal trees give equal text, and parsing the text gives the tree back.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
