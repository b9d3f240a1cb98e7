import { describe, expect, it } from 'vitest';
import { caseBundle } from './bundle.schema.ts';
import { bundleDigest, parseBundle } from './bundle.service.ts';

const T = '2025-05-23T06:00:00.000Z';
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const O1 = '33333333-3333-4333-8333-333333333333';
const V1 = '44444444-4444-4444-8444-444444444444';

function minimal() {
  const body = {
    format: 'amaan.case-bundle' as const,
    version: 2 as const,
    exportedAt: T,
    exportedBy: 'inva',
    source: { caseId: '55555555-5555-4555-8555-555555555555', branchCode: 'PB-MZG', district: 'Muzaffargarh', province: 'Punjab' },
    notIncluded: [],
    case: { id: '55555555-5555-4555-8555-555555555555', title: 'Synthetic', summary: '', status: 'fir_registered' as const, firNumber: 1, firYear: 2025, firRegisteredAt: T, challanSubmittedAt: null, reportedAt: T, createdAt: T, updatedAt: T, createdBy: 'inva' },
    offences: ['PECA-22'],
    team: [{ username: 'inva', teamRole: 'lead' as const, addedAt: T }],
    statusHistory: [],
    timeline: [],
    persons: [
      { id: P1, displayName: 'A', gender: null, dateOfBirth: null, estimatedAge: null, nationality: 'PK', cnic: '35202-1234567-1', passport: null, notes: '', createdAt: T, updatedAt: T, createdBy: null, names: [], identifiers: [] },
      { id: P2, displayName: 'B', gender: null, dateOfBirth: null, estimatedAge: null, nationality: null, cnic: null, passport: null, notes: '', createdAt: T, updatedAt: T, createdBy: null, names: [], identifiers: [] },
    ],
    personRoles: [{ personId: P1, role: 'suspect' as const, accusedStatus: 'arrested' as const, foreignWarrantRequested: false, addedAt: T }],
    accusedHistory: [],
    victims: [{ id: V1, pseudonym: 'V-2025-0001', gender: null, ageAtIdentification: 9, state: 'recovered' as const, identifiedAt: T, recoveredAt: T, placedAt: null, closedAt: null, addedAt: T }],
    operations: [{ id: O1, name: 'Raid', status: 'executed' as const, plannedFor: T, place: 'x', agencies: [], approvedBy: null, approvedAt: null, executedAt: T, durationMinutes: 60, notes: '', createdBy: null, createdAt: T, cancelledAt: null, cancelledBy: null, cancelReason: null }],
    arrests: [{ personId: P1, operationId: O1, arrestedAt: T, place: '', createdBy: null }],
    rescues: [{ operationId: O1, victimId: V1, rescuedAt: T }],
    evidence: [],
    charges: [],
    hearings: [],
    verdicts: [],
  };
  return { ...body, digest: bundleDigest(body as never) };
}

const fields = (b: unknown) => {
  const r = caseBundle.safeParse(b);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('case bundle schema', () => {
  it('accepts a consistent bundle and checks its digest', () => {
    expect(fields(minimal())).toEqual([]);
    expect(parseBundle(minimal()).case.title).toBe('Synthetic');
    expect(() => parseBundle({ ...minimal(), exportedBy: 'someone else' })).toThrow(/digest: does not match/);
  });

  it('names dangling references, duplicates and broken rules', () => {
    const b = minimal();
    expect(fields({ ...b, rescues: [{ ...b.rescues[0], victimId: P2 }] })).toEqual(['rescues.0.victimId']);
    expect(fields({ ...b, arrests: [...b.arrests, ...b.arrests] })).toEqual(['arrests.1.arrestedAt']);
    expect(fields({ ...b, persons: [b.persons[0], { ...b.persons[1], cnic: b.persons[0]!.cnic }] })).toEqual(['persons.1.cnic']);
    expect(fields({ ...b, personRoles: [{ ...b.personRoles[0], role: 'witness' }] })).toEqual(['personRoles.0.accusedStatus']);
    expect(fields({ ...b, case: { ...b.case, firYear: null } })).toEqual(['case.firYear']);
    expect(fields({ ...b, victims: [{ ...b.victims[0], name: 'x' }] })).toEqual(['victims.0']);
    expect(fields({ ...b, operations: [{ ...b.operations[0], status: 'cancelled' }] })).toEqual(['operations.0.executedAt', 'operations.0.cancelledAt']);
  });

  it('refuses other formats and versions before anything else', () => {
    expect(() => parseBundle({ ...minimal(), version: 3 })).toThrow(/version 3 is not supported/);
    expect(() => parseBundle({ ...minimal(), version: 1 })).toThrow(/version 1 bundles are not signed/);
    expect(() => parseBundle({ format: 'x' })).toThrow(/not an Amaan case bundle/);
    expect(() => parseBundle('text')).toThrow(/not a JSON object/);
  });
});
