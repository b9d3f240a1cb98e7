// Scores a pair of prepared records as the sum of per-field weights, Fellegi-Sunter style: each weight is
// about log2(P(observation | same person) / P(observation | different people)), so agreement on a rare
// name or a CNIC counts much, agreement on "Muhammad" or on a year-only date of birth little, and conflicts
// (different CNIC, born 30 years apart, different given names) count against. Every weight is reported
// as a reason, so the score is exactly the sum of its reasons.
import { distance } from 'fastest-levenshtein';
import { cnicNearMiss, formatCnic } from './identifiers.ts';
import { type NameToken, type ParsedName, initialLetter, slipApart } from './names.ts';
import type { BirthDate, PreparedRecord, ScoreCache } from './record.ts';

export interface Reason {
  field: 'prior' | 'name' | 'father' | 'cnic' | 'passport' | 'phone' | 'handle' | 'wallet' | 'dateOfBirth' | 'district';
  detail: string;
  weight: number;
}

/** How common things are in the data being resolved (counts of records holding each value). */
export interface Frequencies {
  readonly records: number;
  tokenRecords(key: string): number;
  identifierRecords(kind: 'phone' | 'handle' | 'wallet', key: string): number;
  /** Records with a date of birth, and those born in a year. */
  datedRecords(): number;
  birthYearRecords(year: number): number;
  /** Records with a district, and those in one (by district key). */
  districtedRecords(): number;
  districtRecords(key: string): number;
  /**
   * The district the first five digits of a CNIC (its place of registration) stand for, learnt from the records
   * that carry both a CNIC and a district: the commonest district among them, with the share of those records
   * that give it. Null when too few records carry that prefix with a district to say (or when not counted).
   */
  cnicDistrict?(prefix: string): CnicDistrict | null;
  /** Records carrying a whole name (ParsedName.whole) among their names; not counted when absent. */
  wholeNameRecords?(key: string): number;
  /**
   * Changes whenever the counts change (an index bumps it on add and remove). When given, token weights are
   * cached on the prepared tokens for as long as it stays the same: a batch scores millions of pairs against
   * counts that no longer move.
   */
  readonly version?: number;
}

/** A district read out of a CNIC's first five digits (see Frequencies.cnicDistrict). */
export interface CnicDistrict {
  key: string;
  /** How it is shown: the district as most records with this prefix write it. */
  name: string;
  /** Records carrying the prefix and a district, and the share of them giving this district. */
  records: number;
  share: number;
}

/** Weight of agreeing on a name token: log2(m/u), u from its share of records blended with a prior. */
export const PRIOR_STRENGTH = 200;
const M_NAME = 0.9;
const MAX_TOKEN_WEIGHT = 16;
const MIN_TOKEN_WEIGHT = 0.2;

export function tokenWeight(freq: Frequencies, token: NameToken): number {
  const v = freq.version;
  if (v !== undefined && token.weightVersion === v && token.weightOf === freq) return token.weight!;
  const w = computeTokenWeight(freq, token);
  if (v !== undefined) { token.weight = w; token.weightVersion = v; token.weightOf = freq; }
  return w;
}

function computeTokenWeight(freq: Frequencies, token: NameToken): number {
  const p = (freq.tokenRecords(token.key) + PRIOR_STRENGTH * token.prior) / (freq.records + PRIOR_STRENGTH);
  const w = Math.log2(M_NAME / p);
  return w > MAX_TOKEN_WEIGHT ? MAX_TOKEN_WEIGHT : w < MIN_TOKEN_WEIGHT ? MIN_TOKEN_WEIGHT : w;
}

// A clan title both names carry (Malik, Chaudhry, Syed: see names.ts) is weighed like a name part by how
// common it is, but as a title it is written less faithfully than a name: about one record in two of a man
// called "Malik" in one office gives it in another, hence m = 0.5. One name without it is no disagreement.
const M_CLAN = 0.5;
const CLAN_PRIOR = 0.01;

export function clanWeight(freq: Frequencies, key: string): number {
  const p = (freq.tokenRecords(key) + PRIOR_STRENGTH * CLAN_PRIOR) / (freq.records + PRIOR_STRENGTH);
  const w = Math.log2(M_CLAN / p);
  return w > MAX_TOKEN_WEIGHT ? MAX_TOKEN_WEIGHT : w < MIN_TOKEN_WEIGHT ? MIN_TOKEN_WEIGHT : w;
}

