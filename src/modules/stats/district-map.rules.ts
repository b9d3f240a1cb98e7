// The district map of the dashboards (issue 12, part 3): joins the outlines of the npm package
// `@svg-maps/pakistan.districts` 2.0.0 (Unlicense, public domain; 144 shapes drawn before the 2023 census:
// one Karachi, one Chitral, one Kohistan, "Hunza Nagar", the former Frontier Regions as "... Subdivision")
// to the districts of seed/pakistan-districts.csv (180 districts, 2023 census and later notifications).
// Pure: no database, no DOM; the server answers with the join, the web app draws the shapes.
//
// A shape stands for a district when their names agree after folding spelling (case, spaces, punctuation,
// Muhammad/Mohammad) or through the alias list below, written out by hand with the reason. A district with
// no shape of its own is listed as missing from the map, with the shape it lies within when known (a former
// district split since the map was drawn, or the CSV's parent district).

export interface MapLocation {
  id: string;
  name: string;
}

export interface MapDistrict {
  id: number;
  name: string;
  province: string;
  /** The district it was carved out of after the 2023 census (CSV parent_district_2023), if any. */
  parentDistrict: string | null;
}

/** Shape id -> CSV district name, where the spellings differ beyond what `foldName` folds. */
export const shapeAliases: Readonly<Record<string, string>> = {
  naseerabad: 'Nasirabad',
  jafarabad: 'Jaffarabad',
  haranai: 'Harnai',
  bolan: 'Kachhi (Bolan)',
  chaghai: 'Chagai',
  sheerani: 'Sherani',
  'qambar-shahdatkot': 'Kambar Shahdadkot',
  nawabshah: 'Shaheed Benazirabad', // renamed 2008; the map keeps the old name
  'naushahro-firoze': 'Naushahro Feroze',
  shaikhupura: 'Sheikhupura',
  'nankana-sahab': 'Nankana Sahib',
  battagram: 'Batagram',
  sudhnati: 'Sudhnoti',
  ghanhce: 'Ghanche', // misspelt in the package
  hattian: 'Jhelum Valley', // Hattian Bala district, renamed Jhelum Valley
};

/** Shapes of a former district that the CSV splits into several: none of them has its own outline. */
export const splitShapes: Readonly<Record<string, readonly string[]>> = {
  karachi: ['Karachi Central', 'Karachi East', 'Karachi South', 'Karachi West', 'Keamari', 'Korangi', 'Malir'],
  chitral: ['Lower Chitral', 'Upper Chitral'],
  kohistan: ['Kolai Pallas Kohistan', 'Lower Kohistan', 'Upper Kohistan'],
  'hunza-nagar': ['Hunza', 'Nagar'],
};

/** Lower case, letters and digits only, Mohammad/Mohd folded to Muhammad. */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '')
    .replace(/mohammad|mohammed|muhammed|mohd/g, 'muhammad');
}

export interface MissingDistrict {
  districtId: number;
  name: string;
  province: string;
  /** The map shape the district lies within, when known (a split former district or the parent district). */
  within: string | null;
}

export interface DistrictMapJoin {
  /** District id -> the shape that draws it. */
  shapeOf: Map<number, string>;
  /** Shape id -> the district it draws. */
  districtOf: Map<string, number>;
  /** Districts of the list with no shape of their own, in the list's order. */
  missing: MissingDistrict[];
  /** Shapes that draw no single district (split former districts, Frontier Region subdivisions). */
  shapesWithoutDistrict: MapLocation[];
}

export function joinDistrictMap(locations: readonly MapLocation[], districts: readonly MapDistrict[]): DistrictMapJoin {
  const byFolded = new Map<string, MapDistrict>();
  for (const d of districts) byFolded.set(foldName(d.name), d);
  const shapeOf = new Map<number, string>();
  const districtOf = new Map<string, number>();
  const shapeNameById = new Map(locations.map((l) => [l.id, l.name]));
  const shapesWithoutDistrict: MapLocation[] = [];
  for (const loc of locations) {
    if (splitShapes[loc.id]) {
      shapesWithoutDistrict.push(loc);
      continue;
    }
    const alias = shapeAliases[loc.id];
    const d = byFolded.get(foldName(alias ?? loc.name));
    if (!d || shapeOf.has(d.id)) {
      shapesWithoutDistrict.push(loc);
      continue;
    }
    shapeOf.set(d.id, loc.id);
    districtOf.set(loc.id, d.id);
  }
  // Where a missing district lies: the split shape naming it, or its parent district's shape.
  const splitOf = new Map<string, string>();
  for (const [shape, names] of Object.entries(splitShapes)) for (const n of names) splitOf.set(foldName(n), shape);
  const byName = new Map(districts.map((d) => [foldName(d.name), d]));
  const missing: MissingDistrict[] = [];
  for (const d of districts) {
    if (shapeOf.has(d.id)) continue;
    const split = splitOf.get(foldName(d.name));
    let within: string | null = split && shapeNameById.has(split) ? shapeNameById.get(split)! : null;
    if (within === null && d.parentDistrict) {
      const parent = byName.get(foldName(d.parentDistrict));
      const parentShape = parent ? shapeOf.get(parent.id) : undefined;
      within = parentShape ? shapeNameById.get(parentShape)! : null;
    }
    missing.push({ districtId: d.id, name: d.name, province: d.province, within });
  }
  return { shapeOf, districtOf, missing, shapesWithoutDistrict };
}

/** Five classes of a colour scale, from the largest value shown (0 and hidden values are class -1/none). */
export function colourClass(value: number | null, max: number): number | null {
  if (value === null) return null;
  if (value <= 0 || max <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((value / max) * 5)));
}
