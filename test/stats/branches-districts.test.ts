import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/platform/db/database.ts';
import { migrations } from '../../src/platform/db/migrations/index.ts';
import { createScratchDatabase, detectEngines } from '../support/engines.ts';
import { createTestApp, type TestApp } from '../support/harness.ts';

// Issue 12, part 1: districts apart from branches. Migration 0023 keeps every branch id, makes a district of
// each, maps each branch to its district and each case to the district of its branch. Administrators create
// branches, assign districts and staff posts; every change is audited; other roles are refused.
const { engines, postgresUrl } = await detectEngines();

describe.each(engines)('migration 0023 on existing data (%s)', (engine) => {
  it('keeps branch ids, creates a district per branch, maps branches and cases, loses nothing', async () => {
    const scratch = engine === 'postgres' ? await createScratchDatabase(postgresUrl!) : undefined;
    const { db, close } = await openDatabase({ url: scratch?.url, poolSize: 2 });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
      expect((await migrator.migrateTo('0017_deconfliction')).error).toBeUndefined();
      // Branches as seeded before: ids not starting at 1, one gap, one without population.
      await sql`INSERT INTO branches (id, code, district, province, division, population_2023, area_sq_km) VALUES
        (7, 'P-MUZAFFARGARH', 'Muzaffargarh', 'Punjab', 'Dera Ghazi Khan', 5015325, 8249),
        (9, 'P-LAHORE', 'Lahore', 'Punjab', 'Lahore', 13004135, 1772),
        (12, 'S-KARACHI-EAST', 'Karachi East', 'Sindh', 'Karachi', NULL, NULL)`.execute(db);
      await sql`SELECT setval(pg_get_serial_sequence('branches', 'id'), 12)`.execute(db);
      const inv = (await sql<{ id: string }>`INSERT INTO users (username, display_name, role, branch_id, password_hash) VALUES ('inv', 'Inv', 'investigator', 9, 'x') RETURNING id`.execute(db)).rows[0]!.id;
      await sql`INSERT INTO cases (branch_id, title, status, fir_number, fir_year, fir_registered_at, created_by) VALUES
        (7, 'one', 'fir_registered', 1, 2025, '2025-01-01T00:00:00Z', ${inv}), (9, 'two', 'complaint_received', NULL, NULL, NULL, ${inv}), (12, 'three', 'fir_registered', 1, 2025, '2025-02-01T00:00:00Z', ${inv})`.execute(db);
      const before = (await sql<{ id: string; branch_id: number; fir_number: number | null }>`SELECT id, branch_id, fir_number FROM cases ORDER BY title`.execute(db)).rows;

      await migrateToLatest(db);

      const districts = (await sql<{ id: number; code: string; name: string; province: string; population_2023: number | null }>`SELECT id, code, name, province, population_2023 FROM districts ORDER BY id`.execute(db)).rows;
      expect(districts.map((d) => [d.id, d.code, d.name, d.province, d.population_2023 === null ? null : Number(d.population_2023)])).toEqual([
        [7, 'P-MUZAFFARGARH', 'Muzaffargarh', 'Punjab', 5015325], [9, 'P-LAHORE', 'Lahore', 'Punjab', 13004135], [12, 'S-KARACHI-EAST', 'Karachi East', 'Sindh', null],
      ]);
      const branches = (await sql<{ id: number; name: string; seat_district_id: number; district: string }>`SELECT id, name, seat_district_id, district FROM branches ORDER BY id`.execute(db)).rows;
      expect(branches).toEqual([
        { id: 7, name: 'Muzaffargarh', seat_district_id: 7, district: 'Muzaffargarh' },
        { id: 9, name: 'Lahore', seat_district_id: 9, district: 'Lahore' },
        { id: 12, name: 'Karachi East', seat_district_id: 12, district: 'Karachi East' },
      ]);
      const covered = (await sql<{ branch_id: number; district_id: number }>`SELECT branch_id, district_id FROM branch_districts ORDER BY branch_id`.execute(db)).rows;
      expect(covered).toEqual([{ branch_id: 7, district_id: 7 }, { branch_id: 9, district_id: 9 }, { branch_id: 12, district_id: 12 }]);
      const after = (await sql<{ id: string; branch_id: number; district_id: number; fir_number: number | null }>`SELECT id, branch_id, district_id, fir_number FROM cases ORDER BY title`.execute(db)).rows;
      expect(after.map(({ district_id: _d, ...c }) => c)).toEqual(before);
      expect(after.map((c) => c.district_id)).toEqual(after.map((c) => c.branch_id));
      // The user keeps their branch; a new district gets the next id; a new case without a district gets its branch's seat.
      expect((await sql<{ branch_id: number }>`SELECT branch_id FROM users WHERE id = ${inv}`.execute(db)).rows[0]!.branch_id).toBe(9);
      const next = (await sql<{ id: number }>`INSERT INTO districts (code, name, province) VALUES ('S-MALIR', 'Malir', 'Sindh') RETURNING id`.execute(db)).rows[0]!.id;
      expect(next).toBeGreaterThan(12);
      const fresh = (await sql<{ district_id: number }>`INSERT INTO cases (branch_id, title, status) VALUES (12, 'four', 'complaint_received') RETURNING district_id`.execute(db)).rows[0]!;
      expect(fresh.district_id).toBe(12);
      const elsewhere = (await sql<{ district_id: number }>`INSERT INTO cases (branch_id, district_id, title, status) VALUES (12, ${next}, 'five', 'complaint_received') RETURNING district_id`.execute(db)).rows[0]!;
      expect(elsewhere.district_id).toBe(next);
    } finally {
      await close();
      await scratch?.drop();
    }
  });
});

