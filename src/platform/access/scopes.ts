import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';
import type { DB, Role } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { caseVisibleTo } from './case-scope.ts';
import { can } from './permissions.ts';
import { victimVisibleTo } from '../../modules/victims/victim.scope.ts';
import { personVisibleTo } from '../../modules/persons/person.scope.ts';
import { communicationVisibleTo, entityVisibleTo, linkVisibleTo, paymentVisibleTo } from '../../modules/entities/entity.scope.ts';
import { jobsOwnedBy } from '../jobs/queue.ts';
import { alertVisibleTo } from '../../modules/deconfliction/deconfliction.scope.ts';
import { operationVisibleTo } from '../../modules/operations/operation.scope.ts';
import { notificationVisibleTo } from '../../modules/notifications/notification.scope.ts';
import { visibleSuggestionIds } from '../../modules/resolution/suggestion.service.ts';
import { careDocumentsOpenTo, documentVisibleTo } from '../../modules/documents/document.scope.ts';
import { tipVisibleTo } from '../../modules/tips/tip.scope.ts';

// Need-to-know, once, for every kind of record a route may name. Each route declares which of its
// parameters (path, query, body) names which kind (route-access.ts); the request is refused before the
// handler unless the caller may see every record named, with the same answer for "missing" and "not yours".
// Each resolver reuses the SQL predicate the services and lists use, so a list and a direct read agree.
// The services keep their own checks as defence in depth.

export type ScopeKind =
  | 'case'
  | 'person'
  | 'victim'
  | 'operation'
  | 'evidence'
  | 'hearing'
  | 'verdict'
  | 'appeal'
  | 'followup'
  | 'job'
  | 'hashSet'
  | 'user'
  | 'apiToken'
  | 'deconflictionAlert'
  | 'notification'
  | 'mergeSuggestion'
  | 'entity'
  | 'link'
  | 'payment'
  | 'communication'
  | 'warrant'
  | 'takedown'
  | 'legalRequest'
  | 'document'
  | 'victimCare'
  | 'tip'
  | 'tipOrganisation'
  | 'tipKey';

export interface ScopeResolver {
  /** The word used in "<label> not found". */
  label: string;
  /** Plain words for docs and the RBAC test: who reaches which records of this kind. */
  rule: string;
  /**
   * Roles that by design reach EVERY record of this kind once past the role gate (the analyst and cases,
   * the administrator and users, any holder of hashset.read and hash sets). The RBAC meta-test lists these
   * pairs in its own table and fails if this set and that table disagree.
   */
  reachesAll: readonly Role[];
  /** The subset of `ids` the actor may see (ids are already valid UUIDs). */
  visible(db: Db, actor: Actor, ids: readonly string[]): Promise<Set<string>>;
}

const ids = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));

/** A record hanging off a case is visible when its case is. */
function throughCase(table: 'operations' | 'evidence_items' | 'hearings' | 'verdicts' | 'takedowns' | 'legal_requests') {
  return async (db: Db, actor: Actor, wanted: readonly string[]) => {
    const rows = await db
      .selectFrom(`${table} as r` as 'operations as r')
      .innerJoin('cases', 'cases.id', 'r.case_id')
      .select('r.id as id')
      .where('r.id', 'in', [...wanted])
      .where(caseVisibleTo(actor))
      .execute();
    return ids(rows);
  };
}

/** Users the actor may name: an administrator any; anyone else colleagues of their own branch and branch-less staff. */
export function userVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'users'>): Expression<SqlBool> => {
    if (actor.role === 'administrator') return sql<SqlBool>`true`;
    const branchless = eb('users.branch_id', 'is', null);
    return actor.branchId === null ? branchless : eb.or([branchless, eb('users.branch_id', '=', actor.branchId)]);
  };
}

const caseReaders: readonly Role[] = ['analyst'];

