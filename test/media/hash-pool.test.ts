import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashPool } from '../../src/modules/media/ingest/hash-pool.ts';
import { walkTree, type WalkEntry } from '../../src/modules/media/ingest/walk.ts';

// The ingest's hash pool with its real worker threads (shared queue, issue 14 §3). Session 8's shared queue sent a
// file's message before making it claimable: a worker with nothing in hand could handle the message first, find
// nothing to claim and wait for ever. With one file in flight at a time (`amaan worker` runs ingests so in
// test/jobs/worker-kill.test.ts) every file was a chance: the ingest stopped within its first few hundred files
// (here at file 97 of 300 on a quiet machine). shared-queue.test.ts plays that order out deterministically.

const work = mkdtempSync(join(tmpdir(), 'amaan-hash-pool-'));
let entries: WalkEntry[];
const FILES = 400;

beforeAll(async () => {
  for (let i = 0; i < FILES; i++) writeFileSync(join(work, `f${String(i).padStart(3, '0')}.txt`), `synthetic file ${i}\n`.repeat(1 + (i % 7)));
  entries = [];
  for await (const e of walkTree(realpathSync(work))) entries.push(e);
  entries.sort((a, b) => a.relPath.localeCompare(b.relPath));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const md5 = (i: number) => createHash('md5').update(`synthetic file ${i}\n`.repeat(1 + (i % 7))).digest('hex');

/** The result, or a failure naming the file when none comes within `ms` (a file never claimed waits for ever). */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer for ${what} within ${ms} ms`)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the hash pool (worker threads, one shared queue)', () => {
  it('answers every file when they are sent one at a time (each after the last is answered)', async () => {
    const pool = new HashPool(2);
    try {
      for (let i = 0; i < FILES; i++) {
        const r = await within(pool.hash(entries[i]!, 1), 30_000, `file ${i}`);
        expect(r).toMatchObject({ relPath: entries[i]!.relPath, md5: md5(i) });
      }
    } finally {
      await pool.close();
    }
  }, 300_000);

  it('answers every file, each once, with many in flight', async () => {
    const pool = new HashPool(2);
    try {
      const results = await within(Promise.all(entries.map((e) => pool.hash(e, 1))), 120_000, 'the batch');
      expect(results.map((r) => r.relPath)).toEqual(entries.map((e) => e.relPath));
      expect(results.map((r) => r.md5)).toEqual(entries.map((_, i) => md5(i)));
    } finally {
      await pool.close();
    }
  }, 300_000);
});
