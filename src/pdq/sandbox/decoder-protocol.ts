// The pipe protocol between the image decoder pool and its children. Requests (parent -> child stdin):
// a 12-byte header (JSON length, data length, both u32 little-endian, then 4 zero bytes), the JSON, the
// file's bytes. Replies (child stdout -> parent): a 4-byte length, then the JSON. One request at a time.
import type { PdqFileHash } from '../decode.ts';

export interface DecodeRequest {
  id: number;
  maxPixels?: number;
  dihedral?: boolean;
}

export type DecodeReply =
  | { id: number; ok: true; result: PdqFileHash }
  | { id: number; ok: false; code: string; message: string };

/** Largest reply the parent accepts (a PDQ result with dihedral hashes is well under 2 kB). */
export const MAX_REPLY_BYTES = 64 * 1024;

export function encodeRequest(req: DecodeRequest, data: Uint8Array): Buffer[] {
  const json = Buffer.from(JSON.stringify(req));
  const header = Buffer.alloc(12);
  header.writeUInt32LE(json.length, 0);
  header.writeUInt32LE(data.length, 4);
  return [header, json, Buffer.from(data.buffer, data.byteOffset, data.length)];
}

export function encodeReply(reply: DecodeReply): Buffer {
  const json = Buffer.from(JSON.stringify(reply));
  const header = Buffer.alloc(4);
  header.writeUInt32LE(json.length, 0);
  return Buffer.concat([header, json]);
}

/** Collects chunks and hands out whole messages; `headerBytes` and `lengths` describe the framing. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private size = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  get available(): number {
    return this.size;
  }

  /** The first n bytes without consuming them (n <= available). */
  peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  /** Consumes and returns n bytes (n <= available). */
  take(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    const head = this.chunks[0];
    const out = head.subarray(0, n);
    if (head.length === n) this.chunks.shift();
    else this.chunks[0] = head.subarray(n);
    this.size -= n;
    return out;
  }
}
