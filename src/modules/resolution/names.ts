// Names made comparable across spellings and scripts. Each name is cut to the person's own name (a
// "s/o Father" part is parsed apart as the father's name), split into tokens, compound parts joined (Abdul Rehman, Zia-ur-Rehman,
// Nizamuddin, Inam Ullah are one token as in Urdu), titles and honorifics set aside (Hafiz, Haji, Malik, Rana,
// Syed, Mian, Ch., Mr., ...), and every token reduced to
// - a key: the canonical spelling for common names in the table (given-names.ts), otherwise the skeleton;
// - a skeleton: the consonants as Urdu writes them (vowels are mostly unwritten in Urdu; Latin spellings vary
//   in vowels), with a leading "a" for a word that starts with a vowel (or alif/ain), w and y kept only
//   word-initially, and a final h dropped, so Muhammad/Mohammed/محمد -> mhmd and Asif/آصف -> asf.
import { buildTables, lookupLatin, lookupUrdu, spellingsOf } from './given-names.ts';

export type TokenScript = 'latin' | 'urdu';

export interface NameToken {
  /** As written (after joining compounds). */
  text: string;
  script: TokenScript;
  /** The canonical Latin spelling when the name is in the table. */
  canonical: string | null;
  /** Canonical spelling or, for names outside the table, the skeleton: equal keys are the same name. */
  key: string;
  skeleton: string;
  /** A Latin token's plain letters (compounds joined as latinForm does); '' for Urdu. */
  plain: string;
  /** A single letter (M., A) standing for a name. */
  initial: boolean;
  /** Prior frequency of this name among Pakistani names (table names; others get a small default). */
  prior: number;
  /** Cache of tokenWeight (score.ts) for the counts it was computed from: not part of the token's meaning. */
  weight?: number;
  weightVersion?: number;
  weightOf?: object;
}

