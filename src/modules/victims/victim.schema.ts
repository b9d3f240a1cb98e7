import { z } from 'zod';
import { isoDate, isoDay, pageQuery } from '../../platform/http/schema-kit.ts';
import { cnicField, gender } from '../persons/person.schema.ts';
import { victimStates } from './victim.lifecycle.ts';
import { eventTextFields } from '../../platform/text/event-texts.schema.ts';

export const victimState = z.enum(victimStates);
export const placementKind = z.enum(['child_protection_bureau', 'family', 'shelter']);
export const followupKind = z.enum(['medical', 'psychosocial', 'legal', 'education', 'home_visit', 'other']);

// The identity: stored encrypted, written by the investigation or the assigned protection officer, read only
// by the assigned protection officer. Writes merge: a field left out stays, null clears it.
const text = (max: number) => z.string().trim().min(1, 'required').max(max).nullable().optional();
export const identityBody = z.strictObject({
  fullName: text(200),
  urduName: text(200),
  dateOfBirth: isoDay.nullable().optional(),
  guardianName: text(200),
  guardianContact: text(300),
  address: text(1000),
  /** CNIC or B-form (child registration certificate) number, #####-#######-#. */
  cnicOrBForm: cnicField.nullable().optional(),
  notes: text(10_000),
});
export type IdentityInput = z.infer<typeof identityBody>;
export const identityFields = ['fullName', 'urduName', 'dateOfBirth', 'guardianName', 'guardianContact', 'address', 'cnicOrBForm', 'notes'] as const;

export const victimIdentity = z.object({
  victimId: z.string(),
  pseudonym: z.string(),
  fullName: z.string().nullable(),
  urduName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  guardianName: z.string().nullable(),
  guardianContact: z.string().nullable(),
  address: z.string().nullable(),
  cnicOrBForm: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/** An empty form registers no one: a victim record says at least something about the child. */
export const emptyVictimMessage = "give the child's gender, age or name: an empty record is not registered";
export const createVictimBody = z.strictObject({
  gender: gender.optional(),
  ageAtIdentification: z.number().int().min(0).max(25).optional(),
  identifiedAt: isoDate.optional(),
  identity: identityBody.optional(),
}).refine(
  (v) => v.gender !== undefined || v.ageAtIdentification !== undefined || Object.values(v.identity ?? {}).some((x) => x !== null && x !== undefined),
  // Only once the fields themselves are valid: a bad date is named first.
  { message: emptyVictimMessage, path: ['gender'], when: (payload) => payload.issues.length === 0 },
);
export type CreateVictimInput = z.infer<typeof createVictimBody>;

export const listVictimsQuery = z.strictObject({
  /** `me`: the victims assigned to you (the protection officer's home). */
  assigned: z.enum(['me']).optional(),
  state: victimState.optional(),
  caseId: z.uuid().optional(),
  /** Pseudonym or part of it. */
  q: z.string().trim().min(1).max(20).optional(),
  ...pageQuery,
});
export type ListVictimsQuery = z.infer<typeof listVictimsQuery>;

export const transitionBody = z.strictObject({
  to: victimState,
  reason: z.string().trim().min(3, 'say why, at least 3 characters').max(2000),
  at: isoDate.optional(),
});

export const assignBody = z.strictObject({ userId: z.uuid() });

export const placementBody = z.strictObject({
  kind: placementKind,
  facility: z.string().trim().min(2, 'at least 2 characters').max(200),
  startedAt: isoDate.optional(),
  notes: z.string().trim().max(10_000).default(''),
});

export const followupBody = z.strictObject({
  kind: followupKind,
  dueAt: isoDate,
  notes: z.string().trim().max(10_000).default(''),
});

export const followupDoneBody = z.strictObject({
  doneAt: isoDate.optional(),
  /** Replaces the follow-up's notes when given (the outcome). */
  notes: z.string().trim().max(10_000).optional(),
});

const uuid = z.uuid({ message: 'must be a UUID' });
export const caseVictimParams = z.strictObject({ id: uuid, victimId: uuid });
export const assignmentParams = z.strictObject({ id: uuid, userId: uuid });
export const followupParams = z.strictObject({ id: uuid, followupId: uuid });

export const victimSummary = z.object({
  id: z.string(),
  pseudonym: z.string(),
  gender: gender.nullable(),
  ageAtIdentification: z.number().nullable(),
  state: victimState,
  identifiedAt: z.string(),
  recoveredAt: z.string().nullable(),
  placedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Kind and start for everyone who may see the victim; the facility only for an assigned protection officer. */
  currentPlacement: z.object({ kind: placementKind, startedAt: z.string(), facility: z.string().nullable() }).nullable(),
  /** Only for an assigned protection officer. */
  nextFollowupDue: z.string().nullable(),
  assignedToMe: z.boolean(),
});

const placement = z.object({ id: z.string(), kind: placementKind, facility: z.string(), startedAt: z.string(), endedAt: z.string().nullable(), notes: z.string() });
const followup = z.object({ id: z.string(), kind: followupKind, dueAt: z.string(), doneAt: z.string().nullable(), notes: z.string() });

export const victimDetail = victimSummary.extend({
  /** Only the cases the caller may see. */
  cases: z.array(z.object({ caseId: z.string(), title: z.string(), firLabel: z.string().nullable() })),
  assignedOfficers: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  hasIdentity: z.boolean(),
  allowedNextStates: z.array(victimState),
  history: z.array(z.object({ from: z.string().nullable(), to: z.string(), reason: z.string(), ...eventTextFields, actor: z.string().nullable(), at: z.string() })),
  /** Care records: only for an assigned protection officer, null for everyone else. */
  care: z.object({ placements: z.array(placement), followups: z.array(followup) }).nullable(),
  createdAt: z.string(),
});

/**
 * Safeguarding hand-offs waiting on someone: rescued children with no protection officer (until one is
 * assigned), and follow-ups past their date. Only victims the caller may see; by pseudonym, never identity.
 */
export const safeguardingAlerts = z.object({
  unassigned: z.array(z.object({
    victimId: z.string(),
    pseudonym: z.string(),
    state: victimState,
    rescuedAt: z.string(),
    /** Whole days since the rescue without a protection officer. */
    daysWaiting: z.number().int(),
    cases: z.array(z.object({ caseId: z.string(), title: z.string(), firLabel: z.string().nullable() })),
  })),
  overdue: z.array(z.object({
    victimId: z.string(),
    pseudonym: z.string(),
    followupId: z.string(),
    /** The kind of follow-up: only for the assigned protection officer (care record), null for others. */
    kind: followupKind.nullable(),
    dueAt: z.string(),
    /** Whole days past the due date. */
    daysOverdue: z.number().int(),
  })),
});
export type SafeguardingAlerts = z.infer<typeof safeguardingAlerts>;
