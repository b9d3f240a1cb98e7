import { systemActor } from '../../platform/access/actor.ts';
import type { AppContext, ServiceContext } from '../../platform/context.ts';
import { startPeriodicJob, type PeriodicJob } from '../../platform/jobs/background.ts';
import { sendDeadlineAlerts } from '../requests/legal-request.service.ts';
import { sendDueNotices } from './takedown.service.ts';

// The server's own schedule (issue 11): every few minutes it sends the takedown notices that are due and tells case
// teams of legal-request deadlines that are near. Both decide in one statement, so the CLI (`amaan takedowns
// renotice`) or a second server running at the same moment never repeat a notice or an alert.

export async function runSchedules(ctx: AppContext, now?: Date) {
  const sctx: ServiceContext = { ...ctx, actor: systemActor('schedule') };
  const notices = await sendDueNotices(sctx, now);
  const alerts = await sendDeadlineAlerts(sctx, now);
  return { notices, alerts };
}

export function startSchedules(ctx: AppContext, opts: { everyMs?: number; log?: (message: string) => void } = {}): PeriodicJob {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const job = startPeriodicJob('takedowns-and-deadlines', opts.everyMs ?? 5 * 60_000, async () => {
    const { notices, alerts } = await runSchedules(ctx);
    if (notices.sent || alerts.alerted) log(`schedule: ${notices.sent} takedown notice(s) sent, ${alerts.alerted} deadline alert(s) to ${alerts.notified} officer(s)`);
  }, (name, err) => log(`schedule ${name} failed: ${err instanceof Error ? err.message : String(err)}`));
  void job.runNow();
  return job;
}
