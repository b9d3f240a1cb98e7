// Reading records for resolution from JSON lines: one object a line,
// {"id", "names": [..], "dateOfBirth"?, "district"?, "phones"?: [..], "cnic"?, "handles"?: [..], "passport"?, "wallets"?: [..]}.
// A line that cannot be used is refused with the line number and the field, never guessed at; blank lines are
// skipped; other fields are ignored (a label column may ride along).
import { cnicKey, handleKey, passportKey, phoneKey, walletKey } from './identifiers.ts';
import { parseBirthDate, type ResolutionRecord } from './record.ts';

export class RecordInputError extends Error {
  constructor(readonly line: number, readonly field: string, readonly reason: string) {
    super(`line ${line}: ${field}: ${reason}`);
  }
}

const MAX_NAMES = 50;
const MAX_LIST = 100;
const MAX_TEXT = 500;

function text(line: number, field: string, v: unknown, required: boolean): string | undefined {
  if (v === undefined || v === null || (v === '' && !required)) {
    if (required) throw new RecordInputError(line, field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') throw new RecordInputError(line, field, `must be a string, got ${Array.isArray(v) ? 'an array' : typeof v}`);
  if (required && !v.trim()) throw new RecordInputError(line, field, 'must not be empty');
  if (v.length > MAX_TEXT) throw new RecordInputError(line, field, `is longer than ${MAX_TEXT} characters`);
  return v;
}

function list(line: number, field: string, v: unknown, max: number): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new RecordInputError(line, field, `must be an array of strings, got ${typeof v === 'string' ? 'a string' : typeof v}`);
  if (v.length > max) throw new RecordInputError(line, field, `has more than ${max} entries`);
  return v.map((x, i) => text(line, `${field}[${i}]`, x, true)!);
}

function checked(line: number, field: string, values: string[] | undefined, key: (s: string) => string | null, what: string): string[] | undefined {
  values?.forEach((v, i) => {
    if (key(v) === null) throw new RecordInputError(line, `${field}[${i}]`, `${JSON.stringify(v)} is not ${what}`);
  });
  return values;
}

/** Validates one parsed JSON value as a record (line is 1-based, for messages). */
export function toRecord(value: unknown, line: number): ResolutionRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordInputError(line, '(record)', 'must be a JSON object');
  const o = value as Record<string, unknown>;
  let id: string;
  if (typeof o.id === 'number' && Number.isSafeInteger(o.id)) id = String(o.id);
  else id = text(line, 'id', o.id, true)!;
  const names = list(line, 'names', o.names, MAX_NAMES);
  if (!names || names.length === 0) throw new RecordInputError(line, 'names', names ? 'must hold at least one name' : 'is required');
  const rec: ResolutionRecord = { id, names };
  const dob = text(line, 'dateOfBirth', o.dateOfBirth, false);
  if (dob !== undefined) {
    if (!parseBirthDate(dob)) throw new RecordInputError(line, 'dateOfBirth', `${JSON.stringify(dob)} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY`);
    rec.dateOfBirth = dob;
  }
  const district = text(line, 'district', o.district, false);
  if (district !== undefined) rec.district = district;
  const phones = checked(line, 'phones', list(line, 'phones', o.phones, MAX_LIST), phoneKey, 'a phone number (03XX-XXXXXXX, +92..., or + and a country code)');
  if (phones) rec.phones = phones;
  const cnicValue = typeof o.cnic === 'number' && Number.isSafeInteger(o.cnic) ? String(o.cnic) : o.cnic;
  const cnic = text(line, 'cnic', cnicValue, false);
  if (cnic !== undefined) {
    if (!cnicKey(cnic)) throw new RecordInputError(line, 'cnic', `${JSON.stringify(cnic)} is not a CNIC: 13 digits, as #####-#######-# or without dashes`);
    rec.cnic = cnic;
  }
  const handles = checked(line, 'handles', list(line, 'handles', o.handles, MAX_LIST), handleKey, 'a handle (no spaces)');
  if (handles) rec.handles = handles;
  const passport = text(line, 'passport', o.passport, false);
  if (passport !== undefined) {
    if (!passportKey(passport)) throw new RecordInputError(line, 'passport', `${JSON.stringify(passport)} is not a passport number (6-20 letters and digits)`);
    rec.passport = passport;
  }
  const wallets = checked(line, 'wallets', list(line, 'wallets', o.wallets, MAX_LIST), walletKey, 'a wallet ("jazzcash:0300-1234567" or a phone number)');
  if (wallets) rec.wallets = wallets;
  return rec;
}

/** Parses one line; null for a blank line. */
export function parseRecordLine(lineText: string, line: number): ResolutionRecord | null {
  const t = lineText.trim();
  if (!t) return null;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch (err) {
    throw new RecordInputError(line, '(line)', `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return toRecord(value, line);
}

/**
 * Parses JSON-lines text into records; refuses duplicate ids. `onLine` sees each line number (for progress).
 */
export function parseRecords(input: string, onLine?: (line: number) => void): ResolutionRecord[] {
  const records: ResolutionRecord[] = [];
  const seen = new Map<string, number>();
  let line = 0;
  let start = 0;
  if (input.charCodeAt(0) === 0xfeff) start = 1; // byte order mark
  while (start <= input.length) {
    let end = input.indexOf('\n', start);
    if (end === -1) end = input.length;
    line++;
    const rec = parseRecordLine(input.slice(start, end), line);
    if (rec) {
      const first = seen.get(rec.id);
      if (first !== undefined) throw new RecordInputError(line, 'id', `${JSON.stringify(rec.id)} was already used on line ${first}`);
      seen.set(rec.id, line);
      records.push(rec);
    }
    onLine?.(line);
    start = end + 1;
  }
  return records;
}
