// Georeferencing the dashboard's district map (npm `@svg-maps/pakistan.districts` 2.0.0, Unlicense) so that its
// outlines can place a tip's coordinates in a district (src/modules/reference/district-shapes.ts). The package
// draws one SVG path per district in an unnamed projection and says nothing of where its coordinates lie on the
// Earth. This module finds that out by fitting, at run time, from control points listed below, and says how well
// the fit holds (residuals in km), so the routing can say how far a border may be off.
//
// Control points. A district's headquarters town, with its latitude and longitude as commonly published (the
// coordinates of the town in general references such as encyclopaedia entries, rounded to 0.01°, about 1 km:
// general geographic facts, written down here by hand, not taken from any data file), is matched with the
// area-weighted centre of the district's outline in the SVG. The town is not the district's centre, so the
// residual of a point is the map's error plus the town's distance from its district's centre: it over-states the
// map's error. To keep that second part small, the FIT uses only districts whose area (seed/pakistan-districts.csv,
// `area_sq_km`) is at most 3,500 km² (a district of that size is about 60 km across), and whose outline in the map
// stands for that district alone. Every other town listed is a CHECK point, not used in the fit: it must lie inside
// its own district's outline once transformed, and how far outside it falls when it does not is reported.
//
// Projections tried: equirectangular (x ∝ longitude, y ∝ latitude) and Mercator (y ∝ ln tan(π/4 + φ/2)), each as
// a 4-parameter map (a scale and an offset per axis) and as a 6-parameter affine map (rotation and shear too). The
// one with the smallest leave-one-out RMS residual is used (`bestGeoreference`); `scripts/fit-district-map.ts`
// prints the comparison, and docs/architecture.md records the result.

export type Projection = 'equirectangular' | 'mercator';

export interface ControlTown {
  /** The district as named in seed/pakistan-districts.csv. */
  district: string;
  town: string;
  latitude: number;
  longitude: number;
}

