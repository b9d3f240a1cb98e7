import { basename, resolve } from 'node:path';
import { realpath } from 'node:fs/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { CASE_OPTION_HELP, checkCaseArgument, resolveCase } from '../cli-input.ts';
import { sql } from 'kysely';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { checkNewEvidence, insertEvidenceItem } from '../../modules/evidence/evidence.service.ts';
import { historyReason } from '../../modules/cases/case-events.ts';
import { runIngest, type IngestProgress } from '../../modules/media/ingest/ingest.service.ts';
import { HashPool } from '../../modules/media/ingest/hash-pool.ts';
import { decoderStartupReportAsync, printDecoderReport } from '../../pdq/sandbox/startup-report.ts';
import { markPhase } from '../../platform/timing.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function human(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(i ? 1 : 0)} ${units[i]}`;
}

/** A new evidence item for the folder, held by the named custodian, with the first link of its chain. */
async function newEvidenceItem(ctx: ServiceContext, caseId: string, label: string, root: string, custodian: string | undefined): Promise<string> {
  if (!custodian) throw new CliError('the evidence item is new: name its custodian with --custodian <username> (or pass --evidence <id>)');
  const user = await ctx.db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'branch_id']).where('username', '=', custodian).executeTakeFirst();
  if (!user) throw new CliError(`no user ${custodian}`, 3);
  return inTransaction(ctx, async (tx, audit) => {
    await checkNewEvidence(tx, caseId, { label, custodianId: user.id }, '--');
    const custodianActor = { id: user.id, username: user.username, displayName: user.display_name, role: user.role, branchId: user.branch_id, ip: null };
    const id = await insertEvidenceItem(tx, custodianActor, {
      caseId, label, kind: 'media_folder', description: `Media ingested from ${basename(root)}`, operationId: null, seizedAt: new Date(), custodianId: user.id, reason: historyReason('custodyMediaImaged', { folder: root }),
    });
    await audit({ action: 'evidence.create', entityType: 'evidence_item', entityId: id, details: { caseId, label, custodian } });
    return id;
  });
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('hash every file under a folder or mounted image into a case, match it against hash sets and all other cases (resumable: run again to finish an interrupted job)')
    .argument('<folder>', 'folder or mount point to walk (symbolic links are recorded, not followed)')
    .requiredOption('--case <case>', CASE_OPTION_HELP)
    .option('--branch <district>', 'with a FIR number: the branch that registered it (district, code or id)')
    .option('--evidence <id>', 'evidence item id; default: the item labelled by --label, created when missing')
    .option('--label <text>', 'label of the evidence item to record under (default: "media: <folder>")')
    .option('--custodian <username>', 'when the evidence item is new: the user who holds it (first link of its chain of custody)')
    .option('--threshold <n>', 'PDQ match distance, inclusive', '31')
    .option('--concurrency <n>', 'files in flight at once (default: 32 per core)')
    .option('--video-seconds <n>', 'vPDQ: one frame per N seconds (0 = every frame)', '1')
    .option('--batch-files <n>', 'files per committed batch', '200')
    .option('--json', 'print the summary as JSON')
    .action(async (folder: string, opts: { case: string; branch?: string; evidence?: string; label?: string; custodian?: string; threshold: string; concurrency?: string; videoSeconds: string; batchFiles: string; json?: boolean }) => {
      markPhase('modules (Node start and the CLI loaded)');
      checkCaseArgument(opts.case);
      if (opts.evidence && !UUID.test(opts.evidence)) throw new CliError('--evidence must be an evidence item id (UUID)');
      const threshold = Number(opts.threshold);
      const concurrency = opts.concurrency === undefined ? undefined : Number(opts.concurrency);
      const videoSeconds = Number(opts.videoSeconds);
      if (!Number.isInteger(threshold) || threshold < 0 || threshold > 128) throw new CliError('--threshold must be an integer 0-128');
      if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) throw new CliError('--concurrency must be an integer 1-64');
      if (!(videoSeconds >= 0)) throw new CliError('--video-seconds must be a number >= 0');
      const batchFiles = Number(opts.batchFiles);
      if (!Number.isInteger(batchFiles) || batchFiles < 1 || batchFiles > 10_000) throw new CliError('--batch-files must be an integer 1-10000');
      let root: string;
      try {
        root = await realpath(resolve(folder));
      } catch {
        throw new CliError(`${folder}: no such folder`);
      }
      // The hash workers boot (each loads its modules and starts its decoder) while the database opens.
      const pool = new HashPool();
      // ...and start on the folder's first files then, holding their results until the ingest takes them.
      pool.prefetch(root, videoSeconds, concurrency);
      // The decoder checks (a sandboxed `true`, `ffmpeg -version`) run beside the database's opening too.
      const decoderReport = decoderStartupReportAsync(process.env.NODE_ENV === 'production');
      const summary = await withPlatform(async (ctx) => {
        printDecoderReport(await decoderReport, process.stderr, false);
        markPhase('decoder sandbox check');
        const caseId = (await resolveCase(ctx.db, opts.case, opts.branch)).id;
        let evidenceId = opts.evidence;
        if (evidenceId) {
          const ev = await ctx.db.selectFrom('evidence_items').select('case_id').where('id', '=', evidenceId).executeTakeFirst();
          if (!ev || ev.case_id !== caseId) throw new CliError(`no evidence item ${evidenceId} in case ${caseId}`, 3);
        } else {
          const label = opts.label ?? `media: ${root}`;
          const existing = await ctx.db.selectFrom('evidence_items').select('id').where('case_id', '=', caseId).where(sql<string>`lower(label)`, '=', label.toLowerCase()).executeTakeFirst();
          evidenceId = existing?.id ?? (await newEvidenceItem(ctx, caseId, label, root, opts.custodian));
        }
        markPhase('case and evidence item');
        const interactive = process.stderr.isTTY;
        const bar = new cliProgress.SingleBar({
          format: ' {bar} {percentage}% | {value}/{total} files | {done} of {size} | {rate}/s | ETA {eta_formatted} | matched {matched} | errors {failed}',
          hideCursor: interactive,
          stream: process.stderr,
          noTTYOutput: true,
          // In logs (no terminal) a progress line every few seconds; AMAAN_PROGRESS_MS tunes it.
          notTTYSchedule: Number(process.env.AMAAN_PROGRESS_MS) || 5000,
        }, cliProgress.Presets.shades_classic);
        const started = Date.now();
        let barStarted = false;
        let lastPhase = '';
        const onProgress = (p: IngestProgress) => {
          if (p.phase !== lastPhase && p.phase !== 'hashing' && p.phase !== 'done') process.stderr.write(`${p.phase}...\n`);
          lastPhase = p.phase;
          if (p.phase !== 'hashing' && p.phase !== 'done') return;
          const payload = { done: human(p.bytesDone), size: human(p.bytesTotal), rate: human(p.bytesDone / Math.max(0.001, (Date.now() - started) / 1000)), matched: p.matched, failed: p.failed };
          if (!barStarted) {
            bar.start(p.filesTotal, p.filesDone, payload);
            barStarted = true;
          } else {
            // The folder is counted beside the hashing, so the total may still grow for a moment.
            if (p.filesTotal !== bar.getTotal()) bar.setTotal(p.filesTotal);
            bar.update(p.filesDone, payload);
          }
        };
        const controller = new AbortController();
        const stop = () => controller.abort();
        process.once('SIGINT', stop);
        try {
          return await runIngest(ctx, { caseId: caseId, evidenceId, root, threshold, concurrency, videoSecondsPerHash: videoSeconds, batchFiles, onProgress, signal: controller.signal, pool });
        } finally {
          process.off('SIGINT', stop);
          if (barStarted) bar.stop();
        }
      }).finally(() => pool.close());
      markPhase('close (workers stopped, database closed)');
      if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else process.stdout.write(`ingest ${summary.aborted ? 'stopped (run again to resume)' : 'done'}: ${summary.filesDone}/${summary.filesTotal} files, ${human(summary.bytesDone)}, ${summary.matched} matched, ${summary.failed} with errors${summary.videosUnhashed ? ` (of which ${summary.videosUnhashed} videos not hashed: video hashing unavailable)` : ''} (job ${summary.jobId})\n`);
      if (summary.aborted) process.exitCode = 130;
    });
}
