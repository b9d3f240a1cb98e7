import { describe, expect, it } from 'vitest';
import { parseName } from './names.ts';
import { ResolutionIndex } from './resolution-index.ts';
import type { ResolutionRecord } from './record.ts';
import { scoreAtLeast, scoreOnly, scorePair } from './score.ts';

function many(n: number, name: string, tag: string): ResolutionRecord[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}`, names: [name] }));
}

// Each part of "Nadeem Gujjar" is common; how many records carry the whole name is what changes.
function indexWith(wholeNames: number): ResolutionIndex {
  const index = new ResolutionIndex();
  for (const r of [...many(60, 'Nadeem Khan', 'k'), ...many(60, 'Asif Gujjar', 'g'), ...many(200, 'Kamran Niazi', 'n'), ...many(wholeNames, 'Nadeem Gujjar', 'w')]) index.add(r);
  index.add({ id: 'a', names: ['Nadeem Gujjar'] });
  index.add({ id: 'b', names: ['گجر ندیم'] });
  return index;
}

function nameOf(index: ResolutionIndex) {
  const pa = index.at(index.positionOf('a')!)!, pb = index.at(index.positionOf('b')!)!;
  const s = scorePair(pa, pb, index, true);
  expect(scoreOnly(pa, pb, index)).toBe(s.score);
  expect(scoreAtLeast(pa, pb, index, s.score)).toBe(s.score);
  return s.reasons.find((r) => r.field === 'name')!;
}

describe('whole-name frequency', () => {
  it('keys a whole name the same in either script and order, and not when a part is an initial', () => {
    expect(parseName('Nadeem Gujjar').whole).toBe(parseName('گجر ندیم').whole);
    expect(parseName('Hafiz Nadim Gujar').whole).toBe(parseName('Nadeem Gujjar').whole);
    expect(parseName('N. Gujjar').whole).toBe('');
  });

  it('weighs a full name no other record carries more than its common parts, and says so', () => {
    const rare = nameOf(indexWith(0));
    expect(rare.detail).toMatch(/the whole name, on 0 other records: [\d.]+ in place of the parts' [\d.]+/);
    const [, whole, parts] = /: ([\d.]+) in place of the parts' ([\d.]+)/.exec(rare.detail)!;
    expect(Number(whole)).toBeGreaterThan(Number(parts) + 1);
    expect(rare.weight).toBe(Number(whole));
  });

  it('adds nothing when many other records carry the whole name', () => {
    const common = nameOf(indexWith(40));
    expect(common.detail).not.toMatch(/whole name/);
    expect(common.weight).toBeLessThan(nameOf(indexWith(0)).weight);
  });

  it('counts a record once however many of its names are the same whole name, and forgets removed records', () => {
    const index = new ResolutionIndex();
    index.add({ id: 'x', names: ['Nadeem Gujjar', 'گجر ندیم'] });
    const key = parseName('Nadeem Gujjar').whole;
    expect(index.wholeNameRecords(key)).toBe(1);
    index.remove('x');
    expect(index.wholeNameRecords(key)).toBe(0);
  });
});
