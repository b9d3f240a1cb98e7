import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import pakistanDistricts from '@svg-maps/pakistan.districts';
import { joinDistrictMap, type MapDistrict } from '../stats/district-map.rules.ts';
import { compareGeoreferences, controlTowns, distanceKm, FIT_MAX_AREA_KM2, type ControlPoint, type Georeference } from './district-map-georef.ts';

// Which district a point (WGS84 latitude, longitude) lies in, with no live look-up and no boundary file of our
// own: the outlines are the dashboard's district map, npm `@svg-maps/pakistan.districts` 2.0.0 (Unlicense),
// turned into longitude/latitude at run time by the fit of src/modules/reference/district-map-georef.ts.
//
// How good that is. The map is a small drawing (about 1,600 SVG units for 17° of longitude: one unit is about
// 1 km) of districts as they were before the 2023 census; its outlines are coarse, and its coast and borders are
// drawn, not surveyed. The fit's leave-one-out residuals (a town against its district's transformed centre) are
// about 5-10 km RMS, which also counts the town's own distance from its district's centre; a few district
// headquarters towns of the check set fall outside their own outline by a few km. So a border may be off by
// several km: a point within BORDER_MARGIN_KM of an outline's edge is "near a border", and the routing treats its
// coordinates as weaker evidence there (src/modules/tips/tip.routing.ts). The figures are printed by
// `npx tsx scripts/fit-district-map.ts` and checked by district-shapes.test.ts.
//
// Outlines and districts: each outline is joined to seed/pakistan-districts.csv as the dashboard joins it
// (src/modules/stats/district-map.rules.ts). An outline drawing a former district split since (Karachi, Chitral,
// Kohistan, Hunza-Nagar) names no single district: a point in it lists the districts it may be in and routes only
// with other evidence. A former Frontier Region drawn on its own names none. Districts made after the map was drawn
// lie inside an older outline, listed in its `covers` (CSV parent_district_2023, and `carvedFrom` below).
//
// A lookup: a Flatbush index over the outlines' bounding boxes gives the few candidates whose box holds the point,
// then an exact point-in-polygon test (@turf/boolean-point-in-polygon) on each; then the distance to the edges of
// that outline and of the outlines whose box lies within the margin. The outlines are built once per process:
// in the background at `amaan serve` start (`preloadDistrictShapes`), else at the first lookup.

export type Ring = Array<[number, number]>;

export interface DistrictShape {
  /** The district of seed/pakistan-districts.csv the outline draws, or null when it draws several or none. */
  name: string | null;
  /** The outline's name in the map. */
  mapName: string;
  province: string | null;
  /** Districts of the list inside this outline with no outline of their own (split or made since the map was drawn). */
  covers: string[];
  /** Polygons (outer ring, then holes) in [longitude, latitude]. */
  polygons: Ring[][];
}

export interface NearbyOutline {
  district: string | null;
  mapName: string;
  km: number;
}

export interface DistrictHit {
  /** The district the outline draws, or null (an outline of several districts, or of none). */
  district: string | null;
  mapName: string;
  province: string | null;
  covers: readonly string[];
  /** Distance in km from the point to the nearest edge of its outline (a border, the coast or the frontier). */
  edgeKm?: number;
  /** Other outlines whose edge lies within the margin of the point. */
  nearby?: readonly NearbyOutline[];
  /** The margin used (km): a point with edgeKm below it is near a border. */
  marginKm?: number;
}

export type DistrictLocator = (latitude: number, longitude: number) => DistrictHit | null;

/** Districts of the list made before the 2023 census but after the map was drawn, with the district they were carved
 *  from (general administrative facts: Sujawal from Thatta 2013, Sohbatpur from Jaffarabad 2013, Duki from Loralai
 *  2016, Surab from Kalat 2017, Chaman from Killa Abdullah 2021, Shigar and Kharmang from Skardu 2015-2017). */
export const carvedFrom: Readonly<Record<string, string>> = {
  Sujawal: 'Thatta', Sohbatpur: 'Jaffarabad', Duki: 'Loralai', Surab: 'Kalat', Chaman: 'Killa Abdullah', Shigar: 'Skardu', Kharmang: 'Skardu',
};

/** The points of one SVG path of the map (it uses M, m, L, l and z only: one closed ring per district). */
export function parseSvgPath(d: string): Array<Array<[number, number]>> {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const rings: Array<Array<[number, number]>> = [];
  let cmd = '', x = 0, y = 0, sx = 0, sy = 0, ring: Array<[number, number]> | null = null;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (/[A-Za-z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === 'z' || cmd === 'Z') {
        if (ring) rings.push(ring);
        ring = null;
        x = sx;
        y = sy;
      }
      continue;
    }
    if (/[HhVvCcSsQqTtAa]/.test(cmd) || !cmd) throw new Error(`unsupported SVG path command ${cmd || '(none)'}`);
    const a = Number(t), b = Number(tokens[i + 1]);
    i += 2;
    if (cmd === 'm' || cmd === 'M') {
      if (ring) rings.push(ring);
      [x, y] = cmd === 'm' ? [x + a, y + b] : [a, b];
      sx = x;
      sy = y;
      ring = [[x, y]];
      cmd = cmd === 'm' ? 'l' : 'L'; // further pairs are line-tos
    } else {
      [x, y] = cmd === 'l' ? [x + a, y + b] : [a, b];
      ring!.push([x, y]);
    }
  }
  if (ring) rings.push(ring);
  return rings;
}

