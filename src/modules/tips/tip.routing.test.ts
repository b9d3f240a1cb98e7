import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREA_CODES_VERIFIED, areaCodeSources, districtOfLandline, landlineAreaCodes, MAP_SOURCE, routeTip } from './tip.routing.ts';

// What can be checked of the routing tables from the project's own reference data: every district the area codes
// and the city names point to is a district of seed/pakistan-districts.csv (else a tip would silently go nowhere),
// codes do not shadow each other wrongly, and the table says it is unverified wherever it is used. Coordinates are
// placed on the real district outlines (the dashboard map from npm, georeferenced: district-shapes.ts).
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

  it('routes by coordinates well inside a district when no district is named, before a place name and an area code, and says so', () => {
    const gilgit = { latitude: 35.9208, longitude: 74.3144 }; // Gilgit town: farther than the margin from any border of the map
    const r = routeTip({ phones: ['+92662345678'], city: 'Multan', ...gilgit }, branches);
    expect(r).toMatchObject({ branchId: branches.get('gilgit'), method: 'coordinates' });
    expect(r.detail).toContain(`coordinates 35.9208, 74.3144 lie in Gilgit (${MAP_SOURCE})`);
    expect(r.detail).not.toContain('near a border');
    expect(r.detail).toContain('place named in the report: Multan, in another district: they disagree, confirm');
    // A named district still comes first; the coordinates are weighed against it in the detail.
    const named = routeTip({ district: 'Multan', phones: [], ...gilgit }, branches);
    expect(named).toMatchObject({ branchId: branches.get('multan'), method: 'district' });
    expect(named.detail).toContain('lie in Gilgit: they disagree, confirm');
    expect(routeTip({ district: 'Gilgit', phones: [], ...gilgit }, branches).detail).toContain('lie in Gilgit, which agrees');
    // A newer district inside an older outline (Tump in Kech's): routed to the outline's district, the newer named.
    const turbat = routeTip({ phones: [], latitude: 26.0031, longitude: 63.0544 }, branches);
    expect(turbat).toMatchObject({ branchId: branches.get('kech'), method: 'coordinates' });
    expect(turbat.detail).toContain('also holds Tump: confirm which branch');
  });

  it('treats coordinates near a border as weaker evidence: they route only with agreeing evidence, or alone and flagged', () => {
    const mall = { latitude: 31.5204, longitude: 74.3587 }; // the Mall, Lahore: a few km from Sheikhupura's outline
    const alone = routeTip({ phones: [], ...mall }, branches);
    expect(alone).toMatchObject({ branchId: branches.get('lahore'), method: 'coordinates' });
    expect(alone.detail).toMatch(/lie in Lahore \(.*\), [\d.]+ km from the edge of its outline \(near Sheikhupura [\d.]+ km\): near a border, where the map's borders may be off by up to about \d+ km/);
    expect(alone.detail).toContain('nothing else in the report to weigh them against: confirm');
    // A place named that agrees: the coordinates route, without the "nothing else" warning.
    const agreeing = routeTip({ city: 'Lahore', phones: [], ...mall }, branches);
    expect(agreeing).toMatchObject({ branchId: branches.get('lahore'), method: 'coordinates' });
    expect(agreeing.detail).toContain('place named in the report: Lahore, which agrees');
    expect(agreeing.detail).not.toContain('nothing else');
    // A landline of the same district agrees too.
    const line = routeTip({ phones: ['+924235761234'], ...mall }, branches);
    expect(line).toMatchObject({ branchId: branches.get('lahore'), method: 'coordinates' });
    expect(line.detail).toContain('landline area code 042 (Lahore) agrees');
    // The district across the border, named: it routes, and the coordinates are said to be consistent with it.
    const across = routeTip({ city: 'Sheikhupura', phones: [], ...mall }, branches);
    expect(across).toMatchObject({ branchId: branches.get('sheikhupura'), method: 'city' });
    expect(across.detail).toContain('lie in Lahore, across a border within the map\'s error of Sheikhupura: consistent, confirm');
    // Another district altogether, named or by a landline: that evidence routes; the coordinates disagree.
    const other = routeTip({ city: 'Multan', phones: [], ...mall }, branches);
    expect(other).toMatchObject({ branchId: branches.get('multan'), method: 'city' });
    expect(other.detail).toContain('lie in Lahore: they disagree, confirm');
    expect(other.detail).toContain('near a border');
    expect(routeTip({ phones: ['+92662345678'], ...mall }, branches)).toMatchObject({ branchId: branches.get('muzaffargarh'), method: 'area_code' });
    // Far from a border, the same disagreeing place does not outweigh the coordinates (see the test above).
    // Hyderabad's city centre, which the coarse map draws just across the Indus in Jamshoro: the city named routes.
    const hyderabad = routeTip({ city: 'Hyderabad', phones: [], latitude: 25.396, longitude: 68.3578 }, branches);
    expect(hyderabad).toMatchObject({ branchId: branches.get('hyderabad'), method: 'city' });
    expect(hyderabad.detail).toContain('consistent, confirm');
  });

  it('says a platform\'s estimated location is an estimate, and names the newer districts inside an outline', () => {
    const r = routeTip({ phones: [], latitude: 30.0736, longitude: 71.1805, coordinatesSource: 'estimated' }, branches);
    expect(r).toMatchObject({ branchId: branches.get('muzaffargarh'), method: 'coordinates' });
    expect(r.detail).toContain('the platform\'s estimated location, usually from an IP address');
    expect(r.detail).toContain('an estimate, not proof of location: confirm');
    expect(r.detail).toContain('also holds Kot Addu');
    // A report naming the newer district agrees with a point inside the older outline.
    expect(routeTip({ district: 'Kot Addu', phones: [], latitude: 30.0736, longitude: 71.1805 }, branches).detail).toContain('which agrees');
  });

  it('does not route by an outline the map draws for several districts, but lets a place named agree with it', () => {
    const point = { latitude: 24.9056, longitude: 67.0822 }; // Gulshan-e-Iqbal, Karachi
    const alone = routeTip({ phones: [], ...point }, branches);
    expect(alone).toMatchObject({ branchId: null, method: 'none' });
    expect(alone.detail).toContain('lie in Karachi as the map draws it (one outline for Karachi Central, Karachi East, Karachi South, Karachi West, Keamari, Korangi, Malir');
    const named = routeTip({ city: 'Karachi', phones: [], ...point }, branches);
    expect(named).toMatchObject({ branchId: branches.get('karachi south'), method: 'city' });
    expect(named.detail).toContain('which agrees');
  });

  it('does not route by coordinates at sea, abroad or in whole degrees, and says why', () => {
    const sea = routeTip({ phones: [], latitude: 24.2, longitude: 66.6 }, branches);
    expect(sea).toMatchObject({ branchId: null, method: 'none' });
    expect(sea.detail).toContain('coordinates 24.2, 66.6 lie outside every district of Pakistan as the map draws it (abroad or at sea): not used');
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
    const r = routeTip({ phones: [], latitude: 35.9208, longitude: 74.3144 }, only);
    expect(r).toMatchObject({ branchId: null, method: 'none' });
    expect(r.detail).toContain('lie in Gilgit, which has no branch');
    // The lookup is the caller's to give (a stub here): routing is a pure function of its inputs.
    const stub = routeTip({ phones: [], latitude: 1.5, longitude: 2.5 }, only, () => ({ district: 'Multan', mapName: 'Multan', province: 'Punjab', covers: [] }));
    expect(stub).toMatchObject({ branchId: 1, method: 'coordinates' });
  });

  it('routes a named district before a city and a city before an area code', () => {
    expect(routeTip({ district: 'Multan District', city: 'Lahore', phones: ['+92662345678'] }, branches)).toMatchObject({ branchId: branches.get('multan'), method: 'district' });
    expect(routeTip({ city: 'Nawabshah', phones: ['+92662345678'] }, branches)).toMatchObject({ branchId: branches.get('shaheed benazirabad'), method: 'city' });
  });
});
