import { describe, expect, it } from 'vitest';
import { ResolutionIndex } from './resolution-index.ts';
import { prepareRecord, type ResolutionRecord } from './record.ts';
import { nearSkeletons, scoreAtLeast, scoreOnly, scorePair } from './score.ts';
import { generateResolutionSet } from '../../../bench/resolution-data.ts';

/** An index of many unrelated people, so that frequencies are those of a realistic population. */
function population(extra: ResolutionRecord[] = []): ResolutionIndex {
  const index = new ResolutionIndex();
  const given = ['Ali', 'Asif', 'Imran', 'Bilal', 'Tariq', 'Kashif', 'Naveed', 'Usman', 'Hamza', 'Faisal'];
  for (let i = 0; i < 400; i++) {
    const names = [`${i % 3 === 0 ? '' : 'Muhammad '}${given[i % given.length]} Khan${i % 7}`];
    index.add({ id: `pop${i}`, names, dateOfBirth: String(1950 + (i % 50)) });
  }
  for (const r of extra) index.add(r);
  return index;
}

const score = (index: ResolutionIndex, a: ResolutionRecord, b: ResolutionRecord) => scorePair(prepareRecord(a), prepareRecord(b), index, true);

describe('scoring', () => {
  it('explains the score field by field; the score is the sum of the weights', () => {
    const index = population();
    const s = score(index,
      { id: 'a', names: ['Mohd Asif Malik'], cnic: '35202-1234567-1', phones: ['0300-1234567'], dateOfBirth: '1987-01-01', district: 'Lahore' },
      { id: 'b', names: ['محمد آصف'], cnic: '3520212345671', phones: ['+92 300 1234567'], dateOfBirth: '1987', district: 'لاہور' });
    const fields = s.reasons.map((r) => r.field);
    expect(fields).toEqual(['prior', 'name', 'cnic', 'phone', 'dateOfBirth', 'district']);
    expect(s.score).toBeCloseTo(s.reasons.reduce((t, r) => t + r.weight, 0), 5);
    const name = s.reasons.find((r) => r.field === 'name')!;
    expect(name.detail).toContain('Mohd Asif Malik ~ محمد آصف');
    expect(name.detail).toContain('titles set aside: Malik');
    expect(s.reasons.find((r) => r.field === 'cnic')!.detail).toBe('same CNIC 35202-1234567-1');
    expect(s.reasons.find((r) => r.field === 'dateOfBirth')!.detail).toMatch(/same year only/);
    expect(s.score).toBeGreaterThan(10);
  });

  it('weighs a common name less than a rare one', () => {
    const index = population();
    const common = score(index, { id: 'a', names: ['Muhammad Ali'] }, { id: 'b', names: ['محمد علی'] });
    const rare = score(index, { id: 'a', names: ['Zarghoon Tareen'] }, { id: 'b', names: ['زرغون ترین'] });
    const w = (s: typeof common) => s.reasons.find((r) => r.field === 'name')!.weight;
    expect(w(rare)).toBeGreaterThan(w(common) + 8);
    // "Muhammad" alone says almost nothing
    const m = score(index, { id: 'a', names: ['Muhammad Zubair'] }, { id: 'b', names: ['Muhammad Sarfraz'] });
    expect(w(m)).toBeLessThan(0);
  });

  it('treats a 1 January or year-only birth date as weak, a full date as strong, a generation apart as a conflict', () => {
    const index = population();
    const dob = (x: string, y: string) => score(index, { id: 'a', names: ['Kamran Niazi'], dateOfBirth: x }, { id: 'b', names: ['Kamran Niazi'], dateOfBirth: y })
      .reasons.find((r) => r.field === 'dateOfBirth');
    const full = dob('1987-03-14', '14/03/1987')!;
    const placeholder = dob('1987-01-01', '1987-01-01')!;
    const year = dob('1987', '1987-06-02')!;
    expect(placeholder.detail).toContain('1 January placeholder');
    expect(year.detail).toContain('year only');
    expect(full.weight).toBeGreaterThan(placeholder.weight + 5);
    expect(dob('1987-03-14', '1987-14-03'.replace('14-03', '03-14'))!.weight).toBeGreaterThan(0);
    expect(dob('1960-05-01', '1988-02-11')!.weight).toBeLessThanOrEqual(-10);
  });

  it('counts a different CNIC strongly against, a one-digit slip not', () => {
    const index = population();
    const c = (x: string, y: string) => score(index, { id: 'a', names: ['Kamran Niazi'], cnic: x }, { id: 'b', names: ['Kamran Niazi'], cnic: y }).reasons.find((r) => r.field === 'cnic')!;
    expect(c('35202-1234567-1', '61101-7654321-3').weight).toBeLessThan(-5);
    expect(c('35202-1234567-1', '35202-1234568-1').weight).toBeGreaterThan(0);
  });

  it('halves a shared phone when the given names conflict (a family phone), and weighs a phone on many records less', () => {
    const index = population([
      { id: 'f', names: ['Tariq Zupol'], phones: ['0300-7654321'] },
      { id: 's', names: ['Bilal Zupol'], phones: ['0300-7654321'] },
    ]);
    const fam = score(index, { id: 'f', names: ['Tariq Zupol'], phones: ['0300-7654321'] }, { id: 's', names: ['Bilal Zupol'], phones: ['0300-7654321'] });
    expect(fam.reasons.find((r) => r.field === 'phone')!.detail).toMatch(/names conflict/);
    expect(fam.score).toBeLessThan(0);
  });

  it('matches names in any order and with typing slips', () => {
    const index = population();
    const s = score(index, { id: 'a', names: ['Tareen Zarghoon'] }, { id: 'b', names: ['Zarghun Tareen'] });
    expect(s.reasons.find((r) => r.field === 'name')!.weight).toBeGreaterThan(15);
    expect(nearSkeletons('ldt', 'ltd')).toBe(false); // too short to call a slip
    expect(nearSkeletons('zrGnd', 'zrGdn')).toBe(true);
    expect(nearSkeletons('zrGnd', 'zrGnd'.slice(0, 4))).toBe(true);
  });
});

