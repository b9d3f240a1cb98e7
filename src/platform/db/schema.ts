import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the tables in migrations/. Timestamps come back as Date; int8 and numeric are
// parsed to number by database.ts on both engines; date columns stay 'YYYY-MM-DD' strings.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Serial = ColumnType<number, never, never>;

export type Role =
  | 'investigator'
  | 'supervisor'
  | 'analyst'
  | 'protection_officer'
  | 'prosecutor'
  | 'leadership'
  | 'administrator'
  | 'auditor';

export interface BranchesTable {
  id: Generated<number>;
  code: string;
  district: string;
  province: string;
  division: string | null;
  population_2023: number | null;
  area_sq_km: number | null;
  created_at: DefaultTimestamp;
  /** 0023: the office's name; its seat district (district/province above are the seat's, kept for readers). */
  name: string;
  seat_district_id: number;
  updated_at: DefaultTimestamp;
}

export interface OffencesTable {
  code: string;
  law: string;
  section: string;
  title: string;
  min_years: number | null;
  max_years: number | null;
  fine_note: string | null;
  category: string;
  child_exploitation: Generated<boolean>;
  source: string | null;
  status: string;
  verification: string | null;
  notes: string | null;
  updated_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: Role;
  branch_id: number | null;
  password_hash: string;
  is_demo: Generated<boolean>;
  disabled: Generated<boolean>;
  created_at: DefaultTimestamp;
  /** 0008: an account for platform intake and scripts: API tokens only, never a password sign-in. */
  is_service_account: Generated<boolean>;
  /** 0008: set by an administrator's reset: the user can do nothing but change it. */
  must_change_password: Generated<boolean>;
  /** 0008: failed passwords and codes since the last complete sign-in; drives the lockout back-off. */
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  /** 0008: the password was right but the second factor is still to come; usable for nothing else. */
  mfa_pending: Generated<boolean>;
  /** 0008: for the idle timeout; updated at most once a minute. */
  last_seen_at: DefaultTimestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** 0008: who issued it (the user themselves, or an administrator for a service account); null = system. */
  created_by: string | null;
}

/** 0008: the TOTP secret (encrypted with the field crypto) and the last time step used (replays refused). */
export interface UserMfaTable {
  user_id: string;
  secret: Buffer | Uint8Array | null;
  secret_key_id: string | null;
  enabled_at: Timestamp | null;
  last_step: number | null;
  pending_secret: Buffer | Uint8Array | null;
  pending_key_id: string | null;
  pending_created_at: Timestamp | null;
}

/** 0008: single-use recovery codes, stored hashed. */
export interface MfaRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  created_at: DefaultTimestamp;
  used_at: Timestamp | null;
}

export interface CasesTable {
  id: Generated<string>;
  branch_id: number;
  title: string;
  summary: Generated<string>;
  status: string;
  fir_number: number | null;
  fir_year: number | null;
  fir_registered_at: Timestamp | null;
  challan_submitted_at: Timestamp | null;
  reported_at: DefaultTimestamp;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** 0023: where the offence happened; a trigger fills the handling branch's seat district when absent. */
  district_id: ColumnType<number, number | undefined, number>;
}

export interface CaseOffencesTable {
  case_id: string;
  offence_code: string;
}

export interface CaseTeamTable {
  case_id: string;
  user_id: string;
  team_role: Generated<'lead' | 'member' | 'prosecutor'>;
  added_at: DefaultTimestamp;
}

export interface CaseStatusHistoryTable {
  id: Serial;
  case_id: string;
  from_status: string | null;
  to_status: string;
  reason: string;
  /** The reason's code and values when the server wrote it (src/platform/text/event-texts.schema.ts). */
  code: ColumnType<string | null, string | null | undefined, string | null>;
  params: EventParamsColumn;
  actor_id: string | null;
  at: DefaultTimestamp;
}

/** Each case's status as intervals, kept from case_status_history by triggers (migration 0037): read only. */
/** Flow figures' events, kept by triggers (migration 0038_stat_flow; read by stats/figures/rollup.ts). */
export interface StatFlowTable {
  case_id: string;
  kind: number;
  src: string;
  /** Local day in stat_flow_meta.time_zone. */
  day: string | null;
  district_id: number;
  branch_id: number;
  ce: boolean;
  unit: string | null;
  val: string | null;
}

export interface StatFlowMetaTable {
  one: Generated<boolean>;
  time_zone: string;
  ce_codes: string[];
  built_at: Generated<Date>;
  /** The token of a rebuild under way (migration 0044); null when the table is keyed as the row says. */
  building: Generated<string | null>;
}

/** The stock rollup (migration 0039_stock_rollup; read by stats/rollup/stock.ts): one row, the zone its days are in. */
/** Secondary indexes a bulk load dropped and has not built again (migration 0043; platform/db/index-builds.ts). */
export interface PendingIndexBuildsTable {
  name: string;
  definition: string;
  dropped_at: Generated<Date>;
}

/** Persons waiting to be scored for duplicates while the index is built (migration 0043; suggestion.service.ts). */
export interface PersonScoreQueueTable {
  person_id: string;
  source: 'incremental' | 'batch' | 'import';
  queued_by: string | null;
  queued_at: Generated<Date>;
}

