import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { verifyAudit } from '../../modules/audit/audit.service.ts';
import type { VerifyAuditResult } from '../../modules/audit/audit.schema.ts';
import { auditTrailOf } from '../../platform/audit/audit-trail.ts';
import { visibleText } from '../../platform/text/visible-text.ts';

const MEANING: Record<VerifyAuditResult['problems'][number]['kind'], string> = {
  edited: 'edited',
  chain_broken: 'chain broken',
  missing: 'missing',
  reordered: 'reordered',
  checkpoint_mismatch: 'checkpoint mismatch',
  cut_back: 'cut back',
  empty: 'empty',
  no_genesis: 'no genesis',
};

/** The verification as lines for a terminal; everything taken from the trail is made visible (no bidi or control characters). */
export function formatVerify(result: VerifyAuditResult): string {
  const head = `head ${result.headSeq ?? 0}:${result.headHash}`;
  const cps = `${result.checkpoints.count} signed checkpoint${result.checkpoints.count === 1 ? '' : 's'}${result.checkpoints.latestSeq !== null ? ` (latest at entry ${result.checkpoints.latestSeq})` : ''}`;
  if (result.ok) return `audit trail intact: ${result.entries} entries verified${result.legacyEntries ? ` (${result.legacyEntries} unkeyed from an earlier version)` : ''}; ${cps}; ${head}\n`;
  const lines = result.problems.map((p) => {
    const where = p.seq === null ? 'trail' : `entry ${p.seq}`;
    const what = p.action ? ` [${visibleText(p.action)} by ${visibleText(p.actorName ?? '?')} at ${p.at}]` : '';
    return `  ${where}: ${MEANING[p.kind]}: ${visibleText(p.detail)}${what}\n`;
  });
  const more = result.problemCount > result.problems.length ? `  … and ${result.problemCount - result.problems.length} more\n` : '';
  return `audit trail BROKEN: ${result.problemCount} problem${result.problemCount === 1 ? '' : 's'}; ${result.entries} entries checked; ${cps}; ${head}\n${lines.join('')}${more}`;
}

export function register(program: Command): void {
  const audit = program.command('audit').description('the keyed, hash-chained audit trail');
  audit
    .command('verify')
    .description('verify the audit trail end to end and every signed checkpoint; exit 0 when intact, 1 listing every bad entry (the verification is itself audited)')
    .option('--anchor <seq:hash>', 'a head printed by an earlier verify and kept elsewhere: also checked like a checkpoint')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { anchor?: string; json?: boolean }) => {
      let anchor: { seq: number; hash: string } | undefined;
      if (opts.anchor !== undefined) {
        const m = /^(\d+):([0-9a-f]{64})$/.exec(opts.anchor.trim());
        if (!m) throw new CliError('--anchor must be SEQ:HASH as printed by `amaan audit verify`, e.g. 1234:9f86d0…');
        anchor = { seq: Number(m[1]), hash: m[2]! };
      }
      const result = await withPlatform((ctx) => verifyAudit(ctx, anchor));
      process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : formatVerify(result));
      if (!result.ok) process.exitCode = 1;
    });
  audit
    .command('checkpoint')
    .description('sign the head of the trail with the installation key now and append it to the checkpoint file (outside the database)')
    .action(async () => {
      const written = await withPlatform(async (ctx) => {
        const trail = auditTrailOf(ctx.db);
        return { checkpoint: await trail.checkpoint(ctx.db), where: trail.checkpoints.where };
      });
      if (written.checkpoint) process.stdout.write(`checkpoint written to ${written.where}: entry ${written.checkpoint.seq}:${written.checkpoint.hash} at ${written.checkpoint.at}, key ${written.checkpoint.keyId}\n`);
      else process.stdout.write(`no new checkpoint: the head is already checkpointed, or it was refused (see the warning); run amaan audit verify\n`);
    });
}
