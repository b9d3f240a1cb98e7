import type { AppContext, ServiceContext } from '../context.ts';
import { insertJobRow, runJob, type JobQueue, type WorkerSettings } from './queue.ts';

// The embedded engine (PGlite) is one process per data folder, so its jobs run here, through the same
// `runJob` and the same rows as on PostgreSQL: progress, checkpoints, refusals and retries with back-off behave
// alike. Jobs left queued or running by a process that stopped are taken up again when the queue starts.
export function startInProcessQueue(app: AppContext, settings: WorkerSettings): JobQueue {
  const concurrency = Math.max(1, settings.concurrency);
  const waiting: string[] = [];
  const running = new Map<string, Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  const stopping = new AbortController();

  const pump = () => {
    while (!stopping.signal.aborted && running.size < concurrency && waiting.length) {
      const id = waiting.shift()!;
      if (running.has(id)) continue;
      const p = runJob(app, id, settings, null, stopping.signal).then(
        () => undefined,
        async () => {
          if (stopping.signal.aborted) return;
          const row = await app.db.selectFrom('background_jobs').select('attempts').where('id', '=', id).executeTakeFirst().catch(() => undefined);
          const delay = settings.retryDelayMs * 2 ** Math.max(0, (row?.attempts ?? 1) - 1);
          const t = setTimeout(() => { timers.delete(t); waiting.push(id); pump(); }, delay);
          t.unref();
          timers.add(t);
        },
      ).finally(() => { running.delete(id); pump(); });
      running.set(id, p);
    }
  };

  // Left over by a process that stopped (one process per data folder, so nobody else runs them).
  const resumed = app.db.selectFrom('background_jobs').select('id').where('state', 'in', ['queued', 'running']).orderBy('created_at').execute()
    .then((rows) => { for (const r of rows) waiting.push(r.id); pump(); }, () => undefined);

  return {
    engine: 'in-process',
    async enqueue(ctx: ServiceContext, kind: string, payload: unknown) {
      await resumed;
      const id = await insertJobRow(ctx, kind, payload);
      waiting.push(id);
      pump();
      return id;
    },
    async stop() {
      stopping.abort();
      for (const t of timers) clearTimeout(t);
      await Promise.allSettled([...running.values()]);
    },
  };
}