export const scopes: Record<ScopeKind, ScopeResolver> = {
  case: {
    label: 'case',
    rule: 'investigators and prosecutors: cases whose team they are on; supervisors: their branch; analysts: all; others: none',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) => ids(await db.selectFrom('cases').select('cases.id as id').where('cases.id', 'in', [...wanted]).where(caseVisibleTo(actor)).execute()),
  },
  person: {
    label: 'person',
    rule: 'persons linked to a case the caller may see, or recorded by the caller; analysts: all',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) => ids(await db.selectFrom('persons').select('persons.id as id').where('persons.id', 'in', [...wanted]).where(personVisibleTo(actor)).execute()),
  },
  victim: {
    label: 'victim',
    rule: 'victims of a case the caller may see; a protection officer only the victims assigned to them; analysts: all',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) => ids(await db.selectFrom('victims').select('victims.id as id').where('victims.id', 'in', [...wanted]).where(victimVisibleTo(actor)).execute()),
  },
  operation: {
    label: 'operation',
    rule: 'through its case, or any further case it serves (operation_cases)',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) => ids(await db.selectFrom('operations').select('operations.id as id').where('operations.id', 'in', [...wanted]).where(operationVisibleTo(actor)).execute()),
  },
  evidence: { label: 'evidence item', rule: 'through its case', reachesAll: caseReaders, visible: throughCase('evidence_items') },
  hearing: { label: 'hearing', rule: 'through its case', reachesAll: caseReaders, visible: throughCase('hearings') },
  verdict: { label: 'verdict', rule: 'through its case', reachesAll: caseReaders, visible: throughCase('verdicts') },
  appeal: {
    label: 'appeal',
    rule: 'through the case of its verdict',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) =>
      ids(await db.selectFrom('appeals').innerJoin('verdicts', 'verdicts.id', 'appeals.verdict_id').innerJoin('cases', 'cases.id', 'verdicts.case_id')
        .select('appeals.id as id').where('appeals.id', 'in', [...wanted]).where(caseVisibleTo(actor)).execute()),
  },
  followup: {
    label: 'follow-up',
    rule: 'through its victim',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) =>
      ids(await db.selectFrom('followups').innerJoin('victims', 'victims.id', 'followups.victim_id')
        .select('followups.id as id').where('followups.id', 'in', [...wanted]).where(victimVisibleTo(actor)).execute()),
  },
  job: {
    label: 'job',
    rule: 'only the user who started the job',
    reachesAll: [],
    visible: async (db, actor, wanted) => jobsOwnedBy(db, actor.id, wanted),
  },
  hashSet: {
    label: 'hash set',
    rule: 'known-material reference lists: every holder of hashset.read reaches every set',
    reachesAll: ['investigator', 'supervisor', 'analyst'],
    visible: async (db, actor, wanted) =>
      can(actor.role, 'hashset.read') ? ids(await db.selectFrom('hash_sets').select('id').where('id', 'in', [...wanted]).execute()) : new Set<string>(),
  },
  user: {
    label: 'user',
    rule: 'administrators: every user; others: users of their own branch and branch-less staff (prosecutors, protection officers, analysts...)',
    reachesAll: ['administrator'],
    visible: async (db, actor, wanted) => ids(await db.selectFrom('users').select('users.id as id').where('users.id', 'in', [...wanted]).where(userVisibleTo(actor)).execute()),
  },
  apiToken: {
    label: 'token',
    rule: 'administrators: every token; others: their own',
    reachesAll: ['administrator'],
    visible: async (db, actor, wanted) => {
      let q = db.selectFrom('api_tokens').select('id').where('id', 'in', [...wanted]);
      if (actor.role !== 'administrator') q = q.where('user_id', '=', actor.id);
      return ids(await q.execute());
    },
  },
  deconflictionAlert: {
    label: 'alert',
    rule: 'de-confliction alerts: the user who recorded the identifier, the users told of it, and supervisors of either case\'s branch',
    reachesAll: [],
    visible: async (db, actor, wanted) => ids(await db.selectFrom('deconfliction_alerts').select('deconfliction_alerts.id as id').where('deconfliction_alerts.id', 'in', [...wanted]).where(alertVisibleTo(actor)).execute()),
  },
  notification: {
    label: 'notification',
    rule: 'only the user it was sent to',
    reachesAll: [],
    visible: async (db, actor, wanted) => ids(await db.selectFrom('notifications').select('notifications.id as id').where('notifications.id', 'in', [...wanted]).where(notificationVisibleTo(actor)).execute()),
  },
  mergeSuggestion: {
    label: 'suggestion',
    rule: 'a duplicate-person suggestion: when the actor may see both of its persons (analysts: all)',
    reachesAll: ['analyst'],
    visible: async (db, actor, wanted) => visibleSuggestionIds(db, { actor }, wanted),
  },
  entity: {
    label: 'entity',
    rule: 'entities touched by a link, payment or communication the caller may see, or recorded by the caller; analysts: all; roles without graph.read: none',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) => ids(await db.selectFrom('entities').select('entities.id as id').where('entities.id', 'in', [...wanted]).where(entityVisibleTo(actor)).execute()),
  },
  link: {
    label: 'link',
    rule: 'through its case; without a case, through the person it starts from; and links the caller recorded; analysts: all',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) => ids(await db.selectFrom('links').select('links.id as id').where('links.id', 'in', [...wanted]).where(linkVisibleTo(actor)).execute()),
  },
  payment: {
    label: 'payment',
    rule: 'through its case',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) => ids(await db.selectFrom('payments').select('payments.id as id').where('payments.id', 'in', [...wanted]).where(paymentVisibleTo(actor)).execute()),
  },
  communication: {
    label: 'communication',
    rule: 'through its case',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) => ids(await db.selectFrom('communications').select('communications.id as id').where('communications.id', 'in', [...wanted]).where(communicationVisibleTo(actor)).execute()),
  },
  warrant: {
    label: 'warrant',
    rule: 'through its case',
    reachesAll: caseReaders,
    visible: async (db, actor, wanted) => ids(await db.selectFrom('warrants').innerJoin('cases', 'cases.id', 'warrants.case_id').select('warrants.id as id').where('warrants.id', 'in', [...wanted]).where(caseVisibleTo(actor)).execute()),
  },
  takedown: { label: 'takedown', rule: 'through its case', reachesAll: caseReaders, visible: throughCase('takedowns') },
  legalRequest: { label: 'legal request', rule: 'through its case', reachesAll: caseReaders, visible: throughCase('legal_requests') },
  document: {
    label: 'document',
    rule: 'through the record it is attached to (case, person, operation, hearing); a care document only for the protection officer assigned to the victim',
    reachesAll: [], // the analyst reaches every case document, never a care document
    visible: async (db, actor, wanted) => ids(await db.selectFrom('documents').select('documents.id as id').where('documents.id', 'in', [...wanted]).where(documentVisibleTo(actor)).execute()),
  },
  victimCare: {
    label: 'victim',
    rule: "a victim's care record (its documents): only the protection officers assigned to the victim",
    reachesAll: [],
    visible: async (db, actor, wanted) => ids(await db.selectFrom('victims').select('victims.id as id').where('victims.id', 'in', [...wanted]).where(careDocumentsOpenTo(actor)).execute()),
  },
  tip: {
    label: 'tip',
    rule: 'analysts: every tip; supervisors: the tips routed to their branch; others: none',
    reachesAll: ['analyst'],
    visible: async (db, actor, wanted) => ids(await db.selectFrom('tips').select('tips.id as id').where('tips.id', 'in', [...wanted]).where(tipVisibleTo(actor)).execute()),
  },
  tipOrganisation: {
    label: 'organisation',
    rule: 'reporting organisations: administrators (tip.keys) reach every one',
    reachesAll: ['administrator'],
    visible: async (db, actor, wanted) => (can(actor.role, 'tip.keys') ? ids(await db.selectFrom('tip_organisations').select('id').where('id', 'in', [...wanted]).execute()) : new Set<string>()),
  },
  tipKey: {
    label: 'key',
    rule: 'reporting organisations\' keys: administrators (tip.keys) reach every one',
    reachesAll: ['administrator'],
    visible: async (db, actor, wanted) => (can(actor.role, 'tip.keys') ? ids(await db.selectFrom('tip_keys').select('id').where('id', 'in', [...wanted]).execute()) : new Set<string>()),
  },
};

export const scopeKinds = Object.keys(scopes) as ScopeKind[];