type Office = { id: number; code: string; name: string; province: string; seatDistrict: { id: number; name: string }; districts: Array<{ id: number; name: string }>; posts: Array<{ post: string; sanctioned: number; filled: number }>; totals: { sanctioned: number; filled: number; population: number; districts: number; userAccounts: number } };

describe.each(engines)('branch offices and districts over the API (%s)', (engine) => {
  let t: TestApp;
  const districtId = async (name: string) => (await t.ctx.db.selectFrom('districts').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('seeds every district of the census file, and one branch per district covering it', async () => {
    const res = await t.call('invA', 'GET', '/api/v1/districts?limit=200');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Array<{ id: number; name: string; province: string; population2023: number | null; branch: { id: number; name: string } | null }>; total: number };
    expect(body.total).toBe(180);
    const mzg = body.items.find((d) => d.name === 'Muzaffargarh')!;
    expect(mzg.branch).toEqual({ id: t.branchA, name: 'Muzaffargarh' });
    expect(mzg.population2023).toBeGreaterThan(4_000_000);
    const seeded = await t.ctx.db.selectFrom('cases').select('id').limit(1).execute();
    expect(seeded).toEqual([]);
    const office = (await t.call('admin', 'GET', `/api/v1/admin/offices/${t.branchA}`)).json() as Office;
    expect(office).toMatchObject({ id: t.branchA, name: 'Muzaffargarh', province: 'Punjab', seatDistrict: { name: 'Muzaffargarh' }, districts: [{ name: 'Muzaffargarh' }], posts: [] });
    expect(office.totals.userAccounts).toBe(3); // invA, invA2, supA
  });

  it('lets an administrator create a branch covering districts with staff posts, move a district, and audits both', async () => {
    const multan = await districtId('Multan');
    const lodhran = await districtId('Lodhran');
    const khanewal = await districtId('Khanewal');
    const created = await t.call('admin', 'POST', '/api/v1/admin/offices', {
      name: 'South Punjab Circle', seatDistrictId: multan, districtIds: [lodhran, khanewal],
      posts: [{ post: 'investigator', sanctioned: 12, filled: 7 }, { post: 'supervisor', sanctioned: 2, filled: 1 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const o = created.json() as Office;
    expect(o).toMatchObject({ code: 'P-SOUTH-PUNJAB-CIRCLE', name: 'South Punjab Circle', province: 'Punjab', seatDistrict: { id: multan } });
    expect(o.districts.map((d) => d.name)).toEqual(['Khanewal', 'Lodhran', 'Multan']);
    expect(o.totals).toMatchObject({ sanctioned: 14, filled: 8, districts: 3, userAccounts: 0 });
    // The districts moved from their one-district branches, which keep their cases and staff and now cover nothing.
    const entry = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_id', 'details']).where('action', '=', 'branch.create').executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(String(o.id));
    const moved = ((typeof entry.details === 'string' ? JSON.parse(entry.details) : entry.details) as { movedDistricts: Array<{ district: string; fromBranch: string }> }).movedDistricts;
    expect(moved.map((m) => `${m.district}<-${m.fromBranch}`).sort()).toEqual(['Khanewal<-Khanewal', 'Lodhran<-Lodhran', 'Multan<-Multan']);
    const old = (await t.call('admin', 'GET', '/api/v1/admin/offices?q=lodhran')).json() as { items: Office[] };
    expect(old.items.find((b) => b.name === 'Lodhran')?.districts).toEqual([]);

    const upd = await t.call('admin', 'PATCH', `/api/v1/admin/offices/${o.id}`, { districtIds: [multan, lodhran], posts: [{ post: 'investigator', sanctioned: 15, filled: 9 }] });
    expect(upd.statusCode, upd.body).toBe(200);
    const u = upd.json() as Office;
    expect(u.districts.map((d) => d.name)).toEqual(['Lodhran', 'Multan']);
    expect(u.posts).toEqual([{ post: 'investigator', sanctioned: 15, filled: 9 }]);
    const khan = (await t.call('admin', 'GET', `/api/v1/districts?q=khanewal`)).json() as { items: Array<{ branch: unknown }> };
    expect(khan.items[0]!.branch).toBeNull();
    const upEntry = await t.ctx.db.selectFrom('audit_log').select(['details']).where('action', '=', 'branch.update').executeTakeFirstOrThrow();
    const details = (typeof upEntry.details === 'string' ? JSON.parse(upEntry.details) : upEntry.details) as { before: Office; after: Office };
    expect(details.before.posts).toHaveLength(2);
    expect(details.after.posts).toHaveLength(1);

    // The change keeps the earlier values, field by field, newest first (issue 10): read back for the screen.
    const ren = await t.call('admin', 'PATCH', `/api/v1/admin/offices/${o.id}`, { name: 'South Punjab Cyber Circle' });
    expect(ren.statusCode, ren.body).toBe(200);
    const hist = await t.call('admin', 'GET', `/api/v1/admin/offices/${o.id}/corrections`);
    expect(hist.statusCode, hist.body).toBe(200);
    const h = hist.json() as { items: Array<{ field: string; before: unknown; after: unknown; actor: string | null }>; total: number };
    expect(h.items.map(({ field, before, after }) => ({ field, before, after }))).toEqual([
      { field: 'name', before: 'South Punjab Circle', after: 'South Punjab Cyber Circle' },
      { field: 'districts', before: ['Khanewal', 'Lodhran', 'Multan'], after: ['Lodhran', 'Multan'] },
      { field: 'posts.supervisor.sanctioned', before: 2, after: 0 },
      { field: 'posts.supervisor.filled', before: 1, after: 0 },
      { field: 'posts.investigator.sanctioned', before: 12, after: 15 },
      { field: 'posts.investigator.filled', before: 7, after: 9 },
    ]);
    expect(h.total).toBe(6);
    expect(h.items[0]!.actor).toBeTruthy();
    const paged = (await t.call('admin', 'GET', `/api/v1/admin/offices/${o.id}/corrections?limit=2&offset=1`)).json() as { items: Array<{ field: string }>; total: number };
    expect(paged.items.map((i) => i.field)).toEqual(['districts', 'posts.supervisor.sanctioned']);
    expect((await t.call('admin', 'GET', '/api/v1/admin/offices/999999/corrections')).statusCode).toBe(404);
    expect((await t.call('invA', 'GET', `/api/v1/admin/offices/${o.id}/corrections`)).statusCode).toBe(403);
  });

  it('refuses bad input naming the field, storing nothing', async () => {
    const count = async () => Number((await t.ctx.db.selectFrom('branches').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const audits = async () => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const [n0, a0] = [await count(), await audits()];
    const lahore = await districtId('Lahore');
    const cases: Array<[unknown, string, number]> = [
      [{ name: 'X', seatDistrictId: lahore }, 'body.name', 400],
      [{ name: 'New Lahore Office', seatDistrictId: 999999 }, 'seatDistrictId', 400],
      [{ name: 'New Office', seatDistrictId: await districtId('Kasur'), districtIds: [999999] }, 'districtIds.0', 400],
      [{ name: 'New Office', seatDistrictId: await districtId('Kasur'), posts: [{ post: 'investigator', sanctioned: -1, filled: 0 }] }, 'body.posts.0.sanctioned', 400],
      [{ name: 'New Office', seatDistrictId: await districtId('Kasur'), posts: [{ post: 'investigator', sanctioned: 1, filled: 0 }, { post: 'investigator', sanctioned: 2, filled: 0 }] }, 'body.posts.1.post', 400],
      [{ name: 'Lahore', code: 'P-KASUR-2', seatDistrictId: await districtId('Kasur') }, 'name', 409],
      [{ name: 'Another Lahore Office', code: 'P-LAHORE', seatDistrictId: await districtId('Kasur') }, 'code', 409],
      [{ name: 'New Office', seatDistrictId: await districtId('Kasur'), colour: 'red' }, '', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await t.call('admin', 'POST', '/api/v1/admin/offices', body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(status);
      if (field) expect((res.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(field);
    }
    expect((await t.call('admin', 'PATCH', `/api/v1/admin/offices/${t.branchA}`, {})).statusCode).toBe(400);
    expect((await t.call('admin', 'PATCH', '/api/v1/admin/offices/999999', { name: 'Nowhere Office' })).statusCode).toBe(404);
    expect([await count(), await audits()]).toEqual([n0, a0]);
  });

  it('refuses every role but the administrator', async () => {
    for (const user of ['invA', 'supA', 'analyst', 'leadership', 'auditor', 'prosecutor'] as const) {
      expect((await t.call(user, 'GET', '/api/v1/admin/offices')).statusCode, user).toBe(403);
      expect((await t.call(user, 'POST', '/api/v1/admin/offices', { name: 'Rogue Office', seatDistrictId: 1 })).statusCode, user).toBe(403);
      expect((await t.call(user, 'PATCH', `/api/v1/admin/offices/${t.branchA}`, { name: 'Rogue' })).statusCode, user).toBe(403);
    }
  });
});
