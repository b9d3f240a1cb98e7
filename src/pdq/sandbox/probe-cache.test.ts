// The sandbox probe's answer kept between processes (probe-cache.ts): found again only for the same binaries and
// machine, never trusted from a file that is not private, never stored unless it is the strongest sandbox, and a
// wrong stored "bwrap works" makes the decode fail (SANDBOX_UNAVAILABLE) instead of running without the sandbox.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hashVideoFile, VideoDecodeError } from '../vpdq/vpdq.ts';
import { testdataPath } from '../testdata.ts';
import { PROBE_CACHE_MAX_AGE_MS, probeCacheKey, probeCachePath, readProbeCache, writeProbeCache } from './probe-cache.ts';
import { decoderIsolation, resetDecoderIsolation } from './sandbox.ts';

const tmp = mkdtempSync(join(tmpdir(), 'amaan-probe-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => resetDecoderIsolation());

let n = 0;
/** A fake bwrap in its own folder: logs each call (not under a decoder's no-file-writes limit), fails (as bwrap does, exit 1 and "bwrap: ...") when told to. */
function fakeBwrap(script: string): { bin: string; log: string; cache: string; env: NodeJS.ProcessEnv } {
  const dir = join(tmp, `case-${++n}`);
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const log = join(dir, 'calls.log');
  writeFileSync(join(bin, 'bwrap'), `#!/bin/sh\n[ "$(ulimit -f)" = 0 ] || echo call >> ${log}\n${script}\n`, { mode: 0o755 });
  const cache = join(dir, 'cache', 'sandbox-probe.json');
  return { bin, log, cache, env: { PATH: `${bin}:/usr/bin:/bin`, AMAAN_SANDBOX_CACHE: cache } };
}
const calls = (log: string): number => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);

describe('where the answer is kept', () => {
  it('AMAAN_SANDBOX_CACHE, else XDG_CACHE_HOME, else HOME/.cache; nowhere without an absolute home', () => {
    expect(probeCachePath({ AMAAN_SANDBOX_CACHE: '/x/p.json', HOME: '/h' })).toBe('/x/p.json');
    expect(probeCachePath({ XDG_CACHE_HOME: '/c', HOME: '/h' })).toBe('/c/amaan/sandbox-probe.json');
    expect(probeCachePath({ HOME: '/h' })).toBe('/h/.cache/amaan/sandbox-probe.json');
    expect(probeCachePath({})).toBeNull();
    expect(probeCachePath({ HOME: 'relative' })).toBeNull();
    expect(probeCachePath({ AMAAN_SANDBOX_CACHE: 'relative.json' })).toBeNull();
  });
});

describe('the stored answer', () => {
  const file = join(tmp, 'store', 'p.json');
  const env = { AMAAN_SANDBOX_CACHE: file };

  it('is found for its key only, and only while recent', () => {
    const now = Date.now();
    writeProbeCache(env, 'key-a', now);
    expect(readProbeCache(env, 'key-a', now + 1000)).toBe(true);
    expect(readProbeCache(env, 'key-b', now + 1000)).toBe(false);
    expect(readProbeCache(env, 'key-a', now + PROBE_CACHE_MAX_AGE_MS + 1)).toBe(false);
  });

  it('is ignored in a file others may write, or behind a link', () => {
    writeProbeCache(env, 'key-a');
    expect(readProbeCache(env, 'key-a')).toBe(true);
    chmodSync(file, 0o666);
    expect(readProbeCache(env, 'key-a')).toBe(false);
    chmodSync(file, 0o600);
    const link = join(tmp, 'store', 'link.json');
    symlinkSync(file, link);
    expect(readProbeCache({ AMAAN_SANDBOX_CACHE: link }, 'key-a')).toBe(false);
  });

  it('changes key when the bwrap binary changes', () => {
    const { bin } = fakeBwrap('exit 0');
    const before = probeCacheKey(join(bin, 'bwrap'), '/bin/true', ['--a']);
    writeFileSync(join(bin, 'bwrap'), '#!/bin/sh\nexit 0\n# another build\n', { mode: 0o755 });
    expect(probeCacheKey(join(bin, 'bwrap'), '/bin/true', ['--a'])).not.toBe(before);
    expect(probeCacheKey(join(bin, 'no-such-bwrap'), '/bin/true', ['--a'])).toBeNull();
  });
});

describe('decoderIsolation with the stored answer', () => {
  it('a bwrap that runs unprivileged is probed once; the next process takes the stored answer without running bwrap', async () => {
    const f = fakeBwrap('exit 0');
    expect(decoderIsolation(f.env)).toMatchObject({ sandbox: 'bwrap', unprivileged: true });
    expect(calls(f.log)).toBe(1);
    expect(existsSync(f.cache)).toBe(true);
    resetDecoderIsolation(); // as a new process
    expect(decoderIsolation(f.env)).toMatchObject({ sandbox: 'bwrap', unprivileged: true, bwrap: join(f.bin, 'bwrap') });
    expect(calls(f.log)).toBe(1);
    resetDecoderIsolation();
    const { primeDecoderIsolation } = await import('./sandbox.ts');
    await primeDecoderIsolation(f.env);
    expect(decoderIsolation(f.env)).toMatchObject({ sandbox: 'bwrap', unprivileged: true });
    expect(calls(f.log)).toBe(1);
  });

  it('a weaker answer (bwrap only without the unprivileged user) or a failure is never stored: probed every time', () => {
    const weak = fakeBwrap('case "$*" in *--unshare-user*) echo "bwrap: setting up uid map: Permission denied" >&2; exit 1;; esac\nexit 0');
    expect(decoderIsolation(weak.env)).toMatchObject({ sandbox: 'bwrap', unprivileged: false });
    expect(existsSync(weak.cache)).toBe(false);
    resetDecoderIsolation();
    decoderIsolation(weak.env);
    expect(calls(weak.log)).toBe(4);
    const broken = fakeBwrap('echo "bwrap: No permissions to creating new namespace" >&2; exit 1');
    expect(decoderIsolation(broken.env)).toMatchObject({ sandbox: 'none' });
    expect(existsSync(broken.cache)).toBe(false);
  });

  it('a stored "bwrap works" that is wrong fails the decodes closed (no run without the sandbox) and is forgotten for the next process', async () => {
    const flag = join(tmp, 'bwrap-broken-now');
    const f = fakeBwrap(`if [ -e ${flag} ]; then echo "bwrap: Creating new namespace failed: Operation not permitted" >&2; exit 1; fi\nexit 0`);
    expect(decoderIsolation(f.env)).toMatchObject({ sandbox: 'bwrap' });
    expect(existsSync(f.cache)).toBe(true);
    writeFileSync(flag, ''); // the machine changed; bwrap's binary did not, so the key still matches
    resetDecoderIsolation();
    const saved = { PATH: process.env.PATH, cache: process.env.AMAAN_SANDBOX_CACHE, sandbox: process.env.AMAAN_SANDBOX };
    process.env.PATH = f.env.PATH;
    process.env.AMAAN_SANDBOX_CACHE = f.cache;
    process.env.AMAAN_SANDBOX = 'auto';
    try {
      const video = testdataPath('vpdq/videos/pattern-sd-grey-bar.mp4');
      const err = await hashVideoFile(video, { secondsPerHash: 0 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VideoDecodeError);
      expect(err).toMatchObject({ code: 'SANDBOX_UNAVAILABLE', message: expect.stringMatching(/Creating new namespace failed/) });
      expect(existsSync(f.cache)).toBe(false);
      // The rest of this run fails closed too: no re-probe, no decode without the sandbox halfway through.
      const again = await hashVideoFile(video, { secondsPerHash: 0 }).catch((e: unknown) => e);
      expect(again).toMatchObject({ code: 'SANDBOX_UNAVAILABLE' });
      // The next process probes again and, bwrap now failing, auto says so (no sandbox) instead of pretending.
      resetDecoderIsolation();
      const before = calls(f.log);
      expect(decoderIsolation()).toMatchObject({ sandbox: 'none', reason: expect.stringMatching(/does not run here/) });
      expect(calls(f.log)).toBe(before + 2);
    } finally {
      for (const [k, v] of [['PATH', saved.PATH], ['AMAAN_SANDBOX_CACHE', saved.cache], ['AMAAN_SANDBOX', saved.sandbox]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(flag, { force: true });
    }
  });
});
