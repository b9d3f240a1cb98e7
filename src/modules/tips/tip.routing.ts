// Routing a tip to a district (branch) from its location data, with no live look-ups. The evidence, strongest
// first, and the first that names a district with a branch routes the tip:
//   1. a district named in the report;
//   2. the report's coordinates (CyberTipline `estimatedLocation`, Amaan's `location`), placed in a district by the
//      held boundaries (seed/district-shapes.json, OpenStreetMap, © OpenStreetMap contributors, ODbL 1.0; see
//      src/modules/reference/district-shapes.ts): a point farther than about 110 m from a district border is
//      placed as the unsimplified boundary places it;
//   3. a city or district name of the location;
//   4. the area code of a Pakistani landline the report gives (it names where the line is installed).
// Why this order, for a police user: a district named is the reporter's own statement of where it happened, and
// an analyst would act on it before any inference. Coordinates come next because they place a point more finely
// than a city name (Karachi is seven districts, and a city name picks one of them by default), and in the
// CyberTipline shape the city and the coordinates come from the same estimate anyway. But coordinates can be weak:
// a platform's estimated location usually comes from geolocating an IP address (a mobile carrier's gateway can sit
// in another city), so a routing by estimated coordinates says it is an estimate to confirm; whole-degree
// coordinates (30, 70) are what IP geolocation gives when it knows only the country, so they are not used; and
// coordinates outside every district (abroad, or at sea: coastal districts are clipped to the coastline) route
// nothing. Whatever routes the tip, the detail says which evidence did, and where the coordinates disagree with a
// named district or place, it says so for the analyst to confirm. A landline comes last: it names a place only
// through a table, and the line may not be where the child or the offender is.
//
// Post-census districts: the boundaries are the 2023 census districts (plus AJK and GB). A district made since
// (Kot Addu from Muzaffargarh, Murree from Rawalpindi, ...) has no boundary of its own; a point in it routes to
// the 2023 district (its branch), and the detail names the newer districts inside that boundary, to confirm.
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
  /** The report's coordinates: the district whose boundary holds them, or why they were not used. */
  coordinates?: {
    latitude: number; longitude: number;
    /** A platform's estimate (CyberTipline estimatedLocation, usually IP geolocation). */
    estimated: boolean;
    /** The district holding the point (null when not used). */
    district: string | null;
    unused: 'whole_degrees' | 'outside' | null;
    /** Districts made since 2023 inside that boundary. */
    covers: string[];
    /** Beside another routing: whether the point's district agrees with it (null: routed by them, or no branch). */
    agrees: boolean | null;
    /** The point's district has no branch. */
    noBranch?: boolean;
  };
  /** A place (city) the report names, and whether the coordinates agree with it (null: not compared). */
  place?: { name: string; agrees: boolean | null };
  /** The landline whose area code routed the tip. */
  landline?: { phone: string; areaCode: string; district: string; confirmed: boolean; source: string };
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

type Coordinates =
  | { kind: 'none' }
  | { kind: 'unused'; text: string; why: string }
  | { kind: 'placed'; text: string; hit: DistrictHit; branchId: number | undefined };

