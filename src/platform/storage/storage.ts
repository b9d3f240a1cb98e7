import type { Readable } from 'node:stream';

// Where document bytes live, outside the database. One small interface so the local folder (the default) and an
// object store added later answer the same way: put a stream and learn its key, SHA-256 and size; get a stream
// back by key; delete by key. Callers keep the SHA-256 and check it again when they read (documents module).

export interface StoredObject {
  /** Opaque key to get or delete the object again (never derived from a user's file name). */
  key: string;
  /** Lower-case hex SHA-256 of the bytes as written. */
  sha256: string;
  size: number;
}

export interface ObjectStorage {
  /** Writes the whole stream; nothing is visible under the key until every byte is written. */
  put(source: Readable): Promise<StoredObject>;
  /** The bytes under `key`; rejects with StorageNotFoundError when there is no such object. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Writes the object under a key it had before (a restore from backup, where the database names the keys).
   * Only stores that can do so offer it (the local folder); `amaan restore` refuses document files otherwise.
   */
  putAt?(key: string, source: Readable): Promise<StoredObject>;
}

export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
  }
}

/** A store that keeps the digest beside the bytes (S3) found them changed: the read fails at its end. */
export class StorageIntegrityError extends Error {
  constructor(readonly key: string) {
    super(`stored object ${key} does not have the SHA-256 recorded when it was written`);
  }
}
