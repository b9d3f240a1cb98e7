import { systemActor } from '../../platform/access/actor.ts';
import { inTransaction, nowOf, type AppContext, type ServiceContext } from '../../platform/context.ts';
import { startPeriodicJob, type PeriodicJob } from '../../platform/jobs/background.ts';
import { sendDeadlineAlerts } from '../requests/legal-request.service.ts';
import { sendDueNotices } from './takedown.service.ts';
import { refreshSafeguardingFlags } from '../victims/safeguarding.flags.ts';
import { extendCheckpointsIfDue } from '../stats/rollup/rebuild.ts';

// The server's own schedule (issue 11): every few minutes it sends the takedown notices that are due and tells case
// teams of legal-request deadlines that are near. Both decide in one statement, so the CLI (`amaan takedowns
// renotice`) or a second server running at the same moment never repeat a notice or an alert. It also adds the
// statistics' monthly checkpoints when a month has begun (stock_extend_checkpoints adds only the missing months).

export async function runSchedules(ctx: AppContext, now?: Date) {
  const sctx: ServiceContext = { ...ctx, actor: systemActor('schedule') };
  const notices = await sendDueNotices(sctx, now);
  const alerts = await sendDeadlineAlerts(sctx, now);
  // Safeguarding hand-offs (issue 10): follow-ups that became overdue, rescued children still without an officer.
  const safeguarding = await inTransaction(sctx, async (tx, audit) => {
    const r = await refreshSafeguardingFlags(tx, { now: now ?? nowOf(ctx) });
    if (r.raised || r.resolved) await audit({ action: 'safeguarding.flags', entityType: 'notification', entityId: null, details: { raised: r.raised, resolved: r.resolved } });
    return r;
  });
  // The stock rollup's monthly checkpoint, once a month has begun (issue 12): figures stay exact without it, reads grow.
  const checkpoints = await extendCheckpointsIfDue(sctx);
  return { notices, alerts, safeguarding, checkpoints };
}

export function startSchedules(ctx: AppContext, opts: { everyMs?: number; log?: (message: string) => void } = {}): PeriodicJob {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const job = startPeriodicJob('takedowns-and-deadlines', opts.everyMs ?? 5 * 60_000, async () => {
    const { notices, alerts, safeguarding, checkpoints } = await runSchedules(ctx);
    if (checkpoints) log(`schedule: ${checkpoints} monthly checkpoint(s) of cases by status added`);
    if (notices.sent || alerts.alerted) log(`schedule: ${notices.sent} takedown notice(s) sent, ${alerts.alerted} deadline alert(s) to ${alerts.notified} officer(s)`);
    if (safeguarding.raised || safeguarding.resolved) log(`schedule: ${safeguarding.raised} safeguarding flag(s) raised, ${safeguarding.resolved} resolved`);
  }, (name, err) => log(`schedule ${name} failed: ${err instanceof Error ? err.message : String(err)}`));
  void job.runNow();
  return job;
}
