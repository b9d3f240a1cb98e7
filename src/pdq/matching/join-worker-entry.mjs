// Entry of a join worker thread (block-join.ts): the precompiled worker when the CLI runs precompiled
// (bin/amaan.js sets AMAAN_COMPILED_DIR), else tsx's loader registered in this thread and the TypeScript worker.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const compiled = process.env.AMAAN_COMPILED_DIR ? join(process.env.AMAAN_COMPILED_DIR, 'join-worker.js') : null;
if (compiled && existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./join-worker.ts');
}