// A whole name (all its parts, in any order and script) has a frequency of its own: a rare full name is
// rarer than the product of its parts' shares says when few other records carry it. When two names are the
// same whole name, part for part, it weighs log2(m^k / u) with u the share of the other records carrying it
// (the two compared are left out), blended with the parts' product as a prior of PRIOR_STRENGTH records, if
// that is more than the parts weigh. Only more: the other records of the same person carry the name too and
// cannot be told apart, so a count is no reason to weigh a name less than its parts (replacing the parts'
// weight by this one lost recall at equal precision on the tuning split, see docs/benchmarks.md, Session 10).
export function wholeNameWeight(freq: Frequencies, key: string, k: number, partsWeight: number): number | null {
  if (!freq.wholeNameRecords) return null;
  const n = Math.max(freq.records, 2);
  const mk = M_NAME ** k;
  const uParts = mk / 2 ** partsWeight;
  const others = Math.max(0, freq.wholeNameRecords(key) - 2);
  const u = (others + PRIOR_STRENGTH * uParts) / (n + PRIOR_STRENGTH);
  const w = Math.log2(mk / u);
  return w > partsWeight ? w : null;
}

/** Skeletons of at least 3 and 4 letters one edit (or one swap of neighbours) apart: a typing slip. */
export function nearSkeletons(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 3 || Math.max(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) return true;
  }
  return distance(a, b) === 1;
}

const EXTRA_PART = 1;
const round2 = (x: number): number => Math.round(x * 100) / 100;

interface TokenMatch { i: number; j: number; value: number; how: string }

// Scratch space of nameWeight (one thread runs one call at a time): candidate matches and unmatched tokens.
const SCRATCH = 64;
const cI = new Int32Array(SCRATCH), cJ = new Int32Array(SCRATCH), cV = new Float64Array(SCRATCH);
const wA = new Float64Array(SCRATCH), wB = new Float64Array(SCRATCH);
const uA = new Int32Array(SCRATCH), uB = new Int32Array(SCRATCH);
const takenA = new Uint8Array(SCRATCH), takenB = new Uint8Array(SCRATCH);
/** Conflicts found by the last nameWeight call. */
let lastConflicts = 0;

/**
 * compareNames without explaining, for scoreOnly: the same matching (candidates sorted by value, ties in the
 * order found; greedy assignment; unmatched tokens paired by weight) on typed arrays, without allocating.
 */
