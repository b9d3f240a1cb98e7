import { bech32 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from './demo.dataset.ts';
import { RING_BTC_ADDRESS } from './demo.ring.ts';
import { demoTestInput as input } from './demo.test-input.ts';

// The dataset builder without a database: the same input gives the same records, and every identifier is
// of a kind that cannot reach a real person. (The published figures are checked on a database, through the
// statistics endpoint, in test/stats/.)

describe('demo dataset builder', () => {
  it('is deterministic: the same input gives the same rows, ids included', () => {
    const a = buildDemoDataset(input());
    const b = buildDemoDataset(input());
    expect(JSON.stringify(b.rows)).toBe(JSON.stringify(a.rows));
    expect(a.rows.cases.length).toBeGreaterThan(200);
  });

  it('uses only invented identifiers: unallocated phone prefix, reserved e-mail domain, no identity documents', () => {
    const { rows } = buildDemoDataset(input());
    const ids = rows.person_identifiers as Array<{ kind: string; value: string }>;
    for (const id of ids.filter((i) => i.kind === 'phone')) expect(id.value).toMatch(/^\+92399\d{7}$/);
    for (const id of ids.filter((i) => i.kind === 'email')) expect(id.value).toMatch(/\.example$/);
    // Crypto addresses: invented from a hash of a label (demo.ring.ts), checksum-correct, found nowhere.
    for (const id of ids.filter((i) => i.kind === 'crypto_address')) {
      expect(id.value).toBe(RING_BTC_ADDRESS);
      expect(bech32.decode(id.value as `${string}1${string}`).prefix).toBe('bc');
    }
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
