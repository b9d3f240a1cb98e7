// Synthetic reports for the tip intake benchmark (bench/tips.bench.ts and its load generator bench/tips-load.ts):
// accounts, phones and IP addresses drawn from fixed pools (so some reports are related to earlier ones), one in
// twenty with a file whose MD5 is in the synthetic hash set, districts named or landlines given for routing.
// No real people: handles, numbers (+92300 1xxxxxx) and documentation addresses (198.51.x.x) are made up.
import { createRng } from '../src/platform/prng.ts';

const hex = (next: () => number, n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');

/** The MD5 values of the synthetic hash set (the same in every process: a fixed seed). */
export function knownMd5s(): string[] {
  const rng = createRng(20261206);
  return Array.from({ length: 1_000 }, () => hex(rng.next, 32));
}

const handles = Array.from({ length: 20_000 }, (_, i) => `bench_user_${i}`);
const phones = Array.from({ length: 5_000 }, (_, i) => `+92300${String(1_000_000 + i).slice(-7)}`);
const ips = Array.from({ length: 5_000 }, (_, i) => `198.51.${Math.floor(i / 250) % 256}.${(i % 250) + 1}`);
const districts = ['Muzaffargarh', 'Lahore', 'Multan', 'Karachi South', 'Peshawar', 'Quetta', undefined, undefined];
const landlines = ['066 2345678', '042 35761234', '061 4512345', '091 5701234'];

/** A generator of reports whose ids start with `prefix` (unique per process and role). */
export function reportMaker(seed: number, prefix: string): () => Record<string, unknown> {
  const rng = createRng(seed);
  const known = knownMd5s();
  let serial = 0;
  return () => {
    serial++;
    const district = rng.pick(districts);
    return {
      reportId: `${prefix}-${serial}`,
      incident: { type: 'child sexual abuse material: distribution', at: '2026-01-01T00:00:00Z', summary: 'Synthetic benchmark report.', ...(serial % 50 === 0 ? { escalate: true } : {}) },
      location: district ? { district } : { phone: rng.pick(landlines) },
      reported: [{ accounts: [{ platform: 'Telegram', handle: rng.pick(handles) }], phones: [rng.pick(phones)], ips: [{ address: rng.pick(ips) }] }],
      files: [{ name: `f${serial}.jpg`, md5: serial % 20 === 0 ? rng.pick(known) : hex(rng.next, 32), viewedByEsp: rng.chance(0.5) }],
    };
  };
}
