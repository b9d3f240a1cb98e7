// How long placing a tip's coordinates in a district takes (src/modules/reference/district-shapes.ts): building
// the outlines from the npm package @svg-maps/pakistan.districts (parse, georeference fit, transform) and indexing
// them once, then one lookup (with the near-border distances). Side by side in one run, the same points through the
// Flatbush index and through a plain scan of every polygon (the exact test on each, no index, no distances), so the
// ratio holds on a loaded machine.
//   npx tsx bench/district-lookup.bench.ts [--points=100000] [--runs=5] [--write-docs]
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { buildDistrictOutlines, indexDistricts } from '../src/modules/reference/district-shapes.ts';
import { writeDocsSection } from './docs-section.ts';

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const N = arg('points', 100_000), RUNS = arg('runs', 5);

const t0 = performance.now();
const file = buildDistrictOutlines();
const t1 = performance.now();
const locate = indexDistricts(file.districts, file.marginKm);
const t2 = performance.now();
const locateOnly = indexDistricts(file.districts); // the same index, no near-border distances

// Deterministic points over Pakistan's box (lon 60.8..77.9, lat 23.6..37.1): some abroad, some at sea.
let seed = 42; // mulberry32
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
};
const pts = Array.from({ length: N }, () => [23.6 + rand() * 13.5, 60.8 + rand() * 17.1] as const);

const parts = file.districts.flatMap((d) => d.polygons.map((rings) => ({ name: d.name, polygon: { type: 'Polygon' as const, coordinates: rings } })));
const scan = (lat: number, lon: number) => parts.find((p) => booleanPointInPolygon([lon, lat], p.polygon))?.name ?? null;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: (lat: number, lon: number) => unknown, n: number) => {
  const s = performance.now();
  for (let i = 0; i < n; i++) f(pts[i]![0], pts[i]![1]);
  return ((performance.now() - s) * 1000) / n; // µs per lookup
};
const scanN = Math.min(N, 2_000);
const indexed: number[] = [], bare: number[] = [], scanned: number[] = [];
let inside = 0;
for (const [lat, lon] of pts) if (locate(lat, lon)) inside++;
for (let r = 0; r < RUNS; r++) {
  indexed.push(time(locate, N));
  bare.push(time(locateOnly, N));
  scanned.push(time(scan, scanN));
}
const load = loadavg().map((x) => x.toFixed(2)).join(', ');
const f = (x: number) => x.toFixed(2);
const body = `## District lookup of a tip's coordinates (issue 11 §2)

Placing a point in one of the ${file.districts.length} district outlines of the dashboard map (npm
\`@svg-maps/pakistan.districts\`, Unlicense; ${parts.length} polygons), georeferenced at run time (${file.georeference.projection},
near-border margin ${file.marginKm} km). Run ${new Date().toISOString().slice(0, 16)} UTC. Command: \`npx tsx bench/district-lookup.bench.ts
--points=${N} --runs=${RUNS}\`; ${N} deterministic points over Pakistan's bounding box (${inside} of them in a district,
the rest abroad or at sea). Machine: 2 cores shared by 8 engineers working at once, heavily loaded (load average
${load}): figures are upper bounds; the ratio was measured side by side in one run.

| | median of ${RUNS} runs | spread (min .. max) |
| --- | --- | --- |
| build the outlines from the package (parse, fit, transform), once | ${f(t1 - t0)} ms | one run |
| build the Flatbush index, once | ${f(t2 - t1)} ms | one run |
| one lookup, Flatbush index, exact test, distances to borders | ${f(median(indexed))} µs | ${f(Math.min(...indexed))} .. ${f(Math.max(...indexed))} µs |
| one lookup, Flatbush index then exact test (no distances) | ${f(median(bare))} µs | ${f(Math.min(...bare))} .. ${f(Math.max(...bare))} µs |
| one lookup, exact test on every polygon (no index; ${scanN} points) | ${f(median(scanned))} µs | ${f(Math.min(...scanned))} .. ${f(Math.max(...scanned))} µs |

The index makes a lookup about ${Math.round(median(scanned) / median(bare))} times faster than a plain scan (like for like,
no distances); the near-border distances cost ${f(median(indexed) / median(bare))}x the bare lookup.
`;
console.log(body);
if (process.argv.includes('--write-docs')) writeDocsSection("## District lookup of a tip's coordinates (issue 11 §2)", body);