/** Where the tip goes, given the branches by district name. Pure but for the held boundaries (read once). */
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
  const estimated = input.coordinatesSource === 'estimated';
  if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) {
    const text = `coordinates ${lat}, ${lon}${input.coordinatesSource === 'estimated' ? ' (the platform\'s estimated location, usually from an IP address)' : ''}`;
    if (Number.isInteger(lat) && Number.isInteger(lon)) coords = { kind: 'unused', text, why: 'are in whole degrees (a country\'s or region\'s centre, not a place): not used' };
    else {
      const hit = locate(lat, lon);
      coords = hit
        ? { kind: 'placed', text, hit, branchId: branchesByDistrict.get(fold(hit.district)) }
        : { kind: 'unused', text, why: 'lie outside every district of Pakistan (abroad or at sea): not used' };
    }
  }
  /** A district (or a city's districts) and the district holding the point agree: the same, or a newer district inside its boundary. */
  const agrees = (named: string, hit: DistrictHit) => {
    const within = new Set([hit.district, ...hit.covers].map(fold));
    const folded = fold(named).replace(/ (district|city)$/, '');
    return (cityAreas[folded] ?? [cityDistricts[folded] ?? folded]).some((n) => within.has(fold(n)));
  };
  const newer = (hit: DistrictHit) => hit.covers.length
    ? `; ${hit.district}'s boundary (2023 census) also holds ${hit.covers.join(', ')}, made a district since with no boundary of its own held: confirm which branch`
    : '';
  /** What the coordinates say, beside another routing. */
  const besides = (routedTo: string | null): string => {
    if (coords.kind === 'none') return '';
    if (coords.kind === 'unused') return `; ${coords.text} ${coords.why}`;
    return `; ${coords.text} lie in ${coords.hit.district}${routedTo === null ? ', which has no branch' : agrees(routedTo, coords.hit) ? ', which agrees' : ': they disagree, confirm'}`;
  };
  /** The same as values. */
  const coordFacts = (routedTo: string | null | undefined): RoutingFacts['coordinates'] => {
    if (coords.kind === 'none') return undefined;
    const at = { latitude: lat!, longitude: lon!, estimated };
    if (coords.kind === 'unused') return { ...at, district: null, unused: Number.isInteger(lat) && Number.isInteger(lon) ? 'whole_degrees' : 'outside', covers: [], agrees: null };
    return {
      ...at, district: coords.hit.district, unused: null, covers: [...coords.hit.covers],
      agrees: routedTo === undefined || routedTo === null ? null : agrees(routedTo, coords.hit), ...(routedTo === null ? { noBranch: true } : {}),
    };
  };
  const withFacts = (r: Omit<Routing, 'facts'>, facts: RoutingFacts): Routing => ({ ...r, facts: Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as RoutingFacts });

  const d = byName(input.district);
  if (d) return withFacts({ branchId: d.id, method: 'district', detail: `district named in the report: ${input.district}${besides(input.district!)}` }, { district: d.district, named: input.district, coordinates: coordFacts(input.district) });
  // Coordinates before a place name: see the header.
  if (coords.kind === 'placed' && coords.branchId !== undefined) {
    const c = byName(input.city);
    const placeAgrees = !input.city ? null : agrees(input.city, coords.hit) ? true : c ? false : null;
    const place = !input.city ? '' : placeAgrees ? `; place named in the report: ${input.city}, which agrees`
      : c ? `; place named in the report: ${input.city}, in another district: they disagree, confirm` : `; place named in the report: ${input.city}`;
    const weak = estimated ? '; an estimate, not proof of location: confirm' : '';
    return withFacts({
      branchId: coords.branchId, method: 'coordinates',
      detail: `${coords.text} lie in ${coords.hit.district} (district boundaries © OpenStreetMap contributors)${weak}${newer(coords.hit)}${place}`,
    }, { district: coords.hit.district, coordinates: coordFacts(undefined), place: input.city ? { name: input.city, agrees: placeAgrees } : undefined });
  }
  const c = byName(input.city);
  if (c) return withFacts({ branchId: c.id, method: 'city', detail: `place named in the report: ${input.city}${besides(input.city!)}` }, { district: c.district, place: { name: input.city!, agrees: null }, coordinates: coordFacts(input.city) });
  // Confirmed codes first: a code no source confirms is weaker evidence, used only when no confirmed one routes.
  const landlines = input.phones.map((phone) => ({ phone, hit: districtOfLandline(phone) }))
    .filter((l): l is { phone: string; hit: NonNullable<ReturnType<typeof districtOfLandline>> } => l.hit !== null);
  for (const { phone, hit } of [...landlines.filter((l) => l.hit.confirmed), ...landlines.filter((l) => !l.hit.confirmed)]) {
    const id = branchesByDistrict.get(fold(hit.district));
    if (id === undefined) continue;
    const table = AREA_CODES_VERIFIED ? '' : ', from an area-code table not checked against PTA\'s numbering plan';
    const source = hit.confirmed
      ? `, confirmed by libphonenumber's geocoding data ("${hit.source}")${table}; a hint, not proof of location: confirm`
      : `: UNCONFIRMED, no source found names this code's place (libphonenumber says only "${hit.source}"); weak evidence, a hint at most: confirm`;
    return withFacts({ branchId: id, method: 'area_code', detail: `landline ${phone}: area code 0${hit.areaCode} (${hit.district})${source}${besides(hit.district)}` },
      { district: hit.district, landline: { phone, areaCode: hit.areaCode, district: hit.district, confirmed: hit.confirmed, source: hit.source }, coordinates: coordFacts(hit.district) });
  }
  return withFacts({ branchId: null, method: 'none', detail: `no district, usable coordinates, place or landline area code in the report: for an analyst to route${besides(null)}` }, { coordinates: coordFacts(null) });
}
