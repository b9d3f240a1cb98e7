import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ur } from './ur.ts';
import { codeMessage } from '../../platform/http/field-messages.schema.ts';

export type Lang = 'en' | 'ur';
export const languages: Lang[] = ['en', 'ur'];
const STORAGE_KEY = 'amaan.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'ur' ? 'ur' : 'en';
  } catch {
    return 'en';
  }
}

/** Sets <html lang dir> so the whole layout (logical CSS properties) flips for Urdu. */
function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ur' ? 'rtl' : 'ltr';
}

export function changeLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyToDocument(lang);
  void i18n.changeLanguage(lang);
}

export function initI18n(): typeof i18n {
  const lang = storedLang();
  applyToDocument(lang);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ur: { translation: ur } },
    lng: lang,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An English message with {{placeholders}} as a pattern capturing their values ("cannot be before {{year}}"). */
function messagePattern(template: string): RegExp | null {
  if (!template.includes('{{')) return null;
  const parts = template.split(/\{\{(\w+)\}\}/);
  return new RegExp(`^${parts.map((p, i) => (i % 2 ? `(?<${p}>.+?)` : escapeRegExp(p))).join('')}$`);
}

/** Messages from the shared zod schemas and the API are English; Urdu gets a translation when there is one. */
export function translateMessage(message: string): string {
  if (i18n.language !== 'ur') return message;
  const dict = ur.messages as Record<string, string>;
  const english = en.messages as Record<string, string>;
  const key = Object.keys(english).find((k) => english[k] === message);
  if (key && dict[key]) return dict[key];
  // Messages carrying a value (a year, a number of years): matched by pattern, the value put into the Urdu.
  for (const [k, template] of Object.entries(english)) {
    const m = messagePattern(template)?.exec(message);
    if (m && dict[k]) return dict[k].replace(/\{\{(\w+)\}\}/g, (_, name: string) => m.groups?.[name] ?? '');
  }
  return message;
}

/** A server's field message shown by its code (src/platform/http/field-messages.schema.ts), else by its English words. */
export function translateField(message: string, coded?: { code: string; params?: Record<string, string> }): string {
  if (coded && i18n.exists(`messages.${coded.code}`)) return i18n.t(`messages.${coded.code}`, { ...coded.params });
  return translateMessage(message);
}

/**
 * The words shown for a refusal (problem+json) in the officer's language, built from codes only: the first
 * field's message by its code, else the detail when it is a catalogued message, else the problem's code.
 * The server's English `detail` is never shown as such (API clients still read it).
 */
export function problemText(error: { code: string; message: string; fieldErrors: Record<string, string>; fieldCodes: Record<string, { code: string; params?: Record<string, string> }> }): string {
  const [name, message] = Object.entries(error.fieldErrors)[0] ?? [];
  if (name !== undefined && message !== undefined) {
    const coded = error.fieldCodes[name] ?? codeMessage(message) ?? undefined;
    if (coded && i18n.exists(`messages.${coded.code}`)) return translateField(message, coded);
  }
  const detail = codeMessage(error.message);
  if (detail) return i18n.t(`messages.${detail.code}`, { ...detail.params });
  return i18n.exists(`errors.problem.${error.code}`) ? i18n.t(`errors.problem.${error.code}`) : i18n.t('errors.problem.other');
}
