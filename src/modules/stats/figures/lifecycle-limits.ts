import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

// The legal time limits the duration figures are measured against, read from seed/case-lifecycle.csv (the
// same file as /work/shared/data/case-lifecycle.csv). Each limit names the row it comes from and checks that
// the row still says it: a changed file stops the figures instead of measuring against a stale number.
export interface TimeLimit {
  id: 'fir_to_challan' | 'fir_to_verdict';
  days: number;
  statusCode: string;
  /** The words of the file's time_rule this limit is read from. */
  rule: string;
  legalBasis: string;
  source: string;
}

const file = fileURLToPath(new URL('../../../../seed/case-lifecycle.csv', import.meta.url));

const wanted: Array<{ id: TimeLimit['id']; statusCode: string; pattern: RegExp; days: (m: RegExpMatchArray) => number }> = [
  // "if investigation not complete within 14 days of FIR, interim report within 3 days after (day 17)"
  { id: 'fir_to_challan', statusCode: 'interim_challan', pattern: /within (\d+) days of FIR/, days: (m) => Number(m[1]) },
  // "NJPMC targets: sentences up to 7 years within 12 months"
  { id: 'fir_to_verdict', statusCode: 'in_trial', pattern: /within (\d+) months/, days: (m) => Math.round(Number(m[1]) * 30.4375) },
];

export function parseTimeLimits(text: string): TimeLimit[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return wanted.map((w) => {
    const row = rows.find((r) => r.status_code === w.statusCode);
    const m = row?.time_rule?.match(w.pattern);
    if (!row || !m) throw new Error(`case-lifecycle.csv: no time rule for ${w.statusCode} matching ${w.pattern}`);
    return { id: w.id, days: w.days(m), statusCode: w.statusCode, rule: row.time_rule!, legalBasis: row.legal_basis ?? '', source: row.source ?? '' };
  });
}

let cached: TimeLimit[] | undefined;
export function timeLimits(): TimeLimit[] {
  cached ??= parseTimeLimits(readFileSync(file, 'utf8'));
  return cached;
}
export const timeLimit = (id: TimeLimit['id']) => timeLimits().find((l) => l.id === id)!;
