import { describe, expect, it } from 'vitest';
import { normaliseCnic, normaliseIdentifier, normaliseNationality, normalisePassport, normalisePhone } from './person.formats.ts';
import { countryName } from './countries.ts';

const value = (r: { ok: boolean; value?: string }) => (r.ok ? r.value : null);

describe('CNIC', () => {
  it('accepts the dashed form and 13 digits, stored dashed', () => {
    expect(value(normaliseCnic('35202-1234567-1'))).toBe('35202-1234567-1');
    expect(value(normaliseCnic(' 3520212345671 '))).toBe('35202-1234567-1');
  });
  it.each(['35202-123456-71', '3520-21234567-1', '352021234567', '35202123456712', '35202 1234567 1', 'abcde-fghijkl-m', '05202-1234567-1', ''])('refuses %j', (s) => {
    expect(normaliseCnic(s).ok).toBe(false);
  });
});

describe('passport', () => {
  it('upper-cases 6 to 20 letters and digits', () => {
    expect(value(normalisePassport('ab1234567'))).toBe('AB1234567');
    expect(value(normalisePassport('C01X00T47'))).toBe('C01X00T47');
  });
  it.each(['AB12', 'AB 1234567', 'AB-1234567', 'ABCDEFGH', 'A'.repeat(19) + '12', 'пас123456'])('refuses %j', (s) => {
    expect(normalisePassport(s).ok).toBe(false);
  });
});

describe('nationality', () => {
  it('takes ISO 3166-1 alpha-2 codes in any case, UK as GB', () => {
    expect(value(normaliseNationality('pk'))).toBe('PK');
    expect(value(normaliseNationality('DE'))).toBe('DE');
    expect(value(normaliseNationality('UK'))).toBe('GB');
    expect(countryName('PK')).toBe('Pakistan');
  });
  it.each(['XX', 'Pakistan', 'PAK', 'EU', 'P', ''])('refuses %j', (s) => {
    expect(normaliseNationality(s).ok).toBe(false);
  });
});

describe('phone to E.164', () => {
  it.each([
    ['0300-1234567', '+923001234567'],
    ['03001234567', '+923001234567'],
    ['0300 1234567', '+923001234567'],
    ['300 1234567', '+923001234567'],
    ['+92 300 1234567', '+923001234567'],
    ['0092-300-1234567', '+923001234567'],
    ['923001234567', '+923001234567'],
    ['(042) 3576 1234', '+924235761234'],
    ['051-1234567', '+92511234567'],
    ['+49 30 1234567', '+49301234567'],
    ['+1 (202) 555-0147', '+12025550147'],
  ])('%s -> %s', (input, e164) => {
    expect(value(normalisePhone(input))).toBe(e164);
  });
  it.each(['hello', '0300-12345', '0300-12345678', '+92 300 12345', '12345', '+0 300 1234567', '+1234567890123456', '0300-1234567 ext 2', '0300+1234567', '', '0012'])('refuses %j', (s) => {
    expect(normalisePhone(s).ok).toBe(false);
  });
});

describe('online identifiers', () => {
  it('normalises handles, e-mail and phones', () => {
    expect(value(normaliseIdentifier('handle', '@Dark_Trader'))).toBe('Dark_Trader');
    expect(value(normaliseIdentifier('email', 'Someone@Example.ORG'))).toBe('someone@example.org');
    expect(value(normaliseIdentifier('phone', '0321-7654321'))).toBe('+923217654321');
    expect(value(normaliseIdentifier('bank_account', ' PK36 SCBL 0000 0011 2345 6702 '))).toBe('PK36 SCBL 0000 0011 2345 6702');
  });
  it('refuses malformed ones', () => {
    expect(normaliseIdentifier('email', 'not-an-email').ok).toBe(false);
    expect(normaliseIdentifier('handle', 'two words').ok).toBe(false);
    expect(normaliseIdentifier('crypto_address', 'short').ok).toBe(false);
    expect(normaliseIdentifier('device', '   ').ok).toBe(false);
  });
});