export interface ParsedName {
  raw: string;
  tokens: NameToken[];
  titles: string[];
  /**
   * The titles that are also clan (biradari) names, by canonical key ("~malik", "~chaudhry", "~syed"): Malik,
   * Rana, Syed, Chaudhry, Mian... are titles and family names at once, so two records that both carry one agree
   * on something (weighed like a name part by how common it is), while one that lacks it does not disagree.
   */
  clans: string[];
  /** The father's name of "X s/o Y", "X ولد Y", "X bin Y" (parsed the same way), when the name gives one. */
  father: ParsedName | null;
  /**
   * The whole name as one key, in any order and either script: its parts' skeletons, sorted ('' when a part is
   * an initial). Records are counted by it, so a rare full name can weigh more than its parts (score.ts).
   */
  whole: string;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
export const DEFAULT_PRIOR = 0.001;

/** Urdu text with diacritics removed and letter variants (Arabic and Persian code points) folded. */
export function foldUrdu(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\p{Mn}|\u0640|\u200C|\u200D/gu, '') // harakat, superscript alef, tatweel, joiners
    .replace(/[\u0623\u0625\u0671]/g, '\u0627')
    .replace(/[\u064A\u0649\u06D2\u06D3]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(/[\u0647\u0629\u06C3\u06C2]/g, '\u06C1')
    .replace(/\u0624/g, '\u0648')
    .replace(/[\u0626\u0621]/g, '');
}

buildTables(foldUrdu);

const URDU_LETTERS: Record<string, string> = {
  '\u0628': 'b', '\u067E': 'p', '\u062A': 't', '\u0679': 't', '\u062B': 's', '\u062C': 'j', '\u0686': 'C',
  '\u062D': 'h', '\u062E': 'X', '\u062F': 'd', '\u0688': 'd', '\u0630': 'z', '\u0631': 'r', '\u0691': 'r',
  '\u0632': 'z', '\u0698': 'z', '\u0633': 's', '\u0634': 'S', '\u0635': 's', '\u0636': 'z', '\u0637': 't',
  '\u0638': 'z', '\u063A': 'G', '\u0641': 'f', '\u0642': 'k', '\u06A9': 'k', '\u06AF': 'g', '\u0644': 'l',
  '\u0645': 'm', '\u0646': 'n', '\u06BA': 'n', '\u06C1': 'h',
  // vowel carriers and aspiration: nothing in the skeleton except at the start of a word (below)
  '\u0627': '', '\u0622': '', '\u0639': '', '\u0648': '', '\u06CC': '', '\u06BE': '',
};

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

/** The skeleton of a folded Urdu token. */
export function urduSkeleton(folded: string): string {
  let out = '';
  let first = true;
  for (const ch of folded) {
    if (first) {
      first = false;
      if (ch === '\u0627' || ch === '\u0622' || ch === '\u0639') { out += 'a'; continue; }
      if (ch === '\u06CC') { out += 'y'; continue; }
      if (ch === '\u0648') { out += 'w'; continue; }
    }
    if (ch === '\u06BE') {
      // do-chashmi he after k or g spells the Latin kh / gh
      if (out.endsWith('k')) out = `${out.slice(0, -1)}X`;
      else if (out.endsWith('g')) out = `${out.slice(0, -1)}G`;
      continue;
    }
    const m = URDU_LETTERS[ch];
    if (m !== undefined) out += m;
  }
  if (out.length > 1 && out.endsWith('h')) out = out.slice(0, -1);
  return collapse(out);
}

/** A Latin token in lower-case ASCII letters only (accents dropped). */
export function plainLatin(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** The skeleton of a plain Latin token. */
export function latinSkeleton(plain: string): string {
  if (!plain) return '';
  const t = plain
    .replace(/x/g, 'ks')
    .replace(/sh/g, 'S').replace(/kh/g, 'X').replace(/gh/g, 'G').replace(/ch/g, 'C')
    .replace(/ph/g, 'f').replace(/([bdjptrkg])h/g, '$1')
    .replace(/q/g, 'k').replace(/c/g, 'k').replace(/v/g, 'w');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    const vowel = ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u';
    if (i === 0) { out += vowel ? 'a' : ch; continue; }
    if (vowel || ch === 'y' || ch === 'w') continue;
    out += ch;
  }
  if (out.length > 1 && out.endsWith('h')) out = out.slice(0, -1);
  return collapse(out);
}

// Titles and honorifics, set aside before names are compared (they are shown, never weighed).
const LATIN_TITLES = new Set([
  'hafiz', 'haji', 'hajji', 'alhaj', 'alhajj', 'malik', 'rana', 'syed', 'sayed', 'sayyid', 'sayyed', 'syeda',
  'mian', 'ch', 'chaudhry', 'chaudhary', 'chaudhri', 'choudhry', 'choudhary', 'chaudry', 'chohdry', 'mr', 'mrs', 'ms',
  'miss', 'dr', 'prof', 'engr', 'eng', 'maulana', 'molana', 'moulana', 'mufti', 'qari', 'pir', 'sardar', 'janab', 'sahib',
  'sahab', 'saheb', 'mst', 'mohtarma', 'sheikh', 'shaikh', 'khawaja', 'khwaja', 'mirza', 'rao', 'nawab', 'agha', 'sufi', 'bibi', 'bi', 'begum', 'begam',
]);
const URDU_TITLES = new Set(
  ['حافظ', 'حاجی', 'الحاج', 'ملک', 'رانا', 'سید', 'سیدہ', 'میاں', 'چوہدری', 'چودھری', 'چوھدری', 'مسٹر', 'ڈاکٹر',
    'پروفیسر', 'انجینئر', 'مولانا', 'مفتی', 'قاری', 'پیر', 'سردار', 'جناب', 'صاحب', 'محترمہ', 'مسماۃ', 'مسمات', 'شیخ',
    'خواجہ', 'مرزا', 'راؤ', 'نواب', 'آغا', 'صوفی', 'بی', 'بیبی', 'بیگم'].map(foldUrdu),
);

// Titles that are also clan names, canonical key per spelling (Latin plain letters; Urdu folded).
const CLAN_LATIN: Record<string, string> = {
  malik: 'malik', rana: 'rana', syed: 'syed', sayed: 'syed', sayyid: 'syed', sayyed: 'syed', syeda: 'syed',
  ch: 'chaudhry', chaudhry: 'chaudhry', chaudhary: 'chaudhry', chaudhri: 'chaudhry', choudhry: 'chaudhry',
  choudhary: 'chaudhry', chaudry: 'chaudhry', chohdry: 'chaudhry', mian: 'mian', sheikh: 'sheikh', shaikh: 'sheikh',
  khawaja: 'khawaja', khwaja: 'khawaja', mirza: 'mirza', rao: 'rao', sardar: 'sardar', nawab: 'nawab', agha: 'agha', pir: 'pir',
};
const CLAN_URDU = new Map<string, string>(
  ([['ملک', 'malik'], ['رانا', 'rana'], ['سید', 'syed'], ['سیدہ', 'syed'], ['چوہدری', 'chaudhry'], ['چودھری', 'chaudhry'],
    ['چوھدری', 'chaudhry'], ['میاں', 'mian'], ['شیخ', 'sheikh'], ['خواجہ', 'khawaja'], ['مرزا', 'mirza'], ['راؤ', 'rao'],
    ['سردار', 'sardar'], ['نواب', 'nawab'], ['آغا', 'agha'], ['پیر', 'pir']] as const).map(([u, k]) => [foldUrdu(u), k]),
);

/** The clan key ("~malik") of a title that is also a clan name, or null. */
export function clanKey(title: string): string | null {
  const k = ARABIC.test(title) ? CLAN_URDU.get(foldUrdu(title)) : CLAN_LATIN[plainLatin(title)];
  return k ? `~${k}` : null;
}

// "Ali s/o Akbar", "علی ولد اکبر": the part after the relation names someone else: the father (kept, as
// evidence of its own) or the husband (set aside).
// "bin" and "بن" only with a name after them (a family name may be written بن).
const RELATION = /\s+(?:(s\/o|d\/o|w\/o|son of|daughter of|wife of|ولد|بنت|زوجہ|ولدیت|دختر)(?=\s|$)(.*)|(bin|ibn|بن|ابن)\s+(\S.*))$/iu;
const HUSBAND = /^(?:w\/o|wife of|زوجہ)$/iu;
const LATIN_CONNECTORS = new Set(['ul', 'ur', 'us', 'un', 'ud', 'uz', 'ut', 'ush', 'al', 'el', 'ud', 'ad', 'ar', 'as', 'an', 'az']);
const AFTER_UL = '(?:rehman|rahman|rashid|rasheed|rauf|razzaq|razaq|din|deen|sattar|salam|samad|shakoor|nasir|noor|zaman|haq|ain|hassan|hasan|qadir|qayyum|majeed|wahab|wahid|ghafoor|hameed|latif|aziz|karim|kareem|jabbar|ghani|malik)';
// Skeletons of the names that follow "ul" (Urdu writes them joined with al-: الرحمن، الدین، اللہ).
const AFTER_UL_SKELETONS = new Set([...AFTER_UL.slice(3, -1).split('|'), 'lah'].map((w) => latinSkeleton(w)));
const INNER_UL = new RegExp(`(?<=..)(?:u|o)(?:l|r|s|n|z|d|t|sh)-?(?=(?:r|s|n|z|d|t|sh)?${AFTER_UL}$)`);
const ABD_LATIN = /^abd[uoae]?(?:l|r|s|n|z|d|t|sh)?$/;
const ABD_LATIN_JOINED = /^abd[uoae]?(?:l|r|s|n|z|d|t|sh)(?=.)/;

interface RawToken { text: string; script: TokenScript; dotted: boolean }

function splitTokens(name: string): RawToken[] {
  const out: RawToken[] = [];
  const re = /[^\s.,\-_'"()\u060C\u06D4:;/\\]+(\.)?/gu;
  for (const m of name.matchAll(re)) {
    const text = m[0].replace(/\.$/, '');
    if (!text) continue;
    out.push({ text, script: ARABIC.test(text) ? 'urdu' : 'latin', dotted: m[1] === '.' });
  }
  return out;
}

/** Joins the parts of compound names so Latin and Urdu spellings tokenise alike. */
function joinCompounds(tokens: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.script === 'latin') {
      const lower = plainLatin(t.text);
      if (ABD_LATIN.test(lower) && next && next.script === 'latin') {
        out.push({ text: `${t.text} ${next.text}`, script: 'latin', dotted: false });
        i++;
        continue;
      }
      const prev = out[out.length - 1];
      if (LATIN_CONNECTORS.has(lower) && prev && prev.script === 'latin' && next && next.script === 'latin') {
        prev.text = `${prev.text}-${t.text}-${next.text}`;
        i++;
        continue;
      }
      if ((lower === 'ullah' || lower === 'ulla' || lower === 'allah') && prev && prev.script === 'latin' && !prev.dotted && plainLatin(prev.text).length > 1) {
        prev.text = `${prev.text} ${t.text}`;
        continue;
      }
    } else {
      const folded = foldUrdu(t.text);
      const prev = out[out.length - 1];
      if (folded === 'عبد' && next && next.script === 'urdu') {
        out.push({ text: `${t.text} ${next.text}`, script: 'urdu', dotted: false });
        i++;
        continue;
      }
      if (folded.startsWith('ال') && prev && prev.script === 'urdu' && AFTER_UL_SKELETONS.has(urduSkeleton(folded.slice(2)))) {
        prev.text = `${prev.text} ${t.text}`;
        continue;
      }
    }
    out.push({ ...t });
  }
  return out;
}

