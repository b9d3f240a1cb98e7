// The live processes below a process (Linux /proc), by name: lets tests check that a decoder, and
// everything its sandbox started, is gone after a kill. Elsewhere than Linux it finds nothing.
import { readdirSync, readFileSync } from 'node:fs';

interface Proc { pid: number; ppid: number; comm: string; state: string }

function processes(): Proc[] {
  if (process.platform !== 'linux') return [];
  const out: Proc[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // "pid (comm) state ppid ..."; comm may contain spaces, so split after the last ')'.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(d), ppid: Number(fields[1]), comm, state: fields[0] });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Live (not zombie) descendants of `root` whose command name contains `name`. */
export function liveDescendants(name: string, root = process.pid): number[] {
  const all = processes();
  const below = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (below.has(p.ppid) && !below.has(p.pid)) { below.add(p.pid); grew = true; }
  }
  return all.filter((p) => p.pid !== root && below.has(p.pid) && p.comm.includes(name) && p.state !== 'Z').map((p) => p.pid);
}

/** Whether the process still runs (exists and is not a zombie): orphans re-parented to init count too. */
export function isAlive(pid: number): boolean {
  return processes().some((p) => p.pid === pid && p.state !== 'Z');
}