export interface StockRollupMetaTable {
  id: number;
  time_zone: string;
  /** The token of a rebuild under way (migration 0044); null when the days are in time_zone throughout. */
  building: Generated<string | null>;
}

/** The distinct sets of offence codes cases have (the rollup's key: exact under any catalogue version). */
export interface StockOffenceSetsTable {
  id: Generated<number>;
  codes: string[];
}

/** Each case's own changes to the stock (+1/-1 per local day and status), so a change to a case is undone exactly. */
export interface StockCasePartsTable {
  case_id: string;
  day: string;
  status: string;
  district_id: number;
  branch_id: number;
  set_id: number;
  delta: number;
}

/** The sums of the cases' changes per local day and key. */
export interface StockStatusDailyTable {
  day: string;
  district_id: number;
  branch_id: number;
  status: string;
  set_id: number;
  delta: string;
}

/** The months that have checkpoints. */
export interface StockCheckpointMonthsTable {
  month: string;
}

/** The stock at the start of each month of stock_checkpoint_months, per key (sum of the daily changes before it). */
export interface StockStatusCheckpointsTable {
  month: string;
  district_id: number;
  branch_id: number;
  status: string;
  set_id: number;
  n: string;
}

/** Each case's own changes to the caseload sums (migration 0047_stock_caseload), per day and team member. */
export interface StockCaseloadPartsTable {
  case_id: string;
  day: string;
  unit: string;
  district_id: number;
  branch_id: number;
  set_id: number;
  delta: number;
}

/** The caseload changes per local day, team member, district, branch and offence set. */
export interface StockCaseloadDailyTable {
  day: string;
  unit: string;
  district_id: number;
  branch_id: number;
  set_id: number;
  delta: string;
}

/** The months that have caseload checkpoints. */
export interface StockCaseloadMonthsTable {
  month: string;
}

/** Open assignments at the start of each month of stock_caseload_months, per key (sum of the daily changes before it). */
export interface StockCaseloadCheckpointsTable {
  month: string;
  unit: string;
  district_id: number;
  branch_id: number;
  set_id: number;
  n: string;
}

/** Each case's own changes to the backlog histogram (migration 0051_stock_backlog), per day. */
export interface StockBacklogPartsTable {
  case_id: string;
  day: string;
  fir_month: string;
  district_id: number;
  branch_id: number;
  ce: boolean;
  delta: number;
}

/** The backlog histogram's changes per local day, FIR month, district, branch and child-exploitation flag. */
export interface StockBacklogDailyTable {
  day: string;
  fir_month: string;
  district_id: number;
  branch_id: number;
  ce: boolean;
  delta: string;
}

/** The months that have backlog checkpoints. */
export interface StockBacklogMonthsTable {
  month: string;
}

/** Open cases at the start of each month of stock_backlog_months, per FIR month and key (sum of the daily changes before it). */
export interface StockBacklogCheckpointsTable {
  month: string;
  fir_month: string;
  district_id: number;
  branch_id: number;
  ce: boolean;
  n: string;
}

/** Each case's own changes to the cohort histogram (migration 0052_stock_cohort), per day and status. */
export interface StockCohortPartsTable {
  case_id: string;
  day: string;
  reported_month: string;
  province: string;
  status: string;
  ce: boolean;
  delta: number;
}

/** The cohort histogram's changes per local day, reported month, province, status and child-exploitation flag. */
export interface StockCohortDailyTable {
  day: string;
  reported_month: string;
  province: string;
  status: string;
  ce: boolean;
  delta: string;
}

/** The months that have cohort checkpoints. */
export interface StockCohortMonthsTable {
  month: string;
}

/** Cases reported before each month start of stock_cohort_months, by reported month, province, status and flag (sum of the daily changes before it). */
export interface StockCohortCheckpointsTable {
  month: string;
  reported_month: string;
  province: string;
  status: string;
  ce: boolean;
  n: string;
}

/** Each case's own changes to the area cohort histogram (migration 0055_stock_cohort_area), per day and status. */
export interface StockCohortAreaPartsTable {
  case_id: string;
  day: string;
  reported_month: string;
  district_id: number;
  branch_id: number;
  status: string;
  ce: boolean;
  delta: number;
}

/** The area cohort histogram's changes per local day, reported month, district, branch, status and child-exploitation flag. */
export interface StockCohortAreaDailyTable {
  day: string;
  reported_month: string;
  district_id: number;
  branch_id: number;
  status: string;
  ce: boolean;
  delta: string;
}

/** The months that have area cohort checkpoints. */
export interface StockCohortAreaMonthsTable {
  month: string;
}

/** Cases reported before each month start of stock_cohort_area_months, by reported month, district, branch, status and flag. */
export interface StockCohortAreaCheckpointsTable {
  month: string;
  reported_month: string;
  district_id: number;
  branch_id: number;
  status: string;
  ce: boolean;
  n: string;
}

/** Backlog, caseload and children-in-care intervals, kept by triggers (migration 0044_stock_spans; read by stats/rollup/stock.ts). */
export interface StatStockSpansTable {
  kind: number;
  case_id: string;
  unit: string | null;
  part: string | null;
  /** Holds the instants T with lo < T <= hi. */
  lo: Date;
  hi: Date;
  at: Date | null;
  district_id: number;
  branch_id: number;
  set_id: number;
}

