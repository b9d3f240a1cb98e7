import { z } from 'zod';

// The words an officer reads when a field is refused, each with a stable code. The API sends
// {field, code, params, message} (problem+json `errors`); the web app shows the message in the officer's
// language by its code (i18n `messages.<code>`, test/i18n checks every code has its English and Urdu text).
// Pure zod, no server code: the web app's forms use the same words through the zod error map below.

export const fieldMessages = {
  required: 'required',
  uuid: 'choose an entry from the list',
  isoDate: 'enter a valid date and time',
  isoDay: 'enter a valid date',
  notANumber: 'enter a number',
  wholeNumber: 'enter a whole number',
  atLeastChars: 'at least {{min}} characters',
  atMostChars: 'at most {{max}} characters',
  atLeastNumber: 'at least {{min}}',
  atMostNumber: 'at most {{max}}',
  atLeastItems: 'at least {{min}} entries',
  atMostItems: 'at most {{max}} entries',
  chooseOption: 'choose one of the options',
  unknownField: 'unknown field',
  badForm: 'is not in the expected form',
  firFormat: 'a number such as 77, or 77/2025 as the FIR is shown',
  firYear: 'the FIR is registered in {{year}}: give its number with that year, or the number alone',
  firRequired: 'required to register the FIR',
  firOnlyOnRegistration: 'only given when registering the FIR',
  periodReversed: 'cannot be before the first day',
  future: 'cannot be in the future',
  beforeEarliest: 'cannot be before {{year}}',
  tooFarAhead: 'cannot be more than {{years}} years ahead',
  beforeComplaint: 'cannot be before the complaint was received',
  beforeFir: 'cannot be before the FIR was registered',
  beforeApproval: 'cannot be before the operation was approved',
  beforePlanned: 'cannot be before the time the operation was planned for',
  beforePrevious: 'cannot be before the previous status change',
  notADate: 'is not a date',
  min3: 'at least 3 characters',
  min2: 'at least 2 characters',
  sayWhy: 'say why, at least 3 characters',
  oneOffence: 'at least one offence',
  unknownOffence: 'unknown offence code',
  // Refusals written by the services (their English is also the key the web app translates by).
  emptyVictim: "give the child's gender, age or name: an empty record is not registered",
  notApproved: 'the operation must be approved by the branch supervisor before it is executed',
  notYet: 'the operation is planned for later: its execution can be recorded from the planned time',
  verdictOnTab: 'record the verdict on the prosecution tab: it sets convicted or acquitted and moves the case',
  defenceAppeal: 'the defence appeals only against a conviction',
  minute: 'at least one minute',
  week: 'at most a week',
  labelTwice: 'label used twice',
  sixDigits: 'six digits',
  min12: 'at least 12 characters',
  commonPassword: 'is too common or too easy to guess: use a longer phrase of unrelated words',
  wrongCode: 'wrong or already used code',
  wrongRecoveryCode: 'wrong or already used recovery code',
  wrongPassword: 'wrong password',
  warrantIssuedOn: 'required once the warrant is issued',
  warrantCountry: 'required for a foreign arrest warrant',
  notBranchOfficer: 'not an officer of the case branch',
  noSuchCase: 'no such case you may see',
  ownCaseServed: "the operation's own case is served anyway",
  nothingToChange: 'nothing to change',
  appealBeforeFiled: 'must not be before the appeal was filed',
  appealAfterVerdict: 'an appeal is filed after the verdict',
  countryCode: 'must be an ISO 3166-1 alpha-2 country code such as PK or AE',
} as const;
export type FieldMessageCode = keyof typeof fieldMessages;

/** Wordings written for developers, still in some schemas: sent to officers as the plain word instead. */
const developerWording: Record<string, FieldMessageCode> = {
  'must be a UUID': 'uuid',
  'must be an ISO 8601 date-time with offset': 'isoDate',
  'must be a date YYYY-MM-DD': 'isoDay',
  'must not be before from': 'periodReversed',
  invalid: 'badForm',
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = (Object.entries(fieldMessages) as Array<[FieldMessageCode, string]>)
  .filter(([, text]) => text.includes('{{'))
  .map(([code, text]) => {
    const parts = text.split(/\{\{(\w+)\}\}/);
    return { code, re: new RegExp(`^${parts.map((p, i) => (i % 2 ? `(?<${p}>.+?)` : escapeRegExp(p))).join('')}$`) };
  });
const byText = new Map<string, FieldMessageCode>((Object.entries(fieldMessages) as Array<[FieldMessageCode, string]>).filter(([, text]) => !text.includes('{{')).map(([code, text]) => [text, code]));

export interface CodedMessage {
  code: FieldMessageCode;
  params?: Record<string, string>;
  message: string;
}

export function renderMessage(code: FieldMessageCode, params: Record<string, string | number> = {}): string {
  return fieldMessages[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The code (and values) of a message, rewording a developer's text into the officer's; null when unknown. */
export function codeMessage(message: string): CodedMessage | null {
  const dev = developerWording[message];
  if (dev) return { code: dev, message: fieldMessages[dev] };
  const exact = byText.get(message);
  if (exact) return { code: exact, message };
  for (const { code, re } of patterns) {
    const m = re.exec(message);
    if (m) return { code, params: { ...m.groups }, message };
  }
  return null;
}

/**
 * zod's own messages ("Invalid input: expected string, received undefined") in the officer's words.
 * A schema's own message (`.min(3, 'at least 3 characters')`) still wins.
 */
export const officerErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || (typeof issue.input === 'number' && Number.isNaN(issue.input))) return fieldMessages.required;
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') return fieldMessages.notANumber;
      return fieldMessages.badForm;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return issue.minimum === 1 ? fieldMessages.required : renderMessage('atLeastChars', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return renderMessage('atLeastItems', { min });
      return renderMessage('atLeastNumber', { min });
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return renderMessage('atMostChars', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return renderMessage('atMostItems', { max });
      return renderMessage('atMostNumber', { max });
    }
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return fieldMessages.uuid;
      if (issue.format === 'datetime') return fieldMessages.isoDate;
      if (issue.format === 'date') return fieldMessages.isoDay;
      return fieldMessages.badForm;
    case 'invalid_value':
    case 'invalid_union':
      return fieldMessages.chooseOption;
    case 'not_multiple_of':
      return fieldMessages.wholeNumber;
    case 'unrecognized_keys':
      return fieldMessages.unknownField;
    default:
      return undefined;
  }
};

z.config({ customError: officerErrorMap });
