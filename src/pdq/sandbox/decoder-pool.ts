// A small pool of long-lived image decoder processes (decoder-child.ts): libvips parses seized pictures
// there, never in the server, the CLI or their worker threads. Each child decodes many files, one at a
// time, under a memory limit (RLIMIT_DATA and V8's heap limit) and, per file, a wall-clock limit after
// which its whole process group is killed; a child that crashes, times out or runs out of memory is
// replaced for the next file, and only the file it was decoding gets the error.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PdqDecodeError, type PdqDecodeErrorCode, type PdqFileHash } from '../decode.ts';
import { type DecodeReply, FrameReader, MAX_REPLY_BYTES, encodeRequest } from './decoder-protocol.ts';
import { bwrapSetupFailure, decoderIsolation, forgetSandboxAnswer, jailCommand, killProcessGroup, SandboxUnavailableError } from './sandbox.ts';

export interface ImageDecoderOptions {
  /** Child processes (default: one per core). */
  size?: number;
  /** Wall-clock limit per picture (default 120 s); the child is killed when it elapses. */
  timeoutMs?: number;
  /** RLIMIT_DATA of each child (default 3 GiB: a 100-megapixel 16-bit picture decodes in about 1.2 GB). */
  dataBytes?: number;
  /** V8 heap limit of each child in MiB (default 512; pixels live outside it). */
  heapMb?: number;
}

export interface ImageHashRequest {
  maxPixels?: number;
  dihedral?: boolean;
  /** This picture's wall-clock limit, instead of the pool's. */
  timeoutMs?: number;
}

/** What hashFile needs from a decoder (the pool, or in tests anything with the same contract). */
export interface ImageDecoder {
  hash(data: Uint8Array, req?: ImageHashRequest): Promise<PdqFileHash>;
}

const here = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(here, 'decoder-child-entry.mjs');
const REPO = join(here, '../../..');
/** What the child needs of the repository, bound read-only (not the data folder, not the keys). */
const REPO_PARTS = ['src', 'node_modules', 'package.json', 'tsconfig.json'];

interface Task {
  id: number;
  data: Uint8Array;
  req: ImageHashRequest;
  resolve: (r: PdqFileHash) => void;
  reject: (e: PdqDecodeError) => void;
}

interface Slot {
  child: ChildProcessWithoutNullStreams | null;
  task: Task | null;
  timer?: NodeJS.Timeout;
  timedOut: boolean;
  limit?: number;
  stderr: string;
  reader: FrameReader;
}

export class ImageDecoderPool implements ImageDecoder {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly dataBytes: number;
  private readonly heapMb: number;
  /** Children started so far (restarts included); for tests and diagnostics. */
  started = 0;

