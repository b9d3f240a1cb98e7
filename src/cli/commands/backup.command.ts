import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { inTransaction } from '../../platform/context.ts';
import { auditTrailOf, CHECKPOINT_FILE, loadAuditTrail } from '../../platform/audit/audit-trail.ts';
import { fileCheckpointStore, memoryCheckpointStore, readCheckpoints } from '../../platform/audit/checkpoints.ts';
import { BackupRefused, backupName, checkBackup, restoreBackup, verifyAgainstAnchor, writeBackup, type BackupProgress } from '../../platform/backup/backup.ts';
import { ConfigError, loadConfig } from '../../platform/config.ts';
import { acquireDataLock } from '../../platform/db/data-lock.ts';
import { migrateToLatest, openDatabase } from '../../platform/db/database.ts';
import { documentStorage } from '../../platform/storage/index.ts';
import { currentRole, grantAppRoleTo } from '../../platform/db/app-role.ts';

// `amaan backup --out DIR` and `amaan restore DIR` (src/platform/backup/backup.ts), with a progress bar on stderr.

function progressBar(label: string): { onProgress: (p: BackupProgress) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar({
    format: ` ${label} {phase} [{bar}] {value}/{total} tables {table}`,
    stream: process.stderr,
    hideCursor: process.stderr.isTTY,
    noTTYOutput: true,
    notTTYSchedule: Number(process.env.AMAAN_PROGRESS_MS) || 5000,
  }, cliProgress.Presets.shades_classic);
  let phase = '';
  let started = false;
  return {
    onProgress: (p) => {
      const payload = { phase: p.phase, table: p.table ?? '' };
      if (!started) {
        bar.start(p.total, p.done, payload);
        started = true;
      } else if (p.phase !== phase) {
        bar.setTotal(p.total);
      }
      phase = p.phase;
      bar.update(p.done, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

export function register(program: Command): void {
  program
    .command('backup')
    .description('copy every table of the database (one consistent snapshot, the server may keep running on PostgreSQL) into a new folder, with a manifest signed by the installation key and the audit chain head as its anchor; keys are never copied')
    .requiredOption('--out <folder>', 'new folder to write the backup into')
    .action(async (opts: { out: string }) => {
      const progress = progressBar('backup');
      try {
        const signed = await withPlatform(async (ctx) => {
          const trail = auditTrailOf(ctx.db);
          // Recorded first, so the backup holds the entry that says who took it (and its checkpoint matches).
          await inTransaction(ctx, (_tx, audit) => audit({ action: 'backup.create', entityType: 'database', entityId: null, details: { folder: backupName(opts.out), engine: ctx.engine } }));
          // Document files in the local folder are copied in; an object store is backed up by its own means.
          const documents = ctx.config.storage.kind === 'local' ? documentStorage(ctx.config) : undefined;
          return writeBackup(ctx.db, opts.out, { engine: ctx.engine, signingKey: trail.signingKey, auditKeyId: trail.keyId, documents, onProgress: progress.onProgress });
        });
        progress.stop();
        const m = signed.manifest;
        const rows = m.tables.reduce((n, t) => n + t.rows, 0);
        const docs = m.documents ? `${m.documents.length} document files` : 'document files not included (object store: back up the bucket)';
        process.stdout.write(`backup written to ${opts.out}: ${m.tables.length} tables, ${rows} rows, ${docs} (${m.engine}); audit anchor ${m.anchor.seq}:${m.anchor.hash}; signed with installation key ${m.keys.signingKeyId}; no keys inside\n`);
      } catch (err) {
        progress.stop();
        if (err instanceof BackupRefused) throw new CliError(err.message, 2);
        throw err;
      }
    });
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('restore a backup into a FRESH database (DATABASE_URL, or a new AMAAN_DATA_DIR) with the same keys (key folder or AMAAN_* secrets); refuses a backup whose signature or files do not verify, and commits only when every table and the audit chain (against the anchor) verify')
    .argument('<folder>', 'backup folder written by amaan backup')
    .action(async (folder: string) => {
      let config;
      try {
        config = loadConfig();
      } catch (err) {
        if (err instanceof ConfigError) throw new CliError(err.message, 2);
        throw err;
      }
      const progress = progressBar('restore');
      const lock = config.databaseUrl ? null : acquireDataLock(config.dataDir);
      try {
        const trail = loadAuditTrail(config, { checkpoints: memoryCheckpointStore() });
        const manifest = await checkBackup(folder, trail.signingKey.publicKeyPem, progress.onProgress);
        const owner = config.databaseUrl
          ? await openDatabase({ url: config.databaseMigrationUrl ?? config.databaseUrl, poolSize: 1 })
          : await openDatabase({ dataDir: join(config.dataDir, 'pglite') });
        let result;
        try {
          await migrateToLatest(owner.db);
          result = await restoreBackup(trail.attach(owner.db), folder, manifest, { verifyAudit: verifyAgainstAnchor, documents: documentStorage(config), onProgress: progress.onProgress });
          if (config.databaseUrl && config.databaseMigrationUrl) {
            const appUser = decodeURIComponent(new URL(config.databaseUrl).username) || process.env.PGUSER || userInfo().username;
            if (appUser !== (await currentRole(owner.db))) await grantAppRoleTo(owner.db, appUser);
          }
        } finally {
          await owner.close();
        }
        progress.stop();
        process.stdout.write(`restored ${result.tables} tables, ${result.rows} rows, ${result.documents} document files from ${folder} (made ${manifest.createdAt} on ${manifest.engine}); every table matches the manifest; audit trail intact: ${result.audit.entries} entries, head ${manifest.anchor.seq}:${manifest.anchor.hash} = the backup's anchor\n`);
        // Checkpoints of this key folder that record entries after the anchor: those entries are not in the backup.
        const file = fileCheckpointStore(config.auditCheckpoints ?? join(config.keyDir, CHECKPOINT_FILE));
        const later = (await readCheckpoints(file, trail.signingKey.publicKeyPem)).filter((c) => c.valid && c.checkpoint.seq > manifest.anchor.seq);
        if (later.length) {
          const last = Math.max(...later.map((c) => c.checkpoint!.seq));
          process.stderr.write(`amaan: note: ${file.where} records audit entries up to ${last}, after this backup's anchor ${manifest.anchor.seq}: entries ${manifest.anchor.seq + 1}-${last} were written after the backup and are not restored; amaan audit verify will report the trail cut back until that file is moved aside (keep it as the record of what was lost)\n`);
        }
      } catch (err) {
        progress.stop();
        if (err instanceof BackupRefused) throw new CliError(`restore refused: ${err.message}`, 2);
        throw err;
      } finally {
        lock?.release();
      }
    });
}
