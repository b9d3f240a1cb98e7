import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREA_CODES_VERIFIED, districtOfLandline, landlineAreaCodes, routeTip } from './tip.routing.ts';

// What can be checked of the routing tables from the project's own reference data: every district the area codes
// and the city names point to is a district of seed/pakistan-districts.csv (else a tip would silently go nowhere),
// codes do not shadow each other wrongly, and the table says it is unverified wherever it is used.
const districts = readFileSync(new URL('../../../seed/pakistan-districts.csv', import.meta.url), 'utf8').split('\n').slice(1).filter(Boolean)
  .map((l) => l.split(',')[0]!.trim());
const header = readFileSync(new URL('../../../seed/pakistan-districts.csv', import.meta.url), 'utf8').split('\n')[0]!;
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
    expect(districtOfLandline('+92543123456')).toEqual({ district: 'Chakwal', areaCode: '543' });
    expect(districtOfLandline('+92541234567')).toEqual({ district: 'Jhelum', areaCode: '54' });
    expect(districtOfLandline('+923017654321')).toBeNull();
    expect(districtOfLandline('+441234567890')).toBeNull();
  });

  it('is marked unverified, and a routing by area code says so', () => {
    expect(AREA_CODES_VERIFIED).toBe(false);
    const r = routeTip({ phones: ['+92662345678'] }, branches);
    expect(r).toMatchObject({ branchId: branches.get('muzaffargarh'), method: 'area_code' });
    expect(r.detail).toContain('unverified area-code table');
    expect(r.detail).toContain('not proof of location');
  });

  it('does not route by coordinates: the district list holds none, and the detail says they were not used', () => {
    expect(header.toLowerCase().split(',').filter((c) => /^(lat|latitude|lon|lng|longitude|centroid|geometry|x|y)$/.test(c))).toEqual([]);
    const r = routeTip({ phones: [], latitude: 30.07, longitude: 71.19 }, branches);
    expect(r).toMatchObject({ branchId: null, method: 'none' });
    expect(r.detail).toContain('coordinates 30.07, 71.19 given but not used');
    const named = routeTip({ district: 'Lahore', phones: [], latitude: 1, longitude: 2 }, branches);
    expect(named).toMatchObject({ branchId: branches.get('lahore'), method: 'district' });
  });

  it('routes a named district before a city and a city before an area code', () => {
    expect(routeTip({ district: 'Multan District', city: 'Lahore', phones: ['+92662345678'] }, branches)).toMatchObject({ branchId: branches.get('multan'), method: 'district' });
    expect(routeTip({ city: 'Nawabshah', phones: ['+92662345678'] }, branches)).toMatchObject({ branchId: branches.get('shaheed benazirabad'), method: 'city' });
  });
});
