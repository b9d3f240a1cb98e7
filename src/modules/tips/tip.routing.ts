// Routing a tip to a district (branch) from its location data, with no live look-ups. The evidence, strongest
// first, and the first that names a district with a branch routes the tip:
//   1. a district named in the report;
//   2. the report's coordinates (CyberTipline `estimatedLocation`, Amaan's `location`), placed in a district on the
//      dashboard's district map (npm @svg-maps/pakistan.districts, Unlicense), georeferenced by a fit to district
//      headquarters towns (src/modules/reference/district-map-georef.ts, district-shapes.ts). The map is coarse and
//      drawn before the 2023 census: its borders may be off by several km (the fit's leave-one-out RMS, printed by
//      scripts/fit-district-map.ts, is the margin). A point within that margin of its outline's edge is "near a
//      border": its coordinates route the tip only when a place named or a landline's area code agrees, or when the
//      report gives nothing else (then the detail says near a border, confirm); when the other evidence names
//      another district, that evidence routes and the detail weighs the coordinates beside it. An outline the map
//      draws for several districts (Karachi's seven, Chitral's two, ...) routes nothing by itself;
//   3. a city or district name of the location;
//   4. the area code of a Pakistani landline the report gives (it names where the line is installed).
// Why this order, for a police user: a district named is the reporter's own statement of where it happened, and
// an analyst would act on it before any inference. Coordinates come next because they place a point more finely
// than a city name (Karachi is seven districts, and a city name picks one of them by default), and in the
// CyberTipline shape the city and the coordinates come from the same estimate anyway. But coordinates can be weak:
// a platform's estimated location usually comes from geolocating an IP address (a mobile carrier's gateway can sit
// in another city), so a routing by estimated coordinates says it is an estimate to confirm; whole-degree
// coordinates (30, 70) are what IP geolocation gives when it knows only the country, so they are not used; and
// coordinates outside every district as the map draws it (abroad, or at sea) route
// nothing. Whatever routes the tip, the detail says which evidence did, and where the coordinates disagree with a
// named district or place, it says so for the analyst to confirm. A landline comes last: it names a place only
// through a table, and the line may not be where the child or the offender is.
//
// Newer districts: the map was drawn before some districts were made (Kot Addu from Muzaffargarh, Murree from
// Rawalpindi, Chaman from Killa Abdullah, ...); they have no outline of their own. A point in one routes to the
// district whose outline holds it (its branch), and the detail names the newer districts inside, to confirm.
//
// Area codes: NOT VERIFIED against a primary source. No numbering plan of PTA (the regulator) or list of PTCL
// listing the area codes was found (a search of public pages and documentation on 6 Dec 2026 found PTA's Number
// Allocation and Administration Regulations 2011, which define an area code but list none). Every entry below was
// instead cross-checked against two secondary sources, and agrees with both where both list it:
//   - Google libphonenumber, resources/geocoding/en/92.txt (commit f7e3e88c92b905c8d6edb81f336dbe25edc05b52,
//     Apache-2.0): every entry but the AJK/GB ones (it names 058x only "AJK/FATA");
//   - WTNG, World Telephone Numbering Guide, Pakistan (+92), updated 21 Nov 2005 (www.wtng.info/wtng-92-pk.html).
// That check corrected two entries: Jhelum is 0544 (was 054, which no place has: 054x are Narowal, Chakwal,
// Jhelum, Mandi Bahauddin, Hafizabad), and Dadu is 025 (was 0254, a part of it); and it added 27 codes both
// sources list (15 in Balochistan, 12 in Khyber Pakhtunkhwa). Where a source names a former district or two
// districts, the entry names the district of the list holding the place (0943 Chitral: Lower Chitral, where Chitral
// town is; 0832 Bolan: Kachhi (Bolan)). GB and AJK: Gilgit 05811 agrees with the Ministry of Tourism's page on the
// northern areas (tourism.gov.pk), which gives Skardu as 05831, not 05815 as below; Muzaffarabad 05822 and Mirpur 05827
// are in no source found. So AREA_CODES_VERIFIED stays false, and every routing by area code says the table is
// not checked against PTA's plan and is a hint to confirm. areaCodeSources records per code what libphonenumber
// gives and whether a source confirms it (all but the four GB/AJK codes); an unconfirmed code is weaker evidence
// (tried after every confirmed one, its detail says UNCONFIRMED). Checked by tip.routing.test.ts: every district named is a district of
// seed/pakistan-districts.csv. A code used by several districts names the first the sources list (51 Islamabad
// and Rawalpindi; 21 all of Karachi's districts); longest prefix wins (0544 Jhelum before any shorter code).
import { districtAt, type DistrictHit, type DistrictLocator } from '../reference/district-shapes.ts';

