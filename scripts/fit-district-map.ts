// Prints how the dashboard's district map (npm @svg-maps/pakistan.districts, in node_modules) is georeferenced for
// tip routing (src/modules/reference/district-map-georef.ts, district-shapes.ts): each projection tried with its
// leave-one-out residuals, the one used, the check towns that fall outside their own outline, and the margin.
// Reads only the npm package and seed/pakistan-districts.csv; writes nothing.
//   npx tsx scripts/fit-district-map.ts
import { buildDistrictOutlines } from '../src/modules/reference/district-shapes.ts';
import { distanceKm } from '../src/modules/reference/district-map-georef.ts';

const o = buildDistrictOutlines();
const fit = o.controlPoints.filter((p) => p.fit);
console.log(`${o.source.package} ${o.source.version} (${o.source.licence}): ${o.districts.length} outlines`);
console.log(`control towns: ${o.controlPoints.length} (${fit.length} fit points, districts <= 3,500 km2 drawn alone; ${o.controlPoints.length - fit.length} check points)`);
console.log('\nprojection        params  leave-one-out RMS km  max km  median km');
for (const c of o.candidates) {
  const sorted = c.leaveOneOut.map((r) => r.km).sort((a, b) => a - b);
  console.log(`${c.projection.padEnd(17)} ${String(c.parameters).padStart(6)}  ${c.rmsKm.toFixed(2).padStart(20)}  ${c.maxKm.toFixed(1).padStart(6)}  ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1).padStart(9)}`);
}
const g = o.georeference;
console.log(`\nused: ${g.projection}, ${g.parameters} parameters`);
console.log('largest leave-one-out residuals (town vs. its district\'s transformed centre):');
for (const r of [...g.leaveOneOut].sort((a, b) => b.km - a.km).slice(0, 8)) console.log(`  ${r.district.padEnd(22)} ${r.km.toFixed(1)} km`);
// Residuals of the final fit at every point, fit and check (the check towns' distance to their district's centre
// includes the town's offset inside a large district, so these are much larger than a border's error).
const all = o.controlPoints.map((p) => { const [lon, lat] = g.toLonLat(p.x, p.y); return { p, km: distanceKm(lat, lon, p.latitude, p.longitude) }; });
const checkRes = all.filter((a) => !a.p.fit).map((a) => a.km).sort((a, b) => a - b);
console.log(`check towns vs. their district's centre: median ${checkRes[Math.floor(checkRes.length / 2)]!.toFixed(1)} km, max ${checkRes[checkRes.length - 1]!.toFixed(1)} km`);
const out = o.checks.filter((c) => c.outsideKm > 0);
console.log(`check towns outside their own outline: ${out.length} of ${o.checks.length}${out.length ? ': ' + out.map((c) => `${c.town} (${c.district}) ${c.outsideKm} km`).join(', ') : ''}`);
console.log(`margin ("near a border"): ${o.marginKm} km`);
// Pakistan's westernmost point, the Afghanistan-Iran-Pakistan tripoint at Koh-i-Malik Siah (about 29.86 N, 60.87 E),
// against the map's westernmost vertex: a check of the fit far outside the fit points.
let west: [number, number] = [Infinity, 0];
for (const d of o.districts) for (const [lon, lat] of d.polygons[0]![0]!) if (lon < west[0]) west = [lon, lat];
console.log(`westernmost vertex ${west[1].toFixed(3)} N, ${west[0].toFixed(3)} E: ${distanceKm(west[1], west[0], 29.86, 60.87).toFixed(1)} km from the Koh-i-Malik Siah tripoint (29.86 N, 60.87 E)`);
let north: [number, number] = [0, -Infinity];
for (const d of o.districts) for (const [lon, lat] of d.polygons[0]![0]!) if (lat > north[1]) north = [lon, lat];
console.log(`northernmost vertex ${north[1].toFixed(3)} N, ${north[0].toFixed(3)} E (Pakistan's northernmost point is given as 37.1 N, near the Kilik Pass)`);