  constructor(opts: ImageDecoderOptions = {}) {
    const size = Math.max(1, opts.size ?? availableParallelism());
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.dataBytes = opts.dataBytes ?? 3 * 1024 ** 3;
    this.heapMb = opts.heapMb ?? 512;
    for (let i = 0; i < size; i++) this.slots.push({ child: null, task: null, timedOut: false, stderr: '', reader: new FrameReader() });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Process ids of the running children (their wrappers: each heads its process group). */
  childPids(): number[] {
    return this.slots.map((s) => s.child?.pid).filter((pid): pid is number => pid !== undefined);
  }

  /** Starts the children now (they take a moment to load), rather than at the first picture. */
  warm(): void {
    for (const s of this.slots) if (!s.child) this.start(s);
  }

  hash(data: Uint8Array, req: ImageHashRequest = {}): Promise<PdqFileHash> {
    if (this.closed) return Promise.reject(new PdqDecodeError('DECODER_CRASHED', 'image decoder pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, data, req, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new PdqDecodeError('DECODER_CRASHED', 'image decoder pool closed'));
    await Promise.all(this.slots.map((s) => {
      const child = s.child;
      if (!child) return undefined;
      return new Promise<void>((resolve) => {
        child.once('close', () => resolve());
        // Closing stdin lets an idle child finish and leave; one still busy is killed.
        child.stdin.end();
        if (s.task) killProcessGroup(child.pid);
        setTimeout(() => killProcessGroup(child.pid), 2000).unref();
      });
    }));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.task) continue;
      const task = this.queue.shift()!;
      this.run(slot, task);
    }
  }

  private run(slot: Slot, task: Task): void {
    if (!slot.child) {
      try {
        this.start(slot);
      } catch (err) {
        const code: PdqDecodeErrorCode = err instanceof SandboxUnavailableError ? 'SANDBOX_UNAVAILABLE' : 'DECODER_CRASHED';
        task.reject(new PdqDecodeError(code, (err as Error).message, { cause: err }));
        queueMicrotask(() => this.pump());
        return;
      }
    }
    const child = slot.child!;
    slot.task = task;
    slot.timedOut = false;
    slot.stderr = '';
    this.setRef(child, true);
    const limit = task.req.timeoutMs ?? this.timeoutMs;
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      slot.limit = limit;
      killProcessGroup(child.pid);
    }, limit);
    for (const part of encodeRequest({ id: task.id, maxPixels: task.req.maxPixels, dihedral: task.req.dihedral }, task.data)) {
      child.stdin.write(part);
    }
  }

  private start(slot: Slot): void {
    const iso = decoderIsolation();
    const binds = REPO_PARTS.map((p) => ({ source: join(REPO, p), dest: join(REPO, p) }));
    const nodeDir = dirname(process.execPath);
    if (!nodeDir.startsWith('/usr/')) binds.push({ source: nodeDir, dest: nodeDir });
    const jailed = jailCommand(iso, process.execPath, [`--max-old-space-size=${this.heapMb}`, ENTRY], {
      binds,
      dataBytes: this.dataBytes,
      cwd: REPO,
      // The precompiled decoder (decoder-child-entry.mjs) when the CLI runs precompiled: it lies under node_modules.
      env: { MALLOC_ARENA_MAX: '2', ...(process.env.AMAAN_COMPILED_DIR ? { AMAAN_COMPILED_DIR: process.env.AMAAN_COMPILED_DIR } : {}) },
    });
    const child = spawn(jailed.file, jailed.args, { stdio: ['pipe', 'pipe', 'pipe'], env: jailed.env, cwd: jailed.cwd, detached: true });
    this.started++;
    slot.child = child;
    slot.reader = new FrameReader();
    child.stdout.on('data', (chunk: Buffer) => this.onData(slot, child, chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      slot.stderr = (slot.stderr + s).slice(-8192);
    });
    // EPIPE when the child died mid-request: its 'close' reports the death.
    child.stdin.on('error', () => {});
    child.on('error', () => {});
    child.once('close', (code, signal) => this.onExit(slot, child, code, signal));
    this.setRef(child, false);
  }

  private onData(slot: Slot, child: ChildProcessWithoutNullStreams, chunk: Buffer): void {
    // Once the deadline has fired the child is being killed, and its 'close' reports TIMEOUT: a reply that was
    // already in the pipe (the event loop ran late, e.g. on a loaded machine) must not win over that decision.
    if (slot.child !== child || slot.timedOut) return;
    slot.reader.push(chunk);
    while (slot.reader.available >= 4) {
      const len = slot.reader.peek(4).readUInt32LE(0);
      if (len > MAX_REPLY_BYTES) {
        // Not something our child writes: treat it as compromised.
        killProcessGroup(child.pid);
        return;
      }
      if (slot.reader.available < 4 + len) return;
      slot.reader.take(4);
      let reply: DecodeReply;
      try {
        reply = JSON.parse(slot.reader.take(len).toString('utf8')) as DecodeReply;
      } catch {
        killProcessGroup(child.pid);
        return;
      }
      const task = slot.task;
      if (!task || reply.id !== task.id) {
        killProcessGroup(child.pid);
        return;
      }
      this.finish(slot, child);
      if (reply.ok && isHash(reply.result)) task.resolve(reply.result);
      else if (!reply.ok) task.reject(new PdqDecodeError(asCode(reply.code), String(reply.message)));
      else task.reject(new PdqDecodeError('DECODER_CRASHED', 'image decoder gave a malformed result'));
      this.pump();
    }
  }

  private onExit(slot: Slot, child: ChildProcessWithoutNullStreams, code: number | null, signal: NodeJS.Signals | null): void {
    if (slot.child !== child) return;
    const task = slot.task;
    const timedOut = slot.timedOut;
    const limit = slot.limit ?? this.timeoutMs;
    const stderr = slot.stderr;
    this.finish(slot, child);
    slot.child = null;
    // The sandbox did not set up although this process (or a stored answer, probe-cache.ts) said bwrap runs: the
    // picture fails (never decoded outside it, nor are later ones in this process) and the next process probes again.
    if (!timedOut && bwrapSetupFailure(code, stderr)) forgetSandboxAnswer();
    if (task) {
      let err: PdqDecodeError;
      if (timedOut) err = new PdqDecodeError('TIMEOUT', `image decoding took longer than ${limit / 1000} s: decoder killed`);
      else if (/out of memory|allocation failed|cannot allocate|bad_alloc|ENOMEM/i.test(stderr)) err = new PdqDecodeError('MEMORY_LIMIT', 'image decoder ran out of its memory limit: decoder killed');
      else err = new PdqDecodeError('DECODER_CRASHED', `image decoder died (${signal ?? `exit ${code}`}${stderr.trim() ? `: ${stderr.trim().split('\n').pop()!.slice(0, 200)}` : ''})`);
      task.reject(err);
    }
    if (!this.closed) this.pump();
  }

  private finish(slot: Slot, child: ChildProcessWithoutNullStreams): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = null;
    this.setRef(child, false);
  }

  /** An idle child does not keep the process alive (a CLI run ends when its work does). */
  private setRef(child: ChildProcessWithoutNullStreams, on: boolean): void {
    for (const h of [child, child.stdin, child.stdout, child.stderr] as Array<{ ref?: () => void; unref?: () => void }>) {
      if (on) h.ref?.();
      else h.unref?.();
    }
  }
}

const CODES = new Set<PdqDecodeErrorCode>(['UNSUPPORTED_FORMAT', 'CORRUPT', 'TOO_MANY_PIXELS', 'READ_FAILED', 'TOO_LARGE', 'TIMEOUT', 'MEMORY_LIMIT', 'DECODER_CRASHED', 'SANDBOX_UNAVAILABLE']);
const asCode = (c: string): PdqDecodeErrorCode => (CODES.has(c as PdqDecodeErrorCode) ? (c as PdqDecodeErrorCode) : 'CORRUPT');

function isHash(r: unknown): r is PdqFileHash {
  const h = r as PdqFileHash;
  const hex = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
  return !!h && hex(h.hash) && Number.isInteger(h.quality) && Number.isInteger(h.width) && Number.isInteger(h.height) &&
    (h.dihedral === undefined || (typeof h.dihedral === 'object' && h.dihedral !== null && Object.values(h.dihedral).every(hex)));
}

let shared: ImageDecoderPool | undefined;

/** The process's (or worker thread's) pool, started on first use. */
export function defaultImageDecoder(): ImageDecoderPool {
  return (shared ??= new ImageDecoderPool());
}

/** Replaces the shared pool (a worker thread wants one child of its own, not one per core). */
export function setDefaultImageDecoder(pool: ImageDecoderPool): void {
  shared = pool;
}
