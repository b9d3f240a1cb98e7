import { describe, expect, it } from 'vitest';
import { agencyTimeZone, formattersFor, isoToLocalInput, localInputToIso, setAgencyTimeZone } from './format.ts';

describe('dates and times in the agency time zone and the chosen language', () => {
  it('shows an instant on the agency clock, 24-hour, with no English AM/PM in Urdu', () => {
    expect(agencyTimeZone()).toBe('Asia/Karachi');
    const at = '2025-05-23T05:30:00Z'; // 10:30 in Karachi
    expect(formattersFor('en').dateTime(at)).toBe('23 May 2025, 10:30');
    const ur = formattersFor('ur').dateTime(at);
    expect(ur).toContain('10:30');
    expect(ur).toContain('مئی');
    expect(ur).not.toMatch(/AM|PM/);
    expect(formattersFor('ur').time('2025-05-23T10:05:00Z')).toBe('15:05');
  });

  it('reads and writes datetime inputs on the agency wall clock, also for year 0001', () => {
    expect(localInputToIso('2025-05-23T10:30')).toBe('2025-05-23T05:30:00.000Z');
    expect(isoToLocalInput('2025-05-23T05:30:00Z')).toBe('2025-05-23T10:30');
    expect(localInputToIso('0001-01-01T10:00').startsWith('0001-01-01T')).toBe(true);
    expect(localInputToIso('')).toBe('');
  });

  it('follows the zone the server names, and ignores an unknown one', () => {
    setAgencyTimeZone('Not/AZone');
    expect(agencyTimeZone()).toBe('Asia/Karachi');
    setAgencyTimeZone('UTC');
    expect(formattersFor('en').time('2025-05-23T05:30:00Z')).toBe('05:30');
    setAgencyTimeZone('Asia/Karachi');
    expect(formattersFor('en').time('2025-05-23T05:30:00Z')).toBe('10:30');
  });
});
