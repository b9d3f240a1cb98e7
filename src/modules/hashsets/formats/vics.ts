import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable, type Writable } from 'node:stream';
import StreamJson from 'stream-json';
import Pick from 'stream-json/filters/Pick.js';
import StreamValues from 'stream-json/streamers/StreamValues.js';
import { HashSetFormatError, looseBoolean, normaliseHex, requireSomeHash, trackBytes, type HashEntry, type ReadOptions } from './entry.ts';

// Project VIC "VICS" JSON (OData-style). v1.x: { "odata.metadata": ".../1.2.xml#Media", value: [Media] };
// v2.0: { "@odata.context": ".../2.0.xml/.../$metadata#Media" | "#Cases", value: [...] }, where a Case holds
// a Media array. Files can be gigabytes, so Media objects are streamed one at a time.
const FLAGS = ['VictimIdentified', 'OffenderIdentified', 'IsDistributed', 'IsSuspected', 'SelfGenerated', 'IsPrecategorized'] as const;

async function sniffHead(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}

/** Strips a UTF-8 byte-order mark, which some producers write. */
async function* withoutBom(source: Readable): AsyncGenerator<Buffer> {
  let first = true;
  for await (const chunk of source) {
    let b = chunk as Buffer;
    if (first) {
      first = false;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    }
    yield b;
  }
}

export function mediaToEntry(m: Record<string, unknown>, where: string): HashEntry {
  const attributes: Record<string, unknown> = {};
  for (const f of FLAGS) {
    const v = looseBoolean(m[f]);
    if (v !== undefined) attributes[f] = v;
  }
  for (const k of ['MediaSize', 'MimeType', 'DateUpdated', 'Tags', 'Comments', 'Name', 'RelativeFilePath'] as const) {
    if (m[k] !== undefined && m[k] !== null && m[k] !== '') attributes[k] = m[k];
  }
  const series = typeof m.Series === 'string' ? m.Series : (m.Series as { Name?: unknown } | undefined)?.Name;
  const amaan = (m.Amaan ?? {}) as { PDQ?: unknown; PDQQuality?: unknown };
  const category = m.Category === undefined || m.Category === null || m.Category === '' ? '0' : String(m.Category).trim();
  // Some phone-extraction tools write broken PhotoDNA fields; keep what is a string, drop the rest.
  const photodna = typeof m.PhotoDNA === 'string' && m.PhotoDNA.trim() ? m.PhotoDNA.trim() : undefined;
  return requireSomeHash(
    {
      md5: normaliseHex(m.MD5, 32, 'MD5', where),
      sha1: normaliseHex(m.SHA1, 40, 'SHA1', where),
      sha256: normaliseHex(m.SHA256, 64, 'SHA256', where),
      pdq: normaliseHex(amaan.PDQ, 64, 'Amaan.PDQ', where),
      pdqQuality: typeof amaan.PDQQuality === 'number' ? amaan.PDQQuality : undefined,
      photodna,
      category,
      series: typeof series === 'string' && series ? series : undefined,
      mediaId: m.MediaID === undefined || m.MediaID === null ? undefined : String(m.MediaID),
      attributes,
    },
    where,
  );
}

export async function* readVics(path: string, opts?: ReadOptions): AsyncGenerator<HashEntry> {
  const head = await sniffHead(path);
  if (!/"(odata\.metadata|@odata\.context)"\s*:/.test(head) && !/"value"\s*:/.test(head)) {
    throw new HashSetFormatError('not a VICS JSON file (no odata.metadata / @odata.context)', path);
  }
  const cases = /\$metadata#Cases|#Cases"/.test(head);
  const filter = cases ? /^value\.\d+\.Media\.\d+$/ : /^value\.\d+$/;
  const source = trackBytes(createReadStream(path, { highWaterMark: 1 << 20 }), opts);
  const values = StreamValues.make();
  // pipeline() destroys every stage on any error, so a parse error surfaces in the loop below.
  pipeline(Readable.from(withoutBom(source)), StreamJson.parser(), Pick.make({ filter }), values, () => {});
  let n = 0;
  try {
    for await (const item of values as AsyncIterable<{ value: Record<string, unknown> }>) {
      n++;
      yield mediaToEntry(item.value, `${path}: media #${n}`);
    }
  } catch (err) {
    if (err instanceof HashSetFormatError) throw err;
    throw new HashSetFormatError(`invalid JSON (${(err as Error).message})`, path);
  } finally {
    source.destroy();
  }
}

/** Writes VICS v2.0 Media; Amaan's PDQ goes in an extra "Amaan" object other readers ignore. */
export async function writeVics(entries: AsyncIterable<HashEntry>, out: Writable, opts: { includeAmaan: boolean }): Promise<number> {
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('{"@odata.context":"http://github.com/ICMEC/ProjectVic/DataModels/2.0.xml/Default/$metadata#Media","value":[');
  let n = 0;
  for await (const e of entries) {
    const media: Record<string, unknown> = { MediaID: e.mediaId ?? String(n + 1), Category: /^\d+$/.test(e.category) ? Number(e.category) : e.category };
    if (e.md5) media.MD5 = e.md5.toUpperCase();
    if (e.sha1) media.SHA1 = e.sha1.toUpperCase();
    if (e.sha256) media.SHA256 = e.sha256.toUpperCase();
    if (e.photodna) media.PhotoDNA = e.photodna;
    if (e.series) media.Series = e.series;
    for (const [k, v] of Object.entries(e.attributes)) if (!(k in media)) media[k] = v;
    if (opts.includeAmaan && e.pdq) media.Amaan = { PDQ: e.pdq, ...(e.pdqQuality !== undefined ? { PDQQuality: e.pdqQuality } : {}) };
    await write((n === 0 ? '' : ',') + JSON.stringify(media));
    n++;
  }
  await write(']}');
  return n;
}