function nameWeight(a: ParsedName, b: ParsedName, freq: Frequencies, whole = true): number {
  const A = a.tokens, B = b.tokens;
  if (A.length * B.length > SCRATCH || A.length > SCRATCH || B.length > SCRATCH) {
    const c = compareNames(a, b, freq, false, whole);
    lastConflicts = c.conflicts;
    return c.weight;
  }
  for (let i = 0; i < A.length; i++) wA[i] = A[i]!.initial ? 0 : tokenWeight(freq, A[i]!);
  for (let j = 0; j < B.length; j++) wB[j] = B[j]!.initial ? 0 : tokenWeight(freq, B[j]!);
  let n = 0;
  for (let i = 0; i < A.length; i++) {
    const x = A[i]!;
    for (let j = 0; j < B.length; j++) {
      const y = B[j]!;
      let value: number;
      if (x.initial || y.initial) {
        if (initialLetter(x.skeleton) !== initialLetter(y.skeleton)) continue;
        value = x.initial && y.initial ? 0.2 : 0.5;
      } else if (x.key === y.key) value = wA[i]!;
      else if (x.canonical !== null && y.canonical !== null) continue;
      else if (x.skeleton === y.skeleton) value = 0.8 * Math.min(wA[i]!, wB[j]!);
      else if (nearSkeletons(x.skeleton, y.skeleton)) value = 0.5 * Math.min(wA[i]!, wB[j]!);
      else continue;
      // insertion keeping the order of a stable sort by value, highest first
      let k = n++;
      while (k > 0 && cV[k - 1]! < value) { cI[k] = cI[k - 1]!; cJ[k] = cJ[k - 1]!; cV[k] = cV[k - 1]!; k--; }
      cI[k] = i; cJ[k] = j; cV[k] = value;
    }
  }
  takenA.fill(0, 0, A.length); takenB.fill(0, 0, B.length);
  let weight = 0, matched = 0;
  for (let k = 0; k < n; k++) {
    const i = cI[k]!, j = cJ[k]!;
    if (takenA[i] || takenB[j]) continue;
    takenA[i] = 1; takenB[j] = 1;
    weight += cV[k]!;
    matched++;
  }
  if (whole && matched === A.length && matched === B.length && a.whole !== '' && a.whole === b.whole) {
    let sa = 0, sb = 0;
    for (let i = 0; i < A.length; i++) sa += wA[i]!;
    for (let j = 0; j < B.length; j++) sb += wB[j]!;
    const w = wholeNameWeight(freq, a.whole, A.length, sa < sb ? sa : sb);
    if (w !== null) weight = w;
  }
  // parts in the other's father's name are set aside only when the names agree on a part that is not the
  // father's (else a father and his son, "Tahir Gondal" and "Ismail Gondal s/o Tahir Gondal", would not conflict)
  let fatherB = false, fatherA = false;
  if (b.father !== null) for (let j = 0; j < B.length; j++) if (takenB[j] && !inFather(b.father, B[j]!)) { fatherB = true; break; }
  if (a.father !== null) for (let i = 0; i < A.length; i++) if (takenA[i] && !inFather(a.father, A[i]!)) { fatherA = true; break; }
  let na = 0, nb = 0;
  for (let i = 0; i < A.length; i++) {
    if (takenA[i] || (fatherB && inFather(b.father, A[i]!))) continue;
    let k = na++;
    while (k > 0 && wA[uA[k - 1]!]! < wA[i]!) { uA[k] = uA[k - 1]!; k--; }
    uA[k] = i;
  }
  for (let j = 0; j < B.length; j++) {
    if (takenB[j] || (fatherA && inFather(a.father, B[j]!))) continue;
    let k = nb++;
    while (k > 0 && wB[uB[k - 1]!]! < wB[j]!) { uB[k] = uB[k - 1]!; k--; }
    uB[k] = j;
  }
  if (na > 0 && nb > 0) {
    // pairs a slip apart are set aside (neither agreement nor conflict), in the order of weight
    for (let x = 0; x < na; x++) {
      for (let y = 0; y < nb; y++) {
        if (!slipApart(A[uA[x]!]!, B[uB[y]!]!)) continue;
        for (let k = x + 1; k < na; k++) uA[k - 1] = uA[k]!;
        for (let k = y + 1; k < nb; k++) uB[k - 1] = uB[k]!;
        na--; nb--; x--;
        break;
      }
    }
  }
  const conflicts = na < nb ? na : nb;
  for (let k = 0; k < conflicts; k++) weight += -Math.min(8, 1 + 0.4 * (wA[uA[k]!]! + wB[uB[k]!]!));
  const extra = na + nb - 2 * conflicts;
  if (extra > 0) weight -= EXTRA_PART * extra;
  if (matched > 0 && a.clans.length && b.clans.length) for (const c of a.clans) if (b.clans.includes(c)) weight += clanWeight(freq, c);
  if (matched === 0) weight = Math.min(weight, -4);
  lastConflicts = conflicts;
  return weight;
}

