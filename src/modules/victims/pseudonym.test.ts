import { describe, expect, it } from 'vitest';
import { formatPseudonym, PSEUDONYM_PATTERN } from './pseudonym.ts';

describe('victim pseudonym', () => {
  it('is V-YYYY-NNNN, growing past four digits', () => {
    expect(formatPseudonym(2025, 1)).toBe('V-2025-0001');
    expect(formatPseudonym(2025, 50)).toBe('V-2025-0050');
    expect(formatPseudonym(2025, 12345)).toBe('V-2025-12345');
    for (const p of ['V-2025-0001', 'V-2025-12345']) expect(p).toMatch(PSEUDONYM_PATTERN);
    expect('V-25-0001').not.toMatch(PSEUDONYM_PATTERN);
  });
});
