#!/usr/bin/env node
// Entry point of the `amaan` command: the precompiled CLI when it is built for the sources as they are
// (scripts/cli-compiled.mjs: seconds faster to start), else the TypeScript sources through tsx's loader, no build
// step (and a build starts in the background for the next run).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildInBackground, compiledDir } from '../scripts/cli-compiled.mjs';

const dir = compiledDir();
if (dir) {
  process.env.AMAAN_COMPILED_DIR = dir; // the ingest's worker threads load their compiled entry too
  await import(pathToFileURL(join(dir, 'main.js')).href);
} else {
  buildInBackground();
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