export interface CaseStatusSpansTable {
  history_id: number;
  case_id: string;
  status: string;
  /** In force for instants T with valid_from < T <= valid_to ('infinity' for the last). */
  valid_from: Date;
  valid_to: Date;
}

/** A server sentence's values (jsonb): read as an object, written as JSON text. */
type EventParamsColumn = ColumnType<Record<string, string | number> | null, string | null | undefined, string | null>;

export type CaseEventKind = 'note' | 'event' | 'status' | 'person' | 'operation' | 'evidence' | 'prosecution';

export interface CaseEventsTable {
  id: Serial;
  case_id: string;
  kind: CaseEventKind;
  body: string;
  /** The sentence's code and values when the server wrote it; NULL for an officer's own words. */
  code: ColumnType<string | null, string | null | undefined, string | null>;
  params: EventParamsColumn;
  occurred_at: DefaultTimestamp;
  actor_id: string | null;
  created_at: DefaultTimestamp;
}

export type Gender = 'female' | 'male' | 'other' | 'unknown';

export interface PersonsTable {
  id: Generated<string>;
  display_name: string;
  gender: Gender | null;
  date_of_birth: string | null;
  estimated_age: number | null;
  nationality: string | null;
  cnic: string | null;
  passport: string | null;
  notes: Generated<string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** {cnic, passport} encrypted (the plaintext columns stay NULL); see person.sealed.ts. */
  sealed: Buffer | Uint8Array | null;
  sealed_key_id: string | null;
  cnic_bidx: string | null;
  passport_bidx: string | null;
  /** Set when an analyst merged this person into another (0015); the row is kept so the merge can be undone. */
  merged_into: Generated<string | null>;
}

export interface PersonNamesTable {
  id: Serial;
  person_id: string;
  name: string;
  script: 'latin' | 'urdu' | 'other';
  kind: 'primary' | 'alias' | 'variant';
  name_key: Generated<string>; // 0002_persons_victims
}

export type IdentifierKind = 'phone' | 'email' | 'handle' | 'bank_account' | 'wallet' | 'crypto_address' | 'device' | 'other';

// person_identifiers was moved into entities + links by migration 0014 and dropped.

export type CasePersonRole =
  | 'suspect'
  | 'ringleader'
  | 'facilitator'
  | 'guardian'
  | 'complicit_family'
  | 'witness'
  | 'informant';

export type AccusedStatus =
  | 'at_large'
  | 'arrested'
  | 'physical_remand'
  | 'judicial_remand'
  | 'on_bail'
  | 'proclaimed_offender'
  | 'convicted'
  | 'acquitted';

export interface CasePersonsTable {
  case_id: string;
  person_id: string;
  role: CasePersonRole;
  accused_status: AccusedStatus | null;
  foreign_warrant_requested: Generated<boolean>;
  added_at: DefaultTimestamp;
}

export interface AccusedStatusHistoryTable {
  id: Serial;
  case_id: string;
  person_id: string;
  from_status: string | null;
  to_status: string;
  reason: string;
  actor_id: string | null;
  at: DefaultTimestamp;
}

export type SafeguardingState = 'identified' | 'recovered' | 'placed' | 'closed';

