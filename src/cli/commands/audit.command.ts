import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { verifyAudit } from '../../modules/audit/audit.service.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit trail');
  audit
    .command('verify')
    .description('verify the audit trail end to end; exit 0 when intact, 1 naming the first bad entry (the verification is itself audited)')
    .option('--anchor <seq:hash>', 'a head printed by an earlier verify and kept elsewhere: also catches a trail cut back or rewritten behind it')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { anchor?: string; json?: boolean }) => {
      let anchor: { seq: number; hash: string } | undefined;
      if (opts.anchor !== undefined) {
        const m = /^(\d+):([0-9a-f]{64})$/.exec(opts.anchor.trim());
        if (!m) throw new CliError('--anchor must be SEQ:HASH as printed by `amaan audit verify`, e.g. 1234:9f86d0…');
        anchor = { seq: Number(m[1]), hash: m[2]! };
      }
      const result = await withPlatform((ctx) => verifyAudit(ctx, anchor));
      if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else if (result.ok) {
        process.stdout.write(`audit trail intact: ${result.entries} entries verified; head ${result.headSeq ?? 0}:${result.headHash}\n`);
      } else {
        const bad = result.firstBad!;
        const what = { hash_mismatch: 'its content does not match its hash (edited)', chain_broken: 'it does not follow the entry before it (an entry was removed or inserted before it)', anchor_missing: 'the anchored entry is gone (the trail was cut back)', anchor_mismatch: 'the anchored entry has another hash (the trail was rewritten)' }[bad.problem];
        process.stdout.write(`audit trail BROKEN at entry ${bad.seq}: ${bad.problem}: ${what}${bad.action ? ` [${bad.action} by ${bad.actorName} at ${bad.at}]` : ''}; ${result.entries} entries checked\n`);
      }
      if (!result.ok) process.exitCode = 1;
    });
}
