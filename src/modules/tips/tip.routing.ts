// Routing a tip to a district (branch) from its location data, with no live look-ups: a district named in the
// report, then a city or district name of the location, then the area code of a Pakistani landline the report
// gives (the area code names a city or district; it is a routing hint, not proof of where anyone is).
//
// Area codes: UNVERIFIED. The table below is the PTCL fixed-line area codes as commonly published (long-distance
// prefix 0 dropped, as they follow +92), compiled for routing only. No source in the project's reference material
// (/work/shared/docs/identifiers.md gives only the shape, "+92 AA(A) XXXXXXX; the area code names a city or
// district") lists the codes, so no entry has been checked against a primary source (PTA's numbering plan). What is
// checked (tip.routing.test.ts): every district it names is a district of seed/pakistan-districts.csv. Every routing
// by area code says so in its detail, for the analyst to confirm. A code used by several districts names the
// first; Karachi's 21 covers all of Karachi's districts. Longest prefix wins (543 Chakwal before 54 Jhelum).
//
// Coordinates: a report's latitude and longitude (CyberTipline `estimatedLocation`, Amaan's `location`) are NOT
// used for routing: the district list (seed/pakistan-districts.csv: district, province, division, population,
// area; /work/shared/data the same) holds no coordinates or boundaries, and none are invented here. The routing
// detail says when a report gave coordinates that could not be used.
export const AREA_CODES_VERIFIED = false;
export const AREA_CODES_SOURCE = 'PTCL fixed-line area codes as commonly published; not checked against PTA\'s numbering plan';

export const landlineAreaCodes: Readonly<Record<string, string>> = {
  '21': 'Karachi South', '22': 'Hyderabad', '232': 'Tharparkar', '233': 'Mirpur Khas', '235': 'Sanghar', '238': 'Umerkot',
  '242': 'Naushahro Feroze', '243': 'Khairpur', '244': 'Shaheed Benazirabad', '254': 'Dadu', '297': 'Badin', '298': 'Thatta',
  '71': 'Sukkur', '722': 'Jacobabad', '723': 'Ghotki', '726': 'Shikarpur', '74': 'Larkana',
  '40': 'Sahiwal', '41': 'Faisalabad', '42': 'Lahore', '44': 'Okara', '453': 'Bhakkar', '454': 'Khushab', '457': 'Pakpattan',
  '459': 'Mianwali', '46': 'Toba Tek Singh', '47': 'Jhang', '48': 'Sargodha', '49': 'Kasur',
  '51': 'Islamabad', '52': 'Sialkot', '53': 'Gujrat', '54': 'Jhelum', '542': 'Narowal', '543': 'Chakwal', '546': 'Mandi Bahauddin',
  '547': 'Hafizabad', '55': 'Gujranwala', '56': 'Sheikhupura', '57': 'Attock',
  '61': 'Multan', '62': 'Bahawalpur', '63': 'Bahawalnagar', '64': 'Dera Ghazi Khan', '604': 'Rajanpur', '606': 'Layyah',
  '608': 'Lodhran', '65': 'Khanewal', '66': 'Muzaffargarh', '67': 'Vehari', '68': 'Rahim Yar Khan',
  '81': 'Quetta', '822': 'Zhob', '824': 'Loralai', '833': 'Sibi', '848': 'Khuzdar', '852': 'Kech', '86': 'Gwadar',
  '91': 'Peshawar', '922': 'Kohat', '923': 'Nowshera', '928': 'Bannu', '937': 'Mardan', '938': 'Swabi', '946': 'Swat',
  '966': 'Dera Ismail Khan', '992': 'Abbottabad', '995': 'Haripur', '997': 'Mansehra',
  '5811': 'Gilgit', '5815': 'Skardu', '5822': 'Muzaffarabad', '5827': 'Mirpur',
};

/** Cities whose name is not their district's. */
const cityDistricts: Readonly<Record<string, string>> = {
  karachi: 'Karachi South', nawabshah: 'Shaheed Benazirabad', turbat: 'Kech', mingora: 'Swat', 'd.i. khan': 'Dera Ismail Khan', 'di khan': 'Dera Ismail Khan',
  'd.g. khan': 'Dera Ghazi Khan', 'dg khan': 'Dera Ghazi Khan', 'rahimyar khan': 'Rahim Yar Khan', mirpurkhas: 'Mirpur Khas', 'mandi bahaudin': 'Mandi Bahauddin',
  'kot adu': 'Kot Addu', 'alipur': 'Muzaffargarh', 'jatoi': 'Muzaffargarh', rawalpindi: 'Rawalpindi', 'islamabad capital territory': 'Islamabad',
};

/** The district of a Pakistani landline in E.164 (+92...), or null (a mobile, 3XX, names no place). */
export function districtOfLandline(e164: string): { district: string; areaCode: string } | null {
  if (!/^\+92\d{8,11}$/.test(e164)) return null;
  const national = e164.slice(3);
  if (national.startsWith('3')) return null;
  for (let len = 4; len >= 2; len--) {
    const code = national.slice(0, len);
    const district = landlineAreaCodes[code];
    if (district) return { district, areaCode: code };
  }
  return null;
}

export interface RoutingInput {
  district?: string | undefined;
  city?: string | undefined;
  province?: string | undefined;
  /** E.164 numbers the report ties to the place or the reported persons, in the order to try. */
  phones: string[];
  /** Coordinates given by the report: recorded in the detail, not used (no district coordinates are held). */
  latitude?: number | undefined;
  longitude?: number | undefined;
}

export interface Routing {
  branchId: number | null;
  method: 'district' | 'city' | 'area_code' | 'none';
  detail: string;
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Where the tip goes, given the branches by district name. Pure: the caller reads the branches once. */
export function routeTip(input: RoutingInput, branchesByDistrict: ReadonlyMap<string, number>): Routing {
  const byName = (name: string | undefined): { id: number; district: string } | null => {
    if (!name) return null;
    const folded = fold(name).replace(/ (district|city)$/, '');
    const district = cityDistricts[folded] ?? folded;
    const id = branchesByDistrict.get(fold(district));
    return id === undefined ? null : { id, district };
  };
  const coords = typeof input.latitude === 'number' && typeof input.longitude === 'number'
    ? `; coordinates ${input.latitude}, ${input.longitude} given but not used (no district coordinates held)`
    : '';
  const d = byName(input.district);
  if (d) return { branchId: d.id, method: 'district', detail: `district named in the report: ${input.district}${coords}` };
  const c = byName(input.city);
  if (c) return { branchId: c.id, method: 'city', detail: `place named in the report: ${input.city}${coords}` };
  for (const phone of input.phones) {
    const hit = districtOfLandline(phone);
    if (!hit) continue;
    const id = branchesByDistrict.get(fold(hit.district));
    if (id !== undefined) {
      const table = AREA_CODES_VERIFIED ? '' : ' from an unverified area-code table';
      return { branchId: id, method: 'area_code', detail: `landline ${phone}: area code 0${hit.areaCode} (${hit.district}${table}); a hint, not proof of location: confirm${coords}` };
    }
  }
  return { branchId: null, method: 'none', detail: `no district, place or landline area code in the report: for an analyst to route${coords}` };
}