export const AREA_CODES_VERIFIED = false;

/** Named in a routing by coordinates: where the outlines come from and that their borders are approximate. */
export const MAP_SOURCE = 'district outlines of the dashboard map, @svg-maps/pakistan.districts, georeferenced by a fit: borders approximate';
export const AREA_CODES_SOURCE = 'PTCL fixed-line area codes as commonly published, each with its source (areaCodeSources: libphonenumber geocoding/en/92.txt at f7e3e88, and WTNG 2005); not checked against PTA\'s numbering plan';

export const landlineAreaCodes: Readonly<Record<string, string>> = {
  // Sindh
  '21': 'Karachi South', '22': 'Hyderabad', '232': 'Tharparkar', '233': 'Mirpur Khas', '235': 'Sanghar', '238': 'Umerkot',
  '242': 'Naushahro Feroze', '243': 'Khairpur', '244': 'Shaheed Benazirabad', '25': 'Dadu', '297': 'Badin', '298': 'Thatta',
  '71': 'Sukkur', '722': 'Jacobabad', '723': 'Ghotki', '726': 'Shikarpur', '74': 'Larkana',
  // Punjab and Islamabad
  '40': 'Sahiwal', '41': 'Faisalabad', '42': 'Lahore', '44': 'Okara', '453': 'Bhakkar', '454': 'Khushab', '457': 'Pakpattan',
  '459': 'Mianwali', '46': 'Toba Tek Singh', '47': 'Jhang', '48': 'Sargodha', '49': 'Kasur',
  '51': 'Islamabad', '52': 'Sialkot', '53': 'Gujrat', '542': 'Narowal', '543': 'Chakwal', '544': 'Jhelum', '546': 'Mandi Bahauddin',
  '547': 'Hafizabad', '55': 'Gujranwala', '56': 'Sheikhupura', '57': 'Attock',
  '61': 'Multan', '62': 'Bahawalpur', '63': 'Bahawalnagar', '64': 'Dera Ghazi Khan', '604': 'Rajanpur', '606': 'Layyah',
  '608': 'Lodhran', '65': 'Khanewal', '66': 'Muzaffargarh', '67': 'Vehari', '68': 'Rahim Yar Khan',
  // Balochistan
  '81': 'Quetta', '822': 'Zhob', '823': 'Killa Saifullah', '824': 'Loralai', '825': 'Chagai', '826': 'Killa Abdullah', '828': 'Musa Khel',
  '829': 'Barkhan', '832': 'Kachhi (Bolan)', '833': 'Sibi', '835': 'Dera Bugti', '837': 'Jhal Magsi', '838': 'Jaffarabad',
  '843': 'Mastung', '844': 'Kalat', '847': 'Kharan', '848': 'Khuzdar', '852': 'Kech', '853': 'Lasbela', '855': 'Panjgur', '856': 'Awaran',
  '86': 'Gwadar',
  // Khyber Pakhtunkhwa
  '91': 'Peshawar', '922': 'Kohat', '923': 'Nowshera', '924': 'Khyber', '925': 'Hangu', '926': 'Kurram', '927': 'Karak', '928': 'Bannu',
  '932': 'Malakand', '937': 'Mardan', '938': 'Swabi', '939': 'Buner', '942': 'Bajaur', '943': 'Lower Chitral', '944': 'Upper Dir',
  '945': 'Lower Dir', '946': 'Swat', '963': 'Tank', '965': 'South Waziristan', '966': 'Dera Ismail Khan',
  '992': 'Abbottabad', '995': 'Haripur', '997': 'Mansehra',
  // Gilgit-Baltistan and AJK (see above: not in libphonenumber by place; Skardu disputed)
  '5811': 'Gilgit', '5815': 'Skardu', '5822': 'Muzaffarabad', '5827': 'Mirpur',
};

