// A long-lived image decoder process (spawned by decoder-pool.ts, in the sandbox where there is one): reads
// requests from stdin (a picture's bytes, never a path: it has no access to the evidence), decodes with
// sharp/libvips the reference's way and hashes (decode.ts), and writes one reply per request to stdout.
// Whatever a hostile picture does to libvips here, it does to this process: no network, no files, its own
// memory and time limits, and the parent restarts it.
import sharp from 'sharp';
import { PdqDecodeError, hashImageFile } from '../decode.ts';
import { type DecodeReply, type DecodeRequest, FrameReader, encodeReply } from './decoder-protocol.ts';

// One picture at a time per process (the pool runs one process per core); no cache across files.
sharp.concurrency(1);
sharp.cache(false);

const reader = new FrameReader();
let queue: Promise<void> = Promise.resolve();

function reply(r: DecodeReply): void {
  process.stdout.write(encodeReply(r));
}

async function handle(req: DecodeRequest, data: Buffer): Promise<void> {
  try {
    const result = await hashImageFile(data, { maxPixels: req.maxPixels, dihedral: req.dihedral });
    reply({ id: req.id, ok: true, result });
  } catch (err) {
    const e = err instanceof PdqDecodeError ? err : new PdqDecodeError('CORRUPT', `cannot hash image: ${String(err)}`);
    reply({ id: req.id, ok: false, code: e.code, message: e.message });
  }
}

process.stdin.on('data', (chunk: Buffer) => {
  reader.push(chunk);
  for (;;) {
    if (reader.available < 12) return;
    const header = reader.peek(12);
    const jsonLen = header.readUInt32LE(0), dataLen = header.readUInt32LE(4);
    if (reader.available < 12 + jsonLen + dataLen) return;
    reader.take(12);
    const req = JSON.parse(reader.take(jsonLen).toString('utf8')) as DecodeRequest;
    // A copy: the reader's chunks are released, and sharp keeps the buffer while it works.
    const data = Buffer.from(reader.take(dataLen));
    queue = queue.then(() => handle(req, data));
  }
});
// The parent closed our stdin (it is done, or gone): finish the request in hand and leave.
process.stdin.on('end', () => {
  void queue.then(() => process.exit(0));
});
process.stdout.on('error', () => process.exit(0));