export interface VictimsTable {
  id: Generated<string>;
  pseudonym: string;
  gender: Gender | null;
  age_at_identification: number | null;
  state: Generated<SafeguardingState>;
  identified_at: DefaultTimestamp;
  recovered_at: Timestamp | null;
  placed_at: Timestamp | null; // 0002_persons_victims
  closed_at: Timestamp | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface VictimStateHistoryTable {
  id: Serial;
  victim_id: string;
  from_state: SafeguardingState | null;
  to_state: SafeguardingState;
  reason: string;
  code: ColumnType<string | null, string | null | undefined, string | null>;
  params: EventParamsColumn;
  actor_id: string | null;
  at: DefaultTimestamp;
}

export interface VictimIdentitiesTable {
  victim_id: string;
  key_id: string;
  ciphertext: Buffer | Uint8Array;
  updated_at: DefaultTimestamp;
  /** 1 = legacy, not bound to the record (upgraded at start); 2 = bound (fieldContext). */
  context_version: number;
}

export interface CaseVictimsTable {
  case_id: string;
  victim_id: string;
  added_at: DefaultTimestamp;
}

export interface VictimAssignmentsTable {
  victim_id: string;
  user_id: string;
  assigned_at: DefaultTimestamp;
}

export type PlacementKind = 'child_protection_bureau' | 'family' | 'shelter';

export interface PlacementsTable {
  id: Generated<string>;
  victim_id: string;
  kind: PlacementKind;
  facility: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  notes: Generated<string>;
  created_by: string | null;
  /** {facility, notes} encrypted (the plaintext columns stay empty). */
  sealed: Buffer | Uint8Array | null;
  sealed_key_id: string | null;
}

export interface FollowupsTable {
  id: Generated<string>;
  victim_id: string;
  due_at: Timestamp;
  done_at: Timestamp | null;
  kind: 'medical' | 'psychosocial' | 'legal' | 'education' | 'home_visit' | 'other';
  notes: Generated<string>;
  created_by: string | null;
  /** {notes} encrypted (the plaintext column stays empty). */
  sealed: Buffer | Uint8Array | null;
  sealed_key_id: string | null;
}

export interface TrustedInstallationsTable {
  key_id: string;
  name: string;
  public_key_pem: string;
  added_by: string | null;
  added_at: DefaultTimestamp;
}

export interface ImportMatchSuggestionsTable {
  id: Generated<string>;
  record_type: 'person' | 'victim';
  new_id: string;
  existing_id: string;
  reason: 'same_cnic' | 'same_passport' | 'same_victim_record';
  bundle_digest: string;
  signer_key_id: string;
  imported_case_id: string | null;
  status: Generated<'open' | 'confirmed' | 'dismissed'>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export type OperationStatus = 'planned' | 'approved' | 'executed' | 'cancelled';

export interface OperationsTable {
  id: Generated<string>;
  case_id: string;
  name: string;
  status: Generated<OperationStatus>;
  planned_for: Timestamp;
  place: string;
  agencies: ColumnType<string[], string[] | undefined, string[]>;
  approved_by: string | null;
  approved_at: Timestamp | null;
  executed_at: Timestamp | null;
  duration_minutes: number | null;
  notes: Generated<string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  // 0003_operations_prosecution
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  updated_at: DefaultTimestamp;
}

export interface ArrestsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  operation_id: string | null;
  arrested_at: Timestamp;
  place: Generated<string>;
  created_by: string | null;
}

export interface RescuesTable {
  id: Generated<string>;
  operation_id: string;
  victim_id: string;
  rescued_at: Timestamp;
}

export type EvidenceKind = 'phone' | 'computer' | 'storage' | 'document' | 'media_folder' | 'other';

export interface EvidenceItemsTable {
  id: Generated<string>;
  case_id: string;
  label: string;
  kind: EvidenceKind;
  description: Generated<string>;
  operation_id: string | null;
  seized_at: Timestamp | null;
  custodian_id: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface CustodyTransfersTable {
  id: Serial;
  evidence_id: string;
  from_user_id: string | null;
  to_user_id: string;
  reason: string;
  /** The reason's code and values when the server wrote it (src/platform/text/event-texts.schema.ts). */
  code: ColumnType<string | null, string | null | undefined, string | null>;
  params: EventParamsColumn;
  at: DefaultTimestamp;
  recorded_by: string | null;
}

export interface ChargesTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  offence_code: string;
  court: string;
  framed_at: Timestamp;
  created_by: string | null;
}

export interface HearingsTable {
  id: Generated<string>;
  case_id: string;
  court: string;
  scheduled_for: Timestamp;
  purpose: string;
  outcome: string | null;
  created_by: string | null;
}

export interface VerdictsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  outcome: 'convicted' | 'acquitted';
  court: string;
  decided_at: Timestamp;
  sentence_months: number | null;
  fine_rupees: number | null;
  created_by: string | null;
}

export interface AppealsTable {
  id: Generated<string>;
  verdict_id: string;
  court: string;
  filed_at: Timestamp;
  filed_by: 'prosecution' | 'defence';
  status: Generated<'pending' | 'allowed' | 'dismissed' | 'withdrawn'>;
  decided_at: Timestamp | null;
  created_by: string | null;
}

export interface AuditLogTable {
  seq: Serial;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
  /** 1: unkeyed SHA-256 entry of an earlier version; 2: keyed entry (HMAC) with its canonical body. */
  v: number;
  /** v2: the canonical JSON that was hashed, stored verbatim. */
  body: string | null;
  credential_kind: string | null;
  credential_id: string | null;
}

