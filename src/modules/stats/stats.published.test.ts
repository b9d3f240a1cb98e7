import { describe, expect, it } from 'vitest';
import { citationOf, comparable, parsePublishedFigures, publishedFigures, publishedPeriod } from './stats.published.ts';

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

  it('reads a period only when it is exact, and a citation only from what the address says', () => {
    expect(publishedPeriod('as of 2025-06-03')).toEqual({ from: null, to: '2025-06-03' });
    expect(publishedPeriod('2025-05-23 raid')).toEqual({ from: '2025-05-23', to: '2025-05-23' });
    expect(publishedPeriod('first ~6 months of NCCIA (2025)')).toBeNull();
    expect(citationOf('https://www.brecorder.com/news/40366108/nccia-busts-intl-child-abuse-gang')).toEqual({ publisher: 'Business Recorder', title: "NCCIA busts int'l child abuse gang", publishedOn: null, url: 'https://www.brecorder.com/news/40366108/nccia-busts-intl-child-abuse-gang' });
    expect(citationOf('https://jang.com.pk/news/1516732')).toMatchObject({ publisher: 'Daily Jang', title: null, publishedOn: null });
  });
});
