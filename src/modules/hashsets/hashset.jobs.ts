import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { conflict } from '../../platform/http/errors.ts';
import { defineJobKind } from '../../platform/jobs/queue.ts';
import { jobStorage } from '../../platform/storage/index.ts';
import { readHashSetFile, type HashSetFormat } from './formats/index.ts';
import { importHashSetInto, type HashSetMeta } from './hashset.service.ts';
import { notifyKnownMatches, recheckMediaAgainstSet, type RecheckResult } from './hashset.recheck.ts';

// A hash-set import as a job, in steps that each commit once (queue.ts):
//   import   the set and its entries, in one transaction (a bad line leaves nothing);
//   recheck  every file already ingested against the new set, matches recorded (repeatable: unique matches);
//   notify   the case teams whose files matched, once.
// The uploaded file waits in the job storage (jobStorage) until the job ends, so any worker can read it.
export interface HashSetImportPayload {
  meta: HashSetMeta;
  format: HashSetFormat;
  /** Key of the uploaded file in the job storage. */
  file: string;
}

defineJobKind<HashSetImportPayload>('hashset.import', {
  unit: 'entries',
  failure: 'import failed; see the server log',
  async run(run) {
    const { meta, format, file } = run.payload;
    const storage = jobStorage(run.ctx.config);
    const imported = await run.step('import', async (tx, audit) => {
      // (A refusal ends the job: its upload goes too.)
      const exists = await tx.selectFrom('hash_sets').select('id').where('name', '=', meta.name).executeTakeFirst();
      if (exists) {
        await storage.delete(file);
        throw conflict(`a hash set named "${meta.name}" exists`, 'name');
      }
      // The stored upload is copied to a local file first: the format readers read files.
      const dir = await mkdtemp(join(tmpdir(), 'amaan-hashset-'));
      try {
        const local = join(dir, 'upload');
        await pipeline(await storage.get(file), createWriteStream(local));
        return await importHashSetInto(tx, audit, run.ctx, meta, readHashSetFile(local, format), (p) => run.report(p.entries));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
    await storage.delete(file);
    run.report(imported.entries, imported.entries);
    let recheck: RecheckResult | undefined;
    if (!run.done('recheck')) {
      recheck = await recheckMediaAgainstSet(run.ctx, imported.id, { signal: run.signal });
      await run.step('recheck', async () => recheck);
    }
    const told = await run.step('notify', (tx, audit) => notifyKnownMatches(tx, audit, imported.id));
    return { id: imported.id, entries: imported.entries, casesTold: told.length, matchedFiles: told.reduce((s, c) => s + c.files, 0) };
  },
});
