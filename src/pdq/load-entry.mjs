// How every worker thread and child process loads its code: the precompiled bundle when the CLI runs
// precompiled (bin/amaan.js sets AMAAN_COMPILED_DIR; scripts/cli-compiled.mjs names the bundled entries), else
// tsx's loader registered in this thread and the TypeScript source. Entries the bundle lacks pass no name.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** compiledName: the entry's file in the precompiled folder, or null; source: the TypeScript module's URL. */
export async function loadEntry(compiledName, source) {
  const dir = process.env.AMAAN_COMPILED_DIR;
  const compiled = compiledName && dir ? join(dir, compiledName) : null;
  if (compiled && existsSync(compiled)) {
    await import(pathToFileURL(compiled).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
}
