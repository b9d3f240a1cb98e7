import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREA_CODES_VERIFIED, areaCodeSources, districtOfLandline, landlineAreaCodes, routeTip } from './tip.routing.ts';

// What can be checked of the routing tables from the project's own reference data: every district the area codes
// and the city names point to is a district of seed/pakistan-districts.csv (else a tip would silently go nowhere),
// codes do not shadow each other wrongly, and the table says it is unverified wherever it is used. Coordinates are
// placed by the held boundaries (seed/district-shapes.json, real file).
const districts = readFileSync(new URL('../../../seed/pakistan-districts.csv', import.meta.url), 'utf8').split('\n').slice(1).filter(Boolean)
  .map((l) => l.split(',')[0]!.trim());
const branches = new Map(districts.map((d, i) => [d.toLowerCase(), i + 1]));

describe('tip routing tables', () => {
  it('names only districts of the district list', () => {
    const unknown = Object.entries(landlineAreaCodes).filter(([, d]) => !branches.has(d.toLowerCase()));
    expect(unknown).toEqual([]);
  });

  it('has well-formed codes: 2 to 4 digits, never starting with 0 or 3 (mobiles)', () => {
    for (const code of Object.keys(landlineAreaCodes)) expect(code).toMatch(/^[124-9]\d{1,3}$/);
  });

  it('reads the longest code first and names no place for mobiles or foreign numbers', () => {
    expect(districtOfLandline('+92543123456')).toMatchObject({ district: 'Chakwal', areaCode: '543', confirmed: true });
    expect(districtOfLandline('+92544123456')).toMatchObject({ district: 'Jhelum', areaCode: '544' });
    expect(districtOfLandline('+92541234567')).toBeNull(); // 054 alone names no place: 054x are five districts
    expect(districtOfLandline('+92254123456')).toMatchObject({ district: 'Dadu', areaCode: '25' });
    expect(districtOfLandline('+923017654321')).toBeNull();
    expect(districtOfLandline('+441234567890')).toBeNull();
  });

  it('is marked unverified, and a routing by area code says so', () => {
    expect(AREA_CODES_VERIFIED).toBe(false);
    const r = routeTip({ phones: ['+92662345678'] }, branches);
    expect(r).toMatchObject({ branchId: branches.get('muzaffargarh'), method: 'area_code' });
    expect(r.detail).toContain('confirmed by libphonenumber\'s geocoding data ("Muzaffargarh")');
    expect(r.detail).toContain('not checked against PTA\'s numbering plan');
    expect(r.detail).toContain('not proof of location');
  });

  it('records each code\'s source, and which are confirmed: a confirmed code\'s source names its district', () => {
    expect(Object.keys(areaCodeSources).sort()).toEqual(Object.keys(landlineAreaCodes).sort());
    // Former names and spellings of the sources for the table's districts (the only names not matched as spelt).
    const aliases: Record<string, string> = {
      'naushero feroze': 'naushahro feroze', nawabshah: 'shaheed benazirabad', musakhel: 'musa khel', bolan: 'kachhi (bolan)',
      chitral: 'lower chitral', 'd.i. khan': 'dera ismail khan', abottabad: 'abbottabad', 'k.abdullah': 'killa abdullah',
      'kurram agency': 'kurram', 'bajaur agency': 'bajaur', 'khyber': 'khyber', karachi: 'karachi south',
    };
    const unconfirmed: string[] = [];
    for (const [code, district] of Object.entries(landlineAreaCodes)) {
      const src = areaCodeSources[code]!;
      if (!src.confirmed) {
        unconfirmed.push(code);
        continue;
      }
      const named = src.libphonenumber.split('/').map((n) => n.trim().toLowerCase().replace(/ agy$/, '')).map((n) => aliases[n] ?? n);
      expect(named, `0${code}`).toContain(district.toLowerCase());
    }
    expect(unconfirmed.sort()).toEqual(['5811', '5815', '5822', '5827']); // Gilgit-Baltistan and AJK
    expect(districtOfLandline('+92581512345')).toMatchObject({ district: 'Skardu', confirmed: false, source: 'AJK/FATA' });
  });

  it('routes by an unconfirmed code only when no confirmed one routes, and says it is weak evidence', () => {
    const skardu = '+92581512345';
    const muzaffargarh = '+92662345678';
    const weak = routeTip({ phones: [skardu] }, branches);
    expect(weak).toMatchObject({ branchId: branches.get('skardu'), method: 'area_code' });
    expect(weak.detail).toContain('UNCONFIRMED');
    expect(weak.detail).toContain('weak evidence');
    const both = routeTip({ phones: [skardu, muzaffargarh] }, branches);
    expect(both).toMatchObject({ branchId: branches.get('muzaffargarh'), method: 'area_code' });
    expect(both.detail).not.toContain('UNCONFIRMED');
  });

  it('routes by coordinates when no district is named, before a place name and an area code, and says so', () => {
    const lahore = { latitude: 31.5204, longitude: 74.3587 };
    const r = routeTip({ phones: ['+92662345678'], city: 'Multan', ...lahore }, branches);
    expect(r).toMatchObject({ branchId: branches.get('lahore'), method: 'coordinates' });
    expect(r.detail).toContain('coordinates 31.5204, 74.3587 lie in Lahore (district boundaries © OpenStreetMap contributors)');
    expect(r.detail).toContain('place named in the report: Multan, in another district: they disagree, confirm');
    // A named district still comes first; the coordinates are weighed against it in the detail.
    const named = routeTip({ district: 'Multan', phones: [], ...lahore }, branches);
    expect(named).toMatchObject({ branchId: branches.get('multan'), method: 'district' });
    expect(named.detail).toContain('lie in Lahore: they disagree, confirm');
    expect(routeTip({ district: 'Lahore', phones: [], ...lahore }, branches).detail).toContain('lie in Lahore, which agrees');
    // Karachi is seven districts: a point in any of them agrees with the city's name.
    const karachi = routeTip({ city: 'Karachi', phones: [], latitude: 24.9056, longitude: 67.0822 }, branches);
    expect(karachi).toMatchObject({ branchId: branches.get('karachi east'), method: 'coordinates' });
    expect(karachi.detail).toContain('place named in the report: Karachi, which agrees');
  });

  it('says a platform\'s estimated location is an estimate, and names the newer districts inside a 2023 boundary', () => {
    const r = routeTip({ phones: [], latitude: 30.0736, longitude: 71.1805, coordinatesSource: 'estimated' }, branches);
    expect(r).toMatchObject({ branchId: branches.get('muzaffargarh'), method: 'coordinates' });
    expect(r.detail).toContain('the platform\'s estimated location, usually from an IP address');
    expect(r.detail).toContain('an estimate, not proof of location: confirm');
    expect(r.detail).toContain('also holds Kot Addu');
    // A report naming the newer district agrees with a point inside the older boundary.
    expect(routeTip({ district: 'Kot Addu', phones: [], latitude: 30.0736, longitude: 71.1805 }, branches).detail).toContain('which agrees');
  });

  it('does not route by coordinates at sea, abroad or in whole degrees, and says why', () => {
    const sea = routeTip({ phones: [], latitude: 24.2, longitude: 66.6 }, branches);
    expect(sea).toMatchObject({ branchId: null, method: 'none' });
    expect(sea.detail).toContain('coordinates 24.2, 66.6 lie outside every district of Pakistan (abroad or at sea): not used');
    const kabul = routeTip({ phones: ['+92662345678'], latitude: 34.5553, longitude: 69.2075 }, branches);
    expect(kabul).toMatchObject({ branchId: branches.get('muzaffargarh'), method: 'area_code' });
    expect(kabul.detail).toContain('lie outside every district of Pakistan');
    // 30, 70 is in Pakistan, but whole degrees are what IP geolocation gives when it knows only the country.
    const coarse = routeTip({ city: 'Nawabshah', phones: [], latitude: 30, longitude: 70 }, branches);
    expect(coarse).toMatchObject({ branchId: branches.get('shaheed benazirabad'), method: 'city' });
    expect(coarse.detail).toContain('are in whole degrees');
  });

  it('does not route to a district that has no branch, and says where the point lies', () => {
    const only = new Map([['multan', 1]]);
    const r = routeTip({ phones: [], latitude: 31.5204, longitude: 74.3587 }, only);
    expect(r).toMatchObject({ branchId: null, method: 'none' });
    expect(r.detail).toContain('lie in Lahore, which has no branch');
    // The lookup is the caller's to give (a stub here): routing is a pure function of its inputs.
    const stub = routeTip({ phones: [], latitude: 1.5, longitude: 2.5 }, only, () => ({ district: 'Multan', province: 'Punjab', covers: [] }));
    expect(stub).toMatchObject({ branchId: 1, method: 'coordinates' });
  });

  it('routes a named district before a city and a city before an area code', () => {
    expect(routeTip({ district: 'Multan District', city: 'Lahore', phones: ['+92662345678'] }, branches)).toMatchObject({ branchId: branches.get('multan'), method: 'district' });
    expect(routeTip({ city: 'Nawabshah', phones: ['+92662345678'] }, branches)).toMatchObject({ branchId: branches.get('shaheed benazirabad'), method: 'city' });
  });
});