export interface HashSetsTable {
  id: Generated<string>;
  name: string;
  source: string;
  version: Generated<string>;
  description: Generated<string>;
  category_scheme: Generated<'us' | 'uk' | 'custom'>;
  entry_count: Generated<number>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface HashSetEntriesTable {
  id: Serial;
  hash_set_id: string;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  pdq_quality: number | null;
  photodna: string | null;
  category: Generated<string>;
  series: string | null;
  media_id: string | null;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export type IngestStatus = 'queued' | 'running' | 'done' | 'failed';

export interface IngestJobsTable {
  id: Generated<string>;
  case_id: string;
  evidence_id: string;
  root_path: string;
  status: Generated<IngestStatus>;
  files_total: number | null;
  bytes_total: number | null;
  files_done: Generated<number>;
  bytes_done: Generated<number>;
  files_failed: Generated<number>;
  /** Videos left without vPDQ because video hashing was unavailable (migration 0012). */
  videos_unhashed: Generated<number>;
  error: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export type MediaKind = 'image' | 'video' | 'document' | 'archive' | 'other' | 'symlink' | 'unreadable';
/** media_files.error_code (migration 0012): why a file has no hash. */
export type MediaErrorCode =
  | 'unreadable' | 'not_followed' | 'not_regular' | 'unsupported' | 'corrupt' | 'too_many_pixels' | 'too_large'
  | 'decoder_timeout' | 'decoder_memory' | 'decoder_crashed' | 'sandbox_unavailable' | 'video_unavailable';

export interface MediaFilesTable {
  id: Serial;
  job_id: string;
  evidence_id: string;
  case_id: string;
  rel_path: string;
  size: number;
  modified_at: Timestamp | null;
  changed_at: Timestamp | null;
  mime: string | null;
  media_kind: MediaKind;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  pdq_quality: number | null;
  low_quality: Generated<boolean>;
  vpdq_frames: number | null;
  error: string | null;
  error_code: MediaErrorCode | null;
  created_at: DefaultTimestamp;
}

export interface MediaVideoFramesTable {
  media_file_id: number;
  frame: number;
  quality: number;
  pdq: string;
  timestamp_s: number;
}

export type MatchType = 'md5' | 'sha1' | 'sha256' | 'pdq' | 'vpdq';

export interface MediaMatchesTable {
  id: Serial;
  media_file_id: number;
  hash_set_entry_id: number | null;
  other_media_file_id: number | null;
  match_type: MatchType;
  distance: Generated<number>;
  created_at: DefaultTimestamp;
}

// The entity graph (migration 0013).
export type EntityKind = 'account' | 'phone' | 'email' | 'bank_account' | 'wallet' | 'crypto_address' | 'device'
  | 'ip_address' | 'organisation' | 'place' | 'other';
export type NodeType = 'person' | 'entity' | 'case' | 'victim' | 'operation' | 'evidence' | 'media' | 'communication';
export type LinkKind = 'uses' | 'owns' | 'holds' | 'paid' | 'family_of' | 'associate_of' | 'member_of' | 'works_at'
  | 'located_at' | 'viewed' | 'hosted' | 'communicated' | 'seized_in' | 'found_on' | 'appears_in' | 'same_as' | 'other';
export type LinkSourceType = 'person' | 'case' | 'operation' | 'evidence' | 'payment' | 'communication' | 'bundle' | 'import' | 'manual' | 'migration' | 'tip';
export type CommunicationKind = 'live_stream' | 'call' | 'message';
export type ParticipantRole = 'host' | 'viewer' | 'payer' | 'sender' | 'recipient' | 'participant';

export interface EntitiesTable {
  id: Generated<string>;
  kind: EntityKind;
  key: string;
  display: string;
  platform: string | null;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface PaymentsTable {
  id: Generated<string>;
  case_id: string;
  from_entity_id: string;
  to_entity_id: string;
  amount: ColumnType<string, string | number, string | number>;
  currency: string;
  paid_at: Timestamp;
  reference: Generated<string>;
  evidence_id: string | null;
  recorded_by: string | null;
  recorded_at: DefaultTimestamp;
}

export interface CommunicationsTable {
  id: Generated<string>;
  case_id: string;
  kind: CommunicationKind;
  platform: string | null;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  notes: Generated<string>;
  evidence_id: string | null;
  recorded_by: string | null;
  recorded_at: DefaultTimestamp;
}

export interface CommunicationParticipantsTable {
  communication_id: string;
  entity_id: string;
  role: ParticipantRole;
}

export type MergeSuggestionStatus = 'open' | 'merged' | 'rejected';

export interface PersonMergeSuggestionsTable {
  id: Generated<string>;
  person_a: string;
  person_b: string;
  score: number;
  reasons: ColumnType<unknown, string, string>;
  source: 'incremental' | 'batch' | 'import';
  status: Generated<MergeSuggestionStatus>;
  created_at: DefaultTimestamp;
  scored_at: DefaultTimestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface PersonMergesTable {
  id: Generated<string>;
  suggestion_id: string | null;
  kept_id: string;
  absorbed_id: string;
  moved: ColumnType<unknown, string, string>;
  merged_by: string | null;
  merged_at: DefaultTimestamp;
  undone_by: string | null;
  undone_at: Timestamp | null;
}

export interface LinksTable {
  id: Generated<string>;
  kind: LinkKind;
  from_type: NodeType;
  from_id: string;
  to_type: NodeType;
  to_id: string;
  case_id: string | null;
  source_type: LinkSourceType | null;
  source_id: string | null;
  observed_from: Timestamp | null;
  observed_to: Timestamp | null;
  confidence: Generated<number>;
  notes: Generated<string>;
  recorded_by: string | null;
  recorded_at: DefaultTimestamp;
}

export type DeconflictionStatus = 'open' | 'granted' | 'dismissed';
export type NotificationKind = 'deconfliction.alert' | 'deconfliction.granted' | 'deconfliction.dismissed' | 'legal_request.deadline' | 'safeguarding.unassigned' | 'safeguarding.overdue' | 'media.known_match';

export interface DeconflictionAlertsTable {
  id: Generated<string>;
  entity_id: string;
  recorder_case_id: string | null;
  holder_case_id: string;
  triggered_by: string;
  status: Generated<DeconflictionStatus>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: NotificationKind;
  alert_id: string | null;
  side: 'recorder' | 'holder' | null;
  created_at: DefaultTimestamp;
  read_at: Timestamp | null;
  /** 0022: a legal request whose deadline is near (kind legal_request.deadline). */
  legal_request_id: Generated<string | null>;
  /** 0029: a hash set imported later matched files of this case (kind media.known_match). */
  case_id: Generated<string | null>;
  hash_set_id: Generated<string | null>;
  match_files: Generated<number | null>;
  /** 0024: a rescued child without a protection officer (safeguarding.unassigned) or whose follow-up is overdue. */
  victim_id: Generated<string | null>;
  /** 0024: the overdue follow-up (safeguarding.overdue). */
  followup_id: Generated<string | null>;
  /** 0024: when the flag stopped applying (an officer assigned, the follow-up done). */
  resolved_at: Generated<Date | null>;
}

/** 0016: the graph's change log, written by triggers; read incrementally by every process's graph store. */
export interface GraphChangesTable {
  seq: Serial;
  tbl: string;
  key: string;
  tx: Generated<string>;
  at: DefaultTimestamp;
}

export interface GraphChangeHorizonTable {
  one: Generated<boolean>;
  pruned_below: number;
}

// 0018_corrections
export type CorrectedRecordKind = 'case' | 'person' | 'operation' | 'hearing' | 'warrant' | 'offence';
export interface RecordCorrectionsTable {
  id: Serial;
  case_id: string | null;
  record_kind: CorrectedRecordKind;
  record_id: string;
  field: string;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  actor_id: string | null;
  at: DefaultTimestamp;
  /** 0024: a CNIC/passport correction's full {before, after}, sealed (context record_corrections.sealed:<id>). */
  sealed: Generated<Uint8Array | null>;
  sealed_key_id: Generated<string | null>;
}

export type WarrantKind = 'arrest_warrant' | 'non_bailable_warrant' | 'proclamation' | 'foreign_arrest_warrant' | 'interpol_red_notice' | 'interpol_diffusion' | 'foreign_request';
export type WarrantStatus = 'requested' | 'issued' | 'executed' | 'withdrawn' | 'cancelled';
export interface WarrantsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  kind: WarrantKind;
  status: WarrantStatus;
  issued_on: string | null;
  country: string | null;
  reference: string | null;
  notes: Generated<string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface OperationOfficersTable {
  operation_id: string;
  user_id: string;
}

export interface OperationCasesTable {
  operation_id: string;
  case_id: string;
}

// Documents (migration 0019): the bytes live in src/platform/storage/, each version with its SHA-256.
export type DocumentOwnerKind = 'case' | 'person' | 'operation' | 'hearing' | 'victim_care';
export type DocumentType = 'fir_copy' | 'statement' | 'medical_report' | 'court_order' | 'warrant' | 'correspondence' | 'other';

export interface DocumentsTable {
  id: Generated<string>;
  owner_kind: DocumentOwnerKind;
  case_id: string | null;
  person_id: string | null;
  operation_id: string | null;
  hearing_id: string | null;
  victim_id: string | null;
  title: string;
  doc_type: DocumentType;
  /** 'YYYY-MM-DD' */
  document_date: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface DocumentVersionsTable {
  id: Generated<string>;
  document_id: string;
  version_no: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: DefaultTimestamp;
}

/** 0023 (issue 12): districts apart from branches; published figures. */
export interface DistrictsTable {
  id: Generated<number>;
  code: string;
  name: string;
  province: string;
  division: string | null;
  population_2023: number | null;
  area_sq_km: number | null;
  status: string | null;
  parent_district: string | null;
  source: string | null;
  created_at: DefaultTimestamp;
}

export interface BranchDistrictsTable {
  branch_id: number;
  district_id: number;
  since: DefaultTimestamp;
}

export interface BranchPostsTable {
  branch_id: number;
  post: string;
  sanctioned: number;
  filled: number;
}

export interface OffenceCatalogueVersionsTable {
  version: string;
  child_exploitation_codes: ColumnType<string[], string, never>;
  categories: ColumnType<Record<string, string>, string, never>;
  first_seen_at: DefaultTimestamp;
}

export interface PublishedReportsTable {
  id: Generated<string>;
  kind: 'briefing' | 'export';
  params: ColumnType<Record<string, unknown>, string, never>;
  period_from: string | null;
  period_to: string | null;
  time_zone: string;
  catalogue_version: string;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
  output_sha256: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: DefaultTimestamp;
}

export interface PublishedFiguresTable {
  report_id: string;
  figure_id: string;
  figure_version: number;
  grouping: string;
  area: ColumnType<Record<string, unknown>, string, never>;
  rows: ColumnType<unknown[], string, never>;
}

// Tip intake and triage (migration 0021).
export type TipChannel = 'api' | 'import' | 'public';
export type TipFormat = 'amaan' | 'cybertipline' | 'public';
export type TipStatus = 'new' | 'converted' | 'attached' | 'closed';
export type TipIdentifierRole = 'reported' | 'recipient' | 'victim' | 'reporter';
export type TipRelationReason = 'account' | 'phone' | 'ip_address' | 'email' | 'device' | 'wallet' | 'other_identifier' | 'hash' | 'url';
type Json = ColumnType<unknown, string | undefined, string>;

export interface TipOrganisationsTable {
  id: Generated<string>;
  name: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface TipKeysTable {
  id: Generated<string>;
  organisation_id: string;
  label: Generated<string>;
  key_hash: string;
  prefix: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  last_used_at: Timestamp | null;
}

export interface TipsTable {
  id: Generated<string>;
  receipt: string;
  channel: TipChannel;
  format: TipFormat;
  organisation_id: string | null;
  key_id: string | null;
  external_id: string | null;
  idempotency_key: string;
  incident_type: Generated<string>;
  incident_at: Timestamp | null;
  escalate: Generated<boolean>;
  summary: Generated<string>;
  location: Json;
  annotations: Json;
  branch_id: number | null;
  routing: Json;
  priority: Generated<number>;
  priority_reasons: Json;
  status: Generated<TipStatus>;
  case_id: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  raw: ColumnType<unknown, string, string>;
  received_at: DefaultTimestamp;
  triaged_at: Timestamp | null;
}

export interface TipIdentifiersTable {
  tip_id: string;
  entity_id: string;
  role: TipIdentifierRole;
}

export interface TipUrlsTable {
  tip_id: string;
  url: string;
  url_key: string;
}

export interface TipFilesTable {
  id: Serial;
  tip_id: string;
  file_name: Generated<string>;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  viewed_by_esp: boolean | null;
  publicly_available: boolean | null;
  classification: string | null;
  annotations: Json;
  matches: Json;
}

export interface TipRelationsTable {
  tip_id: string;
  related_tip_id: string;
  reason: TipRelationReason;
  value: string;
}

export interface TipRulesTable {
  code: string;
  weight: number;
  enabled: Generated<boolean>;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

export interface DB {
  branches: BranchesTable;
  offences: OffencesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  cases: CasesTable;
  case_offences: CaseOffencesTable;
  case_team: CaseTeamTable;
  case_status_history: CaseStatusHistoryTable;
  case_status_spans: CaseStatusSpansTable;
  stat_flow: StatFlowTable;
  stat_flow_meta: StatFlowMetaTable;
  stock_rollup_meta: StockRollupMetaTable;
  pending_index_builds: PendingIndexBuildsTable;
  person_score_queue: PersonScoreQueueTable;
  stock_offence_sets: StockOffenceSetsTable;
  stock_case_parts: StockCasePartsTable;
  stock_status_daily: StockStatusDailyTable;
  stock_checkpoint_months: StockCheckpointMonthsTable;
  stock_status_checkpoints: StockStatusCheckpointsTable;
  stat_stock_spans: StatStockSpansTable;
  stock_caseload_parts: StockCaseloadPartsTable;
  stock_caseload_daily: StockCaseloadDailyTable;
  stock_caseload_months: StockCaseloadMonthsTable;
  stock_caseload_checkpoints: StockCaseloadCheckpointsTable;
  stock_backlog_parts: StockBacklogPartsTable;
  stock_backlog_daily: StockBacklogDailyTable;
  stock_backlog_months: StockBacklogMonthsTable;
  stock_backlog_checkpoints: StockBacklogCheckpointsTable;
  stock_cohort_parts: StockCohortPartsTable;
  stock_cohort_daily: StockCohortDailyTable;
  stock_cohort_months: StockCohortMonthsTable;
  stock_cohort_checkpoints: StockCohortCheckpointsTable;
  stock_cohort_area_parts: StockCohortAreaPartsTable;
  stock_cohort_area_daily: StockCohortAreaDailyTable;
  stock_cohort_area_months: StockCohortAreaMonthsTable;
  stock_cohort_area_checkpoints: StockCohortAreaCheckpointsTable;
  case_events: CaseEventsTable;
  persons: PersonsTable;
  person_names: PersonNamesTable;
  case_persons: CasePersonsTable;
  accused_status_history: AccusedStatusHistoryTable;
  victims: VictimsTable;
  victim_state_history: VictimStateHistoryTable;
  victim_identities: VictimIdentitiesTable;
  case_victims: CaseVictimsTable;
  victim_assignments: VictimAssignmentsTable;
  placements: PlacementsTable;
  followups: FollowupsTable;
  trusted_installations: TrustedInstallationsTable;
  import_match_suggestions: ImportMatchSuggestionsTable;
  operations: OperationsTable;
  arrests: ArrestsTable;
  rescues: RescuesTable;
  evidence_items: EvidenceItemsTable;
  custody_transfers: CustodyTransfersTable;
  charges: ChargesTable;
  hearings: HearingsTable;
  verdicts: VerdictsTable;
  appeals: AppealsTable;
  audit_log: AuditLogTable;
  hash_sets: HashSetsTable;
  hash_set_entries: HashSetEntriesTable;
  ingest_jobs: IngestJobsTable;
  // 0029_work_queue
  background_jobs: BackgroundJobsTable;
  media_files: MediaFilesTable;
  media_video_frames: MediaVideoFramesTable;
  media_matches: MediaMatchesTable;
  entities: EntitiesTable;
  payments: PaymentsTable;
  communications: CommunicationsTable;
  communication_participants: CommunicationParticipantsTable;
  links: LinksTable;
  deconfliction_alerts: DeconflictionAlertsTable;
  notifications: NotificationsTable;
  graph_changes: GraphChangesTable;
  graph_change_horizon: GraphChangeHorizonTable;
  person_merge_suggestions: PersonMergeSuggestionsTable;
  person_merges: PersonMergesTable;
  user_mfa: UserMfaTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  // 0018_corrections
  record_corrections: RecordCorrectionsTable;
  warrants: WarrantsTable;
  operation_officers: OperationOfficersTable;
  operation_cases: OperationCasesTable;
  takedowns: TakedownsTable;
  takedown_status_history: TakedownStatusHistoryTable;
  takedown_notices: TakedownNoticesTable;
  legal_requests: LegalRequestsTable;
  legal_request_followups: LegalRequestFollowupsTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  districts: DistrictsTable;
  branch_districts: BranchDistrictsTable;
  branch_posts: BranchPostsTable;
  offence_catalogue_versions: OffenceCatalogueVersionsTable;
  published_reports: PublishedReportsTable;
  published_figures: PublishedFiguresTable;
  tip_organisations: TipOrganisationsTable;
  tip_keys: TipKeysTable;
  tips: TipsTable;
  tip_identifiers: TipIdentifiersTable;
  tip_urls: TipUrlsTable;
  tip_files: TipFilesTable;
  tip_relations: TipRelationsTable;
  tip_rules: TipRulesTable;
  // 0026_rate_limits
  rate_limit_counters: RateLimitCountersTable;
}

/** 0026: rate-limit counters shared by every server process (one row per route and key, fixed window). */
export interface RateLimitCountersTable {
  key: string;
  hits: number;
  window_ends: Timestamp;
}

/** 0022: takedowns (issue 11, part 3). */
export type TakedownTargetKind = 'url' | 'onion' | 'account';
export type TakedownStatus = 'requested' | 'acknowledged' | 'removed' | 'refused' | 'reappeared';
export interface TakedownsTable {
  id: Generated<string>;
  case_id: string;
  target_kind: TakedownTargetKind;
  target: string;
  entity_id: string | null;
  provider: string;
  provider_contact: Generated<string>;
  reference: Generated<string>;
  status: Generated<TakedownStatus>;
  renotice_hours: Generated<number>;
  first_requested_at: Timestamp;
  requested_at: Timestamp;
  last_notice_at: Timestamp;
  next_notice_at: Timestamp | null;
  notices_sent: Generated<number>;
  removed_at: Timestamp | null;
  notes: Generated<string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface TakedownStatusHistoryTable {
  id: Generated<string>;
  takedown_id: string;
  from_status: TakedownStatus | null;
  to_status: TakedownStatus;
  at: Timestamp;
  reference: Generated<string>;
  note: Generated<string>;
  actor_id: string | null;
  recorded_at: DefaultTimestamp;
}
export interface TakedownNoticesTable {
  id: Generated<string>;
  takedown_id: string;
  number: number;
  sent_at: Timestamp;
  actor_id: string | null;
}

/** 0022: legal and cooperation requests (issue 11, part 4). */
export type LegalRequestKind = 'preservation' | 'emergency_disclosure' | 'production_order' | 'mutual_legal_assistance' | 'interpol_notice';
export type InterpolColour = 'red' | 'blue' | 'green' | 'yellow' | 'black' | 'orange' | 'purple' | 'diffusion';
export type LegalRequestStatus = 'sent' | 'acknowledged' | 'fulfilled' | 'refused' | 'withdrawn';
export type LegalFollowupKind = 'follow_up' | 'extension' | 'acknowledged' | 'fulfilled' | 'refused' | 'withdrawn';
export interface LegalRequestsTable {
  id: Generated<string>;
  case_id: string;
  kind: LegalRequestKind;
  interpol_colour: InterpolColour | null;
  recipient: string;
  subject: string;
  person_id: string | null;
  entity_id: string | null;
  reference: Generated<string>;
  legal_basis: Generated<string>;
  sent_at: Timestamp;
  deadline_at: Timestamp | null;
  alert_lead_hours: number;
  alert_sent_at: Timestamp | null;
  status: Generated<LegalRequestStatus>;
  answer: Generated<string>;
  answered_at: Timestamp | null;
  notes: Generated<string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface LegalRequestFollowupsTable {
  id: Generated<string>;
  request_id: string;
  kind: LegalFollowupKind;
  at: Timestamp;
  note: Generated<string>;
  previous_deadline_at: Timestamp | null;
  new_deadline_at: Timestamp | null;
  actor_id: string | null;
  recorded_at: DefaultTimestamp;
}

/** 0029: a background job as the web app and CLI see it; dispatch on PostgreSQL is pg-boss's. */
export type BackgroundJobState = 'queued' | 'running' | 'done' | 'failed';
export interface BackgroundJobsTable {
  id: Generated<string>;
  kind: string;
  owner_id: string;
  actor: Json;
  payload: Json;
  state: Generated<BackgroundJobState>;
  checkpoint: Json;
  unit: string;
  progress_done: Generated<number>;
  progress_total: number | null;
  result: Json | null;
  error: string | null;
  attempts: Generated<number>;
  queue_job_id: string | null;
  worker: string | null;
  heartbeat_at: Timestamp | null;
  created_at: DefaultTimestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}
