import { describe, expect, it } from 'vitest';
import { Rounds } from '../../src/platform/db/rounds.ts';

// Rounds (platform/db/rounds.ts): what arrives while a round runs goes in the next one, never in the running one, so
// every request is answered by work that started after it arrived.
describe('Rounds', () => {
  it('starts a lone request at once, and answers requests that arrive during a round with the next round', async () => {
    const rounds: string[][] = [];
    const release: Array<() => void> = [];
    const r = new Rounds<string, string>(async (inputs) => {
      rounds.push([...inputs]);
      await new Promise<void>((resolve) => release.push(resolve));
      return inputs.map((i) => `${i}@${rounds.length}`);
    });
    const a = r.request('a');
    expect(rounds).toEqual([['a']]); // no waiting for a lone request
    const b = r.request('b');
    const c = r.request('c');
    expect(rounds).toEqual([['a']]); // b and c do not join the round already running
    release.shift()!();
    expect(await a).toBe('a@1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(rounds).toEqual([['a'], ['b', 'c']]);
    release.shift()!();
    expect(await Promise.all([b, c])).toEqual(['b@2', 'c@2']);
  });

  it('gives every request of a failed round the error, and goes on with the next', async () => {
    let calls = 0;
    const r = new Rounds<number, number>(async (inputs) => {
      calls++;
      if (calls === 1) {
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('boom');
      }
      return inputs.map((i) => i * 2);
    });
    const first = r.request(1);
    const second = r.request(2);
    await expect(first).rejects.toThrow('boom');
    expect(await second).toBe(4);
  });

  it('takes at most `max` requests per round', async () => {
    const sizes: number[] = [];
    const r = new Rounds<number, number>(async (inputs) => {
      sizes.push(inputs.length);
      await new Promise((resolve) => setImmediate(resolve));
      return inputs;
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => r.request(i)));
    expect(sizes).toEqual([1, 3, 3, 1]);
  });
});