/** What a source says of one area code, and whether at least one source names the code's place. */
export interface AreaCodeSource {
  /** The place libphonenumber's geocoding data gives for the code (resources/geocoding/en/92.txt, commit f7e3e88): its own spelling. */
  libphonenumber: string;
  /**
   * True when at least one source (libphonenumber's geocoding data; the World Telephone Numbering Guide) names the
   * place the table gives, in its own spelling or as a former name or district (Nawabshah for Shaheed Benazirabad,
   * Bolan for Kachhi, Chitral for Lower Chitral) or a pair of districts sharing the code. False for the GB and AJK
   * codes: libphonenumber names only the region ("AJK/FATA"), WTNG lists none of them by place, and the one other
   * page found (Ministry of Tourism) gives Skardu another code.
   */
  confirmed: boolean;
}

/**
 * The source of each code of landlineAreaCodes (issue 11 §2), read from libphonenumber's geocoding file at the
 * commit named above (every entry whose prefix begins with 92 and the code). Checked by tip.routing.test.ts: one
 * entry per code, and a confirmed code's source names its district. A routing by an unconfirmed code is weaker
 * evidence: tried only after every confirmed code of the report, and its detail says it is unconfirmed.
 */
export const areaCodeSources: Readonly<Record<string, AreaCodeSource>> = {
  '21': { libphonenumber: 'Karachi', confirmed: true },
  '22': { libphonenumber: 'Hyderabad', confirmed: true },
  '232': { libphonenumber: 'Tharparkar', confirmed: true },
  '233': { libphonenumber: 'Mirpur Khas', confirmed: true },
  '235': { libphonenumber: 'Sanghar', confirmed: true },
  '238': { libphonenumber: 'Umerkot', confirmed: true },
  '242': { libphonenumber: 'Naushero Feroze', confirmed: true },
  '243': { libphonenumber: 'Khairpur', confirmed: true },
  '244': { libphonenumber: 'Nawabshah', confirmed: true },
  '25': { libphonenumber: 'Dadu', confirmed: true },
  '297': { libphonenumber: 'Badin', confirmed: true },
  '298': { libphonenumber: 'Thatta', confirmed: true },
  '71': { libphonenumber: 'Sukkur', confirmed: true },
  '722': { libphonenumber: 'Jacobabad', confirmed: true },
  '723': { libphonenumber: 'Ghotki', confirmed: true },
  '726': { libphonenumber: 'Shikarpur', confirmed: true },
  '74': { libphonenumber: 'Larkana', confirmed: true },
  '40': { libphonenumber: 'Sahiwal', confirmed: true },
  '41': { libphonenumber: 'Faisalabad', confirmed: true },
  '42': { libphonenumber: 'Lahore', confirmed: true },
  '44': { libphonenumber: 'Okara', confirmed: true },
  '453': { libphonenumber: 'Bhakkar', confirmed: true },
  '454': { libphonenumber: 'Khushab', confirmed: true },
  '457': { libphonenumber: 'Pakpattan', confirmed: true },
  '459': { libphonenumber: 'Mianwali', confirmed: true },
  '46': { libphonenumber: 'Toba Tek Singh', confirmed: true },
  '47': { libphonenumber: 'Jhang', confirmed: true },
  '48': { libphonenumber: 'Sargodha', confirmed: true },
  '49': { libphonenumber: 'Kasur', confirmed: true },
  '51': { libphonenumber: 'Islamabad/Rawalpindi', confirmed: true },
  '52': { libphonenumber: 'Sialkot', confirmed: true },
  '53': { libphonenumber: 'Gujrat', confirmed: true },
  '542': { libphonenumber: 'Narowal', confirmed: true },
  '543': { libphonenumber: 'Chakwal', confirmed: true },
  '544': { libphonenumber: 'Jhelum', confirmed: true },
  '546': { libphonenumber: 'Mandi Bahauddin', confirmed: true },
  '547': { libphonenumber: 'Hafizabad', confirmed: true },
  '55': { libphonenumber: 'Gujranwala', confirmed: true },
  '56': { libphonenumber: 'Sheikhupura', confirmed: true },
  '57': { libphonenumber: 'Attock', confirmed: true },
  '61': { libphonenumber: 'Multan', confirmed: true },
  '62': { libphonenumber: 'Bahawalpur', confirmed: true },
  '63': { libphonenumber: 'Bahawalnagar', confirmed: true },
  '64': { libphonenumber: 'Dera Ghazi Khan', confirmed: true },
  '604': { libphonenumber: 'Rajanpur', confirmed: true },
  '606': { libphonenumber: 'Layyah', confirmed: true },
  '608': { libphonenumber: 'Lodhran', confirmed: true },
  '65': { libphonenumber: 'Khanewal', confirmed: true },
  '66': { libphonenumber: 'Muzaffargarh', confirmed: true },
  '67': { libphonenumber: 'Vehari', confirmed: true },
  '68': { libphonenumber: 'Rahim Yar Khan', confirmed: true },
  '81': { libphonenumber: 'Quetta', confirmed: true },
  '822': { libphonenumber: 'Zhob', confirmed: true },
  '823': { libphonenumber: 'Killa Saifullah', confirmed: true },
  '824': { libphonenumber: 'Loralai', confirmed: true },
  '825': { libphonenumber: 'Chagai', confirmed: true },
  '826': { libphonenumber: 'K.Abdullah/Pishin', confirmed: true },
  '828': { libphonenumber: 'Musakhel', confirmed: true },
  '829': { libphonenumber: 'Barkhan/Kohlu', confirmed: true },
  '832': { libphonenumber: 'Bolan', confirmed: true },
  '833': { libphonenumber: 'Sibi/Ziarat', confirmed: true },
  '835': { libphonenumber: 'Dera Bugti', confirmed: true },
  '837': { libphonenumber: 'Jhal Magsi', confirmed: true },
  '838': { libphonenumber: 'Jaffarabad/Nasirabad', confirmed: true },
  '843': { libphonenumber: 'Mastung', confirmed: true },
  '844': { libphonenumber: 'Kalat', confirmed: true },
  '847': { libphonenumber: 'Kharan', confirmed: true },
  '848': { libphonenumber: 'Khuzdar', confirmed: true },
  '852': { libphonenumber: 'Kech', confirmed: true },
  '853': { libphonenumber: 'Lasbela', confirmed: true },
  '855': { libphonenumber: 'Panjgur', confirmed: true },
  '856': { libphonenumber: 'Awaran', confirmed: true },
  '86': { libphonenumber: 'Gwadar', confirmed: true },
  '91': { libphonenumber: 'Peshawar/Charsadda', confirmed: true },
  '922': { libphonenumber: 'Kohat', confirmed: true },
  '923': { libphonenumber: 'Nowshera', confirmed: true },
  '924': { libphonenumber: 'Khyber/Mohmand Agy', confirmed: true },
  '925': { libphonenumber: 'Hangu/Orakzai Agy', confirmed: true },
  '926': { libphonenumber: 'Kurram Agency', confirmed: true },
  '927': { libphonenumber: 'Karak', confirmed: true },
  '928': { libphonenumber: 'Bannu/N. Waziristan', confirmed: true },
  '932': { libphonenumber: 'Malakand', confirmed: true },
  '937': { libphonenumber: 'Mardan', confirmed: true },
  '938': { libphonenumber: 'Swabi', confirmed: true },
  '939': { libphonenumber: 'Buner', confirmed: true },
  '942': { libphonenumber: 'Bajaur Agency', confirmed: true },
  '943': { libphonenumber: 'Chitral', confirmed: true },
  '944': { libphonenumber: 'Upper Dir', confirmed: true },
  '945': { libphonenumber: 'Lower Dir', confirmed: true },
  '946': { libphonenumber: 'Swat', confirmed: true },
  '963': { libphonenumber: 'Tank', confirmed: true },
  '965': { libphonenumber: 'South Waziristan', confirmed: true },
  '966': { libphonenumber: 'D.I. Khan', confirmed: true },
  '992': { libphonenumber: 'Abottabad', confirmed: true },
  '995': { libphonenumber: 'Haripur', confirmed: true },
  '997': { libphonenumber: 'Mansehra/Batagram', confirmed: true },
  '5811': { libphonenumber: 'AJK/FATA', confirmed: false },
  '5815': { libphonenumber: 'AJK/FATA', confirmed: false },
  '5822': { libphonenumber: 'AJK/FATA', confirmed: false },
  '5827': { libphonenumber: 'AJK/FATA', confirmed: false },
};

