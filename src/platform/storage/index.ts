import { join } from 'node:path';
import type { Config } from '../config.ts';
import { LocalFolderStorage } from './local-folder.ts';
import { S3Storage } from './s3.ts';
import type { ObjectStorage } from './storage.ts';

export type { ObjectStorage, StoredObject } from './storage.ts';
export { StorageIntegrityError, StorageNotFoundError } from './storage.ts';

const opened = new Map<string, ObjectStorage>();

/**
 * The document storage of this installation: the folder `documents/` inside the data folder (default), or the
 * S3-compatible bucket of AMAAN_STORAGE=s3 (production, shared by every API server).
 */
export function documentStorage(config: Pick<Config, 'dataDir'> & Partial<Pick<Config, 'storage'>>): ObjectStorage {
  const s = config.storage;
  if (s?.kind === 's3') {
    const id = `s3:${s.endpoint ?? 'aws'}/${s.bucket}/${s.prefix}`;
    let storage = opened.get(id);
    if (!storage) {
      storage = new S3Storage({
        bucket: s.bucket,
        prefix: s.prefix,
        clientConfig: {
          region: s.region,
          endpoint: s.endpoint,
          forcePathStyle: s.forcePathStyle,
          ...(s.accessKeyId && s.secretAccessKey ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } } : {}),
        },
      });
      opened.set(id, storage);
    }
    return storage;
  }
  const root = join(config.dataDir, 'documents');
  let storage = opened.get(root);
  if (!storage) {
    storage = new LocalFolderStorage(root);
    opened.set(root, storage);
  }
  return storage;
}

/**
 * Files a background job reads (an uploaded hash set waiting for a worker): the folder `jobs/` inside the data
 * folder. Workers on other machines need the same folder (shared) or an object store behind this interface.
 */
export function jobStorage(config: Pick<Config, 'dataDir'>): ObjectStorage {
  const root = join(config.dataDir, 'jobs');
  let storage = opened.get(root);
  if (!storage) {
    storage = new LocalFolderStorage(root);
    opened.set(root, storage);
  }
  return storage;
}
