import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { promptHidden, readStdin, resolveBranch } from '../cli-input.ts';
import { passwordProblem } from '../../platform/auth/passwords.ts';
import { branchRoles, userRole, userRoles, username as usernameSchema } from '../../modules/admin/admin.schema.ts';
import { createUser, findUserByUsername, issueToken, resetMfa } from '../../modules/admin/admin.service.ts';

async function readPassword(fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) return readStdin();
  const first = await promptHidden('Password (at least 12 characters, not a common one): ');
  const problem = passwordProblem(first);
  if (problem) throw new CliError(`password ${problem}`);
  const second = await promptHidden('Again: ');
  if (first !== second) throw new CliError('the two passwords differ');
  return first;
}

export function register(program: Command): void {
  const user = program.command('user').description('user accounts: create, issue API tokens to service accounts, reset MFA');

  user
    .command('create')
    .description('create a user (investigators and supervisors need --branch; other roles have none); audited')
    .requiredOption('--username <name>', 'lower-case letters, digits, . _ -, starting with a letter')
    .requiredOption('--role <role>', userRoles.join(' | '))
    .option('--branch <branch>', 'district name, branch code or id (investigator and supervisor only)')
    .option('--display-name <name>', 'name shown in the app (default: the username)')
    .option('--password-stdin', 'read the password from standard input instead of asking')
    .option('--service-account', 'an account for platform intake or a script: API tokens only, no password, never a sign-in')
    .action(async (opts: { username: string; role: string; branch?: string; displayName?: string; passwordStdin?: boolean; serviceAccount?: boolean }) => {
      // Everything that can be checked without the database is checked first.
      const role = userRole.safeParse(opts.role);
      if (!role.success) throw new CliError(`--role must be one of ${userRoles.join(', ')}; got "${opts.role}"`);
      const name = usernameSchema.safeParse(opts.username);
      if (!name.success) throw new CliError(`--username: ${name.error.issues[0]!.message}`);
      if (branchRoles.has(role.data) && !opts.branch) throw new CliError(`--branch is required for the role ${role.data}`);
      if (!branchRoles.has(role.data) && opts.branch) throw new CliError(`--branch is only for investigators and supervisors, not ${role.data}`);
      if (opts.serviceAccount && (role.data === 'protection_officer' || role.data === 'administrator')) throw new CliError(`a service account cannot be a ${role.data}`);
      if (opts.serviceAccount && opts.passwordStdin) throw new CliError('a service account has no password: leave out --password-stdin');
      const displayName = (opts.displayName ?? name.data).trim();
      let password: string | undefined;
      if (!opts.serviceAccount) {
        password = await readPassword(opts.passwordStdin);
        const problem = passwordProblem(password, [name.data, displayName]);
        if (problem) throw new CliError(`password ${problem}`);
      }
      const created = await withPlatform(async (ctx) => {
        const branch = opts.branch ? await resolveBranch(ctx.db, opts.branch) : null;
        const id = await createUser(ctx, { username: name.data, displayName, role: role.data, branchId: branch?.id ?? null, password, serviceAccount: opts.serviceAccount });
        return { id, branch };
      }, { create: true });
      process.stdout.write(`created ${opts.serviceAccount ? 'service account ' : ''}${role.data} ${name.data}${created.branch ? ` in ${created.branch.district}` : ''} (${created.id})\n`);
    });

  user
    .command('token')
    .description('issue an API token for a service account and print it once (only its hash is kept); people create their own in the web app; audited')
    .requiredOption('--username <name>', 'the service account the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "platform intake"')
    .option('--expires <date>', 'expiry as an ISO 8601 date-time (default: none)')
    .action(async (opts: { username: string; name: string; expires?: string }) => {
      if (!opts.name.trim() || opts.name.length > 100) throw new CliError('--name must be 1 to 100 characters');
      if (opts.expires !== undefined && Number.isNaN(Date.parse(opts.expires))) throw new CliError('--expires must be an ISO 8601 date-time, e.g. 2026-12-31T23:59:59Z');
      const expiresAt = opts.expires === undefined ? undefined : new Date(opts.expires).toISOString();
      const token = await withPlatform(async (ctx) => {
        const u = await findUserByUsername(ctx, opts.username);
        return issueToken(ctx, u.id, { name: opts.name.trim(), expiresAt });
      });
      process.stderr.write(`API token "${token.name}" for ${opts.username} (${token.id})${token.expiresAt ? `, expires ${token.expiresAt}` : ''}. It is shown once; store it now:\n`);
      process.stdout.write(`${token.token}\n`);
    });

  user
    .command('reset-mfa')
    .description('switch a user\'s second factor off (lost phone): they enrol again at the next sign-in; their sessions end; audited')
    .requiredOption('--username <name>', 'the user')
    .action(async (opts: { username: string }) => {
      await withPlatform(async (ctx) => {
        const u = await findUserByUsername(ctx, opts.username);
        await resetMfa(ctx, u.id);
      });
      process.stdout.write(`multi-factor authentication reset for ${opts.username}: they enrol again at the next sign-in\n`);
    });
}