/** Cities whose name is not their district's. */
const cityDistricts: Readonly<Record<string, string>> = {
  karachi: 'Karachi South', nawabshah: 'Shaheed Benazirabad', turbat: 'Kech', mingora: 'Swat', 'd.i. khan': 'Dera Ismail Khan', 'di khan': 'Dera Ismail Khan',
  'd.g. khan': 'Dera Ghazi Khan', 'dg khan': 'Dera Ghazi Khan', 'rahimyar khan': 'Rahim Yar Khan', mirpurkhas: 'Mirpur Khas', 'mandi bahaudin': 'Mandi Bahauddin',
  'kot adu': 'Kot Addu', 'alipur': 'Muzaffargarh', 'jatoi': 'Muzaffargarh', rawalpindi: 'Rawalpindi', 'islamabad capital territory': 'Islamabad',
};

/** Cities of several districts: a point in any of them agrees with the city's name. */
const cityAreas: Readonly<Record<string, readonly string[]>> = {
  karachi: ['Karachi Central', 'Karachi East', 'Karachi South', 'Karachi West', 'Keamari', 'Korangi', 'Malir'],
};

/** The district of a Pakistani landline in E.164 (+92...), or null (a mobile, 3XX, names no place). */
export function districtOfLandline(e164: string): { district: string; areaCode: string; confirmed: boolean; source: string } | null {
  if (!/^\+92\d{8,11}$/.test(e164)) return null;
  const national = e164.slice(3);
  if (national.startsWith('3')) return null;
  for (let len = 4; len >= 2; len--) {
    const code = national.slice(0, len);
    const district = landlineAreaCodes[code];
    if (district) return { district, areaCode: code, confirmed: areaCodeSources[code]?.confirmed ?? false, source: areaCodeSources[code]?.libphonenumber ?? '' };
  }
  return null;
}

