import { normaliseCountryCode } from './countries.ts';

// Identity document and phone formats, as pure functions: each answers the one stored form or the reason
// the input is refused (shown to the user, naming the expected format).
export type Normalised = { ok: true; value: string } | { ok: false; reason: string };
const ok = (value: string): Normalised => ({ ok: true, value });
const fail = (reason: string): Normalised => ({ ok: false, reason });

/** Pakistani CNIC (and B-form, same number space): `#####-#######-#`, also accepted as 13 digits. */
export function normaliseCnic(input: string): Normalised {
  const s = input.trim();
  const m = /^(\d{5})-(\d{7})-(\d)$/.exec(s) ?? /^(\d{5})(\d{7})(\d)$/.exec(s);
  if (!m) return fail('must be a CNIC as #####-#######-# (or 13 digits)');
  if (m[1]!.startsWith('0')) return fail('a CNIC starts with a region digit 1-9');
  return ok(`${m[1]}-${m[2]}-${m[3]}`);
}

/** Passport number: 6 to 20 letters and digits with at least one digit, stored in upper case. */
export function normalisePassport(input: string): Normalised {
  const s = input.trim().toUpperCase();
  if (!/^[A-Z0-9]{6,20}$/.test(s)) return fail('must be 6 to 20 letters and digits, no spaces or dashes');
  if (!/\d/.test(s)) return fail('a passport number contains digits');
  return ok(s);
}

/** ISO 3166-1 alpha-2 code (PK, DE, GB; UK is taken as GB). */
export function normaliseNationality(input: string): Normalised {
  const code = normaliseCountryCode(input);
  return code ? ok(code) : fail('must be an ISO 3166-1 alpha-2 country code such as PK or DE');
}

/**
 * A phone number in E.164 (+923001234567). Pakistani national forms are read as such: 0300-1234567,
 * 03001234567, 300 1234567, 92 300 1234567, 042-35761234; anything else needs + or 00 and a country code.
 */
export function normalisePhone(input: string): Normalised {
  const raw = input.trim();
  if (!/^\+?[\d\s\-().]+$/.test(raw)) return fail('may hold only digits, spaces, dashes, brackets and a leading +');
  const digits = raw.replace(/[\s\-().]/g, '');
  let intl: string;
  if (digits.startsWith('+')) intl = digits.slice(1);
  else if (digits.startsWith('00')) intl = digits.slice(2);
  else if (digits.startsWith('0')) intl = `92${digits.slice(1)}`;
  else if (/^3\d{9}$/.test(digits)) intl = `92${digits}`;
  else if (/^923\d{9}$/.test(digits)) intl = digits;
  else return fail('give a Pakistani number such as 0300-1234567, or + and the country code');
  if (!/^[1-9]\d{7,14}$/.test(intl)) return fail('must have 8 to 15 digits after the country code prefix');
  if (intl.startsWith('92')) {
    const national = intl.slice(2);
    if (national.startsWith('3')) {
      if (!/^3\d{9}$/.test(national)) return fail('a Pakistani mobile number is 03XX-XXXXXXX (11 digits)');
    } else if (!/^[2-9]\d{8,9}$/.test(national)) {
      return fail('not a Pakistani mobile or landline number (area code and subscriber number)');
    }
  }
  return ok(`+${intl}`);
}

/** Online handles are matched without a leading @ and case-insensitively; e-mail is stored in lower case. */
export function normaliseIdentifier(kind: string, value: string): Normalised {
  const v = value.trim();
  if (!v) return fail('required');
  switch (kind) {
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? ok(v.toLowerCase()) : fail('must be an e-mail address');
    case 'handle':
      return /^@?\S+$/.test(v) ? ok(v.replace(/^@/, '')) : fail('a handle has no spaces');
    case 'crypto_address':
      return /^[A-Za-z0-9:]{20,120}$/.test(v) ? ok(v) : fail('must be 20 to 120 letters and digits');
    case 'phone':
      return normalisePhone(v);
    default:
      return ok(v.replace(/\s+/g, ' '));
  }
}
