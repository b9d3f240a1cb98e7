// Builds seed/district-shapes.json (the district boundaries that route a tip by its coordinates, read by
// src/modules/reference/district-shapes.ts) and test/fixtures/district-border-points.json (points near district
// borders, placed by the unsimplified boundaries, that the tests check the simplified ones against).
//
//   git -C <clone of github.com/AbuBakrCh/pakistan-map> show c004fc6:data/bundle/geography.topojson.json > /tmp/geography.topojson.json
//   npx tsx scripts/build-district-shapes.ts /tmp/geography.topojson.json [--tolerance=0.001]
//
// Only the data of that repository is used (its TopoJSON: OpenStreetMap boundaries, © OpenStreetMap contributors,
// ODbL 1.0), none of its code. The output is a derived database of OpenStreetMap and is under ODbL 1.0 too; it
// carries the attribution, the source repository, commit and the input's SHA-256.
//
// How: the TopoJSON's arcs are the borders, each drawn once and shared by the districts on either side. Each arc
// is simplified on its own (Douglas-Peucker, simplify-js, endpoints kept), before the districts are decoded from
// them (topojson-client), so neighbouring districts still share the same simplified border: no gap, no overlap.
// Simplifying each district's polygon on its own (e.g. @turf/simplify) would move the two sides of a border
// differently. Douglas-Peucker keeps every dropped point within the tolerance of the simplified line, so a border
// moves by at most tolerance x 111.32 km (a degree of latitude, or of longitude at the equator): 0.001 degrees,
// at most 112 m (0.001 keeps the file near 1 MB; 0.002 would halve it, at most 223 m). Coordinates are rounded to
// 5 decimals (about 1 m).
//
// Names: every district of the source must be a district of seed/pakistan-districts.csv, by the same name or
// through `sourceAliases` below (each with its reason), in the same province; every district of the CSV must have
// a boundary or lie in its parent's (column parent_district_2023: districts made after the 2023 census, whose
// area the source folds into the 2023 district). Anything else stops the build.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import * as topojson from 'topojson-client';
import simplify from 'simplify-js';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import { indexDistricts, type DistrictShape, type DistrictShapesFile, type Ring } from '../src/modules/reference/district-shapes.ts';

const SOURCE = { repository: 'github.com/AbuBakrCh/pakistan-map', commit: 'c004fc69bae6f67ea94b3117d9ba61a0c04e8b83', path: 'data/bundle/geography.topojson.json' };
const ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0';
const LICENCE = 'Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/1-0/ (data © OpenStreetMap contributors, https://www.openstreetmap.org/copyright)';
const DECIMALS = 5;
/** Metres of a degree of latitude, or of longitude at the equator (the larger of the two): the bound's scale. */
const METRES_PER_DEGREE = 111_320;

/** Source spelling -> CSV spelling, where they differ. */
const sourceAliases: Readonly<Record<string, string>> = {
  Abbotabad: 'Abbottabad', // the source misspells it (OSM relation name); the CSV, PBS and the district itself write Abbottabad
  Kharmaung: 'Kharmang', // GB district; Kharmang in the GB notification of 2019 and the CSV
  Diamir: 'Diamer', // GB district; Diamer (official, the CSV), Diamir (OSM); the source's own division is Diamer-Astore
};

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const input = args.find((a) => !a.startsWith('--'));
const tolerance = Number(args.find((a) => a.startsWith('--tolerance='))?.split('=')[1] ?? '0.001');
if (!input || !(tolerance > 0 && tolerance < 0.05)) {
  console.error('usage: npx tsx scripts/build-district-shapes.ts geography.topojson.json [--tolerance=0.001]');
  process.exit(2);
}
const raw = readFileSync(input);
const sha256 = createHash('sha256').update(raw).digest('hex');
type Props = { name: string; province: string; division: string; osmRelations: number[] };
const topology = JSON.parse(raw.toString('utf8')) as Topology & { provenance?: { osmBaseTimestamp?: { district?: string } } };
const districtsObject = topology.objects.districts as unknown as GeometryCollection<Props> | undefined;
if (topology.type !== 'Topology' || !districtsObject || districtsObject.type !== 'GeometryCollection') throw new Error('not the expected TopoJSON: no districts GeometryCollection');

