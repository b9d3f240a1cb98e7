import { describe, expect, it } from 'vitest';
import { citationFromAddress, citationOf, comparable, parsePublishedFigures, publishedFigures, publishedPeriod, publishedSources } from './stats.published.ts';

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
    expect(citationFromAddress('https://www.brecorder.com/news/40366108/nccia-busts-intl-child-abuse-gang')).toEqual({ publisher: 'Business Recorder', title: "NCCIA busts int'l child abuse gang", publishedOn: null, url: 'https://www.brecorder.com/news/40366108/nccia-busts-intl-child-abuse-gang' });
    expect(citationFromAddress('https://jang.com.pk/news/1516732')).toMatchObject({ publisher: 'Daily Jang', title: null, publishedOn: null });
    // An address the catalogue does not know is still cited from what it says.
    expect(citationOf('https://www.nation.com.pk/05-Jun-2025/some-other-story')).toEqual({ publisher: 'The Nation', title: 'Some other story', publishedOn: '2025-06-05', url: 'https://www.nation.com.pk/05-Jun-2025/some-other-story' });
  });

  it('cites every source of the published figures with its publisher, its title and the date when known', () => {
    const urls = [...new Set(publishedFigures().flatMap((r) => r.sources))];
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      // Each source is in the catalogue: a new source in the file fails here until it is given its title.
      expect(publishedSources[url], url).toBeDefined();
      const c = citationOf(url);
      expect(c.url).toBe(url);
      expect(c.publisher, url).not.toMatch(/\./); // a name, not a host
      expect(c.title, url).toMatch(/\S{3}/);
      if (c.publishedOn !== null) expect(c.publishedOn, url).toMatch(/^2025-0[5-6]-\d{2}$/);
    }
    expect(citationOf('https://www.brecorder.com/news/40366108/nccia-busts-intl-child-abuse-gang')).toEqual({ publisher: 'Business Recorder', title: 'NCCIA busts int’l child abuse gang', publishedOn: '2025-06-04', url: 'https://www.brecorder.com/news/40366108/nccia-busts-intl-child-abuse-gang' });
    expect(citationOf('https://www.thenews.com.pk/latest/1318167-nccia-shatters-german-led-international-child-exploitation-ring')).toMatchObject({ publisher: 'The News International', title: 'NCCIA shatters German-led international child exploitation ring', publishedOn: '2025-06-03' });
    // A headline not seen is a supplied description in square brackets, never a made-up headline; no date guessed.
    expect(citationOf('https://jang.com.pk/news/1516732')).toMatchObject({ publisher: 'Daily Jang', title: expect.stringMatching(/^\[.*\]$/), publishedOn: null });
    expect(citationOf('https://ch51.tv/9150/')).toMatchObject({ publisher: 'Channel 51', title: expect.stringMatching(/^\[.*\]$/), publishedOn: null });
  });
});
