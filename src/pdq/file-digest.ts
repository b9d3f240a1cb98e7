// MD5, SHA-1 and SHA-256 of a file in one streamed read (the three hashers share each chunk).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileDigest {
  size: number;
  md5: string;
  sha1: string;
  sha256: string;
}

/** Read size: large chunks keep the per-chunk overhead low on multi-gigabyte files. */
const HIGH_WATER_MARK = 1 << 20;

export async function digestFile(path: string): Promise<FileDigest> {
  const md5 = createHash('md5'), sha1 = createHash('sha1'), sha256 = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: HIGH_WATER_MARK }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    md5.update(chunk);
    sha1.update(chunk);
    sha256.update(chunk);
  }
  return { size, md5: md5.digest('hex'), sha1: sha1.digest('hex'), sha256: sha256.digest('hex') };
}

export function digestBuffer(data: Uint8Array): FileDigest {
  const hex = (alg: string) => createHash(alg).update(data).digest('hex');
  return { size: data.length, md5: hex('md5'), sha1: hex('sha1'), sha256: hex('sha256') };
}
