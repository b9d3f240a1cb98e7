#!/usr/bin/env node
// Entry point of the `amaan` command: the precompiled CLI when it is built for the sources as they are
// (scripts/cli-compiled.mjs: seconds faster to start), else the TypeScript sources through tsx's loader, no build
// step (and a build starts in the background for the next run). Whether the build is current is first asked of the
// stamp (scripts/cli-stamp.mjs: one stat per source file, node:fs alone); only when that cannot vouch for it is the
// full check loaded (every source folder read and the list hashed).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { stampedCompiledDir } from '../scripts/cli-stamp.mjs';
import { holdBuild } from '../scripts/cli-in-use.mjs';

let dir = stampedCompiledDir();
let compiled;
if (!dir) {
  compiled = await import('../scripts/cli-compiled.mjs');
  dir = compiled.findCompiled();
}
if (dir) {
  holdBuild(dir); // a build for edited sources must not delete this one's chunks while it runs
  process.env.AMAAN_COMPILED_DIR = dir; // the ingest's worker threads load their compiled entry too
  await import(pathToFileURL(join(dir, 'main.js')).href);
} else {
  compiled.buildInBackground();
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