/** Compares two names token by token in any order. */
export function compareNames(a: ParsedName, b: ParsedName, freq: Frequencies, explain: boolean, whole = true): { weight: number; parts: string[]; conflicts: number } {
  const A = a.tokens, B = b.tokens;
  const wa = A.map((t) => (t.initial ? 0 : tokenWeight(freq, t)));
  const wb = B.map((t) => (t.initial ? 0 : tokenWeight(freq, t)));
  const cands: TokenMatch[] = [];
  for (let i = 0; i < A.length; i++) {
    const x = A[i]!;
    for (let j = 0; j < B.length; j++) {
      const y = B[j]!;
      if (x.initial || y.initial) {
        if (initialLetter(x.skeleton) === initialLetter(y.skeleton)) cands.push({ i, j, value: x.initial && y.initial ? 0.2 : 0.5, how: 'initial' });
        continue;
      }
      if (x.key === y.key) { cands.push({ i, j, value: wa[i]!, how: '=' }); continue; }
      const bothKnown = x.canonical !== null && y.canonical !== null;
      if (bothKnown) continue; // two different names from the table (Hasan, Husain) do not match by sound
      if (x.skeleton === y.skeleton) { cands.push({ i, j, value: 0.8 * Math.min(wa[i]!, wb[j]!), how: '~' }); continue; }
      if (nearSkeletons(x.skeleton, y.skeleton)) {
        cands.push({ i, j, value: 0.5 * Math.min(wa[i]!, wb[j]!), how: '≈' });
      }
    }
  }
  cands.sort((p, q) => q.value - p.value);
  const usedA = new Uint8Array(A.length), usedB = new Uint8Array(B.length);
  let weight = 0;
  const parts: string[] = [];
  let matched = 0;
  for (const c of cands) {
    if (usedA[c.i] || usedB[c.j]) continue;
    usedA[c.i] = 1; usedB[c.j] = 1;
    weight += c.value;
    matched++;
    if (explain) {
      const x = A[c.i]!, y = B[c.j]!;
      const label = x.canonical ?? y.canonical ?? x.text;
      parts.push(c.how === '=' ? `${label} +${round2(c.value)}` : `${x.text} ${c.how} ${y.text} +${round2(c.value)}`);
    }
  }
  if (whole && matched === A.length && matched === B.length && a.whole !== '' && a.whole === b.whole) {
    let sa = 0, sb = 0;
    for (const w of wa) sa += w;
    for (const w of wb) sb += w;
    const w = wholeNameWeight(freq, a.whole, A.length, sa < sb ? sa : sb);
    if (w !== null) {
      if (explain) {
        const others = Math.max(0, (freq.wholeNameRecords?.(a.whole) ?? 0) - 2);
        parts.push(`the whole name, on ${others} other record${others === 1 ? '' : 's'}: ${round2(w)} in place of the parts' ${round2(weight)}`);
      }
      weight = w;
    }
  }
  let unA: number[] = [], unB: number[] = [];
  // A part of one name that is in the other record's father's name ("Ismail Tahir" / "Ismail s/o Tahir": a
  // father's name, or the family name, added to a man's own) is no conflict, when the names agree on a part
  // that is not the father's (else "Tahir Gondal" and his son "Ismail Gondal s/o Tahir Gondal" would not conflict).
  const fatherB = b.father !== null && B.some((t, j) => usedB[j] && !inFather(b.father, t));
  const fatherA = a.father !== null && A.some((t, i) => usedA[i] && !inFather(a.father, t));
  for (let i = 0; i < A.length; i++) {
    if (usedA[i]) continue;
    if (fatherB && inFather(b.father, A[i]!)) { if (explain) parts.push(`${A[i]!.text}: in the other's father's name, not counted`); } else unA.push(i);
  }
  for (let j = 0; j < B.length; j++) {
    if (usedB[j]) continue;
    if (fatherA && inFather(a.father, B[j]!)) { if (explain) parts.push(`${B[j]!.text}: in the other's father's name, not counted`); } else unB.push(j);
  }
  // Unmatched tokens on both sides are conflicts (Ali vs Asif); a token only one side has was likely dropped.
  unA.sort((p, q) => wa[q]! - wa[p]!);
  unB.sort((p, q) => wb[q]! - wb[p]!);
  if (unA.length > 0 && unB.length > 0) {
    const keepA: number[] = [];
    for (const ia of unA) {
      const y = unB.findIndex((jb) => slipApart(A[ia]!, B[jb]!));
      if (y < 0) { keepA.push(ia); continue; }
      if (explain) parts.push(`${A[ia]!.text} ~? ${B[unB[y]!]!.text}: a slip? not counted`);
      unB = [...unB.slice(0, y), ...unB.slice(y + 1)];
    }
    unA = keepA;
  }
  const conflicts = Math.min(unA.length, unB.length);
  for (let k = 0; k < conflicts; k++) {
    const ia = unA[k]!, jb = unB[k]!;
    const pen = -Math.min(8, 1 + 0.4 * (wa[ia]! + wb[jb]!));
    weight += pen;
    if (explain) parts.push(`${A[ia]!.text} ≠ ${B[jb]!.text} ${round2(pen)}`);
  }
  const extra = unA.length + unB.length - 2 * conflicts;
  if (extra > 0) {
    weight -= EXTRA_PART * extra;
    if (explain) parts.push(`${extra} name part${extra > 1 ? 's' : ''} only on one side ${round2(-EXTRA_PART * extra)}`);
  }
  if (matched > 0 && a.clans.length && b.clans.length) {
    for (const c of a.clans) {
      if (!b.clans.includes(c)) continue;
      const w = clanWeight(freq, c);
      weight += w;
      if (explain) parts.push(`both titled ${c.slice(1)} +${round2(w)}`);
    }
  }
  if (matched === 0) {
    weight = Math.min(weight, -4);
  }
  return { weight, parts, conflicts };
}

/** A (non-initial) name part that the father's name carries. */
function inFather(f: ParsedName | null, t: NameToken): boolean {
  if (f === null || t.initial) return false;
  for (const u of f.tokens) if (!u.initial && u.key === t.key) return true;
  return false;
}

