// Re-check on hash-set import (issue 13), the matching part without the database: an index of N newly imported
// PDQ hashes is built once (MihIndex, as hashset.recheck.ts does), then M ingested files' hashes are queried at
// radius 31, one thread. 1% of the files are planted near-duplicates (4-24 bits) of set entries.
//
//   node --import tsx bench/recheck.bench.ts [--set 1000000] [--files 1000000] [--runs 3]
import { cpus, loadavg } from 'node:os';
import { MihIndex } from '../src/pdq/matching/mih-index.ts';
import { flipBits, prng, randomHashes } from '../src/pdq/matching/test-helpers.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const N = Number(arg('--set', '1000000'));
const M = Number(arg('--files', '1000000'));
const RUNS = Number(arg('--runs', '3'));

const rnd = prng(13);
const W = 8;
const set = randomHashes(N, rnd);
const files = randomHashes(M, rnd);
let planted = 0;
for (let i = 0; i < M; i += 100, planted++) files.set(flipBits(set, (rnd() >>> 0) % N, 4 + ((rnd() >>> 0) % 21), rnd), i * W);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const builds: number[] = [];
const queries: number[] = [];
let found = 0;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const index = new MihIndex();
  index.addPacked(set);
  index.build();
  const t1 = performance.now();
  found = 0;
  for (let i = 0; i < M; i++) found += index.search(files.subarray(i * W, (i + 1) * W), 31).length;
  const t2 = performance.now();
  builds.push(t1 - t0);
  queries.push(t2 - t1);
}
console.log(JSON.stringify({
  machine: `${cpus().length} x ${cpus()[0]?.model}`, load: loadavg().map((l) => l.toFixed(2)).join(' '), set: N, files: M, runs: RUNS, planted, found,
  buildMs: { median: Math.round(median(builds)), min: Math.round(Math.min(...builds)), max: Math.round(Math.max(...builds)) },
  queryMs: { median: Math.round(median(queries)), min: Math.round(Math.min(...queries)), max: Math.round(Math.max(...queries)) },
  perFileUs: +(median(queries) * 1000 / M).toFixed(2),
}));
