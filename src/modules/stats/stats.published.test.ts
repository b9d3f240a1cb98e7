import { describe, expect, it } from 'vitest';
import { comparable, parsePublishedFigures, publishedFigures } from './stats.published.ts';

describe('published figures', () => {
  it('parses the seed file: numeric values, sources split, notes kept', () => {
    const rows = publishedFigures();
    expect(rows.length).toBeGreaterThan(5);
    const firs = rows.find((r) => /^FIRs registered for child exploitation/.test(r.metric))!;
    expect(firs).toMatchObject({ period: 'as of 2025-06-03', value: 178 });
    expect(firs.sources).toHaveLength(2);
    expect(firs.sources.every((s) => s.startsWith('https://'))).toBe(true);
    // Every comparable figure finds its published row.
    for (const c of comparable) expect(rows.some((r) => c.metric.test(r.metric)), c.figure).toBe(true);
  });

  it('skips rows without a number and keeps quoted commas', () => {
    const rows = parsePublishedFigures('date_or_period,metric,value,source,note\n2025,"a, b",12,https://x.example ; https://y.example,"n, o"\n2025,blank,,https://z.example,\n');
    expect(rows).toEqual([{ period: '2025', metric: 'a, b', value: 12, sources: ['https://x.example', 'https://y.example'], note: 'n, o' }]);
  });
});
