import type { Role } from '../db/schema.ts';

// What each role may do at all. Need-to-know (which cases, which victims) is checked on top of this
// by the scope registry (scopes.ts) from each route's declaration, and again inside the services.
export type Permission =
  | 'reference.read'
  | 'offence.write'
  | 'case.read'
  | 'case.create'
  | 'case.write'
  | 'case.transition'
  | 'case.team.manage'
  | 'person.read'
  | 'person.write'
  | 'victim.read'
  | 'victim.write'
  | 'victim.identity.read'
  // Writes of a child's record: granted to whoever today's service rules let write it (the investigation
  // of the case, the assigned protection officer); the service still checks which victim.
  | 'victim.identity.write'
  | 'victim.safeguarding.write'
  | 'victim.care.write'
  | 'operation.write'
  | 'operation.approve'
  | 'evidence.write'
  | 'prosecution.write'
  | 'stats.read'
  | 'admin.users'
  | 'audit.read'
  | 'export.case'
  | 'import.case'
  | 'media.read'
  | 'media.ingest'
  | 'hashset.read'
  | 'hashset.write'
  | 'trust.manage'
  // The entity graph (issue 9): reading it through the cases one may read; recording identifiers, links,
  // payments and communications in a case; reviewing duplicate-person suggestions (merge, reject, undo).
  | 'graph.read'
  | 'entity.write'
  | 'person.merge'
  // Takedowns and legal/cooperation requests of a case (issue 11): read with case.read through the case.
  | 'takedown.write'
  | 'legal_request.write'
  // Documents (issue 10): reading and uploading papers of the records one may reach (documents.scope.ts).
  | 'document.read'
  | 'document.write'
  // Branch offices, the districts they cover and their staff posts (issue 12).
  | 'branch.manage'
  // Tips (issue 11): reading the queue and a tip (analysts: all; supervisors: their branch's), routing,
  // converting, attaching and closing them; adjusting the priority rules; reporting organisations and keys.
  | 'tip.read'
  | 'tip.triage'
  | 'tip.rules'
  | 'tip.keys'
  // Dashboards (issue 12, part 3): figures in the reader's own view (figures.rules.ts) and the records
  // behind them for readers of cases.
  | 'dashboard.read'
  // Capacity planning (issue 12 §6): the scenario comparison, published view (small counts suppressed), and
  // its files (CSV, XLSX, PDF) for a funding request: leadership and analysts.
  | 'planning.read'
  // Earlier (corrected) CNIC and passport numbers in full (issue 10): those working the person's cases;
  // others who may read the person see them masked on the corrections list.
  | 'person.identifiers.full';

const grants: Record<Role, readonly Permission[]> = {
  investigator: [
    'reference.read', 'case.read', 'case.create', 'case.write', 'case.transition', 'person.read', 'person.write',
    'victim.read', 'victim.write', 'operation.write', 'evidence.write', 'export.case',
    'media.read', 'media.ingest', 'hashset.read', 'victim.identity.write', 'victim.safeguarding.write',
    'graph.read', 'entity.write',
    'takedown.write', 'legal_request.write',
    'document.read', 'document.write',
    'dashboard.read',
    'person.identifiers.full',
  ],
  supervisor: [
    'reference.read', 'case.read', 'case.create', 'case.write', 'case.transition', 'case.team.manage', 'person.read',
    'person.write', 'victim.read', 'victim.write', 'operation.write', 'operation.approve', 'evidence.write', 'stats.read',
    'export.case', 'import.case', 'media.read', 'media.ingest', 'hashset.read', 'victim.identity.write', 'victim.safeguarding.write',
    'graph.read', 'entity.write',
    'takedown.write', 'legal_request.write',
    'document.read', 'document.write',
    'tip.read', 'tip.triage',
    'dashboard.read',
    'person.identifiers.full',
  ],
  analyst: ['reference.read', 'case.read', 'person.read', 'victim.read', 'stats.read', 'export.case', 'media.read', 'hashset.read', 'hashset.write', 'graph.read', 'person.merge',
    'document.read',
    'tip.read', 'tip.triage', 'tip.rules',
    'dashboard.read', 'planning.read'],
  protection_officer: ['reference.read', 'victim.read', 'victim.identity.read', 'victim.care.write', 'victim.identity.write', 'victim.safeguarding.write',
    'document.read', 'document.write'],
  prosecutor: ['reference.read', 'case.read', 'case.transition', 'person.read', 'victim.read', 'prosecution.write', 'media.read', 'graph.read',
    'legal_request.write',
    'document.read', 'document.write',
    'dashboard.read',
    'person.identifiers.full'],
  leadership: ['reference.read', 'stats.read', 'dashboard.read', 'planning.read'],
  administrator: ['reference.read', 'offence.write', 'admin.users', 'import.case', 'trust.manage', 'branch.manage', 'tip.keys'],
  auditor: ['reference.read', 'audit.read'],
};

export const roles = Object.keys(grants) as Role[];

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export function rolesWith(permission: Permission): Role[] {
  return roles.filter((r) => can(r, permission));
}
