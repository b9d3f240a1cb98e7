// The sandboxed image decoder processes: bit-identical to decoding in-process (the whole conformance set),
// and a picture that hangs, bombs or crashes its decoder costs that picture only: the child is killed and
// replaced, the next picture is hashed.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { hashImageFile, PdqDecodeError } from '../decode.ts';
import { readTsv, testdataPath } from '../testdata.ts';
import { syntheticImage } from '../../../test/support/media-fixtures.ts';
import { zeroPng } from '../../../test/support/malformed-media.ts';
import { ImageDecoderPool } from './decoder-pool.ts';
import { isAlive, liveDescendants } from './process-tree.ts';

const pools: ImageDecoderPool[] = [];
const pool = (opts: ConstructorParameters<typeof ImageDecoderPool>[0]) => {
  const p = new ImageDecoderPool(opts);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PdqDecodeError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('decoding in the sandboxed child', () => {
  it('gives exactly the in-process result for every conformance picture (hash, quality, size, dihedral)', async () => {
    const p = pool({ size: 2 });
    const rows = [...readTsv('expected.tsv'), ...readTsv('expected-dihedral.tsv')];
    const mismatches: string[] = [];
    await Promise.all(rows.map(async (row, i) => {
      const dihedral = i >= readTsv('expected.tsv').length;
      const data = readFileSync(testdataPath(row.file));
      const [inProcess, child] = await Promise.all([hashImageFile(data, { dihedral }), p.hash(data, { dihedral })]);
      if (JSON.stringify(inProcess) !== JSON.stringify(child)) mismatches.push(row.file);
    }));
    expect(mismatches).toEqual([]);
    expect(p.started).toBe(2); // long-lived: two children served every picture
  });

  it('refuses by header what is over maxPixels, without decoding', async () => {
    const p = pool({ size: 1 });
    expect(await code(p.hash(zeroPng(60000, 60000, { rows: 100 })))).toBe('TOO_MANY_PIXELS');
    expect(await code(p.hash(zeroPng(2000, 2000, { bitDepth: 8 }), { maxPixels: 1000 }))).toBe('TOO_MANY_PIXELS');
  });
});

describe('limits', () => {
  const good = syntheticImage(7, 320, 240, 'png');

  it('a decoder that runs past its time limit is killed (TIMEOUT) and replaced; the next picture is hashed', async () => {
    const p = pool({ size: 1 });
    const slow = zeroPng(8000, 8000, { bitDepth: 8 }); // valid, tens of megapixels: far longer than 1 ms
    expect(await code(p.hash(slow, { maxPixels: 1e9, timeoutMs: 1 }))).toBe('TIMEOUT');
    const r = await p.hash(await good);
    expect(r).toEqual(await hashImageFile(await good));
    expect(p.started).toBe(2);
  });

  it('a reply already in the pipe when the deadline fires is still a TIMEOUT (the event loop ran late)', async () => {
    const p = pool({ size: 1 });
    const img = await good;
    await p.hash(img); // the child is up, so the next small picture is answered within milliseconds
    const late = code(p.hash(img, { timeoutMs: 1 }));
    // Hold the event loop, as a loaded machine does, until the child has surely written its reply: the expired
    // timer and the reply are then handled in the same turn, the timer first.
    const until = Date.now() + 1500;
    while (Date.now() < until) { /* busy */ }
    expect(await late).toBe('TIMEOUT');
    expect(await p.hash(img)).toEqual(await hashImageFile(img));
  });

  it('a decompression bomb inside the pixel limit hits the memory limit (MEMORY_LIMIT); the next picture is hashed', async () => {
    const p = pool({ size: 1, dataBytes: 256 * 1024 ** 2 });
    // 16000 x 16000 grey zeros: 250 kB of PNG, 256 MB of pixels, more than this decoder may hold.
    expect(await code(p.hash(zeroPng(16000, 16000, { bitDepth: 8 }), { maxPixels: 1e9 }))).toBe('MEMORY_LIMIT');
    expect(await p.hash(await good)).toEqual(await hashImageFile(await good));
  });

  it('a decoder that dies mid-picture fails that picture only (DECODER_CRASHED)', async () => {
    const p = pool({ size: 1 });
    await p.hash(await good); // the child is up
    const [pid] = p.childPids();
    const inside = liveDescendants('node', pid);
    const working = p.hash(zeroPng(8000, 8000, { bitDepth: 8 }), { maxPixels: 1e9 });
    process.kill(pid, 'SIGKILL'); // from outside, as a crash would
    expect(await code(working)).toBe('DECODER_CRASHED');
    expect(await p.hash(await good)).toEqual(await hashImageFile(await good));
    await new Promise((r) => setTimeout(r, 200));
    expect([pid, ...inside].filter(isAlive)).toEqual([]);
    expect(p.childPids()).not.toContain(pid);
  });

  it('closing the pool stops its children', async () => {
    const p = pool({ size: 2 });
    p.warm();
    await p.hash(await good);
    const children = p.childPids().flatMap((pid) => [pid, ...liveDescendants('node', pid)]);
    expect(children.length).toBeGreaterThanOrEqual(2);
    await p.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(children.filter(isAlive)).toEqual([]);
  });
});
