import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { DatasetInput } from './demo.dataset.ts';

// The demo dataset builder's input without a database (for tests): the seeded branches and offences, fake
// password hashes and a stand-in for identity encryption.
const seed = (name: string) => parse(readFileSync(fileURLToPath(new URL(`../../seed/${name}`, import.meta.url))), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;

export function demoTestInput(): DatasetInput {
  const branches = seed('pakistan-districts.csv').map((d, i) => ({ id: i + 1, district: d.district!, province: d.province!, population: Number(d.population_2023) || null }));
  const offences = new Map(seed('offences.csv').map((o) => [o.code!, ['sexual_exploitation', 'trafficking'].includes(o.category!)] as const));
  let n = 0;
  return {
    branches,
    offences,
    passwordHashes: new Map(['demo.investigator', 'demo.supervisor', 'demo.analyst', 'demo.protection', 'demo.prosecutor', 'demo.leadership', 'demo.admin', 'demo.auditor'].map((u) => [u, `hash-${u}`])),
    encryptIdentity: () => ({ keyId: 'k', ciphertext: new Uint8Array([n++ & 255]), contextVersion: 2 }),
  };
}
