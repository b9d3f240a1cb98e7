import { describe, expect, it } from 'vitest';
import { visibleJson, visibleText } from './visible-text.ts';

describe('trail text shown to people', () => {
  it('shows bidi and control characters as ⟨U+XXXX⟩, so a name cannot reorder or hide what is displayed', () => {
    expect(visibleText('admin\u202Egnp.exe')).toBe('admin⟨U+202E⟩gnp.exe');
    expect(visibleText('\u2066a\u2069\u200E\u200F\u061C')).toBe('⟨U+2066⟩a⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩');
    expect(visibleText('line\nfake row\r\u001b[31m')).toBe('line⟨U+000A⟩fake row⟨U+000D⟩⟨U+001B⟩[31m');
    expect(visibleText('\u0085\u2028\uFEFF\ud800')).toBe('⟨U+0085⟩⟨U+2028⟩⟨U+FEFF⟩⟨U+D800⟩');
  });
  it('keeps ordinary text, Urdu with its joiners, and emoji', () => {
    for (const s of ['Inv. A', 'مظفرگڑھ', 'می\u200Cخواهم', '👩\u200D💻', 'O\'Brien "x"']) expect(visibleText(s)).toBe(s);
  });
  it('makes JSON details visible too', () => {
    expect(visibleJson({ reason: 'ok\u202Eevil' })).toBe('{"reason":"ok⟨U+202E⟩evil"}');
  });
});
