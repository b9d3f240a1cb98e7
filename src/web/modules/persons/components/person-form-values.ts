import { identifierKinds } from '../../../../modules/persons/person.schema.ts';

export type IdentifierKind = (typeof identifierKinds)[number];

/** A person as typed into the form: lists as one item per line, numbers as text. */
export interface PersonValues extends Record<string, unknown> {
  displayName: string;
  aliases: string;
  gender: string;
  dateOfBirth: string;
  estimatedAge: string;
  nationality: string;
  cnic: string;
  passport: string;
  phones: string;
  identifiers: Array<{ kind: IdentifierKind; value: string; platform: string }>;
  notes: string;
}

export const emptyPerson: PersonValues = { displayName: '', aliases: '', gender: '', dateOfBirth: '', estimatedAge: '', nationality: '', cnic: '', passport: '', phones: '', identifiers: [], notes: '' };

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The createPersonBody input: empty fields are left out so only what was typed is validated. */
export function personBody(v: PersonValues) {
  return {
    displayName: v.displayName,
    names: lines(v.aliases).map((name) => ({ name, kind: 'alias' as const })),
    gender: opt(v.gender),
    dateOfBirth: opt(v.dateOfBirth),
    estimatedAge: opt(v.estimatedAge) === undefined ? undefined : Number(v.estimatedAge),
    nationality: opt(v.nationality),
    cnic: opt(v.cnic),
    passport: opt(v.passport),
    phones: lines(v.phones),
    identifiers: v.identifiers.filter((i) => i.value.trim()).map((i) => ({ kind: i.kind, value: i.value, platform: opt(i.platform) })),
    notes: v.notes,
  };
}
