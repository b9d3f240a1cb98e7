// The decoder jail: AMAAN_SANDBOX detection and fallback, and, where bubblewrap runs (it does on the CI
// machine), that a sandboxed child really has no network, cannot write the evidence, sees no secrets; and
// that the limits (memory, wall clock for the whole process group) hold with or without the sandbox.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFfmpeg } from '../vpdq/ffmpeg-process.ts';
import { isAlive, liveDescendants } from './process-tree.ts';
import {
  decoderIsolation, insidePath, isolationReport, jailCommand, resetDecoderIsolation, sandboxSetting, SandboxUnavailableError, type Isolation,
} from './sandbox.ts';

const tmp = mkdtempSync(join(tmpdir(), 'amaan-sandbox-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const NODE = process.execPath;

function run(iso: Isolation, cmd: string, args: string[], opts: Parameters<typeof jailCommand>[3] = {}) {
  const j = jailCommand(iso, cmd, args, opts);
  return spawnSync(j.file, j.args, { env: j.env, cwd: j.cwd, encoding: 'utf8', timeout: 30_000 });
}

describe('AMAAN_SANDBOX', () => {
  it('accepts auto, bwrap, none (default auto) and refuses anything else', () => {
    expect(sandboxSetting({})).toBe('auto');
    expect(sandboxSetting({ AMAAN_SANDBOX: 'none' })).toBe('none');
    expect(() => sandboxSetting({ AMAAN_SANDBOX: 'off' })).toThrow(SandboxUnavailableError);
  });

  it('auto without bwrap falls back (a warning; an error-level line in production); bwrap without it refuses', () => {
    resetDecoderIsolation();
    const noBwrap = { PATH: join(tmp, 'no-such-bin') };
    expect(decoderIsolation({ ...noBwrap, AMAAN_SANDBOX: 'auto' })).toMatchObject({ sandbox: 'none', reason: expect.stringMatching(/not installed/) });
    expect(isolationReport(false, noBwrap)).toMatchObject({ level: 'warn', message: expect.stringMatching(/WITHOUT a sandbox/) });
    expect(isolationReport(true, noBwrap)).toMatchObject({ level: 'error' });
    expect(() => decoderIsolation({ ...noBwrap, AMAAN_SANDBOX: 'bwrap' })).toThrow(/AMAAN_SANDBOX=bwrap but the bubblewrap sandbox cannot run/);
    expect(isolationReport(true, { ...noBwrap, AMAAN_SANDBOX: 'none' })).toMatchObject({ level: 'warn' }); // chosen, so not an error
    resetDecoderIsolation();
  });

  it('a bwrap that does not actually run (as in some containers) is detected by trying it', () => {
    const bin = join(tmp, 'broken-bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'bwrap'), '#!/bin/sh\necho "bwrap: No permissions to creating new namespace" >&2\nexit 1\n', { mode: 0o755 });
    resetDecoderIsolation();
    const iso = decoderIsolation({ PATH: `${bin}:/usr/bin:/bin` });
    expect(iso).toMatchObject({ sandbox: 'none', reason: expect.stringMatching(/does not run here.*No permissions/) });
    resetDecoderIsolation();
  });
});

describe('limits, with or without the sandbox', () => {
  const none: Isolation = { sandbox: 'none', setting: 'none', bwrap: null, unprivileged: false };

  it('RLIMIT_DATA stops a child allocating past it (the same allocation succeeds without the limit)', () => {
    const alloc = ['-e', 'const b = Buffer.alloc(600 * 1024 * 1024, 1); console.log(b[b.length - 1])'];
    expect(run(none, NODE, alloc).stdout.trim()).toBe('1');
    const r = run(none, NODE, alloc, { dataBytes: 256 * 1024 * 1024 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/allocation failed|out of memory|RangeError/i);
  });

  it('the address-space, core and file-size limits are set as asked', () => {
    const r = run(none, '/bin/cat', ['/proc/self/limits'], { addressSpaceBytes: 1024 ** 3, noFileWrites: true });
    expect(r.stdout).toMatch(/Max address space\s+1073741824\s+/);
    expect(r.stdout).toMatch(/Max core file size\s+0\s+/);
    expect(r.stdout).toMatch(/Max file size\s+0\s+/);
  });

  it('the environment is replaced: no database URL or key reaches a decoder', () => {
    process.env.AMAAN_DATA_KEY = 'c2VjcmV0LXRlc3Qta2V5LW5vdC1yZWFsLXNlY3JldCE=';
    try {
      const r = run(none, '/usr/bin/env', []);
      expect(r.stdout).not.toContain('AMAAN_DATA_KEY');
      expect(r.stdout).not.toContain('DATABASE_URL');
      expect(r.stdout).toContain('PATH=/usr/bin:/bin');
    } finally {
      delete process.env.AMAAN_DATA_KEY;
    }
  });

  it('a wall-clock timeout kills the whole process group, grandchildren included', async () => {
    const file = join(tmp, 'clip.mp4');
    writeFileSync(file, 'x');
    // A "decoder" that hangs and has started helpers of its own.
    // The timeout is long enough for a loaded machine to start both helpers; the test polls rather than sleeps.
    const p = startFfmpeg('/bin/sh', file, () => ['-c', 'sleep 60 & sleep 60 & wait'], { timeoutMs: 4000 });
    let sleepers = liveDescendants('sleep');
    for (const end = Date.now() + 3500; sleepers.length < 2 && Date.now() < end; sleepers = liveDescendants('sleep')) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(sleepers.length).toBe(2);
    const exit = await p.exited;
    expect(exit.stoppedBy).toBe('TIMEOUT');
    for (const end = Date.now() + 2000; sleepers.some(isAlive) && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
    expect(sleepers.filter(isAlive)).toEqual([]); // by pid: an orphan re-parented to init would still count
  });
});

const iso = (() => {
  resetDecoderIsolation();
  try {
    return decoderIsolation({ ...process.env, AMAAN_SANDBOX: 'auto' });
  } catch {
    return null;
  }
})();

describe.runIf(iso?.sandbox === 'bwrap')('in the bubblewrap sandbox', () => {
  const bwrap = iso!;
  const evidence = join(tmp, 'evidence');
  const file = join(evidence, 'IMG_0001.jpg');
  const bind = { source: file, dest: '/evidence/input.jpg' };
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    mkdirSync(evidence, { recursive: true });
    writeFileSync(file, 'seized bytes');
    // A listener on the host's loopback: reachable from here, not from the sandbox's own network namespace.
    server = createServer((s) => s.end('hello'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const connect = (p: number) => ['-e', `require('net').connect(${p}, '127.0.0.1').on('connect', () => { console.log('connected'); process.exit(0) }).on('error', (e) => { console.log(e.code); process.exit(3) })`];

  it('has no network: only the loopback interface, and the host\'s services are unreachable', () => {
    expect(run({ ...bwrap, sandbox: 'none' }, NODE, connect(port)).stdout.trim()).toBe('connected'); // the control
    const r = run(bwrap, NODE, connect(port));
    expect(r.stdout.trim()).toBe('ECONNREFUSED');
    const dev = run(bwrap, '/bin/cat', ['/proc/net/dev']).stdout;
    const interfaces = dev.split('\n').slice(2).map((l) => l.split(':')[0].trim()).filter(Boolean);
    expect(interfaces).toEqual(['lo']);
  });

  it('reads the evidence file read-only, cannot write it or anything beside it, writes only its private /tmp', () => {
    const script = [
      'cat /evidence/input.jpg; echo',
      'echo tampered > /evidence/input.jpg 2>/dev/null && echo WROTE-EVIDENCE',
      `echo new > ${evidence}/dropped.txt 2>/dev/null && echo WROTE-FOLDER`,
      'echo x > /usr/dropped 2>/dev/null && echo WROTE-USR',
      'echo ok > /tmp/scratch && echo tmp-ok',
      'ls /evidence',
    ].join('; ');
    const r = run(bwrap, '/bin/sh', ['-c', script], { binds: [bind] });
    expect(r.stdout).toContain('seized bytes');
    expect(r.stdout).not.toMatch(/WROTE-/);
    expect(r.stdout).toContain('tmp-ok');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('input.jpg'); // nothing else of the host
    expect(readFileSync(file, 'utf8')).toBe('seized bytes');
    expect(readdirSync(evidence)).toEqual(['IMG_0001.jpg']);
    expect(insidePath(bwrap, bind)).toBe('/evidence/input.jpg');
  });

  it('runs with no capabilities, as an unprivileged user where user namespaces allow, sees no host process', () => {
    const r = run(bwrap, '/bin/sh', ['-c', 'grep CapEff /proc/self/status; id -u; ls /proc | grep -c "^[0-9]"']);
    const [cap, uid, procs] = r.stdout.trim().split('\n');
    expect(cap).toMatch(/CapEff:\s+0+$/);
    if (bwrap.unprivileged) expect(uid).toBe('65534');
    expect(Number(procs)).toBeLessThanOrEqual(4); // bwrap's init, sh, grep/ls: not the host's processes
  });

  it('dies with its parent: killing the wrapper leaves nothing running inside', async () => {
    const j = jailCommand(bwrap, '/bin/sh', ['-c', 'sleep 60']);
    const child = spawn(j.file, j.args, { env: j.env, stdio: 'ignore', detached: true });
    await new Promise((r) => setTimeout(r, 500));
    const sleepers = liveDescendants('sleep');
    expect(sleepers.length).toBe(1);
    process.kill(child.pid!, 'SIGKILL'); // only the outer process, not its group
    await new Promise((r) => setTimeout(r, 500));
    expect(sleepers.filter(isAlive)).toEqual([]);
  });
});
