// The rules for real name variation added in session 9 (issue 9, cross-script recall): each test fails
// without its rule (checked against the code before it).
import { describe, expect, it } from 'vitest';
import { ResolutionIndex, blockKeys } from './resolution-index.ts';
import { districtKey, prepareRecord, type ResolutionRecord } from './record.ts';
import { parseName, slipApart, withinOneEdit } from './names.ts';
import { type Frequencies, compareNames, scoreOnly, scorePair } from './score.ts';

/** Counts of a population of 1,000 records where every name part is on 5 records. */
const freq: Frequencies = { records: 1000, tokenRecords: () => 5, identifierRecords: () => 0, datedRecords: () => 1000, birthYearRecords: () => 20, districtedRecords: () => 1000, districtRecords: () => 80 };
const nameReason = (a: ResolutionRecord, b: ResolutionRecord) => scorePair(prepareRecord(a), prepareRecord(b), freq, true).reasons.find((r) => r.field === 'name')!;
const both = (a: ResolutionRecord, b: ResolutionRecord): number => {
  const s = scorePair(prepareRecord(a), prepareRecord(b), freq, true);
  expect(scoreOnly(prepareRecord(a), prepareRecord(b), freq)).toBe(s.score); // the batch path agrees
  return s.score;
};

describe('districts written in two scripts, joined or apart, or by their short forms', () => {
  it('gives Faisalabad, Faisal Abad and فیصل آباد one key, and D.G. Khan that of Dera Ghazi Khan', () => {
    expect(districtKey('فیصل آباد')).toBe(districtKey('Faisalabad'));
    expect(districtKey('Faisal Abad')).toBe(districtKey('Faisalabad'));
    expect(districtKey('فیصل‌آباد')).toBe(districtKey('Faisalabad'));
    expect(districtKey('D.G. Khan')).toBe(districtKey('ڈیرہ غازی خان'));
    expect(districtKey('T.T. Singh')).toBe(districtKey('Toba Tek Singh'));
    expect(districtKey('اسلام آباد')).toBe(districtKey('Islamabad'));
    expect(districtKey('Faisalabad')).not.toBe(districtKey('Islamabad'));
    expect(districtKey('Lahore')).not.toBe(districtKey('Multan'));
  });
});

describe('blocking on the father\'s name', () => {
  it('compares "Asma d/o Faisal Osman" with "اسماء دختر فیصل عثمان" when the block of Asma alone is too large to use', () => {
    const index = new ResolutionIndex({ bucketCap: 5 });
    for (let i = 0; i < 20; i++) index.add({ id: `x${i}`, names: [`Asma Khan${i}`] });
    index.add({ id: 'a', names: ['Asma D/O Faisal Osman'] });
    expect(blockKeys(prepareRecord({ id: 'q', names: ['اسماء دختر فیصل عثمان'] })).some((k) => k.startsWith('f'))).toBe(true);
    const found = index.match({ id: 'q', names: ['اسماء دختر فیصل عثمان'] }, { threshold: -1000 });
    expect(found.map((s) => s.b)).toContain('a');
  });
});

describe('clan titles (Malik, Chaudhry, Syed...)', () => {
  it('weighs a clan title both names carry as agreement, in either script and spelling', () => {
    const withClan = nameReason({ id: 'a', names: ['Tanvir Malik'] }, { id: 'b', names: ['تنویر ملک'] });
    const without = nameReason({ id: 'a', names: ['Tanvir'] }, { id: 'b', names: ['تنویر'] });
    expect(withClan.weight).toBeGreaterThan(without.weight + 2);
    expect(withClan.detail).toContain('both titled malik');
    const ch = nameReason({ id: 'a', names: ['Ch. Tanvir'] }, { id: 'b', names: ['چوہدری تنویر'] });
    expect(ch.weight).toBeGreaterThan(without.weight + 2);
  });

  it('does not count a clan title one name lacks against it, nor a personal honorific as agreement', () => {
    const one = nameReason({ id: 'a', names: ['Malik Tanvir'] }, { id: 'b', names: ['تنویر'] });
    const none = nameReason({ id: 'a', names: ['Tanvir'] }, { id: 'b', names: ['تنویر'] });
    expect(one.weight).toBe(none.weight);
    const hafiz = nameReason({ id: 'a', names: ['Hafiz Tanvir'] }, { id: 'b', names: ['حافظ تنویر'] });
    expect(hafiz.weight).toBe(none.weight);
    expect(both({ id: 'a', names: ['Malik Tanvir'] }, { id: 'b', names: ['ملک تنویر'] })).toBeGreaterThan(both({ id: 'a', names: ['Tanvir'] }, { id: 'b', names: ['تنویر'] }));
  });

  it('leaves out of the father\'s name the clan the son\'s own name carries (weighed once)', () => {
    const p = prepareRecord({ id: 'a', names: ['Malik Tanvir s/o Malik Akbar'] });
    expect(p.fathers[0]!.clans).toEqual([]);
    expect(p.names[0]!.clans).toEqual(['~malik']);
  });
});