/** Area-weighted centre of a ring (shoelace). */
function ringCentre(ring: ReadonlyArray<readonly [number, number]>): [number, number] {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!, [x1, y1] = ring[(i + 1) % ring.length]!;
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

interface CsvDistrict { district: string; province: string; area_sq_km: string; parent_district_2023: string }

export interface DistrictOutlines {
  source: { package: string; version: string; licence: string };
  georeference: Georeference;
  /** Every projection tried, best first. */
  candidates: Georeference[];
  controlPoints: ControlPoint[];
  /** Check points (towns not in the fit): how far outside its own outline each falls (0: inside). */
  checks: Array<{ district: string; town: string; outsideKm: number }>;
  marginKm: number;
  districts: DistrictShape[];
}

/** Builds the outlines from the package and the district list (about 20 ms: 144 paths). */
export function buildDistrictOutlines(csvText: string = readFileSync(new URL('../../../seed/pakistan-districts.csv', import.meta.url), 'utf8')): DistrictOutlines {
  const rows = parse(csvText, { columns: true }) as CsvDistrict[];
  const mapDistricts: MapDistrict[] = rows.map((r, i) => ({ id: i, name: r.district, province: r.province, parentDistrict: r.parent_district_2023 || carvedFrom[r.district] || null }));
  const locations = pakistanDistricts.locations;
  const join = joinDistrictMap(locations.map((l) => ({ id: l.id, name: l.name })), mapDistricts);
  const shapeNames = new Map(locations.map((l) => [l.name, l.id]));
  const coversOf = new Map<string, string[]>();
  for (const m of join.missing) {
    const id = m.within ? shapeNames.get(m.within) : undefined;
    if (id) coversOf.set(id, [...(coversOf.get(id) ?? []), m.name]);
  }
  const svg = locations.map((l) => {
    const d = join.districtOf.get(l.id);
    const row = d === undefined ? undefined : rows[d];
    const covers = coversOf.get(l.id) ?? [];
    const province = row?.province ?? (covers.length ? rows.find((r) => r.district === covers[0])?.province ?? null : null);
    return { id: l.id, mapName: l.name, name: row?.district ?? null, province, covers, rings: parseSvgPath(l.path), area: Number(row?.area_sq_km) || null };
  });
  const byDistrict = new Map(svg.filter((s) => s.name).map((s) => [s.name!, s]));
  const controlPoints: ControlPoint[] = controlTowns.flatMap((t) => {
    const s = byDistrict.get(t.district);
    if (!s) throw new Error(`control town ${t.town}: no outline of its own for ${t.district}`);
    const [x, y] = ringCentre(s.rings[0]!);
    return [{ ...t, x, y, fit: s.area !== null && s.area <= FIT_MAX_AREA_KM2 && s.covers.length === 0 }];
  });
  const candidates = compareGeoreferences(controlPoints);
  const georeference = candidates[0]!;
  const districts: DistrictShape[] = svg.map((s) => ({
    name: s.name, mapName: s.mapName, province: s.province, covers: s.covers,
    polygons: s.rings.map((ring) => {
      const pts = ring.map(([x, y]) => georeference.toLonLat(x, y));
      const first = pts[0]!, last = pts[pts.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) pts.push([first[0], first[1]]);
      return [pts];
    }),
  }));
  // The margin: the leave-one-out RMS of the fit, rounded up to a whole km, and no less than the farthest a check
  // town falls outside its own outline (both are measures of how far a drawn border may be from the real one).
  const outside = (lat: number, lon: number, shape: DistrictShape) => booleanPointInPolygon([lon, lat], { type: 'Polygon', coordinates: shape.polygons[0]! }) ? 0 : edgeDistanceKm(lat, lon, shape.polygons[0]![0]!);
  const shapeOf = new Map(districts.filter((d) => d.name).map((d) => [d.name!, d]));
  const checks = controlPoints.filter((p) => !p.fit).map((p) => ({ district: p.district, town: p.town, outsideKm: round1(outside(p.latitude, p.longitude, shapeOf.get(p.district)!)) }));
  const marginKm = Math.ceil(Math.max(georeference.rmsKm, ...checks.map((c) => c.outsideKm)));
  return { source: { package: '@svg-maps/pakistan.districts', version: '2.0.0', licence: 'Unlicense' }, georeference, candidates, controlPoints, checks, marginKm, districts };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Distance in km from a point to the nearest edge of a ring (local equirectangular plane: fine at these distances). */
export function edgeDistanceKm(lat: number, lon: number, ring: Ring): number {
  const kx = 111.195 * Math.cos((lat * Math.PI) / 180), ky = 111.195;
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const ax = (ring[i]![0] - lon) * kx, ay = (ring[i]![1] - lat) * ky;
    const bx = (ring[i + 1]![0] - lon) * kx, by = (ring[i + 1]![1] - lat) * ky;
    const dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
    const px = ax + t * dx, py = ay + t * dy;
    const d = Math.sqrt(px * px + py * py);
    if (d < best) best = d;
  }
  return best;
}

/** An index of the given outlines: which one holds a point, how near its edge and its neighbours are, or null. */
export function indexDistricts(districts: readonly DistrictShape[], marginKm = 0): DistrictLocator {
  const parts: Array<{ shape: DistrictShape; polygon: { type: 'Polygon'; coordinates: Ring[] } }> = [];
  for (const d of districts) for (const rings of d.polygons) if (rings.length && rings[0]!.length >= 4) parts.push({ shape: d, polygon: { type: 'Polygon', coordinates: rings } });
  if (parts.length === 0) return () => null;
  const index = new Flatbush(parts.length);
  for (const p of parts) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of p.polygon.coordinates[0]!) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  const edge = (lat: number, lon: number, rings: Ring[]) => Math.min(...rings.map((r) => edgeDistanceKm(lat, lon, r)));
  return (latitude, longitude) => {
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    for (const i of index.search(longitude, latitude, longitude, latitude)) {
      const p = parts[i]!;
      if (!booleanPointInPolygon([longitude, latitude], p.polygon)) continue;
      const s = p.shape;
      const hit: DistrictHit = { district: s.name, mapName: s.mapName, province: s.province, covers: s.covers };
      if (marginKm <= 0) return hit;
      const edgeKm = edge(latitude, longitude, p.polygon.coordinates);
      const nearby: NearbyOutline[] = [];
      if (edgeKm < marginKm) {
        const dLat = marginKm / 111.195, dLon = marginKm / (111.195 * Math.cos((latitude * Math.PI) / 180));
        for (const j of index.search(longitude - dLon, latitude - dLat, longitude + dLon, latitude + dLat)) {
          const q = parts[j]!;
          if (q.shape === s) continue;
          const km = edge(latitude, longitude, q.polygon.coordinates);
          if (km < marginKm && !nearby.some((n) => n.mapName === q.shape.mapName)) nearby.push({ district: q.shape.name, mapName: q.shape.mapName, km: round1(km) });
        }
        nearby.sort((a, b) => a.km - b.km);
      }
      return { ...hit, edgeKm: round1(edgeKm), nearby, marginKm };
    }
    return null;
  };
}