// --- Names against the district list ---
const csv = parse(readFileSync(`${root}seed/pakistan-districts.csv`), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
const csvByName = new Map(csv.map((r) => [r.district!, r]));
const problems: string[] = [];
const named = new Map<string, Props>();
for (const g of districtsObject.geometries) {
  const p = g.properties as Props;
  const name = sourceAliases[p.name] ?? p.name;
  const row = csvByName.get(name);
  if (!row) problems.push(`source district ${p.name} is not in seed/pakistan-districts.csv`);
  else if (row.province !== p.province) problems.push(`${p.name}: province ${p.province} in the source, ${row.province} in the CSV`);
  if (named.has(name)) problems.push(`two source districts are ${name}`);
  named.set(name, p);
}
for (const alias of Object.keys(sourceAliases)) if (![...named.values()].some((p) => p.name === alias)) problems.push(`alias ${alias} names no source district (remove it)`);
const covers = new Map<string, string[]>();
for (const r of csv) {
  if (named.has(r.district!)) continue;
  const parent = r.parent_district_2023;
  if (!parent || !named.has(parent)) problems.push(`CSV district ${r.district} has no boundary and no parent district with one`);
  else covers.set(parent, [...(covers.get(parent) ?? []), r.district!]);
}
if (problems.length) throw new Error(`district names do not match:\n  ${problems.join('\n  ')}`);

// --- Arcs: absolute coordinates, then simplified one by one ---
const absolute: number[][][] = topology.transform
  ? topology.arcs.map((arc) => { const t = topojson.transform(topology.transform!); return arc.map((p, i) => t(p.slice(), i > 0)); }) // delta-decoded from each arc's start
  : topology.arcs;
const round = (v: number) => Number(v.toFixed(DECIMALS));
const same = (a: number[], b: number[]) => a[0] === b[0] && a[1] === b[1];
function simplifyArc(arc: number[][]): number[][] {
  const closed = arc.length > 3 && same(arc[0]!, arc[arc.length - 1]!);
  let out = arc;
  for (let t = tolerance; t > tolerance / 64; t /= 2) {
    out = simplify(arc.map(([x, y]) => ({ x: x!, y: y! })), t, true).map((p) => [p.x, p.y]);
    if (!closed || out.length >= 4) break; // a closed arc (an island, an enclave) keeps a ring's four points
  }
  const rounded: number[][] = [];
  for (const [x, y] of out) {
    const p = [round(x!), round(y!)];
    if (!rounded.length || !same(rounded[rounded.length - 1]!, p)) rounded.push(p);
  }
  if (rounded.length === 1) rounded.push(rounded[0]!.slice()); // an arc keeps two ends
  return rounded;
}
const simplified = absolute.map(simplifyArc);

type Geo = Polygon | MultiPolygon;
const decode = (arcs: number[][][]): Array<{ props: Props; polygons: Ring[][] }> => {
  const t = { ...topology, transform: undefined, arcs } as unknown as Topology;
  const fc = topojson.feature(t, districtsObject) as unknown as { features: Array<{ properties: Props; geometry: Geo }> };
  return fc.features.map((f) => {
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as unknown as Ring[][];
    // A ring simplified to fewer than four points (a sliver of an island) encloses nothing: dropped; a polygon
    // whose outer ring is dropped is dropped with its holes.
    const valid = (r: Ring) => r.length >= 4 && ringArea(r) !== 0;
    const kept = polys.filter((rings) => valid(rings[0]!)).map((rings) => [rings[0]!, ...rings.slice(1).filter(valid)]);
    return { props: f.properties, polygons: kept };
  });
};
function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j]![0] - r[i]![0]) * (r[j]![1] + r[i]![1]);
  return a / 2;
}

const original = decode(absolute);
const result = decode(simplified);
const shapes: DistrictShape[] = result.map(({ props, polygons }) => {
  const name = sourceAliases[props.name] ?? props.name;
  return { name, ...(name !== props.name ? { sourceName: props.name } : {}), province: props.province, covers: covers.get(name) ?? [], polygons };
}).sort((a, b) => a.province.localeCompare(b.province) || a.name.localeCompare(b.name));
const originalShapes: DistrictShape[] = original.map(({ props, polygons }) => ({ name: sourceAliases[props.name] ?? props.name, province: props.province, covers: [], polygons }));

// --- Checks: the simplified boundaries place points as the unsimplified ones do, beyond the bound ---
const maxShift = Math.ceil(tolerance * METRES_PER_DEGREE);
const exact = indexDistricts(originalShapes);
const simple = indexDistricts(shapes);
const segments: Array<[number, number, number, number]> = [];
for (const arc of absolute) for (let i = 1; i < arc.length; i++) segments.push([arc[i - 1]![0]!, arc[i - 1]![1]!, arc[i]![0]!, arc[i]![1]!]);
/** Metres from a point to the nearest unsimplified border (or coast), in a local plane (fine at these distances). */
function distanceToBorder(lat: number, lon: number, within = Infinity): number {
  const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180), ky = 110_574;
  const reach = within / ky + 1e-9;
  let best = Infinity;
  for (const [x1, y1, x2, y2] of segments) {
    if (Math.min(y1, y2) > lat + reach || Math.max(y1, y2) < lat - reach) continue;
    const ax = (x1 - lon) * kx, ay = (y1 - lat) * ky, bx = (x2 - lon) * kx, by = (y2 - lat) * ky;
    const dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
    const d = Math.hypot(ax + t * dx, ay + t * dy);
    if (d < best) best = d;
  }
  return best;
}

