// A build of the precompiled CLI for edited sources removes the earlier builds, but never one a live process
// still runs from (scripts/cli-in-use.mjs): the verbs' chunks load lazily, and a long `amaan generate` lost its
// chunk that way at its end. Marks of processes that are gone do not keep a build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneBuilds } from '../../scripts/cli-compiled.mjs';
import { buildInUse, holdBuild } from '../../scripts/cli-in-use.mjs';

const root = mkdtempSync(join(tmpdir(), 'amaan-cli-in-use-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function build(name: string, markPid?: number): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'in-use'), { recursive: true });
  writeFileSync(join(dir, 'complete'), 'test\n');
  if (markPid !== undefined) writeFileSync(join(dir, 'in-use', String(markPid)), '');
  return dir;
}

describe('pruning earlier builds of the precompiled CLI', () => {
  it('keeps the current build and any a live process runs from; removes the rest, and the marks of the dead', async () => {
    const sleeper = spawn('sleep', ['60']);
    const gone = spawnSync('true').pid!; // a process that has exited
    try {
      const current = build('aaaaaaaaaaaaaaaaaaaa');
      const used = build('bbbbbbbbbbbbbbbbbbbb', sleeper.pid!);
      const dead = build('cccccccccccccccccccc', gone);
      const unmarked = build('dddddddddddddddddddd');
      const notABuild = build('tmp-something');
      pruneBuilds(root, 'aaaaaaaaaaaaaaaaaaaa');
      expect([current, used, dead, unmarked, notABuild].map(existsSync)).toEqual([true, true, false, false, true]);
      sleeper.kill('SIGKILL');
      await new Promise((r) => sleeper.once('exit', r));
      pruneBuilds(root, 'aaaaaaaaaaaaaaaaaaaa');
      expect(existsSync(used)).toBe(false);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it("this process's own mark holds its build", () => {
    const dir = build('eeeeeeeeeeeeeeeeeeee');
    expect(buildInUse(dir)).toBe(false);
    holdBuild(dir);
    expect(buildInUse(dir)).toBe(true);
    pruneBuilds(root, 'ffffffffffffffffffff');
    expect(existsSync(join(dir, 'complete'))).toBe(true);
  });
});