/** Canonical Latin form of the joined token text, before skeletonising. */
function latinForm(text: string): string {
  let plain = plainLatin(text.replace(/[\s-]+(?:ul|ur|us|un|ud|uz|ut|ush|al|el|ad|ar|as|an|az)[\s-]+/gi, 'ul'));
  const abd = ABD_LATIN_JOINED.exec(plain);
  if (abd) plain = `abdul${plain.slice(abd[0].length)}`;
  else plain = plain.replace(INNER_UL, 'ul');
  return plain;
}

// Parsed tokens and names are kept for reuse (a million records hold a few hundred thousand distinct names
// and far fewer distinct tokens): they are read-only except for the weight cache, which is keyed by the counts
// it was computed from. Each cache is emptied when it grows past its bound.
const CACHE_BOUND = 500_000;
const tokenCache = new Map<string, NameToken | null>();
const nameCache = new Map<string, ParsedName>();
const titleCache = new Map<string, boolean>();

function cachedToken(raw: RawToken): NameToken | null {
  const k = raw.script === 'urdu' ? raw.text : `${raw.dotted ? '.' : ' '}${raw.text}`;
  let t = tokenCache.get(k);
  if (t === undefined) {
    if (tokenCache.size >= CACHE_BOUND) tokenCache.clear();
    t = makeToken(raw);
    tokenCache.set(k, t);
  }
  return t;
}

