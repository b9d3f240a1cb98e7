import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { districtAt, districtShapes, indexDistricts } from './district-shapes.ts';

// The held district boundaries (seed/district-shapes.json, built by scripts/build-district-shapes.ts) on the real
// files: their names against the district list, their attribution, known points, and points near borders placed
// by the unsimplified boundaries (test/fixtures/district-border-points.json, written by the same build from the
// source before simplifying).
const csv = parse(readFileSync(new URL('../../../seed/pakistan-districts.csv', import.meta.url)), { columns: true }) as Array<Record<string, string>>;
const border = JSON.parse(readFileSync(new URL('../../../test/fixtures/district-border-points.json', import.meta.url), 'utf8')) as {
  points: Array<{ latitude: number; longitude: number; district: string; metresFromBorder: number }>;
};

describe('district shapes', () => {
  const file = districtShapes();

  it('credits OpenStreetMap and names its source and commit', () => {
    expect(file.attribution).toBe('© OpenStreetMap contributors, ODbL 1.0');
    expect(file.licence).toContain('ODbL');
    expect(file.source).toMatchObject({ repository: 'github.com/AbuBakrCh/pakistan-map', path: 'data/bundle/geography.topojson.json' });
    expect(file.source.commit).toMatch(/^c004fc6[0-9a-f]{33}$/);
    expect(file.simplification.maxBorderShiftMetres).toBeLessThan(500);
  });

  it('names every district by the district list, and every district of the list has a boundary or lies in its parent', () => {
    const names = new Set(csv.map((r) => r.district));
    expect(file.districts).toHaveLength(156);
    expect(file.districts.filter((d) => !names.has(d.name)).map((d) => d.name)).toEqual([]);
    // The three spellings that differ, each written out by the build.
    expect(Object.fromEntries(file.districts.filter((d) => d.sourceName).map((d) => [d.sourceName, d.name]))).toEqual({ Abbotabad: 'Abbottabad', Kharmaung: 'Kharmang', Diamir: 'Diamer' });
    const shaped = new Set(file.districts.map((d) => d.name));
    const covered = new Map(file.districts.flatMap((d) => d.covers.map((c) => [c, d.name] as const)));
    for (const r of csv) {
      if (shaped.has(r.district!)) continue;
      expect(covered.get(r.district!), r.district).toBe(r.parent_district_2023);
    }
    expect(covered.size).toBe(csv.length - 156);
  });

  it('places known points in their districts', () => {
    expect(districtAt(31.5204, 74.3587)?.district).toBe('Lahore'); // the Mall, Lahore
    expect(districtAt(30.0736, 71.1805)).toMatchObject({ district: 'Muzaffargarh', covers: ['Kot Addu'] }); // Muzaffargarh town
    expect(districtAt(24.8468, 67.0339)?.district).toBe('Karachi South'); // Saddar, Karachi
    expect(districtAt(24.9056, 67.0822)?.district).toBe('Karachi East'); // Gulshan-e-Iqbal
    expect(districtAt(33.6844, 73.0479)?.district).toBe('Islamabad');
    expect(districtAt(35.9208, 74.3144)?.district).toBe('Gilgit');
  });

  it('places no point at sea or abroad', () => {
    expect(districtAt(24.2, 66.6)).toBeNull(); // Arabian Sea, south-west of Karachi
    expect(districtAt(23.5, 64.0)).toBeNull(); // Arabian Sea, off Gwadar
    expect(districtAt(34.5553, 69.2075)).toBeNull(); // Kabul
    expect(districtAt(31.6289, 65.7372)).toBeNull(); // Kandahar
    expect(districtAt(31.634, 74.8723)).toBeNull(); // Amritsar, India, 25 km from Lahore
    expect(districtAt(0, 0)).toBeNull();
    expect(districtAt(Number.NaN, 70)).toBeNull();
  });

  it('places points near a border as the unsimplified boundaries do', () => {
    expect(border.points.length).toBeGreaterThan(100);
    const wrong = border.points.filter((p) => districtAt(p.latitude, p.longitude)?.district !== p.district);
    expect(wrong).toEqual([]);
    // The points are nearer a border than the simplification could move one twice over: they test the tolerance.
    expect(Math.min(...border.points.map((p) => p.metresFromBorder))).toBeLessThan(2 * file.simplification.maxBorderShiftMetres);
  });

  it('finds a point in a polygon with a hole, and not in the hole', () => {
    const square = (x: number, y: number, s: number): Array<[number, number]> => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
    const locate = indexDistricts([
      { name: 'Ring', province: 'P', covers: [], polygons: [[square(0, 0, 10), square(4, 4, 2)]] },
      { name: 'Inner', province: 'P', covers: [], polygons: [[square(4.5, 4.5, 1)]] },
    ]);
    expect(locate(1, 1)?.district).toBe('Ring');
    expect(locate(4.2, 4.2)).toBeNull();
    expect(locate(5, 5)?.district).toBe('Inner');
    expect(locate(20, 20)).toBeNull();
  });
});
