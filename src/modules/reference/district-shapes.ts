import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';

// Which district a point (WGS84 latitude, longitude) lies in, from the district boundaries held in
// seed/district-shapes.json, with no live look-up. That file is built by scripts/build-district-shapes.ts from
// OpenStreetMap boundaries (© OpenStreetMap contributors, ODbL 1.0; the file names its source repository and
// commit), simplified so that a border moves by at most the file's `maxBorderShiftMetres` (112 m): a point
// farther than that from a district border is placed as by the unsimplified boundary. Coastal districts are
// clipped to OSM's coastline, so a point at sea lies in no district, like a point abroad.
//
// A lookup: a Flatbush index over the bounding boxes of the districts' polygons (one entry per polygon part,
// islands included) gives the few candidates whose box holds the point, then an exact point-in-polygon test
// (@turf/boolean-point-in-polygon, holes respected) on each. A point on a border itself may belong to either.

export type Ring = Array<[number, number]>;

export interface DistrictShape {
  /** The district's name as in seed/pakistan-districts.csv (the branch of the district bears it). */
  name: string;
  /** The name in the source, where its spelling differs. */
  sourceName?: string;
  province: string;
  /** Districts of seed/pakistan-districts.csv created after the 2023 census inside this boundary, with no boundary of their own held. */
  covers: string[];
  /** Polygons (outer ring, then holes) in [longitude, latitude]. */
  polygons: Ring[][];
}

export interface DistrictShapesFile {
  attribution: string;
  licence: string;
  source: { repository: string; commit: string; path: string; sha256: string; osmBaseTimestamp: string | null };
  simplification: { toleranceDegrees: number; maxBorderShiftMetres: number; coordinateDecimals: number };
  districts: DistrictShape[];
}

export interface DistrictHit {
  district: string;
  province: string;
  /** Post-census districts inside the same boundary (see DistrictShape.covers). */
  covers: readonly string[];
}

export type DistrictLocator = (latitude: number, longitude: number) => DistrictHit | null;

/** An index of the given districts' polygons: which district holds a point, or null (abroad, at sea). */
export function indexDistricts(districts: readonly DistrictShape[]): DistrictLocator {
  const parts: Array<{ hit: DistrictHit; polygon: { type: 'Polygon'; coordinates: Ring[] } }> = [];
  for (const d of districts) {
    const hit: DistrictHit = { district: d.name, province: d.province, covers: d.covers };
    for (const rings of d.polygons) if (rings.length && rings[0]!.length >= 4) parts.push({ hit, polygon: { type: 'Polygon', coordinates: rings } });
  }
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
  return (latitude, longitude) => {
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
    for (const i of index.search(longitude, latitude, longitude, latitude)) {
      const p = parts[i]!;
      if (booleanPointInPolygon([longitude, latitude], p.polygon)) return p.hit;
    }
    return null;
  };
}

const shapesUrl = new URL('../../../seed/district-shapes.json', import.meta.url);
let loaded: { file: DistrictShapesFile; locate: DistrictLocator } | null = null;

/** The held boundaries file (read once: at start by preloadDistrictShapes, or else on first use). */
export function districtShapes(): DistrictShapesFile {
  if (!loaded) {
    const file = JSON.parse(readFileSync(shapesUrl, 'utf8')) as DistrictShapesFile;
    loaded = { file, locate: indexDistricts(file.districts) };
  }
  return loaded.file;
}

/** True once the boundaries are read and indexed (a lookup then costs microseconds). */
export function districtShapesLoaded(): boolean {
  return loaded !== null;
}

let preloading: Promise<void> | null = null;
/**
 * Loads the boundaries at start (`amaan serve`, `amaan worker`, `amaan tips import`), in the background as the
 * known-hash index is: the file is read without blocking (about 1 MB), then parsed and indexed (about 0.1 s on an
 * idle machine), so no report with coordinates pays for it. A failure is reported; the first lookup then reads
 * the file itself.
 */
export function preloadDistrictShapes(report: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<void> {
  if (loaded) return Promise.resolve();
  preloading ??= (async () => {
    const t0 = performance.now();
    try {
      const text = await readFile(shapesUrl, 'utf8');
      if (!loaded) {
        const file = JSON.parse(text) as DistrictShapesFile;
        loaded = { file, locate: indexDistricts(file.districts) };
      }
      report(`district boundaries: ${loaded.file.districts.length} districts ready in ${Math.round(performance.now() - t0)} ms`);
    } catch (err) {
      preloading = null;
      report(`district boundaries not loaded at start (the first lookup reads them): ${err instanceof Error ? err.message : String(err)}`);
    }
  })();
  return preloading;
}

/** The district of seed/pakistan-districts.csv whose held boundary holds the point, or null (abroad or at sea). */
export const districtAt: DistrictLocator = (latitude, longitude) => {
  districtShapes();
  return loaded!.locate(latitude, longitude);
};
