import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';
import { S3Storage, StorageIntegrityError } from './s3.ts';
import { StorageNotFoundError } from './storage.ts';
import { documentStorage } from './index.ts';
import { loadConfig } from '../config.ts';

// The S3-compatible document storage against a real S3 server running on this machine (s3rver, an S3 API over a
// folder, started here on a free loopback port): uploads, reads checked against the SHA-256 taken at upload,
// deletes; a changed object fails its read; AMAAN_STORAGE=s3 makes documentStorage() pick it.

const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

interface S3rverServer {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}

describe('S3-compatible storage against a local S3 server', () => {
  let dir: string;
  let server: S3rverServer;
  let endpoint: string;
  const bucket = 'amaan-documents';
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = () => new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'amaan-s3rver-'));
    server = new (S3rver as new (o: object) => S3rverServer)({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts a stream (key, SHA-256, size), reads it back checked, deletes it; a missing key is not found', async () => {
    const storage = new S3Storage({ bucket, prefix: 'documents/', client: client() });
    const bytes = Buffer.concat([Buffer.from('synthetic statement of a witness, invented for a test\n'), Buffer.alloc(300_000, 0x61)]);
    const stored = await storage.put(Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]));
    expect(stored).toEqual({ key: expect.stringMatching(/^[0-9a-f-]{36}$/), sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    // In the bucket under the prefix, with its digest beside it.
    const raw = await client().send(new GetObjectCommand({ Bucket: bucket, Key: `documents/${stored.key.slice(0, 2)}/${stored.key}` }));
    expect(raw.Metadata?.sha256).toBe(stored.sha256);
    expect((await read(await storage.get(stored.key))).equals(bytes)).toBe(true);
    await storage.delete(stored.key);
    await expect(storage.get(stored.key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await storage.delete(stored.key); // deleting twice is not an error
    await expect(storage.get('../../etc/passwd')).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it('fails the read of an object changed in the store, and stores nothing when the source fails', async () => {
    const storage = new S3Storage({ bucket, prefix: 'documents/', client: client() });
    const stored = await storage.put(Readable.from([Buffer.from('the original bytes')]));
    // Someone with access to the bucket replaces the bytes and keeps the recorded digest.
    await client().send(new PutObjectCommand({ Bucket: bucket, Key: storage.objectKey(stored.key), Body: Buffer.from('replaced bytes!!!!'), Metadata: { sha256: stored.sha256 } }));
    await expect(read(await storage.get(stored.key))).rejects.toBeInstanceOf(StorageIntegrityError);
    const failing = new Readable({ read() { this.destroy(new Error('connection lost')); } });
    await expect(storage.put(failing)).rejects.toThrow('connection lost');
  });

  it('is the document storage when AMAAN_STORAGE=s3', async () => {
    const config = loadConfig({ NODE_ENV: 'test', AMAAN_STORAGE: 's3', AMAAN_S3_BUCKET: bucket, AMAAN_S3_ENDPOINT: endpoint, AMAAN_S3_ACCESS_KEY_ID: 'S3RVER', AMAAN_S3_SECRET_ACCESS_KEY: 'S3RVER', AMAAN_S3_PREFIX: 'docs/' });
    const storage = documentStorage(config);
    expect(storage).toBeInstanceOf(S3Storage);
    const stored = await storage.put(Readable.from([Buffer.from('a court order, invented')]));
    expect((await read(await storage.get(stored.key))).toString()).toBe('a court order, invented');
    expect(() => loadConfig({ NODE_ENV: 'test', AMAAN_STORAGE: 's3' })).toThrow(/AMAAN_S3_BUCKET is required/);
    expect(() => loadConfig({ NODE_ENV: 'test', AMAAN_STORAGE: 'ftp' })).toThrow(/AMAAN_STORAGE must be local or s3/);
  });
});
