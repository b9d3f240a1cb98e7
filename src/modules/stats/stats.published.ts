import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

// Published external figures (seed/nccia-figures.csv), shown beside the computed ones with their
// sources. Read once per process; the file is reference data shipped with the code.
export interface PublishedFigure {
  period: string;
  metric: string;
  value: number;
  sources: string[];
  note: string;
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

/** Which computed figure each national published figure corresponds to (matched on the metric text). */
export const comparable: Array<{ figure: 'firs.childExploitation' | 'arrests.childExploitation' | 'convictions.persons'; metric: RegExp }> = [
  { figure: 'firs.childExploitation', metric: /^FIRs registered for child exploitation/i },
  { figure: 'arrests.childExploitation', metric: /^arrests in child exploitation cases/i },
  { figure: 'convictions.persons', metric: /^persons convicted in child exploitation cases/i },
];
