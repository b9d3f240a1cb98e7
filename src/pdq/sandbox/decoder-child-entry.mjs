// Entry of an image decoder child process: the precompiled decoder when the CLI runs precompiled (bin/amaan.js
// sets AMAAN_COMPILED_DIR and decoder-pool.ts passes it on; the folder lies under node_modules, which the sandbox
// binds read-only), else tsx's loader registered here and the TypeScript decoder. Loading tsx and the sources
// cost each child about as much as the CLI's own start (issue 14, the fixed cost of ingest).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const compiled = process.env.AMAAN_COMPILED_DIR ? join(process.env.AMAAN_COMPILED_DIR, 'decoder-child.js') : null;
if (compiled && existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./decoder-child.ts');
}
