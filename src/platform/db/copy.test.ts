import { describe, expect, it } from 'vitest';
import { copyText, copyValue } from './copy.ts';

// COPY's text format: what `amaan generate` streams to PostgreSQL. A wrong escape would shift or corrupt columns.
describe('COPY text', () => {
  it('writes NULL as \\N, booleans as t/f, numbers as digits, objects as JSON', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(undefined)).toBe('\\N');
    expect(copyValue(true)).toBe('t');
    expect(copyValue(false)).toBe('f');
    expect(copyValue(42)).toBe('42');
    expect(copyValue(0.5)).toBe('0.5');
    expect(copyValue({ phone: '+923001234567' })).toBe('{"phone":"+923001234567"}');
  });

  it('escapes backslash, tab, newline and carriage return, and leaves other text (Urdu too) as it is', () => {
    expect(copyValue('a\\b')).toBe('a\\\\b');
    expect(copyValue('a\tb\nc\rd')).toBe('a\\tb\\nc\\rd');
    expect(copyValue('\\N')).toBe('\\\\N'); // the text "\N", not NULL
    expect(copyValue('محمد علی')).toBe('محمد علی');
    expect(copyValue({ note: 'x\ty' })).toBe('{"note":"x\\\\ty"}');
  });

  it('writes one line per row, columns in the order given', () => {
    expect(copyText(['b', 'a'], [{ a: 1, b: 'x' }, { a: null, b: 'y\tz' }])).toBe('x\t1\ny\\tz\t\\N\n');
    expect(copyText(['a'], [])).toBe('');
  });
});