// A father's name is weighed like a name (rare names count more, different names count against), within
// bounds: it is written more loosely than the person's own name (parts dropped, only the given name), and a
// father's name agreeing says a little less than the person's own (brothers share it).
const FATHER_MIN = -6;
const FATHER_MAX = 10;
function fatherWeight(w: number): number {
  return w > FATHER_MAX ? FATHER_MAX : w < FATHER_MIN ? FATHER_MIN : w;
}

/** Share of dated records born in that year (with a floor so a rare year does not weigh too much). */
function yearShare(freq: Frequencies, year: number): number {
  const dated = freq.datedRecords();
  return Math.max(1 / 80, (freq.birthYearRecords(year) + 1) / (dated + 60));
}

// A year-only or 1 January date agrees with the same person's other date on the year less often than a full
// date does (the year may be estimated from an age): m = 0.7 against 0.85 + 0.06 for full dates.
const WEAK_YEAR_M = 0.7;

type Add = (field: Reason['field'], weight: number, detail: () => string) => void;

function dobReason(a: BirthDate, b: BirthDate, freq: Frequencies, add: Add): void {
  const gap = Math.abs(a.year - b.year);
  const r = (weight: number, detail: () => string): void => add('dateOfBirth', round2(weight), detail);
  const pair = (): string => `${a.text} / ${b.text}`;
  if (gap >= 15) return r(-14, () => `born ${gap} years apart (${pair()})`);
  const py = yearShare(freq, a.year);
  if (!a.weak && !b.weak) {
    if (gap === 0 && a.month === b.month && a.day === b.day) return r(Math.log2(0.85 / (py / 365)), () => `same date of birth ${a.text}`);
    if (gap === 0 && a.month === b.day && a.day === b.month) return r(Math.log2(0.02 / (py / 365)), () => `same date with day and month swapped (${pair()})`);
    if (gap === 0) return r(Math.log2(0.06 / py), () => `same year, different day (${pair()})`);
    if (gap === 1 && a.month === b.month && a.day === b.day) return r(Math.log2(0.03 / (2 * py / 365)), () => `same day, years one apart: a slip? (${pair()})`);
    return r(gap <= 2 ? -2 : -7, () => `different date of birth (${pair()})`);
  }
  const why = (): string => ([a, b].some((d) => d.day === null) ? 'year only' : '1 January placeholder');
  if (gap === 0) return r(Math.log2(WEAK_YEAR_M / py), () => `same year only (${why()}: ${pair()})`);
  if (gap === 1) return;
  return r(gap <= 3 ? -2.5 : -7, () => `birth years ${gap} apart (${pair()})`);
}

const IDENTIFIER_M = { phone: 0.6, handle: 0.7, wallet: 0.6 } as const;

function sharedIdentifiers(
  field: 'phone' | 'handle' | 'wallet', xs: string[], ys: string[], freq: Frequencies, add: Add, namesConflict: boolean,
): void {
  let best = 0, others = 0;
  const shown: string[] = [];
  for (const x of xs) {
    if (!ys.includes(x)) continue;
    const df = Math.max(2, freq.identifierRecords(field, x));
    const w = Math.max(1, Math.log2((IDENTIFIER_M[field] * Math.max(freq.records, 2)) / df));
    if (w > best) { if (best > 0) others++; best = w; } else others++;
    shown.push(df > 2 ? `${x} (on ${df} records)` : x);
  }
  if (best === 0) return;
  const w = best + Math.min(2, others);
  // A phone shared by people whose given names differ is most likely a family's or a shop's: it says less.
  if (namesConflict && field !== 'handle') {
    add(field, round2(w / 2), () => `same ${field} ${shown.join(', ')}, but the names conflict (a family or shared ${field}?)`);
  } else {
    add(field, round2(w), () => `same ${field} ${shown.join(', ')}`);
  }
}

/**
 * The score of a pair: log2 of the odds that the two records are one person, i.e. the prior odds for two
 * records picked at random from the data (about 1 in its size) plus the evidence of each field. When asked,
 * the reasons too: the weights are rounded and the score is their sum.
 */
