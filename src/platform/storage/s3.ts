import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { StorageIntegrityError, StorageNotFoundError, type ObjectStorage, type StoredObject } from './storage.ts';

export { StorageIntegrityError };

// Documents in an S3-compatible object store (issue 13, section 3): the production choice when several API servers
// share the documents. Same contract as the local folder: `put` returns a random UUID key, the SHA-256 and the size;
// nothing is visible under the key until every byte is written (an object appears whole on PutObject). The bytes are
// first spooled to a private temporary file while they are hashed, so the upload has a known length and the digest
// travels with the object (metadata `sha256`). `get` checks the bytes against that digest as they stream: a changed
// object fails the read at its end (the documents module also compares with the digest in its own table).

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface S3StorageOptions {
  bucket: string;
  /** Key prefix inside the bucket (e.g. "documents/"). */
  prefix?: string;
  client?: S3Client;
  clientConfig?: S3ClientConfig;
}

export class S3Storage implements ObjectStorage {
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;

  constructor(opts: S3StorageOptions) {
    this.bucket = opts.bucket;
    this.prefix = opts.prefix ?? '';
    // Checksums only where the API requires them: self-hosted stores differ in the trailers they understand.
    this.client = opts.client ?? new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED', ...opts.clientConfig });
  }

  /** The object's name in the bucket; never a name the caller composed. */
  objectKey(key: string): string {
    if (!KEY.test(key)) throw new StorageNotFoundError(key);
    return `${this.prefix}${key.slice(0, 2)}/${key}`;
  }

  async put(source: Readable): Promise<StoredObject> {
    const key = randomUUID();
    const dir = await mkdtemp(join(tmpdir(), 'amaan-s3-'));
    const temp = join(dir, 'upload.part');
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      const sha256 = hash.digest('hex');
      await this.client.send(new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: createReadStream(temp),
        ContentLength: size,
        ContentType: 'application/octet-stream',
        Metadata: { sha256 },
      }));
      return { key, sha256, size };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    let answer;
    try {
      answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) throw new StorageNotFoundError(key);
      throw err;
    }
    const expected = answer.Metadata?.sha256;
    const body = answer.Body as Readable | undefined;
    if (!body) throw new StorageNotFoundError(key);
    if (!expected || !/^[0-9a-f]{64}$/.test(expected)) {
      body.destroy();
      throw new StorageIntegrityError(key);
    }
    const hash = createHash('sha256');
    const check = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        done(hash.digest('hex') === expected ? null : new StorageIntegrityError(key));
      },
    });
    body.on('error', (err) => check.destroy(err));
    return body.pipe(check);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }
}