describe('typing slips and loose transliteration', () => {
  it('withinOneEdit: one change, drop, insertion or swap of neighbours', () => {
    expect(withinOneEdit('shoaib', 'seoaib')).toBe(true);
    expect(withinOneEdit('ayesha', 'ayeha')).toBe(true);
    expect(withinOneEdit('junaid', 'juanid')).toBe(true);
    expect(withinOneEdit('qasim', 'qaim')).toBe(true);
    expect(withinOneEdit('shoaib', 'shabana')).toBe(false);
    expect(withinOneEdit('ab', 'ba')).toBe(true);
    expect(withinOneEdit('abc', 'cab')).toBe(false);
  });

  it('slipApart: a slip of a table name or a skeleton one edit off, never two different table names', () => {
    const t = (s: string) => parseName(s).tokens[0]!;
    expect(slipApart(t('Seoaib'), t('شعیب'))).toBe(true);
    expect(slipApart(t('Isiaq'), t('اسحاق'))).toBe(true);
    expect(slipApart(t('Thira'), t('طاہرہ'))).toBe(true);
    expect(slipApart(t('Jaaal'), t('جگال'))).toBe(true);
    expect(slipApart(t('Hasan'), t('حسین'))).toBe(false);
    expect(slipApart(t('Bilal'), t('شعیب'))).toBe(false);
    expect(slipApart(t('Gondal'), t('شبانہ'))).toBe(false);
  });

  it('counts a name part a slip apart neither for nor against, where a different name counts against', () => {
    const slip = nameReason({ id: 'a', names: ['Mohd Seoaib Qureshi'] }, { id: 'b', names: ['محمد شعیب قریشی'] });
    const dropped = nameReason({ id: 'a', names: ['Mohd Qureshi'] }, { id: 'b', names: ['محمد قریشی'] });
    const other = nameReason({ id: 'a', names: ['Mohd Bilal Qureshi'] }, { id: 'b', names: ['محمد شعیب قریشی'] });
    expect(slip.weight).toBeCloseTo(dropped.weight, 5);
    expect(slip.detail).toContain('a slip?');
    expect(other.weight).toBeLessThan(slip.weight - 3);
    both({ id: 'a', names: ['Mohd Seoaib Qureshi'] }, { id: 'b', names: ['محمد شعیب قریشی'] });
  });
});

describe('a name part that is the other record\'s father\'s name', () => {
  it('does not count "Ismail Tahir" against "Ismail s/o Tahir" (a father\'s name added to a man\'s own)', () => {
    const added = nameReason({ id: 'a', names: ['Muhammad Ismail Tahir'] }, { id: 'b', names: ['محمد اسماعیل ولد محمد طاہر'] });
    const plain = nameReason({ id: 'a', names: ['Muhammad Ismail'] }, { id: 'b', names: ['محمد اسماعیل ولد محمد طاہر'] });
    expect(added.weight).toBeCloseTo(plain.weight, 5);
    expect(added.detail).toContain("in the other's father's name");
    both({ id: 'a', names: ['Muhammad Ismail Tahir'] }, { id: 'b', names: ['محمد اسماعیل ولد محمد طاہر'] });
  });

  it('still counts it when the names agree only on what the father\'s name carries (a father and his son)', () => {
    const a = parseName('Tahir Gondal'), b = parseName('Ismail Gondal s/o Tahir Gondal');
    const c = compareNames(a, b, freq, true);
    expect(c.conflicts).toBe(1);
    expect(c.parts.join(' ')).not.toContain("father's name");
    expect(both({ id: 'a', names: ['Tahir Gondal'] }, { id: 'b', names: ['Ismail Gondal s/o Tahir Gondal'] }))
      .toBeLessThan(both({ id: 'a', names: ['Ismail Gondal'] }, { id: 'b', names: ['Ismail Gondal s/o Tahir Gondal'] }) - 5);
  });
});

describe('weak dates of birth', () => {
  it('weighs a year-only or 1 January date agreeing on the year as log2(0.7 / share of the year)', () => {
    const w = scorePair(prepareRecord({ id: 'a', names: ['Kamran'], dateOfBirth: '1987' }), prepareRecord({ id: 'b', names: ['Kamran'], dateOfBirth: '1987-06-02' }), freq, true)
      .reasons.find((r) => r.field === 'dateOfBirth')!;
    const share = Math.max(1 / 80, (20 + 1) / (1000 + 60));
    expect(w.weight).toBeCloseTo(Math.log2(0.7 / share), 2);
  });
});