export function scorePair(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, explain: boolean): { score: number; reasons: Reason[] } {
  const n = Math.max(freq.records, 2);
  // Without explaining, only the (rounded) weights are added up: no detail text is built. Both paths add the
  // same rounded weights in the same order, so the score is the same either way.
  const reasons: Reason[] = [];
  let total = 0;
  const add = (field: Reason['field'], weight: number, detail: () => string): void => {
    total += weight;
    if (explain) reasons.push({ field, detail: detail(), weight });
  };
  add('prior', round2(-Math.log2(n)), () => `two records out of ${n} picked at random: odds about 1 in ${n}`);
  let bestName = -Infinity;
  let bestDetail = '';
  let conflicts = 0;
  for (const na of a.names) {
    for (const nb of b.names) {
      const c = compareNames(na, nb, freq, explain);
      if (c.weight > bestName) {
        bestName = c.weight;
        conflicts = c.conflicts;
        if (explain) bestDetail = `${na.raw} ~ ${nb.raw}: ${c.parts.join(', ')}${titlesNote(na, nb)}`;
      }
    }
  }
  if (bestName !== -Infinity) add('name', round2(bestName), () => bestDetail);
  if (a.fathers.length && b.fathers.length) {
    let best = -Infinity, detail = '';
    for (const fa of a.fathers) {
      for (const fb of b.fathers) {
        const c = compareNames(fa, fb, freq, explain, false);
        if (c.weight > best) { best = c.weight; if (explain) detail = `fathers ${fa.raw} ~ ${fb.raw}: ${c.parts.join(', ')}`; }
      }
    }
    add('father', round2(fatherWeight(best)), () => detail);
  }

  if (a.cnic && b.cnic) {
    const ca = a.cnic, cb = b.cnic;
    if (ca === cb) add('cnic', round2(Math.log2(0.95 * n)), () => `same CNIC ${formatCnic(ca)}`);
    else if (cnicNearMiss(ca, cb)) add('cnic', 4, () => `CNICs one slip apart (${formatCnic(ca)} / ${formatCnic(cb)})`);
    else add('cnic', -8, () => `different CNIC (${formatCnic(ca)} / ${formatCnic(cb)})`);
  }
  if (a.passport && b.passport) {
    const pa = a.passport;
    if (pa === b.passport) add('passport', round2(Math.log2(0.9 * n)), () => `same passport ${pa}`);
    else add('passport', -1, () => 'different passport numbers (renewed passports get new ones)');
  }
  if (a.phones.length && b.phones.length) sharedIdentifiers('phone', a.phones, b.phones, freq, add, conflicts > 0);
  if (a.handles.length && b.handles.length) sharedIdentifiers('handle', a.handles, b.handles, freq, add, conflicts > 0);
  if (a.wallets.length && b.wallets.length) sharedIdentifiers('wallet', a.wallets, b.wallets, freq, add, conflicts > 0);
  if (a.birth && b.birth) dobReason(a.birth, b.birth, freq, add);
  if (a.districtKey && b.districtKey) {
    if (a.districtKey === b.districtKey) {
      const share = Math.max(1 / 200, (freq.districtRecords(a.districtKey) + 1) / (freq.districtedRecords() + 20));
      add('district', round2(Math.log2(0.7 / share)), () => `same district ${a.district}${a.district !== b.district ? ` ~ ${b.district}` : ''}`);
    } else {
      add('district', -1.5, () => `different district (${a.district} / ${b.district})`);
    }
  } else {
    const c = cnicDistrictOf(a, b, freq);
    if (c) {
      const d = c.district;
      add('district', c.weight, () => `${c.weight > 0 ? 'same district' : 'different district'}: ${c.other.district} against ${d.name} read from CNIC ${formatCnic(c.cnic)} (its first five digits, the place of registration, are ${d.name} on ${Math.round(d.share * 100)}% of the ${d.records} records that give both)`);
    }
  }
  if (!explain) return { score: round2(total), reasons: [] };
  let score = 0;
  for (const r of reasons) score += r.weight;
  return { score: round2(score), reasons };
}

/**
 * The score of scorePair without its reasons, for the many pairs a batch looks at and drops: the same rounded
 * weights added in the same order (a test checks both agree on every pair of the evaluation data), with no
 * text built and nothing allocated per reason.
 */
