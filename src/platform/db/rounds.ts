// Rounds: many concurrent callers of one small database read or write served by one statement per round.
//
// A caller whose request arrives while no round is running starts one at once (a lone request waits for nothing);
// requests that arrive while a round is running wait for it to end and then go together in the next. So every
// request is answered by a statement that started AFTER the request arrived: unlike a cache or joining a statement
// already in flight, this never answers from a read older than the request (a key revoked before a request arrived
// is refused), and under load it turns N statements into about one per round trip. Used for the reporting keys'
// lookups and the rate-limit counters of tip intake (issue 11), which every report of a busy key would otherwise
// pay one statement each for.

interface Waiting<I, O> {
  input: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

export class Rounds<I, O> {
  #waiting: Array<Waiting<I, O>> = [];
  #running = false;

  /**
   * `run` answers every input of a round, in order (one output per input); when it throws, every request of the
   * round gets the error. `max` inputs at most per round (the rest wait for the next).
   */
  constructor(private readonly run: (inputs: I[]) => Promise<O[]>, private readonly max = 512) {}

  request(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#waiting.push({ input, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    if (this.#running || !this.#waiting.length) return;
    this.#running = true;
    const round = this.#waiting.splice(0, this.max);
    let answer: Promise<O[]>;
    try {
      answer = this.run(round.map((w) => w.input));
    } catch (err) {
      answer = Promise.reject(err);
    }
    answer.then(
      (outputs) => round.forEach((w, i) => w.resolve(outputs[i]!)),
      (err: unknown) => round.forEach((w) => w.reject(err)),
    ).finally(() => {
      this.#running = false;
      this.#next();
    });
  }
}
