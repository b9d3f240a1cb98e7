// One queue of files for all the ingest's hash workers (issue 14 §3, both cores busy): every file is posted to every
// worker with a number, and a worker with room claims the next number with an atomic add on a SharedArrayBuffer
// ([0]: the next number to claim, [1]: how many numbers are posted). A worker takes work as soon as it has room,
// without a round trip to the main thread (busy with PGlite's statements or the walk), and no worker sits idle
// while the other holds a queue of files dealt to it in advance.
//
// The one rule the protocol rests on: a number is made claimable (publish) BEFORE its message is sent. A worker
// acts only when a message arrives or one of its files ends; if the message came first and the count later, a
// worker with nothing in hand would look at the count, find nothing to claim, and go back to waiting for a message
// that has already come: the file would never be claimed. That lost wake-up is what made `amaan worker`'s ingests
// (one file in flight at a time, `concurrency: 1`) stop for ever in session 8. The other order is safe: a worker
// that claims a number whose message is still on its way owes it, and starts it when it comes.

/** The two counters shared by the pool and its workers. */
export function sharedCounters(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(8));
}

/**
 * The pool's side: makes number `id` claimable, then sends its message to every worker (`send`). Numbers are
 * published in order from 0 by one thread (the pool's).
 */
export function publish(counters: Int32Array, id: number, send: () => void): void {
  Atomics.store(counters, 1, id + 1);
  send();
}

/** The worker's side: what it holds, and when it claims. */
export class QueueTaker<J extends { id: number }> {
  /** Every message that came, in number order, until some worker claims its number. */
  private readonly posted: J[] = [];
  /** Numbers this worker claimed before their message came. */
  private readonly owed = new Set<number>();
  private active = 0;
  private open = false;

  /**
   * `capacity`: files in hand at once; `run`: starts a file (its promise settles when the file is done, whatever
   * the outcome; `run` reports the outcome itself).
   */
  constructor(private readonly counters: Int32Array, private readonly capacity: number, private readonly run: (job: J) => Promise<void>) {}

  /** Files in hand (started, or claimed and still on their way). */
  get inHand(): number {
    return this.active + this.owed.size;
  }

  /** Starts claiming (the worker is ready: its decoder facts came). Until then messages only queue. */
  start(): void {
    this.open = true;
    this.next();
  }

  /** A file's message came. */
  arrived(job: J): void {
    if (this.owed.delete(job.id)) this.begin(job);
    else if (job.id >= Atomics.load(this.counters, 0)) this.posted.push(job); // else another worker has it already
    // Forget what the other workers claimed meanwhile (this one may be busy with one long file for a while).
    const claimed = Atomics.load(this.counters, 0);
    while (this.posted.length && this.posted[0]!.id < claimed) this.posted.shift();
    this.next();
  }

  /** Claims files while there is room and something to claim. */
  private next(): void {
    while (this.open && this.inHand < this.capacity) {
      const n = this.claim();
      if (n < 0) break;
      // Numbers below n are claimed (by this worker or another): forget them.
      while (this.posted.length && this.posted[0]!.id < n) this.posted.shift();
      if (this.posted[0]?.id === n) this.begin(this.posted.shift()!);
      else this.owed.add(n); // published, but its message is still on its way to this worker
    }
  }

  /** The next unclaimed number, or -1 when every published number is claimed. */
  private claim(): number {
    for (;;) {
      const n = Atomics.load(this.counters, 0);
      if (n >= Atomics.load(this.counters, 1)) return -1;
      if (Atomics.compareExchange(this.counters, 0, n, n + 1) === n) return n;
    }
  }

  private begin(job: J): void {
    this.active++;
    void this.run(job).finally(() => {
      this.active--;
      this.next();
    });
  }
}