export function scoreOnly(a: PreparedRecord, b: PreparedRecord, freq: Frequencies): number {
  const n = Math.max(freq.records, 2);
  let total = round2(-Math.log2(n));
  let bestName = -Infinity;
  let conflicts = 0;
  for (const na of a.names) {
    for (const nb of b.names) {
      const w = nameWeight(na, nb, freq);
      if (w > bestName) { bestName = w; conflicts = lastConflicts; }
    }
  }
  if (bestName !== -Infinity) total += round2(bestName);
  if (a.fathers.length && b.fathers.length) {
    let best = -Infinity;
    for (const fa of a.fathers) for (const fb of b.fathers) { const w = nameWeight(fa, fb, freq, false); if (w > best) best = w; }
    total += round2(fatherWeight(best));
  }
  if (a.cnic && b.cnic) {
    if (a.cnic === b.cnic) total += round2(Math.log2(0.95 * n));
    else total += cnicNearMiss(a.cnic, b.cnic) ? 4 : -8;
  }
  if (a.passport && b.passport) total += a.passport === b.passport ? round2(Math.log2(0.9 * n)) : -1;
  if (a.phones.length && b.phones.length) total += sharedWeight('phone', a.phones, b.phones, freq, conflicts > 0);
  if (a.handles.length && b.handles.length) total += sharedWeight('handle', a.handles, b.handles, freq, conflicts > 0);
  if (a.wallets.length && b.wallets.length) total += sharedWeight('wallet', a.wallets, b.wallets, freq, conflicts > 0);
  if (a.birth && b.birth) total += dobWeight(a.birth, b.birth, freq);
  if (a.districtKey && b.districtKey) {
    if (a.districtKey === b.districtKey) {
      const share = Math.max(1 / 200, (freq.districtRecords(a.districtKey) + 1) / (freq.districtedRecords() + 20));
      total += round2(Math.log2(0.7 / share));
    } else total += -1.5;
  } else if (freq.cnicDistrict) {
    const c = cnicDistrictOf(a, b, freq);
    if (c) total += c.weight;
  }
  return round2(total);
}

/**
 * District evidence for a pair where one record gives a CNIC and no district, the other a district and no CNIC
 * (when both give CNICs, the CNICs are compared instead; when both give districts, the districts): the district
 * the CNIC was registered in, as learnt from the data (Frequencies.cnicDistrict), against the other's district.
 * Weighed like a district (log2 m/u), with m the district's own 0.7 times the share of records with that
 * prefix that give the learnt district: a CNIC says where a person registered, not always where they live.
 */
function cnicDistrictOf(a: PreparedRecord, b: PreparedRecord, freq: Frequencies): { weight: number; district: CnicDistrict; cnic: string; other: PreparedRecord } | null {
  let c: PreparedRecord, o: PreparedRecord;
  if (a.cnic && !a.districtKey && b.districtKey && !b.cnic) { c = a; o = b; }
  else if (b.cnic && !b.districtKey && a.districtKey && !a.cnic) { c = b; o = a; }
  else return null;
  const d = freq.cnicDistrict?.(c.cnic!.slice(0, 5)) ?? null;
  if (!d) return null;
  const m = 0.7 * d.share;
  const share = Math.max(1 / 200, (freq.districtRecords(o.districtKey!) + 1) / (freq.districtedRecords() + 20));
  const weight = d.key === o.districtKey
    ? round2(Math.log2(m / share))
    : round2(Math.min(0, Math.max(-1.5, Math.log2((1 - m) / (1 - Math.min(share, 0.99))))));
  return { weight, district: d, cnic: c.cnic!, other: o };
}

/** The largest weight a name of the record could add: each token at most its weight (an initial 0.5). */
function nameCeiling(names: ParsedName[], freq: Frequencies, whole: boolean): number {
  let best = 0;
  for (const n of names) {
    let s = 0;
    let parts = 0;
    for (const t of n.tokens) {
      const w = t.initial ? 0.5 : tokenWeight(freq, t);
      s += w > 0.5 ? w : 0.5;
      parts += t.initial ? 0 : tokenWeight(freq, t);
    }
    if (whole && n.whole !== '') { const w = wholeNameWeight(freq, n.whole, n.tokens.length, parts); if (w !== null && w > s) s = w; }
    for (const c of n.clans) s += clanWeight(freq, c);
    if (s > best) best = s;
  }
  return best;
}

function recordCache(p: PreparedRecord, freq: Frequencies): ScoreCache {
  const v = freq.version;
  const c = p.scoreCache;
  if (c !== null && v !== undefined && c.version === v && c.of === freq) return c;
  const fresh: ScoreCache = {
    version: v ?? -1,
    of: freq,
    prior: round2(-Math.log2(Math.max(freq.records, 2))),
    nameMax: nameCeiling(p.names, freq, false),
    nameMaxWhole: nameCeiling(p.names, freq, true),
    fatherMax: nameCeiling(p.fathers, freq, false),
    district: p.districtKey ? round2(Math.log2(0.7 / Math.max(1 / 200, (freq.districtRecords(p.districtKey) + 1) / (freq.districtedRecords() + 20)))) : 0,
    yearShare: p.birth ? yearShare(freq, p.birth.year) : 0,
  };
  if (v !== undefined) p.scoreCache = fresh;
  return fresh;
}

