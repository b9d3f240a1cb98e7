import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashFileError, parseHashText, readHashFile } from './hash-file.ts';
import { wordsToHex } from './hex.ts';

const A = 'a'.repeat(64), B = '0123456789abcdef'.repeat(4);
const dir = mkdtempSync(join(tmpdir(), 'amaan-hashfile-'));
function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
function hexes(path: string): string[] {
  const s = readHashFile(path);
  return Array.from({ length: s.count }, (_, i) => wordsToHex(s.words, i * 8));
}

describe('hash list files', () => {
  it('reads one hash per line, with or without a final newline, LF or CRLF, blank lines at the end', () => {
    expect(hexes(file('a.txt', `${A}\n${B}\n`))).toEqual([A, B]);
    expect(hexes(file('b.txt', `${A}\r\n${B}`))).toEqual([A, B]);
    expect(hexes(file('c.txt', `${A}\n${B}\n\n  \n\r\n`))).toEqual([A, B]);
    expect(hexes(file('d.txt', ''))).toEqual([]);
    expect(hexes(file('e.txt', `\uFEFF${A}\n`))).toEqual([A]);
  });

  it('names the file and 1-based line of a bad line', () => {
    const bad = (name: string, text: string, msg: RegExp): void => {
      const p = file(name, text);
      expect(() => readHashFile(p)).toThrow(HashFileError);
      expect(() => readHashFile(p)).toThrow(msg);
    };
    bad('short.txt', `${A}\n${A.slice(1)}\n`, /short\.txt:2: expected 64 hex characters, got 63/);
    bad('char.txt', `${A}\n${A}\n${A.slice(0, 5)}g${A.slice(6)}\n`, /char\.txt:3: invalid character "g" at column 6/);
    bad('blank.txt', `${A}\n\n${B}\n`, /blank\.txt:2: blank line \(blank lines are allowed only at the end/);
    bad('space.txt', ` ${A}\n`, /space\.txt:1: leading or trailing whitespace/);
    bad('csv.txt', `${A},meta\n`, /csv\.txt:1: expected 64 hex characters, got 69/);
    bad('long.txt', 'x'.repeat(10_000_000), /long\.txt:1: expected 64 hex characters, got 10000000/);
  });

  it('handles lines split across read chunks (4 MiB)', () => {
    const lines = Array.from({ length: 70_000 }, (_, i) => (i % 2 ? A : B));
    expect(hexes(file('big.txt', lines.join('\n')))).toEqual(lines);
    const bad = [...lines];
    bad[65_000] = 'z' + A.slice(1);
    expect(() => readHashFile(file('bigbad.txt', bad.join('\r\n')))).toThrow(/bigbad\.txt:65001: invalid character "z" at column 1/);
  });

  it('parses text the same way', () => {
    expect(parseHashText(`${A}\n${B}\n`).count).toBe(2);
    expect(() => parseHashText(`${A}\n\n${A}`, 'inline')).toThrow(/^inline:2: blank line/);
  });
});
