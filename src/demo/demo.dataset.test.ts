import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset, type DatasetInput } from './demo.dataset.ts';

// The dataset builder without a database: the same input gives the same records, and every identifier is
// of a kind that cannot reach a real person. (The published figures are checked on a database, through the
// statistics endpoint, in test/stats/.)
const seed = (name: string) => parse(readFileSync(fileURLToPath(new URL(`../../seed/${name}`, import.meta.url))), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;

function input(): DatasetInput {
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

describe('demo dataset builder', () => {
  it('is deterministic: the same input gives the same rows, ids included', () => {
    const a = buildDemoDataset(input());
    const b = buildDemoDataset(input());
    expect(JSON.stringify(b.rows)).toBe(JSON.stringify(a.rows));
    expect(a.rows.cases.length).toBeGreaterThan(200);
  });

  it('uses only invented identifiers: unallocated phone prefix, reserved e-mail domain, no identity documents', () => {
    const { rows } = buildDemoDataset(input());
    const ids = (rows.entities as Array<{ kind: string; display: string }>).map((e) => ({ kind: e.kind, value: e.display }));
    expect(ids.length).toBeGreaterThan(10);
    expect(rows.links.length).toBeGreaterThanOrEqual(ids.length);
    for (const id of ids.filter((i) => i.kind === 'phone')) expect(id.value).toMatch(/^\+92399\d{7}$/);
    for (const id of ids.filter((i) => i.kind === 'email')) expect(id.value).toMatch(/\.example$/);
    for (const id of ids.filter((i) => i.kind === 'crypto_address')) expect(id.value).toContain('demo');
    expect(rows.persons.every((p) => p.cnic === undefined && p.passport === undefined)).toBe(true);
    expect(rows.users.every((u) => u.is_demo === true)).toBe(true);
    // Nobody shares a name.
    const primary = (rows.person_names as Array<{ kind: string; name: string }>).filter((n) => n.kind === 'primary').map((n) => n.name);
    expect(new Set(primary).size).toBe(primary.length);
  });

  it('keeps every date in 2024-01-01 .. 2025-06-03', () => {
    const { rows } = buildDemoDataset(input());
    const dates = [
      ...rows.case_status_history.map((r) => r.at), ...rows.arrests.map((r) => r.arrested_at), ...rows.verdicts.map((r) => r.decided_at),
      ...rows.victims.map((r) => r.identified_at), ...rows.case_events.map((r) => r.occurred_at),
    ].map(String);
    expect(dates.every((d) => d >= '2024-01-01' && d < '2025-06-04')).toBe(true);
  });
});
