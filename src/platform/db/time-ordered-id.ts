import { randomFillSync } from 'node:crypto';

// Time-ordered UUIDs (RFC 9562, version 7): the first 48 bits are the Unix time in milliseconds, the other 74 free
// bits random. For rows written at a high rate whose id leads several B-tree indexes (tip intake, issue 11): with
// random (version 4) ids every new row lands on a random leaf page of each such index, so the pages written are
// spread over the whole index (each first touched since a checkpoint costs a full-page image in the WAL, and the
// working set is the whole index); with time-ordered ids they land at the right-hand end, on pages already in
// memory. Ids made in the same millisecond are not ordered among themselves (nothing relies on it). A version 7 id
// tells roughly when its row was made, which the row's own timestamps say anyway.

const POOL = 16 * 256;
const pool = Buffer.alloc(POOL);
let at = POOL;

/** A version 7 UUID made now, as text. */
export function timeOrderedUuid(now: number = Date.now()): string {
  if (at + 10 > POOL) {
    randomFillSync(pool);
    at = 0;
  }
  const b = Buffer.alloc(16);
  b.writeUIntBE(Math.floor(now), 0, 6);
  pool.copy(b, 6, at, at + 10);
  at += 10;
  b[6] = 0x70 | (b[6]! & 0x0f); // version 7
  b[8] = 0x80 | (b[8]! & 0x3f); // variant 10
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
