import { useTranslation } from 'react-i18next';

// Dates and numbers always go through Intl in the user's language; Urdu uses Pakistani conventions.
export function localeOf(lang: string): string {
  return lang === 'ur' ? 'ur-PK' : 'en-GB';
}

export interface Formatters {
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  time(iso: string | null | undefined): string;
  number(n: number | null | undefined): string;
  percent(n: number): string;
}

/** The agency's time zone (AMAAN_TIME_ZONE, sent with the session): every date and time is shown in it. */
export const DEFAULT_TIME_ZONE = 'Asia/Karachi';
let agencyZone = DEFAULT_TIME_ZONE;

export function setAgencyTimeZone(zone: string | undefined): void {
  if (!zone || zone === agencyZone) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return; // An unknown zone: keep the default rather than break every date.
  }
  agencyZone = zone;
  cache.clear();
}

export function agencyTimeZone(): string {
  return agencyZone;
}

const cache = new Map<string, Formatters>();

/**
 * The one date and time formatter: the agency's time zone and the chosen language. Urdu shows a 24-hour
 * clock (no "AM"/"PM", which ur-PK would print in English) and Urdu month names.
 */
export function formattersFor(lang: string): Formatters {
  const hit = cache.get(lang);
  if (hit) return hit;
  const locale = localeOf(lang);
  const timeZone = agencyZone;
  const d = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone });
  const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } as const;
  const dt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', ...clock });
  const tm = new Intl.DateTimeFormat(locale, clock);
  const n = new Intl.NumberFormat(locale);
  const p = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const safe = (fmt: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
    if (!iso) return '—';
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? iso : fmt.format(at);
  };
  const f: Formatters = {
    date: safe(d),
    dateTime: safe(dt),
    time: safe(tm),
    number: (x) => (x === null || x === undefined ? '—' : n.format(x)),
    percent: (x) => p.format(x),
  };
  cache.set(lang, f);
  return f;
}

/** Is this string a date-time the API wrote (an ISO 8601 instant)? */
export function looksLikeInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language);
}

/** The wall-clock parts of an instant in the agency's zone. */
function zoneParts(at: Date, timeZone = agencyZone) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((x) => x.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the agency's clock is ahead of UTC at this instant, in ms. */
function zoneOffset(at: Date): number {
  const p = zoneParts(at);
  const wall = new Date(0);
  wall.setUTCFullYear(p.year, p.month - 1, p.day); // not Date.UTC: it reads years 0-99 as 1900-1999
  wall.setUTCHours(p.hour, p.minute, p.second, 0);
  return wall.getTime() - Math.floor(at.getTime() / 1000) * 1000;
}

/** A datetime-local input value ("2025-05-23T10:00", the agency's wall clock) as an ISO instant, or '' when empty. */
export function localInputToIso(value: string): string {
  if (!value) return '';
  const m = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : d.toISOString();
  }
  const wall = new Date(0);
  wall.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  wall.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0);
  if (Number.isNaN(wall.getTime())) return value;
  // The zone's offset at that wall time (read twice: the first guess may sit across a clock change).
  let at = new Date(wall.getTime() - zoneOffset(wall));
  at = new Date(wall.getTime() - zoneOffset(at));
  return at.toISOString();
}

/** Now (or an instant) as a datetime-local input value on the agency's wall clock. */
export function isoToLocalInput(iso?: string): string {
  const d = iso ? new Date(iso) : new Date();
  const p = zoneParts(d);
  const pad = (x: number, w = 2) => String(x).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

