import type { Writable } from 'node:stream';
import type { HashEntry, ReadOptions } from './entry.ts';
import { readVics, writeVics } from './vics.ts';
import { readIcse, readPlainCsv, writeIcse, writePlainCsv } from './delimited.ts';
import { readHashList, writeHashList, type HashListKind } from './hashlist.ts';

export * from './entry.ts';
export type HashSetFormat = 'vics' | 'icse' | 'csv' | 'md5-list' | 'sha1-list' | 'sha256-list' | 'pdq-list';
export const hashSetFormats: readonly HashSetFormat[] = ['vics', 'icse', 'csv', 'md5-list', 'sha1-list', 'sha256-list', 'pdq-list'];

const listKind = (f: HashSetFormat): HashListKind => f.replace('-list', '') as HashListKind;

export function readHashSetFile(path: string, format: HashSetFormat, opts: ReadOptions & { category?: string } = {}): AsyncGenerator<HashEntry> {
  switch (format) {
    case 'vics':
      return readVics(path, opts);
    case 'icse':
      return readIcse(path, opts);
    case 'csv':
      return readPlainCsv(path, opts);
    case 'md5-list':
    case 'sha1-list':
    case 'sha256-list':
    case 'pdq-list':
      return readHashList(path, listKind(format), opts.category ?? '0', opts);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

export function writeHashSet(entries: AsyncIterable<HashEntry>, out: Writable, format: HashSetFormat, opts: { includeAmaan?: boolean } = {}): Promise<number> {
  switch (format) {
    case 'vics':
      return writeVics(entries, out, { includeAmaan: opts.includeAmaan ?? false });
    case 'icse':
      return writeIcse(entries, out);
    case 'csv':
      return writePlainCsv(entries, out);
    case 'md5-list':
    case 'sha1-list':
    case 'sha256-list':
    case 'pdq-list':
      return writeHashList(entries, out, listKind(format));
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
