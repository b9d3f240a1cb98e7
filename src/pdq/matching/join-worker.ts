// A join worker: runs slices of block-join.ts's joinBatch on the shared index it is sent, and posts the
// (query, entry, distance) triples back.
import { type JoinRequest, joinRange } from './block-join.ts';
import { answerSlotRequests } from './worker-slots.ts';

answerSlotRequests((req: JoinRequest & { id: number }) => joinRange(req.ix, req.queries, req.q0, req.q1));
