import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

// Published external figures (seed/nccia-figures.csv), shown beside the computed ones with their
// citations. Read once per process; the file is reference data shipped with the code. The file's `note`
// column is the researchers' own remark: kept here, never sent to a user as the source.
export interface PublishedFigure {
  period: string;
  metric: string;
  value: number;
  sources: string[];
  note: string;
}

/** Who published a source, under which headline and when: what an officer cites. */
export interface Citation {
  publisher: string;
  title: string | null;
  /** YYYY-MM-DD when the publication date is known (from the address or the publisher), else null. */
  publishedOn: string | null;
  url: string;
}

/** The days a published figure covers: `from` null means "since records began" ("as of 2025-06-03"). */
export interface PublishedPeriod {
  from: string | null;
  to: string;
}

const file = fileURLToPath(new URL('../../../seed/nccia-figures.csv', import.meta.url));
let cached: PublishedFigure[] | undefined;

export function parsePublishedFigures(text: string): PublishedFigure[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  return rows
    .filter((r) => r.value !== undefined && r.value !== '' && Number.isFinite(Number(r.value)))
    .map((r) => ({
      period: r.date_or_period ?? '',
      metric: r.metric ?? '',
      value: Number(r.value),
      sources: (r.source ?? '').split(/\s+;\s+/).map((s) => s.trim()).filter(Boolean),
      note: r.note ?? '',
    }));
}

export function publishedFigures(): PublishedFigure[] {
  cached ??= parsePublishedFigures(readFileSync(file, 'utf8'));
  return cached;
}

/**
 * The period a published figure covers, when its wording states one exactly: "as of 2025-06-03" (everything
 * up to that day) or "2025-05-23 raid" (that day). A vague period ("first ~6 months of NCCIA (2025)") has
 * none, and so is never compared with a computed figure.
 */
export function publishedPeriod(period: string): PublishedPeriod | null {
  const asOf = /^as of (\d{4}-\d{2}-\d{2})$/i.exec(period.trim());
  if (asOf) return { from: null, to: asOf[1]! };
  const day = /^(\d{4}-\d{2}-\d{2})(?:\s+\w+)?$/.exec(period.trim());
  if (day) return { from: day[1]!, to: day[1]! };
  return null;
}

const publishers: Record<string, string> = {
  'nation.com.pk': 'The Nation',
  'thenews.com.pk': 'The News International',
  'brecorder.com': 'Business Recorder',
  'jang.com.pk': 'Daily Jang',
  'ch51.tv': 'Channel 51',
  'tribune.com.pk': 'The Express Tribune',
  'medianama.com': 'MediaNama',
  'stateofchildren.com': 'State of Children',
};
const months: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/**
 * A citation read from the source address alone: the publisher from the host, the headline from the
 * address's words when it carries them, the date when the address states it (The Nation's "04-Jun-2025").
 * Nothing is guessed: what the address does not say stays null.
 */
export function citationFromAddress(url: string): Citation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { publisher: url, title: null, publishedOn: null, url };
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const segments = parsed.pathname.split('/').filter(Boolean);
  let publishedOn: string | null = null;
  for (const s of segments) {
    const m = /^(\d{2})-([A-Za-z]{3})-(\d{4})$/.exec(s);
    const month = m ? months[m[2]!.toLowerCase()] : undefined;
    if (m && month) publishedOn = `${m[3]}-${month}-${m[1]}`;
  }
  // The headline: the last segment made of words (leading article numbers dropped).
  const slug = [...segments].reverse().map((s) => s.replace(/^\d+-/, '')).find((s) => /[a-z]-[a-z]/i.test(s) && !/^\d{2}-[A-Za-z]{3}-\d{4}$/.test(s));
  const words = slug ? slug.split('-').filter(Boolean) : [];
  const title = words.length
    ? words.map((w, i) => (/^(nccia|fia|intl)$/i.test(w) ? (w.toLowerCase() === 'intl' ? "int'l" : w.toUpperCase()) : i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ')
    : null;
  return { publisher: publishers[host] ?? host, title, publishedOn, url };
}

/**
 * The sources of seed/nccia-figures.csv as they are cited: publisher, the document's own headline and its
 * publication date, as the publications give them (Business Recorder prints the headline and "Published 04 Jun,
 * 2025"; The News dates its page 3 June 2025; The Nation's address carries its headline and "04-Jun-2025"; all
 * three report the press conference of Tuesday 3 June 2025 that the figures come from). Where the headline was not
 * seen (two Urdu reports), the title is a description in square brackets, as a citation marks a title it
 * supplies; where the date was not seen it stays null. A source missing here falls back to `citationFromAddress`,
 * and `stats.published.test.ts` fails until every source of the file is listed.
 */
export const publishedSources: Readonly<Record<string, Omit<Citation, 'url'>>> = {
  'https://www.nation.com.pk/04-Jun-2025/nccia-busts-international-racket-involved-in-child-sexual-exploitation': {
    publisher: 'The Nation',
    title: 'NCCIA busts international racket involved in child sexual exploitation',
    publishedOn: '2025-06-04',
  },
  'https://www.thenews.com.pk/latest/1318167-nccia-shatters-german-led-international-child-exploitation-ring': {
    publisher: 'The News International',
    title: 'NCCIA shatters German-led international child exploitation ring',
    publishedOn: '2025-06-03',
  },
  'https://www.brecorder.com/news/40366108/nccia-busts-intl-child-abuse-gang': {
    publisher: 'Business Recorder',
    title: 'NCCIA busts int’l child abuse gang',
    publishedOn: '2025-06-04',
  },
  'https://ch51.tv/9150/': {
    publisher: 'Channel 51',
    title: '[Report in Urdu: the Minister of State for Interior on the Muzaffargarh gang, two arrested and ten children recovered]',
    publishedOn: null,
  },
  'https://jang.com.pk/news/1516732': {
    publisher: 'Daily Jang',
    title: '[Report in Urdu: NCCIA applications, inquiries, cases and challans in its first months, figures from its Additional Director Admin]',
    publishedOn: null,
  },
};

/** The citation of a source: its entry in `publishedSources`, else what its address alone says. */
export function citationOf(url: string): Citation {
  const known = publishedSources[url];
  return known ? { ...known, url } : citationFromAddress(url);
}

/** Which computed figure each national published figure corresponds to (matched on the metric text). */
export const comparable: Array<{ figure: 'firs.childExploitation' | 'arrests.childExploitation' | 'convictions.persons'; metric: RegExp }> = [
  { figure: 'firs.childExploitation', metric: /^FIRs registered for child exploitation/i },
  { figure: 'arrests.childExploitation', metric: /^arrests in child exploitation cases/i },
  { figure: 'convictions.persons', metric: /^persons convicted in child exploitation cases/i },
];
