import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, ResolutionIndex, blockKeys, resolveAll } from './resolution-index.ts';
import { prepareRecord, type ResolutionRecord } from './record.ts';
import { resolveRecords } from './parallel.ts';

const people: ResolutionRecord[] = [
  { id: '1', names: ['Mohd Asif Malik'], cnic: '35202-1234567-1', dateOfBirth: '1987-03-14', district: 'Lahore' },
  { id: '2', names: ['Zarghoon Tareen'], phones: ['0300-1111111'], dateOfBirth: '1979-06-02' },
  { id: '3', names: ['Kamran Niazi'], dateOfBirth: '1990-01-01', district: 'Multan' },
  { id: '4', names: ['حافظ محمد آصف'], cnic: '3520212345671', dateOfBirth: '14/03/1987' },
  { id: '5', names: ['زرغون ترین'], phones: ['+92 300 1111111'] },
  { id: '6', names: ['Muhammad Ali'], dateOfBirth: '1970' },
  { id: '7', names: ['Muhammad Ali'], dateOfBirth: '1999' },
];

describe('resolution index', () => {
  it('scores one new record against the index, best first, without adding it', () => {
    const index = new ResolutionIndex();
    for (const r of people) index.add(r);
    const found = index.match({ id: 'new', names: ['Asif Muhammad'], cnic: '35202-1234567-1' });
    expect(found.map((s) => s.b).sort()).toEqual(['1', '4']);
    expect(found[0]!.score).toBeGreaterThanOrEqual(found[1]!.score);
    expect(index.records).toBe(people.length);
    expect(index.match({ id: 'x', names: ['Nobody Atall'] })).toEqual([]);
  });

  it('forgets removed records', () => {
    const index = new ResolutionIndex();
    for (const r of people) index.add(r);
    expect(index.remove('4')).toBe(true);
    expect(index.remove('4')).toBe(false);
    expect(index.match({ id: 'new', names: ['محمد آصف'], cnic: '35202-1234567-1' }).map((s) => s.b)).toEqual(['1']);
    expect(() => index.add(people[0]!)).toThrow(/already/);
  });

  it('finds the duplicates in a batch, cross-script, and not the two different Muhammad Alis', () => {
    const pairs = resolveAll(people);
    const ids = pairs.map((p) => `${p.a}-${p.b}`);
    expect(ids).toContain('1-4');
    expect(ids).toContain('2-5');
    expect(ids).not.toContain('6-7');
    expect(pairs.every((p) => p.score >= DEFAULT_THRESHOLD)).toBe(true);
    expect(resolveRecords(people).map((p) => `${p.a}-${p.b}`).sort()).toEqual([...ids].sort());
  });

  it('applies the threshold', () => {
    const all = resolveAll(people, { threshold: -1000 });
    const high = resolveAll(people, { threshold: 25 });
    expect(all.length).toBeGreaterThan(high.length);
    expect(high.every((p) => p.score >= 25)).toBe(true);
  });

  it('never uses a block larger than the cap, so a common name does not compare everyone with everyone', () => {
    const index = new ResolutionIndex({ bucketCap: 5 });
    for (let i = 0; i < 50; i++) index.add({ id: `m${i}`, names: ['Muhammad Ali'] });
    expect(index.match({ id: 'q', names: ['Muhammad Ali'] }, { threshold: -1000 })).toEqual([]);
    // a shared identifier still finds the one record
    index.add({ id: 'p', names: ['Muhammad Ali'], phones: ['0321-5556667'] });
    expect(index.match({ id: 'q', names: ['Muhammad Ali'], phones: ['03215556667'] }, { threshold: -1000 }).map((s) => s.b)).toEqual(['p']);
  });

  it('blocks on identifiers, name-token pairs, and pairs with birth year and district', () => {
    const keys = blockKeys(prepareRecord(people[0]!));
    expect(keys).toContain('c3520212345671');
    expect(keys.some((k) => k.startsWith('n') && k.includes('|'))).toBe(true);
    expect(keys.some((k) => k.startsWith('y') && k.endsWith('|1987'))).toBe(true);
  });
});
