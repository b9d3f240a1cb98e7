import { describe, expect, it } from 'vitest';
import { detectScript, nameKey } from './person.names.ts';

describe('script detection', () => {
  it('tells Urdu from Latin script', () => {
    expect(detectScript('محمد علی')).toBe('urdu');
    expect(detectScript('Muhammad Ali')).toBe('latin');
    expect(detectScript('Jürgen Müller')).toBe('latin');
    expect(detectScript('Иван')).toBe('other');
    expect(detectScript('1234')).toBe('other');
  });
});

describe('spelling-tolerant name key', () => {
  const same = (...names: string[]) => expect(new Set(names.map(nameKey)).size, names.join(' / ')).toBe(1);
  const differ = (a: string, b: string) => expect(nameKey(a), `${a} vs ${b}`).not.toBe(nameKey(b));

  it('folds common transliteration variants', () => {
    same('Muhammad', 'Mohammad', 'Muhammed', 'Mohammed', 'Mohamed', 'Muhamad', 'Mohd.', 'MUHAMMAD');
    same('Ahmad', 'Ahmed');
    same('Yousaf', 'Yusuf', 'Yousuf');
    same('Ayesha', 'Aisha');
    same('Hussain', 'Husain', 'Hussein');
    same('Chaudhry', 'Choudhry', 'Chaudhary');
    same('Qureshi', 'Kureshi');
    same('Zulfiqar', 'Zulfikar');
    same('Umar', 'Omar');
    same('Muhammad Ali', 'Mohammed  Aly');
  });

  it('keeps different names apart', () => {
    differ('Muhammad', 'Mahmood');
    differ('Hassan', 'Hussain');
    differ('Khan', 'Kan');
    differ('Ali', 'Ali Raza');
  });

  it('folds Urdu diacritics and letter variants', () => {
    same('محمد', 'مُحَمَّد', 'محمّد');
    same('علی', 'علي');
    expect(nameKey('محمد علی')).toBe('محمد علی');
  });
});
