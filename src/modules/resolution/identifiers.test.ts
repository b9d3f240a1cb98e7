import { describe, expect, it } from 'vitest';
import { cnicKey, cnicNearMiss, formatCnic, handleKey, passportKey, phoneKey, walletKey } from './identifiers.ts';

describe('identifier keys', () => {
  it('reads a CNIC with or without dashes as its 13 digits', () => {
    expect(cnicKey('35202-1234567-1')).toBe('3520212345671');
    expect(cnicKey('3520212345671')).toBe('3520212345671');
    expect(cnicKey('35202 1234567 1')).toBe('3520212345671');
    expect(formatCnic('3520212345671')).toBe('35202-1234567-1');
    for (const bad of ['3520-1234567-1', '05202-1234567-1', '35202-1234567', 'abc']) expect(cnicKey(bad)).toBeNull();
  });

  it('tells a typing slip in a CNIC from a different CNIC', () => {
    expect(cnicNearMiss('3520212345671', '3520212345681')).toBe(true);
    expect(cnicNearMiss('3520212345671', '3520212345761')).toBe(true); // neighbours swapped
    expect(cnicNearMiss('3520212345671', '3520299345671')).toBe(false);
  });

  it('reads Pakistani mobiles in every usual shape as one E.164 number, and foreign ones by their plan', () => {
    for (const p of ['+92 300 1234567', '0300-1234567', '923001234567', '03001234567', '0092 300 1234567', '(0300) 123-4567']) {
      expect(phoneKey(p)).toBe('+923001234567');
    }
    expect(phoneKey('042-35761234')).toBe('+924235761234');
    expect(phoneKey('+44 20 7946 0958')).toBe('+442079460958');
    expect(phoneKey('12')).toBeNull();
    expect(phoneKey('call me')).toBeNull();
  });

  it('keys handles without @ and case, passports in upper case, wallets by their number', () => {
    expect(handleKey('@Asif_87')).toBe('asif_87');
    expect(handleKey('two words')).toBeNull();
    expect(passportKey('ab 123456 7')).toBe('AB1234567');
    expect(passportKey('ABCDEFG')).toBeNull();
    expect(walletKey('jazzcash:0300-1234567')).toBe('+923001234567');
    expect(walletKey('03001234567')).toBe('+923001234567');
  });
});
