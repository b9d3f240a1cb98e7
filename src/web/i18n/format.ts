import { useTranslation } from 'react-i18next';

// Dates and numbers always go through Intl in the user's language; Urdu uses Pakistani conventions.
export function localeOf(lang: string): string {
  return lang === 'ur' ? 'ur-PK' : 'en-GB';
}

export interface Formatters {
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  number(n: number | null | undefined): string;
  percent(n: number): string;
}

const cache = new Map<string, Formatters>();

export function formattersFor(lang: string): Formatters {
  const hit = cache.get(lang);
  if (hit) return hit;
  const locale = localeOf(lang);
  const d = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  const dt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const n = new Intl.NumberFormat(locale);
  const p = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const f: Formatters = {
    date: (iso) => (iso ? d.format(new Date(iso)) : '—'),
    dateTime: (iso) => (iso ? dt.format(new Date(iso)) : '—'),
    number: (x) => (x === null || x === undefined ? '—' : n.format(x)),
    percent: (x) => p.format(x),
  };
  cache.set(lang, f);
  return f;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language);
}

/** A datetime-local input value ("2025-05-23T10:00") as an ISO date-time, or '' when empty or invalid. */
export function localInputToIso(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** Now (or a date) as a datetime-local input value in the browser's zone. */
export function isoToLocalInput(iso?: string): string {
  const d = iso ? new Date(iso) : new Date();
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
