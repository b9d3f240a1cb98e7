import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { staffRoles, type ListStaffQuery, type StaffMember } from './staff.schema.ts';

// Which staff a caller may pick from, as one SQL predicate over `users`. Only active accounts. A supervisor
// sees the investigators and supervisors of their own branch (the only ones setTeam accepts as lead or member),
// and every prosecutor and protection officer: those roles belong to no branch (prosecution service,
// child-protection bodies; see admin's roleBranchProblem), and setTeam / assignOfficer accept any of them.
export function staffVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'users'>): Expression<SqlBool> => {
    if (actor.role !== 'supervisor') return sql<SqlBool>`false`;
    const ownBranch = actor.branchId === null
      ? sql<SqlBool>`false`
      : eb.and([eb('users.role', 'in', ['investigator', 'supervisor']), eb('users.branch_id', '=', actor.branchId)]);
    return eb.and([
      eb('users.disabled', '=', false),
      eb.or([ownBranch, eb('users.role', 'in', ['prosecutor', 'protection_officer'])]),
    ]);
  };
}

export async function listStaff(ctx: ServiceContext, q: ListStaffQuery) {
  let query = ctx.db.selectFrom('users').where(staffVisibleTo(ctx.actor)).where('users.role', 'in', [...staffRoles]);
  if (q.role) query = query.where('users.role', '=', q.role);
  if (q.branchId) query = query.where('users.branch_id', '=', q.branchId);
  if (q.q) {
    const like = `%${escapeLike(q.q.toLowerCase())}%`;
    query = query.where((eb) => eb(eb.fn('lower', ['users.display_name']), 'like', like));
  }
  const [rows, total] = await Promise.all([
    query
      .leftJoin('branches', 'branches.id', 'users.branch_id')
      .select(['users.id', 'users.display_name', 'users.role', 'users.branch_id', 'branches.district'])
      .orderBy('users.display_name')
      .orderBy('users.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: StaffMember[] = rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role as StaffMember['role'],
    branchId: r.branch_id,
    district: r.district,
  }));
  return { items, total: Number(total.n), limit: q.limit, offset: q.offset };
}