function makeToken(raw: RawToken): NameToken | null {
  if (raw.script === 'urdu') {
    const folded = foldUrdu(raw.text).replace(/[^\p{L}]/gu, '');
    if (!folded) return null;
    const g = lookupUrdu(folded);
    const skeleton = g ? latinSkeleton(g.canonical) : urduSkeleton(folded);
    if (!skeleton) return null;
    return { text: raw.text, script: 'urdu', canonical: g?.canonical ?? null, key: g?.canonical ?? skeleton, skeleton, plain: '', initial: false, prior: g?.prior ?? DEFAULT_PRIOR };
  }
  const plain = latinForm(raw.text);
  if (!plain) return null;
  if (plain.length === 1) {
    const skeleton = latinSkeleton(plain);
    return { text: raw.text, script: 'latin', canonical: null, key: skeleton, skeleton, plain, initial: true, prior: 0.05 };
  }
  const g = lookupLatin(plain);
  const skeleton = latinSkeleton(g?.canonical ?? plain);
  return { text: raw.text, script: 'latin', canonical: g?.canonical ?? null, key: g?.canonical ?? skeleton, skeleton, plain, initial: false, prior: g?.prior ?? DEFAULT_PRIOR };
}

function isTitle(raw: RawToken): boolean {
  let t = titleCache.get(raw.text);
  if (t === undefined) {
    if (titleCache.size >= CACHE_BOUND) titleCache.clear();
    t = raw.script === 'latin' ? LATIN_TITLES.has(plainLatin(raw.text)) : URDU_TITLES.has(foldUrdu(raw.text));
    titleCache.set(raw.text, t);
  }
  return t;
}

