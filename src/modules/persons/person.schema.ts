import { z } from 'zod';
import { isoDate, isoDay, pageQuery } from '../../platform/http/schema-kit.ts';
import { accusedStatuses, casePersonRoles } from './accused.rules.ts';
import { normaliseCnic, normaliseIdentifier, normaliseNationality, normalisePassport, normalisePhone, type Normalised } from './person.formats.ts';

// A string checked and normalised by one of the pure format functions; the reason names the format.
const normalised = (fn: (s: string) => Normalised, max: number, example: string) =>
  z.string().max(max).meta({ example }).transform((value, ctx) => {
    const r = fn(value);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.reason, input: value });
    return z.NEVER;
  });

export const cnicField = normalised(normaliseCnic, 20, '35202-1234567-1');
export const passportField = normalised(normalisePassport, 40, 'AB1234567');
export const phoneField = normalised(normalisePhone, 40, '0300-1234567');
const nationalityField = normalised(normaliseNationality, 10, 'PK');

export const gender = z.enum(['female', 'male', 'other', 'unknown']);
export const nameScript = z.enum(['latin', 'urdu', 'other']);
export const identifierKinds = ['email', 'handle', 'bank_account', 'wallet', 'crypto_address', 'device', 'other'] as const;

const nameInput = z.strictObject({
  name: z.string().trim().min(1, 'required').max(200),
  kind: z.enum(['alias', 'variant']).default('alias'),
  /** Detected from the letters when not given. */
  script: nameScript.optional(),
});

const identifierInput = z
  .strictObject({
    kind: z.enum(identifierKinds),
    value: z.string().max(300),
    /** Where the identifier lives: Facebook, Telegram, JazzCash, Meezan Bank, Bitcoin... */
    platform: z.string().trim().min(1).max(100).optional(),
  })
  .transform((id, ctx) => {
    const r = normaliseIdentifier(id.kind, id.value);
    if (r.ok) return { ...id, value: r.value };
    ctx.addIssue({ code: 'custom', message: r.reason, path: ['value'], input: id.value });
    return z.NEVER;
  });

const personFields = {
  displayName: z.string().trim().min(2, 'at least 2 characters').max(200),
  names: z.array(nameInput).max(50),
  gender,
  dateOfBirth: isoDay,
  estimatedAge: z.number().int().min(0).max(120),
  nationality: nationalityField,
  cnic: cnicField,
  passport: passportField,
  phones: z.array(phoneField).max(20),
  identifiers: z.array(identifierInput).max(50),
  notes: z.string().trim().max(10_000),
};

export const createPersonBody = z.strictObject({
  displayName: personFields.displayName,
  names: personFields.names.default([]),
  gender: personFields.gender.optional(),
  dateOfBirth: personFields.dateOfBirth.optional(),
  estimatedAge: personFields.estimatedAge.optional(),
  nationality: personFields.nationality.optional(),
  cnic: personFields.cnic.optional(),
  passport: personFields.passport.optional(),
  phones: personFields.phones.default([]),
  identifiers: personFields.identifiers.default([]),
  notes: personFields.notes.default(''),
});
export type CreatePersonInput = z.infer<typeof createPersonBody>;

/** Fields left out stay as they are; null clears; names, phones and identifiers are replaced when given. */
export const updatePersonBody = z.strictObject({
  displayName: personFields.displayName.optional(),
  names: personFields.names.optional(),
  gender: personFields.gender.nullable().optional(),
  dateOfBirth: personFields.dateOfBirth.nullable().optional(),
  estimatedAge: personFields.estimatedAge.nullable().optional(),
  nationality: personFields.nationality.nullable().optional(),
  cnic: personFields.cnic.nullable().optional(),
  passport: personFields.passport.nullable().optional(),
  phones: personFields.phones.optional(),
  identifiers: personFields.identifiers.optional(),
  notes: personFields.notes.optional(),
});
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;

