import { mkdtempSync, writeFileSync, createWriteStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVics, writeVics } from './vics.ts';
import { readIcse, readPlainCsv, writeIcse, writePlainCsv } from './delimited.ts';
import { readHashList } from './hashlist.ts';
import type { HashEntry } from './entry.ts';

// Synthetic digests only: these are hashes of nothing in particular.
const md5 = (i: number) => i.toString(16).padStart(32, '0');
const sha1 = (i: number) => i.toString(16).padStart(40, 'a');
const pdq = (i: number) => i.toString(16).padStart(64, 'f');
const dir = mkdtempSync(join(tmpdir(), 'amaan-hashsets-'));
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
async function* from<T>(xs: T[]) {
  yield* xs;
}
async function writeTo(name: string, fn: (out: NodeJS.WritableStream & import('node:stream').Writable) => Promise<unknown>) {
  const p = join(dir, name);
  const out = createWriteStream(p);
  await fn(out);
  await new Promise((r) => out.end(r));
  return p;
}

describe('VICS JSON', () => {
  it('reads v1 Media with a BOM, string booleans and Series as object', async () => {
    const doc = { 'odata.metadata': 'http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media', value: [
      { MediaID: 1, Category: 1, MD5: md5(1).toUpperCase(), SHA1: sha1(1), VictimIdentified: 'true', IsDistributed: false, Series: { Name: 'Series A' } },
      { MediaID: 2, Category: '5', MD5: md5(2), PhotoDNA: { broken: true }, SelfGenerated: 'false' },
    ] };
    const p = file('v1.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(doc))]));
    const entries = await all(readVics(p));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ md5: md5(1), sha1: sha1(1), category: '1', series: 'Series A', mediaId: '1', attributes: { VictimIdentified: true, IsDistributed: false } });
    expect(entries[1]).toMatchObject({ md5: md5(2), category: '5', attributes: { SelfGenerated: false } });
    expect(entries[1]!.photodna).toBeUndefined();
  });

  it('reads v2 #Cases with nested Media arrays', async () => {
    const doc = { '@odata.context': 'http://github.com/ICMEC/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases', value: [
      { CaseID: 'c1', CaseNumber: 'X', Media: [{ MediaID: 'a', Category: 2, MD5: md5(3) }, { MediaID: 'b', Category: 1, SHA1: sha1(4) }] },
      { CaseID: 'c2', Media: [{ MediaID: 'c', Category: 3, MD5: md5(5) }] },
    ] };
    const entries = await all(readVics(file('v2.json', JSON.stringify(doc))));
    expect(entries.map((e) => e.mediaId)).toEqual(['a', 'b', 'c']);
  });

  it('round-trips through writeVics, keeping PDQ only in the Amaan extension', async () => {
    const src: HashEntry[] = [{ md5: md5(7), sha1: sha1(7), pdq: pdq(7), pdqQuality: 90, category: '1', series: 'S', mediaId: 'm7', attributes: { VictimIdentified: true } }];
    const p = await writeTo('out.json', (out) => writeVics(from(src), out, { includeAmaan: true }));
    const parsed = JSON.parse(readFileSync(p, 'utf8'));
    expect(parsed['@odata.context']).toContain('#Media');
    expect(parsed.value[0].Amaan).toEqual({ PDQ: pdq(7), PDQQuality: 90 });
    const back = await all(readVics(p));
    expect(back).toEqual([{ ...src[0], sha256: undefined, photodna: undefined }]);
    const plain = await writeTo('out-plain.json', (out) => writeVics(from(src), out, { includeAmaan: false }));
    expect(readFileSync(plain, 'utf8')).not.toContain('Amaan');
  });

  it('names the bad media on invalid hashes and refuses non-VICS JSON', async () => {
    const bad = { 'odata.metadata': 'x#Media', value: [{ MediaID: 1, MD5: md5(1) }, { MediaID: 2, MD5: 'xyz' }] };
    await expect(all(readVics(file('bad.json', JSON.stringify(bad))))).rejects.toThrow(/media #2: MD5 must be 32 hex/);
    await expect(all(readVics(file('other.json', '{"hello": 1}')))).rejects.toThrow(/not a VICS JSON/);
    await expect(all(readVics(file('trunc.json', '{"odata.metadata":"x#Media","value":[{"MD5":"' + md5(1) + '"},')))).rejects.toThrow(/invalid JSON/);
  });
});

describe('ICSE and plain CSV', () => {
  it('reads an ICSE export and writes it back', async () => {
    const text = 'MD5;SHA1;PhotoDNA;Image ID;Is distributed;Victim identified;Offender identified;Series name;Number of submissions;File Available;Media Type;Baseline\n' +
      `${md5(9)};${sha1(9)};;IMG9;true;false;;Series Z;3;true;Image;false\n`;
    const entries = await all(readIcse(file('icse.csv', text)));
    expect(entries).toEqual([{ md5: md5(9), sha1: sha1(9), photodna: undefined, category: '1', series: 'Series Z', mediaId: 'IMG9', attributes: { IsDistributed: true, VictimIdentified: false, FileAvailable: true, Baseline: false, Submissions: 3, MediaType: 'Image' } }]);
    const p = await writeTo('icse-out.csv', (out) => writeIcse(from(entries), out));
    expect(await all(readIcse(p))).toEqual(entries);
  });

  it('reads and writes plain CSV with PDQ and reports the bad line', async () => {
    const src: HashEntry[] = [{ md5: md5(1), pdq: pdq(1), pdqQuality: 88, category: '1', series: 'A, "quoted"', mediaId: 'x', attributes: {} }];
    const p = await writeTo('plain.csv', (out) => writePlainCsv(from(src), out));
    expect(await all(readPlainCsv(p))).toEqual([{ ...src[0], sha1: undefined, sha256: undefined }]);
    await expect(all(readPlainCsv(file('bad.csv', `md5,category\n${md5(1)},1\nnothex,1\n`)))).rejects.toThrow(/line 3: md5 must be 32 hex/);
    await expect(all(readPlainCsv(file('nohash.csv', 'name,category\nx,1\n')))).rejects.toThrow(/expected a header/);
  });
});

describe('hash lists', () => {
  it('reads one hash per line, skipping blanks and comments, tolerating md5sum output', async () => {
    const p = file('list.txt', `# known\n${md5(1)}  some/file.jpg\n\n${md5(2).toUpperCase()}\n`);
    expect((await all(readHashList(p, 'md5'))).map((e) => e.md5)).toEqual([md5(1), md5(2)]);
    await expect(all(readHashList(file('bad.txt', `${md5(1)}\n123\n`), 'md5'))).rejects.toThrow(/line 2/);
  });
});
