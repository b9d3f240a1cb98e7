import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import pakistanDistricts from '@svg-maps/pakistan.districts';
import { colourClass, foldName, joinDistrictMap, type MapDistrict } from './district-map.rules.ts';

// The join of the map's outlines to the districts of seed/pakistan-districts.csv, on the real files.
const rows = parse(readFileSync(new URL('../../../seed/pakistan-districts.csv', import.meta.url)), { columns: true }) as Array<Record<string, string>>;
const districts: MapDistrict[] = rows.map((r, i) => ({ id: i + 1, name: r.district!, province: r.province!, parentDistrict: r.parent_district_2023 || null }));
const locations = pakistanDistricts.locations.map((l) => ({ id: l.id, name: l.name }));
const join = joinDistrictMap(locations, districts);
const idOf = (name: string) => districts.find((d) => d.name === name)!.id;

describe('district map join', () => {
  it('folds spelling: case, spaces, Muhammad/Mohammad', () => {
    expect(foldName('Tando Muhammad Khan')).toBe(foldName('Tando Mohammad Khan'));
    expect(foldName('Musakhel')).toBe(foldName('Musa Khel'));
    expect(foldName('Rahimyar Khan')).toBe(foldName('Rahim Yar Khan'));
    expect(foldName('Lahore')).not.toBe(foldName('Lodhran'));
  });

  it('draws a district by its own shape, by folded name or by a written alias', () => {
    expect(join.shapeOf.get(idOf('Muzaffargarh'))).toBe('muzaffargarh');
    expect(join.shapeOf.get(idOf('Lahore'))).toBe('lahore');
    expect(join.shapeOf.get(idOf('Musa Khel'))).toBe('musakhel');
    expect(join.shapeOf.get(idOf('Tando Mohammad Khan'))).toBe('tando-muhammad-khan');
    expect(join.shapeOf.get(idOf('Shaheed Benazirabad'))).toBe('nawabshah');
    expect(join.shapeOf.get(idOf('Kachhi (Bolan)'))).toBe('bolan');
    expect(join.shapeOf.get(idOf('Ghanche'))).toBe('ghanhce');
    expect(join.districtOf.get('lahore')).toBe(idOf('Lahore'));
  });

  it('lists every district the map lacks, with the shape it lies within', () => {
    const missing = new Map(join.missing.map((m) => [m.name, m.within]));
    // Karachi's seven districts, split Chitral and Kohistan, Hunza and Nagar: inside the former shape.
    expect(missing.get('Karachi East')).toBe('Karachi');
    expect(missing.get('Keamari')).toBe('Karachi');
    expect(missing.get('Upper Chitral')).toBe('Chitral');
    expect(missing.get('Lower Kohistan')).toBe('Kohistan');
    expect(missing.get('Nagar')).toBe('Hunza Nagar');
    // Districts notified after the map was drawn: within their parent's shape.
    expect(missing.get('Wazirabad')).toBe('Gujranwala');
    expect(missing.get('Murree')).toBe('Rawalpindi');
    expect(missing.get('Kot Addu')).toBe('Muzaffargarh');
    // No shape at all and no parent in the CSV.
    expect(missing.has('Surab')).toBe(true);
    expect(missing.has('Duki')).toBe(true);
    // Exactly the districts without a shape: every district is either drawn or listed, never both.
    expect(join.shapeOf.size + join.missing.length).toBe(districts.length);
    for (const m of join.missing) expect(join.shapeOf.has(m.districtId)).toBe(false);
    expect(missing.has('Lahore')).toBe(false);
  });

  it('never draws two districts with one shape, and names the shapes that draw none', () => {
    expect(new Set(join.shapeOf.values()).size).toBe(join.shapeOf.size);
    const without = join.shapesWithoutDistrict.map((s) => s.id);
    expect(without).toEqual(expect.arrayContaining(['karachi', 'chitral', 'kohistan', 'hunza-nagar', 'bannu-subdivision']));
    expect(join.districtOf.size + join.shapesWithoutDistrict.length).toBe(locations.length);
  });

  it('colours in five classes of the largest value; hidden values are not coloured', () => {
    expect(colourClass(null, 10)).toBeNull();
    expect(colourClass(0, 10)).toBe(0);
    expect(colourClass(1, 10)).toBe(1);
    expect(colourClass(10, 10)).toBe(5);
    expect(colourClass(6, 10)).toBe(3);
  });
});