// 1. Points 1.5 x the bound either side of the middle of every border between two districts (an arc used by two),
// kept where no other border is nearer than the bound: each must be placed as the unsimplified boundary places it.
const uses = new Map<number, number>();
for (const g of districtsObject.geometries) {
  const walk = (x: unknown): void => { if (Array.isArray(x)) x.forEach(walk); else if (typeof x === 'number') { const i = x < 0 ? ~x : x; uses.set(i, (uses.get(i) ?? 0) + 1); } };
  walk((g as unknown as { arcs: unknown }).arcs);
}
const offset = 1.5 * maxShift;
const borderPoints: Array<{ latitude: number; longitude: number; district: string; metresFromBorder: number }> = [];
absolute.forEach((arc, i) => {
  if (uses.get(i) !== 2 || arc.length < 2) return;
  const m = Math.floor((arc.length - 1) / 2);
  const [x1, y1] = arc[m]!, [x2, y2] = arc[m + 1]!;
  const midLon = (x1! + x2!) / 2, midLat = (y1! + y2!) / 2;
  const kx = METRES_PER_DEGREE * Math.cos((midLat * Math.PI) / 180), ky = 110_574;
  const ex = (x2! - x1!) * kx, ey = (y2! - y1!) * ky, len = Math.hypot(ex, ey);
  if (len < 1) return;
  for (const side of [1, -1]) {
    const lon = midLon + (side * -ey / len * offset) / kx, lat = midLat + (side * ex / len * offset) / ky;
    const at = exact(lat, lon);
    if (!at) continue;
    const d = distanceToBorder(lat, lon, offset);
    if (d < maxShift * 1.2) continue; // another border close by: not a fair check of this one
    borderPoints.push({ latitude: Number(lat.toFixed(6)), longitude: Number(lon.toFixed(6)), district: at.district, metresFromBorder: Math.round(d) });
  }
});
const wrongBorder = borderPoints.filter((p) => simple(p.latitude, p.longitude)?.district !== p.district);

// 2. A grid of points over the whole extent: where the two disagree, the point must be within the bound of a border.
let gridPoints = 0, disagree = 0, worst = 0;
const [w, s, e, n] = [60.8, 23.6, 77.9, 37.1];
for (let lat = s; lat <= n; lat += 0.02) {
  for (let lon = w; lon <= e; lon += 0.02) {
    gridPoints++;
    const a = exact(lat, lon)?.district ?? null, b = simple(lat, lon)?.district ?? null;
    if (a === b) continue;
    disagree++;
    worst = Math.max(worst, distanceToBorder(lat, lon, 5_000));
  }
}
const count = (arcs: number[][][]) => arcs.reduce((k, a) => k + a.length, 0);
console.log(`districts ${shapes.length}; arcs ${absolute.length}; points ${count(absolute)} -> ${count(simplified)} (tolerance ${tolerance} degrees, borders move at most ${maxShift} m)`);
console.log(`border points: ${borderPoints.length} checked ${offset} m from a border, ${wrongBorder.length} placed differently`);
console.log(`grid of ${gridPoints} points every 0.02 degrees: ${disagree} placed differently, the farthest ${Math.round(worst)} m from an unsimplified border`);
if (wrongBorder.length || worst > maxShift) throw new Error('the simplified boundaries place points beyond the bound differently: not written');

// --- Output ---
const file: DistrictShapesFile = {
  attribution: ATTRIBUTION,
  licence: LICENCE,
  source: { ...SOURCE, sha256, osmBaseTimestamp: topology.provenance?.osmBaseTimestamp?.district ?? null },
  simplification: { toleranceDegrees: tolerance, maxBorderShiftMetres: maxShift, coordinateDecimals: DECIMALS },
  districts: [],
};
const check = {
  borderPoints: `${borderPoints.length} points ${offset} m either side of a border between two districts (test/fixtures/district-border-points.json): ${wrongBorder.length} placed differently from the unsimplified boundaries`,
  grid: `${gridPoints} points every 0.02 degrees over lon 60.8..77.9, lat 23.6..37.1: ${disagree} placed differently, each within ${Math.round(worst)} m of an unsimplified border`,
};
const header = { ...file, builtBy: 'scripts/build-district-shapes.ts', check, method: 'Douglas-Peucker on each shared border (TopoJSON arc) before decoding, so neighbours share one simplified border; coasts clipped to OSM natural=coastline by the source', sourceAliases };
const text = JSON.stringify(header, null, 1).replace(/\n "districts": \[\]/, '\n "districts": [\n' + shapes.map((d) => JSON.stringify(d)).join(',\n') + '\n ]');
writeFileSync(`${root}seed/district-shapes.json`, text + '\n');
const fixture = {
  about: `Points ${offset} m either side of district borders, placed by the UNSIMPLIFIED boundaries of ${SOURCE.repository}@${SOURCE.commit.slice(0, 7)} (${ATTRIBUTION}); written by scripts/build-district-shapes.ts; the tests check the simplified seed/district-shapes.json places each the same.`,
  points: borderPoints,
};
writeFileSync(`${root}test/fixtures/district-border-points.json`, JSON.stringify(fixture, null, 0).replace(/\},\{/g, '},\n{') + '\n');
console.log(`wrote seed/district-shapes.json (${Math.round(text.length / 1024)} KiB) and test/fixtures/district-border-points.json`);
