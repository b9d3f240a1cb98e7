import { createHash, createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { readOrCreateKeyFile } from '../crypto/key-files.ts';
import { installationKeyFrom, loadInstallationKey, type InstallationKey } from '../crypto/installation-key.ts';
import { generateKeyPairSync } from 'node:crypto';
import { fileCheckpointStore, memoryCheckpointStore, readCheckpoints, signCheckpoint, type Checkpoint, type CheckpointStore } from './checkpoints.ts';

// The audit trail's secrets and its off-database record, carried by the database handle itself.
//
// Entries are chained with HMAC-SHA256 under a key kept OUTSIDE the database (AMAAN_AUDIT_KEY or a key
// file in the key folder): someone who can write the database but not read that key cannot forge or
// re-chain an entry. The head of the chain is signed with the installation's Ed25519 key shortly after
// every audited change and appended to a checkpoint file beside the keys: they cannot empty the trail
// or cut it back behind a checkpoint either.
//
// AuditTrail is installed on the Kysely instance as a plugin that changes nothing in queries: plugins
// travel with every transaction Kysely opens, so appendAudit(tx, …) finds the key wherever a service
// opened its transaction, and a handle without it refuses to write audit entries (fail closed).

export const AUDIT_KEY_FILE = 'audit-hmac.key';
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';
/** How long after an audited change its checkpoint is written (changes in between share one). */
export const CHECKPOINT_DELAY_MS = 1000;

export interface AuditTrailOptions {
  hmacKey: Buffer;
  signingKey: InstallationKey;
  checkpoints: CheckpointStore;
  delayMs?: number;
}

export class AuditTrail implements KyselyPlugin {
  readonly keyId: string;
  readonly signingKey: InstallationKey;
  readonly checkpoints: CheckpointStore;
  readonly #hmacKey: Buffer;
  readonly #delayMs: number;
  #db: Db | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();
  #pending = false;
  #highestAppended = 0;
  #lastWritten: { seq: number; hash: string } | undefined;
  #highestCheckpointed: number | undefined;
  #retries = 0;
  #closed = false;

  constructor(opts: AuditTrailOptions) {
    if (opts.hmacKey.length !== 32) throw new Error('the audit key must be 32 bytes');
    this.#hmacKey = Buffer.from(opts.hmacKey);
    this.keyId = createHash('sha256').update('amaan-audit-hmac-key\n').update(this.#hmacKey).digest('hex').slice(0, 16);
    this.signingKey = opts.signingKey;
    this.checkpoints = opts.checkpoints;
    this.#delayMs = opts.delayMs ?? CHECKPOINT_DELAY_MS;
  }

  /** HMAC-SHA256 (hex) of the previous entry's hash and this entry's stored body. */
  mac(prevHash: string, body: string): string {
    return createHmac('sha256', this.#hmacKey).update(prevHash).update('\n').update(body, 'utf8').digest('hex');
  }

  // KyselyPlugin: carried along, changes nothing.
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** The database handle (with this plugin) that checkpoints read the head from. */
  attach(db: Db): Db {
    const withTrail = db.withPlugin(this);
    this.#db = withTrail;
    return withTrail;
  }

  /** Called by appendAudit (inside the transaction): a checkpoint follows within the delay. */
  noteAppend(seq: number): void {
    if (seq > this.#highestAppended) this.#highestAppended = seq;
    this.#pending = true;
    this.#retries = 0;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer || this.#closed || !this.#db) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#running = this.#running.then(() => this.#timed());
    }, this.#delayMs);
    this.#timer.unref();
  }

  async #timed(): Promise<void> {
    if (!this.#pending || !this.#db) return;
    try {
      const written = await this.checkpoint(this.#db);
      // The change that asked for it may still be open: look again shortly (a rolled-back one gives up).
      const head = written?.seq ?? this.#lastWritten?.seq ?? 0;
      if (head < this.#highestAppended && this.#retries++ < 5) {
        this.#pending = true;
        this.#schedule();
      }
    } catch (err) {
      if (!this.#closed) process.emitWarning(`audit checkpoint not written: ${(err as Error).message}`);
    }
  }

  /**
   * Signs the committed head of the trail and appends it to the checkpoint store, unless it is the one
   * written last. Refuses (null, with a warning) a head whose keyed hash is wrong or that is behind a
   * checkpoint already written: a trail cut back must not be vouched for.
   */
  async checkpoint(db: Db = this.#db!): Promise<Checkpoint | null> {
    this.#pending = false;
    const head = await db.selectFrom('audit_log').select(['seq', 'hash', 'prev_hash', 'v', 'body']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (!head) return null;
    if (this.#lastWritten && this.#lastWritten.seq === head.seq && this.#lastWritten.hash === head.hash) return null;
    if (head.v !== 2 || head.body === null || this.mac(head.prev_hash, head.body) !== head.hash) {
      process.emitWarning(`audit checkpoint refused: the head entry ${head.seq} does not carry a valid keyed hash (run amaan audit verify)`);
      return null;
    }
    if (this.#highestCheckpointed === undefined) {
      const existing = await readCheckpoints(this.checkpoints, this.signingKey.publicKeyPem);
      this.#highestCheckpointed = Math.max(0, ...existing.filter((c) => c.valid).map((c) => c.checkpoint!.seq));
    }
    if (head.seq < this.#highestCheckpointed) {
      process.emitWarning(`audit checkpoint refused: the trail ends at ${head.seq}, behind checkpoint ${this.#highestCheckpointed} (run amaan audit verify)`);
      return null;
    }
    const c = signCheckpoint(this.signingKey, { seq: head.seq, hash: head.hash });
    await this.checkpoints.append(c);
    this.#lastWritten = { seq: c.seq, hash: c.hash };
    this.#highestCheckpointed = Math.max(this.#highestCheckpointed, c.seq);
    return c;
  }

  /** Writes the checkpoint still due (if any) and stops the timer. Call before closing the database. */
  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running.catch(() => undefined);
    if (this.#pending && this.#db) {
      try {
        await this.checkpoint(this.#db);
      } catch (err) {
        process.emitWarning(`audit checkpoint not written at close: ${(err as Error).message}`);
      }
    }
    this.#closed = true;
  }
}

/** The AuditTrail installed on this database handle or transaction; throws when there is none. */
export function auditTrailOf(db: { getExecutor(): { plugins: ReadonlyArray<KyselyPlugin> } }): AuditTrail {
  const trail = db.getExecutor().plugins.find((p): p is AuditTrail => p instanceof AuditTrail);
  if (!trail) throw new Error('no audit key on this database handle: open it with startPlatform (or AuditTrail.attach)');
  return trail;
}

const isBase64Key = (s: string) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(s) && Buffer.from(s, 'base64').length === 32;

/**
 * The audit key (AMAAN_AUDIT_KEY, else a key file created once in the key folder), the installation
 * signing key, and the checkpoint file (AMAAN_AUDIT_CHECKPOINTS, else in the key folder). In memory
 * (tests, throwaway databases): fresh keys and checkpoints kept in memory.
 */
export function loadAuditTrail(config: Pick<Config, 'keyDir' | 'auditKey' | 'auditCheckpoints' | 'signingKey'>, opts: { inMemory?: boolean; checkpointDelayMs?: number; checkpoints?: CheckpointStore } = {}): AuditTrail {
  if (opts.inMemory) {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    return new AuditTrail({
      hmacKey: config.auditKey ? Buffer.from(config.auditKey, 'base64') : randomBytes(32),
      signingKey: config.signingKey ? loadInstallationKey(config.keyDir, config.signingKey) : installationKeyFrom(pem),
      checkpoints: config.auditCheckpoints ? fileCheckpointStore(config.auditCheckpoints) : memoryCheckpointStore(),
      delayMs: opts.checkpointDelayMs,
    });
  }
  const keyText = config.auditKey ?? readOrCreateKeyFile(config.keyDir, AUDIT_KEY_FILE, () => randomBytes(32).toString('base64'));
  if (!isBase64Key(keyText)) throw new Error(`the audit key (${config.auditKey ? 'AMAAN_AUDIT_KEY' : join(config.keyDir, AUDIT_KEY_FILE)}) must be 32 bytes, base64-encoded`);
  return new AuditTrail({
    hmacKey: Buffer.from(keyText, 'base64'),
    signingKey: loadInstallationKey(config.keyDir, config.signingKey),
    // A restore verifies against its backup's anchor only (checkpoints: memory), never the file of later heads.
    checkpoints: opts.checkpoints ?? fileCheckpointStore(config.auditCheckpoints ?? join(config.keyDir, CHECKPOINT_FILE)),
    delayMs: opts.checkpointDelayMs,
  });
}