/** Parses one name as written into comparable tokens and the titles set aside (shared, read-only result). */
export function parseName(raw: string): ParsedName {
  let p = nameCache.get(raw);
  if (p === undefined) {
    if (nameCache.size >= CACHE_BOUND) nameCache.clear();
    p = parseNameUncached(raw);
    nameCache.set(raw, p);
  }
  return p;
}

function parseNameUncached(raw: string): ParsedName {
  const text = raw.normalize('NFKC');
  const rel = RELATION.exec(text);
  const own = rel ? text.slice(0, rel.index) : text;
  const marker = rel ? rel[1] ?? rel[3]! : '';
  const relative = rel && !HUSBAND.test(marker) ? parseName((rel[2] ?? rel[4]!).trim()) : null;
  const father = relative && relative.tokens.length > 0 ? relative : null;
  const joined = joinCompounds(splitTokens(own));
  const titles: string[] = [];
  let kept = joined.filter((t) => {
    if (isTitle(t)) { titles.push(t.text); return false; }
    return true;
  });
  // A name made only of titles (someone recorded as "Malik") keeps them as its name.
  if (kept.length === 0) { kept = joined; titles.length = 0; }
  const tokens: NameToken[] = [];
  for (const t of kept) {
    const tok = cachedToken(t);
    if (tok) tokens.push(tok);
  }
  const clans = [...new Set(titles.map(clanKey).filter((k): k is string => k !== null))];
  const whole = tokens.length === 0 || tokens.some((t) => t.initial) ? '' : [...new Set(tokens.map((t) => t.skeleton))].sort().join(' ');
  return { raw, tokens, titles, clans, father, whole };
}

/** The letter an initial stands for, comparable with a token's skeleton (vowels are one class). */
export function initialLetter(skeleton: string): string {
  const c = skeleton[0] ?? '';
  return ({ S: 's', X: 'k', G: 'g', C: 'k' } as Record<string, string>)[c] ?? c;
}

/** Strings at most one edit apart: one letter changed, dropped or added, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length, lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Two different name parts that a typing slip or a loose transliteration could make of one name: a Latin
 * spelling one edit from a spelling of the other (Seoaib / Shoaib, Isiaq / Ishaq, Ayeha / Ayesha), or
 * consonant skeletons one edit apart however short (Thira / طاہرہ). Such a pair says neither "same" nor
 * "different": a slip is about as likely as two names one letter apart. Two names both from the table (Hasan,
 * Husain) are different names, never slips.
 */
export function slipApart(x: NameToken, y: NameToken): boolean {
  if (x.initial || y.initial) return false;
  if (x.canonical !== null && y.canonical !== null) return false;
  if (Math.min(x.skeleton.length, y.skeleton.length) >= 2 && withinOneEdit(x.skeleton, y.skeleton)) return true;
  return latinSlip(x, y) || latinSlip(y, x);
}

function latinSlip(x: NameToken, y: NameToken): boolean {
  if (x.script !== 'latin' || x.canonical !== null || x.plain.length < 4) return false;
  if (y.canonical !== null) return spellingsOf(y.canonical).some((v) => withinOneEdit(x.plain, v));
  return y.script === 'latin' && withinOneEdit(x.plain, y.plain);
}
