// The quick check of bin/amaan.js (scripts/cli-stamp.mjs): the precompiled CLI is taken without walking and hashing
// src/ only while every source file and folder is as the full fingerprint saw it; any edit, addition, removal or
// rename, or an entry too recent to trust, sends the start back to the full check. A changed source must never run
// a stale bundle. Run on a small source tree of its own (a temporary root), not the repository's.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, appendFileSync, unlinkSync, renameSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledDir, findCompiled, scanSources } from '../../scripts/cli-compiled.mjs';
import { cacheRootOf, RACY_MS, stampedCompiledDir, writeStamp } from '../../scripts/cli-stamp.mjs';

let root: string;
const old = (Date.now() - 60_000) / 1000;

/** Sets every file and folder under `dir` (depth first, then the folder itself) to a time well in the past. */
function age(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) age(p);
    else utimesSync(p, old, old);
  }
  utimesSync(dir, old, old);
}

/** A source tree, aged, with a "compiled CLI" folder for its fingerprint and the stamp the full check writes. */
function setUp(): string {
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'src', 'pdq', 'vpdq'), { recursive: true });
  mkdirSync(join(root, 'src', 'web'), { recursive: true });
  mkdirSync(join(root, 'node_modules', 'esbuild'), { recursive: true });
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src', 'pdq', 'vpdq', 'frames.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'src', 'web', 'app.tsx'), 'export const c = 3;\n');
  writeFileSync(join(root, 'node_modules', 'esbuild', 'package.json'), '{"version":"0.0.0-test"}');
  age(join(root, 'src'));
  age(join(root, 'node_modules', 'esbuild'));
  const scan = scanSources(root)!;
  const dir = join(cacheRootOf(root), scan.fp);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'complete'), 'test\n');
  expect(compiledDir(scan.fp, root)).toBe(dir);
  writeStamp(scan, root);
  return dir;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amaan-cli-stamp-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the quick check of the precompiled CLI (cli-stamp.mjs)', () => {
  it('vouches for the build while nothing changed, without the full check', () => {
    const dir = setUp();
    expect(stampedCompiledDir(root)).toBe(dir);
    expect(findCompiled(root)).toBe(dir);
  });

  it('refuses after a source file is edited, even with its size and time kept but for one', () => {
    setUp();
    const f = join(root, 'src', 'pdq', 'vpdq', 'frames.ts');
    appendFileSync(f, '// edited\n');
    utimesSync(f, old, old); // same old time, new size
    expect(stampedCompiledDir(root)).toBeNull();
    writeFileSync(f, 'export const b = 9;\n'); // same size as before, new time
    expect(statSync(f).size).toBe('export const b = 2;\n'.length);
    expect(stampedCompiledDir(root)).toBeNull();
    // The full check agrees: these sources have no build.
    expect(findCompiled(root)).toBeNull();
  });

  it('refuses after a file is added, removed or renamed (its folder changes)', () => {
    setUp();
    writeFileSync(join(root, 'src', 'pdq', 'vpdq', 'new.ts'), 'export {};\n');
    expect(stampedCompiledDir(root)).toBeNull();
    expect(findCompiled(root)).toBeNull();

    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    setUp();
    unlinkSync(join(root, 'src', 'cli', 'main.ts'));
    expect(stampedCompiledDir(root)).toBeNull();

    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    setUp();
    renameSync(join(root, 'src', 'cli', 'main.ts'), join(root, 'src', 'cli', 'main2.ts'));
    expect(stampedCompiledDir(root)).toBeNull();
  });

  it('refuses when a folder is added, or the build is gone or incomplete', () => {
    const dir = setUp();
    mkdirSync(join(root, 'src', 'newmodule'));
    expect(stampedCompiledDir(root)).toBeNull();

    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    const dir2 = setUp();
    expect(dir2).toBe(dir); // same tree, same fingerprint
    rmSync(join(dir2, 'complete'));
    expect(stampedCompiledDir(root)).toBeNull();
  });

  it('refuses when esbuild changed (a bundle of another esbuild)', () => {
    setUp();
    writeFileSync(join(root, 'node_modules', 'esbuild', 'package.json'), '{"version":"0.0.1-test"}');
    expect(stampedCompiledDir(root)).toBeNull();
  });

  it('does not trust entries as recent as the stamp (coarse file times could hide an edit); the full check renews it', () => {
    const dir = setUp();
    const f = join(root, 'src', 'cli', 'main.ts');
    // Changed content at an unchanged size and a time within RACY_MS of the list: not trusted.
    const now = Date.now() / 1000;
    utimesSync(f, now, now);
    const scan = scanSources(root)!;
    const racyDir = join(cacheRootOf(root), scan.fp);
    mkdirSync(racyDir, { recursive: true });
    writeFileSync(join(racyDir, 'complete'), 'test\n');
    writeStamp(scan, root);
    expect(RACY_MS).toBeGreaterThan(0);
    expect(stampedCompiledDir(root)).toBeNull();
    // The full check still finds the build for the sources as they are.
    expect(findCompiled(root)).toBe(racyDir);
    expect(racyDir).not.toBe(dir);
  });

  it('ignores the web app and test files, as the fingerprint does', () => {
    const dir = setUp();
    writeFileSync(join(root, 'src', 'web', 'app.tsx'), 'export const c = 4000;\n');
    expect(stampedCompiledDir(root)).toBe(dir);
  });

  it('is off with AMAAN_NO_COMPILE=1, and a damaged stamp is no stamp', () => {
    const dir = setUp();
    process.env.AMAAN_NO_COMPILE = '1';
    try {
      expect(stampedCompiledDir(root)).toBeNull();
      expect(findCompiled(root)).toBeNull();
    } finally {
      delete process.env.AMAAN_NO_COMPILE;
    }
    writeFileSync(join(cacheRootOf(root), 'stamp.json'), '{"v":1,');
    expect(stampedCompiledDir(root)).toBeNull();
    expect(findCompiled(root)).toBe(dir); // the full check rewrites it
    expect(stampedCompiledDir(root)).toBe(dir);
  });
});