export interface RoutingInput {
  district?: string | undefined;
  city?: string | undefined;
  province?: string | undefined;
  /** E.164 numbers the report ties to the place or the reported persons, in the order to try. */
  phones: string[];
  /** WGS84 coordinates given by the report. */
  latitude?: number | undefined;
  longitude?: number | undefined;
  /** Where they come from: a platform's estimate (CyberTipline `estimatedLocation`, usually IP geolocation) or the reporter. */
  coordinatesSource?: 'estimated' | 'reported' | undefined;
}

export interface Routing {
  branchId: number | null;
  method: 'district' | 'coordinates' | 'city' | 'area_code' | 'none';
  /** The evidence in English words (API, audit). */
  detail: string;
  /** The same evidence as values, for the web app to say in the officer's language (English or Urdu). */
  facts: RoutingFacts;
}

/** What routed a tip and what was weighed beside it, as values (no words): `detail` is their English reading. */
export interface RoutingFacts {
  /** The district routed to (none when nothing routed). */
  district?: string;
  /** The district the report names. */
  named?: string;
  /** The report's coordinates: the outline (and its district) holding them, or why they were not used. */
  coordinates?: {
    latitude: number; longitude: number;
    /** A platform's estimate (CyberTipline estimatedLocation, usually IP geolocation). */
    estimated: boolean;
    /** The district whose outline holds the point (null when not used, or when the outline draws several districts or none). */
    district: string | null;
    /** The outline's name on the map, when it names no single district (then `covers` lists the districts it may be in). */
    outline?: string;
    unused: 'whole_degrees' | 'outside' | null;
    /** Districts of the list inside that outline (made or split since the map was drawn). */
    covers: string[];
    /** Beside another routing: whether the point's outline agrees with it (null: routed by them, or no branch). */
    agrees: boolean | null;
    /** Beside another routing that they do not agree with: the routed district lies across a border within the map's error. */
    consistent?: boolean;
    /** The point's district has no branch. */
    noBranch?: boolean;
    /** Within the map's error margin of its outline's edge: km to that edge, the margin, and the outlines nearby (km). */
    near?: { edgeKm: number; marginKm: number; nearby: Array<{ name: string; km: number }> };
    /** Routed by coordinates near a border with nothing else in the report to weigh them against. */
    alone?: boolean;
  };
  /** A place (city) the report names, and whether the coordinates agree with it (null: not compared). */
  place?: { name: string; agrees: boolean | null };
  /** The landline whose area code routed the tip, or (routed by coordinates near a border) agreed with them (`agrees`). */
  landline?: { phone: string; areaCode: string; district: string; confirmed: boolean; source: string; agrees?: boolean };
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

type Coordinates =
  | { kind: 'none' }
  | { kind: 'unused'; text: string; why: string }
  | { kind: 'placed'; text: string; hit: DistrictHit; branchId: number | undefined; near: boolean };

/** Where a point lies, in words: the district, or the outline of several districts (or of none) the map draws. */
function placeOf(hit: DistrictHit): string {
  if (hit.district) return hit.district;
  return hit.covers.length
    ? `${hit.mapName} as the map draws it (one outline for ${hit.covers.join(', ')}; which of them the map cannot tell)`
    : `${hit.mapName} as the map draws it (an outline of no district of the list)`;
}

/** How near a border the point lies, when within the map's error margin. */
function nearText(hit: DistrictHit): string {
  const others = (hit.nearby ?? []).map((n) => `${n.district ?? n.mapName} ${n.km} km`);
  return `, ${hit.edgeKm} km from the edge of its outline (${others.length ? `near ${others.join(', ')}` : 'the coast or the frontier'}): near a border, where the map's borders may be off by up to about ${hit.marginKm} km`;
}

/** Where the tip goes, given the branches by district name. Pure but for the held outlines (built once). */
export function routeTip(input: RoutingInput, branchesByDistrict: ReadonlyMap<string, number>, locate: DistrictLocator = districtAt): Routing {
  const byName = (name: string | undefined): { id: number; district: string } | null => {
    if (!name) return null;
    const folded = fold(name).replace(/ (district|city)$/, '');
    const district = cityDistricts[folded] ?? folded;
    const id = branchesByDistrict.get(fold(district));
    return id === undefined ? null : { id, district };
  };
  const { latitude: lat, longitude: lon } = input;
  let coords: Coordinates = { kind: 'none' };
  if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) {
    const text = `coordinates ${lat}, ${lon}${input.coordinatesSource === 'estimated' ? ' (the platform\'s estimated location, usually from an IP address)' : ''}`;
    if (Number.isInteger(lat) && Number.isInteger(lon)) coords = { kind: 'unused', text, why: 'are in whole degrees (a country\'s or region\'s centre, not a place): not used' };
    else {
      const hit = locate(lat, lon);
      coords = hit
        ? { kind: 'placed', text, hit, branchId: hit.district ? branchesByDistrict.get(fold(hit.district)) : undefined, near: hit.edgeKm !== undefined && hit.marginKm !== undefined && hit.edgeKm < hit.marginKm }
        : { kind: 'unused', text, why: 'lie outside every district of Pakistan as the map draws it (abroad or at sea): not used' };
    }
  }
  /** A district (or a city's districts) and the outline holding the point agree: its district, or a district inside it. */
  const agrees = (named: string, hit: DistrictHit) => {
    const within = new Set([...(hit.district ? [hit.district] : []), ...hit.covers].map(fold));
    const folded = fold(named).replace(/ (district|city)$/, '');
    return (cityAreas[folded] ?? [cityDistricts[folded] ?? folded]).some((n) => within.has(fold(n)));
  };
  const newer = (hit: DistrictHit) => hit.district && hit.covers.length
    ? `; ${hit.district}'s outline (drawn before ${hit.covers.join(', ')} were made districts) also holds ${hit.covers.join(', ')}: confirm which branch`
    : '';
  /** The routed district lies across a border within the map's error of the point's outline. */
  const acrossBorder = (routedTo: string, hit: DistrictHit) =>
    (hit.nearby ?? []).some((n) => n.district && agrees(routedTo, { ...hit, district: n.district, covers: [] }));
  /** What the coordinates say, beside another routing. */
  const besides = (routedTo: string | null): string => {
    if (coords.kind === 'none') return '';
    if (coords.kind === 'unused') return `; ${coords.text} ${coords.why}`;
    const near = coords.near ? nearText(coords.hit) : '';
    const verdict = routedTo === null ? (coords.hit.district ? ', which has no branch' : '')
      : agrees(routedTo, coords.hit) ? ', which agrees'
        : coords.near && acrossBorder(routedTo, coords.hit) ? `, across a border within the map's error of ${routedTo}: consistent, confirm`
          : ': they disagree, confirm';
    return `; ${coords.text} lie in ${placeOf(coords.hit)}${verdict}${near}`;
  };
  const estimated = input.coordinatesSource === 'estimated';
  /** The same as values (routedTo: undefined when the coordinates routed the tip). */
  const coordFacts = (routedTo: string | null | undefined, alone = false): RoutingFacts['coordinates'] => {
    if (coords.kind === 'none') return undefined;
    const at = { latitude: lat!, longitude: lon!, estimated };
    if (coords.kind === 'unused') return { ...at, district: null, unused: Number.isInteger(lat) && Number.isInteger(lon) ? 'whole_degrees' : 'outside', covers: [], agrees: null };
    const hit = coords.hit;
    const agreesWith = routedTo === undefined || routedTo === null ? null : agrees(routedTo, hit);
    return {
      ...at, district: hit.district, ...(hit.district ? {} : { outline: hit.mapName }), unused: null, covers: [...hit.covers], agrees: agreesWith,
      ...(agreesWith === false && coords.near && acrossBorder(routedTo!, hit) ? { consistent: true } : {}),
      ...(routedTo === null && hit.district ? { noBranch: true } : {}),
      ...(coords.near ? { near: { edgeKm: hit.edgeKm!, marginKm: hit.marginKm!, nearby: (hit.nearby ?? []).map((n) => ({ name: n.district ?? n.mapName, km: n.km })) } } : {}),
      ...(alone ? { alone: true } : {}),
    };
  };
  const withFacts = (r: Omit<Routing, 'facts'>, facts: RoutingFacts): Routing => ({ ...r, facts: Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as RoutingFacts });
  // The report's landlines with a district, confirmed codes first: a code no source confirms is weaker evidence,
  // used (to route, or to agree with coordinates near a border) only when no confirmed one serves.
  const landlines = input.phones.map((phone) => ({ phone, hit: districtOfLandline(phone) }))
    .filter((l): l is { phone: string; hit: NonNullable<ReturnType<typeof districtOfLandline>> } => l.hit !== null);
  const ordered = [...landlines.filter((l) => l.hit.confirmed), ...landlines.filter((l) => !l.hit.confirmed)];
  const lineFacts = ({ phone, hit }: (typeof ordered)[number]) => ({ phone, areaCode: hit.areaCode, district: hit.district, confirmed: hit.confirmed, source: hit.source });

