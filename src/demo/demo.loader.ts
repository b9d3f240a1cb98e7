import type { AppContext } from '../platform/context.ts';
import type { Role } from '../platform/db/schema.ts';
import { hashPassword } from '../platform/auth/passwords.ts';

export interface DemoResult {
  users: Array<{ role: Role; username: string; password: string }>;
}

// Placeholder until the full synthetic dataset lands: one demo user per role.
export async function loadDemoIfEmpty(ctx: AppContext, opts: { onProgress?: (message: string) => void } = {}): Promise<DemoResult> {
  const existing = await ctx.db.selectFrom('users').select('id').limit(1).execute();
  if (existing.length) return { users: [] };
  const branch = await ctx.db.selectFrom('branches').select('id').where('district', '=', 'Muzaffargarh').executeTakeFirstOrThrow();
  const roles: Role[] = ['investigator', 'supervisor', 'analyst', 'protection_officer', 'prosecutor', 'leadership', 'administrator', 'auditor'];
  const users: DemoResult['users'] = [];
  for (const role of roles) {
    const username = `demo.${role.replace('_officer', '').replace('istrator', '')}`;
    const password = `${username}-pass`;
    await ctx.db.insertInto('users').values({ username, display_name: `Demo ${role}`, role, branch_id: ['investigator', 'supervisor'].includes(role) ? branch.id : null, password_hash: await hashPassword(password), is_demo: true }).execute();
    users.push({ role, username, password });
  }
  opts.onProgress?.(`${users.length} demo users`);
  return { users };
}
