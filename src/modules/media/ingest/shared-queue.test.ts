import { describe, expect, it } from 'vitest';
import { publish, QueueTaker, sharedCounters } from './shared-queue.ts';

// The hash workers' shared queue (issue 14 §3), driven by hand: messages are delivered to each simulated worker at
// chosen moments, so the orders that threads allow are played out deterministically.

type Job = { id: number };

/** A simulated worker: its inbox (messages sent, not yet handled), the files it started and how to end them. */
function worker(counters: Int32Array, capacity: number) {
  const inbox: Job[] = [];
  const started: number[] = [];
  const running = new Map<number, () => void>();
  const taker = new QueueTaker<Job>(counters, capacity, (job) => {
    started.push(job.id);
    return new Promise<void>((resolve) => running.set(job.id, resolve));
  });
  return {
    taker, inbox, started, running,
    /** Handles the oldest message, as the thread's event loop would. */
    deliver: () => taker.arrived(inbox.shift()!),
    /** Ends a file this worker started and lets the promise reactions run. */
    finish: async (id: number) => {
      running.get(id)!();
      running.delete(id);
      for (let i = 0; i < 4; i++) await Promise.resolve(); // the promise's reactions: the worker claims again
    },
  };
}

describe('the hash workers\' shared queue', () => {
  it('hashes files posted one at a time when a worker with room handles the message at once (the `amaan worker` hang)', async () => {
    // concurrency 1, as the job path runs it: the next file is posted only when the last is done. The worst
    // moment a thread may choose: each worker handles the message the instant it is sent, before the pool's
    // next step. With the message sent before the count is published, no worker ever claims file 0.
    const counters = sharedCounters();
    const a = worker(counters, 4);
    const b = worker(counters, 4);
    a.taker.start();
    b.taker.start();
    for (let id = 0; id < 50; id++) {
      publish(counters, id, () => {
        for (const w of [a, b]) {
          w.inbox.push({ id });
          w.deliver();
        }
      });
      const who = [a, b].filter((w) => w.running.has(id));
      expect(who, `file ${id} started by exactly one worker`).toHaveLength(1);
      await who[0]!.finish(id);
    }
    expect([...a.started, ...b.started].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('starts a file claimed before its message came when the message comes', async () => {
    const counters = sharedCounters();
    const a = worker(counters, 1);
    a.taker.start();
    publish(counters, 0, () => a.inbox.push({ id: 0 }));
    a.deliver();
    expect(a.started).toEqual([0]);
    // File 1 is published while the worker is full, its message still on the way; the worker ends file 0, claims
    // 1 (owed), and starts it when the message arrives.
    publish(counters, 1, () => a.inbox.push({ id: 1 }));
    await a.finish(0);
    expect(a.taker.inHand).toBe(1);
    expect(a.started).toEqual([0]);
    a.deliver();
    expect(a.started).toEqual([0, 1]);
  });

  it('queues messages until the worker is ready, then claims them in order', () => {
    const counters = sharedCounters();
    const a = worker(counters, 2);
    for (let id = 0; id < 3; id++) publish(counters, id, () => a.inbox.push({ id }));
    a.deliver();
    a.deliver();
    a.deliver();
    expect(a.started).toEqual([]);
    a.taker.start();
    expect(a.started).toEqual([0, 1]);
  });

  it('gives every file to exactly one worker, within each worker\'s room, in any order of delivery and completion', async () => {
    // Seeded random schedules (mulberry32): at each step post the next file, deliver a message to some worker,
    // end some file, or let a worker start; then everything is delivered and ended.
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
    };
    for (let round = 0; round < 200; round++) {
      const counters = sharedCounters();
      const rooms = [1 + rand(4), 1 + rand(4), 1 + rand(4)];
      const ws = rooms.map((room) => worker(counters, room));
      const total = 10 + rand(60);
      let posted = 0;
      let overfull = 0;
      const check = () => ws.forEach((w, k) => { if (w.running.size > rooms[k]!) overfull++; });
      while (posted < total) {
        const w = ws[rand(ws.length)]!;
        const move = rand(4);
        if (move === 0) {
          const id = posted++;
          // Sometimes a worker handles the message the moment it is sent (its thread was waiting on its port).
          publish(counters, id, () => {
            for (const x of ws) {
              x.inbox.push({ id });
              if (x.inbox.length === 1 && rand(3) === 0) x.deliver();
            }
          });
        } else if (move === 1 && w.inbox.length) w.deliver();
        else if (move === 2 && w.running.size) await w.finish([...w.running.keys()][rand(w.running.size)]!);
        else if (move === 3) w.taker.start();
        check();
      }
      for (const w of ws) w.taker.start();
      // Drain: every message handled and every file ended; nothing may stay claimed and unstarted.
      while (ws.some((w) => w.inbox.length || w.running.size)) {
        const w = ws[rand(ws.length)]!;
        if (w.inbox.length && (rand(2) || !w.running.size)) w.deliver();
        else if (w.running.size) await w.finish([...w.running.keys()][rand(w.running.size)]!);
        check();
      }
      expect(overfull, `round ${round}: a worker held more files than its room`).toBe(0);
      for (const w of ws) expect(w.taker.inHand).toBe(0);
      const all = ws.flatMap((w) => w.started).sort((x, y) => x - y);
      expect(all, `round ${round}`).toEqual(Array.from({ length: total }, (_, i) => i));
    }
  });
});
