// `amaan takedowns renotice`: sends (records) every takedown notice that is due, and the legal-request deadline
// alerts, exactly as the server's own schedule does every few minutes. Safe to run while the server runs on
// PostgreSQL: each notice and alert is decided in one statement, so none is sent twice.
import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { runSchedules } from '../../modules/takedowns/schedules.ts';

export function register(program: Command): void {
  const takedowns = program.command('takedowns').description('takedowns of online material: repeat notices until removal');
  takedowns.command('renotice')
    .description('send (record) every repeat notice that is due now, and tell case teams of legal-request deadlines that are near')
    .option('--at <iso>', 'act as if it were this moment (ISO date-time with offset), e.g. to catch up after an outage')
    .option('--json', 'print JSON')
    .action(async (o: { at?: string; json?: boolean }) => {
      let now: Date | undefined;
      if (o.at !== undefined) {
        now = new Date(o.at);
        if (!/[zZ]|[+-]\d\d:?\d\d$/.test(o.at) || Number.isNaN(now.getTime())) throw new CliError('--at: an ISO 8601 date-time with offset, e.g. 2025-06-02T10:00:00+05:00');
      }
      const result = await withPlatform((ctx) => runSchedules(ctx, now));
      if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        process.stdout.write(`${result.notices.sent} takedown notice(s) sent\n`);
        process.stdout.write(`${result.alerts.alerted} legal-request deadline alert(s), ${result.alerts.notified} officer(s) told\n`);
      }
    });
}