let built: { outlines: DistrictOutlines; locate: DistrictLocator } | null = null;
export type DistrictShapesState = 'not_started' | 'loading' | 'ready' | 'failed';
let state: DistrictShapesState = 'not_started';

/** The outlines (built once per process, on first use unless preloaded). */
export function districtOutlines(): DistrictOutlines {
  if (!built) {
    try {
      const outlines = buildDistrictOutlines();
      built = { outlines, locate: indexDistricts(outlines.districts, outlines.marginKm) };
      state = 'ready';
    } catch (err) {
      state = 'failed';
      throw err;
    }
  }
  return built.outlines;
}

/** For /ready: whether the outlines have been built in this process. */
export function districtShapesState(): DistrictShapesState {
  return state;
}

let preloading: Promise<void> | null = null;
/**
 * Builds the outlines at start (`amaan serve` once it listens, `amaan worker`, `amaan tips import`) in the
 * background, so that the first tip carrying coordinates does not wait for them. Called again while building, it
 * returns the same promise (one build). A failure is reported; the first lookup (or a later call) tries again.
 */
export function preloadDistrictShapes(report: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<void> {
  if (built) return Promise.resolve();
  state = 'loading';
  preloading ??= new Promise((resolve) => setImmediate(() => {
    const t0 = performance.now();
    try {
      const o = districtOutlines();
      report(`district outlines: ${o.districts.length} ready in ${Math.round(performance.now() - t0)} ms (${o.georeference.projection}, borders to about ${o.marginKm} km)`);
    } catch (err) {
      report(`district outlines not built at start (the first lookup tries again): ${err instanceof Error ? err.message : String(err)}`);
    }
    preloading = null;
    resolve();
  }));
  return preloading;
}

/** The outline holding the point, with its district (or null when it draws several or none), or null (abroad or at sea). */
export const districtAt: DistrictLocator = (latitude, longitude) => {
  districtOutlines();
  return built!.locate(latitude, longitude);
};

export { distanceKm };
