import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ur } from './ur.ts';

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

/** Messages from the shared zod schemas and the API are English; Urdu gets a translation when there is one. */
export function translateMessage(message: string): string {
  if (i18n.language !== 'ur') return message;
  const dict = ur.messages as Record<string, string>;
  const key = Object.keys(en.messages).find((k) => (en.messages as Record<string, string>)[k] === message);
  return (key && dict[key]) || message;
}
