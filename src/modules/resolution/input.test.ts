import { describe, expect, it } from 'vitest';
import { RecordInputError, parseRecords } from './input.ts';

function error(text: string): RecordInputError {
  try {
    parseRecords(text);
  } catch (err) {
    if (err instanceof RecordInputError) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('record input', () => {
  it('reads records, skips blank lines, ignores unknown fields, accepts numeric ids and CNICs', () => {
    const recs = parseRecords('{"id":"a","names":["Ali"],"label":7}\n\n{"id":2,"names":["علی"],"cnic":3520212345671}\n');
    expect(recs).toEqual([{ id: 'a', names: ['Ali'] }, { id: '2', names: ['علی'], cnic: '3520212345671' }]);
  });

  it.each([
    ['{"id":"a","names":["Ali"]}\n{oops', 2, '(line)', /not valid JSON/],
    ['[1,2]', 1, '(record)', /JSON object/],
    ['{"names":["Ali"]}', 1, 'id', /required/],
    ['{"id":"a"}', 1, 'names', /required/],
    ['{"id":"a","names":"Ali"}', 1, 'names', /array of strings, got a string/],
    ['{"id":"a","names":[]}', 1, 'names', /at least one/],
    ['{"id":"a","names":["Ali", 3]}', 1, 'names[1]', /string/],
    ['{"id":"a","names":["Ali"],"dateOfBirth":"31/02/1990"}', 1, 'dateOfBirth', /not a date/],
    ['{"id":"a","names":["Ali"],"phones":["0300-1234567","call me"]}', 1, 'phones[1]', /not a phone/],
    ['{"id":"a","names":["Ali"],"cnic":"1234"}', 1, 'cnic', /not a CNIC/],
    ['{"id":"a","names":["Ali"],"handles":["two words"]}', 1, 'handles[0]', /handle/],
    ['{"id":"a","names":["Ali"]}\n{"id":"a","names":["Asif"]}', 2, 'id', /already used on line 1/],
  ])('refuses %s naming line and field', (text, line, field, reason) => {
    const e = error(text);
    expect(e.line).toBe(line);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(reason);
    expect(e.message.startsWith(`line ${line}: ${field}: `)).toBe(true);
  });
});
