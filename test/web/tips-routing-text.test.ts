import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.ts';
import { ur } from '../../src/web/i18n/ur.ts';
import { routeTip } from '../../src/modules/tips/tip.routing.ts';
import { routingLines } from '../../src/web/modules/tips/routing-text.ts';

// The tip page says how the district was chosen in the officer's language, from the routing's facts (issue 11:
// it was English-only through the API). Routed here by the real routing over the held outlines.
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
    expect(english[0]).toBe('Coordinates 30.0736, 71.1805 lie in Muzaffargarh (district outlines of the dashboard map, georeferenced by a fit: borders approximate)');
    // The city is within the map's error margin of Multan's outline: said, as s7-h's detail says it.
    expect(english[1]).toMatch(/^Near a border: [\d.]+ km from the edge of the outline \(near Multan [\d.]+ km\), where the map's borders may be off by up to about \d+ km$/);
    expect(english.some((l) => l.includes('Nothing else'))).toBe(false); // the place named agrees
    expect(english.some((l) => l.includes('estimated location'))).toBe(true);
    expect(english.some((l) => l.includes('Kot Addu'))).toBe(true); // a newer district inside the older outline
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
      'Coordinates 31.5204, 74.3587 lie in Lahore (district outlines of the dashboard map, georeferenced by a fit: borders approximate): they disagree with the district routed to; confirm',
      expect.stringMatching(/^Near a border: [\d.]+ km from the edge of the outline \(near Sheikhupura [\d.]+ km\)/),
    ]);
    expect(lines('ur', named)[1]).toMatch(urdu);
    const weak = routeTip({ phones: ['+92581512345'] }, branches);
    expect(lines('en', weak)[1]).toContain('UNCONFIRMED area code');
    expect(lines('ur', weak)[1]).toContain('غیر تصدیق شدہ');
    const none = routeTip({ phones: [], latitude: 30, longitude: 70 }, branches);
    expect(lines('en', none)).toEqual([
      'Nothing in the report to route by (no district, coordinates placing it in one district, place or landline): for an analyst to route',
      'Coordinates 30, 70 are in whole degrees (the centre of a country or region, not a place): not used',
    ]);
    expect(lines('ur', none).every((l) => urdu.test(l))).toBe(true);
  });

  it('near a border: coordinates alone are flagged, a place across the border is consistent, an agreeing landline is said', () => {
    const mall = { latitude: 31.5204, longitude: 74.3587 }; // the Mall, Lahore: within the margin of Sheikhupura's outline
    const b = new Map([...branches, ['sheikhupura', 5]]);
    const alone = routeTip({ phones: [], ...mall }, b);
    expect(alone.facts.coordinates).toMatchObject({ district: 'Lahore', alone: true, near: { nearby: [expect.objectContaining({ name: 'Sheikhupura' })] } });
    expect(lines('en', alone).at(-1)).toBe('Nothing else in the report to weigh the coordinates against: confirm');
    expect(lines('ur', alone).every((l) => urdu.test(l))).toBe(true);
    const across = routeTip({ city: 'Sheikhupura', phones: [], ...mall }, b);
    expect(across.method).toBe('city');
    expect(across.facts.coordinates).toMatchObject({ agrees: false, consistent: true });
    expect(lines('en', across)[1]).toContain('across a border within the map\'s error of the district routed to: consistent; confirm');
    const line = routeTip({ phones: ['+924235761234'], ...mall }, b);
    expect(line.method).toBe('coordinates');
    expect(line.facts.landline).toMatchObject({ areaCode: '42', district: 'Lahore', agrees: true });
    expect(lines('en', line)).toContain('Landline +924235761234: area code 042 (Lahore): agrees with the coordinates');
    expect(lines('ur', line).every((l) => urdu.test(l))).toBe(true);
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