function sharesWholeName(a: PreparedRecord, b: PreparedRecord): boolean {
  for (const x of a.names) if (x.whole !== '') for (const y of b.names) if (x.whole === y.whole) return true;
  return false;
}

/** Margin for the different order in which the bound and the score add their rounded parts. */
const BOUND_SLACK = 0.05;

/**
 * scoreOnly for a batch that keeps only pairs scoring at least `threshold`: first an upper bound from the
 * cheap fields (exact) and the largest weight each side's names could add (cached per record while the counts
 * do not change); when even that stays below the threshold the pair is dropped (-Infinity) without comparing
 * names. Otherwise the exact scoreOnly. A test checks it never drops a pair scoring at least the threshold.
 */
export function scoreAtLeast(a: PreparedRecord, b: PreparedRecord, freq: Frequencies, threshold: number): number {
  const ca = recordCache(a, freq), cb = recordCache(b, freq);
  let ub = ca.prior;
  if (a.names.length && b.names.length) {
    // the whole-name weight can only apply when the records share a whole name
    const whole = sharesWholeName(a, b);
    const ma = whole ? ca.nameMaxWhole : ca.nameMax, mb = whole ? cb.nameMaxWhole : cb.nameMax;
    ub += round2(ma < mb ? ma : mb);
  }
  if (a.fathers.length && b.fathers.length) ub += round2(fatherWeight(ca.fatherMax < cb.fatherMax ? ca.fatherMax : cb.fatherMax));
  if (a.cnic && b.cnic) {
    if (a.cnic === b.cnic) return scoreOnly(a, b, freq);
    ub += cnicNearMiss(a.cnic, b.cnic) ? 4 : -8;
  }
  if (a.passport && b.passport) {
    if (a.passport === b.passport) return scoreOnly(a, b, freq);
    ub -= 1;
  }
  if (a.phones.length && b.phones.length) ub += sharedWeight('phone', a.phones, b.phones, freq, false);
  if (a.handles.length && b.handles.length) ub += sharedWeight('handle', a.handles, b.handles, freq, false);
  if (a.wallets.length && b.wallets.length) ub += sharedWeight('wallet', a.wallets, b.wallets, freq, false);
  if (a.birth && b.birth) ub += dobWeightWith(a.birth, b.birth, ca.yearShare);
  if (a.districtKey && b.districtKey) ub += a.districtKey === b.districtKey ? ca.district : -1.5;
  else if (freq.cnicDistrict) { const c = cnicDistrictOf(a, b, freq); if (c) ub += c.weight; }
  if (ub + BOUND_SLACK < threshold) return -Infinity;
  return scoreOnly(a, b, freq);
}

function sharedWeight(field: 'phone' | 'handle' | 'wallet', xs: string[], ys: string[], freq: Frequencies, namesConflict: boolean): number {
  let best = 0, others = 0;
  for (const x of xs) {
    if (!ys.includes(x)) continue;
    const df = Math.max(2, freq.identifierRecords(field, x));
    const w = Math.max(1, Math.log2((IDENTIFIER_M[field] * Math.max(freq.records, 2)) / df));
    if (w > best) { if (best > 0) others++; best = w; } else others++;
  }
  if (best === 0) return 0;
  const w = best + Math.min(2, others);
  return namesConflict && field !== 'handle' ? round2(w / 2) : round2(w);
}

function dobWeight(a: BirthDate, b: BirthDate, freq: Frequencies): number {
  return Math.abs(a.year - b.year) >= 15 ? -14 : dobWeightWith(a, b, yearShare(freq, a.year));
}

function dobWeightWith(a: BirthDate, b: BirthDate, py: number): number {
  const gap = Math.abs(a.year - b.year);
  if (gap >= 15) return -14;
  if (!a.weak && !b.weak) {
    if (gap === 0 && a.month === b.month && a.day === b.day) return round2(Math.log2(0.85 / (py / 365)));
    if (gap === 0 && a.month === b.day && a.day === b.month) return round2(Math.log2(0.02 / (py / 365)));
    if (gap === 0) return round2(Math.log2(0.06 / py));
    if (gap === 1 && a.month === b.month && a.day === b.day) return round2(Math.log2(0.03 / (2 * py / 365)));
    return gap <= 2 ? -2 : -7;
  }
  if (gap === 0) return round2(Math.log2(WEAK_YEAR_M / py));
  if (gap === 1) return 0;
  return gap <= 3 ? -2.5 : -7;
}

function titlesNote(a: ParsedName, b: ParsedName): string {
  const t = [...a.titles, ...b.titles];
  return t.length ? ` (titles set aside: ${t.join(', ')})` : '';
}
