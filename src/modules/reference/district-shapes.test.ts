import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { controlTowns, distanceKm } from './district-map-georef.ts';
import { districtAt, districtOutlines, edgeDistanceKm, indexDistricts, parseSvgPath, type Ring } from './district-shapes.ts';

// The district outlines routing a tip by its coordinates: the dashboard map (npm @svg-maps/pakistan.districts),
// georeferenced at run time by district-map-georef.ts. Checked on the real package and district list: the join of
// outlines to districts, the fit (projection chosen by residual, check towns inside their own outline, Pakistan's
// westernmost point), points well inside districts, points abroad or at sea, and points near a border.
const csv = parse(readFileSync(new URL('../../../seed/pakistan-districts.csv', import.meta.url)), { columns: true }) as Array<Record<string, string>>;

describe('district outlines from the dashboard map', () => {
  const o = districtOutlines();

  it('reads the npm package, one outline per district of the map, each joined to the district list or to the districts it holds', () => {
    expect(o.source).toEqual({ package: '@svg-maps/pakistan.districts', version: '2.0.0', licence: 'Unlicense' });
    expect(o.districts).toHaveLength(144);
    const names = new Set(csv.map((r) => r.district));
    for (const d of o.districts) {
      if (d.name) expect(names.has(d.name), d.name).toBe(true);
      for (const c of d.covers) expect(names.has(c), c).toBe(true);
    }
    const karachi = o.districts.find((d) => d.mapName === 'Karachi')!;
    expect(karachi.name).toBeNull();
    expect(karachi.covers).toEqual(['Karachi Central', 'Karachi East', 'Karachi South', 'Karachi West', 'Keamari', 'Korangi', 'Malir']);
    expect(o.districts.find((d) => d.name === 'Muzaffargarh')!.covers).toEqual(['Kot Addu']);
    expect(o.districts.find((d) => d.name === 'Killa Abdullah')!.covers).toEqual(['Chaman']); // carved out in 2021
    // Every district of the list has an outline of its own or lies in one's covers, but Torghar (made in 2011 from
    // the Kala Dhaka tribal area, which the map draws in no outline we could name with a source).
    const placed = new Set(o.districts.flatMap((d) => [...(d.name ? [d.name] : []), ...d.covers]));
    expect(csv.map((r) => r.district).filter((n) => !placed.has(n!))).toEqual(['Torghar']);
  });

  it('fits the projection with the smaller residual, and its fit holds on towns it was not fitted to', () => {
    expect(o.candidates.map((c) => `${c.projection}/${c.parameters}`).sort()).toEqual(['equirectangular/4', 'equirectangular/6', 'mercator/4', 'mercator/6']);
    for (const c of o.candidates) expect(o.georeference.rmsKm).toBeLessThanOrEqual(c.rmsKm);
    // Leave-one-out residuals include each town's distance from its district's centre: a loose bound.
    expect(o.georeference.rmsKm).toBeLessThan(20);
    expect(o.controlPoints.filter((p) => p.fit).length).toBeGreaterThanOrEqual(30);
    // Check towns (not in the fit) lie inside their own district's outline, or within a few km of it.
    expect(o.checks.length).toBeGreaterThanOrEqual(50);
    expect(o.checks.filter((c) => c.outsideKm > 0).length).toBeLessThanOrEqual(o.checks.length / 10);
    expect(Math.max(...o.checks.map((c) => c.outsideKm))).toBeLessThan(o.marginKm);
    // The margin is the RMS rounded up (and no less than a check town's miss).
    expect(o.marginKm).toBe(Math.ceil(Math.max(o.georeference.rmsKm, ...o.checks.map((c) => c.outsideKm))));
    // Far from every fit point: the westernmost vertex against the Afghanistan-Iran-Pakistan tripoint (29.86 N, 60.87 E).
    let west: [number, number] = [Infinity, 0];
    for (const d of o.districts) for (const [lon, lat] of d.polygons[0]![0]!) if (lon < west[0]) west = [lon, lat];
    expect(distanceKm(west[1], west[0], 29.86, 60.87)).toBeLessThan(2 * o.marginKm);
  });

  it('places points well inside districts in them', () => {
    const inside = (lat: number, lon: number) => districtAt(lat, lon);
    expect(inside(35.9208, 74.3144)).toMatchObject({ district: 'Gilgit', nearby: [] }); // Gilgit town
    expect(inside(31.418, 73.079)).toMatchObject({ district: 'Faisalabad', nearby: [] }); // Faisalabad, clock tower
    expect(inside(26.0031, 63.0544)).toMatchObject({ district: 'Kech', covers: ['Tump'] }); // Turbat
    expect(inside(31.5204, 74.3587)?.district).toBe('Lahore'); // the Mall, Lahore
    expect(inside(30.0736, 71.1805)).toMatchObject({ district: 'Muzaffargarh', covers: ['Kot Addu'] });
    // Nearly every fit town lies in its own outline (a check of the join and the transform together); Matiari's
    // falls outside it, by less than the margin.
    const wrong = controlTowns.filter((t) => inside(t.latitude, t.longitude)?.district !== t.district && o.controlPoints.find((p) => p.town === t.town)!.fit);
    expect(wrong.length).toBeLessThanOrEqual(2);
    for (const t of wrong) expect(edgeDistanceKm(t.latitude, t.longitude, o.districts.find((d) => d.name === t.district)!.polygons[0]![0]!), t.town).toBeLessThan(o.marginKm);
  });

  it('places a point in Karachi in the one outline the map draws for its seven districts, naming no district', () => {
    expect(districtAt(24.9056, 67.0822)).toMatchObject({ district: null, mapName: 'Karachi' });
  });

  it('places no point at sea or abroad', () => {
    expect(districtAt(24.2, 66.6)).toBeNull(); // Arabian Sea, south-west of Karachi
    expect(districtAt(23.5, 64.0)).toBeNull(); // Arabian Sea, off Gwadar
    expect(districtAt(34.5553, 69.2075)).toBeNull(); // Kabul
    expect(districtAt(31.6289, 65.7372)).toBeNull(); // Kandahar
    expect(districtAt(31.634, 74.8723)).toBeNull(); // Amritsar, India
    expect(districtAt(28.61, 77.21)).toBeNull(); // Delhi
    expect(districtAt(0, 0)).toBeNull();
    expect(districtAt(Number.NaN, 70)).toBeNull();
  });

  it('says when a point lies within the margin of a border, and which outlines lie across it', () => {
    // A point about 1-3 km inside Lahore from a vertex its outline shares with Sheikhupura's (found in the map itself).
    const lahore = o.districts.find((d) => d.name === 'Lahore')!.polygons[0]![0]!;
    const sheikhupura = o.districts.find((d) => d.name === 'Sheikhupura')!.polygons[0]![0]!;
    const shared = lahore.filter(([lon, lat]) => edgeDistanceKm(lat, lon, sheikhupura) < 0.01);
    expect(shared.length).toBeGreaterThan(2);
    const [cx, cy] = lahore.reduce(([x, y], [lon, lat]) => [x + lon / lahore.length, y + lat / lahore.length], [0, 0]);
    const candidates = shared.flatMap(([lon, lat]) => [1, 2, 3].map((step) => {
      const f = step / distanceKm(lat, lon, cy, cx); // step km towards Lahore's centre
      return [lat + (cy - lat) * f, lon + (cx - lon) * f] as const;
    }));
    const hit = candidates.map(([lat, lon]) => districtAt(lat, lon)).find((h) => h?.district === 'Lahore')!;
    expect(hit).toBeDefined();
    expect(hit.edgeKm).toBeLessThan(3.1);
    expect(hit.marginKm).toBe(o.marginKm);
    expect(hit.nearby?.map((n) => n.district)).toContain('Sheikhupura');
    // Hyderabad's city centre falls just across the Indus in Jamshoro as the map draws it: near a border, and says so.
    const hyderabad = districtAt(25.396, 68.3578)!;
    expect(hyderabad.edgeKm).toBeLessThan(o.marginKm);
    expect([hyderabad.district, ...hyderabad.nearby!.map((n) => n.district)]).toContain('Hyderabad');
  });

  it('reads SVG paths: relative and absolute moves and lines, implicit line-tos, closing', () => {
    expect(parseSvgPath('m 10,10 5,0 0,5 z')).toEqual([[[10, 10], [15, 10], [15, 15]]]);
    expect(parseSvgPath('M 1 2 L 3 4 l 1 1 Z m 1,1 1,0 z')).toEqual([[[1, 2], [3, 4], [4, 5]], [[2, 3], [3, 3]]]);
    expect(() => parseSvgPath('M 0 0 C 1 1 2 2 3 3')).toThrow(/unsupported/);
  });

  it('finds a point in a polygon with a hole, and not in the hole', () => {
    const square = (x: number, y: number, s: number): Ring => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
    const locate = indexDistricts([
      { name: 'Ring', mapName: 'Ring', province: 'P', covers: [], polygons: [[square(0, 0, 10), square(4, 4, 2)]] },
      { name: 'Inner', mapName: 'Inner', province: 'P', covers: [], polygons: [[square(4.5, 4.5, 1)]] },
    ]);
    expect(locate(1, 1)?.district).toBe('Ring');
    expect(locate(4.2, 4.2)).toBeNull();
    expect(locate(5, 5)?.district).toBe('Inner');
    expect(locate(20, 20)).toBeNull();
  });
});
