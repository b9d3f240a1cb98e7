import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { HashSetFormatError, looseBoolean, normaliseHex, requireSomeHash, trackBytes, type HashEntry, type ReadOptions } from './entry.ts';

// Interpol ICSE export (';'-separated) and Amaan's plain CSV, both streamed row by row.
const ICSE_COLUMNS = ['MD5', 'SHA1', 'PhotoDNA', 'Image ID', 'Is distributed', 'Victim identified', 'Offender identified', 'Series name', 'Number of submissions', 'File Available', 'Media Type', 'Baseline'];
export const PLAIN_COLUMNS = ['md5', 'sha1', 'sha256', 'pdq', 'pdq_quality', 'category', 'series', 'media_id'];

function rows(path: string, delimiter: string, opts?: ReadOptions) {
  return trackBytes(createReadStream(path, { highWaterMark: 1 << 20 }), opts).pipe(
    parse({ delimiter, columns: (header: string[]) => header.map((h) => h.trim()), bom: true, skip_empty_lines: true, relax_column_count: false, trim: true }),
  );
}

async function* mapRows(path: string, delimiter: string, opts: ReadOptions | undefined, check: (cols: string[]) => void, toEntry: (r: Record<string, string>, where: string) => HashEntry): AsyncGenerator<HashEntry> {
  let line = 1;
  let checked = false;
  try {
    for await (const r of rows(path, delimiter, opts) as AsyncIterable<Record<string, string>>) {
      line++;
      if (!checked) {
        check(Object.keys(r));
        checked = true;
      }
      yield toEntry(r, `${path}: line ${line}`);
    }
  } catch (err) {
    if (err instanceof HashSetFormatError) throw err;
    throw new HashSetFormatError(`cannot parse (${(err as Error).message})`, `${path}: line ${line}`);
  }
}

export function readIcse(path: string, opts?: ReadOptions): AsyncGenerator<HashEntry> {
  return mapRows(
    path,
    ';',
    opts,
    (cols) => {
      if (!cols.includes('MD5') && !cols.includes('SHA1')) throw new HashSetFormatError(`not an ICSE export: expected columns ${ICSE_COLUMNS.slice(0, 3).join(';')}...`, path);
    },
    (r, where) => {
      const attributes: Record<string, unknown> = {};
      const flags: Array<[string, string]> = [['Is distributed', 'IsDistributed'], ['Victim identified', 'VictimIdentified'], ['Offender identified', 'OffenderIdentified'], ['File Available', 'FileAvailable'], ['Baseline', 'Baseline']];
      for (const [col, key] of flags) {
        const v = looseBoolean(r[col]);
        if (v !== undefined) attributes[key] = v;
      }
      if (r['Number of submissions']) attributes.Submissions = Number(r['Number of submissions']) || r['Number of submissions'];
      if (r['Media Type']) attributes.MediaType = r['Media Type'];
      return requireSomeHash(
        {
          md5: normaliseHex(r.MD5, 32, 'MD5', where),
          sha1: normaliseHex(r.SHA1, 40, 'SHA1', where),
          photodna: r.PhotoDNA || undefined,
          // ICSE entries are known material by definition of the database.
          category: '1',
          series: r['Series name'] || undefined,
          mediaId: r['Image ID'] || undefined,
          attributes,
        },
        where,
      );
    },
  );
}

export function readPlainCsv(path: string, opts?: ReadOptions): AsyncGenerator<HashEntry> {
  return mapRows(
    path,
    ',',
    opts,
    (cols) => {
      const known = cols.filter((c) => PLAIN_COLUMNS.includes(c.toLowerCase()));
      if (!known.some((c) => ['md5', 'sha1', 'sha256', 'pdq'].includes(c.toLowerCase()))) {
        throw new HashSetFormatError(`expected a header with at least one of md5, sha1, sha256, pdq (columns: ${PLAIN_COLUMNS.join(',')})`, path);
      }
    },
    (raw, where) => {
      const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
      const q = r.pdq_quality ? Number(r.pdq_quality) : undefined;
      if (q !== undefined && (!Number.isInteger(q) || q < 0 || q > 100)) throw new HashSetFormatError('pdq_quality must be 0-100', where);
      return requireSomeHash(
        {
          md5: normaliseHex(r.md5, 32, 'md5', where),
          sha1: normaliseHex(r.sha1, 40, 'sha1', where),
          sha256: normaliseHex(r.sha256, 64, 'sha256', where),
          pdq: normaliseHex(r.pdq, 64, 'pdq', where),
          pdqQuality: q,
          category: r.category?.trim() || '0',
          series: r.series || undefined,
          mediaId: r.media_id || undefined,
          attributes: {},
        },
        where,
      );
    },
  );
}

const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function writePlainCsv(entries: AsyncIterable<HashEntry>, out: Writable): Promise<number> {
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${PLAIN_COLUMNS.join(',')}\n`);
  let n = 0;
  for await (const e of entries) {
    await write(`${[e.md5, e.sha1, e.sha256, e.pdq, e.pdqQuality, e.category, e.series, e.mediaId].map(csvCell).join(',')}\n`);
    n++;
  }
  return n;
}

export async function writeIcse(entries: AsyncIterable<HashEntry>, out: Writable): Promise<number> {
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v).replace(/[;\n\r]/g, ' '));
  await write(`${ICSE_COLUMNS.join(';')}\n`);
  let n = 0;
  for await (const e of entries) {
    if (!e.md5 && !e.sha1) continue; // ICSE carries MD5/SHA1 only
    const a = e.attributes;
    const yn = (v: unknown) => (v === undefined ? '' : v ? 'true' : 'false');
    await write(`${[e.md5?.toUpperCase(), e.sha1?.toUpperCase(), e.photodna, e.mediaId, yn(a.IsDistributed), yn(a.VictimIdentified), yn(a.OffenderIdentified), e.series, a.Submissions, yn(a.FileAvailable), a.MediaType, yn(a.Baseline)].map(cell).join(';')}\n`);
    n++;
  }
  return n;
}