describe('scoreOnly, the fast path of a batch', () => {
  it('gives exactly the score of scorePair on pairs of generated data', () => {
    const set = generateResolutionSet(3, 400);
    const index = new ResolutionIndex();
    for (const r of set.records) index.add(r);
    let compared = 0;
    for (let i = 0; i < index.size; i++) {
      for (let j = i % 5; j < i; j += 5) {
        const a = index.at(j)!, b = index.at(i)!;
        expect(scoreOnly(a, b, index)).toBe(scorePair(a, b, index, true).score);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10000);
  });

  it('scoreAtLeast drops only pairs scoring below the threshold, and gives the exact score of the others', () => {
    const set = generateResolutionSet(4, 400);
    const index = new ResolutionIndex();
    for (const r of set.records) index.add(r);
    let wrong = 0, dropped = 0, kept = 0;
    for (const threshold of [-10, 0, 2, 6]) {
      for (let i = 0; i < index.size; i++) {
        for (let j = i % 3; j < i; j += 3) {
          const a = index.at(j)!, b = index.at(i)!;
          const exact = scoreOnly(a, b, index), s = scoreAtLeast(a, b, index, threshold);
          if (s === -Infinity) { dropped++; if (exact >= threshold) wrong++; } else { kept++; if (s !== exact) wrong++; }
        }
      }
    }
    expect(wrong).toBe(0);
    expect(dropped).toBeGreaterThan(kept);
  });
});

describe('score: the father\'s name', () => {
  it('counts fathers\' names that agree across scripts, counts different fathers against, and weighs a shared family name once', () => {
    const freq = { records: 1000, tokenRecords: () => 5, identifierRecords: () => 0, datedRecords: () => 0, birthYearRecords: () => 0, districtedRecords: () => 0, districtRecords: () => 0 };
    const base = { id: 'a', names: ['Muhammad Ali Jozaqat s/o Akbar Jozaqat'] };
    const same = scorePair(prepareRecord(base), prepareRecord({ id: 'b', names: ['محمد علی جوزاقت ولد اکبر'] }), freq, true);
    const other = scorePair(prepareRecord(base), prepareRecord({ id: 'c', names: ['محمد علی جوزاقت ولد نوید'] }), freq, true);
    const none = scorePair(prepareRecord(base), prepareRecord({ id: 'd', names: ['محمد علی جوزاقت'] }), freq, true);
    const f = (s: typeof same): number | undefined => s.reasons.find((r) => r.field === 'father')?.weight;
    expect(f(same)).toBeGreaterThan(3);
    expect(f(other)).toBeLessThan(0);
    expect(f(none)).toBeUndefined();
    expect(same.score).toBeGreaterThan(none.score);
    expect(none.score).toBeGreaterThan(other.score);
    // Jozaqat is the son's own family name: the father part compared is Akbar alone
    expect(prepareRecord(base).fathers[0]!.tokens.map((t) => t.key)).toEqual(['akbar']);
    expect(scoreOnly(prepareRecord(base), prepareRecord({ id: 'b', names: ['محمد علی جوزاقت ولد اکبر'] }), freq)).toBe(same.score);
  });
});
