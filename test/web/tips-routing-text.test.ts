import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.ts';
import { ur } from '../../src/web/i18n/ur.ts';
import { routeTip } from '../../src/modules/tips/tip.routing.ts';
import { routingLines } from '../../src/web/modules/tips/routing-text.ts';

// The tip page says how the district was chosen in the officer's language, from the routing's facts (issue 11:
// it was English-only through the API). Routed here by the real routing over the held boundaries.
const branches = new Map([['muzaffargarh', 1], ['skardu', 2], ['lahore', 3], ['multan', 4]]);
const urdu = /[\u0600-\u06FF]/;

describe('routing lines in English and Urdu', () => {
  beforeAll(async () => {
    await i18n.init({ resources: { en: { translation: en }, ur: { translation: ur } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });
  const lines = (lng: 'en' | 'ur', r: ReturnType<typeof routeTip>) => routingLines(r.facts, r.method, i18n.getFixedT(lng));

  it('a platform\'s estimated coordinates: where they lie, that they are an estimate, and the place named', () => {
    const r = routeTip({ city: 'Muzaffargarh', phones: [], latitude: 30.0736, longitude: 71.1805, coordinatesSource: 'estimated' }, branches);
    expect(r.method).toBe('coordinates');
    const english = lines('en', r);
    expect(english[0]).toBe('Coordinates 30.0736, 71.1805 lie in Muzaffargarh (district boundaries © OpenStreetMap contributors)');
    expect(english[1]).toContain('estimated location');
    expect(english.some((l) => l.includes('Kot Addu'))).toBe(true); // a newer district inside the 2023 boundary
    expect(english.at(-1)).toBe('Place named in the report: Muzaffargarh: they agree');
    const urduLines = lines('ur', r);
    expect(urduLines).toHaveLength(english.length);
    for (const l of urduLines) expect(l).toMatch(urdu);
    expect(urduLines[0]).toContain('30.0736، 71.1805');
    expect(urduLines[0]).toContain('Muzaffargarh'); // place names stay as written
    expect(urduLines.join(' ')).not.toMatch(/\b(lie in|estimate|confirm|agree)\b/);
  });

  it('a named district with coordinates that disagree, an unconfirmed area code, and nothing to route by', () => {
    const named = routeTip({ district: 'Multan', phones: [], latitude: 31.5204, longitude: 74.3587 }, branches);
    expect(lines('en', named)).toEqual([
      'District named in the report: Multan',
      'Coordinates 31.5204, 74.3587 lie in Lahore (district boundaries © OpenStreetMap contributors): they disagree with the district routed to; confirm',
    ]);
    expect(lines('ur', named)[1]).toMatch(urdu);
    const weak = routeTip({ phones: ['+92581512345'] }, branches);
    expect(lines('en', weak)[1]).toContain('UNCONFIRMED area code');
    expect(lines('ur', weak)[1]).toContain('غیر تصدیق شدہ');
    const none = routeTip({ phones: [], latitude: 30, longitude: 70 }, branches);
    expect(lines('en', none)).toEqual([
      'Nothing in the report to route by (no district, usable coordinates, place or landline): for an analyst to route',
      'Coordinates 30, 70 are in whole degrees (the centre of a country or region, not a place): not used',
    ]);
    expect(lines('ur', none).every((l) => urdu.test(l))).toBe(true);
  });

  it('has every routing sentence in Urdu, with the same placeholders', () => {
    const flat = (o: object, p = ''): Record<string, string> => Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${p}${k}`, v]] : Object.entries(flat(v as object, `${p}${k}.`)))));
    const e = flat(en.tips.routingFacts);
    const u = flat(ur.tips.routingFacts);
    expect(Object.keys(u).sort()).toEqual(Object.keys(e).sort());
    const ph = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(e)) expect(ph(u[k]!), k).toEqual(ph(e[k]!));
  });
});
