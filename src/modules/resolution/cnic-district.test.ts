import { describe, expect, it } from 'vitest';
import { ResolutionIndex } from './resolution-index.ts';
import type { ResolutionRecord } from './record.ts';
import { scoreAtLeast, scoreOnly, scorePair } from './score.ts';

// Records that give both a CNIC and a district teach the index which district a CNIC prefix stands for.
function teacher(i: number, prefix: string, district: string): ResolutionRecord {
  return { id: `t${prefix}-${i}`, names: [`Teacher${i} Person`], cnic: `${prefix}-${String(1000000 + i)}-1`, district };
}

function indexWith(teachers: ResolutionRecord[], pair: ResolutionRecord[]): ResolutionIndex {
  const index = new ResolutionIndex();
  for (const r of [...teachers, ...pair]) index.add(r);
  // more districted records so that one district is not most of the data
  for (let i = 0; i < 40; i++) index.add({ id: `o${i}`, names: [`Other${i} Someone`], district: ['Lahore', 'Multan', 'Okara', 'Sahiwal'][i % 4]! });
  return index;
}

const withCnic: ResolutionRecord = { id: 'a', names: ['Nadeem Gujjar'], cnic: '32303-7654321-1' };
const withDistrict: ResolutionRecord = { id: 'b', names: ['گجر ندیم'], district: 'مظفرگڑھ' };

function districtReason(index: ResolutionIndex, a: string, b: string) {
  const pa = index.at(index.positionOf(a)!)!, pb = index.at(index.positionOf(b)!)!;
  const s = scorePair(pa, pb, index, true);
  // the three ways of scoring agree
  expect(scoreOnly(pa, pb, index)).toBe(s.score);
  expect(scoreAtLeast(pa, pb, index, s.score)).toBe(s.score);
  return { score: s.score, reason: s.reasons.find((r) => r.field === 'district') };
}

describe('district read out of a CNIC', () => {
  const five = Array.from({ length: 5 }, (_, i) => teacher(i, '32303', i < 4 ? 'Muzaffargarh' : 'Multan'));

  it('learns the prefix from records with both, and weighs it against the other record\'s district, explained', () => {
    const index = indexWith(five, [withCnic, withDistrict]);
    expect(index.cnicDistrict('32303')).toMatchObject({ records: 5, share: 0.8, name: 'Muzaffargarh' });
    const { reason } = districtReason(index, 'a', 'b');
    expect(reason).toBeDefined();
    expect(reason!.weight).toBeGreaterThan(1);
    expect(reason!.detail).toMatch(/read from CNIC 32303-7654321-1/);
    expect(reason!.detail).toMatch(/80% of the 5 records/);
  });

  it('counts against when the CNIC\'s district is another', () => {
    const index = indexWith(five, [withCnic, { ...withDistrict, district: 'Okara' }]);
    const { reason } = districtReason(index, 'a', 'b');
    expect(reason!.weight).toBeLessThan(0);
    expect(reason!.detail).toMatch(/^different district/);
  });

  it('says nothing from a prefix too few records give with a district, or with no clear district', () => {
    const index = indexWith(five.slice(0, 4), [withCnic, withDistrict]);
    expect(index.cnicDistrict('32303')).toBeNull();
    expect(districtReason(index, 'a', 'b').reason).toBeUndefined();
    const split = Array.from({ length: 6 }, (_, i) => teacher(i, '32303', i % 2 ? 'Muzaffargarh' : 'Multan'));
    expect(indexWith(split, []).cnicDistrict('32303')).toBeNull();
  });

  it('is not used when both records give CNICs (the CNICs are compared) or both give districts', () => {
    const index = indexWith(five, [withCnic, { ...withDistrict, cnic: '35202-1111111-1' }, { id: 'c', names: ['Nadeem Gujjar'], cnic: '32303-7654321-1', district: 'Okara' }]);
    expect(districtReason(index, 'a', 'b').reason).toBeUndefined();
    expect(districtReason(index, 'c', 'b').reason!.detail).toMatch(/^different district \(Okara/);
  });

  it('forgets what removed records taught', () => {
    const index = indexWith(five, [withCnic, withDistrict]);
    expect(index.cnicDistrict('32303')).not.toBeNull();
    index.remove(five[0]!.id);
    expect(index.cnicDistrict('32303')).toBeNull();
  });
});