/** Headquarters towns (see the header for where the numbers come from). */
export const controlTowns: readonly ControlTown[] = [
  // Punjab and Islamabad
  { district: 'Islamabad', town: 'Islamabad', latitude: 33.69, longitude: 73.05 },
  { district: 'Lahore', town: 'Lahore', latitude: 31.55, longitude: 74.34 },
  { district: 'Gujrat', town: 'Gujrat', latitude: 32.57, longitude: 74.08 },
  { district: 'Mandi Bahauddin', town: 'Mandi Bahauddin', latitude: 32.58, longitude: 73.49 },
  { district: 'Hafizabad', town: 'Hafizabad', latitude: 32.07, longitude: 73.69 },
  { district: 'Nankana Sahib', town: 'Nankana Sahib', latitude: 31.45, longitude: 73.71 },
  { district: 'Narowal', town: 'Narowal', latitude: 32.1, longitude: 74.87 },
  { district: 'Sialkot', town: 'Sialkot', latitude: 32.49, longitude: 74.53 },
  { district: 'Chiniot', town: 'Chiniot', latitude: 31.72, longitude: 72.98 },
  { district: 'Pakpattan', town: 'Pakpattan', latitude: 30.34, longitude: 73.39 },
  { district: 'Sahiwal', town: 'Sahiwal', latitude: 30.66, longitude: 73.11 },
  { district: 'Toba Tek Singh', town: 'Toba Tek Singh', latitude: 30.97, longitude: 72.48 },
  { district: 'Lodhran', town: 'Lodhran', latitude: 29.54, longitude: 71.63 },
  { district: 'Gujranwala', town: 'Gujranwala', latitude: 32.16, longitude: 74.19 },
  { district: 'Multan', town: 'Multan', latitude: 30.2, longitude: 71.47 },
  { district: 'Jhelum', town: 'Jhelum', latitude: 32.93, longitude: 73.73 },
  { district: 'Kasur', town: 'Kasur', latitude: 31.12, longitude: 74.45 },
  { district: 'Sheikhupura', town: 'Sheikhupura', latitude: 31.71, longitude: 73.98 },
  { district: 'Faisalabad', town: 'Faisalabad', latitude: 31.42, longitude: 73.08 },
  { district: 'Khanewal', town: 'Khanewal', latitude: 30.3, longitude: 71.93 },
  { district: 'Vehari', town: 'Vehari', latitude: 30.04, longitude: 72.35 },
  { district: 'Okara', town: 'Okara', latitude: 30.81, longitude: 73.45 },
  { district: 'Jhang', town: 'Jhang', latitude: 31.27, longitude: 72.32 },
  { district: 'Sargodha', town: 'Sargodha', latitude: 32.08, longitude: 72.67 },
  { district: 'Rawalpindi', town: 'Rawalpindi', latitude: 33.6, longitude: 73.05 },
  { district: 'Chakwal', town: 'Chakwal', latitude: 32.93, longitude: 72.86 },
  { district: 'Attock', town: 'Attock', latitude: 33.77, longitude: 72.36 },
  { district: 'Khushab', town: 'Khushab', latitude: 32.3, longitude: 72.35 },
  { district: 'Mianwali', town: 'Mianwali', latitude: 32.58, longitude: 71.54 },
  { district: 'Bhakkar', town: 'Bhakkar', latitude: 31.63, longitude: 71.06 },
  { district: 'Layyah', town: 'Layyah', latitude: 30.96, longitude: 70.94 },
  { district: 'Muzaffargarh', town: 'Muzaffargarh', latitude: 30.07, longitude: 71.19 },
  { district: 'Dera Ghazi Khan', town: 'Dera Ghazi Khan', latitude: 30.05, longitude: 70.64 },
  { district: 'Rajanpur', town: 'Rajanpur', latitude: 29.1, longitude: 70.33 },
  { district: 'Rahim Yar Khan', town: 'Rahim Yar Khan', latitude: 28.42, longitude: 70.3 },
  { district: 'Bahawalpur', town: 'Bahawalpur', latitude: 29.4, longitude: 71.68 },
  { district: 'Bahawalnagar', town: 'Bahawalnagar', latitude: 29.99, longitude: 73.25 },
  // Sindh
  { district: 'Hyderabad', town: 'Hyderabad', latitude: 25.4, longitude: 68.37 },
  { district: 'Tando Allah Yar', town: 'Tando Allahyar', latitude: 25.46, longitude: 68.72 },
  { district: 'Tando Mohammad Khan', town: 'Tando Muhammad Khan', latitude: 25.12, longitude: 68.54 },
  { district: 'Matiari', town: 'Matiari', latitude: 25.6, longitude: 68.45 },
  { district: 'Shikarpur', town: 'Shikarpur', latitude: 27.96, longitude: 68.64 },
  { district: 'Larkana', town: 'Larkana', latitude: 27.56, longitude: 68.21 },
  { district: 'Naushahro Feroze', town: 'Naushahro Feroze', latitude: 26.84, longitude: 68.12 },
  { district: 'Jacobabad', town: 'Jacobabad', latitude: 28.28, longitude: 68.44 },
  { district: 'Kashmore', town: 'Kashmore', latitude: 28.43, longitude: 69.58 },
  { district: 'Mirpur Khas', town: 'Mirpur Khas', latitude: 25.53, longitude: 69.01 },
  { district: 'Sukkur', town: 'Sukkur', latitude: 27.7, longitude: 68.86 },
  { district: 'Khairpur', town: 'Khairpur', latitude: 27.53, longitude: 68.76 },
  { district: 'Ghotki', town: 'Ghotki', latitude: 28.01, longitude: 69.32 },
  { district: 'Dadu', town: 'Dadu', latitude: 26.73, longitude: 67.78 },
  { district: 'Jamshoro', town: 'Jamshoro', latitude: 25.43, longitude: 68.28 },
  { district: 'Thatta', town: 'Thatta', latitude: 24.75, longitude: 67.92 },
  { district: 'Badin', town: 'Badin', latitude: 24.66, longitude: 68.84 },
  { district: 'Umerkot', town: 'Umerkot', latitude: 25.36, longitude: 69.74 },
  { district: 'Tharparkar', town: 'Mithi', latitude: 24.74, longitude: 69.8 },
  { district: 'Sanghar', town: 'Sanghar', latitude: 26.05, longitude: 68.95 },
  { district: 'Shaheed Benazirabad', town: 'Nawabshah', latitude: 26.24, longitude: 68.41 },
  { district: 'Kambar Shahdadkot', town: 'Kambar', latitude: 27.59, longitude: 68.0 },
  // Khyber Pakhtunkhwa
  { district: 'Peshawar', town: 'Peshawar', latitude: 34.01, longitude: 71.58 },
  { district: 'Charsadda', town: 'Charsadda', latitude: 34.15, longitude: 71.73 },
  { district: 'Mardan', town: 'Mardan', latitude: 34.2, longitude: 72.05 },
  { district: 'Nowshera', town: 'Nowshera', latitude: 34.02, longitude: 71.98 },
  { district: 'Swabi', town: 'Swabi', latitude: 34.12, longitude: 72.47 },
  { district: 'Malakand', town: 'Batkhela', latitude: 34.62, longitude: 71.97 },
  { district: 'Hangu', town: 'Hangu', latitude: 33.53, longitude: 71.06 },
  { district: 'Abbottabad', town: 'Abbottabad', latitude: 34.15, longitude: 73.21 },
  { district: 'Haripur', town: 'Haripur', latitude: 33.99, longitude: 72.93 },
  { district: 'Batagram', town: 'Batagram', latitude: 34.68, longitude: 73.02 },
  { district: 'Shangla', town: 'Alpuri', latitude: 34.9, longitude: 72.65 },
  { district: 'Buner', town: 'Daggar', latitude: 34.51, longitude: 72.48 },
  { district: 'Lower Dir', town: 'Timergara', latitude: 34.83, longitude: 71.84 },
  { district: 'Bannu', town: 'Bannu', latitude: 32.99, longitude: 70.6 },
  { district: 'Lakki Marwat', town: 'Lakki Marwat', latitude: 32.61, longitude: 70.91 },
  { district: 'Tank', town: 'Tank', latitude: 32.22, longitude: 70.38 },
  { district: 'Karak', town: 'Karak', latitude: 33.12, longitude: 71.09 },
  { district: 'Kohat', town: 'Kohat', latitude: 33.58, longitude: 71.44 },
  { district: 'Dera Ismail Khan', town: 'Dera Ismail Khan', latitude: 31.83, longitude: 70.9 },
  { district: 'Swat', town: 'Saidu Sharif', latitude: 34.75, longitude: 72.36 },
  { district: 'Mansehra', town: 'Mansehra', latitude: 34.33, longitude: 73.2 },
  { district: 'Upper Dir', town: 'Dir', latitude: 35.21, longitude: 71.88 },
  // Balochistan
  { district: 'Quetta', town: 'Quetta', latitude: 30.18, longitude: 67.0 },
  { district: 'Ziarat', town: 'Ziarat', latitude: 30.38, longitude: 67.73 },
  { district: 'Mastung', town: 'Mastung', latitude: 29.8, longitude: 66.85 },
  { district: 'Pishin', town: 'Pishin', latitude: 30.58, longitude: 67.0 },
  { district: 'Sibi', town: 'Sibi', latitude: 29.54, longitude: 67.88 },
  { district: 'Loralai', town: 'Loralai', latitude: 30.37, longitude: 68.6 },
  { district: 'Zhob', town: 'Zhob', latitude: 31.34, longitude: 69.45 },
  { district: 'Khuzdar', town: 'Khuzdar', latitude: 27.8, longitude: 66.61 },
  { district: 'Kalat', town: 'Kalat', latitude: 29.03, longitude: 66.59 },
  { district: 'Kech', town: 'Turbat', latitude: 26.0, longitude: 63.05 },
  { district: 'Panjgur', town: 'Panjgur', latitude: 26.97, longitude: 64.09 },
  { district: 'Gwadar', town: 'Gwadar', latitude: 25.13, longitude: 62.32 },
  { district: 'Nushki', town: 'Nushki', latitude: 29.55, longitude: 66.02 },
  { district: 'Kharan', town: 'Kharan', latitude: 28.58, longitude: 65.42 },
  { district: 'Lasbela', town: 'Uthal', latitude: 25.81, longitude: 66.62 },
  // Azad Jammu and Kashmir, Gilgit-Baltistan
  { district: 'Muzaffarabad', town: 'Muzaffarabad', latitude: 34.37, longitude: 73.47 },
  { district: 'Mirpur', town: 'Mirpur', latitude: 33.15, longitude: 73.75 },
  { district: 'Bhimber', town: 'Bhimber', latitude: 32.97, longitude: 74.08 },
  { district: 'Kotli', town: 'Kotli', latitude: 33.52, longitude: 73.9 },
  { district: 'Bagh', town: 'Bagh', latitude: 33.98, longitude: 73.78 },
  { district: 'Poonch', town: 'Rawalakot', latitude: 33.86, longitude: 73.76 },
  { district: 'Gilgit', town: 'Gilgit', latitude: 35.92, longitude: 74.31 },
  { district: 'Skardu', town: 'Skardu', latitude: 35.3, longitude: 75.63 },
];

