import { join } from 'node:path';
import type { Config } from '../config.ts';
import { LocalFolderStorage } from './local-folder.ts';
import type { ObjectStorage } from './storage.ts';

export type { ObjectStorage, StoredObject } from './storage.ts';
export { StorageNotFoundError } from './storage.ts';

const opened = new Map<string, ObjectStorage>();

/** The document storage of this installation: the folder `documents/` inside the data folder. */
export function documentStorage(config: Pick<Config, 'dataDir'>): ObjectStorage {
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
