import { describe, expect, it } from 'vitest';
import { latinSkeleton, parseName, plainLatin, urduSkeleton, foldUrdu } from './names.ts';

const keys = (name: string): string[] => parseName(name).tokens.map((t) => t.key);
const skeletons = (name: string): string[] => parseName(name).tokens.map((t) => t.skeleton);

describe('names: spelling variants', () => {
  it('puts Muhammad, Mohammad, Muhammed, Mohd, Md under one key, and M. as an initial', () => {
    for (const v of ['Muhammad', 'Mohammad', 'Muhammed', 'Mohammed', 'Mohd', 'Md.', 'MUHAMMAD', 'Muḥammad']) expect(keys(v)).toEqual(['muhammad']);
    const m = parseName('M. Tariq').tokens[0]!;
    expect(m.initial).toBe(true);
  });

  it('reduces vowel variants of names outside the table to one consonant skeleton', () => {
    expect(latinSkeleton(plainLatin('Zarghoon'))).toBe(latinSkeleton(plainLatin('Zarghun')));
    expect(latinSkeleton('tareen')).toBe(latinSkeleton('tarin'));
    expect(latinSkeleton('shahbaz')).not.toBe(latinSkeleton('shahzad'));
  });
});

describe('names: Urdu and Latin script meet', () => {
  const pairs: Array<[string, string]> = [
    ['Muhammad Asif', 'محمد آصف'], ['Ali', 'علی'], ['Ahmad', 'احمد'], ['Zarghoon Tareen', 'زرغون ترین'],
    ['Shahbaz Bhatti', 'شہباز بھٹی'], ['Khurram Dastgir', 'خرم دستگیر'], ['Ghulam Khar', 'غلام کھر'],
    ['Zia-ur-Rehman', 'ضیاء الرحمن'], ['Abdur Rehman', 'عبدالرحمن'], ['Nizamuddin', 'نظام الدین'],
    ['Inam Ullah', 'انعام اللہ'], ['Waqas Zeeshan', 'وقاص ذیشان'], ['Iftikhar Jahangir', 'افتخار جہانگیر'],
    ['Usman Yasir', 'عثمان یاسر'], ['Fatima', 'فاطمہ'],
  ];
  it.each(pairs)('%s ~ %s', (latin, urdu) => {
    expect(skeletons(latin)).toEqual(skeletons(urdu));
  });

  it('folds Arabic and Persian code points and diacritics (ي/ی, ك/ک, ه/ہ, harakat)', () => {
    expect(foldUrdu('عَلِي')).toBe(foldUrdu('علی'));
    expect(urduSkeleton(foldUrdu('كاشف'))).toBe(urduSkeleton(foldUrdu('کاشف')));
  });

  it('keeps different names apart', () => {
    expect(skeletons('Asif')).not.toEqual(skeletons('Arif'));
    expect(keys('Hassan')).not.toEqual(keys('Hussain'));
    expect(skeletons('Ahsan')).not.toEqual(skeletons('Hassan'));
  });
});

describe('names: titles, relations and order', () => {
  it('sets honorifics aside in both scripts', () => {
    for (const t of ['Hafiz', 'Haji', 'Malik', 'Rana', 'Syed', 'Mian', 'Ch.', 'Mr.']) {
      const p = parseName(`${t} Asif Javed`);
      expect(p.tokens.map((x) => x.key)).toEqual(['asif', 'javed']);
      expect(p.titles).toHaveLength(1);
    }
    expect(parseName('حافظ محمد آصف').tokens.map((x) => x.key)).toEqual(['muhammad', 'asif']);
    expect(parseName('چوہدری پرویز').titles).toEqual(['چوہدری']);
  });

  it('keeps a title as the name when it is all there is', () => {
    expect(keys('Malik')).toHaveLength(1);
  });

  it('drops the father part of "X s/o Y" and "X ولد Y"', () => {
    expect(keys('Javed Iqbal s/o Akbar Khan')).toEqual(['javed', 'iqbal']);
    expect(keys('جاوید اقبال ولد اکبر خان')).toEqual(['javed', 'iqbal']);
  });

  it('does not join an al- name that is not an -ul- compound (Altaf, Elahi)', () => {
    expect(parseName('محمد الطاف').tokens).toHaveLength(2);
  });
});

describe('names: the father part', () => {
  it('parses "s/o", "son of", "bin", "ولد", "بنت" as the father\'s name, and sets a husband ("w/o", "زوجہ") aside', () => {
    const fatherKeys = (n: string): string[] | null => parseName(n).father?.tokens.map((t) => t.key) ?? null;
    expect(fatherKeys('Javed Iqbal s/o Akbar Khan')).toEqual(['akbar', 'khan']);
    expect(fatherKeys('Javed Iqbal S/O Akbar')).toEqual(['akbar']);
    expect(fatherKeys('Javed son of Mohd Akbar')).toEqual(['muhammad', 'akbar']);
    expect(fatherKeys('Ali bin Ahmed')).toEqual(['ahmad']);
    expect(fatherKeys('علی ولد اکبر خان')).toEqual(['akbar', 'khan']);
    expect(fatherKeys('فاطمہ بنت اکبر')).toEqual(['akbar']);
    expect(fatherKeys('Sana w/o Akbar')).toBeNull();
    expect(fatherKeys('ثناء زوجہ اکبر')).toBeNull();
    expect(keys('Sana w/o Akbar')).toEqual(['sana']);
    expect(fatherKeys('Javed Iqbal')).toBeNull();
  });
});
