import { sql } from 'kysely';
import type { AppContext, ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { advisoryXactLock, LOCK_CLASS } from '../../platform/db/advisory-lock.ts';
import { branchCode } from '../reference/reference.seed.ts';
import { postKinds, type BranchCorrection, type BranchCorrectionsQuery, type CreateOfficeInput, type ListDistrictsQuery, type ListOfficesQuery, type Office, type PostKind, type UpdateOfficeInput } from './branches.schema.ts';

// Branch offices and the districts they cover (migration 0023). Every change is audited with the state
// before and after. A district is covered by at most one branch; a district named for a branch moves from
// the one that covered it (said in the audit entry). A branch left covering no district keeps its cases and
// staff (merging two offices is a change of coverage, never of case records).

const districtRef = (d: { id: number; code: string; name: string; province: string; population_2023: number | null }) => ({
  id: d.id, code: d.code, name: d.name, province: d.province, population2023: d.population_2023 === null ? null : Number(d.population_2023),
});

export async function listDistricts(ctx: AppContext, q: ListDistrictsQuery) {
  let query = ctx.db.selectFrom('districts').leftJoin('branch_districts', 'branch_districts.district_id', 'districts.id').leftJoin('branches', 'branches.id', 'branch_districts.branch_id');
  if (q.province) query = query.where('districts.province', '=', q.province);
  if (q.q) query = query.where((eb) => eb(eb.fn('lower', ['districts.name']), 'like', `%${escapeLike(q.q!.toLowerCase())}%`));
  if (q.uncovered !== undefined) query = query.where('branch_districts.branch_id', q.uncovered ? 'is' : 'is not', null);
  const [rows, total] = await Promise.all([
    query
      .select(['districts.id', 'districts.code', 'districts.name', 'districts.province', 'districts.division', 'districts.population_2023', 'districts.area_sq_km', 'branches.id as branch_id', 'branches.name as branch_name'])
      .orderBy('districts.province').orderBy('districts.name').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((d) => ({
      ...districtRef(d), division: d.division, areaSqKm: d.area_sq_km === null ? null : Number(d.area_sq_km),
      branch: d.branch_id === null ? null : { id: d.branch_id, name: d.branch_name! },
    })),
    total: Number(total.n), limit: q.limit, offset: q.offset,
  };
}

async function officesWhere(db: Db | Tx, ids: number[]): Promise<Office[]> {
  if (!ids.length) return [];
  const [branches, covered, posts, accounts] = await Promise.all([
    db.selectFrom('branches').innerJoin('districts as seat', 'seat.id', 'branches.seat_district_id')
      .select(['branches.id', 'branches.code', 'branches.name', 'seat.id as seat_id', 'seat.code as seat_code', 'seat.name as seat_name', 'seat.province as seat_province', 'seat.population_2023 as seat_population'])
      .where('branches.id', 'in', ids).execute(),
    db.selectFrom('branch_districts').innerJoin('districts', 'districts.id', 'branch_districts.district_id')
      .select(['branch_districts.branch_id', 'districts.id', 'districts.code', 'districts.name', 'districts.province', 'districts.population_2023'])
      .where('branch_districts.branch_id', 'in', ids).orderBy('districts.name').execute(),
    db.selectFrom('branch_posts').selectAll().where('branch_id', 'in', ids).execute(),
    db.selectFrom('users').select(['branch_id', (eb) => eb.fn.countAll<number>().as('n')]).where('branch_id', 'in', ids).where('disabled', '=', false).groupBy('branch_id').execute(),
  ]);
  const order = new Map(ids.map((id, i) => [id, i]));
  return branches
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((b) => {
      const ds = covered.filter((d) => d.branch_id === b.id).map(districtRef);
      const ps = posts.filter((p) => p.branch_id === b.id).map((p) => ({ post: p.post as PostKind, sanctioned: p.sanctioned, filled: p.filled }));
      return {
        id: b.id, code: b.code, name: b.name, province: b.seat_province,
        seatDistrict: districtRef({ id: b.seat_id, code: b.seat_code, name: b.seat_name, province: b.seat_province, population_2023: b.seat_population }),
        districts: ds,
        posts: ps,
        totals: {
          sanctioned: ps.reduce((s, p) => s + p.sanctioned, 0),
          filled: ps.reduce((s, p) => s + p.filled, 0),
          population: ds.reduce((s, d) => s + (d.population2023 ?? 0), 0),
          districts: ds.length,
          userAccounts: Number(accounts.find((a) => a.branch_id === b.id)?.n ?? 0),
        },
      };
    });
}

export async function listOffices(ctx: AppContext, q: ListOfficesQuery) {
  let query = ctx.db.selectFrom('branches');
  if (q.province) query = query.where('branches.province', '=', q.province);
  if (q.q) {
    const like = `%${escapeLike(q.q.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['branches.name']), 'like', like), eb(eb.fn('lower', ['branches.code']), 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    query.select('branches.id').orderBy('branches.province').orderBy('branches.name').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await officesWhere(ctx.db, rows.map((r) => r.id)), total: Number(total.n), limit: q.limit, offset: q.offset };
}

export async function getOffice(ctx: AppContext, id: number): Promise<Office> {
  const [one] = await officesWhere(ctx.db, [id]);
  if (!one) throw notFound('branch');
  return one;
}

/** Checks the districts exist; returns those another branch covers now (they move, said in the audit entry). */
async function claimDistricts(tx: Tx, branchId: number | null, ids: number[], field: string) {
  if (!ids.length) return [];
  const rows = await tx.selectFrom('districts').leftJoin('branch_districts', 'branch_districts.district_id', 'districts.id').leftJoin('branches', 'branches.id', 'branch_districts.branch_id')
    .select(['districts.id', 'districts.name', 'branch_districts.branch_id', 'branches.name as branch_name'])
    .where('districts.id', 'in', ids).execute();
  ids.forEach((id, i) => {
    if (!rows.some((r) => r.id === id)) throw invalid(`${field}.${i}`, 'unknown district');
  });
  return rows.filter((r) => r.branch_id !== null && r.branch_id !== branchId).map((r) => ({ districtId: r.id, district: r.name, fromBranchId: r.branch_id!, fromBranch: r.branch_name! }));
}

async function setCoverage(tx: Tx, branchId: number, ids: number[]) {
  await tx.deleteFrom('branch_districts').where('branch_id', '=', branchId).where('district_id', 'not in', ids.length ? ids : [0]).execute();
  if (ids.length) {
    await tx.deleteFrom('branch_districts').where('district_id', 'in', ids).where('branch_id', '<>', branchId).execute();
    await tx.insertInto('branch_districts').values(ids.map((d) => ({ branch_id: branchId, district_id: d }))).onConflict((oc) => oc.doNothing()).execute();
  }
}

async function setPosts(tx: Tx, branchId: number, posts: CreateOfficeInput['posts']) {
  await tx.deleteFrom('branch_posts').where('branch_id', '=', branchId).execute();
  if (posts.length) await tx.insertInto('branch_posts').values(posts.map((p) => ({ branch_id: branchId, ...p }))).execute();
}

export async function createOffice(ctx: ServiceContext, b: CreateOfficeInput): Promise<Office> {
  const id = await inTransaction(ctx, async (tx, audit) => {
    // Coverage decisions about rows that may not exist yet: one branch change at a time.
    await advisoryXactLock(tx, LOCK_CLASS.branchOffices, 'all');
    const seat = await tx.selectFrom('districts').select(['id', 'name', 'province']).where('id', '=', b.seatDistrictId).executeTakeFirst();
    if (!seat) throw invalid('seatDistrictId', 'unknown district');
    const code = b.code ?? branchCode(seat.province, b.name);
    if (await tx.selectFrom('branches').select('id').where('code', '=', code).executeTakeFirst()) throw conflict(`a branch with code ${code} exists`, 'code');
    if (await tx.selectFrom('branches').select('id').where(sql`lower(name)`, '=', b.name.toLowerCase()).executeTakeFirst()) throw conflict(`a branch named ${b.name} exists`, 'name');
    await claimDistricts(tx, null, b.districtIds, 'districtIds');
    const ids = [seat.id, ...b.districtIds.filter((d) => d !== seat.id)];
    const moved = await claimDistricts(tx, null, ids, 'districtIds');
    const row = await tx.insertInto('branches')
      .values({ code, name: b.name, seat_district_id: seat.id, district: seat.name, province: seat.province })
      .returning('id').executeTakeFirstOrThrow();
    await setCoverage(tx, row.id, ids);
    await setPosts(tx, row.id, b.posts);
    const after = (await officesWhere(tx, [row.id]))[0]!;
    await audit({ action: 'branch.create', entityType: 'branch', entityId: String(row.id), details: { after, movedDistricts: moved } });
    return row.id;
  });
  return getOffice(ctx, id);
}

export async function updateOffice(ctx: ServiceContext, id: number, b: UpdateOfficeInput): Promise<Office> {
  await inTransaction(ctx, async (tx, audit) => {
    const branch = await tx.selectFrom('branches').select(['id']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!branch) throw notFound('branch');
    await advisoryXactLock(tx, LOCK_CLASS.branchOffices, 'all');
    const before = (await officesWhere(tx, [id]))[0]!;
    if (b.name !== undefined && b.name !== before.name) {
      if (await tx.selectFrom('branches').select('id').where(sql`lower(name)`, '=', b.name.toLowerCase()).where('id', '<>', id).executeTakeFirst()) throw conflict(`a branch named ${b.name} exists`, 'name');
      await tx.updateTable('branches').set({ name: b.name, updated_at: new Date() }).where('id', '=', id).execute();
    }
    let moved: Awaited<ReturnType<typeof claimDistricts>> = [];
    if (b.districtIds !== undefined) {
      moved = await claimDistricts(tx, id, b.districtIds, 'districtIds');
      await setCoverage(tx, id, b.districtIds);
    }
    if (b.posts !== undefined) await setPosts(tx, id, b.posts);
    const after = (await officesWhere(tx, [id]))[0]!;
    await audit({ action: 'branch.update', entityType: 'branch', entityId: String(id), details: { before, after, movedDistricts: moved } });
  });
  return getOffice(ctx, id);
}

type OfficeShape = Pick<Office, 'name' | 'districts' | 'posts'>;

/**
 * What changed between two states of a branch, field by field, with the earlier value: its name, the districts
 * it covers (names, sorted), and each staff post's sanctioned and filled numbers (0 when the post is not listed).
 */
export function branchChanges(before: OfficeShape, after: OfficeShape): Array<{ field: string; before: unknown; after: unknown }> {
  const out: Array<{ field: string; before: unknown; after: unknown }> = [];
  if (before.name !== after.name) out.push({ field: 'name', before: before.name, after: after.name });
  const names = (o: OfficeShape) => o.districts.map((d) => d.name).sort((a, b) => a.localeCompare(b));
  if (names(before).join('\u0000') !== names(after).join('\u0000')) out.push({ field: 'districts', before: names(before), after: names(after) });
  const post = (o: OfficeShape, p: PostKind) => o.posts.find((x) => x.post === p) ?? { sanctioned: 0, filled: 0 };
  for (const p of postKinds) {
    for (const k of ['sanctioned', 'filled'] as const) {
      const [b, a] = [post(before, p)[k], post(after, p)[k]];
      if (b !== a) out.push({ field: `posts.${p}.${k}`, before: b, after: a });
    }
  }
  return out;
}

/**
 * The corrections of a branch office, newest first: each audited change of the branch (`branch.update`, which
 * records the office before and after) split into the fields that changed. The audit trail is the record here:
 * nothing is kept twice.
 */
export async function listBranchCorrections(ctx: AppContext, id: number, q: BranchCorrectionsQuery) {
  const branch = await ctx.db.selectFrom('branches').select('id').where('id', '=', id).executeTakeFirst();
  if (!branch) throw notFound('branch');
  const rows = await ctx.db.selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.seq', 'audit_log.at', 'audit_log.actor_name', 'users.display_name', 'audit_log.details'])
    .where('audit_log.entity_type', '=', 'branch').where('audit_log.entity_id', '=', String(id)).where('audit_log.action', '=', 'branch.update')
    .orderBy('audit_log.seq', 'desc').execute();
  const all: BranchCorrection[] = [];
  for (const r of rows) {
    const d = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as { before?: OfficeShape; after?: OfficeShape };
    if (!d.before || !d.after) continue;
    branchChanges(d.before, d.after).forEach((c, i) => all.push({ id: Number(r.seq) * 100 + i, ...c, actor: r.display_name ?? (r.actor_name || null), at: r.at.toISOString() }));
  }
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length, limit: q.limit, offset: q.offset };
}
