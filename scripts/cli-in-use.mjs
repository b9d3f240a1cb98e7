// A running CLI marks the precompiled build it runs from (one empty file named by its pid), so that a build made
// meanwhile for edited sources does not delete the chunks it has yet to load: the verbs' chunks load lazily, and
// a long `amaan generate` died at its end that way (a pruned chunk: ERR_MODULE_NOT_FOUND). node:fs alone, cheap
// enough for every start.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Marks `dir` as in use by this process until it exits. */
export function holdBuild(dir) {
  const mark = join(dir, 'in-use', String(process.pid));
  try {
    mkdirSync(join(dir, 'in-use'), { recursive: true });
    writeFileSync(mark, '');
  } catch {
    return; // a read-only install: nothing prunes it either
  }
  process.once('exit', () => rmSync(mark, { force: true }));
}

/** Whether a live process runs from `dir`; marks of processes gone (killed, so no exit handler ran) are removed. */
export function buildInUse(dir) {
  let marks;
  try {
    marks = readdirSync(join(dir, 'in-use'));
  } catch {
    return false;
  }
  let used = false;
  for (const name of marks) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) used = true;
    else rmSync(join(dir, 'in-use', name), { force: true });
  }
  return used;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM'; // alive, another user's
  }
}
