// The normalised shape every hash-set format is read into and written from.
export interface HashEntry {
  md5?: string;
  sha1?: string;
  sha256?: string;
  pdq?: string;
  pdqQuality?: number;
  /** Opaque, proprietary: kept when a file carries it, never computed. */
  photodna?: string;
  /** Category code as the source gives it: US scheme 0-5, UK scheme A/B/C. */
  category: string;
  series?: string;
  mediaId?: string;
  attributes: Record<string, unknown>;
}

export class HashSetFormatError extends Error {
  constructor(message: string, readonly where: string) {
    super(`${where}: ${message}`);
  }
}

const HEX = /^[0-9a-f]+$/;

/** Lower-cases and checks a hex digest of the expected length; blank -> undefined. */
export function normaliseHex(value: unknown, length: number, field: string, where: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = String(value).trim().toLowerCase();
  if (s === '') return undefined;
  if (s.length !== length || !HEX.test(s)) throw new HashSetFormatError(`${field} must be ${length} hex characters`, where);
  return s;
}

/** Producers write booleans as true/false or as the strings "true"/"false". */
export function looseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'yes' || v === '1') return true;
    if (v === 'false' || v === 'no' || v === '0') return false;
  }
  if (typeof value === 'number') return value !== 0;
  return undefined;
}

export function requireSomeHash(e: HashEntry, where: string): HashEntry {
  if (!e.md5 && !e.sha1 && !e.sha256 && !e.pdq && !e.photodna) throw new HashSetFormatError('entry has no hash', where);
  return e;
}

export interface ReadOptions {
  /** Called with the bytes read so far, for progress bars. */
  onBytes?: (bytesRead: number) => void;
}

export function trackBytes<T extends NodeJS.ReadableStream>(stream: T, opts?: ReadOptions): T {
  if (opts?.onBytes) {
    let n = 0;
    const report = opts.onBytes;
    stream.on('data', (chunk: Buffer | string) => report((n += chunk.length)));
  }
  return stream;
}
