import { appendFile, readFile } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson } from '../text/well-formed.ts';
import { verifySignature, type InstallationKey } from '../crypto/installation-key.ts';

// Signed checkpoints of the audit trail's head, kept OUTSIDE the database (a file in the key folder by
// default). Each line: {"seq","hash","at","keyId","sig"}; sig is the installation's Ed25519 signature of
// the canonical JSON of {purpose, seq, hash, at, keyId}. Someone who controls the database but not the
// key folder cannot remove, rewrite or cut back the trail behind a checkpoint without `verify` seeing it.

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  sig: string;
}

export type ReadCheckpoint = { line: number; checkpoint: Checkpoint; valid: boolean } | { line: number; checkpoint: null; valid: false; problem: string };

const PURPOSE = 'amaan-audit-checkpoint-v1';

function signedText(c: Omit<Checkpoint, 'sig'>): string {
  return canonicalJson({ purpose: PURPOSE, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId });
}

export function signCheckpoint(key: InstallationKey, head: { seq: number; hash: string }, at = new Date()): Checkpoint {
  const body = { seq: head.seq, hash: head.hash, at: at.toISOString(), keyId: key.keyId };
  return { ...body, sig: key.sign(signedText(body)) };
}

export function checkpointValid(publicKeyPem: string, c: Checkpoint): boolean {
  return verifySignature(publicKeyPem, signedText(c), c.sig);
}

/** Where checkpoints are appended and read back: a file (default), or memory (in-memory databases). */
export interface CheckpointStore {
  readonly where: string;
  append(c: Checkpoint): Promise<void>;
  readAll(): Promise<string[]>;
}

export function fileCheckpointStore(path: string): CheckpointStore {
  return {
    where: path,
    async append(c) {
      if (!existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // One short write with O_APPEND: lines from several processes never interleave.
      await appendFile(path, `${JSON.stringify(c)}\n`, { mode: 0o600, flag: 'a' });
    },
    async readAll() {
      if (!existsSync(path)) return [];
      return (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    },
  };
}

export function memoryCheckpointStore(): CheckpointStore {
  const lines: string[] = [];
  return {
    where: '(memory)',
    async append(c) {
      lines.push(JSON.stringify(c));
    },
    async readAll() {
      return [...lines];
    },
  };
}

/** Every line of the store, parsed and its signature checked against the public key. */
export async function readCheckpoints(store: CheckpointStore, publicKeyPem: string): Promise<ReadCheckpoint[]> {
  const lines = await store.readAll();
  return lines.map((text, i) => {
    let c: Checkpoint;
    try {
      c = JSON.parse(text) as Checkpoint;
    } catch {
      return { line: i + 1, checkpoint: null, valid: false, problem: 'not JSON' };
    }
    const shaped =
      c && typeof c === 'object' && Number.isSafeInteger(c.seq) && c.seq > 0 && typeof c.hash === 'string' && /^[0-9a-f]{64}$/.test(c.hash) &&
      typeof c.at === 'string' && typeof c.keyId === 'string' && typeof c.sig === 'string';
    if (!shaped) return { line: i + 1, checkpoint: null, valid: false, problem: 'not a checkpoint' };
    return { line: i + 1, checkpoint: c, valid: checkpointValid(publicKeyPem, c) };
  });
}
