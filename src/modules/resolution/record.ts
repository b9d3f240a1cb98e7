// A person or account record as given for resolution, and the same record prepared for comparison
// (names parsed, identifiers normalised, date of birth read with its precision).
import { cnicKey, handleKey, passportKey, phoneKey, walletKey } from './identifiers.ts';
import { type ParsedName, latinSkeleton, parseName, plainLatin, foldUrdu, urduSkeleton } from './names.ts';

export interface ResolutionRecord {
  id: string;
  names: string[];
  /** YYYY-MM-DD, YYYY-MM, YYYY, or DD/MM/YYYY (DD-MM-YYYY) as Pakistani records write it. */
  dateOfBirth?: string;
  district?: string;
  phones?: string[];
  cnic?: string;
  handles?: string[];
  passport?: string;
  wallets?: string[];
}

export interface BirthDate {
  year: number;
  month: number | null;
  day: number | null;
  /** Year only, or 1 January: the common placeholder for an unknown date in Pakistani records. */
  weak: boolean;
  text: string;
}

/** nameMaxWhole: nameMax with the whole-name weight (score.ts), for pairs sharing a whole name. */
export interface ScoreCache { version: number; of: object; prior: number; nameMax: number; nameMaxWhole: number; fatherMax: number; district: number; yearShare: number }

export interface PreparedRecord {
  id: string;
  names: ParsedName[];
  /**
   * Fathers' names given with the names ("s/o ..."), each without the name parts the record's own names
   * already carry (the family name a son shares is weighed once, with his own name); distinct, non-empty.
   */
  fathers: ParsedName[];
  birth: BirthDate | null;
  district: string | null;
  districtKey: string | null;
  phones: string[];
  cnic: string | null;
  handles: string[];
  passport: string | null;
  wallets: string[];
  /** Per-record figures score.ts derives from the counts (bounds for pruning), kept while the counts stay. */
  scoreCache: ScoreCache | null;
}

/** Reads a date of birth; null when it is not one of the accepted shapes or not a real date. */
export function parseBirthDate(text: string): BirthDate | null {
  const s = text.trim();
  let y: number, m: number | null = null, d: number | null = null;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(s))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{4})-(\d{2})$/.exec(s))) [y, m] = [Number(r[1]), Number(r[2])];
  else if ((r = /^(\d{4})$/.exec(s))) y = Number(r[1]);
  else return null;
  if (y < 1880 || y > 2100) return null;
  if (m !== null && (m < 1 || m > 12)) return null;
  if (d !== null) {
    const dt = new Date(Date.UTC(y, m! - 1, d));
    if (dt.getUTCMonth() !== m! - 1 || dt.getUTCDate() !== d) return null;
  }
  const weak = d === null || (m === 1 && d === 1);
  return { year: y, month: m, day: d, weak, text: s };
}

const districtKeys = new Map<string, string | null>();

/** A district name comparable across spellings and scripts (Lahore ~ لاہور). */
export function districtKey(text: string): string | null {
  let k = districtKeys.get(text);
  if (k === undefined) {
    if (districtKeys.size >= 100_000) districtKeys.clear();
    k = districtKeyUncached(text);
    districtKeys.set(text, k);
  }
  return k;
}

// Short forms of district names as Pakistani records write them (initials of the first words), and old names
// still in use, keyed by their letters in lower case.
const DISTRICT_ALIASES: Record<string, string> = {
  dgkhan: 'dera ghazi khan', dikhan: 'dera ismail khan', rykhan: 'rahim yar khan', ttsingh: 'toba tek singh',
  mbdin: 'mandi bahauddin', lyallpur: 'faisalabad', pindi: 'rawalpindi', isb: 'islamabad', ict: 'islamabad',
};

function districtKeyUncached(text: string): string | null {
  let t = text.trim();
  if (!t) return null;
  t = DISTRICT_ALIASES[plainLatin(t)] ?? t;
  // Each word's consonants; a word after the first is one with the words before it (Faisal Abad, فیصل آباد
  // and Faisalabad are one district), so its leading vowel is not marked as a word's first letter is.
  const parts = t.split(/[\s,.\-\u060C]+/u).filter(Boolean);
  const key = parts
    .map((p, i) => {
      const s = /[\u0600-\u06FF]/u.test(p) ? urduSkeleton(foldUrdu(p)) : latinSkeleton(plainLatin(p));
      return i > 0 && s.length > 1 && s.startsWith('a') ? s.slice(1) : s;
    })
    .join('');
  return key.replace(/(.)\1+/g, '$1') || null;
}

function uniq<T>(xs: (T | null)[]): T[] {
  return [...new Set(xs.filter((x): x is T => x !== null))];
}

/** Prepares a record; identifiers that cannot be read are left out (validation is the caller's job). */
/** The fathers' names of a record's names, without the parts its own names carry. */
export function fathersOf(names: ParsedName[]): ParsedName[] {
  const own = new Set<string>();
  for (const n of names) {
    for (const t of n.tokens) if (!t.initial) own.add(t.key);
    for (const c of n.clans) own.add(c);
  }
  const out: ParsedName[] = [];
  const seen = new Set<string>();
  for (const n of names) {
    if (!n.father) continue;
    const tokens = n.father.tokens.filter((t) => t.initial || !own.has(t.key));
    if (!tokens.some((t) => !t.initial)) continue;
    const clans = n.father.clans.filter((c) => !own.has(c));
    const key = tokens.map((t) => t.key).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tokens.length === n.father.tokens.length && clans.length === n.father.clans.length ? n.father : { ...n.father, tokens, clans });
  }
  return out;
}

export function prepareRecord(r: ResolutionRecord): PreparedRecord {
  const names = r.names.map(parseName).filter((n) => n.tokens.length > 0);
  return {
    id: r.id,
    names,
    fathers: fathersOf(names),
    birth: r.dateOfBirth ? parseBirthDate(r.dateOfBirth) : null,
    district: r.district?.trim() || null,
    districtKey: r.district ? districtKey(r.district) : null,
    phones: uniq((r.phones ?? []).map(phoneKey)),
    cnic: r.cnic ? cnicKey(r.cnic) : null,
    handles: uniq((r.handles ?? []).map(handleKey)),
    passport: r.passport ? passportKey(r.passport) : null,
    wallets: uniq((r.wallets ?? []).map(walletKey)),
    scoreCache: null,
  };
}
