// What reading the known-hash index file costs per step, in CPU time (user + system) of one process, for a body of
// --mib MiB (default 381, the file of 10 million hashes): SHA-256 (node:crypto, the file format's version 1) against
// XXH64 (xxhash-wasm, version 2, fed in 256 KiB pieces as known-index-file.ts does), and zero-filling a fresh
// WebAssembly memory of that size (what HashStore.allocate did before the read overwrote it).
//   node --import tsx bench/known-index-checksum.bench.ts [--mib 381] [--runs 3]
import { createHash, randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import xxhash from 'xxhash-wasm';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const N = Number(arg('mib', '381')) << 20;
const RUNS = Number(arg('runs', '3'));
const buf = Buffer.alloc(N);
for (let o = 0; o < N; o += 1 << 20) randomBytes(1 << 20).copy(buf, o);
const x = await xxhash();
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const res: Record<string, number[]> = { 'SHA-256': [], XXH64: [], 'zero-fill of a fresh wasm memory': [] };
for (let r = 0; r < RUNS; r++) {
  let t = cpu();
  createHash('sha256').update(buf).digest();
  res['SHA-256']!.push(cpu() - t);
  t = cpu();
  const h = x.create64(0n);
  for (let o = 0; o < N; o += 256 << 10) h.update(buf.subarray(o, o + (256 << 10)));
  h.digest();
  res.XXH64!.push(cpu() - t);
  t = cpu();
  new Uint8Array(new WebAssembly.Memory({ initial: Math.ceil(N / 65536) }).buffer).fill(0);
  res['zero-fill of a fresh wasm memory']!.push(cpu() - t);
}
console.log(`# ${cpus().length} x ${cpus()[0]?.model}; Node ${process.version}; ${N >> 20} MiB; load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
for (const [k, v] of Object.entries(res)) console.log(`${k}: CPU ms ${v.map((n) => n.toFixed(0)).join(', ')}`);
