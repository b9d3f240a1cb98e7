import i18n from 'i18next';
import { en } from './en.ts';
import { formattersFor, looksLikeInstant } from './format.ts';

// Texts the server writes into the records (timeline lines, safeguarding history) are English sentences
// with values in them. Each known sentence has a code (i18n `words.serverTexts.<code>`): it is shown in the
// officer's language with its values put in, dates and times in the agency's zone. A sentence not known is
// shown as written, its date-times still formatted.

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const instantInText = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

const templates = Object.entries(en.words.serverTexts as Record<string, string>).map(([code, text]) => {
  const parts = text.split(/\{\{(\w+)\}\}/);
  return { code, re: new RegExp(`^${parts.map((p, i) => (i % 2 ? `(?<${p}>.+?)` : escapeRegExp(p))).join('')}$`, 's') };
});

/** Values that name a state or a kind are shown by their label in the officer's language. */
function localiseValue(name: string, value: string, lang: string): string {
  const f = formattersFor(lang);
  if (looksLikeInstant(value)) return f.dateTime(value);
  const t = i18n.getFixedT(lang);
  if (name === 'from' || name === 'to') return t(`victims.states.${value}`, { defaultValue: value });
  if (name === 'placement') return t(`victims.placementKinds.${value.replace(/ /g, '_')}`, { defaultValue: value });
  return value.replace(instantInText, (m) => f.dateTime(m));
}

export function localiseServerText(text: string, lang: string = i18n.language): string {
  for (const { code, re } of templates) {
    const m = re.exec(text);
    if (!m) continue;
    const values = Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, localiseValue(k, v, lang)]));
    return i18n.getFixedT(lang)(`words.serverTexts.${code}`, { ...values, interpolation: { escapeValue: false } });
  }
  const f = formattersFor(lang);
  return text.replace(instantInText, (m) => f.dateTime(m));
}
