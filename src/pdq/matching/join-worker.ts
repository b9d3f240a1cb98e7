// A join worker: runs slices of block-join.ts's joinBatch on the shared index it is sent, and posts the
// (query, entry, distance) triples back (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { type JoinReply, type JoinRequest, joinRange } from './block-join.ts';

parentPort?.on('message', (req: JoinRequest) => {
  try {
    const triples = joinRange(req.ix, req.queries, req.q0, req.q1);
    parentPort!.postMessage({ id: req.id, triples } satisfies JoinReply, [triples.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies JoinReply);
  }
});
