// One fresh process of bench/pdq-scan.bench.ts: `amaan match` (runMatch, the command's own code path) on the
// given files, output digested instead of printed. Prints one JSON line: phase seconds, CPU seconds of the
// matching phase, match count and the digest of the (query, match, distance) set (formula of pdq-scan.c).
//   node --import tsx bench/pdq-scan-child.ts DB QUERIES ENGINE THREADS SPLIT
import { Writable } from 'node:stream';
import { type MatchTimings, runMatch } from '../src/cli/commands/match.command.ts';

const [db, queries, engine, threads, split] = process.argv.slice(2);
const M = (1n << 64n) - 1n;
function mix(x: bigint): bigint {
  x ^= x >> 30n; x = (x * 0xbf58476d1ce4e5b9n) & M;
  x ^= x >> 27n; x = (x * 0x94d049bb133111ebn) & M;
  return x ^ (x >> 31n);
}
let matches = 0, digest = 0n, rest = '';
const sink = new Writable({
  write(chunk: Buffer, _enc, done): void {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop()!;
    for (const l of lines) {
      const m = JSON.parse(l) as { query: number; match: number; distance: number };
      matches++;
      digest = (digest + mix((BigInt(m.query) << 40n) ^ (BigInt(m.match) << 9n) ^ BigInt(m.distance))) & M;
    }
    done();
  },
});
const timings: MatchTimings = { read: 0, build: 0, match: 0, matchCpu: 0 };
await runMatch({ index: db!, queries: queries!, threshold: '31', format: 'jsonl', engine: engine! }, sink, timings, {
  threads: Number(threads),
  split: split as 'hashes' | 'queries',
});
console.log(JSON.stringify({ ...timings, matches, digest: digest.toString(16).padStart(16, '0') }));