/** Districts at most this large (km², seed/pakistan-districts.csv) are fit points; larger ones check points. */
export const FIT_MAX_AREA_KM2 = 3500;

export interface ControlPoint extends ControlTown {
  /** The area-weighted centre of the district's outline, in SVG units. */
  x: number;
  y: number;
  /** Used in the fit (else a check point). */
  fit: boolean;
}

export interface Georeference {
  projection: Projection;
  /** 4: a scale and an offset per axis; 6: affine (rotation and shear too). */
  parameters: 4 | 6;
  /** SVG (x, y) -> [longitude, latitude]. */
  toLonLat: (x: number, y: number) => [number, number];
  /** Per fit point: the distance in km between the town and its district's transformed centre, fit WITHOUT that point. */
  leaveOneOut: Array<{ district: string; km: number }>;
  rmsKm: number;
  maxKm: number;
}

const RAD = Math.PI / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));
const invMercY = (m: number) => (2 * Math.atan(Math.exp(m)) - Math.PI / 2) / RAD;

/** Great-circle distance in km (haversine, mean Earth radius 6371.0 km). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD, dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Least squares: the coefficients c minimising |A c - b|, by the normal equations (tiny systems here). */
function leastSquares(rows: number[][], b: number[]): number[] {
  const n = rows[0]!.length;
  const m = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  rows.forEach((r, k) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) m[i]![j]! += r[i]! * r[j]!;
      m[i]![n]! += r[i]! * b[k]!;
    }
  });
  for (let c = 0; c < n; c++) { // Gauss-Jordan with partial pivoting
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** The map from SVG to longitude/latitude fitted to the points (SVG units centred and scaled for conditioning). */
export function fitGeoreference(points: ReadonlyArray<Pick<ControlPoint, 'x' | 'y' | 'latitude' | 'longitude'>>, projection: Projection, parameters: 4 | 6): (x: number, y: number) => [number, number] {
  const fwd = projection === 'mercator' ? mercY : (lat: number) => lat;
  const inv = projection === 'mercator' ? invMercY : (v: number) => v;
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length, cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const S = 1000;
  const lonRows = points.map((p) => parameters === 6 ? [1, (p.x - cx) / S, (p.y - cy) / S] : [1, (p.x - cx) / S]);
  const latRows = points.map((p) => parameters === 6 ? [1, (p.x - cx) / S, (p.y - cy) / S] : [1, (p.y - cy) / S]);
  const lonC = leastSquares(lonRows, points.map((p) => p.longitude));
  const latC = leastSquares(latRows, points.map((p) => fwd(p.latitude)));
  return (x, y) => {
    const u = (x - cx) / S, v = (y - cy) / S;
    const lon = parameters === 6 ? lonC[0]! + lonC[1]! * u + lonC[2]! * v : lonC[0]! + lonC[1]! * u;
    const py = parameters === 6 ? latC[0]! + latC[1]! * u + latC[2]! * v : latC[0]! + latC[1]! * v;
    return [lon, inv(py)];
  };
}

/** One candidate map, with its leave-one-out residuals over the fit points. */
export function georeference(points: readonly ControlPoint[], projection: Projection, parameters: 4 | 6): Georeference {
  const fitPoints = points.filter((p) => p.fit);
  const leaveOneOut = fitPoints.map((p, i) => {
    const f = fitGeoreference(fitPoints.filter((_, j) => j !== i), projection, parameters);
    const [lon, lat] = f(p.x, p.y);
    return { district: p.district, km: distanceKm(lat, lon, p.latitude, p.longitude) };
  });
  const rmsKm = Math.sqrt(leaveOneOut.reduce((s, r) => s + r.km ** 2, 0) / leaveOneOut.length);
  return { projection, parameters, toLonLat: fitGeoreference(fitPoints, projection, parameters), leaveOneOut, rmsKm, maxKm: Math.max(...leaveOneOut.map((r) => r.km)) };
}

/** Every candidate, best (smallest leave-one-out RMS) first. */
export function compareGeoreferences(points: readonly ControlPoint[]): Georeference[] {
  const all = (['equirectangular', 'mercator'] as const).flatMap((p) => ([4, 6] as const).map((n) => georeference(points, p, n)));
  return all.sort((a, b) => a.rmsKm - b.rmsKm);
}
