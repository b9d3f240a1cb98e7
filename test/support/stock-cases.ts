// The cases the stock rollup tests write (test/stats/stock-rollup.test.ts, stock-cohort.test.ts): a seeded sequence of
// branches, statuses and instants, so each test's data is the same on every run and engine.
import type { TestApp } from './harness.ts';

export const stockStatuses = ['complaint_received', 'fir_registered', 'under_investigation', 'challan_submitted', 'in_trial', 'convicted', 'acquitted', 'inquiry_closed', 'cancelled_or_discharged', 'under_appeal'];

export interface StockCases {
  /** The cases written, in order. */
  ids: string[];
  /** The next number in [0, n) of the seeded sequence. */
  rnd(n: number): number;
  /** One of the instants, by the sequence. */
  at(): string;
  /** A case in one of the first five branches, with a status and report instant from the sequence. */
  newCase(over?: Record<string, unknown>): Promise<string>;
  /**
   * `count` cases: every `otherDistrictEvery`-th in a district of another province than its branch's; offences by
   * turn (two, none, one of PPC-377B / PPC-420); status history (1-4 rows, some with a tie) on five of every six.
   */
  seed(count: number, otherDistrictEvery: number, reason: string): Promise<void>;
}

export function stockCases(t: TestApp, opts: { seed: number; instants: readonly string[]; title: string }): StockCases {
  const db = t.ctx.db;
  const ids: string[] = [];
  let state = opts.seed;
  const rnd = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const at = () => opts.instants[rnd(opts.instants.length)]!;
  const newCase = async (over: Record<string, unknown> = {}) => {
    const branches = await db.selectFrom('branches').select(['id']).orderBy('id').limit(5).execute();
    const c = await db.insertInto('cases').values({
      branch_id: branches[rnd(branches.length)]!.id, title: `${opts.title} ${ids.length}`, status: stockStatuses[rnd(stockStatuses.length)]!, reported_at: at(), created_by: t.users.invA.id, ...over,
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(c.id);
    return c.id;
  };
  const seed = async (count: number, otherDistrictEvery: number, reason: string) => {
    const otherDistricts = (await db.selectFrom('districts').select('id').orderBy('province', 'desc').orderBy('id').limit(3).execute()).map((d) => d.id);
    for (let i = 0; i < count; i++) {
      const id = await newCase(i % otherDistrictEvery === 0 ? { district_id: otherDistricts[i % 3]! } : {});
      const offences = i % 4 === 3 ? [{ case_id: id, offence_code: 'PPC-377B' }, { case_id: id, offence_code: 'PPC-420' }] : i % 9 === 8 ? [] : [{ case_id: id, offence_code: i % 2 ? 'PPC-420' : 'PPC-377B' }];
      if (offences.length) await db.insertInto('case_offences').values(offences).execute();
      if (i % 6 !== 0) {
        const n = 1 + rnd(4);
        const hist = Array.from({ length: n }, () => ({ case_id: id, to_status: stockStatuses[rnd(stockStatuses.length)]!, at: at(), reason }));
        if (i % 4 === 1) hist.push({ ...hist[0]!, to_status: stockStatuses[rnd(stockStatuses.length)]! });
        await db.insertInto('case_status_history').values(hist).execute();
      }
    }
  };
  return { ids, rnd, at, newCase, seed };
}
