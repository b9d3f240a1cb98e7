// Identifiers reduced to one comparable key however they were typed (see docs: identifiers investigators
// record). Pure functions: each answers the key, or null when the value is not that kind of identifier.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** CNIC as its 13 digits (35202-1234567-1, 3520212345671 and 35202 1234567 1 are one CNIC). */
export function cnicKey(input: string): string | null {
  const digits = input.replace(/[\s\-.]/g, '');
  if (!/^[1-9]\d{12}$/.test(digits)) return null;
  return digits;
}

/** Shown the usual way: #####-#######-#. */
export function formatCnic(key: string): string {
  return `${key.slice(0, 5)}-${key.slice(5, 12)}-${key.slice(12)}`;
}

/** Two CNICs one digit apart (a typing slip), or with two neighbouring digits swapped. */
export function cnicNearMiss(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) { diff.push(i); if (diff.length > 2) return false; }
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

// Pakistani mobiles in their usual shapes are recognised without the full parser (most numbers in the data);
// anything else goes to libphonenumber-js, which knows every country's numbering plan.
const PK_MOBILE = /^(?:\+92|0092|92|0)?(3\d{9})$/;

/** A phone number in E.164 (+923001234567); national Pakistani forms are read as Pakistani. */
export function phoneKey(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  if (!/^\+?\d{5,17}$/.test(compact)) return null;
  const pk = PK_MOBILE.exec(compact);
  if (pk) return `+92${pk[1]}`;
  const text = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  const parsed = parsePhoneNumberFromString(text, 'PK');
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** An online handle: without the leading @, lower-case (platform handles are case-insensitive in practice). */
export function handleKey(input: string): string | null {
  const v = input.trim().replace(/^@+/, '').toLowerCase();
  if (!v || /\s/.test(v)) return null;
  return v;
}

/** Passport number: letters and digits, upper-case, spaces and dashes dropped. */
export function passportKey(input: string): string | null {
  const v = input.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{6,20}$/.test(v) && /\d/.test(v) ? v : null;
}

/**
 * A mobile wallet (JazzCash, Easypaisa) is keyed by its holder's phone number: "jazzcash:0300-1234567" or a
 * bare number. The provider is kept when given; two wallets on one number match as the same number.
 */
export function walletKey(input: string): string | null {
  const m = /^\s*([A-Za-z][\w ]*?)\s*:\s*(.+)$/.exec(input);
  const phone = phoneKey(m ? m[2]! : input);
  return phone;
}