export const searchPersonsQuery = z.strictObject({
  /** Any name, alias or variant, spelling-tolerant (Muhammad finds Mohammed). */
  q: z.string().trim().min(1).max(100).optional(),
  cnic: cnicField.optional(),
  passport: passportField.optional(),
  phone: phoneField.optional(),
  /** An online handle, e-mail, wallet or other identifier value (case-insensitive, leading @ ignored). */
  handle: z.string().trim().min(1).max(300).optional(),
  ...pageQuery,
});
export type SearchPersonsQuery = z.infer<typeof searchPersonsQuery>;

const personName = z.object({ id: z.number(), name: z.string(), script: nameScript, kind: z.enum(['primary', 'alias', 'variant']) });
/** An identifier of the person: `id` is the link, `entityId` the entity (its page: /entities/:entityId). */
const identifier = z.object({ id: z.string(), entityId: z.string(), kind: z.string(), value: z.string(), platform: z.string().nullable() });

export const personSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  otherNames: z.array(z.string()),
  gender: gender.nullable(),
  dateOfBirth: z.string().nullable(),
  estimatedAge: z.number().nullable(),
  nationality: z.string().nullable(),
  cnic: z.string().nullable(),
  updatedAt: z.string(),
});

const casePersonRole = z.enum(casePersonRoles);
const accusedStatus = z.enum(accusedStatuses);

export const personDetail = personSummary.extend({
  nationalityName: z.string().nullable(),
  passport: z.string().nullable(),
  notes: z.string(),
  names: z.array(personName),
  phones: z.array(z.string()),
  /** The phones with their entities (same order as phones). */
  phoneEntities: z.array(z.object({ value: z.string(), entityId: z.string() })),
  identifiers: z.array(identifier),
  /** Only the cases the caller may see. */
  cases: z.array(z.object({
    caseId: z.string(),
    title: z.string(),
    firLabel: z.string().nullable(),
    roles: z.array(casePersonRole),
    accusedStatus: accusedStatus.nullable(),
    foreignWarrantRequested: z.boolean(),
  })),
  createdAt: z.string(),
});

// Persons on a case.
export const linkPersonBody = z.strictObject({
  /** An existing person, or `person` to record a new one and link it in the same step. */
  personId: z.uuid().optional(),
  person: createPersonBody.optional(),
  role: casePersonRole,
  foreignWarrantRequested: z.boolean().optional(),
});
export type LinkPersonInput = z.infer<typeof linkPersonBody>;

export const accusedStatusBody = z.strictObject({
  to: accusedStatus,
  reason: z.string().trim().min(3, 'say why, at least 3 characters').max(2000),
  at: isoDate.optional(),
  /** Where the arrest took place (when moving to arrested). */
  place: z.string().trim().max(300).optional(),
});
export type AccusedStatusInput = z.infer<typeof accusedStatusBody>;

export const warrantBody = z.strictObject({
  foreignWarrantRequested: z.boolean(),
  reason: z.string().trim().min(3, 'say why, at least 3 characters').max(2000),
});

export const casePersonParams = z.strictObject({ id: z.uuid({ message: 'must be a UUID' }), personId: z.uuid({ message: 'must be a UUID' }) });

export const casePersonEntry = z.object({
  personId: z.string(),
  displayName: z.string(),
  roles: z.array(casePersonRole),
  accused: z.boolean(),
  accusedStatus: accusedStatus.nullable(),
  foreignWarrantRequested: z.boolean(),
  allowedNextStatuses: z.array(accusedStatus),
  statusHistory: z.array(z.object({ from: z.string().nullable(), to: z.string(), reason: z.string(), actor: z.string().nullable(), at: z.string() })),
});

export const casePersonsResponse = z.object({
  persons: z.array(casePersonEntry),
  /** The case's victims, by pseudonym only. */
  victims: z.array(z.object({ id: z.string(), pseudonym: z.string(), state: z.string(), gender: gender.nullable(), ageAtIdentification: z.number().nullable() })),
});