  const d = byName(input.district);
  if (d) return withFacts({ branchId: d.id, method: 'district', detail: `district named in the report: ${input.district}${besides(input.district!)}` }, { district: d.district, named: input.district, coordinates: coordFacts(input.district) });
  // Coordinates before a place name: see the header. Near a border (within the map's error) they route only when a
  // place named or a landline's area code agrees, or when nothing else is given (then flagged as near a border).
  if (coords.kind === 'placed' && coords.branchId !== undefined) {
    const hit = coords.hit;
    const landline = ordered.find((l) => branchesByDistrict.has(fold(l.hit.district))) ?? null;
    const cityAgrees = !!input.city && agrees(input.city, hit);
    const lineAgrees = !!landline && agrees(landline.hit.district, hit);
    const otherEvidence = !!byName(input.city) || !!landline;
    if (!coords.near || cityAgrees || lineAgrees || !otherEvidence) {
      const c = byName(input.city);
      const placeAgrees = !input.city ? null : cityAgrees ? true : c ? false : null;
      const place = !input.city ? '' : cityAgrees ? `; place named in the report: ${input.city}, which agrees`
        : c ? `; place named in the report: ${input.city}, in another district: they disagree, confirm` : `; place named in the report: ${input.city}`;
      const lineShown = coords.near && lineAgrees && !cityAgrees;
      const line = lineShown ? `; landline area code 0${landline!.hit.areaCode} (${landline!.hit.district}) agrees` : '';
      const weak = estimated ? '; an estimate, not proof of location: confirm' : '';
      const alone = coords.near && !cityAgrees && !lineAgrees;
      const near = coords.near ? `${nearText(hit)}${alone ? '; nothing else in the report to weigh them against: confirm' : ''}` : '';
      return withFacts({
        branchId: coords.branchId, method: 'coordinates',
        detail: `${coords.text} lie in ${hit.district} (${MAP_SOURCE})${near}${weak}${newer(hit)}${place}${line}`,
      }, {
        district: hit.district!, coordinates: coordFacts(undefined, alone),
        place: input.city ? { name: input.city, agrees: placeAgrees } : undefined,
        landline: lineShown ? { ...lineFacts(landline!), agrees: true } : undefined,
      });
    }
    // Near a border, and the other evidence names another district: it routes, the coordinates are weighed beside it.
  }
  const c = byName(input.city);
  if (c) return withFacts({ branchId: c.id, method: 'city', detail: `place named in the report: ${input.city}${besides(input.city!)}` }, { district: c.district, place: { name: input.city!, agrees: null }, coordinates: coordFacts(input.city) });
  for (const l of ordered) {
    const { phone, hit } = l;
    const id = branchesByDistrict.get(fold(hit.district));
    if (id === undefined) continue;
    const table = AREA_CODES_VERIFIED ? '' : ', from an area-code table not checked against PTA\'s numbering plan';
    const source = hit.confirmed
      ? `, confirmed by libphonenumber's geocoding data ("${hit.source}")${table}; a hint, not proof of location: confirm`
      : `: UNCONFIRMED, no source found names this code's place (libphonenumber says only "${hit.source}"); weak evidence, a hint at most: confirm`;
    return withFacts({ branchId: id, method: 'area_code', detail: `landline ${phone}: area code 0${hit.areaCode} (${hit.district})${source}${besides(hit.district)}` },
      { district: hit.district, landline: lineFacts(l), coordinates: coordFacts(hit.district) });
  }
  return withFacts({ branchId: null, method: 'none', detail: `no district, coordinates placing it in one district, place or landline area code in the report: for an analyst to route${besides(null)}` }, { coordinates: coordFacts(null) });
}
