// Names: which script a name is written in, and a spelling-tolerant key so that Muhammad, Mohammad,
// Muhammed and Mohd. find each other. The key is for search only (entity resolution is its own issue);
// the name itself is stored exactly as given, so Urdu text round-trips unchanged.
export type Script = 'latin' | 'urdu' | 'other';

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const LATIN_SCRIPT = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/u;

/** The script most letters of the name are written in: Urdu (Arabic script), Latin or other. */
export function detectScript(name: string): Script {
  let arabic = 0;
  let latin = 0;
  let other = 0;
  for (const ch of name) {
    if (ARABIC_SCRIPT.test(ch)) arabic++;
    else if (LATIN_SCRIPT.test(ch)) latin++;
    else if (/\p{L}/u.test(ch)) other++;
  }
  if (arabic === 0 && latin === 0) return 'other';
  if (other > arabic + latin) return 'other';
  return arabic >= latin ? 'urdu' : 'latin';
}

const abbreviations: Record<string, string> = { md: 'muhammad', mohd: 'muhammad', muhd: 'muhammad', mhd: 'muhammad' };

/**
 * One Latin name token reduced to a phonetic skeleton: leading consonants, the class of the first vowel
 * (a / i / u), then the remaining consonants; common transliteration digraphs and doubled letters folded.
 */
export function latinTokenKey(token: string): string {
  let t = token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  if (!t) return '';
  t = abbreviations[t] ?? t;
  t = t
    .replace(/x/g, 'ks')
    .replace(/sh/g, 'S').replace(/kh/g, 'X').replace(/gh/g, 'G').replace(/ch/g, 'C')
    .replace(/ph/g, 'f').replace(/([bdjprt])h/g, '$1')
    .replace(/ck/g, 'k').replace(/q/g, 'k').replace(/c/g, 'k').replace(/v/g, 'w')
    .replace(/([aeiouy])h$/, '$1')
    .replace(/(.)\1+/g, '$1');
  const m = /^([^aeiou]*)([aeiouy]*)(.*)$/.exec(t)!;
  let lead = m[1]!;
  let group = m[2]!;
  // An initial y is a consonant (Yusuf); later it is a vowel (Faysal).
  if (lead === '' && group.startsWith('y')) {
    lead = 'y';
    group = group.slice(1).replace(/^y+/, '');
  }
  const vowel = group === '' ? '' : /[ou]/.test(group) ? 'u' : /a/.test(group) ? 'a' : group === 'e' ? 'a' : 'i';
  const rest = m[3]!.replace(/[aeiouy]/g, '');
  return (lead + vowel + rest).replace(/(.)\1+/g, '$1');
}

/** One Urdu (Arabic-script) token with diacritics removed and letter variants folded. */
export function urduTokenKey(token: string): string {
  return token
    .normalize('NFKC')
    // Diacritics, tatweel and joiners carry no identity: each is removed on its own, which is what the class means.
    // eslint-disable-next-line no-misleading-character-class
    .replace(/[\u064B-\u065F\u0670\u0640\u200C\u200D\u06D6-\u06ED]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/[\u064A\u0649\u06D2\u06D3]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(/[\u0647\u0629\u06C3]/g, '\u06C1')
    .replace(/\u0624/g, '\u0648')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function tokenKey(token: string): string {
  if (ARABIC_SCRIPT.test(token)) return urduTokenKey(token);
  if (LATIN_SCRIPT.test(token)) return latinTokenKey(token);
  return token.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The tokens of a name (split on spaces and punctuation), each reduced to its key. */
export function nameKeyTokens(name: string): string[] {
  return name
    .split(/[\s.,\-_'"()\u060C]+/u)
    .map(tokenKey)
    .filter((k) => k.length > 0);
}

/** The key stored beside a name: its token keys joined by single spaces. */
export function nameKey(name: string): string {
  return nameKeyTokens(name).join(' ');
}
